/**
 * Web Worker that runs the engine off the main thread (comlink): the value-set catalog and the
 * rules stay out of the app's initial bundle, and a heavy record (thousands of Observations) never
 * blocks input. The value-set index is built as soon as the worker starts, while the record is
 * still on the network. `evaluate` serves the population view; `evaluateAtVisit` the point-of-care
 * panel (the launch's open visit counted as closed, plus display names for codes the statements
 * mention without one).
 */
import { expose } from 'comlink';
import {
  evaluatePatient,
  type EvaluationOptions,
  type PatientEvaluation,
  type PatientRecord,
  builtinValueSets,
} from '../../engine/index.ts';
import { timedVisitEvaluation, type TimedVisitEvaluation } from './timed-visit-evaluation.ts';

/** One evaluation and how long it took inside the worker. */
export interface TimedEvaluation {
  evaluation: PatientEvaluation;
  ms: number;
}

/** What the worker exposes. */
export interface EvaluationWorkerApi {
  evaluate(record: PatientRecord, options: Omit<EvaluationOptions, 'valueSets'>): TimedEvaluation;
  evaluateAtVisit(
    record: PatientRecord,
    options: Omit<EvaluationOptions, 'valueSets'>,
    encounterId: string | undefined,
  ): TimedVisitEvaluation;
}

builtinValueSets();

const api: EvaluationWorkerApi = {
  evaluate(record, options) {
    const t0 = performance.now();
    const evaluation = evaluatePatient(record, options);
    return { evaluation, ms: performance.now() - t0 };
  },
  evaluateAtVisit: timedVisitEvaluation,
};

expose(api);
