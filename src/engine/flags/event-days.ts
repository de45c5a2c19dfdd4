/**
 * The single day a flag dates an event on. Look-backs ("in the last 30 days") need one day; a
 * value coarser than a day (`2026-03`) is dated on its latest possible day that is not after asOf,
 * so a month-precision screen in the current month still counts (a safety flag must not drop a
 * positive answer for want of a day). Unreadable dates are reported once and the event skipped.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { dayBounds, daySpan, type DayRange } from '../cql/calendar-days.ts';
import { parseDateTime } from '../cql/date-time.ts';

/** `Type/id` of a resource. */
export function refOf(r: fhir4.Resource): string {
  return `${r.resourceType}/${r.id ?? 'unknown'}`;
}

/** One day from a day range (see file comment); `undefined` when the range starts after asOf. */
export function dayWithin(range: DayRange | undefined, asOfDay: number): number | undefined {
  if (!range || !Number.isFinite(range.low) || !Number.isFinite(range.high)) {
    return undefined;
  }
  if (range.low === range.high) {
    return range.low;
  }
  if (range.low > asOfDay) {
    return range.low;
  }
  return Math.min(range.high, asOfDay);
}

/** Whether `day` lies within `days` days before asOf (both ends inclusive; future days excluded). */
export function withinDaysBefore(day: number, asOfDay: number, days: number): boolean {
  return day <= asOfDay && asOfDay - day <= days;
}

/** The day an Observation was made: effective[x] (start), else `issued`. */
export function observationDay(ctx: EvaluationContext, obs: fhir4.Observation): number | undefined {
  const read = ctx.effectiveOf(obs);
  if (read.malformed) {
    ctx.issue({
      resourceType: 'Observation',
      id: obs.id,
      field: read.malformed,
      message: 'unreadable date: observation ignored by the risk flags',
      severity: 'warning',
    });
    return undefined;
  }
  const start = dayBounds(read.interval).start;
  if (start && Number.isFinite(start.low)) {
    return dayWithin(start, ctx.asOfDay);
  }
  return dateDay(ctx, obs, 'issued', obs.issued);
}

/** The day of a plain FHIR date/dateTime field, reporting an unreadable one. */
export function dateDay(
  ctx: EvaluationContext,
  r: fhir4.Resource,
  field: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const v = parseDateTime(value);
  if (!v) {
    ctx.issue({
      resourceType: r.resourceType,
      id: r.id,
      field,
      message: 'unreadable date: ignored by the risk flags',
      severity: 'warning',
    });
    return undefined;
  }
  return dayWithin(daySpan(v), ctx.asOfDay);
}
