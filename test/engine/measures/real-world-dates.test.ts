/**
 * The cases of issue #12 §1, on data written at −05:00 (New York) as US EHRs export it: each value
 * is on the day it was WRITTEN (cql-execution compares day precision field by field, without
 * converting offsets), whatever zone the engine runs in; imprecise values as CQL treats them.
 * Every expectation was checked against fqm-execution with the official measure bundles.
 */
import { describe, expect, it } from 'vitest';
import { CMS122 } from '../../../src/engine/measures/cms122-glycemic-status-above-nine.ts';
import { CMS165 } from '../../../src/engine/measures/cms165-controlling-high-blood-pressure.ts';
import { DIABETES } from '../../../src/engine/valuesets/catalog/diabetes.ts';
import { ESSENTIAL_HYPERTENSION } from '../../../src/engine/valuesets/catalog/essential-hypertension.ts';
import { HBA1C_LABORATORY_TEST } from '../../../src/engine/valuesets/catalog/hba1c-laboratory-test.ts';
import { OFFICE_VISIT } from '../../../src/engine/valuesets/catalog/office-visit.ts';
import {
  bloodPressure,
  condition,
  encounter,
  evaluate,
  labResult,
  officeVisit,
  patient as acoPatient,
  pops,
} from './aco-fixtures.ts';
import { bipolar, cms2, counts, patient, screening, visit } from './cms2-fixtures.ts';

const ROSA = patient('rosa', '1980-05-05');

// CMS2 CQL: 'Most Recent Adult Depression Screening' — effective.toInterval() 14 days or less on or
// before day of start of QualifyingEncounter.period
describe('CMS2 14-day look-back on −05:00 data', () => {
  it('a screening at 10:00 on 7 June is 14 days before an evening visit on 21 June (20:00, already 22 June in UTC): counted', () => {
    const m = cms2([
      ROSA,
      visit('v', '2026-06-21T20:00:00-05:00', '2026-06-21T20:30:00-05:00'),
      screening('s', 'adult', '2026-06-07T10:00:00-05:00', 'negative'),
    ]);
    expect(m.status).toBe('met');
  });
  it('a screening at 21:00 on 6 June (7 June in UTC) is 15 days before a visit on 21 June: not counted', () => {
    const m = cms2([
      ROSA,
      visit('v', '2026-06-21T09:00:00-05:00', '2026-06-21T09:30:00-05:00'),
      screening('s', 'adult', '2026-06-06T21:00:00-05:00', 'negative'),
    ]);
    expect(counts(m)).toBe('11000');
  });
});

// CMS2 CQL: 'History of Bipolar Diagnosis Before Qualifying Encounter' — prevalenceInterval()
// starts before day of start of QualifyingEncounter.period
describe('CMS2 bipolar exclusion on −05:00 data', () => {
  it('bipolar disorder diagnosed at 21:00 on 20 June (21 June in UTC) is before a visit on 21 June: excluded', () => {
    expect(
      cms2([
        ROSA,
        visit('v', '2026-06-21T08:00:00-05:00', '2026-06-21T08:30:00-05:00'),
        bipolar('b', '2026-06-20T21:00:00-05:00'),
      ]).status,
    ).toBe('excluded');
  });
  it('diagnosed on the morning of the visit day: not before the day, not excluded', () => {
    expect(
      cms2([
        ROSA,
        visit('v', '2026-06-21T15:00:00-05:00', '2026-06-21T15:30:00-05:00'),
        bipolar('b', '2026-06-21T07:00:00-05:00'),
      ]).status,
    ).not.toBe('excluded');
  });
});

// AdultOutpatientEncounters / CMS122 CQL: 'Qualifying Encounters' — period during day of "Measurement Period"
describe('CMS122 visit on New Year’s Eve evening at −05:00', () => {
  const diabetic = acoPatient('dora', '1965-03-03');
  const dm = condition('dm', DIABETES, '2015-01-01');
  it('a visit at 19:00 on 31 December (1 January in UTC) is in the period: in the population', () => {
    const r = evaluate(CMS122, diabetic, [
      dm,
      encounter('v', OFFICE_VISIT, '2026-12-31T19:00:00-05:00', '2026-12-31T19:30:00-05:00'),
    ]);
    expect(r.populations['initial-population']).toBe(1);
  });
  it('the same instant written in UTC (1 January 00:00Z) is outside it: not in the population', () => {
    const r = evaluate(CMS122, diabetic, [
      dm,
      encounter('v', OFFICE_VISIT, '2027-01-01T00:00:00Z', '2027-01-01T00:30:00Z'),
    ]);
    expect(r.populations['initial-population']).toBe(0);
  });
});

// CMS122 CQL: 'Most Recent Glycemic Status Date' = Last(date from effective.latest()) and
// 'Lowest Glycemic Status Assessment Reading on Most Recent Day'
describe('CMS122 numerator on −05:00 data', () => {
  const diabetic = acoPatient('dora', '1965-03-03');
  const base = [condition('dm', DIABETES, '2015-01-01'), officeVisit('v', '2026-06-01')];
  it('an HbA1c of 8% at 20:00 on 31 December is the most recent one (not 1 January): controlled, not in the (inverse) numerator', () => {
    const r = evaluate(CMS122, diabetic, [
      ...base,
      labResult('a1', HBA1C_LABORATORY_TEST, '2026-11-01T10:00:00-05:00', 10),
      labResult('a2', HBA1C_LABORATORY_TEST, '2026-12-31T20:00:00-05:00', 8),
    ]);
    expect(pops(r)).toBe('1/1/0/0');
  });
  it('an HbA1c dated only to the month counts as a test in the period: not "no record"', () => {
    const r = evaluate(CMS122, diabetic, [...base, labResult('a1', HBA1C_LABORATORY_TEST, '2026-03', 7)]);
    expect(r.populations.numerator).toBe(0);
  });
});

// CMS165 CQL: 'Most Recent Blood Pressure Day' and 'Lowest Systolic/Diastolic Reading on Most Recent Blood Pressure Day'
describe('CMS165 numerator on −05:00 data', () => {
  const harold = acoPatient('harold', '1960-02-02', 'male');
  const base = [condition('htn', ESSENTIAL_HYPERTENSION, '2015-01-01'), officeVisit('v', '2026-06-01')];
  it('readings at 09:00 (120/80) and 20:00 (150/95) on 31 December are the same day: lowest 120/80, controlled', () => {
    const r = evaluate(CMS165, harold, [
      ...base,
      bloodPressure('a', '2026-12-31T09:00:00-05:00', 120, 80),
      bloodPressure('b', '2026-12-31T20:00:00-05:00', 150, 95),
    ]);
    expect(pops(r)).toBe('1/1/0/1');
  });
});

// CQL AgeInYearsAt with an imprecise birth date (cql-execution: an Uncertainty)
describe('imprecise birth dates', () => {
  it('a year-only birthDate (1960) puts a 66-year-old hypertensive in CMS165’s 18–85 band', () => {
    const r = evaluate(CMS165, acoPatient('yr', '1960', 'male'), [
      condition('htn', ESSENTIAL_HYPERTENSION, '2015-01-01'),
      officeVisit('v', '2026-06-01'),
    ]);
    expect(r.populations['initial-population']).toBe(1);
  });
  it('on 31 December a year-only birthDate gives an exact age: born 1941 is 85 (in the band), born 1940 is 86 (out)', () => {
    const resources = [condition('htn', ESSENTIAL_HYPERTENSION, '2015-01-01'), officeVisit('v', '2026-06-01')];
    expect(evaluate(CMS165, acoPatient('yr', '1941', 'male'), resources).populations['initial-population']).toBe(1);
    expect(evaluate(CMS165, acoPatient('yr', '1940', 'male'), resources).populations['initial-population']).toBe(0);
  });
  // CMS2 CQL: 'Patient Age 12 Years or Older at Start of Measurement Period'
  it('CMS2, age at 1 January: born in 2013 is 12 or 13 (in the population); born in 2014 is 11 or 12: unknown, not counted, and said so', () => {
    const v = visit('v', '2026-06-21T09:00:00-05:00', '2026-06-21T09:30:00-05:00');
    expect(counts(cms2([patient('a', '2013'), v]))).toBe('11000');
    const open = cms2([patient('b', '2014'), v]);
    expect(counts(open)).toBe('00000');
    expect(open.status).toBe('unknown');
  });
});
