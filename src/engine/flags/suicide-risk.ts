/**
 * `suicide-risk` — always listed first. Evidence (each rule in its file):
 *  - suicide attempts / intentional self-harm, personal history of suicidal behaviour (Z91.51) and
 *    ideation on the problem list — suicidal-behaviour.ts;
 *  - PHQ-9 item 9, C-SSRS answers, positive results of listed instruments, recorded risk findings —
 *    suicide-screens.ts (Observations and QuestionnaireResponses alike).
 * Severity: `high` when any evidence is CURRENT (ideation or a positive screen in the look-back,
 * behaviour in the past 3 months on the C-SSRS, an attempt within `recentBehaviourDays`): a
 * same-day safety assessment and safety plan. When the only evidence is HISTORY (an attempt more
 * than a year ago, Z91.51, C-SSRS behaviour more than 3 months ago) the flag stays — a prior attempt
 * is the strongest single predictor of suicide — at `historySeverity` (default moderate): ask about
 * suicidal thoughts at this visit. Policy in config/risk-policy.ts.
 */
import type { FlagDefinition } from '../measure-definition.ts';
import type { FlagResult } from '../types.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../config/risk-policy.ts';
import { behaviourFindings, ideationConditionFindings } from './suicidal-behaviour.ts';
import {
  cssrsResult,
  item9Finding,
  listedScreenFindings,
  riskFindingObservations,
  type SuicideFinding,
} from './suicide-screens.ts';
import { listOf } from './statement-format.ts';

/** Flag ids of this family. */
export const SUICIDE_RISK_FLAG_IDS = ['suicide-risk'] as const;

export { POSITIVE_INTERPRETATIONS, item9Points } from './suicide-screens.ts';

function sentence(parts: readonly string[]): string {
  const first = parts[0]!;
  return `${first[0]!.toUpperCase()}${first.slice(1)}${parts.length > 1 ? `; also ${listOf(parts.slice(1))}` : ''}.`;
}

/**
 * The findings a statement names: one per event (the same rule and code within a day of each other
 * — an attempt coded on the Condition and on the ED visit that began the evening before is one
 * attempt); every finding stays in the evidence.
 */
function named(findings: readonly SuicideFinding[]): SuicideFinding[] {
  const shown: SuicideFinding[] = [];
  for (const f of findings) {
    const same = shown.some(
      (s) =>
        s.evidence.rule === f.evidence.rule &&
        s.evidence.display === f.evidence.display &&
        (s.day === undefined ? f.day === undefined : f.day !== undefined && Math.abs(s.day - f.day) <= 1),
    );
    if (!same) {
      shown.push(f);
    }
  }
  return shown;
}

/** The suicide-risk flag family under a policy. */
export function suicideRiskFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  const p = policy.suicideRisk;
  return {
    ids: SUICIDE_RISK_FLAG_IDS,
    requires: ['Observation', 'Condition'],
    evaluate(ctx) {
      const behaviour = behaviourFindings(ctx, policy);
      const cssrs = cssrsResult(ctx, p.lookbackDays);
      let item9 = item9Finding(ctx, p.lookbackDays);
      // a negative C-SSRS on the day of the positive item 9 or later is the assessment it called for
      if (item9 && cssrs.negative && cssrs.day !== undefined && item9.day !== undefined && cssrs.day >= item9.day) {
        item9 = undefined;
      }
      const screens = listedScreenFindings(ctx, policy);
      const taken = new Set([...screens, ...(item9 ? [item9] : [])].map((f) => f.evidence.reference));
      const all: SuicideFinding[] = [
        ...behaviour.filter((f) => f.current),
        ...cssrs.findings.filter((f) => f.current),
        ...(item9 ? [item9] : []),
        ...screens,
        ...riskFindingObservations(ctx, policy, taken),
        ...ideationConditionFindings(ctx, policy),
        ...behaviour.filter((f) => !f.current),
        ...cssrs.findings.filter((f) => !f.current),
      ];
      if (!all.length) {
        return [];
      }
      const shown = named(all);
      const current = shown.filter((f) => f.current);
      const history = shown.filter((f) => !f.current);
      const past = `history of suicidal behaviour (${listOf(history.map((f) => f.text))})`;
      const statement = current.length
        ? sentence([...current.map((f) => f.text), ...(history.length ? [past] : [])])
        : `${past[0]!.toUpperCase()}${past.slice(1)}.`;
      const flag: FlagResult = {
        id: 'suicide-risk',
        severity: current.length ? 'high' : p.historySeverity,
        statement,
        evidence: all.map((f) => f.evidence),
      };
      return [flag];
    },
  };
}
