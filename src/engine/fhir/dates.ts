/**
 * FHIR date / dateTime / instant / Period readers at every precision, and the day arithmetic the
 * measures' CQL uses ("during day of", "14 days or less on or before day of", "2 days or less on
 * or after day of end of").
 *
 * Days are counted as integer "epoch days" (days since 1970-01-01). A dateTime with a zone offset
 * is first moved to the evaluation time-zone offset (CQL converts both sides to the request's
 * offset before comparing at a precision); a date without time has no zone and is its own day.
 * A value coarser than a day (`2026`, `2026-03`) covers a range of days: `low` .. `high`.
 *
 * Spec: https://hl7.org/fhir/R4/datatypes.html#dateTime ,
 * https://cql.hl7.org/09-b-cqlreference.html#datetime-operators (comparison at precision).
 */

/** Precision a FHIR temporal value was written with. */
export type Precision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond';

/** A parsed FHIR temporal value. `ms` is the first instant it can denote, in UTC. */
export interface FhirDateTime {
  ms: number;
  /** Last instant it can denote (inclusive), in UTC; equals `ms` at millisecond precision. */
  msHigh: number;
  precision: Precision;
  /** Offset in minutes when the value carried one (`Z` → 0); absent for dates and zone-less times. */
  offsetMin?: number;
  /** The original text. */
  text: string;
}

/** A range of epoch days (inclusive). `low === high` for values of day precision or finer. */
export interface DayRange {
  low: number;
  high: number;
}

const DAY_MS = 86_400_000;
const RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Parsed values by text. Parsing is a pure function of the text, so a bounded memo is safe; the
 * same dates are read by validation and by many rules.
 */
const PARSED = new Map<string, FhirDateTime | null>();
const PARSED_MAX = 50_000;

/** Parses a FHIR date, dateTime or instant; `undefined` for anything that is not one. */
export function parseFhirDateTime(value: unknown): FhirDateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const hit = PARSED.get(value);
  if (hit !== undefined) return hit ?? undefined;
  const parsed = parseUncached(value);
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  // frozen: callers share the cached object and must not be able to change it
  PARSED.set(value, parsed ? Object.freeze(parsed) : null);
  return parsed;
}

function parseUncached(value: string): FhirDateTime | undefined {
  const m = RE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : undefined;
  const day = d ? Number(d) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) return undefined;
  const hour = h ? Number(h) : undefined;
  const minute = mi ? Number(mi) : undefined;
  const second = s ? Number(s) : undefined;
  if (hour !== undefined && hour > 24) return undefined;
  if (minute !== undefined && minute > 59) return undefined;
  if (second !== undefined && second > 60) return undefined;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMin: number | undefined;
  if (zone === 'Z') offsetMin = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMin = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  const precision: Precision =
    frac !== undefined ? 'millisecond'
    : second !== undefined ? 'second'
    : minute !== undefined ? 'minute'
    : hour !== undefined ? 'hour'
    : day !== undefined ? 'day'
    : month !== undefined ? 'month'
    : 'year';
  const base = Date.UTC(year, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0, ms);
  const shift = (offsetMin ?? 0) * 60_000;
  const low = base - shift;
  let high: number;
  switch (precision) {
    case 'year': high = Date.UTC(year + 1, 0, 1) - 1; break;
    case 'month': high = Date.UTC(year, month!, 1) - 1; break;
    case 'day': high = base + DAY_MS - 1; break;
    case 'hour': high = low + 3_600_000 - 1; break;
    case 'minute': high = low + 60_000 - 1; break;
    case 'second': high = low + 999; break;
    default: high = low;
  }
  const out: FhirDateTime = { ms: low, msHigh: high, precision, text: value };
  if (offsetMin !== undefined) out.offsetMin = offsetMin;
  return out;
}

/**
 * Whether a text is a FHIR date, dateTime or instant — exactly when {@link parseFhirDateTime}
 * reads it — checked character by character, without parsing or memoising (record validation
 * checks every date of a record; the rules parse only the ones they use).
 */
export function isFhirDateTime(value: string): boolean {
  const v = value.trim();
  const n = v.length;
  if (n < 4 || !digits(v, 0, 4)) return false;
  if (n === 4) return true;
  if (v.charCodeAt(4) !== DASH || n < 7 || !digits(v, 5, 2)) return false;
  const month = num2(v, 5);
  if (month < 1 || month > 12) return false;
  if (n === 7) return true;
  if (v.charCodeAt(7) !== DASH || n < 10 || !digits(v, 8, 2)) return false;
  const day = num2(v, 8);
  if (day < 1 || day > daysInMonth(Number(v.slice(0, 4)), month)) return false;
  if (n === 10) return true;
  if (v.charCodeAt(10) !== T || n < 13 || !digits(v, 11, 2) || num2(v, 11) > 24) return false;
  let i = 13;
  if (i < n && v.charCodeAt(i) === COLON) {
    if (i + 3 > n || !digits(v, i + 1, 2) || num2(v, i + 1) > 59) return false;
    i += 3;
    if (i < n && v.charCodeAt(i) === COLON) {
      if (i + 3 > n || !digits(v, i + 1, 2) || num2(v, i + 1) > 60) return false;
      i += 3;
      if (i < n && v.charCodeAt(i) === DOT) {
        let j = i + 1;
        while (j < n && j - i <= 9 && isDigit(v.charCodeAt(j))) j++;
        if (j === i + 1 || (j < n && isDigit(v.charCodeAt(j)))) return false;
        i = j;
      }
    }
  }
  if (i === n) return true;
  const z = v.charCodeAt(i);
  if (z === Z) return i + 1 === n;
  return (z === PLUS || z === DASH) && i + 6 === n && digits(v, i + 1, 2) && v.charCodeAt(i + 3) === COLON && digits(v, i + 4, 2);
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const T = 84;
const Z = 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
function digits(v: string, from: number, count: number): boolean {
  if (from + count > v.length) return false;
  for (let i = from; i < from + count; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}
const num2 = (v: string, at: number) => (v.charCodeAt(at) - 48) * 10 + (v.charCodeAt(at + 1) - 48);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 31;
}

/** Whether the value includes a time of day (so a zone conversion applies). */
export function hasTime(v: FhirDateTime): boolean {
  return v.precision !== 'year' && v.precision !== 'month' && v.precision !== 'day';
}

/**
 * The day(s) a value falls on in the evaluation time zone (`tzOffsetMin`, minutes east of UTC).
 * Dates are zone-less: `2026-03-01` is day 2026-03-01 whatever the zone. A dateTime without an
 * offset is read as local to the evaluation zone.
 */
export function dayRangeOf(v: FhirDateTime, tzOffsetMin = 0): DayRange {
  if (!hasTime(v)) return { low: Math.floor(v.ms / DAY_MS), high: Math.floor(v.msHigh / DAY_MS) };
  // a zone-less dateTime was parsed as wall-clock time, which is already local: no shift
  const shift = v.offsetMin === undefined ? 0 : tzOffsetMin * 60_000;
  return { low: Math.floor((v.ms + shift) / DAY_MS), high: Math.floor((v.msHigh + shift) / DAY_MS) };
}

/** The single day of a value, or `undefined` when its precision is coarser than a day. */
export function dayOf(v: FhirDateTime | undefined, tzOffsetMin = 0): number | undefined {
  if (!v) return undefined;
  const r = dayRangeOf(v, tzOffsetMin);
  return r.low === r.high ? r.low : undefined;
}

/** Epoch day of an ISO calendar date `YYYY-MM-DD` (throws on anything else: callers validate input). */
export function epochDay(iso: string): number {
  const v = parseFhirDateTime(iso);
  if (!v || v.precision !== 'day') throw new RangeError(`not a calendar date: ${iso}`);
  return Math.floor(v.ms / DAY_MS);
}

/** ISO calendar date `YYYY-MM-DD` of an epoch day. */
export function isoDay(day: number): string {
  let text = ISO_DAYS.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (ISO_DAYS.size >= PARSED_MAX) ISO_DAYS.clear();
    ISO_DAYS.set(day, text);
  }
  return text;
}

/** ISO texts by epoch day (a pure function, memoised: evidence and due dates repeat the same days). */
const ISO_DAYS = new Map<number, string>();

/** Adds whole calendar months to an epoch day, clamping to the month's last day (CQL semantics). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const dim = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  return Math.floor(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), dim)) / DAY_MS);
}

/** Adds whole years to an epoch day (Feb 29 → Feb 28 in a common year, as CQL does). */
export function addYears(day: number, years: number): number {
  return addMonths(day, years * 12);
}

/**
 * Age in whole years on a given day (CQL `AgeInYearsAt`), from a birthDate at any precision.
 * Returns `undefined` when a partial birth date makes the age ambiguous on that day.
 */
export function ageInYearsOn(birthDate: string | undefined, day: number): number | undefined {
  const b = parseFhirDateTime(birthDate);
  if (!b) return undefined;
  const lowBirth = Math.floor(b.ms / DAY_MS);
  const highBirth = Math.floor(b.msHigh / DAY_MS);
  const a = wholeYears(highBirth, day);
  const c = wholeYears(lowBirth, day);
  return a === c ? a : undefined;
}

function wholeYears(fromDay: number, toDay: number): number {
  const f = new Date(fromDay * DAY_MS);
  const t = new Date(toDay * DAY_MS);
  let years = t.getUTCFullYear() - f.getUTCFullYear();
  if (t.getUTCMonth() < f.getUTCMonth() || (t.getUTCMonth() === f.getUTCMonth() && t.getUTCDate() < f.getUTCDate()))
    years -= 1;
  return years;
}

/** A FHIR Period read as days; either end may be absent (open). */
export interface DayInterval {
  start?: DayRange;
  end?: DayRange;
  /** Parsed ends, for finer-than-day comparisons. */
  startValue?: FhirDateTime;
  endValue?: FhirDateTime;
}

/** Reads a FHIR Period as days in the evaluation zone. */
export function periodDays(p: fhir4.Period | undefined, tzOffsetMin = 0): DayInterval {
  const out: DayInterval = {};
  if (!p || typeof p !== 'object') return out;
  const s = parseFhirDateTime(p.start);
  const e = parseFhirDateTime(p.end);
  if (s) {
    out.startValue = s;
    out.start = dayRangeOf(s, tzOffsetMin);
  }
  if (e) {
    out.endValue = e;
    out.end = dayRangeOf(e, tzOffsetMin);
  }
  return out;
}
