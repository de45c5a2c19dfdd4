/**
 * Every risk-flag family the engine evaluates, in display order: `suicide-risk` is ALWAYS first
 * (clinical safety), then diagnoses, utilisation, symptom severity, social needs, chronic
 * conditions, medications and the high-needs approximation. Add a family by listing it here.
 * An organisation that changes thresholds or code lists builds its families with
 * `flagFamilies(withRiskPolicy({...}))`; the engine uses the documented default policy.
 */
import type { FlagDefinition } from '../measure-definition.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../config/risk-policy.ts';
import { suicideRiskFlags } from './suicide-risk.ts';
import { behavioralDiagnosisFlags } from './behavioral-diagnoses.ts';
import { inpatientUtilisationFlags } from './inpatient-utilisation.ts';
import { edUtilisationFlags } from './ed-utilisation.ts';
import { symptomSeverityFlags } from './symptom-severity.ts';
import { sdohNeedFlags, type HitsScorer, type SdohCodeTest, type SdohInterpreter } from './sdoh-need.ts';
import { hitsPositive, isSdohCode } from '../codes/sdoh-items.ts';
import { sdohFindingsIn } from '../codes/sdoh-findings-memo.ts';
import { multipleChronicConditionsFlags } from './multiple-chronic-conditions.ts';
import { polypharmacyFlags } from './polypharmacy.ts';
import { highNeedsFlags } from './high-needs.ts';

/** How the SDOH flags read screening answers (codes/sdoh-items.ts). */
export interface SdohReaders {
  interpret: SdohInterpreter;
  hits: HitsScorer;
  isSdohCode: SdohCodeTest;
}

/**
 * The project's SDOH instrument tables (AHC HRSN, Hunger Vital Sign, PRAPARE, HITS); each
 * Observation is read once per evaluation, shared with the sdoh-screening measure.
 */
export const DEFAULT_SDOH_READERS: SdohReaders = {
  interpret: (obs, ctx) => sdohFindingsIn(ctx, obs),
  hits: hitsPositive,
  isSdohCode,
};

/** The flag families under a policy. */
export function flagFamilies(
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
  sdoh: SdohReaders = DEFAULT_SDOH_READERS,
): FlagDefinition[] {
  return [
    suicideRiskFlags(policy),
    behavioralDiagnosisFlags(policy),
    inpatientUtilisationFlags(policy),
    edUtilisationFlags(policy),
    symptomSeverityFlags(policy),
    sdohNeedFlags(sdoh.interpret, sdoh.hits, sdoh.isSdohCode, policy),
    multipleChronicConditionsFlags(policy),
    polypharmacyFlags(policy),
    highNeedsFlags(policy),
  ];
}

/** The families the engine evaluates (default policy). */
export const FLAG_FAMILIES: readonly FlagDefinition[] = flagFamilies(DEFAULT_RISK_POLICY);
