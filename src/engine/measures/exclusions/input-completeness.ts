/**
 * Which resource types an ACO measure's verdict depends on, and why a verdict must be `unknown`.
 * The frailty and advanced-illness criteria only apply from age 66, so DeviceRequest and
 * MedicationRequest matter only then; a patient whose age puts them outside the measure's band is
 * definitely not in the population whatever else is missing.
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { incompleteInputs } from '../proportion.ts';
import { FRAILTY_MIN_AGE } from './advanced-illness-and-frailty.ts';

/** Types read by every ACO measure (encounters, diagnoses, procedures, observations, orders). */
export const CORE_TYPES = ['Encounter', 'Condition', 'Procedure', 'Observation', 'ServiceRequest'] as const;
/** Types read only for the frailty / dementia-medication criteria (age 66 and over). */
export const FRAILTY_TYPES = ['DeviceRequest', 'MedicationRequest'] as const;
/** Every type an ACO measure may read. */
export const ACO_MEASURE_TYPES: readonly string[] = [...CORE_TYPES, ...FRAILTY_TYPES];

/**
 * Reasons the verdict cannot be trusted: none when the age is known and outside `[low, high]`;
 * the birth date when the age is unknown; otherwise each required type that is missing or partial.
 */
export function verdictReasons(ctx: EvaluationContext, age: number | undefined, low: number, high: number): string[] {
  if (age === undefined) return ['Patient birth date is missing or too imprecise to tell the age'];
  if (age < low || age > high) return [];
  return incompleteInputs(ctx, age >= FRAILTY_MIN_AGE ? ACO_MEASURE_TYPES : CORE_TYPES);
}
