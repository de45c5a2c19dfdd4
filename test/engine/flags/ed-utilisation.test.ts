import { describe, expect, it } from 'vitest';
import { daysBefore, edVisit, flag, flagsFor } from './flag-fixtures.ts';

describe('ED use flags (asOf 23 Nov 2026)', () => {
  const visits = (...ago: number[]) => ago.map((n) => edVisit(daysBefore(n)));

  it('does not flag 3 ED visits in 12 months as frequent', () => {
    expect(flag(flagsFor(visits(40, 100, 200)), 'ed-frequent')).toBeUndefined();
  });

  it('flags 4 ED visits in 12 months as frequent (moderate) with the dates', () => {
    const f = flag(flagsFor(visits(40, 100, 200, 300)), 'ed-frequent');
    expect(f).toMatchObject({
      severity: 'moderate',
      statement: '4 ED visits in the 12 months to 23 Nov 2026 (most recent 14 Oct 2026).',
    });
    expect(f?.evidence).toHaveLength(4);
  });

  it('counts a visit 365 days ago but not one 366 days ago', () => {
    expect(flag(flagsFor(visits(40, 100, 200, 365)), 'ed-frequent')).toBeDefined();
    expect(flag(flagsFor(visits(40, 100, 200, 366)), 'ed-frequent')).toBeUndefined();
  });

  it('counts two ED visits on the same day once', () => {
    expect(flag(flagsFor([...visits(40, 100, 200), edVisit(daysBefore(200))]), 'ed-frequent')).toBeUndefined();
  });

  it('is high at 8 ED visits and moderate at 7', () => {
    expect(flag(flagsFor(visits(10, 40, 70, 100, 130, 160, 190)), 'ed-frequent')?.severity).toBe('moderate');
    expect(flag(flagsFor(visits(10, 40, 70, 100, 130, 160, 190, 220)), 'ed-frequent')?.severity).toBe('high');
  });

  it('ignores a future-dated visit and a cancelled one', () => {
    const cancelled = { ...edVisit(daysBefore(20)), status: 'cancelled' as const };
    expect(flag(flagsFor([...visits(40, 100, 200), edVisit('2026-12-01'), cancelled]), 'ed-frequent')).toBeUndefined();
  });

  it('says "at least" when Encounters were only partly read', () => {
    expect(flag(flagsFor(visits(40, 100, 200, 300), { partial: ['Encounter'] }), 'ed-frequent')?.statement).toMatch(
      /^At least 4 ED visits/,
    );
  });

  it('flags an ED visit 30 days ago as recent but not one 31 days ago', () => {
    expect(
      flag(
        flagsFor([edVisit(daysBefore(30), { reason: ['F10.129', 'Alcohol abuse with intoxication'] })]),
        'ed-recent',
      ),
    ).toMatchObject({
      severity: 'moderate',
      statement: 'ED visit on 24 Oct 2026 (30 days ago): Alcohol abuse with intoxication.',
    });
    expect(flag(flagsFor(visits(31)), 'ed-recent')).toBeUndefined();
  });
});
