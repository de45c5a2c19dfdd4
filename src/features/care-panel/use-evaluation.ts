/**
 * Evaluates the record at the launch's visit whenever either changes, in the evaluation worker
 * (see evaluation-worker.ts), falling back to a lazily imported engine on the main thread where
 * workers do not exist (jsdom). The previous result stays on screen until the next one arrives
 * (no flash, no layout jump), and a late answer for an older record never overwrites a newer one. A worker that fails or never
 * answers (a message it cannot receive is dropped silently) hands over to the main thread; if that
 * fails too the panel says so instead of vanishing.
 */
import { useEffect, useRef, useState } from 'react';
import { wrap, type Remote } from 'comlink';
import type { EvaluationOptions, PatientRecord } from '../../engine/index.ts';
import type { EvaluationWorkerApi } from './evaluation-worker.ts';
import type { TimedVisitEvaluation } from './timed-visit-evaluation.ts';

/** An evaluation at the visit, the record it was made from, and where it ran. */
export interface PanelEvaluation extends TimedVisitEvaluation {
  record: PatientRecord;
  where: 'worker' | 'main-thread';
}

type Options = Omit<EvaluationOptions, 'valueSets'>;

/** The evaluation could not run at all (shown as an error, never as an empty panel). */
export interface EvaluationFailure {
  failed: true;
  message: string;
}

/** How long the worker may take before the main thread evaluates instead (the heavy patient takes ≈ 0.1 s). */
export const WORKER_ANSWER_TIMEOUT_MS = 30_000;

/** `promise`, or a rejection after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the evaluation worker did not answer within ${ms / 1000} s`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Runs one evaluation on the main thread (engine loaded on demand). */
async function evaluateHere(
  record: PatientRecord,
  options: Options,
  encounterId: string | undefined,
): Promise<PanelEvaluation> {
  const { timedVisitEvaluation } = await import('./timed-visit-evaluation.ts');
  return { ...timedVisitEvaluation(record, options, encounterId), record, where: 'main-thread' };
}

/** The latest evaluation of `record` at the visit `encounterId` (undefined until the first one completes). */
export function useEvaluation(
  record: PatientRecord | undefined,
  options: Options,
  encounterId?: string,
): PanelEvaluation | EvaluationFailure | undefined {
  const [result, setResult] = useState<PanelEvaluation | EvaluationFailure>();
  const worker = useRef<{ api: Remote<EvaluationWorkerApi>; terminate(): void } | null>(null);
  const sequence = useRef(0);

  useEffect(() => {
    if (typeof Worker === 'undefined') {
      return undefined;
    }
    const w = new Worker(new URL('./evaluation-worker.ts', import.meta.url), {
      type: 'module',
      name: 'caregap-evaluation',
    });
    worker.current = { api: wrap<EvaluationWorkerApi>(w), terminate: () => w.terminate() };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const { period, asOf, only } = options;
  useEffect(() => {
    if (!record) {
      return;
    }
    const mine = ++sequence.current;
    const opts: Options = { period, ...(asOf ? { asOf } : {}), ...(only ? { only } : {}) };
    const failed = (e: unknown) => {
      if (mine === sequence.current) {
        setResult({ failed: true, message: e instanceof Error ? e.message : String(e) });
      }
    };
    const run: Promise<PanelEvaluation> = worker.current
      ? within(worker.current.api.evaluateAtVisit(record, opts, encounterId), WORKER_ANSWER_TIMEOUT_MS).then((r) => ({
          ...r,
          record,
          where: 'worker' as const,
        }))
      : evaluateHere(record, opts, encounterId);
    run.then(
      (r) => {
        if (mine === sequence.current) {
          setResult(r);
        }
      },
      () => {
        // A worker failure (e.g. blocked by the host's CSP, or a message it could not receive)
        // must not leave the panel empty.
        if (mine === sequence.current) {
          void evaluateHere(record, opts, encounterId).then((r) => mine === sequence.current && setResult(r), failed);
        }
      },
    );
  }, [record, period.start, period.end, asOf, only, encounterId]);

  return result;
}
