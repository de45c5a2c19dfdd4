/**
 * Summary MeasureReports and the population Bundle: three named patients of a practice for
 * 2026 — Ana met CMS2, Ben not met, Cy excluded, Dee's record incomplete (unknown) — summed per
 * population, scored numerator / (denominator − exclusions − exceptions), with Dee counted apart.
 */
import { describe, expect, it } from 'vitest';
import { STATUS_COUNTS } from '../status-counts.ts';
import {
  PopulationAccumulator,
  UNKNOWN_COUNT_EXTENSION,
  measureScore,
  toPopulationBundle,
  toSummaryMeasureReports,
} from '../../../src/engine/report/summary-measure-report.ts';
import type { GapResult, MeasureResult, MeasureStatus, PatientEvaluation } from '../../../src/engine/types.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const DATE = '2027-01-15T10:00:00Z';
const POPS = STATUS_COUNTS;

function cms2(status: MeasureStatus): MeasureResult {
  return {
    id: 'cms2',
    measureUrl: 'https://madie.cms.gov/Measure/CMS2FHIRPCSDepressionScreenAndFollowUp',
    version: '1.0.000',
    title: 'Depression screening',
    status,
    populations: status === 'unknown' ? POPS['not-met'] : POPS[status],
    evidence: [{ reference: 'Encounter/e1', rule: 'qualifying-encounter' }],
  };
}
function gap(status: GapResult['status']): GapResult {
  return { id: 'cms2', title: 'Depression screening', status, why: 'test', evidence: [], measureId: 'cms2' };
}
function patient(id: string, status: MeasureStatus): PatientEvaluation {
  const g =
    status === 'met' ? 'closed' : status === 'not-met' ? 'open' : status === 'unknown' ? 'unknown' : 'not-applicable';
  return {
    patient: `Patient/${id}`,
    period: PERIOD,
    asOf: PERIOD.end,
    measures: [cms2(status)],
    gaps: [gap(g)],
    flags: [],
    actions: [],
    issues: [],
  };
}
const PRACTICE = [
  patient('ana', 'met'),
  patient('ben', 'not-met'),
  patient('cy', 'excluded'),
  patient('dee', 'unknown'),
];
const count = (r: fhir4.MeasureReport, code: string) =>
  r.group![0]!.population!.find((p) => p.code!.coding![0]!.code === code)!.count;

describe('summary MeasureReports', () => {
  it('sums the verdicts of Ana, Ben and Cy per population and leaves Dee (unknown) out of the counts', () => {
    const [r] = toSummaryMeasureReports(PRACTICE, { period: PERIOD, date: DATE });
    expect(r).toMatchObject({
      resourceType: 'MeasureReport',
      type: 'summary',
      status: 'pending',
      period: PERIOD,
      date: DATE,
      measure: 'https://madie.cms.gov/Measure/CMS2FHIRPCSDepressionScreenAndFollowUp|1.0.000',
    });
    expect(
      ['initial-population', 'denominator', 'denominator-exclusion', 'denominator-exception', 'numerator'].map((c) =>
        count(r!, c),
      ),
    ).toEqual([3, 3, 1, 0, 1]);
    expect(r!.extension).toEqual([{ url: UNKNOWN_COUNT_EXTENSION, valueInteger: 1 }]);
  });

  it('scores numerator / (denominator − exclusions − exceptions): Ana of Ana and Ben is 0.5', () => {
    const [r] = toSummaryMeasureReports(PRACTICE, { period: PERIOD, date: DATE });
    expect(r!.group![0]!.measureScore).toEqual({ value: 0.5 });
  });

  it('gives no score when every denominator patient is excluded or excepted', () => {
    expect(measureScore(POPS.excluded)).toBeUndefined();
    const [r] = toSummaryMeasureReports([patient('cy', 'excluded'), patient('eli', 'exception')], {
      period: PERIOD,
      date: DATE,
    });
    expect(r!.group![0]!.measureScore).toBeUndefined();
    expect(r!.status).toBe('complete');
  });

  it('gives the same reports whether built from the list or from an accumulator fed in any order', () => {
    const acc = new PopulationAccumulator();
    for (const ev of [...PRACTICE].reverse()) {
      acc.add(ev);
    }
    expect(acc.patients).toBe(4);
    expect(toSummaryMeasureReports(acc, { period: PERIOD, date: DATE })).toEqual(
      toSummaryMeasureReports(PRACTICE, { period: PERIOD, date: DATE }),
    );
  });

  it('tallies statuses per measure and open / closed / unknown per gap', () => {
    const acc = new PopulationAccumulator();
    for (const ev of PRACTICE) {
      acc.add(ev);
    }
    expect(acc.measures()[0]!.statuses).toMatchObject({ met: 1, 'not-met': 1, excluded: 1, unknown: 1 });
    expect(acc.gaps()).toMatchObject([
      {
        id: 'cms2',
        title: 'Depression screening',
        measureId: 'cms2',
        counts: { open: 1, closed: 1, 'not-applicable': 1, unknown: 1 },
      },
    ]);
  });

  it('reports nothing for a practice with no patient', () => {
    expect(toSummaryMeasureReports([], { period: PERIOD, date: DATE })).toEqual([]);
  });
});

describe('population Bundle', () => {
  const bundle = toPopulationBundle(PRACTICE, { period: PERIOD, date: DATE });
  const byUrl = new Map(bundle.entry!.map((e) => [e.fullUrl!, e.resource!]));
  const reports = bundle
    .entry!.map((e) => e.resource!)
    .filter((r): r is fhir4.MeasureReport => r.resourceType === 'MeasureReport');

  it('is a collection of the summary, the subject-list and the four individual reports', () => {
    expect(bundle.type).toBe('collection');
    expect(reports.map((r) => r.type)).toEqual([
      'summary',
      'subject-list',
      'individual',
      'individual',
      'individual',
      'individual',
    ]);
    expect(new Set(bundle.entry!.map((e) => e.fullUrl)).size).toBe(bundle.entry!.length);
  });

  it('lists Ana alone in the numerator List and Ana, Ben and Cy in the denominator List', () => {
    const subjectList = reports.find((r) => r.type === 'subject-list')!;
    const subjectsOf = (code: string) => {
      const pop = subjectList.group![0]!.population!.find((p) => p.code!.coding![0]!.code === code)!;
      const list = byUrl.get(pop.subjectResults!.reference!) as fhir4.List;
      return list.entry!.map((e) => (byUrl.get(e.item.reference!) as fhir4.MeasureReport).subject!.reference);
    };
    expect(subjectsOf('numerator')).toEqual(['Patient/ana']);
    expect(subjectsOf('denominator')).toEqual(['Patient/ana', 'Patient/ben', 'Patient/cy']);
    expect(subjectsOf('denominator-exclusion')).toEqual(['Patient/cy']);
  });

  it('references no List for an empty population (no exception in this practice)', () => {
    const subjectList = reports.find((r) => r.type === 'subject-list')!;
    expect(
      subjectList.group![0]!.population!.find((p) => p.code!.coding![0]!.code === 'denominator-exception')!
        .subjectResults,
    ).toBeUndefined();
  });

  it('is deterministic: the same evaluations give the same Bundle', () => {
    expect(toPopulationBundle(PRACTICE, { period: PERIOD, date: DATE })).toEqual(bundle);
  });
});
