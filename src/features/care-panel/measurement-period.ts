/**
 * The panel's one reading of the clock: the measurement period is the current calendar year
 * (eCQM performance periods are calendar years) and `asOf` is today, both in local time so "today"
 * matches the clinician's wall clock. The engine itself reads no zone (dates as written, CQL model).
 */
import type { DayPeriod, IsoDate } from '../../engine/index.ts';
import { formatDay } from './display-date.ts';

/** Local calendar date of `now` as YYYY-MM-DD. */
export function localIsoDay(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The calendar year containing `now` (local time). */
export function calendarYearPeriod(now: Date): DayPeriod {
  const y = now.getFullYear();
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** Minutes east of UTC of the local zone at `now` (JS getTimezoneOffset is minutes west). */
export function localTzOffsetMin(now: Date): number {
  const offset = -now.getTimezoneOffset();
  return offset === 0 ? 0 : offset;
}

/** Local ISO date-time with offset (e.g. 2026-11-03T14:02:00-05:00), the `now` of a write-back. */
export function localIsoDateTime(now: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const off = localTzOffsetMin(now);
  const sign = off >= 0 ? '+' : '-';
  return `${localIsoDay(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/**
 * Deprecated alias of {@link formatDay} (one date format everywhere: "3 Dec 2026", year always
 * written). `_thisYear` is ignored; it stays only so callers written before can still compile.
 */
export function shortDate(iso: string | undefined, _thisYear?: number): string {
  return formatDay(iso);
}
