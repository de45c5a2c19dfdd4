/**
 * The timing of FHIR resources read as the eCQM libraries read it: FHIRHelpers 4.4.000
 * `ToInterval(Period)` and QICoreCommon 4.0.000 `toInterval()`, `latest()`, `abatementInterval()`,
 * `prevalenceInterval()`. A present but unreadable value is CQL null (and reported as `malformed`).
 * Spec: ecqm-content-qicore-2025 input/cql/FHIRHelpers.cql, QICoreCommon.cql.
 */
import { CONDITION_CLINICAL, normalizeSystem } from '../codes/code-systems.ts';
import { add } from './date-time-arithmetic.ts';
import { equal } from './date-time-compare.ts';
import {
  DAY,
  HOUR,
  MAX_DATETIME,
  MILLISECOND,
  MINUTE,
  MONTH,
  SECOND,
  YEAR,
  parseDate,
  parseDateTime,
  toDateTime,
  type CqlDateTime,
  type Precision,
} from './date-time.ts';
import { endOf, interval, pointInterval, startOf, type CqlInterval } from './interval.ts';

/** A timing element read: its interval (`null` when absent or unreadable) and, when unreadable, its name. */
export interface TimingRead {
  readonly interval: CqlInterval | null;
  readonly malformed?: string;
}

const NONE: TimingRead = Object.freeze({ interval: null });

/**
 * FHIRHelpers `ToInterval(Period)`: `[start, end]`, a missing end being unbounded; `(null, end]`
 * (start unknown) when there is no start. `field` names the element for the malformed report.
 */
export function periodRead(p: unknown, field = 'period'): TimingRead {
  if (p === undefined || p === null) {
    return NONE;
  }
  if (typeof p !== 'object') {
    return { interval: null, malformed: field };
  }
  const { start, end } = p as fhir4.Period;
  const s = parseDateTime(start);
  const e = parseDateTime(end);
  const iv = s ? interval(s, e) : interval(null, e, false, true);
  return (start !== undefined && !s) || (end !== undefined && !e)
    ? { interval: iv, malformed: field }
    : { interval: iv };
}

/** FHIRHelpers `ToInterval(Period)` without the report. */
export function periodInterval(p: fhir4.Period | undefined): CqlInterval | null {
  return periodRead(p).interval;
}

/** `<base>DateTime`, `<base>Instant`, `<base>Period`, `<base>Age`, `<base>Range` by base, built once. */
const CHOICE_NAMES = new Map<string, readonly string[]>();
function choiceNames(base: string): readonly string[] {
  let names = CHOICE_NAMES.get(base);
  if (!names) {
    names = ['DateTime', 'Instant', 'Period', 'Age', 'Range'].map((t) => base + t);
    if (CHOICE_NAMES.size > 100) {
      CHOICE_NAMES.clear();
    }
    CHOICE_NAMES.set(base, names);
  }
  return names;
}

/** FHIRHelpers `ToCalendarUnit` for the units an Age carries, as a precision (weeks as 7 days). */
const CALENDAR_UNITS: Readonly<Record<string, [Precision, number]>> = {
  a: [YEAR, 1],
  year: [YEAR, 1],
  years: [YEAR, 1],
  mo: [MONTH, 1],
  month: [MONTH, 1],
  months: [MONTH, 1],
  wk: [DAY, 7],
  week: [DAY, 7],
  weeks: [DAY, 7],
  d: [DAY, 1],
  day: [DAY, 1],
  days: [DAY, 1],
  h: [HOUR, 1],
  min: [MINUTE, 1],
  s: [SECOND, 1],
  ms: [MILLISECOND, 1],
};

/** `birthDate + quantity` (a Date); `null` when either is missing or the unit is not a calendar unit. */
function birthPlus(birth: CqlDateTime | null, q: fhir4.Quantity | undefined): CqlDateTime | null {
  if (!birth || !q || typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    return null;
  }
  const unit = CALENDAR_UNITS[String(q.code ?? q.unit ?? '1')];
  return unit ? add(birth, q.value * unit[1], unit[0]) : null;
}

/**
 * QICoreCommon `toInterval()` of an age or age range: from the birthday at the (low) age to just
 * before one year after the birthday at the (high) age, `[…, …)`.
 */
function ageInterval(
  birthDate: string | undefined,
  low: fhir4.Quantity | undefined,
  high: fhir4.Quantity | undefined,
): CqlInterval {
  const birth = parseDate(birthDate);
  const from = birthPlus(birth, low);
  const to = birthPlus(birth, high);
  const toNext = to ? add(to, 1, YEAR) : null;
  return interval(from ? toDateTime(from) : null, toNext ? toDateTime(toNext) : null, true, false);
}

/**
 * QICoreCommon `toInterval()` of a resource's `<base>[x]`: a dateTime / instant is `[v, v]`, a
 * Period its FHIRHelpers interval, an Age / Range the years from that birthday; anything else null.
 */
export function choiceRead(resource: object, base: string, birthDate?: string): TimingRead {
  const r = resource as Record<string, unknown>;
  const [dt, instant, period, age, range] = choiceNames(base) as [string, string, string, string, string];
  for (const name of [dt, instant]) {
    const raw = r[name];
    if (raw === undefined) {
      continue;
    }
    const v = parseDateTime(raw);
    return v ? { interval: pointInterval(v) } : { interval: null, malformed: name };
  }
  if (r[period] !== undefined) {
    return periodRead(r[period], period);
  }
  const a = r[age] as fhir4.Age | undefined;
  if (a !== undefined) {
    return typeof a === 'object' && a ? { interval: ageInterval(birthDate, a, a) } : { interval: null, malformed: age };
  }
  const g = r[range] as fhir4.Range | undefined;
  if (g !== undefined) {
    return typeof g === 'object' && g
      ? { interval: ageInterval(birthDate, g.low, g.high) }
      : { interval: null, malformed: range };
  }
  return NONE;
}

/** `value.toInterval()` of a plain dateTime element (`authoredOn.toInterval()`). */
export function dateTimeInterval(text: unknown): CqlInterval | null {
  const v = parseDateTime(text);
  return v ? pointInterval(v) : null;
}

/** QICoreCommon `latest()`: the end of the interval when it has one (not the maximum), else its start. */
export function latest(iv: CqlInterval | null): CqlDateTime | null {
  if (!iv) {
    return null;
  }
  const end = endOf(iv);
  // hasEnd(): not (end is null or end = maximum DateTime); only a value in 9998–9999 can equal it
  const hasEnd = end !== null && (end.f[0]! < 9998 || equal(end, MAX_DATETIME) === false);
  return hasEnd ? end : startOf(iv);
}

/**
 * QICoreCommon `abatementInterval()`: a dateTime `[v, v]`; an Age / Range the year(s) from that
 * birthday; a Period `[start, end)`; otherwise an interval whose end is null.
 */
export function abatementInterval(cond: fhir4.Condition, birthDate: string | undefined): CqlInterval | null {
  const read = choiceRead(cond, 'abatement', birthDate);
  // Interval[abatement.low, abatement.high): closed at the start even when the Period has none
  if (cond.abatementPeriod !== undefined && read.interval) {
    return interval(read.interval.low, read.interval.high, true, false);
  }
  return read.interval;
}

const ACTIVE = ['active', 'recurrence', 'relapse'] as const;

/** `clinicalStatus ~ "active" | "recurrence" | "relapse"` (any coding of the concept). */
function isActiveClinically(cond: fhir4.Condition): boolean {
  const codings = cond.clinicalStatus?.coding;
  if (!Array.isArray(codings)) {
    return false;
  }
  return codings.some(
    (c) =>
      !!c &&
      typeof c.code === 'string' &&
      typeof c.system === 'string' &&
      normalizeSystem(c.system) === CONDITION_CLINICAL &&
      (ACTIVE as readonly string[]).includes(c.code.trim()),
  );
}

/** What the onset, abatement and prevalence of a Condition read as, with the unreadable element if any. */
export interface PrevalenceRead {
  /** `prevalenceInterval()`; `null` for a condition that is not active and has no abatement. */
  interval: CqlInterval | null;
  malformed?: string;
}

/**
 * QICoreCommon `prevalenceInterval()`: an active (recurrent, relapsed) condition runs from the
 * start of its onset to the end of its abatement, closed (no abatement: on for ever; no onset: from
 * the beginning of time when it has an end, else unknown); any other condition the same when it has
 * an abatement, else null (CQL: a query over a null abatement date is null).
 */
export function prevalenceRead(cond: fhir4.Condition, birthDate: string | undefined): PrevalenceRead {
  const onset = choiceRead(cond, 'onset', birthDate);
  const abatement = choiceRead(cond, 'abatement', birthDate);
  const start = startOf(onset.interval);
  const end = endOf(abatementInterval(cond, birthDate));
  const malformed = onset.malformed ?? abatement.malformed;
  const iv = !isActiveClinically(cond) && end === null ? null : interval(start, end);
  return malformed ? { interval: iv, malformed } : { interval: iv };
}

/** `prevalenceInterval()` without the report. */
export function prevalenceInterval(cond: fhir4.Condition, birthDate: string | undefined): CqlInterval | null {
  return prevalenceRead(cond, birthDate).interval;
}
