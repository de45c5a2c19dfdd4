/**
 * FUA pharmacotherapy: a medication for opioid or alcohol use disorder dispensed or administered in
 * the follow-up window closes FUA like a visit does (HEDIS FUA numerator: "pharmacotherapy
 * dispensing event" or "medication treatment event", measures.md §5). In FHIR terms:
 * - a MedicationRequest (status active/completed, intent an order) authored in the window for a
 *   drug in the eCQM "Substance Use Disorder Short Acting Medication" or "… Long Acting
 *   Medication" value sets (buprenorphine ± naloxone, naltrexone, disulfiram, acamprosate;
 *   inline code or a referenced Medication). The app does not fetch MedicationDispense, so the
 *   order stands in for the dispensing (a documented proxy);
 * - a completed Procedure performed in the window coded as a MOUD administration: the eCQM
 *   "Substance Use Disorder Long Acting Medication Administration" value set (buprenorphine and
 *   naltrexone injections, OTP bundles, methadone H0020, oral buprenorphine J0571–J0575 …) or
 *   the administration codes of "… Short Acting Medication Administration" (methadone and oral
 *   buprenorphine weekly bundles, take-home supplies, methadone therapy) — not that set's referral,
 *   case-management and prevention codes, which are not medication.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { HCPCS, SNOMED } from '../codes/code-systems.ts';
import { conceptHas } from '../measures/cql-libraries/concept-match.ts';
import { medicationRequestsIn, proceduresIn } from '../measures/cql-libraries/qicore-retrieve.ts';
import { isOrder, isProcedurePerformed } from '../measures/cql-libraries/status-filters.ts';
import { SUBSTANCE_USE_DISORDER_LONG_ACTING_MEDICATION } from '../valuesets/catalog/substance-use-disorder-long-acting-medication.ts';
import { SUBSTANCE_USE_DISORDER_LONG_ACTING_MEDICATION_ADMINISTRATION } from '../valuesets/catalog/substance-use-disorder-long-acting-medication-administration.ts';
import { SUBSTANCE_USE_DISORDER_SHORT_ACTING_MEDICATION } from '../valuesets/catalog/substance-use-disorder-short-acting-medication.ts';
import { codingsOf } from '../fhir/codings.ts';
import { dayOfValue, procedureDay } from './encounter-facts.ts';
import type { FollowUpEvent } from './follow-up-visits.ts';

/** Medication-administration codes of "Substance Use Disorder Short Acting Medication Administration" (see the file comment). */
export const MOUD_SHORT_ACTING_ADMINISTRATION: readonly (readonly [string, string])[] = [
  [HCPCS, 'G2067'],
  [HCPCS, 'G2068'],
  [HCPCS, 'G2078'],
  [HCPCS, 'G2079'],
  [HCPCS, 'H0020'],
  [SNOMED, '310653000'],
];

function firstDisplay(cc: fhir4.CodeableConcept | undefined): string | undefined {
  return cc?.text ?? codingsOf(cc).find((c) => c.display)?.display;
}

/** MOUD prescriptions and administrations on or before asOf, oldest first. */
export function moudEvents(ctx: EvaluationContext): FollowUpEvent[] {
  const out: FollowUpEvent[] = [];
  const requests = [
    ...medicationRequestsIn(ctx, SUBSTANCE_USE_DISORDER_SHORT_ACTING_MEDICATION),
    ...medicationRequestsIn(ctx, SUBSTANCE_USE_DISORDER_LONG_ACTING_MEDICATION),
  ];
  for (const mr of new Set(requests)) {
    if (!isOrder(mr)) {
      continue;
    }
    const day = dayOfValue(ctx, mr.authoredOn, { resourceType: 'MedicationRequest', id: mr.id, field: 'authoredOn' });
    if (day === undefined || day > ctx.asOfDay) {
      continue;
    }
    const display = firstDisplay(mr.medicationCodeableConcept) ?? mr.medicationReference?.display;
    out.push({
      reference: `MedicationRequest/${mr.id ?? 'unknown'}`,
      day,
      rule: 'moud-prescription',
      ...(display ? { display } : {}),
    });
  }
  const administrations = new Set([
    ...proceduresIn(ctx, SUBSTANCE_USE_DISORDER_LONG_ACTING_MEDICATION_ADMINISTRATION),
    ...ctx
      .ofType<fhir4.Procedure>('Procedure')
      .filter((p) => MOUD_SHORT_ACTING_ADMINISTRATION.some(([system, code]) => conceptHas(p.code, system, code))),
  ]);
  for (const p of administrations) {
    if (!isProcedurePerformed(p)) {
      continue;
    }
    const day = procedureDay(ctx, p);
    if (day === undefined || day > ctx.asOfDay) {
      continue;
    }
    const display = firstDisplay(p.code);
    out.push({
      reference: `Procedure/${p.id ?? 'unknown'}`,
      day,
      rule: 'moud-administration',
      ...(display ? { display } : {}),
    });
  }
  return out.sort((a, b) => a.day - b.day || a.reference.localeCompare(b.reference));
}
