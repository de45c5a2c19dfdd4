/**
 * The terminology CMS2 v0.4.001 declares (its `valueset` and `code` statements), grouped by the
 * two age-appropriate tool families the logic runs twice: adolescent (12–17) and adult (17+).
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001 CQL, terminology section.
 */
import { LOINC, SNOMED } from '../codes/code-systems.ts';
import {
  LOINC_ADOLESCENT_DEPRESSION_SCREENING,
  LOINC_ADULT_DEPRESSION_SCREENING,
  SNOMED_DEPRESSION_SCREEN_DECLINED,
  SNOMED_DEPRESSION_SCREEN_NEGATIVE,
  SNOMED_DEPRESSION_SCREEN_POSITIVE,
} from '../codes/screening-instruments.ts';
import type { CodeRef } from '../fhir/codings.ts';
import { pinnedRef, type ValueSetDef } from '../valuesets/value-set.ts';
import {
  ADOLESCENT_DEPRESSION_MEDICATIONS,
  ADULT_DEPRESSION_MEDICATIONS,
  BIPOLAR_DISORDER,
  ENCOUNTER_TO_SCREEN_FOR_DEPRESSION,
  FOLLOW_UP_FOR_ADOLESCENT_DEPRESSION,
  FOLLOW_UP_FOR_ADULT_DEPRESSION,
  MEDICAL_REASON,
  PHYSICAL_THERAPY_EVALUATION,
  REFERRAL_FOR_ADOLESCENT_DEPRESSION,
  REFERRAL_FOR_ADULT_DEPRESSION,
  TELEPHONE_VISITS_20210220,
} from '../valuesets/catalog/index.ts';

/** The two tool families: which LOINC code a screening carries decides which one it belongs to. */
export type ScreeningKind = 'adolescent' | 'adult';

/** Per-kind terminology. */
export interface KindTerminology {
  /** The screening assessment code (LOINC 73831-0 / 73832-8). */
  screening: CodeRef;
  /** Value sets of the three follow-up kinds. */
  medications: ValueSetDef;
  referral: ValueSetDef;
  followUp: ValueSetDef;
}

/** Adolescent and adult terminology. */
export const CMS2_KINDS: Readonly<Record<ScreeningKind, KindTerminology>> = {
  adolescent: {
    screening: {
      system: LOINC,
      code: LOINC_ADOLESCENT_DEPRESSION_SCREENING,
      display: 'Adolescent depression screening assessment',
    },
    medications: ADOLESCENT_DEPRESSION_MEDICATIONS,
    referral: REFERRAL_FOR_ADOLESCENT_DEPRESSION,
    followUp: FOLLOW_UP_FOR_ADOLESCENT_DEPRESSION,
  },
  adult: {
    screening: {
      system: LOINC,
      code: LOINC_ADULT_DEPRESSION_SCREENING,
      display: 'Adult depression screening assessment',
    },
    medications: ADULT_DEPRESSION_MEDICATIONS,
    referral: REFERRAL_FOR_ADULT_DEPRESSION,
    followUp: FOLLOW_UP_FOR_ADULT_DEPRESSION,
  },
};

/**
 * Value sets whose `Encounter.type` makes an encounter qualifying (union of three), in the
 * expansions CMS2's package pins: Telephone Visits 20210220 (99441–99443, not the 98008–98015
 * audio-only codes the ACO measures' 20250205 expansion has).
 */
export const QUALIFYING_ENCOUNTER_VALUE_SETS: readonly ValueSetDef[] = [
  ENCOUNTER_TO_SCREEN_FOR_DEPRESSION,
  PHYSICAL_THERAPY_EVALUATION,
  TELEPHONE_VISITS_20210220,
];

/** Bipolar Disorder value set (denominator exclusion), as pinned. */
export const BIPOLAR_DISORDER_VS = pinnedRef(BIPOLAR_DISORDER);
/** Medical Reason value set (denominator exception), as pinned. */
export const MEDICAL_REASON_VS = pinnedRef(MEDICAL_REASON);

/** "Depression screening positive (finding)". */
export const SCREEN_POSITIVE: CodeRef = { system: SNOMED, code: SNOMED_DEPRESSION_SCREEN_POSITIVE };
/** "Depression screening negative (finding)". */
export const SCREEN_NEGATIVE: CodeRef = { system: SNOMED, code: SNOMED_DEPRESSION_SCREEN_NEGATIVE };
/** "Depression screening declined (situation)" — the patient reason. */
export const SCREEN_DECLINED: CodeRef = { system: SNOMED, code: SNOMED_DEPRESSION_SCREEN_DECLINED };

/** Encounter.status of a qualifying encounter. */
export const ENCOUNTER_FINISHED = 'finished';
/** Observation.status values of a screening that counts. */
export const SCREENING_STATUSES: readonly string[] = ['final', 'corrected'];
/** Observation.status of a screening not done (QI-Core ObservationCancelled). */
export const OBSERVATION_CANCELLED = 'cancelled';
/** Observation.status of a record that never should have existed: never evidence of anything. */
export const OBSERVATION_ENTERED_IN_ERROR = 'entered-in-error';
/** ServiceRequest / MedicationRequest statuses that count as follow-up. */
export const REQUEST_STATUSES: readonly string[] = ['active', 'completed'];
/** Procedure.status that counts as follow-up. */
export const PROCEDURE_COMPLETED = 'completed';
/** MedicationRequest.intent values that count (an order, not a proposal or plan). */
export const ORDER_INTENTS: readonly string[] = [
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
];

/** Age bounds at the start of the measurement period. */
export const MIN_AGE = 12;
/** Last age at which only the adolescent tool counts. */
export const LAST_ADOLESCENT_ONLY_AGE = 16;
/** The one age at which either tool counts. */
export const EITHER_TOOL_AGE = 17;
/** Days a screening may precede the day of the encounter ("14 days or less on or before"). */
export const SCREENING_LOOKBACK_DAYS = 14;
/** Days after the encounter's end day a referral or prescription may be authored. */
export const FOLLOW_UP_DAYS_AFTER = 2;
