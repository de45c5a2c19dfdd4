/**
 * `depression-severity` and `anxiety-severity`: the band of the most recent PHQ-9 (or PHQ-A) and
 * GAD-7 total in the look-back, with the trend against the previous score. Totals are read from
 * Observations and from QuestionnaireResponses (the total item, or for a PHQ-9 form without one
 * the sum of its nine items — phq9-response-total.ts).
 * Mapping (risk-policy.ts): PHQ-9 severe ≥ 20 → high, moderately severe 15–19 → moderate, below 15
 * no flag (CMS2 and the phq9-monitoring gap handle follow-up of milder scores); GAD-7 severe ≥ 15 →
 * high, moderate 10–14 → moderate, below 10 no flag. Bands: LOINC 44261-6 and Spitzer 2006
 * (measures.md §1.3, §6). Scores outside the instrument's range are reported and ignored.
 */
import type { FlagDefinition } from '../measure-definition.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import type { FlagResult } from '../types.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy, type ScoreThreshold } from '../config/risk-policy.ts';
import { LOINC } from '../codes/code-systems.ts';
import {
  GAD7_BANDS,
  LOINC_GAD7_TOTAL,
  LOINC_PHQ9_TOTAL,
  LOINC_PHQA_TOTAL,
  PHQ9_BANDS,
  bandOf,
  type SeverityBand,
} from '../codes/screening-instruments.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { readingsOf, type Reading } from './coded-readings.ts';
import { withinDaysBefore } from './event-days.ts';
import { phq9ItemSums } from './phq9-response-total.ts';
import { displayDay } from './statement-format.ts';

/** Flag ids of this family. */
export const SEVERITY_FLAG_IDS = ['depression-severity', 'anxiety-severity'] as const;

interface Scale {
  id: (typeof SEVERITY_FLAG_IDS)[number];
  codes: readonly { code: string; label: string }[];
  bands: readonly SeverityBand[];
  max: number;
  /** Totals derived from item answers (a PHQ-9 form without its total item). */
  derived?: (ctx: EvaluationContext) => Reading[];
}

const DEPRESSION: Scale = {
  id: 'depression-severity',
  codes: [
    { code: LOINC_PHQ9_TOTAL, label: 'PHQ-9' },
    { code: LOINC_PHQA_TOTAL, label: 'PHQ-A' },
  ],
  bands: PHQ9_BANDS,
  max: 27,
  derived: phq9ItemSums,
};
const ANXIETY: Scale = {
  id: 'anxiety-severity',
  codes: [{ code: LOINC_GAD7_TOTAL, label: 'GAD-7' }],
  bands: GAD7_BANDS,
  max: 21,
};

interface Scored {
  r: Reading;
  score: number;
  label: string;
}

/** Valid totals of a scale, newest first; on one day the highest total stands for the day. */
function series(ctx: EvaluationContext, scale: Scale): Scored[] {
  const all: Scored[] = [];
  for (const { code, label } of scale.codes) {
    for (const r of readingsOf(ctx, LOINC, code)) {
      if (r.score === undefined || r.score < 0 || r.score > scale.max) {
        ctx.issue({
          resourceType: r.resource.resourceType,
          id: r.resource.id,
          field: 'value',
          message: `${label} total missing or outside 0–${scale.max}`,
          severity: 'warning',
        });
        continue;
      }
      all.push({ r, score: r.score, label });
    }
  }
  for (const r of scale.derived?.(ctx) ?? []) {
    if (r.day <= ctx.asOfDay && r.score !== undefined) {
      all.push({ r, score: r.score, label: scale.codes[0]!.label });
    }
  }
  all.sort((a, b) => b.r.day - a.r.day || b.score - a.score);
  return all.filter((s, i) => i === 0 || all[i - 1]!.r.day !== s.r.day);
}

function severityOf(thresholds: readonly ScoreThreshold[], score: number) {
  return [...thresholds].sort((a, b) => b.min - a.min).find((t) => score >= t.min)?.severity;
}

function evaluateScale(
  ctx: EvaluationContext,
  scale: Scale,
  thresholds: readonly ScoreThreshold[],
  lookbackDays: number,
): FlagResult[] {
  const s = series(ctx, scale);
  const latest = s[0];
  if (!latest || !withinDaysBefore(latest.r.day, ctx.asOfDay, lookbackDays)) {
    return [];
  }
  const severity = severityOf(thresholds, latest.score);
  if (!severity) {
    return [];
  }
  const band = bandOf(scale.bands, latest.score)?.label;
  const prev = s[1];
  const trend = !prev
    ? ', no earlier score'
    : `, ${latest.score > prev.score ? 'up from' : latest.score < prev.score ? 'down from' : 'unchanged from'} ${prev.score} on ${displayDay(prev.r.day)}`;
  const evidence = [
    {
      reference: latest.r.reference,
      rule: 'most-recent-score',
      date: isoDay(latest.r.day),
      value: `${latest.label} ${latest.score}`,
    },
  ];
  if (prev) {
    evidence.push({
      reference: prev.r.reference,
      rule: 'previous-score',
      date: isoDay(prev.r.day),
      value: `${prev.label} ${prev.score}`,
    });
  }
  return [
    {
      id: scale.id,
      severity,
      statement: `${latest.label} ${latest.score}${band ? ` (${band})` : ''} on ${displayDay(latest.r.day)}${trend}.`,
      evidence,
    },
  ];
}

/** The PHQ-9 / GAD-7 severity flag family under a policy. */
export function symptomSeverityFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  return {
    ids: SEVERITY_FLAG_IDS,
    requires: ['Observation'],
    evaluate(ctx) {
      return [
        ...evaluateScale(ctx, DEPRESSION, policy.severity.phq9, policy.severity.lookbackDays),
        ...evaluateScale(ctx, ANXIETY, policy.severity.gad7, policy.severity.lookbackDays),
      ];
    },
  };
}
