/**
 * Why a measure does not apply, in the clinician's words, for each day a measure takes the age on:
 * the first or last day of the period (the eCQMs) or the date of the visit (SDOH, MIPS #487), and
 * an age known only as a range (a year-only birth date, CQL AgeInYearsAt).
 */
import { describe, expect, it } from 'vitest';
import { populationText } from '../../../src/features/care-panel/describe-visit.ts';

const TODAY = '2026-12-03';
const view = { visit: { state: 'open' as const, reference: 'Encounter/today', date: TODAY }, asOf: TODAY };

describe('populationText: age outside the band', () => {
  it('names the day the age was taken on', () => {
    expect(populationText({ kind: 'age', age: 11, ages: { low: 12 }, ageOn: 'period-start' }, view, 2026)).toBe(
      'For patients aged 12 and older; this patient is 11 on 1 Jan 2026.',
    );
    expect(populationText({ kind: 'age', age: 86, ages: { low: 18, high: 85 }, ageOn: 'period-end' }, view, 2026)).toBe(
      'For patients aged 18–85; this patient is 86 at the end of 2026.',
    );
    expect(populationText({ kind: 'age', age: 17, ages: { low: 18 }, ageOn: 'visit-date' }, view, 2026)).toBe(
      'For patients aged 18 and older on the day of the visit; this patient is 17 on the day of today’s visit.',
    );
  });

  it('gives an age known only to a range as the range', () => {
    expect(
      populationText({ kind: 'age', age: 10, ageUpTo: 11, ages: { low: 12 }, ageOn: 'period-start' }, view, 2026),
    ).toBe('For patients aged 12 and older; this patient is 10–11 on 1 Jan 2026.');
  });
});
