/**
 * CQL `AgeInYearsAt(asOf)` and the comparisons the measures make with it. A birth date known only
 * to the year or month gives an age known only within a range (cql-execution: an Uncertainty); a
 * comparison is then `true` when every possible age satisfies it, `false` when none does, `null`
 * otherwise. A year-only birthDate (valid FHIR) thus still puts a 45-year-old in "18 or older".
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#calculateageat , cql-execution `calculateAge`.
 */
import { yearsBetween, type UncertainNumber } from './date-time-arithmetic.ts';
import { parseDate, type CqlDateTime } from './date-time.ts';
import type { Tri } from './logic.ts';

/**
 * Ages already computed for one birth date, by the full Date they are asked on (yyyymmdd): the
 * measures, gaps and flags of one patient ask about the same few dates again and again. Only the
 * last birth date is kept (a patient's evaluation asks about one), so this never grows. The
 * results are shared: callers must not change them.
 */
let memoBirth: string | undefined;
const memoAges = new Map<number, UncertainNumber | null>();

/** The age in whole years on a Date, from a FHIR `birthDate` text; `null` when there is none. */
export function ageInYearsAt(birthDate: string | undefined, asOf: CqlDateTime): UncertainNumber | null {
  const f = asOf.f;
  if (!asOf.isDate || f.length !== 3 || typeof birthDate !== 'string') {
    return computeAge(birthDate, asOf);
  }
  if (birthDate !== memoBirth) {
    memoBirth = birthDate;
    memoAges.clear();
  }
  const key = f[0]! * 10_000 + f[1]! * 100 + f[2]!;
  let age = memoAges.get(key);
  if (age === undefined) {
    memoAges.set(key, (age = computeAge(birthDate, asOf)));
  }
  return age;
}

function computeAge(birthDate: string | undefined, asOf: CqlDateTime): UncertainNumber | null {
  const birth = parseDate(birthDate);
  return birth ? yearsBetween(birth, asOf) : null;
}

/** `age >= n`. */
export function ageAtLeast(age: UncertainNumber | null, n: number): Tri {
  if (!age) {
    return null;
  }
  if (age.low >= n) {
    return true;
  }
  return age.high < n ? false : null;
}

/** `age in Interval[low, high]`. */
export function ageWithin(age: UncertainNumber | null, low: number, high: number): Tri {
  if (!age) {
    return null;
  }
  if (age.low >= low && age.high <= high) {
    return true;
  }
  return age.high < low || age.low > high ? false : null;
}

/** `age = n`. */
export function ageIs(age: UncertainNumber | null, n: number): Tri {
  if (!age) {
    return null;
  }
  if (age.low === n && age.high === n) {
    return true;
  }
  return n < age.low || n > age.high ? false : null;
}

/** The age when it is known exactly, else `undefined` (for display and messages). */
export function exactAge(age: UncertainNumber | null): number | undefined {
  return age && age.low === age.high ? age.low : undefined;
}
