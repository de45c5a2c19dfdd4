/**
 * The write-back life cycle of one form: review (the exact resources shown before anything is
 * written) → saving → refreshing (record re-read) → saved (the panel shows the gap's new state) or failed (the
 * server's error shown; the prepared batch and the form's answers are kept, and "Try again"
 * re-sends the same batch — same identifiers, conditional create — so nothing is applied twice).
 */
import { useCallback, useRef, useState } from 'react';
import {
  submitErrorText,
  submitWriteBatch,
  type FhirCreateClient,
  type SubmitResult,
  type WriteBatch,
} from '../../fhir/write-back.ts';

/** How long one create may take before the panel reports it and offers a retry. */
export const WRITE_TIMEOUT_MS = 30_000;

/**
 * Batches sent at least once without a confirmed success, by the key of the data entered (which
 * includes the patient). Kept for the tab's lifetime, outside any component, so that closing the
 * form or switching forms and confirming the same data again re-sends the same identifiers.
 */
const ATTEMPTED = new Map<string, WriteBatch>();

/** Phase of a write. */
export type WritePhase = 'editing' | 'review' | 'saving' | 'refreshing' | 'saved' | 'failed';

/** State and commands of a write. */
export interface WriteBack {
  phase: WritePhase;
  batch?: WriteBatch;
  error?: string;
  result?: SubmitResult;
  /**
   * Shows the confirmation step for a prepared batch. `key` identifies the entered data: when the
   * same data were already sent once without a confirmed success, the batch of that attempt (its
   * identifiers) is reused, so going back to the form and confirming again cannot duplicate.
   */
  review(batch: WriteBatch, key: string): void;
  /** Back to the form (answers untouched); the prepared batch is dropped unless a send failed. */
  edit(): void;
  /** Sends the batch under review (or re-sends the failed one). */
  confirm(): Promise<void>;
}

/** Adds a timeout signal to every create (fhirclient passes `signal` to fetch). */
function withTimeout(client: FhirCreateClient): FhirCreateClient {
  return {
    request: (options) =>
      client.request({ ...options, signal: AbortSignal.timeout(WRITE_TIMEOUT_MS) } as typeof options),
  };
}

/** The write-back hook for one form. */
export function useWriteBack(client: FhirCreateClient, refetch: () => Promise<void>): WriteBack {
  const [phase, setPhase] = useState<WritePhase>('editing');
  const [batch, setBatch] = useState<WriteBatch>();
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<SubmitResult>();
  const sending = useRef(false);
  const keyOf = useRef('');

  const review = useCallback((b: WriteBatch, key: string) => {
    keyOf.current = key;
    setBatch(ATTEMPTED.get(key) ?? b);
    setError(undefined);
    setPhase('review');
  }, []);

  const edit = useCallback(() => {
    setPhase('editing');
  }, []);

  const confirm = useCallback(async () => {
    if (!batch || sending.current) {
      return;
    } // a double click never sends twice
    sending.current = true;
    ATTEMPTED.set(keyOf.current, batch);
    setPhase('saving');
    setError(undefined);
    try {
      const r = await submitWriteBatch(withTimeout(client), batch);
      setResult(r);
      if (!r.ok) {
        setError(submitErrorText(r) ?? 'The EHR did not accept the data.');
        setPhase('failed');
        return;
      }
      ATTEMPTED.delete(keyOf.current);
      setPhase('refreshing');
      // "saved" only once the record is re-read, so what the panel then says about the gap is about the new data
      await refetch().catch(() => undefined);
      setPhase('saved');
    } finally {
      sending.current = false;
    }
  }, [batch, client, refetch]);

  return {
    phase,
    ...(batch ? { batch } : {}),
    ...(error ? { error } : {}),
    ...(result ? { result } : {}),
    review,
    edit,
    confirm,
  };
}
