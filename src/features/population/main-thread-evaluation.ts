/**
 * The engine's evaluation on the main thread, for where no Web Worker exists (jsdom) or the
 * worker failed: loaded only on demand (a dynamic import), so the rules and the value-set catalog
 * stay out of the population view's chunk.
 */
import {
  evaluatePatient,
  type EvaluationOptions,
  type PatientEvaluation,
  type PatientRecord,
} from '../../engine/index.ts';

/** Evaluates one record with the built-in value sets. */
export function evaluateOnMainThread(
  record: PatientRecord,
  options: Omit<EvaluationOptions, 'valueSets'>,
): PatientEvaluation {
  return evaluatePatient(record, options);
}
