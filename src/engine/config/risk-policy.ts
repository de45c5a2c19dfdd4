/**
 * The risk-flag policy: every threshold, look-back window and code list the flags use, as ONE
 * documented default an organisation can override (build a policy with {@link withRiskPolicy} and
 * pass it to `flagFamilies(policy)`). Most of these are conventions, not CMS rules — the source of
 * each default is cited (../shared/design/measures.md §4–§6). The engine uses DEFAULT_RISK_POLICY.
 *
 * Windows are in days and are inclusive on both ends: "within 30 days before asOf" means an event
 * on asOf − 30 counts and one on asOf − 31 does not. "12 months" is 365 days.
 */
import { ICD10CM, HCPCS, LOINC, SNOMED } from '../codes/code-systems.ts';
import type { FlagSeverity } from '../types.ts';
import { LOINC_CSSRS_PANEL } from '../codes/screening-instruments.ts';

/** A system + code pair a policy lists. */
export interface PolicyCode {
  system: string;
  code: string;
  display: string;
}

/** A score threshold: a score ≥ `min` gets `severity` (thresholds are tried highest first). */
export interface ScoreThreshold {
  min: number;
  severity: FlagSeverity;
}

/** SDOH domains (the five AHC HRSN core domains). */
export type SdohDomain = 'food' | 'housing' | 'transportation' | 'utilities' | 'safety';

/** The whole policy. */
export interface RiskPolicy {
  /** SMI / SUD diagnosis flags (groups are in codes/diagnosis-groups.ts). */
  diagnoses: {
    /** Condition.clinicalStatus codes that make a diagnosis current (inactive / resolved never count). */
    currentClinicalStatuses: readonly string[];
    /** Condition.verificationStatus codes that disqualify a diagnosis. */
    excludedVerificationStatuses: readonly string[];
    /** Severity of `smi`, `sud` (active), `sud` in remission, `smi-sud`. */
    smiSeverity: FlagSeverity;
    sudSeverity: FlagSeverity;
    sudInRemissionSeverity: FlagSeverity;
    smiSudSeverity: FlagSeverity;
  };
  /** Emergency-department use (measures.md §6: ≥ 4 ED visits in 12 months is the common definition). */
  ed: {
    lookbackDays: number;
    frequentMin: number;
    frequentHighMin: number;
    recentDays: number;
    recentSeverity: FlagSeverity;
  };
  /** Inpatient use: recent psychiatric discharge and readmission (measures.md §6 "Psychiatric readmission"). */
  inpatient: {
    /** Encounter.class codes (v3 ActCode) read as an inpatient stay. */
    inpatientClasses: readonly string[];
    psychDischargeDays: number;
    /** A psychiatric discharge this recent is `high`; older (up to psychDischargeDays) is `moderate`. */
    psychDischargeHighDays: number;
    readmissionLookbackDays: number;
    /** Days from a discharge to the next admission that make it a readmission. */
    readmissionWithinDays: number;
    /** A next admission this many days after discharge or fewer is a direct transfer, not a readmission. */
    transferMaxDays: number;
  };
  /** Suicide risk (measures.md §6: item 9 ≥ 1 → same-day risk assessment, independent of the total; §5.1). */
  suicideRisk: {
    /** Only screens and findings in this window count (a year-old answer still flags, an older one does not). */
    lookbackDays: number;
    /** A suicide attempt / intentional self-harm this recent is current risk (high); an older one is history. */
    recentBehaviourDays: number;
    /** Severity of a flag whose only evidence is history (an old attempt, Z91.51). */
    historySeverity: FlagSeverity;
    /** Observation codes of suicide-risk instruments whose positive result flags (the C-SSRS panel …). */
    screenInstruments: readonly PolicyCode[];
    /** Findings that mean "at risk" when recorded as an Observation value or a current Condition. */
    riskFindings: readonly PolicyCode[];
    /** Answer codes that read as a positive screen result. */
    positiveAnswers: readonly PolicyCode[];
    /** SNOMED suicide attempt / self-harm codes (ICD-10-CM intent is read by codes/icd10-intent.ts). */
    suicidalBehaviour: readonly PolicyCode[];
    /** Personal-history codes of suicidal behaviour (history, never current by themselves). */
    historyCodes: readonly PolicyCode[];
  };
  /** PHQ-9 and GAD-7 severity (bands: LOINC 44261-6 / Spitzer 2006, measures.md §6). */
  severity: {
    lookbackDays: number;
    phq9: readonly ScoreThreshold[];
    gad7: readonly ScoreThreshold[];
  };
  /** SDOH needs. */
  sdoh: {
    lookbackDays: number;
    severity: Readonly<Record<SdohDomain, FlagSeverity>>;
  };
  /** Multiple chronic conditions (MIPS #484 / UAMCC convention, measures.md §6). */
  mcc: {
    minGroups: number;
    severity: FlagSeverity;
  };
  /** Polypharmacy (measures.md §6: ≥ 5 concurrent meds, ≥ 10 "hyper-polypharmacy"). */
  polypharmacy: {
    moderateMin: number;
    highMin: number;
    /** MedicationRequest.intent values counted as a prescription the patient is on. */
    intents: readonly string[];
    statuses: readonly string[];
  };
  /** High-needs approximation (ACO REACH / LEAD criteria, measures.md §4). */
  highNeeds: {
    unplannedLookbackDays: number;
    unplannedAdmissionsMin: number;
    /** DeviceRequest codes for a home hospital bed or patient-transfer equipment (REACH frailty criterion). */
    frailtyDeviceHcpcsRanges: readonly (readonly [from: string, to: string])[];
    frailtyDeviceCodes: readonly PolicyCode[];
    /** Encounter.hospitalization.admitSource codes that mean the admission came through the ED. */
    emergencyAdmitSources: readonly string[];
    /** Encounter.priority codes (v3 ActPriority) of an unplanned admission. */
    unplannedPriorities: readonly string[];
    /** Encounter.type codes of an emergency (unplanned) admission. */
    unplannedAdmissionTypes: readonly PolicyCode[];
    severity: FlagSeverity;
  };
}

/** The documented default policy. */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  diagnoses: {
    // US Core: a problem in remission is still on the problem list; inactive / resolved are history
    currentClinicalStatuses: ['active', 'recurrence', 'relapse', 'remission'],
    excludedVerificationStatuses: ['refuted', 'entered-in-error'],
    smiSeverity: 'high',
    sudSeverity: 'high',
    sudInRemissionSeverity: 'moderate',
    smiSudSeverity: 'high',
  },
  ed: {
    lookbackDays: 365,
    frequentMin: 4,
    // measures.md §6 cites ≥ 18 as "highly frequent"; the issue asks for high at ≥ 8 for a primary-care view
    frequentHighMin: 8,
    recentDays: 30,
    recentSeverity: 'moderate',
  },
  inpatient: {
    inpatientClasses: ['IMP', 'ACUTE'],
    psychDischargeDays: 90,
    // the first 30 days after a psychiatric discharge carry the highest suicide and readmission risk
    psychDischargeHighDays: 30,
    readmissionLookbackDays: 365,
    readmissionWithinDays: 30,
    // HEDIS treats a same-day re-admission as a transfer of one stay
    transferMaxDays: 0,
  },
  suicideRisk: {
    lookbackDays: 365,
    // the risk of a repeat attempt is highest in the first year after an attempt
    recentBehaviourDays: 365,
    historySeverity: 'moderate',
    // C-SSRS full panel, verified on loinc.org/93245-9/panel (LOINC 2.78); the C-SSRS items are read
    // by the flag itself (codes/screening-instruments.ts CSSRS_ITEMS). The screener panel 93373-9
    // and the ASQ panel 115564-7 could not be verified in the sources searched and are not listed.
    screenInstruments: [{ system: LOINC, code: LOINC_CSSRS_PANEL, display: 'C-SSRS' }],
    riskFindings: [
      { system: SNOMED, code: '225444004', display: 'At increased risk for suicide' },
      // the findings below are members of the VSAC "Mental Health Diagnoses" value set
      // 2.16.840.1.113883.3.464.1003.105.12.1004 (displays as published there)
      { system: SNOMED, code: '6471006', display: 'Suicidal thoughts' },
      { system: SNOMED, code: '247650009', display: 'Planning suicide' },
      { system: SNOMED, code: '304594002', display: 'Suicidal intent' },
      { system: SNOMED, code: '267073005', display: 'Suicidal' },
      { system: SNOMED, code: '425104003', display: 'Suicidal behavior' },
      { system: SNOMED, code: '102911000', display: 'Thoughts of self harm' },
      { system: SNOMED, code: '401229000', display: 'Thoughts of deliberate self harm' },
      { system: SNOMED, code: '401230005', display: 'Plans for deliberate self harm without intent' },
      { system: SNOMED, code: '401231009', display: 'Intent of deliberate self harm with detailed plans' },
      { system: SNOMED, code: '711561004', display: 'Has access to planned means of suicide' },
      { system: ICD10CM, code: 'R45.851', display: 'Suicidal ideations' },
    ],
    positiveAnswers: [
      { system: LOINC, code: 'LA33-6', display: 'Yes' },
      { system: SNOMED, code: '10828004', display: 'Positive' },
    ],
    suicidalBehaviour: [
      // issue 12 §4 / measures.md §5.1
      { system: SNOMED, code: '82313006', display: 'Suicide attempt' },
      { system: SNOMED, code: '248062006', display: 'Self-harm' },
      // VSAC "Mental Health Diagnosis without Substance Use Disorders" 2.16.840.1.113762.1.4.1046.285
      { system: SNOMED, code: '271982007', display: 'Intentional self poisoning' },
      // SNOMED CT concepts of Synthea's self_harm module (HL7 SHIFT "SyntheaSelfHarmVS", tx.fhir.org expansion)
      { system: SNOMED, code: '86849004', display: 'Suicidal poisoning' },
      { system: SNOMED, code: '287185009', display: 'Attempted suicide by cutting or stabbing' },
      { system: SNOMED, code: '287182007', display: 'Attempted suicide by suffocation' },
    ],
    historyCodes: [
      // ICD-10-CM FY2022+: Z91.51 personal history of suicidal behavior (Z91.52 is NON-suicidal self-harm)
      { system: ICD10CM, code: 'Z91.51', display: 'Personal history of suicidal behavior' },
      // ICD-10-CM before FY2022: Z91.5 personal history of self-harm (split into Z91.51 / Z91.52)
      { system: ICD10CM, code: 'Z91.5', display: 'Personal history of self-harm' },
    ],
  },
  severity: {
    lookbackDays: 365,
    // below 15 (moderate or milder) no flag: CMS2 / the phq9-monitoring gap already cover follow-up
    phq9: [
      { min: 20, severity: 'high' },
      { min: 15, severity: 'moderate' },
    ],
    // GAD-7 has no "moderately severe" band: severe ≥ 15 → high, moderate 10–14 → moderate
    gad7: [
      { min: 15, severity: 'high' },
      { min: 10, severity: 'moderate' },
    ],
  },
  sdoh: {
    lookbackDays: 365,
    // interpersonal-safety risk can be immediate; the other needs are addressed by referral
    severity: {
      food: 'moderate',
      housing: 'moderate',
      transportation: 'moderate',
      utilities: 'moderate',
      safety: 'high',
    },
  },
  mcc: { minGroups: 2, severity: 'moderate' },
  polypharmacy: {
    moderateMin: 5,
    highMin: 10,
    intents: ['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'plan'],
    statuses: ['active'],
  },
  highNeeds: {
    unplannedLookbackDays: 365,
    unplannedAdmissionsMin: 2,
    // [L] measures.md §4: hospital beds E0250–E0304, patient lifts E0621–E0640
    frailtyDeviceHcpcsRanges: [
      ['E0250', 'E0304'],
      ['E0621', 'E0640'],
    ],
    frailtyDeviceCodes: [
      { system: SNOMED, code: '91537007', display: 'Hospital bed' },
      { system: SNOMED, code: '466786004', display: 'Basic electric hospital bed' },
    ],
    emergencyAdmitSources: ['emd'],
    unplannedPriorities: ['EM', 'UR', 'A', 'S'],
    // "Emergency hospital admission" is a member of the eCQM Encounter Inpatient value set
    unplannedAdmissionTypes: [{ system: SNOMED, code: '183452005', display: 'Emergency hospital admission' }],
    severity: 'moderate',
  },
};

/** HCPCS system the device ranges refer to (kept here so rule code has no literal). */
export const FRAILTY_DEVICE_SYSTEM = HCPCS;

/** A policy with some sections replaced (shallow per section). */
export function withRiskPolicy(overrides: { [K in keyof RiskPolicy]?: Partial<RiskPolicy[K]> }): RiskPolicy {
  const out = { ...DEFAULT_RISK_POLICY } as Record<string, unknown>;
  for (const [k, v] of Object.entries(overrides)) {
    out[k] = { ...(DEFAULT_RISK_POLICY as unknown as Record<string, object>)[k], ...v };
  }
  return out as unknown as RiskPolicy;
}
