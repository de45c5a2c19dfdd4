/**
 * CQL date arithmetic as cql-execution 3.x does it (luxon in a fixed-offset zone, so a value's
 * own offset is kept and daylight-saving time never enters): `+ / -` a calendar quantity,
 * successor / predecessor, moving a value to another offset, and whole years between two Dates
 * (AgeInYearsAt). Imprecise values keep their precision; adding a finer unit to an imprecise value
 * starts from its first possible instant (its last one when subtracting), as there.
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#add-1 (calendar arithmetic, month-end clamp).
 */
import {
  DAY,
  HOUR,
  MILLISECOND,
  MINUTE,
  MONTH,
  SECOND,
  YEAR,
  daysInMonth,
  type CqlDateTime,
  type Precision,
} from './date-time.ts';

/** Calendar units a quantity can be added in. */
export type CalendarUnit = Precision;

/** Milliseconds in one of the fixed-length units (hour … millisecond). */
const UNIT_MS = [0, 0, 0, 3_600_000, 60_000, 1000, 1] as const;
const DAY_MS = 86_400_000;

/** UTC milliseconds of wall-clock fields (year first, month 1–12; any year, even < 100). */
export function wallMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (y >= 100) {
    return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  }
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

/** The seven wall-clock fields of a UTC millisecond value, cut to `precision`. */
function fieldsOf(ms: number, precision: number): number[] {
  const t = new Date(ms);
  const all = [
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
    t.getUTCMilliseconds(),
  ];
  return all.slice(0, precision + 1);
}

/** The first wall-clock instant a value can denote (missing fields at their floor), as UTC ms. */
function floorWall(v: CqlDateTime): number {
  const f = v.f;
  return wallMs(
    f[YEAR]!,
    f[MONTH] ?? 1,
    f[DAY] ?? 1,
    f[HOUR] ?? 0,
    f[MINUTE] ?? 0,
    f[SECOND] ?? 0,
    f[MILLISECOND] ?? 0,
  );
}

/** luxon `endOf(precision)`: the last wall-clock instant of the value's precision. */
function ceilWall(v: CqlDateTime): number {
  const f = v.f;
  const start = floorWall(v);
  switch (f.length - 1) {
    case YEAR:
      return wallMs(f[YEAR]! + 1, 1, 1) - 1;
    case MONTH:
      return wallMs(f[YEAR]!, f[MONTH]!, daysInMonth(f[YEAR]!, f[MONTH]!)) + DAY_MS - 1;
    case DAY:
      return start + DAY_MS - 1;
    case HOUR:
      return start + 3_600_000 - 1;
    case MINUTE:
      return start + 60_000 - 1;
    case SECOND:
      return start + 999;
    default:
      return start;
  }
}

/** The instant (UTC ms) of the value's first possible moment, in its own offset. */
export function instantOf(v: CqlDateTime): number {
  return v.ms ?? floorWall(v) - (v.isDate ? 0 : v.offset * 60_000);
}

/**
 * cql-execution `convertToTimezoneOffset`: the same instant written in another offset, cut back to
 * the value's precision (a date-only value moves from its midnight, so its day can change).
 */
export function convertToOffset(v: CqlDateTime, offset: number): CqlDateTime {
  if (v.isDate || v.offset === offset) {
    return v;
  }
  const ms = floorWall(v) - v.offset * 60_000 + offset * 60_000;
  return { isDate: false, f: fieldsOf(ms, v.f.length - 1), offset };
}

/**
 * `value + amount unit` (negative amounts subtract), or `null` when the result leaves
 * 0001–9999. luxon `plus` on wall-clock fields: years and months clamp the day to the month's end,
 * days add calendar days, finer units add elapsed time.
 */
export function add(v: CqlDateTime, amount: number, unit: CalendarUnit): CqlDateTime | null {
  if (amount === 0) {
    return v;
  }
  const n = Math.trunc(amount);
  const precision = v.f.length - 1;
  // adding a finer unit than the value has: from its first instant, or its last when subtracting
  const base = unit > precision && n < 0 ? ceilWall(v) : floorWall(v);
  const t = new Date(base);
  let y = t.getUTCFullYear();
  let mo = t.getUTCMonth() + 1;
  let d = t.getUTCDate();
  let ms: number;
  if (unit === YEAR || unit === MONTH) {
    if (unit === YEAR) {
      y += n;
    } else {
      mo += n;
    }
    y += Math.floor((mo - 1) / 12);
    mo = ((((mo - 1) % 12) + 12) % 12) + 1;
    d = Math.min(d, daysInMonth(y, mo));
    ms = wallMs(y, mo, d, t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds());
  } else if (unit === DAY) {
    ms = base + n * DAY_MS;
  } else {
    ms = base + n * UNIT_MS[unit];
  }
  const f = fieldsOf(ms, precision);
  if (f[YEAR]! < 1 || f[YEAR]! > 9999) {
    return null;
  }
  return { isDate: v.isDate, f, offset: v.offset };
}

/** The next value at the value's precision (CQL `successor`). */
export function successor(v: CqlDateTime): CqlDateTime | null {
  return add(v, 1, (v.f.length - 1) as CalendarUnit);
}

/** The previous value at the value's precision (CQL `predecessor`). */
export function predecessor(v: CqlDateTime): CqlDateTime | null {
  return add(v, -1, (v.f.length - 1) as CalendarUnit);
}

/** Whole years from `a` to `b` as luxon `diff(…, 'years')` truncates it (signed). */
function wholeYears(a: number, b: number): number {
  if (b < a) {
    return -wholeYears(b, a);
  }
  const ta = new Date(a);
  const tb = new Date(b);
  let years = tb.getUTCFullYear() - ta.getUTCFullYear();
  // luxon adds the years to the earlier date (Feb 29 → Feb 28) and backs off if it overshoots
  const shifted = (yrs: number) => {
    const y = ta.getUTCFullYear() + yrs;
    const mo = ta.getUTCMonth() + 1;
    return wallMs(
      y,
      mo,
      Math.min(ta.getUTCDate(), daysInMonth(y, mo)),
      ta.getUTCHours(),
      ta.getUTCMinutes(),
      ta.getUTCSeconds(),
      ta.getUTCMilliseconds(),
    );
  };
  if (shifted(years) > b) {
    years--;
  }
  return years;
}

/** A number known to lie in `low..high` (both ends inclusive; equal when exact). */
export interface UncertainNumber {
  low: number;
  high: number;
}

/**
 * `years between` two Dates as cql-execution's `durationBetween` computes it for CalculateAgeAt:
 * from the latest the first can be to the earliest the second can be, and the other way round.
 */
export function yearsBetween(from: CqlDateTime, to: CqlDateTime): UncertainNumber {
  const dayStart = (ms: number) => ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
  const aLow = floorWall(from);
  const aHigh = dayStart(ceilWall(from));
  const bLow = floorWall(to);
  const bHigh = dayStart(ceilWall(to));
  const low = wholeYears(aHigh, bLow);
  const high = wholeYears(aLow, bHigh);
  return low <= high ? { low, high } : { low: high, high: low };
}
