/**
 * FHIR date / dateTime / instant syntax, for record validation.
 * Spec: https://hl7.org/fhir/R4/datatypes.html#dateTime
 */
import { daysInMonth } from '../cql/date-time.ts';

/**
 * Whether a text is a FHIR date, dateTime or instant (any precision from the year down; hour and
 * minute-only times as real exports write them; a zone after a time; surrounding spaces
 * tolerated), checked character by character without parsing or memoising: record validation
 * checks every date of a record. The rules read values through the CQL model (cql/date-time.ts),
 * which is stricter exactly where cql-execution is (spaces, second 60): such a value is
 * reported again by the rule that cannot read it.
 */
export function isFhirDateTime(value: string): boolean {
  const v = value.trim();
  const n = v.length;
  if (n < 4 || !digits(v, 0, 4)) {
    return false;
  }
  if (n === 4) {
    return true;
  }
  if (v.charCodeAt(4) !== DASH || n < 7 || !digits(v, 5, 2)) {
    return false;
  }
  const month = num2(v, 5);
  if (month < 1 || month > 12) {
    return false;
  }
  if (n === 7) {
    return true;
  }
  if (v.charCodeAt(7) !== DASH || n < 10 || !digits(v, 8, 2)) {
    return false;
  }
  const day = num2(v, 8);
  if (day < 1 || day > daysInMonth(Number(v.slice(0, 4)), month)) {
    return false;
  }
  if (n === 10) {
    return true;
  }
  if (v.charCodeAt(10) !== T || n < 13 || !digits(v, 11, 2) || num2(v, 11) > 24) {
    return false;
  }
  let i = 13;
  if (i < n && v.charCodeAt(i) === COLON) {
    if (i + 3 > n || !digits(v, i + 1, 2) || num2(v, i + 1) > 59) {
      return false;
    }
    i += 3;
    if (i < n && v.charCodeAt(i) === COLON) {
      if (i + 3 > n || !digits(v, i + 1, 2) || num2(v, i + 1) > 60) {
        return false;
      }
      i += 3;
      if (i < n && v.charCodeAt(i) === DOT) {
        let j = i + 1;
        while (j < n && j - i <= 9 && isDigit(v.charCodeAt(j))) {
          j++;
        }
        if (j === i + 1 || (j < n && isDigit(v.charCodeAt(j)))) {
          return false;
        }
        i = j;
      }
    }
  }
  if (i === n) {
    return true;
  }
  const z = v.charCodeAt(i);
  if (z === Z) {
    return i + 1 === n;
  }
  return (
    (z === PLUS || z === DASH) &&
    i + 6 === n &&
    digits(v, i + 1, 2) &&
    v.charCodeAt(i + 3) === COLON &&
    digits(v, i + 4, 2)
  );
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const T = 84;
const Z = 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
function digits(v: string, from: number, count: number): boolean {
  if (from + count > v.length) {
    return false;
  }
  for (let i = from; i < from + count; i++) {
    if (!isDigit(v.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}
const num2 = (v: string, at: number) => (v.charCodeAt(at) - 48) * 10 + (v.charCodeAt(at + 1) - 48);
