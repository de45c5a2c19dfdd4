/**
 * CQL intervals of Dates / DateTimes and the interval operators the measures use, exactly as
 * cql-execution 3.x evaluates them: `in` / `contains` (point), `included in` / `during`,
 * `overlaps`, `overlaps after`, `start of`, `end of`.
 *
 * Boundaries: a closed boundary with no value is unbounded (the minimum / maximum DateTime); an
 * open boundary with no value is unknown — closing it gives an "uncertain" point anywhere between
 * the minimum (maximum) and the other end, and comparisons with it answer `null` when it could go
 * either way. Those comparisons ignore the requested precision, as cql-execution's Uncertainty does.
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#interval-operators-3 ,
 * https://cql.hl7.org/05-languagesemantics.html#closed-open-and-null-boundaries
 */
import { predecessor, successor } from './date-time-arithmetic.ts';
import { after, before, equal, sameOrAfter, sameOrBefore } from './date-time-compare.ts';
import { MAX_DATE, MAX_DATETIME, MIN_DATE, MIN_DATETIME, type CqlDateTime, type Precision } from './date-time.ts';
import { and3, not3, type Tri } from './logic.ts';

/** An interval; `null` boundaries are read per the file comment. */
export interface CqlInterval {
  readonly low: CqlDateTime | null;
  readonly high: CqlDateTime | null;
  readonly lowClosed: boolean;
  readonly highClosed: boolean;
}

/** A point known only to lie between two values (either may be unknown). */
export interface UncertainPoint {
  readonly uncertain: true;
  readonly low: CqlDateTime | null;
  readonly high: CqlDateTime | null;
}

/** A closed interval's boundary: a value, an uncertain point, or nothing. */
export type Bound = CqlDateTime | UncertainPoint | null;

/** `Interval[low, high]` (closed unless told). */
export function interval(
  low: CqlDateTime | null,
  high: CqlDateTime | null,
  lowClosed = true,
  highClosed = true,
): CqlInterval {
  return { low, high, lowClosed, highClosed };
}

/** `Interval[v, v]`. */
export function pointInterval(v: CqlDateTime): CqlInterval {
  return { low: v, high: v, lowClosed: true, highClosed: true };
}

function isUncertain(b: Bound): b is UncertainPoint {
  return b !== null && (b as UncertainPoint).uncertain === true;
}

/** Whether the interval's points are Dates (`undefined` when it has no point). */
function pointIsDate(iv: CqlInterval): boolean | undefined {
  const p = iv.low ?? iv.high;
  return p ? p.isDate : undefined;
}

const minOf = (isDate: boolean) => (isDate ? MIN_DATE : MIN_DATETIME);
const maxOf = (isDate: boolean) => (isDate ? MAX_DATE : MAX_DATETIME);

/** cql-execution `Uncertainty` construction: the ends swapped when the low one is after the high one. */
function uncertain(low: CqlDateTime | null, high: CqlDateTime | null): UncertainPoint {
  if (low && high && low.isDate === high.isDate && after(low, high) === true) {
    return { uncertain: true, low: high, high: low };
  }
  return { uncertain: true, low, high };
}

/** The interval with both boundaries closed (cql-execution `toClosed`). */
export function toClosed(iv: CqlInterval): { low: Bound; high: Bound } {
  const isDate = pointIsDate(iv);
  if (isDate === undefined) {
    return { low: iv.low, high: iv.high };
  }
  let low: Bound =
    iv.lowClosed && iv.low === null ? minOf(isDate) : !iv.lowClosed && iv.low !== null ? successor(iv.low) : iv.low;
  let high: Bound =
    iv.highClosed && iv.high === null
      ? maxOf(isDate)
      : !iv.highClosed && iv.high !== null
        ? predecessor(iv.high)
        : iv.high;
  if (low === null) {
    low = uncertain(minOf(isDate), high as CqlDateTime | null);
  }
  if (high === null) {
    high = uncertain(low as CqlDateTime | null, maxOf(isDate));
  }
  return { low, high };
}

/** CQL `start of`: the closed low boundary; the minimum when unbounded, `null` when unknown. */
export function startOf(iv: CqlInterval | null): CqlDateTime | null {
  if (!iv) {
    return null;
  }
  if (iv.low === null) {
    return iv.lowClosed && iv.high ? minOf(iv.high.isDate) : null;
  }
  return iv.lowClosed ? iv.low : successor(iv.low);
}

/** CQL `end of`: the closed high boundary; the maximum when unbounded, `null` when unknown. */
export function endOf(iv: CqlInterval | null): CqlDateTime | null {
  if (!iv) {
    return null;
  }
  if (iv.high === null) {
    return iv.highClosed && iv.low ? maxOf(iv.low.isDate) : null;
  }
  return iv.highClosed ? iv.high : predecessor(iv.high);
}

/** Uncertain-point `<` (cql-execution `Uncertainty.lessThan`): compares without precision. */
function lessU(x: UncertainPoint, y: UncertainPoint): Tri {
  const lt = (a: CqlDateTime, b: CqlDateTime): Tri => (a.isDate === b.isDate ? before(a, b) : null);
  const best: Tri = x.low === null || y.high === null || lt(x.low, y.high);
  const worst: Tri = x.high !== null && y.low !== null && lt(x.high, y.low);
  return best === worst ? best : null;
}

const asUncertain = (b: Bound): UncertainPoint => (isUncertain(b) ? b : { uncertain: true, low: b, high: b });

type Relation = 'lt' | 'le' | 'gt' | 'ge';

/** cql-execution `util/comparison` lessThan / lessThanOrEquals / … on boundaries. */
function relate(a: Bound, b: Bound, rel: Relation, precision: Precision | undefined): Tri {
  if (a !== null && b !== null && !isUncertain(a) && !isUncertain(b)) {
    // a Date against a DateTime is not comparable here (null), as in cql-execution
    if (a.isDate !== b.isDate) {
      return null;
    }
    if (rel === 'lt') {
      return before(a, b, precision);
    }
    if (rel === 'le') {
      return sameOrBefore(a, b, precision);
    }
    if (rel === 'gt') {
      return after(a, b, precision);
    }
    return sameOrAfter(a, b, precision);
  }
  if (!isUncertain(a) && !isUncertain(b)) {
    return null;
  }
  const x = asUncertain(a);
  const y = asUncertain(b);
  if (rel === 'lt') {
    return lessU(x, y);
  }
  if (rel === 'gt') {
    return lessU(y, x);
  }
  if (rel === 'le') {
    return not3(lessU(y, x));
  }
  return not3(lessU(x, y));
}

/** CQL `=` on boundaries (only two values of one kind can be equal). */
function equalBound(a: Bound, b: Bound): Tri {
  if (a === null || b === null || isUncertain(a) || isUncertain(b)) {
    return null;
  }
  return equal(a, b);
}

/**
 * `point in interval` / `interval contains point` (at `precision`). A missing interval is `false`,
 * a missing point `null` (cql-execution `In`).
 */
export function contains(iv: CqlInterval | null, point: CqlDateTime | null, precision?: Precision): Tri {
  if (!iv) {
    return false;
  }
  if (!point) {
    return null;
  }
  // an item equal to a closed boundary is in, whatever the precision
  if (iv.lowClosed && iv.low !== null && equalBound(iv.low, point) === true) {
    return true;
  }
  if (iv.highClosed && iv.high !== null && equalBound(iv.high, point) === true) {
    return true;
  }
  const lowOk: Tri =
    iv.lowClosed && iv.low === null ? true : relate(iv.low, point, iv.lowClosed ? 'le' : 'lt', precision);
  const highOk: Tri =
    iv.highClosed && iv.high === null ? true : relate(iv.high, point, iv.highClosed ? 'ge' : 'gt', precision);
  return and3(lowOk, highOk);
}

/** `inner included in outer` / `inner during outer` (at `precision`); `null` when either is missing. */
export function includedIn(inner: CqlInterval | null, outer: CqlInterval | null, precision?: Precision): Tri {
  if (!inner || !outer) {
    return null;
  }
  const a = toClosed(outer);
  const b = toClosed(inner);
  return and3(relate(a.low, b.low, 'le', precision), relate(a.high, b.high, 'ge', precision));
}

const isBoundless = (iv: CqlInterval) => iv.low === null && iv.lowClosed && iv.high === null && iv.highClosed;
const isUnknown = (iv: CqlInterval) => iv.low === null && !iv.lowClosed && iv.high === null && !iv.highClosed;

/** `a overlaps b` (at `precision`); `null` when either is missing. */
export function overlaps(a: CqlInterval | null, b: CqlInterval | null, precision?: Precision): Tri {
  if (!a || !b || isUnknown(a) || isUnknown(b)) {
    return null;
  }
  if (isBoundless(a) || isBoundless(b)) {
    return true;
  }
  const x = toClosed(a);
  const y = toClosed(b);
  return and3(relate(x.low, y.high, 'le', precision), relate(x.high, y.low, 'ge', precision));
}

/** `a overlaps after b`: a starts no later than b ends and ends after it. */
export function overlapsAfter(a: CqlInterval | null, b: CqlInterval | null, precision?: Precision): Tri {
  if (!a || !b || isUnknown(a) || isUnknown(b)) {
    return null;
  }
  const high = toClosed(b).high;
  if (isBoundless(a)) {
    if (high === null || isUncertain(high)) {
      return null;
    }
    return relate(high, maxOf(high.isDate), 'lt', precision);
  }
  if (isBoundless(b)) {
    return false;
  }
  const x = toClosed(a);
  return and3(relate(x.low, high, 'le', precision), relate(x.high, high, 'gt', precision));
}
