/**
 * `smi`, `sud`, `smi-sud`: serious mental illness, substance use disorder and both together, from
 * current Conditions. Code lists: SERIOUS_MENTAL_ILLNESS (codes/serious-mental-illness.ts: schizophrenia
 * spectrum, bipolar, recurrent or severe major depression — not a single mild/moderate episode) and
 * SUBSTANCE_USE_DISORDER (F10–F19 except F17 nicotine) in codes/diagnosis-groups.ts
 * [measures.md §6]. An SUD is "in remission" when every SUD problem is coded in remission
 * (F1x.11 / F1x.21 / F1x.91) or carries clinicalStatus `remission`; it then flags at lower severity.
 */
import type { FlagDefinition } from '../measure-definition.ts';
import type { FlagResult } from '../types.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../config/risk-policy.ts';
import {
  SERIOUS_MENTAL_ILLNESS,
  SUBSTANCE_USE_DISORDER,
  isSubstanceUseInRemission,
} from '../codes/diagnosis-groups.ts';
import { codingsOf } from '../fhir/codings.ts';
import { conditionEvidence, conditionLabel, currentInGroup, type CurrentCondition } from './current-conditions.ts';
import { listOf } from './statement-format.ts';

/** Flag ids of this family. */
export const BEHAVIORAL_DIAGNOSIS_FLAG_IDS = ['smi', 'sud', 'smi-sud'] as const;

function inRemission(c: CurrentCondition): boolean {
  return c.clinicalStatus === 'remission' || codingsOf(c.condition.code).some(isSubstanceUseInRemission);
}

function labels(group: typeof SERIOUS_MENTAL_ILLNESS, list: readonly CurrentCondition[]): string {
  return listOf([...new Set(list.map((c) => conditionLabel(group, c.condition)))]);
}

/** The SMI / SUD / co-occurring flag family under a policy. */
export function behavioralDiagnosisFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  return {
    ids: BEHAVIORAL_DIAGNOSIS_FLAG_IDS,
    requires: ['Condition'],
    evaluate(ctx) {
      const out: FlagResult[] = [];
      const smi = currentInGroup(ctx, policy, SERIOUS_MENTAL_ILLNESS);
      const sud = currentInGroup(ctx, policy, SUBSTANCE_USE_DISORDER);
      if (smi.length) {
        out.push({
          id: 'smi',
          severity: policy.diagnoses.smiSeverity,
          statement: `Serious mental illness: ${labels(SERIOUS_MENTAL_ILLNESS, smi)}.`,
          evidence: smi.map((c) => conditionEvidence('smi-diagnosis', SERIOUS_MENTAL_ILLNESS, c)),
        });
      }
      const activeSud = sud.filter((c) => !inRemission(c));
      const remitted = activeSud.length === 0 && sud.length > 0;
      if (sud.length) {
        const shown = remitted ? sud : activeSud;
        out.push({
          id: 'sud',
          severity: remitted ? policy.diagnoses.sudInRemissionSeverity : policy.diagnoses.sudSeverity,
          statement: remitted
            ? `Substance use disorder in remission: ${labels(SUBSTANCE_USE_DISORDER, shown)}.`
            : `Substance use disorder: ${labels(SUBSTANCE_USE_DISORDER, shown)}.`,
          evidence: sud.map((c) =>
            conditionEvidence(
              inRemission(c) ? 'sud-diagnosis-in-remission' : 'sud-diagnosis',
              SUBSTANCE_USE_DISORDER,
              c,
            ),
          ),
        });
      }
      if (smi.length && sud.length) {
        out.push({
          id: 'smi-sud',
          severity: remitted ? policy.diagnoses.sudInRemissionSeverity : policy.diagnoses.smiSudSeverity,
          statement: `Co-occurring serious mental illness and substance use disorder${remitted ? ' (substance use in remission)' : ''}.`,
          evidence: [
            ...smi.map((c) => conditionEvidence('smi-diagnosis', SERIOUS_MENTAL_ILLNESS, c)),
            ...sud.map((c) => conditionEvidence('sud-diagnosis', SUBSTANCE_USE_DISORDER, c)),
          ],
        });
      }
      return out;
    },
  };
}
