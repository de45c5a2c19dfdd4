import { describe, expect, it } from 'vitest';
import { sdohPositiveFollowUpGaps } from '../../../src/engine/gaps/sdoh-positive-follow-up.ts';
import { interpretSdohObservation } from '../../../src/engine/codes/sdoh-items.ts';
import { LOINC } from '../../../src/engine/codes/code-systems.ts';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { gap, measureResult, patient, plusDays, procedure, referral, runFamily } from './gap-fixtures.ts';

const SDOH = sdohPositiveFollowUpGaps(interpretSdohObservation);
/** Day of the positive screen. */
const S = '2026-05-04';
const rosa = patient('rosa-sdoh', 'Rosa', 'Alvarez', '1962-09-09');

const domain = (positive: boolean | undefined, date?: string) => ({
  screened: positive !== undefined,
  positive,
  ...(date ? { date } : {}),
  instrument: 'AHC-HRSN',
  evidence: ['Observation/ahc-1'],
});
/** An sdoh-screening result whose detail says food and housing were positive on S. */
const screening = () =>
  measureResult('sdoh-screening', 'met', {
    detail: {
      domains: {
        food: domain(true, S),
        housing: domain(true, S),
        transportation: domain(false, S),
        utilities: domain(false, S),
        safety: domain(undefined),
      },
    },
  });

describe('sdoh-positive-follow-up: a referral or intervention within 30 days of a positive screen', () => {
  it('emits one open gap per positive domain, due screen + 30 days', () => {
    const gaps = runFamily(SDOH, [rosa], { asOf: plusDays(S, 3), measures: [screening()] });
    expect(gaps.map((g) => [g.id, g.status, g.due])).toEqual([
      ['sdoh-positive-follow-up:food', 'open', plusDays(S, 30)],
      ['sdoh-positive-follow-up:housing', 'open', plusDays(S, 30)],
    ]);
    expect(gap(gaps, 'sdoh-positive-follow-up:food').evidence[0]).toMatchObject({
      reference: 'Observation/ahc-1',
      value: 'positive',
      display: 'AHC-HRSN',
    });
  });

  // issue 12 §4: nothing dated after asOf counts for a gap
  it('does not close the food gap with a referral written the day after asOf, but does with one on asOf', () => {
    const asOf = plusDays(S, 10);
    expect(
      gap(
        runFamily(SDOH, [rosa, referral(plusDays(S, 11), { category: 'food-insecurity' })], {
          asOf,
          measures: [screening()],
        }),
        'sdoh-positive-follow-up:food',
      ).status,
    ).toBe('open');
    expect(
      gap(
        runFamily(SDOH, [rosa, referral(asOf, { category: 'food-insecurity' })], { asOf, measures: [screening()] }),
        'sdoh-positive-follow-up:food',
      ).status,
    ).toBe('closed');
  });

  it('opens no follow-up gap for a positive screen dated after asOf', () => {
    const gaps = runFamily(SDOH, [rosa], { asOf: plusDays(S, -1), measures: [screening()] });
    expect(gaps.map((g) => [g.id, g.status])).toEqual([['sdoh-positive-follow-up', 'not-applicable']]);
  });

  it('closes the food gap with a referral carrying the Gravity food-insecurity category on day 30', () => {
    const gaps = runFamily(SDOH, [rosa, referral(plusDays(S, 30), { id: 'sr-food', category: 'food-insecurity' })], {
      asOf: plusDays(S, 31),
      measures: [screening()],
    });
    expect(gap(gaps, 'sdoh-positive-follow-up:food').status).toBe('closed');
    expect(gap(gaps, 'sdoh-positive-follow-up:food').evidence.at(-1)?.reference).toBe('ServiceRequest/sr-food');
    // the food category does not address housing
    expect(gap(gaps, 'sdoh-positive-follow-up:housing').status).toBe('open');
  });

  it('does not close with a referral on day 31: the window is missed and the late referral is named', () => {
    const g = gap(
      runFamily(SDOH, [rosa, referral(plusDays(S, 31), { category: 'food-insecurity' })], {
        asOf: plusDays(S, 31),
        measures: [screening()],
      }),
      'sdoh-positive-follow-up:food',
    );
    expect(g.status).toBe('open');
    expect(g.why).toMatch(/^Missed/);
    expect(g.why).toContain(`the one on ${plusDays(S, 31)} came after the window`);
  });

  it('counts a referral on the screen day, and not one the day before', () => {
    const sameDay = runFamily(SDOH, [rosa, referral(S, { category: 'housing-instability' })], {
      asOf: S,
      measures: [screening()],
    });
    expect(gap(sameDay, 'sdoh-positive-follow-up:housing').status).toBe('closed');
    const dayBefore = runFamily(SDOH, [rosa, referral(plusDays(S, -1), { category: 'housing-instability' })], {
      asOf: S,
      measures: [screening()],
    });
    expect(gap(dayBefore, 'sdoh-positive-follow-up:housing').status).toBe('open');
  });

  it('closes every domain with a referral to a social worker (SNOMED 308440001)', () => {
    const gaps = runFamily(
      SDOH,
      [rosa, referral(plusDays(S, 5), { snomed: ['308440001', 'Referral to social worker (procedure)'] })],
      { asOf: plusDays(S, 6), measures: [screening()] },
    );
    expect(gaps.every((g) => g.status === 'closed')).toBe(true);
  });

  it('closes the food gap with a completed "Provision of food" procedure, not the housing gap', () => {
    const gaps = runFamily(SDOH, [rosa, procedure(plusDays(S, 2), ['710925007', 'Provision of food (procedure)'])], {
      asOf: plusDays(S, 6),
      measures: [screening()],
    });
    expect(gap(gaps, 'sdoh-positive-follow-up:food').status).toBe('closed');
    expect(gap(gaps, 'sdoh-positive-follow-up:housing').status).toBe('open');
  });

  it('ignores a revoked referral', () => {
    const gaps = runFamily(SDOH, [rosa, referral(plusDays(S, 2), { category: 'food-insecurity', status: 'revoked' })], {
      asOf: plusDays(S, 6),
      measures: [screening()],
    });
    expect(gap(gaps, 'sdoh-positive-follow-up:food').status).toBe('open');
  });

  it('is one not-applicable gap when no domain is positive', () => {
    const none = measureResult('sdoh-screening', 'met', {
      detail: { domains: { food: domain(false, S), housing: domain(false, S) } },
    });
    expect(runFamily(SDOH, [rosa], { asOf: S, measures: [none] }).map((g) => [g.id, g.status])).toEqual([
      ['sdoh-positive-follow-up', 'not-applicable'],
    ]);
  });

  it('is unknown for a positive domain when ServiceRequests could not be read', () => {
    const g = gap(
      runFamily(SDOH, [rosa], {
        asOf: plusDays(S, 3),
        measures: [screening()],
        completeness: { ServiceRequest: { status: 'missing', reason: 'not granted' } },
      }),
      'sdoh-positive-follow-up:food',
    );
    expect(g.status).toBe('unknown');
  });

  it('reads positive screens from Observations when the sdoh-screening measure was not evaluated', () => {
    const hungerRisk: fhir4.Observation = {
      resourceType: 'Observation',
      id: 'hvs-risk',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '88124-3', display: 'Food insecurity risk [HVS]' }] },
      subject: { reference: 'Patient/rosa-sdoh' },
      effectiveDateTime: S,
      valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA19952-3', display: 'At risk' }] },
    };
    const gaps = runFamily(SDOH, [rosa, hungerRisk], { asOf: plusDays(S, 1) });
    expect(gaps.map((g) => [g.id, g.status])).toEqual([['sdoh-positive-follow-up:food', 'open']]);
    expect(gap(gaps, 'sdoh-positive-follow-up:food').evidence[0]?.reference).toBe('Observation/hvs-risk');
  });

  it('is selected through evaluatePatient by its base id', () => {
    const hungerRisk: fhir4.Observation = {
      resourceType: 'Observation',
      id: 'hvs-2',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '88124-3' }] },
      effectiveDateTime: S,
      valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA19952-3' }] },
    };
    const evaluation = evaluatePatient(recordFromResources([rosa, hungerRisk]), {
      period: { start: '2026-01-01', end: '2026-12-31' },
      asOf: plusDays(S, 1),
      only: ['sdoh-positive-follow-up'],
    });
    expect(evaluation.gaps.map((g) => g.id)).toEqual(['sdoh-positive-follow-up:food']);
  });
});
