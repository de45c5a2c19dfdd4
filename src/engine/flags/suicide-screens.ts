/**
 * Suicide-risk evidence from screening answers (Observations or QuestionnaireResponses):
 *  - PHQ-9 item 9 (LOINC 44260-8): the MOST RECENT answer decides; anything but "Not at all" flags
 *    (measures.md §6: item 9 ≥ 1 calls for a same-day risk assessment, whatever the total). On a
 *    day with several answers the highest counts.
 *  - C-SSRS items (codes/screening-instruments.ts CSSRS_ITEMS): the most recent administration (the
 *    latest day with any C-SSRS answer) decides. "Yes" to an ideation item (past month) or to
 *    suicidal behaviour within the past 3 months is current risk; behaviour "ever" answered No for
 *    the past 3 months is lifetime history; behaviour "ever" with the 3-month item unanswered is
 *    treated as current (recency unknown — a safety choice). An administration with answers and
 *    no "Yes" is a negative assessment.
 *  - Instruments listed in the policy (default: the C-SSRS panel 93245-9): the latest result is
 *    positive (Yes / Positive, a risk finding, valueBoolean true, interpretation POS/A/H).
 *  - Observations recording a suicide-risk finding (SNOMED 225444004, 6471006 …) as code or value.
 * A negative C-SSRS on the day of a positive item 9 or later supersedes it: the assessment that
 * item 9 calls for has been done (clinician findings and diagnoses are not superseded).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { Evidence } from '../types.ts';
import type { RiskPolicy } from '../config/risk-policy.ts';
import { LOINC } from '../codes/code-systems.ts';
import {
  CSSRS_IDEATION_TYPE_ANSWERS,
  CSSRS_ITEMS,
  LOINC_ANSWER_NO,
  LOINC_ANSWER_YES,
  LOINC_PHQ9_ITEM9,
  PHQ_ITEM_ANSWERS,
  phqItemPoints,
  type CssrsItem,
} from '../codes/screening-instruments.ts';
import { codingsOf } from '../fhir/codings.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { anyCodingIn, observationsCoded, readingsOf, type Reading } from './coded-readings.ts';
import { observationDay, refOf, withinDaysBefore } from './event-days.ts';
import { displayDay, humanName } from './statement-format.ts';

/** One piece of suicide-risk evidence: current (acts today) or history only. */
export interface SuicideFinding {
  text: string;
  evidence: Evidence;
  day?: number;
  current: boolean;
}

/** v3 ObservationInterpretation codes read as a positive screen. */
export const POSITIVE_INTERPRETATIONS: readonly string[] = ['POS', 'A', 'AA', 'H', 'HH', 'DET'];

const YES = [{ system: LOINC, code: LOINC_ANSWER_YES }];
const NO = [{ system: LOINC, code: LOINC_ANSWER_NO }];
const IDEATION_TYPES = CSSRS_IDEATION_TYPE_ANSWERS.map((code) => ({ system: LOINC, code }));

/** Points of an item-9 reading; `undefined` when unreadable. */
export function item9Points(r: Reading): number | undefined {
  return phqItemPoints(r.answer, r.score);
}

function answerText(r: Reading, points: number): string {
  const display =
    r.answer.find((c) => c.display)?.display ??
    Object.values(PHQ_ITEM_ANSWERS).find((a) => a.points === points)?.display;
  return display ? `"${display}" (${points})` : String(points);
}

function resourceType(r: Reading): string {
  return r.resource.resourceType;
}

/** The most recent item-9 answer, when positive and within the look-back. */
export function item9Finding(ctx: EvaluationContext, lookbackDays: number): SuicideFinding | undefined {
  let latestDay: number | undefined;
  let worst: { r: Reading; points: number } | undefined;
  for (const r of readingsOf(ctx, LOINC, LOINC_PHQ9_ITEM9)) {
    if (latestDay !== undefined && r.day < latestDay) {
      break;
    }
    const points = item9Points(r);
    if (points === undefined) {
      ctx.issue({
        resourceType: resourceType(r),
        id: r.resource.id,
        field: 'value',
        message: 'PHQ-9 item 9 answer not recognised',
        severity: 'warning',
      });
      continue;
    }
    latestDay = r.day;
    if (!worst || points > worst.points) {
      worst = { r, points };
    }
  }
  if (!worst || worst.points === 0 || !withinDaysBefore(worst.r.day, ctx.asOfDay, lookbackDays)) {
    return undefined;
  }
  return {
    text: `PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered ${answerText(worst.r, worst.points)} on ${displayDay(worst.r.day)}`,
    evidence: {
      reference: worst.r.reference,
      rule: 'phq9-item9',
      date: isoDay(worst.r.day),
      value: String(worst.points),
    },
    day: worst.r.day,
    current: true,
  };
}

/** Whether a C-SSRS answer is "Yes" (true), "No" (false) or unreadable (undefined). */
function cssrsAnswer(item: CssrsItem, r: Reading): boolean | undefined {
  if (anyCodingIn(r.answer, YES) || r.valueBoolean === true) {
    return true;
  }
  if (item.code === '93293-9') {
    if (anyCodingIn(r.answer, IDEATION_TYPES) || (r.score !== undefined && r.score >= 1 && r.score <= 5)) {
      return true;
    }
    return r.score === 0 ? false : undefined;
  }
  if (anyCodingIn(r.answer, NO) || r.valueBoolean === false) {
    return false;
  }
  return undefined;
}

/** The latest C-SSRS administration: its findings, its day, and whether it was negative. */
export interface CssrsResult {
  findings: SuicideFinding[];
  day?: number;
  negative: boolean;
}

/** Reads the most recent C-SSRS administration within the look-back (rule in the file comment). */
export function cssrsResult(ctx: EvaluationContext, lookbackDays: number): CssrsResult {
  const latest = CSSRS_ITEMS.map((item) => ({ item, r: readingsOf(ctx, LOINC, item.code)[0] })).filter(
    (x): x is { item: CssrsItem; r: Reading } => !!x.r && withinDaysBefore(x.r.day, ctx.asOfDay, lookbackDays),
  );
  if (!latest.length) {
    return { findings: [], negative: false };
  }
  const day = Math.max(...latest.map((x) => x.r.day));
  const answers = latest.filter((x) => x.r.day === day).map((x) => ({ ...x, yes: cssrsAnswer(x.item, x.r) }));
  const yes = (meaning: CssrsItem['meaning']) => answers.filter((a) => a.yes === true && a.item.meaning === meaning);
  const answered = (meaning: CssrsItem['meaning']) =>
    answers.find((a) => a.yes !== undefined && a.item.meaning === meaning);
  const findings: SuicideFinding[] = [];
  const evidence = (a: (typeof answers)[number], rule: string): Evidence => ({
    reference: a.r.reference,
    rule,
    date: isoDay(day),
    display: a.item.display,
    value: 'yes',
  });
  const ideation = yes('ideation-past-month');
  if (ideation.length) {
    findings.push({
      text: `C-SSRS on ${displayDay(day)}: suicidal ideation in the past month (${ideation.map((a) => a.item.display.replace(/^C-SSRS: /, '')).join('; ')})`,
      evidence: evidence(ideation[0]!, 'cssrs-ideation'),
      day,
      current: true,
    });
  }
  const ever = yes('behaviour-ever')[0];
  const recent = yes('behaviour-past-3-months')[0];
  const recentAnswer = answered('behaviour-past-3-months');
  if (recent) {
    findings.push({
      text: `C-SSRS on ${displayDay(day)}: suicidal behaviour in the past 3 months`,
      evidence: evidence(recent, 'cssrs-behaviour'),
      day,
      current: true,
    });
  } else if (ever && !recentAnswer) {
    findings.push({
      text: `C-SSRS on ${displayDay(day)}: suicidal behaviour, timing not recorded`,
      evidence: evidence(ever, 'cssrs-behaviour'),
      day,
      current: true,
    });
  } else if (ever) {
    findings.push({
      text: `suicidal behaviour more than 3 months before the C-SSRS of ${displayDay(day)}`,
      evidence: evidence(ever, 'cssrs-behaviour-lifetime'),
      day,
      current: false,
    });
  }
  const negative = findings.length === 0 && answers.some((a) => a.yes === false);
  return { findings, day, negative };
}

/** Positive results of the instruments the policy lists (most recent result of each decides). */
export function listedScreenFindings(ctx: EvaluationContext, policy: RiskPolicy): SuicideFinding[] {
  const p = policy.suicideRisk;
  const positive = (r: Reading) =>
    anyCodingIn(r.answer, p.positiveAnswers) ||
    anyCodingIn(r.answer, p.riskFindings) ||
    r.valueBoolean === true ||
    r.interpretation.some((c) => POSITIVE_INTERPRETATIONS.includes(c.code ?? ''));
  const out: SuicideFinding[] = [];
  for (const instrument of p.screenInstruments) {
    const latest = readingsOf(ctx, instrument.system, instrument.code)[0];
    if (!latest || !withinDaysBefore(latest.day, ctx.asOfDay, p.lookbackDays) || !positive(latest)) {
      continue;
    }
    out.push({
      text: `positive ${instrument.display} on ${displayDay(latest.day)}`,
      evidence: {
        reference: latest.reference,
        rule: 'suicide-risk-screen',
        date: isoDay(latest.day),
        display: instrument.display,
        value: 'positive',
      },
      day: latest.day,
      current: true,
    });
  }
  return out;
}

/** Observations recording a suicide-risk finding as their code or value, within the look-back. */
export function riskFindingObservations(
  ctx: EvaluationContext,
  policy: RiskPolicy,
  skip: ReadonlySet<string>,
): SuicideFinding[] {
  const p = policy.suicideRisk;
  const codes = new Set(p.riskFindings.map((f) => f.code));
  const candidates = new Set([
    ...observationsCoded(ctx, (c) => codes.has(c), 'code'),
    ...observationsCoded(ctx, (c) => codes.has(c), 'value'),
  ]);
  const out: SuicideFinding[] = [];
  for (const obs of candidates) {
    if (
      !anyCodingIn([...codingsOf(obs.code), ...codingsOf(obs.valueCodeableConcept)], p.riskFindings) ||
      obs.valueBoolean === false
    ) {
      continue;
    }
    const day = observationDay(ctx, obs);
    if (day === undefined || !withinDaysBefore(day, ctx.asOfDay, p.lookbackDays) || skip.has(refOf(obs))) {
      continue;
    }
    const what =
      humanName(
        anyCodingIn(codingsOf(obs.valueCodeableConcept), p.riskFindings) ? obs.valueCodeableConcept : obs.code,
      ) ?? 'suicide risk finding';
    out.push({
      text: `${what} recorded ${displayDay(day)}`,
      evidence: { reference: refOf(obs), rule: 'suicide-risk-finding', date: isoDay(day), display: what },
      day,
      current: true,
    });
  }
  return out.sort((a, b) => (b.day ?? 0) - (a.day ?? 0) || a.evidence.reference.localeCompare(b.evidence.reference));
}
