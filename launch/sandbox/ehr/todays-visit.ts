/**
 * Today's visit: opening a patient's chart in the sandbox EHR checks the patient in, as a clinic EHR
 * does before the clinician launches an app from the encounter. The chart gets an in-progress
 * office visit that started now (the real clock), attended by the signed-in clinician, and the
 * launch carries it as the SMART `encounter` context; what the app writes back is linked to it.
 * Opening the chart again the same day returns the same visit (one visit per patient per day).
 */
import { ENC_CLASS, VISIT } from '../data/codes.ts';
import { concept } from '../data/resource-builders.ts';
import type { SandboxContext } from '../sandbox-context.ts';

/** Id of a patient's visit on a UTC day: `<patient>-visit-YYYYMMDD`. */
export function todaysVisitId(patientId: string, nowMs: number): string {
  return `${patientId}-visit-${new Date(nowMs).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** The visit as stored: in progress since `nowMs` (UTC instant, second precision), no end yet. */
export function todaysVisitResource(patientId: string, practitionerId: string, nowMs: number): fhir4.Encounter {
  return {
    resourceType: 'Encounter',
    id: todaysVisitId(patientId, nowMs),
    status: 'in-progress',
    class: { ...ENC_CLASS.AMB },
    // an established-patient office visit (CPT 99213): a qualifying visit of every measure the panel shows
    type: [concept(VISIT.OFFICE_ESTABLISHED[1]!)],
    subject: { reference: `Patient/${patientId}` },
    participant: [{ individual: { reference: `Practitioner/${practitionerId}` } }],
    period: { start: `${new Date(nowMs).toISOString().slice(0, 19)}Z` },
  };
}

/** Returns the id of the patient's visit today, checking them in (creating it) on the first call of the day. */
export function checkIn(ctx: SandboxContext, patientId: string, practitionerId: string): string {
  const nowMs = ctx.now();
  const id = todaysVisitId(patientId, nowMs);
  if (!ctx.store.read('Encounter', id)) {
    ctx.store.put(todaysVisitResource(patientId, practitionerId, nowMs));
  }
  return id;
}
