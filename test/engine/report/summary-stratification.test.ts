/**
 * Summary MeasureReports stratified by attributed clinician (FHIR group.stratifier / stratum):
 * Dr Rivera's panel (Ana met, Ben not met, Dee unknown), NP Chen's (Cy excluded, Eve met) and Fay
 * with no attributed clinician. Every group of every measure is stratified — a single-rate measure
 * and an episode-based one with `7-day` / `30-day` groups counting Encounters alike — and the
 * stratum counts add up to the group's totals (property-checked over random practices).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTED_CLINICIAN_SYSTEM,
  STRATUM_CLINICIAN_EXTENSION,
  UNKNOWN_COUNT_EXTENSION,
  POPULATION_CODES,
  toPopulationBundle,
  toSummaryMeasureReports,
  type AttributedClinician,
  type PopulationInput,
} from '../../../src/engine/index.ts';
import type { MeasureGroupResult, MeasureResult, MeasureStatus, PopulationCounts } from '../../../src/engine/types.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const DATE = '2027-01-15T10:00:00Z';
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

const counts = (ip: number, den: number, excl: number, exc: number, num: number): PopulationCounts => ({
  'initial-population': ip,
  denominator: den,
  'denominator-exclusion': excl,
  'denominator-exception': exc,
  numerator: num,
});
const BY_STATUS: Record<MeasureStatus, PopulationCounts> = {
  met: counts(1, 1, 0, 0, 1),
  'not-met': counts(1, 1, 0, 0, 0),
  excluded: counts(1, 1, 1, 0, 0),
  exception: counts(1, 1, 0, 1, 0),
  'not-in-population': counts(0, 0, 0, 0, 0),
  unknown: counts(1, 1, 0, 0, 0),
};

function cms2(status: MeasureStatus): MeasureResult {
  return {
    id: 'cms2',
    measureUrl: 'https://example.org/Measure/cms2',
    version: '1',
    title: 'Depression screening',
    status,
    populations: BY_STATUS[status],
    evidence: [],
  };
}
/** An episode-based FUH result: `discharges` index events, `seven` followed up within 7 days, `thirty` within 30. */
function fuh(
  discharges: number,
  seven: number,
  thirty: number,
  status: MeasureStatus = discharges ? (thirty ? 'met' : 'not-met') : 'not-in-population',
): MeasureResult {
  const group = (id: string, num: number): MeasureGroupResult => ({
    id,
    status: discharges ? (num === discharges ? 'met' : 'not-met') : 'not-in-population',
    populations: counts(discharges, discharges, 0, 0, num),
    inProgress: 0,
    unknown: 0,
  });
  const groups = [group('7-day', seven), group('30-day', thirty)];
  return {
    id: 'fuh',
    measureUrl: 'https://example.org/Measure/fuh',
    version: '1',
    title: 'Follow-Up After Hospitalization for Mental Illness',
    status,
    populations: groups[0]!.populations,
    populationBasis: 'Encounter',
    groups,
    evidence: [],
  };
}
function patient(id: string, clinician: AttributedClinician | undefined, measures: MeasureResult[]): PopulationInput {
  return { patient: `Patient/${id}`, measures, ...(clinician ? { clinician } : {}) };
}

const PRACTICE: PopulationInput[] = [
  patient('ana', RIVERA, [cms2('met'), fuh(2, 1, 2)]),
  patient('ben', RIVERA, [cms2('not-met'), fuh(1, 0, 0)]),
  patient('dee', RIVERA, [cms2('unknown'), fuh(0, 0, 0)]),
  patient('cy', CHEN, [cms2('excluded'), fuh(3, 2, 3)]),
  patient('eve', CHEN, [cms2('met'), fuh(0, 0, 0)]),
  patient('fay', undefined, [cms2('not-met'), fuh(1, 1, 1)]),
];

const countOf = (pops: fhir4.MeasureReportGroupPopulation[] | undefined, code: string) =>
  pops!.find((p) => p.code!.coding![0]!.code === code)?.count ?? 0;
const strataOf = (g: fhir4.MeasureReportGroup) => g.stratifier![0]!.stratum!;
const labelOf = (s: fhir4.MeasureReportGroupStratifierStratum) => s.value!.text;

describe('summary MeasureReports stratified by attributed clinician', () => {
  const [cms2Report, fuhReport] = toSummaryMeasureReports(PRACTICE, { period: PERIOD, date: DATE });

  it('has one attributed-clinician stratifier per group, strata by name with the unattributed last', () => {
    const g = cms2Report!.group![0]!;
    expect(g.stratifier).toHaveLength(1);
    expect(g.stratifier![0]!.code![0]!.coding![0]!.code).toBe('attributed-clinician');
    expect(strataOf(g).map(labelOf)).toEqual(['Dr. Ana Rivera', 'NP Lily Chen', 'Unattributed']);
  });

  it('gives each stratum the practitioner reference and display, as code and as a Reference extension', () => {
    const rivera = strataOf(cms2Report!.group![0]!)[0]!;
    expect(rivera.value!.coding).toEqual([
      { system: ATTRIBUTED_CLINICIAN_SYSTEM, code: 'Practitioner/dr-rivera', display: 'Dr. Ana Rivera' },
    ]);
    expect(rivera.extension).toContainEqual({
      url: STRATUM_CLINICIAN_EXTENSION,
      valueReference: { reference: 'Practitioner/dr-rivera', display: 'Dr. Ana Rivera' },
    });
    const none = strataOf(cms2Report!.group![0]!)[2]!;
    expect(none.value!.coding![0]!.code).toBe('unattributed');
    expect(none.extension!.some((e) => e.url === STRATUM_CLINICIAN_EXTENSION)).toBe(false);
  });

  it('counts Dr Rivera’s panel as Ana met, Ben not met (rate 1/2), Dee unknown apart', () => {
    const rivera = strataOf(cms2Report!.group![0]!)[0]!;
    expect(POPULATION_CODES.map((c) => countOf(rivera.population, c))).toEqual([2, 2, 0, 0, 1]);
    expect(rivera.measureScore).toEqual({ value: 0.5 });
    expect(rivera.extension).toContainEqual({ url: UNKNOWN_COUNT_EXTENSION, valueInteger: 1 });
  });

  it('scores NP Chen 1/1 after Cy’s exclusion, and Fay (unattributed) 0/1', () => {
    const [, chen, none] = strataOf(cms2Report!.group![0]!);
    expect(POPULATION_CODES.map((c) => countOf(chen!.population, c))).toEqual([2, 2, 1, 0, 1]);
    expect(chen!.measureScore).toEqual({ value: 1 });
    expect(none!.measureScore).toEqual({ value: 0 });
  });

  it('stratifies both groups of an episode-based measure, counting discharges (Encounter basis)', () => {
    expect(fuhReport!.group!.map((g) => g.id)).toEqual(['7-day', '30-day']);
    // an episode measure's four populations (no exceptions), in the group and in each stratum
    expect(fuhReport!.group![0]!.population!.map((p) => p.id)).toEqual([
      '7-day-initial-population',
      '7-day-denominator',
      '7-day-denominator-exclusion',
      '7-day-numerator',
    ]);
    expect(strataOf(fuhReport!.group![0]!)[0]!.population).toHaveLength(4);
    // Dee (unknown) had no discharge: no unknown event; the report is pending because Dee's CMS2 is unknown
    expect(fuhReport!.group![0]!.extension).toContainEqual({
      url: 'https://caregap.example.org/fhir/StructureDefinition/unknown-event-count',
      valueInteger: 0,
    });
    const [seven, thirty] = fuhReport!.group!;
    expect(countOf(seven!.population, 'denominator')).toBe(7);
    expect(countOf(seven!.population, 'numerator')).toBe(4);
    expect(countOf(thirty!.population, 'numerator')).toBe(6);
    const chen7 = strataOf(seven!).find((s) => labelOf(s) === 'NP Lily Chen')!;
    expect([countOf(chen7.population, 'denominator'), countOf(chen7.population, 'numerator')]).toEqual([3, 2]);
    expect(strataOf(thirty!).map((s) => countOf(s.population, 'numerator'))).toEqual([2, 3, 1]);
  });

  it('adds the strata of every group of every measure up to the group’s totals', () => {
    for (const r of [cms2Report!, fuhReport!]) {
      for (const g of r.group!) {
        for (const c of POPULATION_CODES) {
          expect(
            strataOf(g).reduce((n, s) => n + countOf(s.population, c)!, 0),
            `${r.id} ${g.id} ${c}`,
          ).toBe(countOf(g.population, c));
        }
      }
    }
  });

  it('adds up for any practice (random clinicians, statuses and episode counts)', () => {
    const clinicians = [
      RIVERA,
      CHEN,
      { display: 'Dr. Display Only', source: 'general-practitioner' } as AttributedClinician,
      undefined,
    ];
    const arb = fc.array(
      fc.record({
        c: fc.integer({ min: 0, max: 3 }),
        s: fc.constantFrom<MeasureStatus>('met', 'not-met', 'excluded', 'exception', 'not-in-population', 'unknown'),
        d: fc.integer({ min: 0, max: 4 }),
        k: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const practice = rows.map((r, i) =>
          patient(`p${i}`, clinicians[r.c], [cms2(r.s), fuh(r.d, Math.min(r.k, r.d), r.d)]),
        );
        for (const rep of toSummaryMeasureReports(practice, { period: PERIOD, date: DATE })) {
          for (const g of rep.group!) {
            for (const c of POPULATION_CODES) {
              if (strataOf(g).reduce((n, s) => n + countOf(s.population, c)!, 0) !== countOf(g.population, c)) {
                return false;
              }
            }
          }
        }
        return true;
      }),
    );
  });

  it('stratifies the summary and subject-list reports of the population Bundle and lists subjects per group', () => {
    const evaluations = PRACTICE.map((p) => ({
      ...p,
      period: PERIOD,
      asOf: PERIOD.end,
      gaps: [],
      flags: [],
      actions: [],
      issues: [],
    }));
    const bundle = toPopulationBundle(evaluations, { period: PERIOD, date: DATE });
    const reports = bundle
      .entry!.map((e) => e.resource!)
      .filter((r): r is fhir4.MeasureReport => r.resourceType === 'MeasureReport' && r.type !== 'individual');
    expect(reports.every((r) => r.group!.every((g) => g.stratifier?.[0]?.stratum?.length === 3))).toBe(true);
    const lists = bundle.entry!.map((e) => e.resource!).filter((r): r is fhir4.List => r.resourceType === 'List');
    const fuhNumerator30 = lists.find((l) => l.id === 'fuh-30-day-numerator')!;
    expect(fuhNumerator30.entry).toHaveLength(3); // Ana, Cy, Fay had a discharge followed up within 30 days
  });
});
