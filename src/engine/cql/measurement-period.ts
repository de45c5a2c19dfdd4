/**
 * The "Measurement Period" parameter as fqm-execution passes it to the CQL: from the first day's
 * 00:00:00.000 to the last day's 23:59:59.999, both in the declared offset (UTC — see
 * date-time.ts), millisecond precision; and the windows the measures derive from it.
 * Spec: fqm-execution lib/execution/Execution.ts `getCQLIntervalEndpoints` (`DateTime.fromJSDate(…, 0)`).
 */
import type { DayPeriod } from '../types.ts';
import { add } from './date-time-arithmetic.ts';
import { DECLARED_OFFSET_MIN, MONTH, YEAR, dateFrom, dateTime, type CqlDateTime } from './date-time.ts';
import { interval, type CqlInterval } from './interval.ts';

function ymd(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** `Interval[start 00:00:00.000, end 23:59:59.999]` in the declared offset. */
export function measurementPeriodInterval(period: DayPeriod): CqlInterval {
  const start = dateTime([...ymd(period.start), 0, 0, 0, 0], DECLARED_OFFSET_MIN);
  const end = dateTime([...ymd(period.end), 23, 59, 59, 999], DECLARED_OFFSET_MIN);
  return interval(start, end);
}

/** `start of "Measurement Period"`. */
export function periodStart(mp: CqlInterval): CqlDateTime {
  return mp.low!;
}

/** `end of "Measurement Period"`. */
export function periodEnd(mp: CqlInterval): CqlDateTime {
  return mp.high!;
}

/** The period's Dates, made once per period. */
const DATES = new WeakMap<CqlInterval, [CqlDateTime, CqlDateTime]>();
function datesOf(mp: CqlInterval): [CqlDateTime, CqlDateTime] {
  let d = DATES.get(mp);
  if (!d) {
    DATES.set(mp, (d = [dateFrom(periodStart(mp)), dateFrom(periodEnd(mp))]));
  }
  return d;
}

/** `date from start of "Measurement Period"` (the Date ages are taken at in CMS2). */
export function startDate(mp: CqlInterval): CqlDateTime {
  return datesOf(mp)[0];
}

/** `date from end of "Measurement Period"` (the Date ages are taken at in the ACO measures). */
export function endDate(mp: CqlInterval): CqlDateTime {
  return datesOf(mp)[1];
}

/** `Interval[start of "Measurement Period" - n years, end of "Measurement Period"]`. */
export function yearsBeforeThroughEnd(mp: CqlInterval, years: number): CqlInterval {
  return interval(add(periodStart(mp), -years, YEAR), periodEnd(mp));
}

/** `Interval[start of "Measurement Period", start of "Measurement Period" + n months)`. */
export function firstMonths(mp: CqlInterval, months: number): CqlInterval {
  return interval(periodStart(mp), add(periodStart(mp), months, MONTH), true, false);
}
