/** Three-valued day and DateTime comparisons (CQL precision semantics). */
import { describe, expect, it } from 'vitest';
import { and, compareDateTimes, dayBefore, dayIn, or } from '../../../src/engine/fhir/day-relations.ts';
import { parseFhirDateTime, type FhirDateTime } from '../../../src/engine/fhir/dates.ts';

const v = (s: string): FhirDateTime => parseFhirDateTime(s)!;

describe('dayIn / dayBefore', () => {
  it('is true, false or unknown for an imprecise value', () => {
    expect(dayIn({ low: 5, high: 5 }, 1, 5)).toBe(true);
    expect(dayIn({ low: 6, high: 6 }, 1, 5)).toBe(false);
    expect(dayIn({ low: 4, high: 8 }, 1, 5)).toBeNull();
    expect(dayBefore({ low: 4, high: 4 }, 5)).toBe(true);
    expect(dayBefore({ low: 5, high: 5 }, 5)).toBe(false);
    expect(dayBefore(undefined, 5)).toBeNull();
  });
  it('combines with three-valued and / or', () => {
    expect(and(true, null)).toBeNull();
    expect(and(false, null)).toBe(false);
    expect(or(true, null)).toBe(true);
    expect(or(false, null)).toBeNull();
  });
});

describe('compareDateTimes', () => {
  it('equal instants at the same precision compare equal', () => {
    expect(compareDateTimes(v('2026-06-21T08:00:00Z'), v('2026-06-21T08:00:00.000+00:00'))).toBeNull();
    expect(compareDateTimes(v('2026-06-21T08:00:00Z'), v('2026-06-21T08:00:00Z'))).toBe(0);
  });
  it('converts offsets before comparing', () => {
    expect(compareDateTimes(v('2026-06-21T08:00:00-05:00'), v('2026-06-21T12:00:00Z'))).toBe(1);
  });
  it('a day-precision value is uncertain against a time on the same day, decided on other days', () => {
    expect(compareDateTimes(v('2026-06-21'), v('2026-06-21T08:00:00Z'))).toBeNull();
    expect(compareDateTimes(v('2026-06-20'), v('2026-06-21T08:00:00Z'))).toBe(-1);
  });
});
