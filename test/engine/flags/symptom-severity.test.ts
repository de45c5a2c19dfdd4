import { describe, expect, it } from 'vitest';
import { daysBefore, flag, flagsFor, gad7Total, scoreTotal } from './flag-fixtures.ts';

describe('depression severity from the most recent PHQ-9 (asOf 23 Nov 2026)', () => {
  it('raises no flag at 14', () => {
    expect(flag(flagsFor([scoreTotal('2026-11-03', 14)]), 'depression-severity')).toBeUndefined();
  });

  it('is moderate at 15 (moderately severe) with the trend against the previous score', () => {
    expect(
      flag(flagsFor([scoreTotal('2026-08-02', 12), scoreTotal('2026-11-03', 15)]), 'depression-severity'),
    ).toMatchObject({
      severity: 'moderate',
      statement: 'PHQ-9 15 (moderately severe) on 3 Nov 2026, up from 12 on 2 Aug 2026.',
    });
  });

  it('is moderate at 19 and high at 20 (severe)', () => {
    expect(flag(flagsFor([scoreTotal('2026-11-03', 19)]), 'depression-severity')?.severity).toBe('moderate');
    expect(flag(flagsFor([scoreTotal('2026-11-03', 20)]), 'depression-severity')).toMatchObject({
      severity: 'high',
      statement: 'PHQ-9 20 (severe) on 3 Nov 2026, no earlier score.',
    });
  });

  it('says "down from" when the score improved', () => {
    expect(
      flag(flagsFor([scoreTotal('2026-08-02', 24), scoreTotal('2026-11-03', 17)]), 'depression-severity')?.statement,
    ).toBe('PHQ-9 17 (moderately severe) on 3 Nov 2026, down from 24 on 2 Aug 2026.');
  });

  it('uses the most recent score: an improvement to 8 clears an earlier 22', () => {
    expect(
      flag(flagsFor([scoreTotal('2026-08-02', 22), scoreTotal('2026-11-03', 8)]), 'depression-severity'),
    ).toBeUndefined();
  });

  it('reads a score sent as valueString "21" (US Core example shape)', () => {
    const obs = scoreTotal('2026-11-03', 0);
    delete obs.valueQuantity;
    obs.valueString = '21';
    expect(flag(flagsFor([obs]), 'depression-severity')?.severity).toBe('high');
  });

  it('ignores an impossible score of 31 (outside 0–27)', () => {
    expect(flag(flagsFor([scoreTotal('2026-11-03', 31)]), 'depression-severity')).toBeUndefined();
  });

  it('counts a score 365 days ago but not 366 days ago', () => {
    expect(flag(flagsFor([scoreTotal(daysBefore(365), 22)]), 'depression-severity')).toBeDefined();
    expect(flag(flagsFor([scoreTotal(daysBefore(366), 22)]), 'depression-severity')).toBeUndefined();
  });
});

describe('anxiety severity from the most recent GAD-7', () => {
  it('raises no flag at 9, moderate at 10 and 14, high at 15', () => {
    expect(flag(flagsFor([gad7Total('2026-11-03', 9)]), 'anxiety-severity')).toBeUndefined();
    expect(flag(flagsFor([gad7Total('2026-11-03', 10)]), 'anxiety-severity')?.severity).toBe('moderate');
    expect(flag(flagsFor([gad7Total('2026-11-03', 14)]), 'anxiety-severity')?.severity).toBe('moderate');
    expect(
      flag(flagsFor([gad7Total('2026-06-01', 15), gad7Total('2026-11-03', 15)]), 'anxiety-severity'),
    ).toMatchObject({
      severity: 'high',
      statement: 'GAD-7 15 (severe) on 3 Nov 2026, unchanged from 15 on 1 Jun 2026.',
    });
  });
});
