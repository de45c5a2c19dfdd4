/** The SDOH instrument tables read single answers the way the instruments score them. */
import { describe, expect, it } from 'vitest';
import {
  AHC_HRSN_CORE_QUESTIONS,
  hitsPositive,
  interpretSdohObservation,
  loincFromLinkId,
  sdohFindingsOf,
} from '../../../src/engine/codes/sdoh-items.ts';

const LOINC = 'http://loinc.org';
const obs = (
  code: string,
  value: Partial<fhir4.Observation> = {},
  status: fhir4.Observation['status'] = 'final',
): fhir4.Observation => ({
  resourceType: 'Observation',
  id: `o-${code}`,
  status,
  code: { coding: [{ system: LOINC, code }] },
  effectiveDateTime: '2026-03-10',
  ...value,
});
const answer = (code: string): Partial<fhir4.Observation> => ({
  valueCodeableConcept: { coding: [{ system: LOINC, code }] },
});

describe('interpretSdohObservation', () => {
  it('reads "worried about losing housing" as a positive housing screen (AHC HRSN)', () => {
    expect(interpretSdohObservation(obs('71802-3', answer('LA31994-9')))).toEqual({
      domain: 'housing',
      positive: true,
      instrument: 'AHC-HRSN',
    });
  });
  it('reads "I have a steady place to live" as a negative housing screen', () => {
    expect(interpretSdohObservation(obs('71802-3', answer('LA31993-1')))?.positive).toBe(false);
  });
  it('reads PRAPARE "I do not have housing" as positive and names PRAPARE', () => {
    expect(interpretSdohObservation(obs('71802-3', answer('LA30190-5')))).toEqual({
      domain: 'housing',
      positive: true,
      instrument: 'PRAPARE',
    });
  });
  it('reads Hunger Vital Sign "Sometimes true" as food positive and "Never true" as negative', () => {
    expect(interpretSdohObservation(obs('88122-7', answer('LA6729-3')))).toEqual({
      domain: 'food',
      positive: true,
      instrument: 'Hunger Vital Sign',
    });
    expect(interpretSdohObservation(obs('88123-5', answer('LA28398-8')))?.positive).toBe(false);
  });
  it('reads the derived HVS risk "At risk" as food positive', () => {
    expect(interpretSdohObservation(obs('88124-3', answer('LA19952-3')))?.positive).toBe(true);
  });
  it('reads transportation Yes (AHC) and PRAPARE medical-appointments answers as positive', () => {
    expect(interpretSdohObservation(obs('93030-5', answer('LA33-6')))?.positive).toBe(true);
    expect(interpretSdohObservation(obs('93030-5', answer('LA30133-5')))).toEqual({
      domain: 'transportation',
      positive: true,
      instrument: 'PRAPARE',
    });
    expect(interpretSdohObservation(obs('93030-5', answer('LA32-8')))?.positive).toBe(false);
  });
  it('reads utilities "Already shut off" as positive and "No" as negative', () => {
    expect(interpretSdohObservation(obs('96779-4', answer('LA32002-0')))?.positive).toBe(true);
    expect(interpretSdohObservation(obs('96779-4', answer('LA32-8')))?.positive).toBe(false);
  });
  it('leaves a single HITS item undecided (only the sum of four decides)', () => {
    expect(interpretSdohObservation(obs('95618-5', answer('LA6482-9')))).toEqual({
      domain: 'safety',
      positive: undefined,
      instrument: 'HITS',
    });
  });
  it('reads the HITS total: 11 is positive, 10 is negative', () => {
    expect(interpretSdohObservation(obs('95614-4', { valueInteger: 11 }))?.positive).toBe(true);
    expect(interpretSdohObservation(obs('95614-4', { valueQuantity: { value: 10 } }))?.positive).toBe(false);
  });
  it('reads PRAPARE material needs as food and utilities, returning the positive domain first', () => {
    const o = obs('93031-3', answer('LA30124-4'));
    expect(sdohFindingsOf(o).map((f) => [f.domain, f.positive])).toEqual([
      ['food', false],
      ['utilities', true],
    ]);
    expect(interpretSdohObservation(o)?.domain).toBe('utilities');
  });
  it('ignores unanswered items, declined values, cancelled and entered-in-error results, and non-SDOH codes', () => {
    expect(interpretSdohObservation(obs('93030-5'))).toBeUndefined();
    expect(
      interpretSdohObservation(
        obs('93030-5', { valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '413311005' }] } }),
      ),
    ).toBeUndefined();
    expect(interpretSdohObservation(obs('93030-5', answer('LA33-6'), 'cancelled'))).toBeUndefined();
    expect(interpretSdohObservation(obs('93030-5', answer('LA33-6'), 'entered-in-error'))).toBeUndefined();
    expect(interpretSdohObservation(obs('44261-6', { valueInteger: 20 }))).toBeUndefined();
  });
  it('reads answers carried as components of a panel Observation, as that panel’s instrument', () => {
    const panel = obs('96777-8', {
      component: [
        {
          code: { coding: [{ system: LOINC, code: '88122-7' }] },
          valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA28397-0' }] },
        },
      ],
    });
    expect(sdohFindingsOf(panel)).toEqual([
      { domain: 'food', positive: true, instrument: 'AHC-HRSN', question: '88122-7' },
    ]);
  });
});

describe('HITS scoring', () => {
  it('is positive above 10 and negative at 10 with all four items', () => {
    expect(hitsPositive([3, 3, 3, 2])).toBe(true);
    expect(hitsPositive([3, 3, 2, 2])).toBe(false);
  });
  it('is undecided with fewer than four items unless the partial sum already exceeds 10', () => {
    expect(hitsPositive([5, 5])).toBeUndefined();
    expect(hitsPositive([5, 5, 1])).toBe(true);
  });
});

describe('AHC HRSN core question list', () => {
  it('lists the ten core questions in form order with scored HITS items', () => {
    expect(AHC_HRSN_CORE_QUESTIONS.map((q) => q.code)).toEqual([
      '71802-3',
      '96778-6',
      '88122-7',
      '88123-5',
      '93030-5',
      '96779-4',
      '95618-5',
      '95617-7',
      '95616-9',
      '95615-1',
    ]);
    expect(AHC_HRSN_CORE_QUESTIONS[6]!.options.map((o) => o.points)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('loincFromLinkId', () => {
  it('finds the LOINC code in common linkId spellings', () => {
    expect(loincFromLinkId('/71802-3')).toBe('71802-3');
    expect(loincFromLinkId('88122-7')).toBe('88122-7');
    expect(loincFromLinkId('1.2')).toBeUndefined();
  });
});
