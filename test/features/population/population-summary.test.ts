import { describe, expect, it } from 'vitest';
import { formatRate, summarisePopulation } from '../../../src/features/population/population-summary.ts';
import { samplePopulation } from './fixtures.ts';

describe('population summary: measures', () => {
  const { measures } = summarisePopulation(samplePopulation());
  const cms2 = measures.find((m) => m.id === 'cms2');

  it('sums the final counts of patients with a verdict; the unknown patient is counted apart, not in the populations', () => {
    // met (Henry), not-met (Marcus), excluded (Tanya), exception (Ruth); Quinn unknown
    expect(cms2?.counts).toEqual({
      'initial-population': 4,
      denominator: 4,
      'denominator-exclusion': 1,
      'denominator-exception': 1,
      numerator: 1,
    });
    expect(cms2?.unknown).toBe(1);
  });
  it('performance rate = numerator / (denominator − exclusions − exceptions) = 1 / 2', () => {
    expect(cms2?.performanceRate).toBe(0.5);
    expect(formatRate(cms2?.performanceRate)).toBe('50%');
  });
  it('keeps the inverse marker of CMS122 (lower is better) and its rate 1 / 2', () => {
    const cms122 = measures.find((m) => m.id === 'cms122');
    expect(cms122?.inverse).toBe(true);
    expect(cms122?.performanceRate).toBe(0.5);
  });
  it('has no rate when nobody is scored', () => {
    expect(formatRate(undefined)).toBe('—');
    expect(summarisePopulation([]).measures).toEqual([]);
  });
});

describe('population summary: gaps', () => {
  const { gaps } = summarisePopulation(samplePopulation());
  it('counts open / closed / unknown / not applicable per gap, closure = closed / (open + closed)', () => {
    expect(gaps.find((g) => g.id === 'cms2')).toMatchObject({
      open: 1,
      closed: 1,
      unknown: 1,
      notApplicable: 1,
      closureRate: 0.5,
    });
    expect(gaps.find((g) => g.id === 'fuh-7')).toMatchObject({ open: 1, closed: 0, closureRate: 0 });
  });
  it('skips patients that were not evaluated', () => {
    expect(summarisePopulation([{ patientId: 'gone', error: 'HTTP 500' }])).toEqual({
      measures: [],
      gaps: [],
      clinicians: [],
    });
  });
});
