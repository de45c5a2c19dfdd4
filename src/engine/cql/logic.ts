/**
 * CQL three-valued logic: a comparison of values that are only partly known answers `null`
 * (unknown). `null` is the engine's one way of saying "unknown"; a `where` / `such that` clause
 * keeps only `true` ({@link isTrue}).
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#logical-operators-3
 */

/** `true`, `false` or `null` (unknown). */
export type Tri = boolean | null;

/** CQL `and`: false wins, then unknown. */
export function and3(a: Tri, b: Tri): Tri {
  if (a === false || b === false) {
    return false;
  }
  return a === null || b === null ? null : true;
}

/** CQL `or`: true wins, then unknown. */
export function or3(a: Tri, b: Tri): Tri {
  if (a === true || b === true) {
    return true;
  }
  return a === null || b === null ? null : false;
}

/** CQL `not`. */
export function not3(a: Tri): Tri {
  return a === null ? null : !a;
}

/** Whether a `where` clause keeps the row: only a definite `true`. */
export function isTrue(a: Tri): boolean {
  return a === true;
}
