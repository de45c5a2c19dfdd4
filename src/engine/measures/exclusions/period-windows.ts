/**
 * The measurement period and the look-back windows the measures derive from it, as day
 * intervals (`Interval[start of "Measurement Period" - 9 years, end of "Measurement Period"]`, …).
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#subtract-1 (calendar arithmetic clamps to month end).
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { addMonths, addYears } from '../../fhir/dates.ts';
import { dayInterval, type DayIv } from './cql-interval.ts';

/** `"Measurement Period"` as days. */
export function measurementPeriod(ctx: EvaluationContext): DayIv {
  return dayInterval(ctx.periodStartDay, ctx.periodEndDay);
}

/** `Interval[start of "Measurement Period" - n years, end of "Measurement Period"]`. */
export function yearsBeforeThroughEnd(ctx: EvaluationContext, years: number): DayIv {
  return dayInterval(addYears(ctx.periodStartDay, -years), ctx.periodEndDay);
}

/** `Interval[start of "Measurement Period", start of "Measurement Period" + n months)` (half-open). */
export function firstMonthsOfPeriod(ctx: EvaluationContext, months: number): DayIv {
  return dayInterval(ctx.periodStartDay, addMonths(ctx.periodStartDay, months) - 1);
}
