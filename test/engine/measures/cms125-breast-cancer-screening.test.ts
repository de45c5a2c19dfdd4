import { describe, expect, it } from 'vitest';
import { CMS125 } from '../../../src/engine/measures/cms125-breast-cancer-screening.ts';
import { MAMMOGRAPHY } from '../../../src/engine/valuesets/catalog/mammography.ts';
import { BILATERAL_MASTECTOMY } from '../../../src/engine/valuesets/catalog/bilateral-mastectomy.ts';
import { UNILATERAL_MASTECTOMY_LEFT } from '../../../src/engine/valuesets/catalog/unilateral-mastectomy-left.ts';
import { UNILATERAL_MASTECTOMY_RIGHT } from '../../../src/engine/valuesets/catalog/unilateral-mastectomy-right.ts';
import { STATUS_POST_RIGHT_MASTECTOMY } from '../../../src/engine/valuesets/catalog/status-post-right-mastectomy.ts';
import { HISTORY_OF_BILATERAL_MASTECTOMY } from '../../../src/engine/valuesets/catalog/history-of-bilateral-mastectomy.ts';
import { UNILATERAL_MASTECTOMY_UNSPECIFIED_LATERALITY } from '../../../src/engine/valuesets/catalog/unilateral-mastectomy-unspecified-laterality.ts';
import {
  concept,
  condition,
  evaluate,
  imagingStudy,
  observation,
  officeVisit,
  patient,
  procedure,
} from './aco-fixtures.ts';

// Grace Okafor, 52, seen in the office in May 2026.
const grace = patient('grace', '1974-08-30');
const visit = officeVisit('visit', '2026-05-05');

describe('CMS125 numerator: mammogram from 1 October two years before', () => {
  it.each([
    ['on 1 Oct 2024', '2024-10-01', 'met'],
    ['on 30 Sep 2024 (the day before)', '2024-09-30', 'not-met'],
    ['on 31 Dec 2026 (last day of the period)', '2026-12-31', 'met'],
    ['on 1 Jan 2027', '2027-01-01', 'not-met'],
  ])('a mammogram %s is %s', (_s, day, status) => {
    expect(evaluate(CMS125, grace, [visit, imagingStudy('mammo', MAMMOGRAPHY, day)]).status).toBe(status);
  });

  it('needs the imaging category on the mammography result', () => {
    const uncategorised = observation('mammo', imagingStudy('m', MAMMOGRAPHY, '2026-02-01').code, '2026-02-01');
    expect(evaluate(CMS125, grace, [visit, uncategorised]).status).toBe('not-met');
  });

  it('reports the last mammogram and what closes the gap', () => {
    expect(evaluate(CMS125, grace, [visit, imagingStudy('m', MAMMOGRAPHY, '2025-03-01')]).detail).toEqual({
      lastScreening: { date: '2025-03-01', kind: 'mammography' },
    });
    expect(evaluate(CMS125, grace, [visit]).closes).toEqual({
      what: 'Screening mammogram (none since 2024-10-01)',
      due: '2026-12-31',
    });
  });
});

describe('CMS125 population', () => {
  it.each([
    ['turns 42 on the last day of the period', '1984-12-31', 1],
    ['turns 42 the day after', '1985-01-01', 0],
    ['is 74 on the last day', '1952-01-01', 1],
    ['turns 75 on the last day', '1951-12-31', 0],
  ])('a woman who %s is in the population: %i', (_s, birth, ip) => {
    expect(evaluate(CMS125, patient('edge', birth), [visit]).populations['initial-population']).toBe(ip);
  });

  it('counts only patients whose US Core sex is female', () => {
    expect(evaluate(CMS125, patient('sam', '1974-08-30', 'male'), [visit]).status).toBe('not-in-population');
  });
});

describe('CMS125 mastectomy exclusions', () => {
  it('excludes a bilateral mastectomy', () => {
    expect(evaluate(CMS125, grace, [visit, procedure('bm', BILATERAL_MASTECTOMY, '2019-02-01')]).status).toBe(
      'excluded',
    );
  });

  it('excludes a history of bilateral mastectomy', () => {
    expect(evaluate(CMS125, grace, [visit, condition('h', HISTORY_OF_BILATERAL_MASTECTOMY, '2019-02-01')]).status).toBe(
      'excluded',
    );
  });

  it('excludes right and left unilateral mastectomies together', () => {
    const r = evaluate(CMS125, grace, [
      visit,
      procedure('r', UNILATERAL_MASTECTOMY_RIGHT, '2018-01-01'),
      procedure('l', UNILATERAL_MASTECTOMY_LEFT, '2020-01-01'),
    ]);
    expect(r.status).toBe('excluded');
  });

  it('does not exclude a right mastectomy alone', () => {
    expect(evaluate(CMS125, grace, [visit, procedure('r', UNILATERAL_MASTECTOMY_RIGHT, '2018-01-01')]).status).toBe(
      'not-met',
    );
  });

  it('excludes status post right mastectomy plus an unspecified mastectomy on the left body site', () => {
    const left = condition('l', UNILATERAL_MASTECTOMY_UNSPECIFIED_LATERALITY, '2021-01-01', {
      bodySite: [concept('http://snomed.info/sct', '7771000')],
    });
    expect(
      evaluate(CMS125, grace, [visit, condition('r', STATUS_POST_RIGHT_MASTECTOMY, '2018-01-01'), left]).status,
    ).toBe('excluded');
  });

  it('does not exclude a left mastectomy performed after the period', () => {
    const r = evaluate(CMS125, grace, [
      visit,
      procedure('r', UNILATERAL_MASTECTOMY_RIGHT, '2018-01-01'),
      procedure('l', UNILATERAL_MASTECTOMY_LEFT, '2027-01-01'),
    ]);
    expect(r.status).toBe('not-met');
  });
});
