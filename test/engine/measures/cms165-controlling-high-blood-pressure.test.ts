import { describe, expect, it } from 'vitest';
import { evaluatePatient, recordFromResources } from '../../../src/engine/index.ts';
import { CMS165 } from '../../../src/engine/measures/cms165-controlling-high-blood-pressure.ts';
import { ESSENTIAL_HYPERTENSION } from '../../../src/engine/valuesets/catalog/essential-hypertension.ts';
import { EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT } from '../../../src/engine/valuesets/catalog/emergency-department-evaluation-and-management-visit.ts';
import { ENCOUNTER_INPATIENT } from '../../../src/engine/valuesets/catalog/encounter-inpatient.ts';
import { PREGNANCY } from '../../../src/engine/valuesets/catalog/pregnancy.ts';
import { DIALYSIS_SERVICES } from '../../../src/engine/valuesets/catalog/dialysis-services.ts';
import { FRAILTY_DIAGNOSIS } from '../../../src/engine/valuesets/catalog/frailty-diagnosis.ts';
import { ADVANCED_ILLNESS } from '../../../src/engine/valuesets/catalog/advanced-illness.ts';
import {
  bloodPressure,
  concept,
  condition,
  encounter,
  evaluate,
  officeVisit,
  patient,
  pops,
  procedure,
} from './aco-fixtures.ts';

// Harold Brooks, 60 at the end of 2026, hypertensive since 2019, seen in the office in March.
const harold = patient('harold', '1966-03-10', 'male');
const htn = condition('htn', ESSENTIAL_HYPERTENSION, '2019-04-02');
const visit = officeVisit('visit', '2026-03-03');
const base = [htn, visit];

describe('CMS165 initial population', () => {
  it('includes a hypertensive adult with an office visit', () => {
    expect(pops(evaluate(CMS165, harold, [...base, bloodPressure('bp', '2026-03-03T09:10:00Z', 128, 78)]))).toBe(
      '1/1/0/1',
    );
  });

  it.each([
    ['turns 18 on the last day of the period', '2008-12-31', 1],
    ['turns 18 the day after the period ends', '2009-01-01', 0],
    ['is 85 on the last day of the period (86 the next day)', '1941-01-01', 1],
    ['turns 86 on the last day of the period', '1940-12-31', 0],
  ])('a patient who %s is in the population: %i', (_s, birth, ip) => {
    const r = evaluate(CMS165, patient('edge', birth), base);
    expect(r.populations['initial-population']).toBe(ip);
  });

  // CMS165 CQL: 'Essential Hypertension Diagnosis' — prevalenceInterval() overlaps
  // Interval[start of "Measurement Period", start of "Measurement Period" + 6 months): no precision,
  // so a date-only onset on 30 June is unknown against 30 June 23:59:59.999 (fqm-execution: not counted)
  it.each([
    ['on 30 June at 10:00 UTC (last day of the first six months)', '2026-06-30T10:00:00Z', 1],
    ['on 30 June, date only (unknown against the last millisecond of June)', '2026-06-30', 0],
    ["on 1 July at 01:00+05:00 (still 30 June in UTC, the period's offset)", '2026-07-01T01:00:00+05:00', 1],
    ['on 1 July (after the first six months)', '2026-07-01', 0],
    ['years before the period and still active', '2015-01-01', 1],
  ])('counts hypertension diagnosed %s: %i', (_s, onset, ip) => {
    const r = evaluate(CMS165, harold, [condition('htn', ESSENTIAL_HYPERTENSION, onset), visit]);
    expect(r.populations['initial-population']).toBe(ip);
  });

  it('does not count hypertension that resolved the day before the period', () => {
    const resolved = condition('htn', ESSENTIAL_HYPERTENSION, '2019-04-02', {
      clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'resolved'),
      abatementDateTime: '2025-12-31',
    });
    expect(evaluate(CMS165, harold, [resolved, visit]).status).toBe('not-in-population');
  });

  it('counts hypertension that resolved at 08:00 on the first day of the period', () => {
    const resolved = condition('htn', ESSENTIAL_HYPERTENSION, '2019-04-02', {
      clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'resolved'),
      abatementDateTime: '2026-01-01T08:00:00Z',
    });
    expect(evaluate(CMS165, harold, [resolved, visit]).populations['initial-population']).toBe(1);
  });

  it('a resolution dated 1 January without a time is unknown against the period start 00:00:00.000 (no precision): not counted, as fqm-execution', () => {
    const resolved = condition('htn', ESSENTIAL_HYPERTENSION, '2019-04-02', {
      clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'resolved'),
      abatementDateTime: '2026-01-01',
    });
    expect(evaluate(CMS165, harold, [resolved, visit]).populations['initial-population']).toBe(0);
  });

  it('ignores a refuted hypertension diagnosis', () => {
    const refuted = condition('htn', ESSENTIAL_HYPERTENSION, '2019-04-02', {
      verificationStatus: concept('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'refuted'),
    });
    expect(evaluate(CMS165, harold, [refuted, visit]).status).toBe('not-in-population');
  });

  it('needs a visit inside the period', () => {
    expect(evaluate(CMS165, harold, [htn, officeVisit('old', '2025-12-31')]).status).toBe('not-in-population');
  });
});

describe('CMS165 numerator: lowest readings on the most recent BP day', () => {
  it.each([
    [139, 89, 'met'],
    [140, 89, 'not-met'],
    [139, 90, 'not-met'],
    [140, 90, 'not-met'],
  ])('a last BP of %i/%i is %s', (s, d, status) => {
    expect(evaluate(CMS165, harold, [...base, bloodPressure('bp', '2026-10-01T10:00:00Z', s, d)]).status).toBe(status);
  });

  it('takes the lowest systolic and the lowest diastolic of the most recent day, even from different readings', () => {
    const r = evaluate(CMS165, harold, [
      ...base,
      bloodPressure('bp1', '2026-10-01T09:00:00Z', 138, 95),
      bloodPressure('bp2', '2026-10-01T15:00:00Z', 150, 80),
    ]);
    expect(r.status).toBe('met');
    expect(r.detail).toEqual({ lastBp: { date: '2026-10-01', systolic: 138, diastolic: 80 } });
  });

  it('uses only the most recent day: a controlled reading earlier does not help', () => {
    const r = evaluate(CMS165, harold, [
      ...base,
      bloodPressure('early', '2026-04-01T09:00:00Z', 120, 70),
      bloodPressure('late', '2026-11-20T09:00:00Z', 152, 94),
    ]);
    expect(r.status).toBe('not-met');
    expect(r.closes?.what).toContain('152/94');
    expect(r.closingStep).toBe('default');
    expect(r.closes?.due).toBe('2026-12-31');
  });

  it('is not met when the last reading has no readable values, and asks to recheck, not to change treatment', () => {
    const unreadable = bloodPressure('bp', '2026-10-24T10:00:00Z', 150, 95);
    unreadable.component = unreadable.component!.map((c) => ({ code: c.code, dataAbsentReason: { text: 'error' } }));
    const r = evaluate(CMS165, harold, [...base, unreadable]);
    expect(r.status).toBe('not-met');
    expect(r.closes?.what).toBe('BP on 2026-10-24 has no readable values: recheck and record the BP');
    expect(r.closingStep).toBe('recheck');
    const noDiastolic = bloodPressure('bp', '2026-10-24T10:00:00Z', 150, 95);
    noDiastolic.component = [noDiastolic.component![0]!];
    expect(evaluate(CMS165, harold, [...base, noDiastolic]).closes?.what).toBe(
      'BP on 2026-10-24 has no readable diastolic value: recheck and record the BP',
    );
  });

  it('asks at the visit for what the record lacks: control of a high BP, a first BP, or a readable one', () => {
    const unreadable = bloodPressure('bp', '2026-10-24T10:00:00Z', 150, 95);
    unreadable.component = unreadable.component!.map((c) => ({ code: c.code, dataAbsentReason: { text: 'error' } }));
    const p = patient('p', '1966-03-10', 'male');
    const actionFor = (extra: fhir4.Resource[]) =>
      evaluatePatient(recordFromResources([p, ...base, ...extra]), {
        period: { start: '2026-01-01', end: '2026-12-31' },
      })
        .actions.filter((a) => a.gaps?.includes('cms165'))
        .map((a) => a.text);
    expect(actionFor([bloodPressure('bp', '2026-10-24T10:00:00Z', 150, 95)])).toEqual([
      'BP not controlled — recheck and adjust treatment',
    ]);
    expect(actionFor([])).toEqual(['No blood pressure this year — record one']);
    expect(actionFor([unreadable])).toEqual(['Last BP has no readable values — recheck and record it']);
  });

  it('is not met without any BP, and says to record one', () => {
    const r = evaluate(CMS165, harold, base);
    expect(r.status).toBe('not-met');
    expect(r.closes?.what).toBe('Record a blood pressure (none this year)');
    expect(r.closingStep).toBe('record');
  });

  it('ignores a reading taken in the ED (class EMER) on the day of an ED visit', () => {
    const ed = encounter(
      'ed',
      EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT,
      '2026-11-20T08:00:00Z',
      '2026-11-20T12:00:00Z',
      {
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
      },
    );
    const r = evaluate(CMS165, harold, [
      ...base,
      ed,
      bloodPressure('clinic', '2026-09-01T09:00:00Z', 130, 80),
      bloodPressure('ed-bp', '2026-11-20T09:00:00Z', 170, 100, { encounter: { reference: 'Encounter/ed' } }),
    ]);
    expect(r.status).toBe('met');
    expect(r.detail).toEqual({ lastBp: { date: '2026-09-01', systolic: 130, diastolic: 80 } });
  });

  it('ignores a reading during an inpatient stay attached to the admission (class IMP)', () => {
    const stay = encounter('stay', ENCOUNTER_INPATIENT, '2026-11-18T08:00:00Z', '2026-11-22T12:00:00Z', {
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    });
    const r = evaluate(CMS165, harold, [
      ...base,
      stay,
      bloodPressure('clinic', '2026-09-01T09:00:00Z', 150, 95),
      bloodPressure('ward', '2026-11-20T09:00:00Z', 120, 70, { encounter: { reference: 'Encounter/stay' } }),
    ]);
    expect(r.status).toBe('not-met');
  });

  it('ignores a reading that was entered in error', () => {
    const r = evaluate(CMS165, harold, [
      ...base,
      bloodPressure('ok', '2026-09-01T09:00:00Z', 130, 80),
      bloodPressure('err', '2026-11-01T09:00:00Z', 170, 110, { status: 'entered-in-error' }),
    ]);
    expect(r.status).toBe('met');
  });

  it('does not count a reading without a diastolic value on the most recent day', () => {
    const r = evaluate(CMS165, harold, [
      ...base,
      bloodPressure('partial', '2026-11-01T09:00:00Z', 130, 80, {
        component: [
          {
            code: concept('http://loinc.org', '8480-6'),
            valueQuantity: { value: 130, code: 'mm[Hg]', system: 'http://unitsofmeasure.org' },
          },
        ],
      }),
    ]);
    expect(r.status).toBe('not-met');
  });
});

describe('CMS165 exclusions', () => {
  it('excludes a pregnant patient', () => {
    const r = evaluate(CMS165, patient('maria', '1990-02-02'), [...base, condition('preg', PREGNANCY, '2026-05-01')]);
    expect(r.status).toBe('excluded');
    expect(r.evidence.some((e) => e.rule === 'pregnancy')).toBe(true);
  });

  it('excludes a patient on dialysis before the period end', () => {
    expect(
      evaluate(CMS165, harold, [...base, procedure('dialysis', DIALYSIS_SERVICES, '2026-12-31T10:00:00Z')]).status,
    ).toBe('excluded');
  });

  it('does not exclude for dialysis after the period end', () => {
    expect(
      evaluate(CMS165, harold, [...base, procedure('dialysis', DIALYSIS_SERVICES, '2027-01-01T10:00:00Z')]).status,
    ).toBe('not-met');
  });

  it('excludes an 81-year-old with frailty alone', () => {
    const r = evaluate(CMS165, patient('ada', '1945-06-01'), [
      ...base,
      condition('frail', FRAILTY_DIAGNOSIS, '2026-02-01'),
    ]);
    expect(r.status).toBe('excluded');
  });

  it('does not exclude an 80-year-old with frailty but no advanced illness', () => {
    const r = evaluate(CMS165, patient('bea', '1946-06-01'), [
      ...base,
      condition('frail', FRAILTY_DIAGNOSIS, '2026-02-01'),
    ]);
    expect(r.status).toBe('not-met');
  });

  it('excludes an 80-year-old with frailty and advanced illness', () => {
    const r = evaluate(CMS165, patient('bea', '1946-06-01'), [
      ...base,
      condition('frail', FRAILTY_DIAGNOSIS, '2026-02-01'),
      condition('ai', ADVANCED_ILLNESS, '2025-03-01'),
    ]);
    expect(r.status).toBe('excluded');
  });
});

describe('CMS165 unknown inputs', () => {
  it('is unknown when Observations could only be read in part', () => {
    const r = evaluate(CMS165, harold, base, { Observation: { status: 'partial', reason: 'page 2 failed' } });
    expect(r.status).toBe('unknown');
    expect(r.reasons).toEqual(['Observation is incomplete: page 2 failed']);
  });

  it('stays not-in-population for a 17-year-old even when Observations are missing', () => {
    const r = evaluate(CMS165, patient('teen', '2009-06-01'), base, { Observation: { status: 'missing' } });
    expect(r.status).toBe('not-in-population');
  });

  it('is unknown when the birth date is missing', () => {
    expect(evaluate(CMS165, patient('nobody', undefined), base).status).toBe('unknown');
  });
});
