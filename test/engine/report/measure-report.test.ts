/**
 * The individual MeasureReport has the shape the reference implementations emit: measure
 * canonical `url|version`, period, subject, the five measure-population codes with counts,
 * evaluatedResource from the evidence, and an extension when the result is `unknown`.
 */
import { describe, expect, it } from 'vitest';
import { DATA_COMPLETENESS_EXTENSION, toIndividualMeasureReport } from '../../../src/engine/report/measure-report.ts';
import { MEASURE_POPULATION } from '../../../src/engine/codes/code-systems.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { cms2, cms2Of, patient, referral, screening, visit } from '../measures/cms2-fixtures.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

describe('individual MeasureReport of a CMS2 result', () => {
  const resources = [
    patient('tess', '1980-01-01'),
    visit('v', '2026-06-21T08:00:00Z'),
    screening('s', 'adult', '2026-06-15', 'positive'),
    referral('r', 'adult', '2026-06-21'),
  ];
  const met = cms2(resources);
  const report = toIndividualMeasureReport(met, {
    subject: 'Patient/tess',
    period: PERIOD,
    date: '2026-07-01T00:00:00Z',
  });

  it('names the measure by canonical url and version', () => {
    expect(report.measure).toBe('https://madie.cms.gov/Measure/CMS2FHIRPCSDepressionScreenAndFollowUp|0.4.001');
    expect(report).toMatchObject({
      resourceType: 'MeasureReport',
      status: 'complete',
      type: 'individual',
      date: '2026-07-01T00:00:00Z',
    });
  });

  it('carries the period and the subject', () => {
    expect(report.period).toEqual(PERIOD);
    expect(report.subject).toEqual({ reference: 'Patient/tess' });
  });

  it('lists the five populations with measure-population codes and the counts', () => {
    const pops = report.group?.[0]?.population ?? [];
    expect(pops.map((p) => [p.code?.coding?.[0]?.system, p.code?.coding?.[0]?.code, p.count])).toEqual([
      [MEASURE_POPULATION, 'initial-population', 1],
      [MEASURE_POPULATION, 'denominator', 1],
      [MEASURE_POPULATION, 'denominator-exclusion', 0],
      [MEASURE_POPULATION, 'numerator', 1],
      [MEASURE_POPULATION, 'denominator-exception', 0],
    ]);
  });

  it('lists every resource a rule used once as evaluatedResource', () => {
    expect(report.evaluatedResource).toEqual([
      { reference: 'Encounter/v' },
      { reference: 'Observation/s' },
      { reference: 'ServiceRequest/r' },
    ]);
  });

  it('has no improvement notation (CMS2 is higher-is-better, not inverse)', () => {
    expect(report.improvementNotation).toBeUndefined();
    expect(report.extension).toBeUndefined();
  });

  it('marks an unknown result as pending with the reasons in an extension', () => {
    const record = recordFromResources(resources, [
      'Encounter',
      'Observation',
      'Condition',
      'ServiceRequest',
      'MedicationRequest',
    ]);
    const unknown = cms2Of(record);
    const r = toIndividualMeasureReport(unknown, { subject: 'Patient/tess', period: PERIOD });
    expect(r.status).toBe('pending');
    expect(r.extension).toEqual([
      { url: DATA_COMPLETENESS_EXTENSION, valueString: expect.stringContaining('Procedure is missing') },
    ]);
  });
});
