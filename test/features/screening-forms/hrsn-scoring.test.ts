import { describe, expect, it } from 'vitest';
import { AHC_HRSN_QUESTIONS, LA } from '../../../src/features/screening-forms/ahc-hrsn-items.ts';
import {
  hitsTotal,
  hrsnResponses,
  scoreHrsn,
  toggleAnswer,
} from '../../../src/features/screening-forms/hrsn-scoring.ts';

/** A complete AHC HRSN with no needs, HITS all "Never" (total 4). */
const noNeeds: Record<string, string[]> = {
  '71802-3': [LA.steadyPlace],
  '96778-6': [LA.noneOfAbove],
  '88122-7': [LA.neverTrue],
  '88123-5': [LA.neverTrue],
  '93030-5': [LA.no],
  '96779-4': [LA.no],
  '95618-5': [LA.never],
  '95617-7': [LA.never],
  '95616-9': [LA.never],
  '95615-1': [LA.never],
};

describe('AHC HRSN scoring', () => {
  it('screens all five domains negative when there are no needs', () => {
    const s = scoreHrsn(noNeeds);
    expect(s.complete).toBe(true);
    expect(s.domains.map((d) => [d.domain, d.positive])).toEqual([
      ['housing', false],
      ['food', false],
      ['transportation', false],
      ['utilities', false],
      ['safety', false],
    ]);
    expect(s.hitsTotal).toBe(4);
  });
  it('finds food insecurity when the food ran out "sometimes true"', () => {
    const s = scoreHrsn({ ...noNeeds, '88123-5': [LA.sometimesTrue] });
    expect(s.domains.find((d) => d.domain === 'food')?.positive).toBe(true);
  });
  it('finds a housing need from one housing-quality problem (mold)', () => {
    expect(scoreHrsn({ ...noNeeds, '96778-6': [LA.mold] }).domains.find((d) => d.domain === 'housing')?.positive).toBe(
      true,
    );
  });
  it('counts "already shut off" as a utilities need', () => {
    expect(
      scoreHrsn({ ...noNeeds, '96779-4': [LA.alreadyShutOff] }).domains.find((d) => d.domain === 'utilities')?.positive,
    ).toBe(true);
  });
  it('HITS total 10 is negative and 11 positive (the > 10 rule)', () => {
    const ten = {
      ...noNeeds,
      '95618-5': [LA.fairlyOften],
      '95617-7': [LA.sometimes],
      '95616-9': [LA.never],
      '95615-1': [LA.rarely],
    };
    expect(hitsTotal(ten)).toBe(10);
    expect(scoreHrsn(ten).domains.find((d) => d.domain === 'safety')?.positive).toBe(false);
    const eleven = { ...ten, '95616-9': [LA.rarely] };
    expect(hitsTotal(eleven)).toBe(11);
    expect(scoreHrsn(eleven).domains.find((d) => d.domain === 'safety')?.positive).toBe(true);
  });
  it('is incomplete while a domain is unanswered', () => {
    const { '93030-5': _t, ...rest } = noNeeds;
    const s = scoreHrsn(rest);
    expect(s.complete).toBe(false);
    expect(s.domains.find((d) => d.domain === 'transportation')?.complete).toBe(false);
  });
  it('"None of the above" clears the selected housing problems, and a problem clears "None"', () => {
    const q = AHC_HRSN_QUESTIONS.find((x) => x.loinc === '96778-6')!;
    expect(toggleAnswer(q, [LA.mold, LA.pests], LA.noneOfAbove)).toEqual([LA.noneOfAbove]);
    expect(toggleAnswer(q, [LA.noneOfAbove], LA.leaks)).toEqual([LA.leaks]);
  });
  it('turns the answers into ten question responses plus the HITS total', () => {
    const r = hrsnResponses(noNeeds);
    expect(r).toHaveLength(11);
    expect(r.at(-1)).toMatchObject({ question: { code: '95614-4' }, score: 4 });
  });
});
