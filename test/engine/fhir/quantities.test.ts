/** Observation value readers: scores in every shape EHRs send them. */
import { describe, expect, it } from 'vitest';
import { hasValue, numericValue, valueDisplay } from '../../../src/engine/fhir/quantities.ts';

const obs = (v: Partial<fhir4.Observation>): fhir4.Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: {},
  ...v,
});

describe('numericValue', () => {
  it('reads valueQuantity, valueInteger and a numeric valueString (US Core PHQ-9 example)', () => {
    expect(numericValue(obs({ valueQuantity: { value: 14, unit: '{score}' } }))).toBe(14);
    expect(numericValue(obs({ valueInteger: 7 }))).toBe(7);
    expect(numericValue(obs({ valueString: ' 12 ' }))).toBe(12);
  });
  it('reads a CodeableConcept whose code is a number', () => {
    expect(numericValue(obs({ valueCodeableConcept: { coding: [{ code: '3' }] } }))).toBe(3);
  });
  it('returns undefined for text, booleans and missing values', () => {
    expect(numericValue(obs({ valueString: 'twelve' }))).toBeUndefined();
    expect(numericValue(obs({ valueBoolean: true }))).toBeUndefined();
    expect(numericValue(obs({}))).toBeUndefined();
    expect(numericValue(obs({ valueQuantity: { value: Number.NaN } }))).toBeUndefined();
  });
});

describe('hasValue and valueDisplay', () => {
  it('any value[x] is a value (CQL `value is not null`)', () => {
    expect(hasValue(obs({ valueBoolean: false }))).toBe(true);
    expect(hasValue(obs({}))).toBe(false);
  });
  it('displays the value for evidence', () => {
    expect(
      valueDisplay(
        obs({ valueCodeableConcept: { coding: [{ code: 'x', display: 'Depression screening positive' }] } }),
      ),
    ).toBe('Depression screening positive');
    expect(valueDisplay(obs({ valueQuantity: { value: 14, unit: 'score' } }))).toBe('14 score');
  });
});
