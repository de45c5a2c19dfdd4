/**
 * `sort by <expression>` / `sort asc` in a CQL query, as cql-execution 3.x sorts: a merge sort
 * whose comparison puts a null key first and otherwise compares the keys' CQL texts
 * (`2026-03-01T23:00:00.000-05:00` sorts before `2026-03-02T01:00:00.000+00:00`, although it is
 * the later instant), and, for equal texts, the right-hand item first. `Last(…)` and `First(…)`
 * then take the same item as the reference engine, including among values on the same day.
 * Spec: cql-execution lib/elm/query.js (ByExpression, ByDirection), lib/util/util.js (asyncMergeSort).
 */
import { cqlText, type CqlDateTime } from './date-time.ts';

/** A comparison as cql-execution's sort makes it: negative or zero keeps the left item first. */
export type SortOrder<T> = (a: T, b: T) => number;

/** cql-execution's merge sort (`asyncMergeSort`): on a tie (`<= 0`) the left item goes first. */
export function cqlSort<T>(items: readonly T[], order: SortOrder<T>): T[] {
  if (items.length <= 1) {
    return [...items];
  }
  const mid = Math.floor(items.length / 2);
  const left = cqlSort(items.slice(0, mid), order);
  const right = cqlSort(items.slice(mid), order);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    out.push(order(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!);
  }
  while (i < left.length) {
    out.push(left[i++]!);
  }
  while (j < right.length) {
    out.push(right[j++]!);
  }
  return out;
}

/** The key order of `sort by` / `sort asc`: null first, else by CQL text, never 0 for two keys. */
function textOrder(a: string | null, b: string | null): number {
  if (a === null && b === null) {
    return 0;
  }
  if (a === null || b === null) {
    return a === null ? -1 : 1;
  }
  return a < b ? -1 : 1;
}

/** The items in ascending order of their (date) key, as cql-execution orders them. */
export function sortAscending<T>(items: readonly T[], key: (item: T) => CqlDateTime | null): T[] {
  const keyed = items.map((item) => {
    const k = key(item);
    return { item, key: k ? cqlText(k) : null };
  });
  return cqlSort(keyed, (a, b) => textOrder(a.key, b.key)).map((x) => x.item);
}
