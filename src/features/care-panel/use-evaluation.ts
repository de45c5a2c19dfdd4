/**
 * Evaluates the record whenever it changes, in the evaluation worker (see evaluation-worker.ts),
 * falling back to a lazily imported engine on the main thread where workers do not exist (jsdom).
 * The previous result stays on screen until the next one arrives (no flash, no layout jump), and a
 * late answer for an older record never overwrites a newer one.
 */
import { useEffect, useRef, useState } from 'react';
import { wrap, type Remote } from 'comlink';
import type { EvaluationOptions, PatientRecord } from '../../engine/index.ts';
import type { EvaluationWorkerApi, TimedEvaluation } from './evaluation-worker.ts';

/** An evaluation and where it ran. */
export interface PanelEvaluation extends TimedEvaluation {
  where: 'worker' | 'main-thread';
}

type Options = Omit<EvaluationOptions, 'valueSets'>;

/** Runs one evaluation on the main thread (engine loaded on demand). */
async function evaluateHere(record: PatientRecord, options: Options): Promise<PanelEvaluation> {
  const { evaluatePatient } = await import('../../engine/index.ts');
  const t0 = performance.now();
  const evaluation = evaluatePatient(record, options);
  return { evaluation, ms: performance.now() - t0, where: 'main-thread' };
}

/** The latest evaluation of `record` (undefined until the first one completes). */
export function useEvaluation(record: PatientRecord | undefined, options: Options): PanelEvaluation | undefined {
  const [result, setResult] = useState<PanelEvaluation>();
  const worker = useRef<{ api: Remote<EvaluationWorkerApi>; terminate(): void } | null>(null);
  const sequence = useRef(0);

  useEffect(() => {
    if (typeof Worker === 'undefined') return undefined;
    const w = new Worker(new URL('./evaluation-worker.ts', import.meta.url), { type: 'module', name: 'caregap-evaluation' });
    worker.current = { api: wrap<EvaluationWorkerApi>(w), terminate: () => w.terminate() };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const { period, asOf, only } = options;
  useEffect(() => {
    if (!record) return;
    const mine = ++sequence.current;
    const opts: Options = { period, ...(asOf ? { asOf } : {}), ...(only ? { only } : {}) };
    const run: Promise<PanelEvaluation> = worker.current
      ? worker.current.api.evaluate(record, opts).then((r) => ({ ...r, where: 'worker' as const }))
      : evaluateHere(record, opts);
    run.then(
      (r) => {
        if (mine === sequence.current) setResult(r);
      },
      () => {
        // A worker failure (e.g. blocked by the host's CSP) must not leave the panel empty.
        if (mine === sequence.current) void evaluateHere(record, opts).then((r) => mine === sequence.current && setResult(r));
      },
    );
  }, [record, period.start, period.end, asOf, only]);

  return result;
}
