/**
 * `multiple-chronic-conditions`: current diagnoses in at least two of the eight chronic-condition
 * groups of the MCC admissions measure (MIPS #484 / UAMCC: AMI, AF, CKD, COPD/asthma, dementia,
 * diabetes, heart failure, stroke/TIA — measures.md §6, marked [L] there: verify against the
 * measure specification). ICD-10-CM prefixes and SNOMED codes from official VSAC value sets:
 * codes/chronic-condition-groups.ts.
 */
import type { FlagDefinition } from '../measure-definition.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../config/risk-policy.ts';
import { MCC_CHRONIC_CONDITION_GROUPS } from '../codes/chronic-condition-groups.ts';
import { conditionEvidence, currentInGroup } from './current-conditions.ts';
import { listOf } from './statement-format.ts';

/** Flag ids of this family. */
export const MCC_FLAG_IDS = ['multiple-chronic-conditions'] as const;

/** The multiple-chronic-conditions flag family under a policy. */
export function multipleChronicConditionsFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  return {
    ids: MCC_FLAG_IDS,
    requires: ['Condition'],
    evaluate(ctx) {
      const matched = MCC_CHRONIC_CONDITION_GROUPS.map((group) => ({
        group,
        conditions: currentInGroup(ctx, policy, group),
      })).filter((m) => m.conditions.length > 0);
      if (matched.length < policy.mcc.minGroups) {
        return [];
      }
      return [
        {
          id: 'multiple-chronic-conditions',
          severity: policy.mcc.severity,
          statement: `${matched.length} of the ${MCC_CHRONIC_CONDITION_GROUPS.length} MCC chronic-condition groups: ${listOf(matched.map((m) => m.group.label))}.`,
          evidence: matched.flatMap((m) => m.conditions.map((c) => conditionEvidence(`mcc-${m.group.id}`, m.group, c))),
        },
      ];
    },
  };
}
