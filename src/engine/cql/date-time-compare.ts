/**
 * CQL Date / DateTime comparison exactly as cql-execution 3.x does it:
 * - at day precision or coarser (`same day as`, `before day of`, `during day of` …) the fields are
 *   compared AS WRITTEN, each in its own offset — no conversion;
 * - at hour precision or finer, or with no precision, the second operand is first moved to the
 *   first operand's offset;
 * - a Date meeting a DateTime becomes a DateTime in the declared offset;
 * - fields are compared coarse to fine; when one value stops before the other (or before the
 *   precision asked for) while all known fields are equal, the answer is unknown (`null`).
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#datetime-operators (comparison at precision,
 * uncertainty); cql-execution lib/datatypes/datetime.js `sameOrBefore`, `sameAs`, `equals`.
 */
import { convertToOffset, instantOf } from './date-time-arithmetic.ts';
import { DAY, MINUTE, SECOND, MILLISECOND, toDateTime, type CqlDateTime, type Precision } from './date-time.ts';
import type { Tri } from './logic.ts';

/** Brings two values to comparable form (see the file comment). */
function align(a: CqlDateTime, b: CqlDateTime, precision: Precision | undefined): [CqlDateTime, CqlDateTime] {
  if (a.isDate && !b.isDate) {
    a = toDateTime(a);
  } else if (!a.isDate && b.isDate) {
    b = toDateTime(b);
  }
  if ((precision === undefined || precision > DAY) && !a.isDate && a.offset !== b.offset) {
    b = convertToOffset(b, a.offset);
  }
  return [a, b];
}

/**
 * -1 / 0 / 1 comparing the fields coarse to fine up to `precision` (all fields when undefined),
 * or `null` when the precisions of the values leave it open.
 */
function order(a: readonly number[], b: readonly number[], precision: number | undefined): -1 | 0 | 1 | null {
  for (let i = 0; i < 7; i++) {
    const ah = i < a.length;
    const bh = i < b.length;
    if (ah && bh) {
      if (a[i]! < b[i]!) {
        return -1;
      }
      if (a[i]! > b[i]!) {
        return 1;
      }
    } else if (!ah && !bh) {
      return precision === undefined ? 0 : null;
    } else {
      return null;
    }
    if (i === precision) {
      break;
    }
  }
  return 0;
}

/** Milliseconds in a minute, a second, a millisecond (the precisions whose instants offsets cannot misalign). */
const FINE_UNIT = [0, 0, 0, 0, 60_000, 1000, 1];

function compare(a: CqlDateTime, b: CqlDateTime, precision: Precision | undefined): -1 | 0 | 1 | null {
  // fast path, same answer: two DateTimes known to the minute or finer compared without a precision
  // are compared as instants (offsets are whole minutes, so moving one to the other's offset loses nothing)
  if (precision === undefined && !a.isDate && !b.isDate && a.f.length > MINUTE && b.f.length > MINUTE) {
    const p = Math.min(a.f.length, b.f.length) - 1;
    const unit = FINE_UNIT[p]!;
    const ia = Math.floor(instantOf(a) / unit);
    const ib = Math.floor(instantOf(b) / unit);
    if (ia !== ib) {
      return ia < ib ? -1 : 1;
    }
    return a.f.length === b.f.length ? 0 : null;
  }
  const [x, y] = align(a, b, precision);
  return order(x.f, y.f, precision);
}

/** `a same or before b` (at `precision`, else to the finest field). */
export function sameOrBefore(a: CqlDateTime, b: CqlDateTime, precision?: Precision): Tri {
  const o = compare(a, b, precision);
  return o === null ? null : o <= 0;
}

/** `a same or after b`. */
export function sameOrAfter(a: CqlDateTime, b: CqlDateTime, precision?: Precision): Tri {
  const o = compare(a, b, precision);
  return o === null ? null : o >= 0;
}

/** `a before b`. */
export function before(a: CqlDateTime, b: CqlDateTime, precision?: Precision): Tri {
  const o = compare(a, b, precision);
  return o === null ? null : o < 0;
}

/** `a after b`. */
export function after(a: CqlDateTime, b: CqlDateTime, precision?: Precision): Tri {
  const o = compare(a, b, precision);
  return o === null ? null : o > 0;
}

/** `a same as b` (`same day as` with precision day). */
export function sameAs(a: CqlDateTime, b: CqlDateTime, precision?: Precision): Tri {
  const o = compare(a, b, precision);
  return o === null ? null : o === 0;
}

/**
 * CQL `=` on two Dates or two DateTimes (`false` for a Date against a DateTime): the second moved
 * to the first's offset, seconds and milliseconds compared as one decimal; unknown when one value
 * stops earlier than the other with all known fields equal.
 */
export function equal(a: CqlDateTime, b: CqlDateTime): Tri {
  if (a.isDate !== b.isDate) {
    return false;
  }
  // fast path, same answer: values a day or more apart by their first instants are not equal once
  // both are known at least to the day (no offset moves a value by more than 26 hours)
  if (!a.isDate && a.f.length > DAY && b.f.length > DAY && Math.abs(instantOf(a) - instantOf(b)) > 3 * 86_400_000) {
    return false;
  }
  if (!a.isDate && a.f.length > MINUTE && a.f.length === b.f.length) {
    return instantOf(a) === instantOf(b);
  }
  if (!a.isDate && a.offset !== b.offset) {
    b = convertToOffset(b, a.offset);
  }
  const n = a.isDate ? 3 : 7;
  for (let i = 0; i < n; i++) {
    const ah = i < a.f.length;
    const bh = i < b.f.length;
    if (ah && bh) {
      if (i === SECOND) {
        return a.f[SECOND]! + (a.f[MILLISECOND] ?? 0) / 1000 === b.f[SECOND]! + (b.f[MILLISECOND] ?? 0) / 1000;
      }
      if (a.f[i] !== b.f[i]) {
        return false;
      }
    } else if (!ah && !bh) {
      return true;
    } else {
      return null;
    }
  }
  return true;
}
