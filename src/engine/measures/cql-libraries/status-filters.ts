/**
 * The Status library's "performed / ordered / verified" filters (NCQA's QI-Core 6 authoring
 * patterns): which resource statuses count as the event having happened.
 * Spec: Status 1.15.000 (ecqm-content-qicore-2025 input/cql/Status.cql).
 */
import { CONDITION_VER_STATUS } from '../../codes/code-systems.ts';
import { conceptHas } from './concept-match.ts';

/** Observation statuses that mean a result or assessment was performed. */
export const PERFORMED_OBSERVATION_STATUSES = ['final', 'amended', 'corrected'] as const;
/** Observation statuses that count for a symptom (preliminary included). */
export const SYMPTOM_OBSERVATION_STATUSES = ['preliminary', 'final', 'amended', 'corrected'] as const;
/** Request statuses that count for an order. */
export const ORDER_STATUSES = ['active', 'completed'] as const;
/** Request intents that are orders. */
export const ORDER_INTENTS = ['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order'] as const;
/** Verification statuses under which a condition counts (a missing status counts too). */
export const COUNTED_VERIFICATION_STATUSES = ['confirmed', 'unconfirmed', 'provisional', 'differential'] as const;
/** The observation category of an imaging study result. */
export const IMAGING_CATEGORY = 'imaging';

const has = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v);

/** `isEncounterPerformed()`: status finished. */
export function isEncounterPerformed(e: fhir4.Encounter): boolean {
  return e.status === 'finished';
}

/** `isProcedurePerformed()` / `isInterventionPerformed()`: status completed (CQL `~`, case-insensitive). */
export function isProcedurePerformed(p: fhir4.Procedure): boolean {
  return typeof p.status === 'string' && p.status.trim().toLowerCase() === 'completed';
}

/** `isLaboratoryTestPerformed()` / `isAssessmentPerformed()` / `isObservationBP()`: final, amended or corrected. */
export function isObservationPerformed(o: fhir4.Observation): boolean {
  return has(PERFORMED_OBSERVATION_STATUSES, o.status);
}

/** `isDiagnosticStudyPerformed()`: performed and categorised as imaging. */
export function isDiagnosticStudyPerformed(o: fhir4.Observation, categorySystem: string): boolean {
  return isObservationPerformed(o) && (o.category ?? []).some((c) => conceptHas(c, categorySystem, IMAGING_CATEGORY));
}

/** `isSymptom()`: preliminary, final, amended or corrected. */
export function isSymptom(o: fhir4.Observation): boolean {
  return has(SYMPTOM_OBSERVATION_STATUSES, o.status);
}

/** `isInterventionOrder()` / `isDeviceOrderPersonalUseDevices()`: active or completed order. */
export function isOrder(r: { status?: string; intent?: string }): boolean {
  return has(ORDER_STATUSES, r.status) && has(ORDER_INTENTS, r.intent);
}

/** `isMedicationActive()`: an active order. */
export function isMedicationActive(m: fhir4.MedicationRequest): boolean {
  return m.status === 'active' && has(ORDER_INTENTS, m.intent);
}

/** `verified()`: no verification status, or one of confirmed / unconfirmed / provisional / differential. */
export function isVerified(c: fhir4.Condition): boolean {
  if (!c.verificationStatus) {
    return true;
  }
  return COUNTED_VERIFICATION_STATUSES.some((s) => conceptHas(c.verificationStatus, CONDITION_VER_STATUS, s));
}
