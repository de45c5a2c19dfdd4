/**
 * PHQ-2 / PHQ-9 scoring as the instruments define them: each item 0–3 ("Not at all" … "Nearly
 * every day"); PHQ-2 = items 1–2 (0–6), a PHQ-2 ≥ 3 continues to the full PHQ-9 (0–27). Whether a
 * total is a positive depression screen comes from the configured cut-off policy
 * (screening-instruments.ts, defaults PHQ-2 ≥ 3, PHQ-9 ≥ 10 — HEDIS DSF-E, measures.md §1.3).
 * Item 9 (thoughts of self-harm) > 0 is a safety finding regardless of the total (§6).
 */
import { DEFAULT_DEPRESSION_INSTRUMENTS, PHQ9_BANDS, bandOf, type DepressionInstrument } from '../../engine/index.ts';
import type { PhqScore } from '../../fhir/write-back-depression.ts';

/** Number of PHQ-2 items (the first two PHQ-9 items). */
export const PHQ2_ITEM_COUNT = 2;
/** Number of PHQ-9 items. */
export const PHQ9_ITEM_COUNT = 9;
/** Index of PHQ-9 item 9 (self-harm thoughts) in the answers array. */
export const PHQ9_ITEM9_INDEX = 8;
/** PHQ-2 total at or above which the full PHQ-9 is administered. */
export const PHQ2_CONTINUE_THRESHOLD = 3;

/** Answers of a PHQ form: points 0–3 per item, `undefined` while unanswered. */
export type PhqAnswers = readonly (number | undefined)[];

/** The cut-off of an instrument under a policy. */
function cutoffOf(id: DepressionInstrument['id'], policy: readonly DepressionInstrument[]): number {
  const i = policy.find((p) => p.id === id);
  if (!i) {
    throw new Error(`no cut-off configured for ${id}`);
  }
  return i.cutoff;
}

/** True when every one of the first `count` items is answered with 0–3. */
export function allAnswered(answers: PhqAnswers, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const a = answers[i];
    if (a === undefined || !Number.isInteger(a) || a < 0 || a > 3) {
      return false;
    }
  }
  return true;
}

/** Sum of the first `count` items (unanswered count as 0 — only call on complete forms for a score). */
function sum(answers: PhqAnswers, count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += answers[i] ?? 0;
  }
  return total;
}

/** PHQ-2 total (0–6) of a complete PHQ-2, else undefined. */
export function phq2Total(answers: PhqAnswers): number | undefined {
  return allAnswered(answers, PHQ2_ITEM_COUNT) ? sum(answers, PHQ2_ITEM_COUNT) : undefined;
}

/** Whether the PHQ-2 result asks for the full PHQ-9 (total ≥ 3). */
export function continuesToPhq9(answers: PhqAnswers): boolean {
  const t = phq2Total(answers);
  return t !== undefined && t >= PHQ2_CONTINUE_THRESHOLD;
}

/** Whether item 9 (thoughts of being better off dead or of self-harm) was answered above "Not at all". */
export function item9Positive(answers: PhqAnswers): boolean {
  return (answers[PHQ9_ITEM9_INDEX] ?? 0) > 0;
}

/**
 * The score to write: the PHQ-9 when all nine items are answered, else the PHQ-2 when it is
 * complete and below the continue threshold; undefined while the form is not finished.
 */
export function scorePhq(
  answers: PhqAnswers,
  policy: readonly DepressionInstrument[] = DEFAULT_DEPRESSION_INSTRUMENTS,
): PhqScore | undefined {
  if (allAnswered(answers, PHQ9_ITEM_COUNT)) {
    const itemPoints = answers.slice(0, PHQ9_ITEM_COUNT) as number[];
    const total = sum(answers, PHQ9_ITEM_COUNT);
    return { instrument: 'phq9', itemPoints, total, positive: total >= cutoffOf('phq9', policy) };
  }
  const t2 = phq2Total(answers);
  if (t2 === undefined || t2 >= PHQ2_CONTINUE_THRESHOLD) {
    return undefined;
  }
  return {
    instrument: 'phq2',
    itemPoints: answers.slice(0, PHQ2_ITEM_COUNT) as number[],
    total: t2,
    positive: t2 >= cutoffOf('phq2', policy),
  };
}

/** Severity label of a PHQ-9 total ("moderate"), for the summary line. */
export function phq9Severity(total: number): string | undefined {
  return bandOf(PHQ9_BANDS, total)?.label;
}
