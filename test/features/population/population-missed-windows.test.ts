/**
 * Missed follow-up windows in the population view, told apart as in the panel: a FUH 7-day window
 * that ended before the evaluation's asOf is "missed", not "open" — not in a patient's open-gap
 * count, not a reason to pass the "open gaps only" filter, its own column in the gap summary, not
 * in a clinician's open gaps — while it stays in the closure rate's denominator (it was not closed
 * in time). The batch tally gives what a from-scratch summary gives. The engine's accumulator (and
 * so the CLI's MeasureReports) is unchanged: it still says `open`.
 */
import { describe, expect, it } from 'vitest';
import type { AttributedClinician, GapResult } from '../../../src/engine/index.ts';
import { summarisePopulation } from '../../../src/features/population/population-summary.ts';
import {
  filterEntries,
  gapStateOf,
  hasOpenGap,
  openGapCount,
  sortEntries,
} from '../../../src/features/population/population-table-model.ts';
import { PopulationTally } from '../../../src/features/population/population-tally.ts';
import type { PopulationEntry } from '../../../src/features/population/run-population.ts';
import { cms2, entry } from './fixtures.ts';

const AS_OF = '2026-12-03';
const RIVERA: AttributedClinician = {
  reference: 'Practitioner/dr-rivera',
  display: 'Dr. Ana Rivera',
  source: 'general-practitioner',
};

const window = (id: string, due: string, status: GapResult['status'] = 'open'): GapResult => ({
  id,
  title: id,
  status,
  due,
  why: 'test',
  evidence: [],
});

/** An evaluated patient as of 3 Dec 2026, attributed to Dr. Rivera. */
function patient(id: string, gaps: GapResult[]): PopulationEntry {
  const e = entry(id, id, { measures: [cms2('not-met')], gaps });
  return {
    ...e,
    evaluation: { ...e.evaluation!, asOf: AS_OF },
    identity: { patient: `Patient/${id}`, clinician: RIVERA },
  };
}

// discharged 15 Nov: the 7-day window ended 22 Nov (missed), the 30-day one runs to 15 Dec
const ana = patient('ana', [
  window('fuh-7', '2026-11-22'),
  window('fuh-30', '2026-12-15'),
  window('cms2', '2026-12-31'),
]);
// only a missed TCM contact left
const ben = patient('ben', [window('tcm-contact-2d', '2026-11-17'), window('cms2', '2026-12-31', 'closed')]);
// followed up within 7 days
const cy = patient('cy', [window('fuh-7', '2026-11-20', 'closed'), window('fuh-30', '2026-12-13', 'closed')]);
// the 7-day window ends today: still open
const dee = patient('dee', [window('fuh-7', AS_OF)]);
const ALL = [ana, ben, cy, dee];

describe('missed windows in the population view', () => {
  it('a patient’s open gaps leave the missed windows out; the gap cell says missed', () => {
    expect(ALL.map((e) => openGapCount(e))).toEqual([2, 0, 0, 1]);
    expect(gapStateOf(ana, 'fuh-7')).toBe('missed');
    expect(gapStateOf(ana, 'fuh-30')).toBe('open');
    expect(gapStateOf(dee, 'fuh-7')).toBe('open');
    expect(gapStateOf(cy, 'fuh-7')).toBe('closed');
    expect(gapStateOf(ben, 'fuh-7')).toBeUndefined();
  });

  it('"open gaps only" does not keep a patient whose only gap is a missed window', () => {
    expect(hasOpenGap(ben)).toBe(false);
    expect(filterEntries(ALL, { openGapsOnly: true }).map((e) => e.patientId)).toEqual(['ana', 'dee']);
  });

  it('sorts a gap column open, then missed, then closed, then patients without the gap', () => {
    expect(sortEntries(ALL, { key: 'gap:fuh-7', direction: 'asc' }).map((e) => e.patientId)).toEqual([
      'dee',
      'ana',
      'cy',
      'ben',
    ]);
  });

  it('counts missed windows in their own column, in the closure rate’s denominator, not among a clinician’s open gaps', () => {
    const s = summarisePopulation(ALL);
    const fuh7 = s.gaps.find((g) => g.id === 'fuh-7')!;
    expect([fuh7.open, fuh7.missed, fuh7.closed]).toEqual([1, 1, 1]);
    expect(fuh7.closureRate).toBeCloseTo(1 / 3);
    const contact = s.gaps.find((g) => g.id === 'tcm-contact-2d')!;
    expect([contact.open, contact.missed, contact.closureRate]).toEqual([0, 1, 0]);
    // ana: fuh-30 + cms2; dee: fuh-7 — the two missed windows are not counted
    expect(s.clinicians.map((c) => [c.label, c.openGaps])).toEqual([['Dr. Ana Rivera', 3]]);
  });

  it('the batch tally equals the summary computed from scratch', () => {
    const tally = new PopulationTally();
    tally.add([ana, ben]);
    tally.add([cy, dee]);
    expect(tally.snapshot().summary).toEqual(summarisePopulation(ALL));
  });
});
