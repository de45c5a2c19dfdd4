/**
 * An organisation overrides the gap windows (#16 §5; gaps/gap-policy.ts): a partial policy of day
 * counts given to evaluatePatient, validated (unknown field, non-positive or fractional count →
 * RangeError naming the field), at its boundaries — and without an override nothing changes.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluatePatient,
  recordFromResources,
  validateGapPolicyOverride,
  type GapPolicyOverride,
} from '../../../src/engine/index.ts';
import { codedScreening, patient, plusDays, scoreObservation, visit, VISIT_CPT } from './gap-fixtures.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const AS_OF = '2026-11-23';
/** Day of the CMS2 qualifying visit. */
const V = '2026-03-10';
const helen = patient('helen-gpo', 'Helen', 'Brooks', '1979-04-04');

/** A PHQ-9 scored at the visit, and its coded CMS2 result recorded `daysBefore` days before the visit. */
function record(daysBefore: number) {
  return recordFromResources([
    helen,
    visit(V, { id: 'visit-v', cpt: VISIT_CPT.depressionScreenVisit }),
    scoreObservation(V, 14, { id: 'phq9-at-visit' }),
    codedScreening(plusDays(V, -daysBefore), 'positive', { id: 'coded' }),
  ]);
}

function codingStatus(daysBefore: number, gapPolicy?: GapPolicyOverride): string | undefined {
  const ev = evaluatePatient(record(daysBefore), {
    period: PERIOD,
    asOf: AS_OF,
    only: ['depression-screening-coding'],
    ...(gapPolicy ? { gapPolicy } : {}),
  });
  return ev.gaps.find((g) => g.id === 'depression-screening-coding')?.status;
}

describe('gap policy override: the 14-day screening look-back set to 10 days', () => {
  it('counts a result coded 10 days before the visit, not one coded 11 days before', () => {
    const ten = { screeningLookbackDays: 10 };
    expect(codingStatus(10, ten)).toBe('closed');
    expect(codingStatus(11, ten)).toBe('open');
    expect(codingStatus(0, ten)).toBe('closed');
  });

  it('keeps the default 14 days without an override (day 14 counts, day 15 does not)', () => {
    expect(codingStatus(11)).toBe('closed');
    expect(codingStatus(14)).toBe('closed');
    expect(codingStatus(15)).toBe('open');
  });

  it('gives the same evaluation with no override and with an empty one', () => {
    const opts = { period: PERIOD, asOf: AS_OF };
    const r = record(12);
    expect(JSON.stringify(evaluatePatient(r, { ...opts, gapPolicy: {} }))).toBe(
      JSON.stringify(evaluatePatient(r, opts)),
    );
  });
});

describe('gap policy override: validation', () => {
  it('accepts known fields with positive whole numbers', () => {
    expect(validateGapPolicyOverride({ screeningLookbackDays: 10, sdohFollowUpDays: 45 })).toEqual({
      screeningLookbackDays: 10,
      sdohFollowUpDays: 45,
    });
  });

  it('rejects an unknown field, naming it', () => {
    expect(() => validateGapPolicyOverride({ screeningLookbackDay: 10 })).toThrow(
      /gap policy: unknown field "screeningLookbackDay" \(known: lookbackDays, /,
    );
    expect(() => validateGapPolicyOverride({ depressionInstruments: [] })).toThrow(/"depressionInstruments"/);
  });

  it.each([0, -3, 1.5, '10', null, Number.POSITIVE_INFINITY])('rejects %s as a day count, naming the field', (v) => {
    expect(() => validateGapPolicyOverride({ sdohFollowUpDays: v })).toThrow(
      /gap policy: sdohFollowUpDays must be a positive whole number/,
    );
  });

  it('rejects what is not an object', () => {
    for (const v of [null, 10, 'x', [1]]) {
      expect(() => validateGapPolicyOverride(v)).toThrow(RangeError);
    }
  });

  it('makes evaluatePatient throw a RangeError for a bad override (a caller error, not bad data)', () => {
    expect(() =>
      evaluatePatient(record(10), {
        period: PERIOD,
        gapPolicy: { screeningLookbackDays: 0 },
      }),
    ).toThrow(/screeningLookbackDays must be a positive whole number/);
  });
});
