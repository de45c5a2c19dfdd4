/**
 * TCM interactive contacts: "communication (direct contact, telephone, electronic) with the patient
 * and/or caregiver within 2 business days of discharge" (CPT 99495/99496; CMS TCM FAQ and
 * MLN908628: by telephone, e-mail or face to face, capable of prompt interactive communication,
 * addressing the patient's status and needs beyond scheduling follow-up care). Among the FHIR
 * types the app reads, a contact is:
 * - any follow-up visit Encounter that took place (office, home, video, telephone, e-visit or
 *   portal message: class AMB / VR / HH, or a visit type of follow-up-visits.ts), except remote
 *   monitoring or store-and-forward review types (98980/98981, 99457/99458, G2010, G2250), which
 *   are not a dated conversation with the patient;
 * - a completed Procedure coded as a telephone contact (the SNOMED codes of the eCQM "Telephone
 *   Visits" value set: telephone encounter, consultation, follow-up, triage) or an online / virtual
 *   check-in service (CPT 99421–99423, 98970–98972, HCPCS G2012, G2251, G2252, G0071).
 * CMS also accepts two or more documented unsuccessful attempts; attempts are recorded as
 * Communication or Task resources, which the app does not fetch, so an attempt never closes the gap.
 * A contact on the discharge day is not counted (at day precision we cannot tell it followed the
 * discharge; CMS: "following the discharge"), as for the face-to-face visit.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { CPT, HCPCS } from '../codes/code-systems.ts';
import { conceptHas } from '../measures/cql-libraries/concept-match.ts';
import { isProcedurePerformed } from '../measures/cql-libraries/status-filters.ts';
import { TELEPHONE_VISITS_ALL_VERSIONS } from '../valuesets/catalog/telephone-visits-all-versions.ts';
import { codingsOf } from '../fhir/codings.ts';
import { procedureDay } from './encounter-facts.ts';
import { followUpVisits, type FollowUpEvent } from './follow-up-visits.ts';

/** Remote-monitoring and store-and-forward codes: not a dated interactive contact. */
export const NON_INTERACTIVE_CODES: readonly (readonly [string, string])[] = [
  [CPT, '98980'],
  [CPT, '98981'],
  [CPT, '99457'],
  [CPT, '99458'],
  [HCPCS, 'G2010'],
  [HCPCS, 'G2250'],
];

/** Online digital E/M and virtual check-in services (CPT / HCPCS) that are an interactive contact. */
export const VIRTUAL_CONTACT_CODES: readonly (readonly [string, string])[] = [
  [CPT, '99421'],
  [CPT, '99422'],
  [CPT, '99423'],
  [CPT, '98970'],
  [CPT, '98971'],
  [CPT, '98972'],
  [HCPCS, 'G2012'],
  [HCPCS, 'G2251'],
  [HCPCS, 'G2252'],
  [HCPCS, 'G0071'],
];

const has = (cc: fhir4.CodeableConcept | undefined, codes: readonly (readonly [string, string])[]) =>
  codes.some(([system, code]) => conceptHas(cc, system, code));

function isContactProcedure(ctx: EvaluationContext, p: fhir4.Procedure): boolean {
  return (
    has(p.code, VIRTUAL_CONTACT_CODES) || ctx.valueSets.hasConcept(TELEPHONE_VISITS_ALL_VERSIONS.url, p.code ?? {})
  );
}

/** Interactive contacts on or before asOf, oldest first. */
export function interactiveContacts(ctx: EvaluationContext): FollowUpEvent[] {
  const out: FollowUpEvent[] = [];
  for (const v of followUpVisits(ctx)) {
    const types = Array.isArray(v.encounter.type) ? v.encounter.type : [];
    if (types.length && types.every((t) => has(t, NON_INTERACTIVE_CODES))) {
      continue;
    }
    out.push({ reference: v.reference, day: v.day, rule: 'interactive-contact' });
  }
  for (const p of ctx.ofType<fhir4.Procedure>('Procedure')) {
    if (!isProcedurePerformed(p) || !isContactProcedure(ctx, p)) {
      continue;
    }
    const day = procedureDay(ctx, p);
    if (day === undefined || day > ctx.asOfDay) {
      continue;
    }
    const display = p.code?.text ?? codingsOf(p.code).find((c) => c.display)?.display;
    out.push({
      reference: `Procedure/${p.id ?? 'unknown'}`,
      day,
      rule: 'interactive-contact',
      ...(display ? { display } : {}),
    });
  }
  return out.sort((a, b) => a.day - b.day || a.reference.localeCompare(b.reference));
}
