import { describe, expect, it } from 'vitest';
import { CMS122 } from '../../../src/engine/measures/cms122-glycemic-status-above-nine.ts';
import { DIABETES } from '../../../src/engine/valuesets/catalog/diabetes.ts';
import { HBA1C_LABORATORY_TEST } from '../../../src/engine/valuesets/catalog/hba1c-laboratory-test.ts';
import { VIRTUAL_ENCOUNTER } from '../../../src/engine/valuesets/catalog/virtual-encounter.ts';
import { FRAILTY_DIAGNOSIS } from '../../../src/engine/valuesets/catalog/frailty-diagnosis.ts';
import { ADVANCED_ILLNESS } from '../../../src/engine/valuesets/catalog/advanced-illness.ts';
import {
  concept,
  condition,
  encounter,
  evaluate,
  labResult,
  observation,
  officeVisit,
  patient,
  pops,
} from './aco-fixtures.ts';

// Dolores Vega, 58, type 2 diabetes since 2018, office visit in February.
const dolores = patient('dolores', '1968-07-21');
const diabetes = condition('dm', DIABETES, '2018-05-01');
const visit = officeVisit('visit', '2026-02-10');
const base = [diabetes, visit];

describe('CMS122 (inverse): the numerator is poor control or no test', () => {
  it('reads status "met" as in the numerator: no HbA1c this year is the bad outcome', () => {
    const r = evaluate(CMS122, dolores, base);
    expect(r.inverse).toBe(true);
    expect(r.status).toBe('met');
    expect(r.closes).toEqual({ what: 'Check HbA1c (none this year)', due: '2026-12-31' });
  });

  it.each([
    [9.0, 'not-met'],
    [9.1, 'met'],
    [7.2, 'not-met'],
  ])('a last HbA1c of %d%% is %s', (value, status) => {
    expect(
      evaluate(CMS122, dolores, [...base, labResult('a1c', HBA1C_LABORATORY_TEST, '2026-09-15', value)]).status,
    ).toBe(status);
  });

  it('says what to do about an elevated result, with the value and date', () => {
    const r = evaluate(CMS122, dolores, [...base, labResult('a1c', HBA1C_LABORATORY_TEST, '2026-03-03', 9.8)]);
    expect(r.closes?.what).toBe(
      'Glycemic status 9.8% on 2026-03-03 — above 9%: intensify treatment and recheck by 2026-12-31',
    );
    expect(r.detail).toEqual({
      lastResult: { date: '2026-03-03', value: 9.8, unit: '%', code: HBA1C_LABORATORY_TEST.codes[0]![1] },
    });
  });

  it('counts a most recent test without a result as the bad outcome', () => {
    const r = evaluate(CMS122, dolores, [
      ...base,
      labResult('old', HBA1C_LABORATORY_TEST, '2026-03-01', 6.5),
      labResult('pending', HBA1C_LABORATORY_TEST, '2026-10-01'),
    ]);
    expect(r.status).toBe('met');
    expect(r.closes?.what).toContain('has no result');
  });

  it('uses only the most recent day: an earlier high result does not count', () => {
    const r = evaluate(CMS122, dolores, [
      ...base,
      labResult('high', HBA1C_LABORATORY_TEST, '2026-03-01', 11.2),
      labResult('ok', HBA1C_LABORATORY_TEST, '2026-10-01', 7.0),
    ]);
    expect(r.status).toBe('not-met');
  });

  it('takes the lowest of two results on the most recent day', () => {
    const r = evaluate(CMS122, dolores, [
      ...base,
      labResult('a', HBA1C_LABORATORY_TEST, '2026-10-01T08:00:00Z', 9.6),
      labResult('b', HBA1C_LABORATORY_TEST, '2026-10-01T15:00:00Z', 8.8),
    ]);
    expect(r.status).toBe('not-met');
  });

  it('counts a glucose management indicator (GMI) like an HbA1c', () => {
    const gmi = observation('gmi', concept('http://loinc.org', '97506-0'), '2026-11-01', {
      valueQuantity: { value: 9.4, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
    });
    expect(
      evaluate(CMS122, dolores, [...base, labResult('a1c', HBA1C_LABORATORY_TEST, '2026-03-01', 7), gmi]).status,
    ).toBe('met');
  });

  it('ignores an HbA1c from the year before (no test this year)', () => {
    expect(
      evaluate(CMS122, dolores, [...base, labResult('old', HBA1C_LABORATORY_TEST, '2025-12-31', 6.1)]).status,
    ).toBe('met');
  });

  it('does not compare a result in mmol/mol with 9% (and reports it)', () => {
    const r = evaluate(CMS122, dolores, [
      ...base,
      labResult('ifcc', HBA1C_LABORATORY_TEST, '2026-05-01', 80, 'mmol/mol'),
    ]);
    expect(r.status).toBe('not-met');
  });
});

describe('CMS122 initial population', () => {
  it.each([
    ['is 75 on the last day of the period', '1951-01-01', 1],
    ['turns 76 on the last day of the period', '1950-12-31', 0],
    ['turns 18 on the last day of the period', '2008-12-31', 1],
  ])('a diabetic who %s is in the population: %i', (_s, birth, ip) => {
    expect(evaluate(CMS122, patient('edge', birth), base).populations['initial-population']).toBe(ip);
  });

  it('does not count a virtual encounter as the qualifying visit (CMS122 lists its own)', () => {
    const virtual = encounter('virtual', VIRTUAL_ENCOUNTER, '2026-02-10T09:00:00Z', '2026-02-10T09:20:00Z');
    expect(evaluate(CMS122, dolores, [diabetes, virtual]).status).toBe('not-in-population');
  });

  it('needs diabetes overlapping the period', () => {
    const resolved = condition('dm', DIABETES, '2018-05-01', {
      clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'inactive'),
      abatementDateTime: '2025-06-01',
    });
    expect(evaluate(CMS122, dolores, [resolved, visit]).status).toBe('not-in-population');
  });
});

describe('CMS122 exclusions: frailty with advanced illness from 66', () => {
  const frailAndIll = [
    condition('frail', FRAILTY_DIAGNOSIS, '2026-04-01'),
    condition('ai', ADVANCED_ILLNESS, '2025-01-01'),
  ];

  it('excludes a 66-year-old with frailty and advanced illness', () => {
    expect(pops(evaluate(CMS122, patient('old', '1960-12-31'), [...base, ...frailAndIll]))).toBe('1/1/1/0');
  });

  it('does not exclude a 65-year-old with frailty and advanced illness', () => {
    expect(evaluate(CMS122, patient('young', '1961-01-01'), [...base, ...frailAndIll]).status).toBe('met');
  });

  it('does not exclude for advanced illness diagnosed before the year preceding the period', () => {
    const r = evaluate(CMS122, patient('old', '1955-01-01'), [
      ...base,
      frailAndIll[0]!,
      condition('ai', ADVANCED_ILLNESS, '2024-12-31'),
    ]);
    expect(r.status).toBe('met');
  });

  it('does not exclude a 70-year-old with frailty alone', () => {
    expect(evaluate(CMS122, patient('old', '1956-01-01'), [...base, frailAndIll[0]!]).status).toBe('met');
  });
});
