/**
 * CQL Date and DateTime values, read from FHIR text exactly as the reference engine reads them
 * (cql-exec-fhir → cql-execution 3.x `DateTime.parse`): every field as WRITTEN, the value's own
 * offset kept. A value may stop at any precision (`2026`, `2026-03`, `2026-03-04T10`); the missing
 * fields are unknown, not zero.
 *
 * THE DECLARED OFFSET. CQL takes a value without an offset (a date-only dateTime, a zone-less
 * dateTime, a Date turned into a DateTime, the minimum / maximum DateTime) in "the timezone offset
 * of the evaluation request timestamp" (https://cql.hl7.org/05-languagesemantics.html#datetime-operators).
 * cql-execution uses the executing machine's current offset there, which makes a result depend on
 * where it runs. This engine declares ONE offset instead, {@link DECLARED_OFFSET_MIN} = UTC: the
 * offset fqm-execution itself gives the measurement-period bounds and the evaluation timestamp
 * (`DateTime.fromJSDate(…, 0)`), so our results equal fqm-execution's run with `TZ=UTC`, in any
 * zone, winter or summer, in the CLI and in the browser alike.
 */

/** Field positions, coarse to fine (cql-execution `DateTime.FIELDS`). */
export const YEAR = 0;
export const MONTH = 1;
export const DAY = 2;
export const HOUR = 3;
export const MINUTE = 4;
export const SECOND = 5;
export const MILLISECOND = 6;

/** A precision: the index of the finest field a comparison or value goes to. */
export type Precision = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The offset (minutes east of UTC) a value without a written offset is read in. See the file comment. */
export const DECLARED_OFFSET_MIN = 0;

/**
 * A CQL Date (`isDate`) or DateTime. `f` holds the known fields, year first (month 1–12); its
 * length is the precision + 1. A DateTime always has an offset (its written one, else the
 * declared one); a Date has none.
 */
export interface CqlDateTime {
  readonly isDate: boolean;
  readonly f: readonly number[];
  /** Minutes east of UTC; 0 for a Date (unused). */
  readonly offset: number;
  /** Cached at parse time: the epoch day of the written date (day precision or finer). */
  readonly day?: number;
  /** Cached at parse time: the UTC instant (ms) of the value's first moment. */
  readonly ms?: number;
}

/** Builds a DateTime from fields (year first) and an offset in minutes. */
export function dateTime(fields: readonly number[], offset: number = DECLARED_OFFSET_MIN): CqlDateTime {
  return { isDate: false, f: fields, offset };
}

/** Builds a Date from fields (year, month, day; any prefix). */
export function date(fields: readonly number[]): CqlDateTime {
  return { isDate: true, f: fields.slice(0, 3), offset: 0 };
}

/** CQL `date from` (DateFrom): the written year, month, day as a Date, no zone conversion. */
export function dateFrom(v: CqlDateTime): CqlDateTime {
  return v.isDate ? v : date(v.f);
}

/**
 * A Date as a DateTime (cql-execution `Date.getDateTime()` / `ToDateTime`): same fields, the
 * declared offset.
 */
export function toDateTime(v: CqlDateTime): CqlDateTime {
  return v.isDate ? dateTime(v.f, DECLARED_OFFSET_MIN) : v;
}

/** cql-execution's minimum and maximum DateTime / Date (in the declared offset). */
export const MIN_DATETIME = dateTime([1, 1, 1, 0, 0, 0, 0]);
export const MAX_DATETIME = dateTime([9999, 12, 31, 23, 59, 59, 999]);
export const MIN_DATE = date([1, 1, 1]);
export const MAX_DATE = date([9999, 12, 31]);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in a month of a year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return MONTH_DAYS[month - 1] ?? 31;
}

/**
 * What cql-execution's `DateTime.parse` accepts once cql-exec-fhir has replaced `Z` by `+00:00`:
 * a date at year, month or day precision, optionally `T` and a time at hour, minute, second or
 * fraction precision, optionally an offset `±hh` or `±hh:mm` after a time. Anchored: surrounding
 * spaces make the value unreadable (null), as there.
 */
const CQL_TEXT =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?([+-]\d{2}(?::\d{2})?)?)?)?)?$/;

const PARSED = new Map<string, CqlDateTime | null>();
const PARSED_MAX = 50_000;

/**
 * A FHIR dateTime / instant text as a CQL DateTime (offset as written, else the declared one);
 * `null` when cql-execution could not read it, or there is none.
 */
export function parseDateTime(text: unknown): CqlDateTime | null {
  if (typeof text !== 'string') {
    return null;
  }
  let hit = PARSED.get(text);
  if (hit === undefined) {
    hit = parseUncached(text) ?? null;
    if (PARSED.size >= PARSED_MAX) {
      PARSED.clear();
    }
    PARSED.set(text, hit);
  }
  return hit;
}

const PARSED_DATES = new Map<string, CqlDateTime | null>();

/** A FHIR `date` text (Patient.birthDate) as a CQL Date (cql-exec-fhir: `DateTime.parse(…).getDate()`); `null` when none. */
export function parseDate(text: unknown): CqlDateTime | null {
  if (typeof text !== 'string') {
    return null;
  }
  let hit = PARSED_DATES.get(text);
  if (hit === undefined) {
    const v = parseDateTime(text);
    hit = v ? Object.freeze(dateFrom(v)) : null;
    if (PARSED_DATES.size >= PARSED_MAX) {
      PARSED_DATES.clear();
    }
    PARSED_DATES.set(text, hit);
  }
  return hit;
}

function parseUncached(raw: string): CqlDateTime | undefined {
  const m = CQL_TEXT.exec(raw.replace('Z', '+00:00'));
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const f: number[] = [Number(y)];
  if (mo !== undefined) {
    const month = Number(mo);
    if (month < 1 || month > 12) {
      return undefined;
    }
    f.push(month);
  }
  if (d !== undefined) {
    const day = Number(d);
    if (day < 1 || day > daysInMonth(f[0]!, f[1]!)) {
      return undefined;
    }
    f.push(day);
  }
  // luxon validates each written time field: hour 0–24 (24 is kept as written), minute and second 0–59
  if (h !== undefined) {
    if (Number(h) > 24) {
      return undefined;
    }
    f.push(Number(h));
  }
  if (mi !== undefined) {
    if (Number(mi) > 59) {
      return undefined;
    }
    f.push(Number(mi));
  }
  if (s !== undefined) {
    if (Number(s) > 59) {
      return undefined;
    }
    f.push(Number(s));
  }
  // "5" → 500 ms, "54321" → 543 ms (cql-execution normalizeMillisecondsField)
  if (frac !== undefined) {
    f.push(Number((frac + '00').slice(0, 3)));
  }
  let offset = DECLARED_OFFSET_MIN;
  if (zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const hours = Number(zone.slice(1, 3));
    const minutes = zone.length > 3 ? Number(zone.slice(4, 6)) : 0;
    if (hours > 23 || minutes > 59) {
      return undefined;
    }
    offset = sign * (hours * 60 + minutes);
  }
  const year = f[YEAR]!;
  const wall =
    year >= 100
      ? Date.UTC(
          year,
          (f[MONTH] ?? 1) - 1,
          f[DAY] ?? 1,
          f[HOUR] ?? 0,
          f[MINUTE] ?? 0,
          f[SECOND] ?? 0,
          f[MILLISECOND] ?? 0,
        )
      : NaN;
  const out: { -readonly [K in keyof CqlDateTime]: CqlDateTime[K] } = dateTime(Object.freeze(f), offset);
  if (!Number.isNaN(wall)) {
    out.ms = wall - offset * 60_000;
    if (f.length > DAY) {
      out.day = Math.floor(Date.UTC(year, f[MONTH]! - 1, f[DAY]!) / 86_400_000);
    }
  }
  return Object.freeze(out);
}

/**
 * `return date from …` in a query (distinct by default): the values' Dates, each once. Two Dates
 * are the same when their fields are (CQL `=` on Dates of one precision; of two precisions, never).
 */
export function distinctDates(values: readonly CqlDateTime[]): CqlDateTime[] {
  const seen = new Set<string>();
  const out: CqlDateTime[] = [];
  for (const v of values) {
    const d = dateFrom(v);
    const key = d.f.join('-');
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    out.push(d);
  }
  return out;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * The value's CQL text (cql-execution `toString()`): `YYYY-MM-DDThh:mm:ss.fff±hh:mm` cut at its
 * precision, the offset only after a time. `sort by` in a query orders DateTimes by this text.
 */
export function cqlText(v: CqlDateTime): string {
  const f = v.f;
  let s = String(f[0]).padStart(4, '0');
  if (f.length > MONTH) {
    s += '-' + p2(f[MONTH]!);
  }
  if (f.length > DAY) {
    s += '-' + p2(f[DAY]!);
  }
  if (v.isDate || f.length <= HOUR) {
    return s;
  }
  s += 'T' + p2(f[HOUR]!);
  if (f.length > MINUTE) {
    s += ':' + p2(f[MINUTE]!);
  }
  if (f.length > SECOND) {
    s += ':' + p2(f[SECOND]!);
  }
  if (f.length > MILLISECOND) {
    s += '.' + String(f[MILLISECOND]).padStart(3, '0');
  }
  const abs = Math.abs(v.offset);
  return `${s}${v.offset < 0 ? '-' : '+'}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}
