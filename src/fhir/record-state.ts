/**
 * What the app knows about the patient's record while it loads and after: the engine's
 * PatientRecord (available as soon as the Patient is read; types still loading are listed),
 * progress, freshness and a refetch. Produced by `usePatientRecord`.
 */
import type { PatientRecord } from '../engine/index.ts';

/** The record as the UI sees it. */
export interface RecordState {
  /** Present once the Patient is read; types still loading are `missing` ("still loading") in it. */
  record?: PatientRecord;
  /** Types whose first fetch has not settled yet. */
  loadingTypes: string[];
  /** True while any query (first load or refetch) is in flight. */
  refreshing: boolean;
  /** When the record was last completely fetched. */
  fetchedAt?: Date;
  /** Settled queries out of all (Patient + each type). */
  progress: { done: number; total: number };
  /** Re-reads every type (e.g. after a write-back); resolves when all have settled. */
  refetch(): Promise<void>;
  /** A failure that prevents showing the record: the Patient unreadable, or the session ended (401). */
  error?: unknown;
  /** Per-type server warnings (OperationOutcome entries, search limitations). */
  warnings: Record<string, string[]>;
}

/** Completeness reason used for a type whose fetch has not settled yet. */
export const STILL_LOADING = 'still loading';
