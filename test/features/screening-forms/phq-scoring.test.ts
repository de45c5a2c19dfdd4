import { describe, expect, it } from 'vitest';
import { withCutoffs } from '../../../src/engine/index.ts';
import {
  allAnswered,
  continuesToPhq9,
  item9Positive,
  phq2Total,
  phq9Severity,
  scorePhq,
} from '../../../src/features/screening-forms/phq-scoring.ts';

describe('PHQ-2 scoring (items 1–2, 0–6)', () => {
  it('adds the two items: "several days" + "more than half the days" is 3', () => {
    expect(phq2Total([1, 2])).toBe(3);
  });
  it('has no total until both items are answered', () => {
    expect(phq2Total([1, undefined])).toBeUndefined();
  });
  it('continues to the PHQ-9 at a PHQ-2 of 3 but not at 2 (boundary)', () => {
    expect(continuesToPhq9([1, 1])).toBe(false);
    expect(continuesToPhq9([1, 2])).toBe(true);
  });
  it('writes a negative PHQ-2 of 2 as a finished negative screen', () => {
    expect(scorePhq([1, 1])).toEqual({ instrument: 'phq2', itemPoints: [1, 1], total: 2, positive: false });
  });
  it('does not finish on a PHQ-2 of 3: the PHQ-9 must follow', () => {
    expect(scorePhq([2, 1])).toBeUndefined();
  });
  it('rejects a point value outside 0–3', () => {
    expect(allAnswered([4, 0], 2)).toBe(false);
  });
});

describe('PHQ-9 scoring (0–27, positive at ≥ 10 by default)', () => {
  const nine = (points: number[]) => points;
  it('scores a PHQ-9 of 9 as negative (day before the cut-off)', () => {
    const s = scorePhq(nine([2, 1, 1, 1, 1, 1, 1, 1, 0]));
    expect(s).toMatchObject({ instrument: 'phq9', total: 9, positive: false });
  });
  it('scores a PHQ-9 of 10 as positive (the cut-off itself)', () => {
    expect(scorePhq(nine([2, 2, 1, 1, 1, 1, 1, 1, 0]))).toMatchObject({ total: 10, positive: true });
  });
  it('scores the maximum 27 as severe', () => {
    const s = scorePhq(nine([3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(s?.total).toBe(27);
    expect(phq9Severity(27)).toBe('severe');
  });
  it('follows the organisation policy when the cut-off is raised to 12', () => {
    expect(scorePhq(nine([2, 2, 1, 1, 1, 1, 1, 1, 1]), withCutoffs({ phq9: 12 }))).toMatchObject({
      total: 11,
      positive: false,
    });
  });
  it('flags item 9 "several days" as a safety finding even with a low total', () => {
    const answers = nine([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(item9Positive(answers)).toBe(true);
    expect(scorePhq(answers)).toMatchObject({ total: 1, positive: false });
  });
  it('does not flag item 9 "not at all"', () => {
    expect(item9Positive(nine([3, 3, 3, 3, 3, 3, 3, 3, 0]))).toBe(false);
  });
});
