/**
 * The PHQ-9 total of a QuestionnaireResponse that records the nine item answers but no total item
 * (44261-6): the sum of the item points (LOINC 44261-6 term description: the total is the sum of
 * items 1–9, 0–27). A response with any item missing or unreadable gives no total — a partial sum
 * would understate the severity.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { LOINC_PHQ9_TOTAL, PHQ9_ITEMS, phqItemPoints } from '../codes/screening-instruments.ts';
import type { Reading } from './coded-readings.ts';
import { responsesWithReadings } from './response-readings.ts';

/** PHQ-9 totals summed from item answers, one per response without a total item (any day). */
export function phq9ItemSums(ctx: EvaluationContext): Reading[] {
  const out: Reading[] = [];
  for (const r of responsesWithReadings(ctx)) {
    if (r.items.has(LOINC_PHQ9_TOTAL)) {
      continue;
    }
    let sum = 0;
    for (const code of PHQ9_ITEMS) {
      const item = r.items.get(code);
      const points = item ? phqItemPoints(item.answer, item.score) : undefined;
      if (points === undefined) {
        sum = NaN;
        break;
      }
      sum += points;
    }
    if (Number.isNaN(sum)) {
      continue;
    }
    out.push({ resource: r.response, reference: r.reference, day: r.day, score: sum, answer: [], interpretation: [] });
  }
  return out;
}
