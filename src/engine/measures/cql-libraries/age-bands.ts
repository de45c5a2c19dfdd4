/**
 * `AgeInYearsAt(date from end of "Measurement Period")` and the age bands the ACO measures test it
 * against, in CQL's three-valued logic: a birth date written to the year or month only gives an
 * age range, and a band holds when every age in the range is in it (a year-only birthDate still
 * puts a 50-year-old in 18–85, as fqm-execution does). A missing birth date is a data issue.
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#calculateageat
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { ageAtLeast, ageInYearsAt, ageWithin } from '../../cql/age.ts';
import type { UncertainNumber } from '../../cql/date-time-arithmetic.ts';
import type { Tri } from '../../cql/logic.ts';
import { endDate } from '../../cql/measurement-period.ts';

/** Ages computed per evaluation (every ACO measure and exclusion asks for it). */
const AGES = new WeakMap<EvaluationContext, UncertainNumber | null>();

/** Age in whole years on the last day of the measurement period; `null` when there is no birth date. */
export function ageAtPeriodEnd(ctx: EvaluationContext): UncertainNumber | null {
  const known = AGES.get(ctx);
  if (known !== undefined) {
    return known;
  }
  const birthDate = ctx.record.patient.birthDate;
  const age = ageInYearsAt(birthDate, endDate(ctx.measurementPeriod));
  AGES.set(ctx, age);
  if (!age) {
    ctx.issue({
      resourceType: 'Patient',
      id: ctx.record.patient.id,
      field: 'birthDate',
      message: birthDate ? 'birth date is not a date' : 'birth date is missing',
      severity: 'error',
    });
  }
  return age;
}

/** `age in Interval[low, high]` (three-valued); reports a birth date too coarse to tell. */
export function ageInBand(ctx: EvaluationContext, age: UncertainNumber | null, low: number, high: number): Tri {
  const inBand = high === Infinity ? ageAtLeast(age, low) : ageWithin(age, low, high);
  if (age && inBand === null) {
    ctx.issue({
      resourceType: 'Patient',
      id: ctx.record.patient.id,
      field: 'birthDate',
      message: `birth date too imprecise to tell whether the age at the end of the measurement period is ${high === Infinity ? `${low} or more` : `${low}–${high}`}`,
      severity: 'warning',
    });
  }
  return inBand;
}
