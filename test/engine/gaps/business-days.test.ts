/**
 * Business days for the TCM contact window (CMS TCM FAQ: Monday–Friday except holidays; holidays
 * = observed US federal holidays, 5 U.S.C. 6103). Expected dates from OPM's published federal
 * holiday tables for 2026 and 2027.
 */
import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay, usFederalHolidays, weekday } from '../../../src/engine/gaps/business-days.ts';
import { epochDay, isoDay } from '../../../src/engine/cql/calendar-days.ts';

const days = (year: number) => [...usFederalHolidays(year)].sort((a, b) => a - b).map(isoDay);

describe('US federal holidays (observed)', () => {
  it('lists the eleven 2026 holidays, Independence Day observed on Friday July 3', () => {
    expect(days(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('moves 2027 Saturday/Sunday holidays (Juneteenth, July 4, Christmas) and observes New Year 2028 on Friday 2027-12-31', () => {
    expect(days(2027)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24',
      '2027-12-31',
    ]);
  });

  it('has no Juneteenth before 2021', () => {
    expect(days(2019)).not.toContain('2019-06-19');
    expect(days(2021)).toContain('2021-06-18');
  });
});

describe('business days', () => {
  it('knows the weekday of an epoch day', () => {
    expect(weekday(epochDay('2026-08-03'))).toBe(1);
    expect(weekday(epochDay('1969-12-31'))).toBe(3);
  });

  it('skips weekends and holidays', () => {
    expect(isBusinessDay(epochDay('2026-08-01'))).toBe(false);
    expect(isBusinessDay(epochDay('2026-05-25'))).toBe(false);
    expect(isBusinessDay(epochDay('2026-05-26'))).toBe(true);
  });

  it.each([
    ['2026-08-03', '2026-08-05'], // Monday → Wednesday
    ['2026-07-31', '2026-08-04'], // Friday → Tuesday
    ['2026-08-01', '2026-08-04'], // Saturday → Tuesday
    ['2026-11-25', '2026-11-30'], // Wednesday before Thanksgiving → Monday
    ['2026-12-24', '2026-12-29'], // Thursday, then Christmas (Friday) → Tuesday
    ['2027-12-30', '2028-01-04'], // Thursday, then observed New Year (Fri 12-31) → Tuesday
  ])('the 2nd business day after %s is %s', (from, to) => {
    expect(isoDay(addBusinessDays(epochDay(from), 2))).toBe(to);
  });
});
