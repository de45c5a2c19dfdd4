/**
 * The day view of CQL values, for rules written in days rather than in CQL (follow-up windows,
 * flags, SDOH, due dates) and for display. A value's day is its calendar date AS WRITTEN, in its
 * own offset — what cql-execution compares at day precision — so `2026-12-31T20:00:00-05:00` is
 * on 31 December whatever zone the engine runs in. A value coarser than a day covers a range of
 * days. Days are counted as integer "epoch days" (days since 1970-01-01).
 */
import { ageInYearsAt, exactAge } from './age.ts';
import { wallMs } from './date-time-arithmetic.ts';
import {
  DAY,
  MONTH,
  YEAR,
  cqlText,
  date,
  dateFrom,
  daysInMonth,
  parseDateTime,
  type CqlDateTime,
} from './date-time.ts';
import { endOf, startOf, type CqlInterval } from './interval.ts';

const DAY_MS = 86_400_000;

/** A range of epoch days, both ends inclusive (`low === high` for a value of day precision or finer). */
export interface DayRange {
  low: number;
  high: number;
}

/** Epoch day of a calendar date. */
export function epochDayOf(year: number, month: number, day: number): number {
  return Math.floor(wallMs(year, month, day) / DAY_MS);
}

/** The day(s) a value falls on as written (see the file comment). */
export function daySpan(v: CqlDateTime): DayRange {
  const f = v.f;
  const y = f[YEAR]!;
  if (f.length > DAY) {
    const d = v.day ?? epochDayOf(y, f[MONTH]!, f[DAY]!);
    return { low: d, high: d };
  }
  if (f.length > MONTH) {
    return { low: epochDayOf(y, f[MONTH]!, 1), high: epochDayOf(y, f[MONTH]!, daysInMonth(y, f[MONTH]!)) };
  }
  return { low: epochDayOf(y, 1, 1), high: epochDayOf(y, 12, 31) };
}

/** The single day of a value, or `undefined` when it is coarser than a day. */
export function singleDay(v: CqlDateTime | null | undefined): number | undefined {
  return v && v.f.length > DAY ? (v.day ?? epochDayOf(v.f[YEAR]!, v.f[MONTH]!, v.f[DAY]!)) : undefined;
}

/** A value's date as written (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when it is coarser), for evidence. */
export function writtenDate(v: CqlDateTime): string {
  return cqlText(dateFrom(v));
}

/** The single day of a FHIR date / dateTime text; `undefined` when unreadable or coarser than a day. */
export function dayOfText(text: unknown): number | undefined {
  return singleDay(parseDateTime(text));
}

const MIN_DAY: DayRange = Object.freeze({ low: -Infinity, high: -Infinity });
const MAX_DAY: DayRange = Object.freeze({ low: Infinity, high: Infinity });

/** An interval's ends as days: `±Infinity` when unbounded, absent when unknown. */
export interface DayBounds {
  start?: DayRange;
  end?: DayRange;
}

/**
 * The days an interval starts and ends on (its closed boundaries): an unbounded end is
 * `±Infinity`, an unknown one absent.
 */
export function dayBounds(iv: CqlInterval | null): DayBounds {
  const out: DayBounds = {};
  if (!iv) {
    return out;
  }
  if (iv.low === null) {
    if (iv.lowClosed) {
      out.start = MIN_DAY;
    }
  } else {
    const s = startOf(iv);
    if (s) {
      out.start = daySpan(s);
    }
  }
  if (iv.high === null) {
    if (iv.highClosed) {
      out.end = MAX_DAY;
    }
  } else {
    const e = endOf(iv);
    if (e) {
      out.end = daySpan(e);
    }
  }
  return out;
}

/** The days a FHIR Period's written start and end fall on (each absent when absent or unreadable), for display. */
export function periodDays(p: fhir4.Period | undefined): DayBounds {
  const out: DayBounds = {};
  const s = p && typeof p === 'object' ? parseDateTime(p.start) : undefined;
  const e = p && typeof p === 'object' ? parseDateTime(p.end) : undefined;
  if (s) {
    out.start = daySpan(s);
  }
  if (e) {
    out.end = daySpan(e);
  }
  return out;
}

/** Epoch day of an ISO calendar date `YYYY-MM-DD` (throws on anything else: callers validate input). */
export function epochDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`not a calendar date: ${iso}`);
  }
  return epochDayOf(y, mo, d);
}

/** ISO texts by epoch day (a pure function, memoised: evidence and due dates repeat the same days). */
const ISO_DAYS = new Map<number, string>();

/** ISO calendar date `YYYY-MM-DD` of an epoch day. */
export function isoDay(day: number): string {
  let text = ISO_DAYS.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (ISO_DAYS.size >= 50_000) {
      ISO_DAYS.clear();
    }
    ISO_DAYS.set(day, text);
  }
  return text;
}

/** The calendar year of an epoch day. */
export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The CQL Date of an epoch day. */
function dateOfDay(day: number): CqlDateTime {
  const t = new Date(day * DAY_MS);
  return date([t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()]);
}

/** Adds whole calendar months to an epoch day, clamping to the month's last day (CQL semantics). */
export function addMonths(day: number, months: number): number {
  const t = new Date(day * DAY_MS);
  const total = t.getUTCFullYear() * 12 + t.getUTCMonth() + months;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  return epochDayOf(y, mo, Math.min(t.getUTCDate(), daysInMonth(y, mo)));
}

/**
 * Age in whole years on a day (CQL `AgeInYearsAt`, so a Feb 29 birthday turns a year older on
 * Feb 28 in a common year), or `undefined` when the birth date is missing or too coarse to tell.
 */
export function ageInYearsOn(birthDate: string | undefined, day: number): number | undefined {
  return exactAge(ageInYearsAt(birthDate, dateOfDay(day)));
}
