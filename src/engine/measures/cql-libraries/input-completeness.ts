/**
 * Which resource types an ACO measure's verdict depends on, and why a verdict must be `unknown`.
 * The frailty and advanced-illness criteria only apply from age 66, so DeviceRequest and
 * MedicationRequest matter only then; a patient whose age puts them outside the measure's band is
 * definitely not in the population whatever else is missing.
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import type { UncertainNumber } from '../../cql/date-time-arithmetic.ts';
import type { Tri } from '../../cql/logic.ts';
import { incompleteInputs } from '../proportion.ts';
import { FRAILTY_MIN_AGE } from './advanced-illness-and-frailty.ts';

/** Types read by every ACO measure (encounters, diagnoses, procedures, observations, orders). */
export const CORE_TYPES = ['Encounter', 'Condition', 'Procedure', 'Observation', 'ServiceRequest'] as const;
/** Types read only for the frailty / dementia-medication criteria (age 66 and over). */
export const FRAILTY_TYPES = ['DeviceRequest', 'MedicationRequest'] as const;
/** Every type an ACO measure may read. */
export const ACO_MEASURE_TYPES: readonly string[] = [...CORE_TYPES, ...FRAILTY_TYPES];

/**
 * Reasons the verdict cannot be trusted: none when the age is outside the band (`inBand` false);
 * the birth date when the band cannot be told (no birth date, or one too coarse); otherwise each
 * required type that is missing or partial, and each visit that could not be placed in the period
 * while no visit qualified (`doubtful`).
 */
export function verdictReasons(
  ctx: EvaluationContext,
  age: UncertainNumber | null,
  inBand: Tri,
  doubtful: readonly string[] = [],
): string[] {
  if (inBand === false) {
    return [];
  }
  if (inBand === null) {
    return ['Patient birth date is missing or too imprecise to tell the age'];
  }
  return [...incompleteInputs(ctx, age && age.high >= FRAILTY_MIN_AGE ? ACO_MEASURE_TYPES : CORE_TYPES), ...doubtful];
}
