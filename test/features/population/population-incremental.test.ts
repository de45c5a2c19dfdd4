/**
 * The population table while results arrive in batches: each batch is keyed, filtered and sorted on
 * its own and merged into the rows already sorted (never a full re-sort per batch, which made a
 * 10,000-patient run quadratic), and columns / flag ids / summary are tallied per batch — with
 * exactly the rows, columns and sums a from-scratch computation gives.
 */
import { describe, expect, it } from 'vitest';
import type { MeasureStatus } from '../../../src/engine/index.ts';
import { summarisePopulation } from '../../../src/features/population/population-summary.ts';
import {
  filterEntries,
  flagIds,
  populationColumns,
  sortEntries,
  updateRows,
  type PopulationFilter,
  type RowsState,
  type SortSpec,
} from '../../../src/features/population/population-table-model.ts';
import { PopulationTally } from '../../../src/features/population/population-tally.ts';
import type { PopulationEntry } from '../../../src/features/population/run-population.ts';
import { cms122, cms2, entry, gap } from './fixtures.ts';

const STATUSES: MeasureStatus[] = ['met', 'not-met', 'excluded', 'exception', 'not-in-population', 'unknown'];
const GAPS = ['open', 'closed', 'not-applicable', 'unknown'] as const;
const FLAGS = ['smi', 'sud', 'sdoh-need:food', 'ed-frequent'];
const GIVEN = ['Maria', 'Ann', 'José', 'Li', 'Omar', 'Ruth'];

/** A deterministic population of `n` patients (duplicate names, so ties are broken by id). */
function population(n: number, offset = 0): PopulationEntry[] {
  let s = 12345 + offset;
  const rnd = (k: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % k;
  };
  return Array.from({ length: n }, (_, i) => {
    const id = `p${String(offset + i).padStart(5, '0')}`;
    if (rnd(40) === 0) {
      return { patientId: id, error: 'HTTP 500' };
    }
    const flags = FLAGS.filter(() => rnd(4) === 0);
    return entry(id, `${GIVEN[rnd(GIVEN.length)]} ${String.fromCharCode(65 + rnd(6))}`, {
      measures: [cms2(STATUSES[rnd(STATUSES.length)]!), ...(rnd(2) ? [cms122(STATUSES[rnd(STATUSES.length)]!)] : [])],
      gaps: [gap('cms2', GAPS[rnd(GAPS.length)]!), ...(rnd(3) === 0 ? [gap('fuh-7', GAPS[rnd(GAPS.length)]!)] : [])],
      flags,
    });
  });
}

/** Feeds `all` in batches of `size` as the run does (each state an appended copy). */
function inBatches(all: PopulationEntry[], size: number, filter: PopulationFilter, sort: SortSpec): RowsState[] {
  const states: RowsState[] = [];
  let prev: RowsState | undefined;
  for (let i = size; i < all.length + size; i += size) {
    prev = updateRows(prev, all.slice(0, Math.min(i, all.length)), filter, sort);
    states.push(prev);
  }
  return states;
}

const SORTS: SortSpec[] = [
  { key: 'name', direction: 'asc' },
  { key: 'name', direction: 'desc' },
  { key: 'flags', direction: 'asc' },
  { key: 'measure:cms122', direction: 'asc' },
  { key: 'gap:fuh-7', direction: 'desc' },
];
const FILTERS: PopulationFilter[] = [
  {},
  { openGapsOnly: true },
  { flagId: 'sdoh-need' },
  { measureId: 'cms2', measureStatus: 'not-met' },
  { text: ' MARIA ' },
  { openGapsOnly: true, text: 'a' },
];

describe('population rows updated per batch', () => {
  it('equal a from-scratch filter + sort after every batch, for every sort and filter', () => {
    const all = population(600);
    for (const sort of SORTS) {
      for (const filter of FILTERS) {
        for (const state of inBatches(all, 37, filter, sort)) {
          expect(state.rows.map((r) => r.patientId)).toEqual(
            sortEntries(filterEntries(state.entries, filter), sort).map((r) => r.patientId),
          );
        }
      }
    }
  });

  it('key only the new entries of a batch (no re-sort of the rows already there)', () => {
    const all = population(1005);
    const sort: SortSpec = { key: 'name', direction: 'asc' };
    const before = updateRows(undefined, all.slice(0, 1000), {}, sort);
    expect(before.keyedInUpdate).toBe(1000);
    const after = updateRows(before, all, {}, sort);
    expect(after.keyedInUpdate).toBe(5);
    expect(after.rows).toHaveLength(1005);
    // The same inputs again (React may render twice): the same state, no work.
    expect(updateRows(after, all, { ...{} }, { ...sort })).toBe(after);
  });

  it('a filter change re-filters without sorting; a sort change sorts once; a new run starts over', () => {
    const all = population(300);
    const s0 = updateRows(undefined, all, {}, { key: 'name', direction: 'asc' });
    const typed = updateRows(s0, all, { text: 'mar' }, { key: 'name', direction: 'asc' });
    expect(typed.keyedInUpdate).toBe(0);
    expect(typed.rows.map((r) => r.patientId)).toEqual(
      sortEntries(filterEntries(all, { text: 'mar' }), { key: 'name', direction: 'asc' }).map((r) => r.patientId),
    );
    const resorted = updateRows(typed, all, { text: 'mar' }, { key: 'flags', direction: 'asc' });
    expect(resorted.keyedInUpdate).toBe(300);
    const rerun = population(10, 5000);
    expect(
      updateRows(resorted, rerun, { text: 'mar' }, { key: 'flags', direction: 'asc' }).rows.map((r) => r.patientId),
    ).toEqual(
      sortEntries(filterEntries(rerun, { text: 'mar' }), { key: 'flags', direction: 'asc' }).map((r) => r.patientId),
    );
  });

  it('does not mutate the entries or the previous state', () => {
    const all = population(50);
    const ids = all.map((e) => e.patientId);
    const s0 = updateRows(undefined, all.slice(0, 20), {}, { key: 'name', direction: 'desc' });
    const rows0 = [...s0.rows];
    updateRows(s0, all, {}, { key: 'name', direction: 'desc' });
    expect(s0.rows).toEqual(rows0);
    expect(all.map((e) => e.patientId)).toEqual(ids);
  });
});

describe('population tally (columns, flag ids, summary) per batch', () => {
  it('equals the from-scratch columns, flag ids and summary after every batch', () => {
    const all = population(400);
    const tally = new PopulationTally();
    for (let i = 0; i < all.length; i += 23) {
      tally.add(all.slice(i, i + 23));
      const seen = all.slice(0, i + 23);
      const snap = tally.snapshot();
      expect(snap.columns).toEqual(populationColumns(seen));
      expect(snap.flagIds).toEqual(flagIds(seen));
      expect(snap.summary).toEqual(summarisePopulation(seen));
    }
    expect(tally.size).toBe(400);
  });

  it('keeps the columns and flag-id arrays while nothing new appears (what depends on them need not re-render)', () => {
    const all = population(200);
    const tally = new PopulationTally();
    tally.add(all.slice(0, 150));
    const a = tally.snapshot();
    tally.add(all.slice(150));
    const b = tally.snapshot();
    expect(b.columns).toBe(a.columns);
    expect(b.flagIds).toBe(a.flagIds);
    expect(b.summary).not.toBe(a.summary);
  });
});
