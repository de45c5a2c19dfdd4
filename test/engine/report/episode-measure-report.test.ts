/**
 * MeasureReports of the episode measures from real evaluations: a practice of four patients for
 * 2026 — Ana two FUH discharges (one followed up on day 3, one on day 12), Ben one discharge not
 * followed up, Cy in hospice (excluded), Dee deceased without a date (her discharge undecidable).
 * Summary: one group per rate, events summed, score numerator / (denominator − exclusions),
 * population basis stated, Dee's event counted as unknown (report pending); subject-list Bundle:
 * per rate and population a List of the patients' individual reports.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { toPopulationBundle, toSummaryMeasureReports } from '../../../src/engine/report/summary-measure-report.ts';
import { toIndividualMeasureReport } from '../../../src/engine/report/measure-report.ts';
import {
  POPULATION_BASIS_EXTENSION,
  UNKNOWN_EVENT_EXTENSION,
} from '../../../src/engine/report/episode-measure-report.ts';
import { DX, inpatientStay, patient, PERIOD, visit } from '../gaps/gap-fixtures.ts';

const DATE = '2027-01-15T10:00:00Z';
const stay = (id: string, admit: string, discharge: string) =>
  inpatientStay(admit, discharge, { id, principal: DX.schizophrenia, disposition: 'home' });
const mhVisit = (date: string) => visit(date, { dx: DX.schizophrenia });
const hospice: fhir4.Encounter = {
  resourceType: 'Encounter',
  id: 'cy-hospice',
  status: 'finished',
  class: { code: 'HH' },
  type: [{ coding: [{ system: 'http://snomed.info/sct', code: '305336008' }] }],
  period: { start: '2026-11-02T10:00:00-05:00', end: '2026-11-02T11:00:00-05:00' },
};
const PRACTICE = [
  [
    patient('ana', 'Ana', 'Ruiz'),
    ...stay('ana-1', '2026-02-01', '2026-02-05'),
    mhVisit('2026-02-08'),
    ...stay('ana-2', '2026-08-01', '2026-08-04'),
    mhVisit('2026-08-16'),
  ],
  [patient('ben', 'Ben', 'Ode'), ...stay('ben-1', '2026-04-01', '2026-04-03')],
  [patient('cy', 'Cy', 'Lam'), ...stay('cy-1', '2026-06-01', '2026-06-03'), mhVisit('2026-06-04'), hospice],
  [{ ...patient('dee', 'Dee', 'Fox'), deceasedBoolean: true }, ...stay('dee-1', '2026-05-01', '2026-05-03')],
].map((resources) => evaluatePatient(recordFromResources(resources), { period: PERIOD, only: ['fuh'] }));
const counts = (g: fhir4.MeasureReportGroup) => g.population!.map((p) => [p.code!.coding![0]!.code, p.count]);

describe('summary MeasureReport of fuh', () => {
  const [report] = toSummaryMeasureReports(PRACTICE, { period: PERIOD, date: DATE });

  it('has one group per rate, counting events: Ana 2, Ben 1, Cy 1 excluded; Dee left out as unknown', () => {
    expect(report!.group!.map((g) => g.id)).toEqual(['7-day', '30-day']);
    expect(counts(report!.group![0]!)).toEqual([
      ['initial-population', 4],
      ['denominator', 4],
      ['denominator-exclusion', 1],
      ['numerator', 1],
    ]);
    expect(counts(report!.group![1]!)).toEqual([
      ['initial-population', 4],
      ['denominator', 4],
      ['denominator-exclusion', 1],
      ['numerator', 2],
    ]);
    expect(report!.group![0]!.measureScore?.value).toBeCloseTo(1 / 3, 12);
    expect(report!.group![1]!.measureScore?.value).toBeCloseTo(2 / 3, 12);
  });

  it('states the population basis and the unknown event on every group, and is pending', () => {
    for (const g of report!.group!) {
      expect(g.extension).toContainEqual({ url: POPULATION_BASIS_EXTENSION, valueCode: 'Encounter' });
      expect(g.extension).toContainEqual({ url: UNKNOWN_EVENT_EXTENSION, valueInteger: 1 });
    }
    expect(report!.status).toBe('pending');
  });
});

describe('individual and subject-list reports', () => {
  it('gives Ana an individual report with her two discharges and the follow-ups, complete', () => {
    const ana = PRACTICE[0]!;
    const r = toIndividualMeasureReport(ana.measures[0]!, { subject: ana.patient, period: PERIOD, date: DATE });
    expect(r.status).toBe('complete');
    expect(r.group!.map((g) => counts(g))).toEqual([
      [
        ['initial-population', 2],
        ['denominator', 2],
        ['denominator-exclusion', 0],
        ['numerator', 1],
      ],
      [
        ['initial-population', 2],
        ['denominator', 2],
        ['denominator-exclusion', 0],
        ['numerator', 2],
      ],
    ]);
    expect(r.evaluatedResource!.map((e) => e.reference)).toEqual(
      expect.arrayContaining(['Encounter/ana-1', 'Encounter/ana-2']),
    );
  });

  it('puts per rate and population a List of the patients in the Bundle', () => {
    const bundle = toPopulationBundle(PRACTICE, { period: PERIOD, date: DATE });
    const subjectList = bundle
      .entry!.map((e) => e.resource!)
      .find(
        (r) => r.resourceType === 'MeasureReport' && (r as fhir4.MeasureReport).type === 'subject-list',
      ) as fhir4.MeasureReport;
    const numerator30 = subjectList.group![1]!.population!.find((p) => p.code!.coding![0]!.code === 'numerator')!;
    const list = bundle.entry!.find((e) => e.fullUrl === numerator30.subjectResults!.reference)!.resource as fhir4.List;
    expect(list.id).toBe('fuh-30-day-numerator');
    // only Ana: Cy was followed up too, but his event is excluded (hospice), never in the numerator
    expect(list.entry).toHaveLength(1);
    const exclusion7 = subjectList.group![0]!.population!.find(
      (p) => p.code!.coding![0]!.code === 'denominator-exclusion',
    )!;
    expect(
      (bundle.entry!.find((e) => e.fullUrl === exclusion7.subjectResults!.reference)!.resource as fhir4.List).entry,
    ).toHaveLength(1);
  });
});
