/**
 * What the population view tells a quality lead, without a DOM: per-clinician panels (patients,
 * open gaps, each measure's rate — the clinician strata of the summary MeasureReports), one row per
 * rate of a measure with several (FUH `7-day` / `30-day`), targets from targets.json (shipped as
 * examples; a rate equal to its target meets it; an inverse measure's target is a ceiling), labels
 * that are never ids nor cut into one another, the column chooser's default, and the exports
 * (identity in every CSV row, the worklist, the stratified Bundle).
 */
import { describe, expect, it } from 'vitest';
import {
  GAP_FAMILIES,
  FLAG_FAMILIES,
  type AttributedClinician,
  type MeasureResult,
} from '../../../src/engine/index.ts';
import { isShown, shownColumns } from '../../../src/features/population/column-chooser.tsx';
import { flagLabel, gapLabel, measureLabel } from '../../../src/features/population/finding-labels.ts';
import {
  populationBundleJson,
  populationCsv,
  populationWorklistCsv,
} from '../../../src/features/population/population-export.ts';
import { measureKey, summarisePopulation } from '../../../src/features/population/population-summary.ts';
import { parseTargets, standing, TARGETS } from '../../../src/features/population/targets.ts';
import type { PopulationEntry } from '../../../src/features/population/run-population.ts';
import { cms2, entry, gap } from './fixtures.ts';

const RIVERA: AttributedClinician = {
  reference: 'Practitioner/dr-rivera',
  display: 'Dr. Ana Rivera',
  source: 'general-practitioner',
};
const CHEN: AttributedClinician = {
  reference: 'Practitioner/np-chen',
  display: 'NP Lily Chen',
  source: 'qualifying-visits',
};
const counts = (den: number, num: number) => ({
  'initial-population': den,
  denominator: den,
  'denominator-exclusion': 0,
  'denominator-exception': 0,
  numerator: num,
});
function fuh(discharges: number, seven: number, thirty: number): MeasureResult {
  const group = (id: string, num: number) => ({
    id,
    status: (discharges ? 'not-met' : 'not-in-population') as MeasureResult['status'],
    populations: counts(discharges, num),
    inProgress: 0,
    unknown: 0,
  });
  return {
    id: 'fuh',
    measureUrl: 'https://example.org/Measure/fuh',
    version: '1',
    title: 'Follow-up after hospitalization for mental illness',
    status: discharges ? 'not-met' : 'not-in-population',
    populations: counts(discharges, seven),
    evidence: [],
    populationBasis: 'Encounter',
    groups: [group('7-day', seven), group('30-day', thirty)],
  };
}
function attributed(
  e: PopulationEntry,
  clinician?: AttributedClinician,
  extra: Partial<PopulationEntry['identity']> = {},
): PopulationEntry {
  return {
    ...e,
    identity: {
      patient: `Patient/${e.patientId}`,
      ...(e.name ? { name: e.name } : {}),
      ...(clinician ? { clinician } : {}),
      ...extra,
    },
  };
}
const PANEL: PopulationEntry[] = [
  attributed(
    entry('ana', 'Ana Diaz', {
      measures: [cms2('met'), fuh(2, 1, 2)],
      gaps: [gap('cms2', 'closed'), gap('fuh-7', 'open')],
    }),
    RIVERA,
    { birthDate: '1961-03-14', mrn: '7781' },
  ),
  attributed(
    entry('ben', 'Ben Diaz', { measures: [cms2('not-met'), fuh(0, 0, 0)], gaps: [gap('cms2', 'open')] }),
    RIVERA,
  ),
  attributed(entry('cy', 'Cy Lee', { measures: [cms2('not-met'), fuh(1, 1, 1)], gaps: [gap('cms2', 'open')] }), CHEN),
  attributed(entry('dee', 'Dee Lee', { measures: [cms2('met'), fuh(0, 0, 0)], gaps: [gap('cms2', 'closed')] })),
];

describe('who is behind: per-clinician panels', () => {
  const s = summarisePopulation(PANEL);
  it('lists each attributed clinician by name, the unattributed last, with patients and open gaps', () => {
    expect(s.clinicians.map((c) => [c.label, c.patients, c.openGaps])).toEqual([
      ['Dr. Ana Rivera', 2, 2],
      ['NP Lily Chen', 1, 1],
      ['Unattributed', 1, 0],
    ]);
  });
  it('gives each clinician each rate (numerator of eligible), one per group of a measure with several', () => {
    expect(s.measures.map((m) => m.id)).toEqual(['cms2', 'fuh/7-day', 'fuh/30-day']);
    expect(s.measures[1]!.title).toBe('Follow-up after hospitalization for mental illness, 7-day rate (index events)');
    const rivera = s.clinicians[0]!;
    expect(rivera.rates.cms2).toEqual({ numerator: 1, scored: 2, rate: 0.5 });
    expect(rivera.rates['fuh/7-day']).toEqual({ numerator: 1, scored: 2, rate: 0.5 });
    expect(rivera.rates['fuh/30-day']).toEqual({ numerator: 2, scored: 2, rate: 1 });
    expect(s.measures.find((m) => m.id === 'fuh/30-day')).toMatchObject({
      measureId: 'fuh',
      groupId: '30-day',
      counts: counts(3, 3),
      performanceRate: 1,
    });
  });
  it('adds the clinicians’ numerators and eligible counts up to the measure’s', () => {
    for (const m of s.measures) {
      const sum = s.clinicians.reduce((n, c) => n + (c.rates[m.id]?.numerator ?? 0), 0);
      expect(sum, m.id).toBe(m.counts.numerator);
    }
  });
});

describe('targets', () => {
  it('ships example targets, said to be examples, for the six eCQMs and the follow-up rates', () => {
    expect(TARGETS.examples).toBe(true);
    expect(TARGETS.note).toMatch(/not CMS/);
    for (const key of [
      'cms2',
      'sdoh-screening',
      'cms165',
      'cms122',
      'cms130',
      'cms125',
      'fuh/7-day',
      'fuh/30-day',
      'tcm/14-day',
    ]) {
      expect(TARGETS.byKey.has(key), key).toBe(true);
    }
  });
  it('meets a target at the target exactly, not a point below; an inverse target is a ceiling', () => {
    const t = { key: 'cms2', rate: 0.7 };
    expect(standing(0.7, t, false)).toEqual({ target: 0.7, meets: true, points: 0 });
    expect(standing(0.69, t, false)).toMatchObject({ meets: false, points: -1 });
    expect(standing(0.2, { key: 'cms122', rate: 0.2 }, true)).toMatchObject({ meets: true });
    expect(standing(0.21, { key: 'cms122', rate: 0.2 }, true)).toMatchObject({ meets: false, points: 1 });
    expect(standing(undefined, t, false)).toBeUndefined();
  });
  it('refuses a malformed file, naming the entry and field', () => {
    expect(() => parseTargets({ targets: [{ measure: 'cms2', rate: 70 }] })).toThrow(
      'targets[0].rate must be a fraction from 0 to 1',
    );
    expect(() => parseTargets({ targets: [{ rate: 0.5 }] })).toThrow('targets[0].measure');
    expect(() =>
      parseTargets({
        targets: [
          { measure: 'fuh', group: '7-day', rate: 0.4 },
          { measure: 'fuh', group: '7-day', rate: 0.5 },
        ],
      }),
    ).toThrow('repeats the target of fuh/7-day');
    expect(measureKey('fuh', '7-day')).toBe('fuh/7-day');
  });
});

describe('labels', () => {
  it('labels every flag the engine can raise in words, never as its id', () => {
    for (const id of FLAG_FAMILIES.flatMap((f) => [...f.ids])) {
      expect(flagLabel(id), id).not.toBe(id);
      expect(flagLabel(id)).toMatch(/^[A-Z]/);
    }
    expect(flagLabel('sdoh-need:food')).toBe('Social need: food');
  });
  it('gives every gap the engine can emit a distinct short label (no two cut into the same string)', () => {
    const ids = [
      ...new Set([
        ...GAP_FAMILIES.flatMap((g) => [...g.ids]),
        ...['food', 'housing', 'transportation', 'utilities', 'safety'].map((d) => `sdoh-positive-follow-up:${d}`),
      ]),
    ];
    const labels = ids.map((id) => gapLabel(id, id));
    expect(new Set(labels).size).toBe(ids.length);
    expect(gapLabel('fuh-7', 'Follow-up within 7 days after mental-health hospitalization (FUH)')).toBe(
      'FUH 7-day follow-up',
    );
    expect(measureLabel('fuh', 'x', '30-day')).toBe('FUH (mental-health stay) — 30-day');
  });
});

describe('column chooser', () => {
  const columns = [
    { kind: 'measure' as const, id: 'cms2', title: 'CMS2' },
    { kind: 'gap' as const, id: 'cms2', title: 'CMS2' },
    { kind: 'gap' as const, id: 'fuh-7', title: 'FUH' },
  ];
  it('shows measures and hides gaps by default; a choice overrides the default for that column only', () => {
    expect(shownColumns(columns, new Map()).map((c) => `${c.kind}:${c.id}`)).toEqual(['measure:cms2']);
    const choice = new Map([
      ['gap:fuh-7', true],
      ['measure:cms2', false],
    ]);
    expect(shownColumns(columns, choice).map((c) => `${c.kind}:${c.id}`)).toEqual(['gap:fuh-7']);
    expect(isShown({ kind: 'measure', id: 'new', title: 'New' }, choice)).toBe(true);
  });
});

describe('exports', () => {
  it('starts every CSV row with who the patient is, and neutralises a hostile name', () => {
    const hostile = attributed(entry('eve', '=1+2', { measures: [cms2('not-met')], gaps: [] }), RIVERA, {
      name: '=HYPERLINK("http://x","y")',
      birthDate: '1990-01-01',
      mrn: '@42',
    });
    const lines = populationCsv([PANEL[0]!, hostile]).split('\r\n');
    expect(lines[1]).toMatch(/^Patient\/ana,Ana Diaz,1961-03-14,7781,Dr\. Ana Rivera,cms2,/);
    expect(lines.find((l) => l.startsWith('Patient/eve'))).toMatch(
      /^Patient\/eve,"'=HYPERLINK\(""http:\/\/x"",""y""\)",1990-01-01,'@42,Dr\. Ana Rivera,/,
    );
  });
  it('writes the worklist of open gaps with who to call, and a Bundle stratified by clinician', () => {
    const worklist = populationWorklistCsv(PANEL).split('\r\n');
    expect(worklist[0]).toBe(
      'name,birth-date,mrn,phone,clinician,gap-id,gap-title,due,days-left,risk,flags,action,reason,patient',
    );
    expect(worklist.filter((l) => l && !l.startsWith('name,'))).toHaveLength(3);
    const bundle = JSON.parse(
      populationBundleJson(PANEL, { start: '2026-01-01', end: '2026-12-31' }, '2026-03-02T10:00:00Z'),
    ) as fhir4.Bundle;
    const summary = bundle.entry!.map((e) => e.resource as fhir4.MeasureReport).find((r) => r.id === 'cms2-summary')!;
    expect(summary.group![0]!.stratifier![0]!.stratum!.map((s) => s.value!.text)).toEqual([
      'Dr. Ana Rivera',
      'NP Lily Chen',
      'Unattributed',
    ]);
  });
});
