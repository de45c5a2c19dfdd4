import { describe, expect, it } from 'vitest';
import {
  defaultDirection,
  filterEntries,
  flagIds,
  hasOpenGap,
  openGapCount,
  populationColumns,
  sortEntries,
  type SortKey,
} from '../../../src/features/population/population-table-model.ts';
import type { PopulationEntry } from '../../../src/features/population/run-population.ts';
import { samplePopulation } from './fixtures.ts';

const names = (rows: Array<{ name?: string }>) => rows.map((r) => r.name);

describe('population table: columns', () => {
  it('lists every measure then every gap, in first-seen order', () => {
    expect(populationColumns(samplePopulation()).map((c) => `${c.kind}:${c.id}`)).toEqual([
      'measure:cms2',
      'measure:cms122',
      'gap:cms2',
      'gap:fuh-7',
    ]);
  });
  it('offers each flag id once, sorted', () => {
    expect(flagIds(samplePopulation())).toEqual(['ed-frequent', 'sdoh-need:food', 'smi']);
  });
});

describe('population table: filters', () => {
  it('open gaps only keeps Marcus (CMS2 open) and Tanya (FUH-7 open), not Henry whose gap is closed', () => {
    expect(names(filterEntries(samplePopulation(), { openGapsOnly: true }))).toEqual([
      'Marcus Bell',
      'Tanya Whitfield',
    ]);
  });
  it('a flag keeps its patients; a base id matches the specific need (sdoh-need ⇒ sdoh-need:food)', () => {
    expect(names(filterEntries(samplePopulation(), { flagId: 'smi' }))).toEqual([
      'Henry Lindqvist',
      'Ruth Castellanos',
    ]);
    expect(names(filterEntries(samplePopulation(), { flagId: 'sdoh-need' }))).toEqual(['Tanya Whitfield']);
  });
  it('a measure keeps patients in its population, leaving out those not in it or not evaluated for it', () => {
    expect(names(filterEntries(samplePopulation(), { measureId: 'cms122' }))).toEqual([
      'Henry Lindqvist',
      'Tanya Whitfield',
    ]);
  });
  it('a measure and a status narrow to that status', () => {
    expect(names(filterEntries(samplePopulation(), { measureId: 'cms2', measureStatus: 'unknown' }))).toEqual([
      'Quinn Oddly',
    ]);
  });
  it('filters combine (open gaps AND flag) and text search matches the name case-insensitively', () => {
    expect(filterEntries(samplePopulation(), { openGapsOnly: true, flagId: 'smi' })).toEqual([]);
    expect(names(filterEntries(samplePopulation(), { text: 'LINDQ' }))).toEqual(['Henry Lindqvist']);
  });
  it('a patient whose record could not be read has no open gap and passes no status filter', () => {
    const failed = { patientId: 'gone', error: 'HTTP 500' };
    expect(hasOpenGap(failed)).toBe(false);
    expect(filterEntries([failed], { measureId: 'cms2' })).toEqual([]);
    expect(filterEntries([failed], {})).toEqual([failed]);
  });
  it('does not mutate its input', () => {
    const rows = samplePopulation();
    const before = rows.map((r) => r.patientId);
    filterEntries(rows, { openGapsOnly: true });
    sortEntries(rows, { key: 'name', direction: 'desc' });
    expect(rows.map((r) => r.patientId)).toEqual(before);
  });
});

describe('population table: sorting', () => {
  it('sorts by name both ways', () => {
    expect(names(sortEntries(samplePopulation(), { key: 'name', direction: 'asc' }))).toEqual([
      'Henry Lindqvist',
      'Marcus Bell',
      'Quinn Oddly',
      'Ruth Castellanos',
      'Tanya Whitfield',
    ]);
    expect(names(sortEntries(samplePopulation(), { key: 'name', direction: 'desc' }))[0]).toBe('Tanya Whitfield');
  });
  it('a measure column ascending puts what needs attention first: not met, unknown, met, exception, excluded', () => {
    expect(names(sortEntries(samplePopulation(), { key: 'measure:cms2', direction: 'asc' }))).toEqual([
      'Marcus Bell',
      'Quinn Oddly',
      'Henry Lindqvist',
      'Ruth Castellanos',
      'Tanya Whitfield',
    ]);
  });
  it('a gap column ascending puts open gaps first and patients without the gap last (ties by name)', () => {
    expect(names(sortEntries(samplePopulation(), { key: 'gap:cms2', direction: 'asc' }))).toEqual([
      'Marcus Bell',
      'Quinn Oddly',
      'Henry Lindqvist',
      'Tanya Whitfield',
      'Ruth Castellanos',
    ]);
  });
  it('the flags column sorts by the number of flags: descending (its first click) most first, ascending fewest first', () => {
    const count = (e: PopulationEntry) => e.evaluation?.flags.length;
    expect(defaultDirection('flags')).toBe('desc');
    expect(sortEntries(samplePopulation(), { key: 'flags', direction: 'desc' }).map(count)).toEqual([2, 1, 1, 0, 0]);
    expect(sortEntries(samplePopulation(), { key: 'flags', direction: 'asc' }).map(count)).toEqual([0, 0, 1, 1, 2]);
  });
  it('the open-gaps column counts open gaps; names and statuses start ascending', () => {
    expect(
      sortEntries(samplePopulation(), { key: 'open-gaps', direction: 'desc' }).map((e) => openGapCount(e)),
    ).toEqual([1, 1, 0, 0, 0]);
    expect(['name', 'clinician', 'measure:cms2', 'gap:cms2'].map((k) => defaultDirection(k as SortKey))).toEqual([
      'asc',
      'asc',
      'asc',
      'asc',
    ]);
  });
  it('the clinician column sorts by the clinician’s name with the unattributed last, and filters by clinician', () => {
    const rivera = {
      reference: 'Practitioner/rivera',
      display: 'Dr. Ana Rivera',
      source: 'general-practitioner' as const,
    };
    const chen = { reference: 'Practitioner/chen', display: 'NP Lily Chen', source: 'qualifying-visits' as const };
    const [a, b, c, d, e] = samplePopulation();
    const pop = [
      { ...a!, identity: { patient: 'Patient/marcus', clinician: chen } },
      { ...b!, identity: { patient: 'Patient/henry', clinician: rivera } },
      c!,
      { ...d!, identity: { patient: 'Patient/quinn', clinician: chen } },
      e!,
    ];
    expect(names(sortEntries(pop, { key: 'clinician', direction: 'asc' }))).toEqual([
      'Henry Lindqvist',
      'Marcus Bell',
      'Quinn Oddly',
      'Ruth Castellanos',
      'Tanya Whitfield',
    ]);
    expect(names(filterEntries(pop, { clinicianKey: 'Practitioner/chen' }))).toEqual(['Marcus Bell', 'Quinn Oddly']);
    expect(names(filterEntries(pop, { clinicianKey: 'unattributed' }))).toEqual([
      'Tanya Whitfield',
      'Ruth Castellanos',
    ]);
  });
  it('search matches the MRN and the birth date too', () => {
    const [a, ...rest] = samplePopulation();
    const pop = [{ ...a!, identity: { patient: 'Patient/marcus', mrn: 'MRN-7781', birthDate: '1961-03-14' } }, ...rest];
    expect(names(filterEntries(pop, { text: 'mrn-7781' }))).toEqual(['Marcus Bell']);
    expect(names(filterEntries(pop, { text: '1961-03' }))).toEqual(['Marcus Bell']);
  });
});
