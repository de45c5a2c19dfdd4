/**
 * What closes a follow-up window, per family (../shared/design/measures.md §5, §5.1).
 *
 * A follow-up *visit* is an encounter that took place (finished or in progress) on or before asOf,
 * that is ambulatory, virtual or home health by class, or whose type is an outpatient, telehealth,
 * telephone, behavioral-health or transitional-care visit — and is never itself an emergency,
 * inpatient or observation encounter. NCQA's visit value sets are licensed; the eCQM sets below
 * are the documented open approximation. On top of that, HEDIS asks what the visit was *about*:
 * - FUH: with a mental-health practitioner (mental-health-practitioner.ts), or with any
 *   practitioner when the visit's principal diagnosis is a mental-health disorder;
 * - FUM: any practitioner, the visit's principal diagnosis a mental-health disorder, or a
 *   principal diagnosis of intentional self-harm with any mental-health diagnosis (HEDIS FUM
 *   numerator, public summaries [M]);
 * - FUA: any diagnosis of a substance-use disorder, substance use or drug overdose on the visit
 *   (F10–F19 except F17; poisoning T36–T50), or MOUD pharmacotherapy (moud-events.ts);
 * - TCM: a face-to-face visit (office, home or real-time video; telephone, portal and e-visits
 *   do not count), any diagnosis (CPT 99495/99496); the interactive contact: interactive-contacts.ts.
 * A routine check-up with no such diagnosis does not close FUH, FUM or FUA.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { CPT } from '../codes/code-systems.ts';
import {
  conceptInGroup,
  isDrugOverdose,
  isIntentionalSelfHarm,
  MENTAL_ILLNESS,
  SUBSTANCE_USE_DISORDER,
} from '../codes/diagnosis-groups.ts';
import { codingsOf } from '../fhir/codings.ts';
import { conceptHas } from '../measures/cql-libraries/concept-match.ts';
import { FOLLOW_UP_CLASSES, FOLLOW_UP_STATUSES, NON_FOLLOW_UP_CLASSES } from './gap-policy.ts';
import {
  allDiagnoses,
  encounterDay,
  encounterRef,
  hasClass,
  principalDiagnosis,
  typeInAny,
} from './encounter-facts.ts';
import { isMentalHealthPractitionerVisit } from './mental-health-practitioner.ts';
import { ANNUAL_WELLNESS_VISIT } from '../valuesets/catalog/annual-wellness-visit.ts';
import { CONTACT_OR_OFFICE_VISIT } from '../valuesets/catalog/contact-or-office-visit.ts';
import { ENCOUNTER_TO_SCREEN_FOR_DEPRESSION_ALL_VERSIONS } from '../valuesets/catalog/encounter-to-screen-for-depression-all-versions.ts';
import { HOME_HEALTHCARE_SERVICES } from '../valuesets/catalog/home-healthcare-services.ts';
import { OFFICE_VISIT } from '../valuesets/catalog/office-visit.ts';
import { PREVENTIVE_CARE_ESTABLISHED_OFFICE_VISIT_0_TO_17 } from '../valuesets/catalog/preventive-care-established-office-visit-0-to-17.ts';
import { PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP } from '../valuesets/catalog/preventive-care-services-established-office-visit-18-and-up.ts';
import { PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_0_TO_17 } from '../valuesets/catalog/preventive-care-services-initial-office-visit-0-to-17.ts';
import { PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP } from '../valuesets/catalog/preventive-care-services-initial-office-visit-18-and-up.ts';
import { PSYCH_VISIT_DIAGNOSTIC_EVALUATION } from '../valuesets/catalog/psych-visit-diagnostic-evaluation.ts';
import { PSYCH_VISIT_PSYCHOTHERAPY } from '../valuesets/catalog/psych-visit-psychotherapy.ts';
import { PSYCHOANALYSIS } from '../valuesets/catalog/psychoanalysis.ts';
import { TELEPHONE_VISITS_ALL_VERSIONS } from '../valuesets/catalog/telephone-visits-all-versions.ts';
import { VIRTUAL_ENCOUNTER } from '../valuesets/catalog/virtual-encounter.ts';

/**
 * Value sets whose encounter types are an outpatient, telehealth or behavioral-health visit. The
 * depression-screening and telephone lists are every published version (the 2025 audio-only and
 * the retired 99441–99443 codes alike), not the expansions the eCQMs pin.
 */
export const FOLLOW_UP_VISIT_VALUE_SETS: readonly string[] = [
  OFFICE_VISIT,
  CONTACT_OR_OFFICE_VISIT,
  ENCOUNTER_TO_SCREEN_FOR_DEPRESSION_ALL_VERSIONS,
  ANNUAL_WELLNESS_VISIT,
  PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP,
  PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP,
  PREVENTIVE_CARE_ESTABLISHED_OFFICE_VISIT_0_TO_17,
  PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_0_TO_17,
  PSYCH_VISIT_DIAGNOSTIC_EVALUATION,
  PSYCH_VISIT_PSYCHOTHERAPY,
  PSYCHOANALYSIS,
  HOME_HEALTHCARE_SERVICES,
  VIRTUAL_ENCOUNTER,
  TELEPHONE_VISITS_ALL_VERSIONS,
].map((vs) => vs.url);

/** Transitional care management services (CPT 99495, 99496): HEDIS FUH counts them as follow-up visits. */
export const TRANSITIONAL_CARE_CPT: readonly string[] = ['99495', '99496'];

/**
 * Visit types that are not face to face (TCM): telephone visits, and the e-visits, portal messages,
 * virtual check-ins and remote monitoring of "Virtual Encounter" — CMS lets the TCM face-to-face
 * visit be a real-time audio-video telehealth visit (class VR without such a type), not these.
 */
export const NOT_FACE_TO_FACE_VALUE_SETS: readonly string[] = [
  TELEPHONE_VISITS_ALL_VERSIONS.url,
  VIRTUAL_ENCOUNTER.url,
];

/** Anything that closes a follow-up window: a visit, a contact, a MOUD prescription or administration. */
export interface FollowUpEvent {
  /** `Type/id` of the resource. */
  reference: string;
  /** Day it happened (an encounter's start day). */
  day: number;
  /** Evidence rule name, e.g. `follow-up-visit`, `moud-prescription`, `interactive-contact`. */
  rule: string;
  display?: string;
}

/** A follow-up visit with its Encounter. */
export interface FollowUpVisit extends FollowUpEvent {
  encounter: fhir4.Encounter;
}

function isTransitionalCare(enc: fhir4.Encounter): boolean {
  return (
    Array.isArray(enc.type) && enc.type.some((t) => TRANSITIONAL_CARE_CPT.some((code) => conceptHas(t, CPT, code)))
  );
}

const VISITS = new WeakMap<EvaluationContext, FollowUpVisit[]>();

/** Follow-up visits that started on or before asOf, oldest first, whatever their diagnosis (memoised per evaluation). */
export function followUpVisits(ctx: EvaluationContext): readonly FollowUpVisit[] {
  let out = VISITS.get(ctx);
  if (out) {
    return out;
  }
  out = [];
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!enc || !(FOLLOW_UP_STATUSES as readonly string[]).includes(enc.status)) {
      continue;
    }
    if (hasClass(enc, NON_FOLLOW_UP_CLASSES)) {
      continue;
    }
    if (
      !hasClass(enc, FOLLOW_UP_CLASSES) &&
      !typeInAny(ctx, enc, FOLLOW_UP_VISIT_VALUE_SETS) &&
      !isTransitionalCare(enc)
    ) {
      continue;
    }
    const day = encounterDay(ctx, enc, 'start');
    if (day === undefined || day > ctx.asOfDay) {
      continue;
    }
    out.push({ encounter: enc, reference: encounterRef(enc), day, rule: 'follow-up-visit' });
  }
  out.sort((a, b) => a.day - b.day || a.reference.localeCompare(b.reference));
  VISITS.set(ctx, out);
  return out;
}

function anyMentalHealth(ctx: EvaluationContext, enc: fhir4.Encounter): boolean {
  return allDiagnoses(ctx, enc).some((d) => conceptInGroup(MENTAL_ILLNESS, d));
}

/** FUH: with a mental-health practitioner, or any practitioner with a principal mental-health diagnosis. */
export function closesFuh(ctx: EvaluationContext, v: FollowUpVisit): boolean {
  return (
    isMentalHealthPractitionerVisit(ctx, v.encounter) ||
    conceptInGroup(MENTAL_ILLNESS, principalDiagnosis(ctx, v.encounter))
  );
}

/** FUM: principal mental-health diagnosis, or principal intentional self-harm with any mental-health diagnosis. */
export function closesFum(ctx: EvaluationContext, v: FollowUpVisit): boolean {
  const principal = principalDiagnosis(ctx, v.encounter);
  if (conceptInGroup(MENTAL_ILLNESS, principal)) {
    return true;
  }
  return codingsOf(principal).some((c) => isIntentionalSelfHarm(c)) && anyMentalHealth(ctx, v.encounter);
}

/** FUA: any diagnosis of a substance-use disorder, substance use or drug overdose. */
export function closesFua(ctx: EvaluationContext, v: FollowUpVisit): boolean {
  return allDiagnoses(ctx, v.encounter).some(
    (d) => conceptInGroup(SUBSTANCE_USE_DISORDER, d) || codingsOf(d).some((c) => isDrugOverdose(c)),
  );
}

/** TCM: face to face (not a telephone-only visit type). */
export function isFaceToFace(ctx: EvaluationContext, v: FollowUpVisit): boolean {
  return !typeInAny(ctx, v.encounter, NOT_FACE_TO_FACE_VALUE_SETS);
}
