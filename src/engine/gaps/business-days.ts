/**
 * Business days for the TCM interactive-contact window. CMS TCM FAQ (2016): "Business days are
 * Monday through Friday, except holidays, without respect to normal practice hours or date of
 * notification of discharge." CMS does not list the holidays; we take the US federal holidays of
 * 5 U.S.C. 6103(a) — New Year's Day, Martin Luther King Jr. Day (3rd Monday of January),
 * Washington's Birthday (3rd Monday of February), Memorial Day (last Monday of May), Juneteenth
 * (June 19, since 2021), Independence Day, Labor Day (1st Monday of September), Columbus Day (2nd
 * Monday of October), Veterans Day (November 11), Thanksgiving (4th Thursday of November) and
 * Christmas — on their observed days (a Saturday holiday is observed the Friday before, a Sunday
 * holiday the Monday after: 5 U.S.C. 6103(b), Executive Order 11582), as OPM publishes them.
 * Days are epoch days (calendar days as written, as in cql/calendar-days.ts); no clock is read.
 */
import { epochDayOf, yearOfDay } from '../cql/calendar-days.ts';
import { daysInMonth } from '../cql/date-time.ts';

/** Day of the week of an epoch day: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The `n`th (1-based) given weekday of a month; `n = -1` is the last one. */
function nthWeekday(year: number, month: number, dow: number, n: number): number {
  if (n < 0) {
    const last = epochDayOf(year, month, daysInMonth(year, month));
    return last - ((weekday(last) - dow + 7) % 7);
  }
  const first = epochDayOf(year, month, 1);
  return first + ((dow - weekday(first) + 7) % 7) + (n - 1) * 7;
}

/** Saturday → the Friday before, Sunday → the Monday after. */
function observed(day: number): number {
  const dow = weekday(day);
  return dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
}

const HOLIDAYS_BY_YEAR = new Map<number, ReadonlySet<number>>();

/** The observed US federal holidays that fall in calendar year `year` (as epoch days). */
export function usFederalHolidays(year: number): ReadonlySet<number> {
  let set = HOLIDAYS_BY_YEAR.get(year);
  if (set) {
    return set;
  }
  const days: number[] = [];
  // a fixed-date holiday of year y can be observed in y − 1 (New Year's Day on a Saturday)
  for (const y of [year, year + 1]) {
    days.push(observed(epochDayOf(y, 1, 1)));
    if (y >= 2021) {
      days.push(observed(epochDayOf(y, 6, 19)));
    }
    days.push(observed(epochDayOf(y, 7, 4)), observed(epochDayOf(y, 11, 11)), observed(epochDayOf(y, 12, 25)));
    days.push(
      nthWeekday(y, 1, 1, 3),
      nthWeekday(y, 2, 1, 3),
      nthWeekday(y, 5, 1, -1),
      nthWeekday(y, 9, 1, 1),
      nthWeekday(y, 10, 1, 2),
      nthWeekday(y, 11, 4, 4),
    );
  }
  const lo = epochDayOf(year, 1, 1);
  const hi = epochDayOf(year, 12, 31);
  set = new Set(days.filter((d) => d >= lo && d <= hi));
  HOLIDAYS_BY_YEAR.set(year, set);
  return set;
}

/** Whether an epoch day is a business day (Monday–Friday and not an observed US federal holiday). */
export function isBusinessDay(day: number): boolean {
  const dow = weekday(day);
  if (dow === 0 || dow === 6) {
    return false;
  }
  return !usFederalHolidays(yearOfDay(day)).has(day);
}

/** The `n`th business day after `day` (n ≥ 1; `day` itself is never counted). */
export function addBusinessDays(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0;) {
    d++;
    if (isBusinessDay(d)) {
      left--;
    }
  }
  return d;
}
