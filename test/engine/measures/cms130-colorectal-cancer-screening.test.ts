import { describe, expect, it } from 'vitest';
import { CMS130 } from '../../../src/engine/measures/cms130-colorectal-cancer-screening.ts';
import { COLONOSCOPY } from '../../../src/engine/valuesets/catalog/colonoscopy.ts';
import { SDNA_FIT_TEST } from '../../../src/engine/valuesets/catalog/sdna-fit-test.ts';
import { FECAL_OCCULT_BLOOD_TEST_FOBT } from '../../../src/engine/valuesets/catalog/fecal-occult-blood-test-fobt.ts';
import { FLEXIBLE_SIGMOIDOSCOPY } from '../../../src/engine/valuesets/catalog/flexible-sigmoidoscopy.ts';
import { CT_COLONOGRAPHY } from '../../../src/engine/valuesets/catalog/ct-colonography.ts';
import { MALIGNANT_NEOPLASM_OF_COLON } from '../../../src/engine/valuesets/catalog/malignant-neoplasm-of-colon.ts';
import { TOTAL_COLECTOMY } from '../../../src/engine/valuesets/catalog/total-colectomy.ts';
import {
  concept,
  condition,
  evaluate,
  imagingStudy,
  labResult,
  observation,
  officeVisit,
  patient,
  procedure,
} from './aco-fixtures.ts';

// Walter Kim, 55, seen in the office in April 2026.
const walter = patient('walter', '1971-04-04', 'male');
const visit = officeVisit('visit', '2026-04-14');
const positiveFobt = (id: string, day: string) =>
  observation(id, labResult(id, FECAL_OCCULT_BLOOD_TEST_FOBT, day).code, day, {
    valueCodeableConcept: concept('http://snomed.info/sct', '10828004'),
  });
const sdna = (id: string, day: string) =>
  observation(id, labResult(id, SDNA_FIT_TEST, day).code, day, {
    valueCodeableConcept: concept('http://snomed.info/sct', '260385009'),
  });

describe('CMS130 numerator: screening look-backs', () => {
  it.each([
    [
      'a colonoscopy on 1 Jan 2017 (start of period − 9 years)',
      procedure('c', COLONOSCOPY, '2017-01-01T10:00:00Z'),
      'met',
    ],
    [
      'a colonoscopy on 31 Dec 2016 (the day before the window)',
      procedure('c', COLONOSCOPY, '2016-12-31T10:00:00Z'),
      'not-met',
    ],
    ['a stool DNA-FIT on 1 Jan 2024 (start − 2 years)', sdna('s', '2024-01-01'), 'met'],
    ['a stool DNA-FIT on 31 Dec 2023', sdna('s', '2023-12-31'), 'not-met'],
    ['an FOBT on 1 Jan 2026', positiveFobt('f', '2026-01-01'), 'met'],
    ['an FOBT on 31 Dec 2025 (before the period)', positiveFobt('f', '2025-12-31'), 'not-met'],
    [
      'a flexible sigmoidoscopy on 1 Jan 2022 (start − 4 years)',
      procedure('s', FLEXIBLE_SIGMOIDOSCOPY, '2022-01-01'),
      'met',
    ],
    ['a flexible sigmoidoscopy on 31 Dec 2021', procedure('s', FLEXIBLE_SIGMOIDOSCOPY, '2021-12-31'), 'not-met'],
    ['a CT colonography on 1 Jan 2022', imagingStudy('ct', CT_COLONOGRAPHY, '2022-01-01'), 'met'],
    ['a colonoscopy on 31 Dec 2026 (last day of the period)', procedure('c', COLONOSCOPY, '2026-12-31'), 'met'],
    ['a colonoscopy on 1 Jan 2027 (after the period)', procedure('c', COLONOSCOPY, '2027-01-01'), 'not-met'],
  ])('%s → %s', (_s, screening, status) => {
    expect(evaluate(CMS130, walter, [visit, screening]).status).toBe(status);
  });

  it('does not count an FOBT without a result', () => {
    expect(evaluate(CMS130, walter, [visit, labResult('f', FECAL_OCCULT_BLOOD_TEST_FOBT, '2026-05-01')]).status).toBe(
      'not-met',
    );
  });

  it('does not count a colonoscopy that was not completed', () => {
    expect(
      evaluate(CMS130, walter, [visit, procedure('c', COLONOSCOPY, '2020-05-01', { status: 'not-done' })]).status,
    ).toBe('not-met');
  });

  it('reports the most recent screening for the panel', () => {
    const r = evaluate(CMS130, walter, [
      visit,
      procedure('c', COLONOSCOPY, '2019-05-01'),
      positiveFobt('f', '2026-06-01'),
    ]);
    expect(r.detail).toEqual({ lastScreening: { date: '2026-06-01', kind: 'FOBT' } });
  });

  it('says what closes the gap when unscreened', () => {
    const r = evaluate(CMS130, walter, [visit]);
    expect(r.closes?.due).toBe('2026-12-31');
    expect(r.closes?.what).toMatch(/FIT/);
  });
});

describe('CMS130 population and exclusions', () => {
  it.each([
    ['turns 46 on the last day of the period', '1980-12-31', 1],
    ['turns 46 the day after', '1981-01-01', 0],
    ['is 75 on the last day', '1951-01-01', 1],
    ['turns 76 on the last day', '1950-12-31', 0],
  ])('a patient who %s is in the population: %i', (_s, birth, ip) => {
    expect(evaluate(CMS130, patient('edge', birth), [visit]).populations['initial-population']).toBe(ip);
  });

  it('excludes colorectal cancer diagnosed before the period end', () => {
    expect(evaluate(CMS130, walter, [visit, condition('crc', MALIGNANT_NEOPLASM_OF_COLON, '2015-01-01')]).status).toBe(
      'excluded',
    );
  });

  it('does not exclude colorectal cancer first diagnosed after the period', () => {
    expect(evaluate(CMS130, walter, [visit, condition('crc', MALIGNANT_NEOPLASM_OF_COLON, '2027-01-02')]).status).toBe(
      'not-met',
    );
  });

  it('excludes a total colectomy', () => {
    expect(evaluate(CMS130, walter, [visit, procedure('tc', TOTAL_COLECTOMY, '2010-03-01')]).status).toBe('excluded');
  });

  it('is unknown when Procedures are missing', () => {
    expect(evaluate(CMS130, walter, [visit], { Procedure: { status: 'missing' } }).status).toBe('unknown');
  });
});
