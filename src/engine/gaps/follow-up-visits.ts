/**
 * Visits that count as a follow-up after an index event: an encounter that took place (finished or
 * in progress) that is ambulatory, virtual or home health by class, or whose type is an outpatient,
 * telehealth, telephone or behavioral-health visit in the catalog value sets — and is never itself
 * an emergency or inpatient encounter. HEDIS FUH/FUM/FUA also accept any practitioner's visit
 * (measures.md §5); the NCQA visit value sets are licensed, so the eCQM visit sets below are the
 * documented open approximation. The HEDIS requirement that an FUM/FUA visit carry a mental-health
 * / substance-use diagnosis is not applied (EHR visit diagnoses are often missing).
 * TCM needs a face-to-face visit: telephone-only visits do not count (CPT 99495/99496).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { FOLLOW_UP_CLASSES, FOLLOW_UP_STATUSES, NON_FOLLOW_UP_CLASSES } from './gap-policy.ts';
import { encounterDay, encounterRef, hasClass, typeInAny } from './encounter-facts.ts';
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

/** Visit types that are not face to face (TCM). */
export const NOT_FACE_TO_FACE_VALUE_SETS: readonly string[] = [TELEPHONE_VISITS_ALL_VERSIONS.url];

/** A visit that can close a follow-up gap. */
export interface FollowUpVisit {
  encounter: fhir4.Encounter;
  reference: string;
  /** Day the visit started. */
  day: number;
}

/** Follow-up visits that started on or before asOf, oldest first. */
export function followUpVisits(ctx: EvaluationContext): FollowUpVisit[] {
  const out: FollowUpVisit[] = [];
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!enc || !(FOLLOW_UP_STATUSES as readonly string[]).includes(enc.status)) continue;
    if (hasClass(enc, NON_FOLLOW_UP_CLASSES)) continue;
    if (!hasClass(enc, FOLLOW_UP_CLASSES) && !typeInAny(ctx, enc, FOLLOW_UP_VISIT_VALUE_SETS)) continue;
    const day = encounterDay(ctx, enc, 'start');
    if (day === undefined || day > ctx.asOfDay) continue;
    out.push({ encounter: enc, reference: encounterRef(enc), day });
  }
  return out.sort((a, b) => a.day - b.day || a.reference.localeCompare(b.reference));
}

/** Face-to-face follow-up visits (TCM): follow-up visits that are not telephone-only. */
export function faceToFaceVisits(ctx: EvaluationContext): FollowUpVisit[] {
  return followUpVisits(ctx).filter((v) => !typeInAny(ctx, v.encounter, NOT_FACE_TO_FACE_VALUE_SETS));
}
