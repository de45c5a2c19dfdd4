/**
 * QICoreCommon's timing functions over FHIR choice elements — `toInterval()`, `latest()`,
 * `abatementInterval()` and `prevalenceInterval()` — at day precision.
 * Spec: QICoreCommon 4.0.000 (https://github.com/cqframework/ecqm-content-qicore-2025 ,
 * input/cql/QICoreCommon.cql), FHIRHelpers 4.4.000 `ToInterval`.
 */
import { addMonths, addYears, parseFhirDateTime } from '../../fhir/dates.ts';
import { conceptHas } from './concept-match.ts';
import {
  MINUS_INF,
  PLUS_INF,
  dayPoint,
  pointInterval,
  pointOfText,
  periodInterval,
  type DayIv,
  type DayPoint,
} from './cql-interval.ts';
import { CONDITION_CLINICAL } from '../../codes/code-systems.ts';

/** Clinical statuses under which a condition's prevalence runs to its abatement (or on). */
export const ACTIVE_CLINICAL_STATUSES = ['active', 'recurrence', 'relapse'] as const;

/** A resource's `<name>[x]` choice, read generically (dateTime, instant, Period, Age, Range). */
interface TimingChoice {
  dateTime?: string;
  period?: fhir4.Period;
  age?: fhir4.Age;
  range?: fhir4.Range;
}

/** Reads `<name>DateTime | <name>Instant | <name>Period | <name>Age | <name>Range` off a resource. */
export function timingChoice(resource: object, name: string): TimingChoice {
  const r = resource as Record<string, unknown>;
  const out: TimingChoice = {};
  const dt = r[`${name}DateTime`] ?? r[`${name}Instant`];
  if (typeof dt === 'string') out.dateTime = dt;
  if (r[`${name}Period`] && typeof r[`${name}Period`] === 'object') out.period = r[`${name}Period`] as fhir4.Period;
  if (r[`${name}Age`] && typeof r[`${name}Age`] === 'object') out.age = r[`${name}Age`] as fhir4.Age;
  if (r[`${name}Range`] && typeof r[`${name}Range`] === 'object') out.range = r[`${name}Range`] as fhir4.Range;
  return out;
}

/** Birth date + a calendar-duration quantity (the age), as a day; `undefined` when unreadable. */
function birthPlus(birthDate: string | undefined, q: fhir4.Quantity | undefined, tz: number): number | undefined {
  const b = pointOfText(birthDate, tz);
  if (!b || !q || typeof q.value !== 'number') return undefined;
  const unit = (q.code ?? q.unit ?? '').toLowerCase();
  const n = Math.trunc(q.value);
  if (['a', 'year', 'years'].includes(unit)) return addYears(b.lo, n);
  if (['mo', 'month', 'months'].includes(unit)) return addMonths(b.lo, n);
  if (['wk', 'week', 'weeks'].includes(unit)) return b.lo + 7 * n;
  if (['d', 'day', 'days'].includes(unit)) return b.lo + n;
  return undefined;
}

/**
 * QICoreCommon `toInterval()`: a dateTime is `[t, t]`, a Period its interval, an Age (Range) the
 * year(s) from the birthday it names. `undefined` (CQL null) when there is no value.
 */
export function choiceInterval(c: TimingChoice, birthDate: string | undefined, tz: number): DayIv | undefined {
  if (c.dateTime !== undefined) {
    const p = pointOfText(c.dateTime, tz);
    return p ? pointInterval(p) : undefined;
  }
  if (c.period) return periodInterval(c.period, tz);
  if (c.age) {
    const start = birthPlus(birthDate, c.age, tz);
    if (start === undefined) return undefined;
    return { low: dayPoint(start), high: dayPoint(addYears(start, 1) - 1) };
  }
  if (c.range) {
    const start = birthPlus(birthDate, c.range.low, tz);
    const end = birthPlus(birthDate, c.range.high, tz);
    if (start === undefined || end === undefined) return undefined;
    return { low: dayPoint(start), high: dayPoint(addYears(end, 1) - 1) };
  }
  return undefined;
}

/** QICoreCommon `latest()`: the end of the interval when it has one, else its start. */
export function latestPoint(iv: DayIv | undefined): DayPoint | undefined {
  if (!iv) return undefined;
  if (Number.isFinite(iv.high.lo) && Number.isFinite(iv.high.hi)) return iv.high;
  if (Number.isFinite(iv.low.lo) && Number.isFinite(iv.low.hi)) return iv.low;
  return undefined;
}

/** `start of` an interval: `undefined` for an unknown start. */
function startOf(iv: DayIv | undefined): DayPoint | undefined {
  if (!iv) return undefined;
  return Number.isFinite(iv.low.lo) || iv.low.lo === iv.low.hi ? iv.low : undefined;
}

/**
 * `end of abatementInterval()`: abatementDateTime itself, the day before the next birthday after
 * an abatementAge, the end of an abatementPeriod (half-open in QICoreCommon, so an absent end is
 * unknown). `undefined` when there is no abatement.
 */
export function abatementEnd(c: fhir4.Condition, birthDate: string | undefined, tz: number): DayPoint | undefined {
  const a = timingChoice(c, 'abatement');
  if (a.dateTime !== undefined) return pointOfText(a.dateTime, tz);
  if (a.age || a.range) {
    const iv = choiceInterval(a, birthDate, tz);
    return iv?.high;
  }
  if (a.period) return pointOfText(a.period.end, tz);
  return undefined;
}

/**
 * QICoreCommon `prevalenceInterval()`: onset to abatement. An active (recurrent, relapsed)
 * condition without abatement runs on (closed, unbounded end); any other condition without an
 * abatement date has an unknown end (open null). A missing onset is an unbounded start (the CQL
 * closed null boundary).
 */
export function prevalenceInterval(c: fhir4.Condition, birthDate: string | undefined, tz: number): DayIv {
  const onset = startOf(choiceInterval(timingChoice(c, 'onset'), birthDate, tz));
  const low = onset ?? MINUS_INF;
  const end = abatementEnd(c, birthDate, tz);
  const active = ACTIVE_CLINICAL_STATUSES.some((s) => conceptHas(c.clinicalStatus, CONDITION_CLINICAL, s));
  if (active) return { low, high: end ?? PLUS_INF };
  if (end) return { low, high: end };
  return { low, high: { lo: low.lo, hi: Infinity } };
}

/** The instant (ms) of a value, for ordering same-day values; `-Infinity` when absent. */
export function instantOf(text: unknown): number {
  return parseFhirDateTime(text)?.ms ?? -Infinity;
}
