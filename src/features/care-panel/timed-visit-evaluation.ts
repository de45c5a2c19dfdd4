/**
 * The point-of-care panel's evaluation: the engine at the launch's visit (its open visit counted as
 * closed, engine/visit/) plus display names for codes the statements mention without one, timed.
 * Runs in the evaluation worker, or on the main thread where workers do not exist (jsdom).
 */
import {
  evaluateAtVisit,
  type EvaluationOptions,
  type PatientRecord,
  type VisitEvaluation,
} from '../../engine/index.ts';
import { codeDisplays } from './code-displays.ts';

/** The evaluation at the visit, how long it took, and display names for codes its statements mention. */
export interface TimedVisitEvaluation {
  atVisit: VisitEvaluation;
  /** [codingKey, display] pairs (plain-language.ts). */
  displays: Array<[string, string]>;
  ms: number;
}

/** Evaluates `record` at the visit `encounterId` (undefined: a launch without one). */
export function timedVisitEvaluation(
  record: PatientRecord,
  options: Omit<EvaluationOptions, 'valueSets'>,
  encounterId: string | undefined,
): TimedVisitEvaluation {
  const t0 = performance.now();
  const atVisit = evaluateAtVisit(record, options, encounterId);
  const displays = codeDisplays(atVisit.evaluation, record);
  return { atVisit, displays, ms: performance.now() - t0 };
}
