/**
 * CQL timing phrases at day precision over day ranges, in three-valued logic: `true` when every
 * day the (possibly imprecise) value can denote satisfies the phrase, `false` when none does, and
 * `null` when it depends on the unknown part (a where-clause treats `null` as not satisfied).
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#timing-and-comparison (precision-based comparison,
 * uncertainty).
 */
import { dayRangeOf, hasTime, type DayRange, type FhirDateTime } from './dates.ts';

/** Three-valued boolean (`null` = unknown). */
export type Tri = boolean | null;

/** `value in day of [lo, hi]` (both ends inclusive). */
export function dayIn(value: DayRange | undefined, lo: number, hi: number): Tri {
  if (!value) return null;
  if (value.low >= lo && value.high <= hi) return true;
  if (value.high < lo || value.low > hi) return false;
  return null;
}

/** `value before day of day`. */
export function dayBefore(value: DayRange | undefined, day: number): Tri {
  if (!value) return null;
  if (value.high < day) return true;
  if (value.low >= day) return false;
  return null;
}

/** `value after day of day`. */
export function dayAfter(value: DayRange | undefined, day: number): Tri {
  if (!value) return null;
  if (value.low > day) return true;
  if (value.high <= day) return false;
  return null;
}

/** `value same day or before day of day`. */
export function daySameOrBefore(value: DayRange | undefined, day: number): Tri {
  if (!value) return null;
  if (value.high <= day) return true;
  if (value.low > day) return false;
  return null;
}

/** Three-valued AND. */
export function and(...xs: Tri[]): Tri {
  let unknown = false;
  for (const x of xs) {
    if (x === false) return false;
    if (x === null) unknown = true;
  }
  return unknown ? null : true;
}

/** Three-valued OR. */
export function or(...xs: Tri[]): Tri {
  let unknown = false;
  for (const x of xs) {
    if (x === true) return true;
    if (x === null) unknown = true;
  }
  return unknown ? null : false;
}

const FINE_UNIT_MS: Readonly<Record<string, number>> = { hour: 3_600_000, minute: 60_000, second: 1000, millisecond: 1 };
const PRECISION_RANK: Readonly<Record<string, number>> = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5, millisecond: 6 };

/**
 * CQL DateTime comparison at the coarser of the two precisions: -1 / 0 / 1, or `null` when the
 * values agree as far as the less precise one goes but differ in precision (uncertain).
 * Values without an offset are read in the evaluation zone.
 */
export function compareDateTimes(a: FhirDateTime, b: FhirDateTime, tzOffsetMin = 0): -1 | 0 | 1 | null {
  const coarse = PRECISION_RANK[a.precision]! <= PRECISION_RANK[b.precision]! ? a.precision : b.precision;
  const unit = FINE_UNIT_MS[coarse];
  let la: number, ha: number, lb: number, hb: number;
  if (unit === undefined) {
    const ra = dayRangeOf(a, tzOffsetMin);
    const rb = dayRangeOf(b, tzOffsetMin);
    [la, ha, lb, hb] = [ra.low, ra.high, rb.low, rb.high];
  } else {
    const ia = Math.floor(instantLow(a, tzOffsetMin) / unit);
    const ib = Math.floor(instantLow(b, tzOffsetMin) / unit);
    [la, ha, lb, hb] = [ia, ia, ib, ib];
  }
  if (ha < lb) return -1;
  if (la > hb) return 1;
  if (la === ha && lb === hb && la === lb) return a.precision === b.precision ? 0 : null;
  return null;
}

function instantLow(v: FhirDateTime, tzOffsetMin: number): number {
  return v.offsetMin === undefined && hasTime(v) ? v.ms - tzOffsetMin * 60_000 : v.ms;
}

/** `a <= b` as CQL compares DateTimes (three-valued). */
export function sameOrBeforeDateTime(a: FhirDateTime, b: FhirDateTime, tzOffsetMin = 0): Tri {
  const c = compareDateTimes(a, b, tzOffsetMin);
  return c === null ? null : c <= 0;
}
