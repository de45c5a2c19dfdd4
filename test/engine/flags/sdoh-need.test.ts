import { describe, expect, it } from 'vitest';
import { daysBefore, flag, flagsFor, sdohAnswer } from './flag-fixtures.ts';
import {
  LA,
  LOINC_FOOD_WORRY,
  LOINC_HITS_HURT,
  LOINC_HITS_INSULT,
  LOINC_HITS_SCREAM,
  LOINC_HITS_THREATEN,
  LOINC_HITS_TOTAL,
  LOINC_HOUSING_SITUATION,
  LOINC_PRAPARE_MATERIAL_NEEDS,
  LOINC_TRANSPORTATION,
} from '../../../src/engine/codes/sdoh-items.ts';

describe('SDOH needs, one flag per positive domain (asOf 23 Nov 2026)', () => {
  it('flags food insecurity from a Hunger Vital Sign "Often true", naming instrument and date', () => {
    const f = flag(flagsFor([sdohAnswer('2026-11-03', LOINC_FOOD_WORRY, LA.oftenTrue)]), 'sdoh-need:food');
    expect(f).toMatchObject({ severity: 'moderate' });
    expect(f?.statement).toMatch(/^Food insecurity: positive .+ screen on 3 Nov 2026\.$/);
  });

  it('raises nothing for "Never true"', () => {
    expect(
      flagsFor([sdohAnswer('2026-11-03', LOINC_FOOD_WORRY, LA.neverTrue)]).filter((f) => f.id.startsWith('sdoh-need')),
    ).toEqual([]);
  });

  it('raises one flag per positive domain', () => {
    const flags = flagsFor([
      sdohAnswer('2026-11-03', LOINC_FOOD_WORRY, LA.sometimesTrue),
      sdohAnswer('2026-11-03', LOINC_HOUSING_SITUATION, LA.worriedLosing),
      sdohAnswer('2026-11-03', LOINC_TRANSPORTATION, LA.no),
    ]);
    expect(flags.filter((f) => f.id.startsWith('sdoh-need')).map((f) => f.id)).toEqual([
      'sdoh-need:food',
      'sdoh-need:housing',
    ]);
  });

  it('lets a later negative screen of the same domain supersede an earlier positive', () => {
    expect(
      flag(
        flagsFor([
          sdohAnswer('2026-03-01', LOINC_FOOD_WORRY, LA.oftenTrue),
          sdohAnswer('2026-10-01', LOINC_FOOD_WORRY, LA.neverTrue),
        ]),
        'sdoh-need:food',
      ),
    ).toBeUndefined();
  });

  it('counts a positive 365 days ago but not 366 days ago', () => {
    expect(
      flag(flagsFor([sdohAnswer(daysBefore(365), LOINC_FOOD_WORRY, LA.oftenTrue)]), 'sdoh-need:food'),
    ).toBeDefined();
    expect(
      flag(flagsFor([sdohAnswer(daysBefore(366), LOINC_FOOD_WORRY, LA.oftenTrue)]), 'sdoh-need:food'),
    ).toBeUndefined();
  });

  it('reads PRAPARE "unable to get utilities" as a utilities need', () => {
    expect(
      flag(
        flagsFor([sdohAnswer('2026-09-09', LOINC_PRAPARE_MATERIAL_NEEDS, LA.prapareUtilities)]),
        'sdoh-need:utilities',
      ),
    ).toBeDefined();
  });

  it('flags interpersonal safety (high) when the four HITS items sum to 11, not at 10', () => {
    const hits = (points: number[]) =>
      [LOINC_HITS_HURT, LOINC_HITS_INSULT, LOINC_HITS_THREATEN, LOINC_HITS_SCREAM].map((q, i) =>
        sdohAnswer('2026-11-03', q, points[i]!),
      );
    expect(flag(flagsFor(hits([2, 3, 3, 2])), 'sdoh-need:safety')).toBeUndefined();
    expect(flag(flagsFor(hits([2, 3, 3, 3])), 'sdoh-need:safety')).toMatchObject({ severity: 'high' });
  });

  it('flags interpersonal safety from a HITS total of 11', () => {
    expect(flag(flagsFor([sdohAnswer('2026-11-03', LOINC_HITS_TOTAL, 11)]), 'sdoh-need:safety')).toBeDefined();
    expect(flag(flagsFor([sdohAnswer('2026-11-03', LOINC_HITS_TOTAL, 10)]), 'sdoh-need:safety')).toBeUndefined();
  });
});
