/**
 * `suicide-risk` — always `high`, always listed first, regardless of any total score.
 * Fires when, within the look-back (default 12 months):
 *  - the MOST RECENT PHQ-9 item 9 (LOINC 44260-8) is anything but "Not at all" (LA6568-5 / 0):
 *    measures.md §6 — any item-9 score ≥ 1 calls for a same-day suicide-risk assessment (C-SSRS)
 *    and safety plan, independent of the total (if several answers share the latest day, the
 *    highest counts);
 *  - the most recent result of a suicide-risk screening instrument listed in the policy (C-SSRS,
 *    ASQ … — no default LOINC codes, see risk-policy.ts) is positive: a positive answer (Yes,
 *    Positive), a risk finding as the value, `valueBoolean` true or interpretation POS / A / H;
 *  - an Observation records a suicide-risk finding (SNOMED 225444004 at increased risk for
 *    suicide, 6471006 suicidal thoughts …) as its code or value;
 *  - a current Condition carries such a finding (or ICD-10-CM R45.851) recorded in the window.
 */
import type { FlagDefinition } from '../measure-definition.ts';
import type { Evidence, FlagResult } from '../types.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../config/risk-policy.ts';
import { LOINC, normalizeSystem } from '../codes/code-systems.ts';
import { LOINC_PHQ9_ITEM9, PHQ_ITEM_ANSWERS } from '../codes/screening-instruments.ts';
import { codingsOf, displayOf } from '../fhir/codings.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { anyCodingIn, observationsCoded, readingsOf, type Reading } from './coded-readings.ts';
import { currentConditions } from './current-conditions.ts';
import { observationDay, refOf, withinDaysBefore } from './event-days.ts';
import { displayDay, listOf } from './statement-format.ts';

/** Flag ids of this family. */
export const SUICIDE_RISK_FLAG_IDS = ['suicide-risk'] as const;

/** v3 ObservationInterpretation codes read as a positive screen. */
export const POSITIVE_INTERPRETATIONS: readonly string[] = ['POS', 'A', 'AA', 'H', 'HH', 'DET'];

/** Points of an item-9 answer: LOINC answer code, else a numeric value 0–3; `undefined` when unreadable. */
export function item9Points(r: Reading): number | undefined {
  for (const c of r.answer) {
    const known = c.code ? PHQ_ITEM_ANSWERS[c.code.trim()] : undefined;
    if (known && (!c.system || normalizeSystem(c.system) === LOINC)) return known.points;
  }
  return r.score !== undefined && Number.isInteger(r.score) && r.score >= 0 && r.score <= 3 ? r.score : undefined;
}

function answerText(r: Reading, points: number): string {
  const display = r.answer.find((c) => c.display)?.display ?? Object.values(PHQ_ITEM_ANSWERS).find((a) => a.points === points)?.display;
  return display ? `"${display}" (${points})` : String(points);
}

/** The suicide-risk flag family under a policy. */
export function suicideRiskFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  const p = policy.suicideRisk;
  const inWindow = (day: number, asOf: number) => withinDaysBefore(day, asOf, p.lookbackDays);
  const positive = (r: Reading) =>
    anyCodingIn(r.answer, p.positiveAnswers) || anyCodingIn(r.answer, p.riskFindings) || r.valueBoolean === true ||
    r.interpretation.some((c) => POSITIVE_INTERPRETATIONS.includes(c.code ?? ''));
  // bare codes of the findings: the observation index finds the candidates without a full scan
  const findingCodes = new Set(p.riskFindings.map((f) => f.code));
  return {
    ids: SUICIDE_RISK_FLAG_IDS,
    requires: ['Observation', 'Condition'],
    evaluate(ctx) {
      const found: string[] = [];
      const evidence: Evidence[] = [];

      // the most recent day with a readable item-9 answer decides
      let latestDay: number | undefined;
      let worst: { r: Reading; points: number } | undefined;
      for (const r of readingsOf(ctx, LOINC, LOINC_PHQ9_ITEM9)) {
        if (latestDay !== undefined && r.day < latestDay) break;
        const points = item9Points(r);
        if (points === undefined) {
          ctx.issue({ resourceType: 'Observation', id: r.observation.id, field: 'value', message: 'PHQ-9 item 9 answer not recognised', severity: 'warning' });
          continue;
        }
        latestDay = r.day;
        if (!worst || points > worst.points) worst = { r, points };
      }
      if (worst && worst.points > 0 && inWindow(worst.r.day, ctx.asOfDay)) {
        found.push(`PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered ${answerText(worst.r, worst.points)} on ${displayDay(worst.r.day)}`);
        evidence.push({ reference: worst.r.reference, rule: 'phq9-item9', date: isoDay(worst.r.day), value: String(worst.points) });
      }

      for (const instrument of p.screenInstruments) {
        const latest = readingsOf(ctx, instrument.system, instrument.code)[0];
        if (!latest || !inWindow(latest.day, ctx.asOfDay) || !positive(latest)) continue;
        found.push(`positive ${instrument.display} on ${displayDay(latest.day)}`);
        evidence.push({ reference: latest.reference, rule: 'suicide-risk-screen', date: isoDay(latest.day), display: instrument.display, value: 'positive' });
      }

      const candidates = new Set([
        ...observationsCoded(ctx, (code) => findingCodes.has(code), 'code'),
        ...observationsCoded(ctx, (code) => findingCodes.has(code), 'value'),
      ]);
      for (const obs of candidates) {
        const codes = [...codingsOf(obs.code), ...codingsOf(obs.valueCodeableConcept)];
        if (!anyCodingIn(codes, p.riskFindings)) continue;
        if (obs.valueBoolean === false) continue;
        const day = observationDay(ctx, obs);
        if (day === undefined || !inWindow(day, ctx.asOfDay) || evidence.some((e) => e.reference === refOf(obs))) continue;
        const what = displayOf(anyCodingIn(codingsOf(obs.valueCodeableConcept), p.riskFindings) ? obs.valueCodeableConcept : obs.code) ?? 'suicide risk';
        found.push(`${what} recorded ${displayDay(day)}`);
        evidence.push({ reference: refOf(obs), rule: 'suicide-risk-finding', date: isoDay(day), display: what });
      }

      for (const c of currentConditions(ctx, policy)) {
        if (!anyCodingIn(codingsOf(c.condition.code), p.riskFindings)) continue;
        if (c.day !== undefined && !inWindow(c.day, ctx.asOfDay)) continue;
        const what = displayOf(c.condition.code) ?? 'suicidal ideation';
        found.push(`${what} on the problem list${c.day !== undefined ? ` (${displayDay(c.day)})` : ''}`);
        evidence.push({ reference: refOf(c.condition), rule: 'suicide-risk-condition', display: what, ...(c.day !== undefined ? { date: isoDay(c.day) } : {}) });
      }

      if (!found.length) return [];
      const first = found[0]!;
      const statement = `${first[0]!.toUpperCase()}${first.slice(1)}${found.length > 1 ? `; also ${listOf(found.slice(1))}` : ''}.`;
      const flag: FlagResult = { id: 'suicide-risk', severity: 'high', statement, evidence };
      return [flag];
    },
  };
}
