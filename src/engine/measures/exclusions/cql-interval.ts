/**
 * CQL interval semantics at day precision, as the eCQM libraries use them ("overlaps day of",
 * "during day of", "starts on or before day of end of", …).
 *
 * A boundary is a range of epoch days it may fall on: exact (`lo === hi`) for values of day
 * precision or finer, wider for a month- or year-precision value or an unknown boundary.
 * Comparisons are three-valued like CQL: `true`, `false`, or `undefined` when the uncertainty
 * decides it either way; a `where` clause keeps only `true`.
 *
 * How FHIR absences map (FHIRHelpers 4.4 `ToInterval(Period)` and cql-execution):
 * - a Period without `end` is `Interval[start, null]`: a closed null end is unbounded (+∞);
 * - a Period without `start` is `Interval(null, end]`: an open null start is unknown
 *   (anywhere from −∞ to the end).
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#interval-operators-3 ,
 * https://cql.hl7.org/05-languagesemantics.html#nullological-operators
 */
import { dayRangeOf, parseFhirDateTime, type FhirDateTime } from '../../fhir/dates.ts';

/** A boundary known to lie within epoch days `lo..hi` (±Infinity when unbounded). */
export interface DayPoint {
  lo: number;
  hi: number;
  /** Instant for ordering values that fall on the same day (UTC ms), when known. */
  ms?: number;
}

/** A CQL interval at day precision, both ends closed. */
export interface DayIv {
  low: DayPoint;
  high: DayPoint;
}

/** Three-valued boolean: `undefined` is CQL null. */
export type Tri = boolean | undefined;

/** The unbounded future (CQL maximum DateTime). */
export const PLUS_INF: DayPoint = { lo: Infinity, hi: Infinity };
/** The unbounded past (CQL minimum DateTime). */
export const MINUS_INF: DayPoint = { lo: -Infinity, hi: -Infinity };

/** An exact day. */
export function dayPoint(day: number): DayPoint {
  return { lo: day, hi: day };
}

/** The day(s) a parsed FHIR date/dateTime can denote in the evaluation zone. */
export function pointOf(v: FhirDateTime, tz: number): DayPoint {
  const r = dayRangeOf(v, tz);
  return { lo: r.low, hi: r.high, ms: v.ms };
}

/** Reads a FHIR date/dateTime/instant string as a day point; `undefined` when absent or malformed. */
export function pointOfText(text: unknown, tz: number): DayPoint | undefined {
  const v = parseFhirDateTime(text);
  return v ? pointOf(v, tz) : undefined;
}

/** `Interval[p, p]`. */
export function pointInterval(p: DayPoint): DayIv {
  return { low: p, high: p };
}

/** A closed interval of whole days. */
export function dayInterval(startDay: number, endDay: number): DayIv {
  return { low: dayPoint(startDay), high: dayPoint(endDay) };
}

/** FHIRHelpers `ToInterval(Period)`; `undefined` for an absent Period. */
export function periodInterval(p: fhir4.Period | undefined, tz: number): DayIv | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const start = pointOfText(p.start, tz);
  const end = pointOfText(p.end, tz);
  const high = end ?? PLUS_INF;
  // an open null start is unknown: anywhere up to the end
  const low = start ?? { lo: -Infinity, hi: high.hi };
  return { low, high };
}

/** a ≤ b, three-valued. */
export function le(a: DayPoint, b: DayPoint): Tri {
  if (a.hi <= b.lo) return true;
  if (a.lo > b.hi) return false;
  return undefined;
}

/** a ≥ b, three-valued. */
export function ge(a: DayPoint, b: DayPoint): Tri {
  return le(b, a);
}

/** CQL `and`. */
export function and3(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return undefined;
}

/** `a overlaps day of b`. */
export function overlaps(a: DayIv, b: DayIv): Tri {
  return and3(le(a.low, b.high), ge(a.high, b.low));
}

/** `a during day of b` (a included in b). */
export function during(a: DayIv, b: DayIv): Tri {
  return and3(ge(a.low, b.low), le(a.high, b.high));
}

/** `point during day of b`. */
export function pointDuring(p: DayPoint, b: DayIv): Tri {
  return during(pointInterval(p), b);
}

/** Keeps CQL's `where` semantics: only a definite true passes. */
export function holds(t: Tri): boolean {
  return t === true;
}
