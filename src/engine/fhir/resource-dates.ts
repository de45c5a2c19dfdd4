/**
 * The time a resource happened, read as CQL's QICoreCommon `toInterval()` reads a choice element
 * (dateTime → [v, v]; Period → FHIRHelpers.ToInterval; Age → from the birthday at that age to one
 * year later), and a Condition's prevalence period (QICoreCommon `prevalenceInterval()`), as
 * epoch-day bounds in the evaluation time zone.
 *
 * Bounds follow CQL interval semantics: a closed boundary with no value is the beginning / end of
 * time (±Infinity here), an open boundary with no value is unknown (`undefined`).
 * Spec: QICoreCommon 4.0.000 `toInterval`, `abatementInterval`, `prevalenceInterval`;
 * FHIRHelpers 4.4.000 `ToInterval(Period)`; https://cql.hl7.org/09-b-cqlreference.html#start
 */
import { CONDITION_CLINICAL } from '../codes/code-systems.ts';
import { addMonths, addYears, dayRangeOf, epochDay, hasTime, parseFhirDateTime, type DayRange, type FhirDateTime } from './dates.ts';

/** Epoch-day bounds of an interval. `undefined` = unknown; ±Infinity = unbounded. */
export interface DayBounds {
  start?: DayRange;
  end?: DayRange;
}

/** Result of reading a choice element: the bounds, and the field name when its value was malformed. */
export interface ChoiceRead {
  /** Absent when the element is absent or malformed. */
  bounds?: DayBounds;
  /** Parsed start value (for finer-than-day comparisons and sorting), when known. */
  startValue?: FhirDateTime;
  /** `effectiveDateTime`, … when the element is present but cannot be read. */
  malformed?: string;
}

const MIN: DayRange = { low: -Infinity, high: -Infinity };
const MAX: DayRange = { low: Infinity, high: Infinity };

type AnyRecord = Record<string, unknown>;

/**
 * Reads `<base>DateTime` / `<base>Instant` / `<base>Period` of a resource as day bounds
 * (QICoreCommon `toInterval()`); Age-typed choices need a birth date (see {@link onsetStartDay}).
 */
export function choiceInterval(resource: object, base: string, tzOffsetMin = 0): ChoiceRead {
  const r = resource as AnyRecord;
  const names = choiceNames(base);
  for (let i = 0; i < 2; i++) {
    const raw = r[names[i]!];
    if (raw === undefined) continue;
    const v = parseFhirDateTime(raw);
    if (!v) return { malformed: names[i]! };
    const day = dayRangeOf(v, tzOffsetMin);
    return { bounds: { start: day, end: day }, startValue: v };
  }
  const p = r[names[2]!];
  if (p !== undefined) {
    const read = periodBounds(p as fhir4.Period, tzOffsetMin);
    return read ? read : { malformed: names[2]! };
  }
  return {};
}

/** `<base>DateTime`, `<base>Instant`, `<base>Period` by base, built once (no key text per read). */
const CHOICE_NAMES = new Map<string, readonly [string, string, string]>();
function choiceNames(base: string): readonly [string, string, string] {
  let names = CHOICE_NAMES.get(base);
  if (!names) {
    names = [`${base}DateTime`, `${base}Instant`, `${base}Period`];
    // bases are a handful of element names; the bound only guards unexpected callers
    if (CHOICE_NAMES.size > 100) CHOICE_NAMES.clear();
    CHOICE_NAMES.set(base, names);
  }
  return names;
}

/**
 * FHIRHelpers.ToInterval(Period): `[start, end]` when start is present (a missing end is the end of
 * time), `(null, end]` when it is not (start unknown). `undefined` when a present value is malformed.
 */
export function periodBounds(p: fhir4.Period | undefined, tzOffsetMin = 0): ChoiceRead | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const s = p.start === undefined ? undefined : parseFhirDateTime(p.start);
  const e = p.end === undefined ? undefined : parseFhirDateTime(p.end);
  if ((p.start !== undefined && !s) || (p.end !== undefined && !e)) return undefined;
  const bounds: DayBounds = {};
  if (s) bounds.start = dayRangeOf(s, tzOffsetMin);
  if (e) bounds.end = dayRangeOf(e, tzOffsetMin);
  else if (s) bounds.end = MAX;
  const out: ChoiceRead = { bounds };
  if (s) out.startValue = s;
  return out;
}

/** Observation.effective[x] as day bounds. */
export function effectiveInterval(obs: fhir4.Observation, tzOffsetMin = 0): ChoiceRead {
  return choiceInterval(obs, 'effective', tzOffsetMin);
}

/** Procedure.performed[x] as day bounds. */
export function performedInterval(proc: fhir4.Procedure, tzOffsetMin = 0): ChoiceRead {
  return choiceInterval(proc, 'performed', tzOffsetMin);
}

/**
 * The UTC millisecond range a value can denote, reading a value without an offset (a date or a
 * zone-less dateTime) as local to the evaluation zone. Used for finer-than-day comparisons.
 */
export function instantRange(v: FhirDateTime, tzOffsetMin = 0): { low: number; high: number } {
  const shift = v.offsetMin === undefined || !hasTime(v) ? tzOffsetMin * 60_000 : 0;
  return { low: v.ms - shift, high: v.msHigh - shift };
}

/** The day a patient reaches an age given as a FHIR Age (years, months, weeks or days). */
function dayAtAge(birthDay: number, age: fhir4.Age | fhir4.Quantity | undefined): number | undefined {
  const value = age?.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const unit = (age?.code ?? age?.unit ?? 'a').toString().toLowerCase();
  const whole = Math.trunc(value);
  if (['a', 'year', 'years', 'yr'].includes(unit)) return addYears(birthDay, whole);
  if (['mo', 'month', 'months'].includes(unit)) return addMonths(birthDay, whole);
  if (['wk', 'week', 'weeks'].includes(unit)) return birthDay + whole * 7;
  if (['d', 'day', 'days'].includes(unit)) return birthDay + whole;
  return undefined;
}

function birthDayOf(birthDate: string | undefined): number | undefined {
  const b = parseFhirDateTime(birthDate);
  return b && b.precision === 'day' ? epochDay(b.text.slice(0, 10)) : undefined;
}

/**
 * The first day of a Condition's onset (`start of onset.toInterval()`), or `undefined` when the
 * onset is absent, a string, or cannot be read. Age/Range onsets are anchored on the birth date.
 */
export function onsetStartDay(cond: fhir4.Condition, birthDate: string | undefined, tzOffsetMin = 0): ChoiceRead {
  const read = choiceInterval(cond, 'onset', tzOffsetMin);
  if (read.bounds || read.malformed) return read;
  const birth = birthDayOf(birthDate);
  const age = cond.onsetAge ?? cond.onsetRange?.low;
  if (age && birth !== undefined) {
    const d = dayAtAge(birth, age);
    if (d !== undefined) return { bounds: { start: { low: d, high: d } } };
    return { malformed: cond.onsetAge ? 'onsetAge' : 'onsetRange' };
  }
  return {};
}

/**
 * The last day of a Condition's abatement (`end of abatementInterval()`): dateTime → that day;
 * Period → its end; Age → the day before the birthday one year after that age. `undefined` when
 * absent or unreadable.
 */
export function abatementEndDay(cond: fhir4.Condition, birthDate: string | undefined, tzOffsetMin = 0): DayRange | undefined {
  const read = choiceInterval(cond, 'abatement', tzOffsetMin);
  if (read.bounds) return read.bounds.end && Number.isFinite(read.bounds.end.high) ? read.bounds.end : undefined;
  const birth = birthDayOf(birthDate);
  const age = cond.abatementAge ?? cond.abatementRange?.high;
  if (age && birth !== undefined) {
    const d = dayAtAge(birth, age);
    if (d !== undefined) {
      const end = addYears(d, 1) - 1;
      return { low: end, high: end };
    }
  }
  return undefined;
}

const RECURRING_STATUSES = ['active', 'recurrence', 'relapse'] as const;

/**
 * QICoreCommon `prevalenceInterval()` as day bounds: from the onset start to the abatement end.
 * A Condition with no usable onset starts at the beginning of time (a closed null low boundary is
 * the minimum value, CQL §Interval Start); an active / recurrent / relapsed Condition without
 * abatement never ends; any other status without abatement has an unknown end.
 */
export function prevalenceDays(cond: fhir4.Condition, birthDate: string | undefined, tzOffsetMin = 0): ChoiceRead {
  const onset = onsetStartDay(cond, birthDate, tzOffsetMin);
  const start = onset.bounds?.start ?? MIN;
  const abatement = abatementEndDay(cond, birthDate, tzOffsetMin);
  const active = (cond.clinicalStatus?.coding ?? []).some(
    (c) => c?.system === CONDITION_CLINICAL && (RECURRING_STATUSES as readonly string[]).includes(c.code ?? ''),
  );
  const bounds: DayBounds = { start };
  if (abatement) bounds.end = abatement;
  else if (active) bounds.end = MAX;
  const out: ChoiceRead = { bounds };
  if (onset.startValue) out.startValue = onset.startValue;
  if (onset.malformed) out.malformed = onset.malformed;
  return out;
}
