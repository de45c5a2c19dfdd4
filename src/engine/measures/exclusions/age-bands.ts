/**
 * `AgeInYearsAt(date from end of "Measurement Period")` and the age bands the measures test it
 * against. A missing or too-coarse birth date is a data issue, never a guess.
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#calculateageat
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { ageInYearsOn } from '../../fhir/dates.ts';

/** Age in whole years on the last day of the measurement period; `undefined` when unknown. */
export function ageAtPeriodEnd(ctx: EvaluationContext): number | undefined {
  const birthDate = ctx.record.patient.birthDate;
  const age = ageInYearsOn(birthDate, ctx.periodEndDay);
  if (age === undefined)
    ctx.issue({
      resourceType: 'Patient',
      id: ctx.record.patient.id,
      field: 'birthDate',
      message: birthDate ? 'birth date too imprecise to tell the age at the end of the measurement period' : 'birth date is missing',
      severity: 'error',
    });
  return age;
}

/** Whether the age at the end of the period lies in `[low, high]` (inclusive; high may be Infinity). */
export function ageInBand(ctx: EvaluationContext, low: number, high: number): boolean {
  const age = ageAtPeriodEnd(ctx);
  return age !== undefined && age >= low && age <= high;
}
