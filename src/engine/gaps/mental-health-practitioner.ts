/**
 * Whether a visit was with a mental-health practitioner (HEDIS FUH: a follow-up "with a mental
 * health practitioner", or with any practitioner when the visit's principal diagnosis is a mental
 * health disorder — measures.md §5, §5.1). HEDIS defines the practitioner by licence (psychiatrist,
 * psychologist, psychiatric nurse practitioner / clinical nurse specialist, clinical social worker,
 * marriage and family therapist, professional counselor …); a FHIR record shows it in two places:
 * 1. the practitioner's NUCC provider taxonomy — `PractitionerRole.specialty` or
 *    `Practitioner.qualification.code` (system http://nucc.org/provider-taxonomy) of a participant
 *    of the Encounter, when that PractitionerRole / Practitioner is in the record (the CLI reads
 *    them from an export; the app does not fetch them, so it relies on 2);
 * 2. a behavioral-health service on the Encounter itself: a psychiatric diagnostic evaluation
 *    (90791/90792), psychotherapy (90832–90838 …) or psychoanalysis (90845) type, from the eCQM
 *    value sets "Psych Visit - Diagnostic Evaluation", "Psych Visit - Psychotherapy",
 *    "Psychoanalysis". These services are delivered by mental-health clinicians, so the service
 *    stands in for the licence (a documented proxy: NCQA's practitioner lists are licensed).
 * A routine office visit by a practitioner the record does not describe is NOT with a
 * mental-health practitioner; it closes FUH only with a principal mental-health diagnosis.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { normalizeSystem } from '../codes/code-systems.ts';
import { codingsOf } from '../fhir/codings.ts';
import { PSYCH_VISIT_DIAGNOSTIC_EVALUATION } from '../valuesets/catalog/psych-visit-diagnostic-evaluation.ts';
import { PSYCH_VISIT_PSYCHOTHERAPY } from '../valuesets/catalog/psych-visit-psychotherapy.ts';
import { PSYCHOANALYSIS } from '../valuesets/catalog/psychoanalysis.ts';
import { typeInAny } from './encounter-facts.ts';

/** NUCC Health Care Provider Taxonomy code system. */
export const NUCC_TAXONOMY = 'http://nucc.org/provider-taxonomy';

/**
 * NUCC taxonomy codes (or code prefixes, ending before the trailing `X`) of mental-health
 * practitioners: psychiatry (2084P0800X, child & adolescent 2084P0804X, geriatric 2084P0805X,
 * addiction 2084P0802X), psychologists (103T…), psychoanalyst 102L00000X, clinical social worker
 * 1041C0700X, mental-health counselor 101YM0800X, professional counselor 101YP2500X, addiction
 * counselor 101YA0400X, marriage & family therapist 106H00000X, psychiatric/mental-health nurse
 * practitioner 363LP0808X and clinical nurse specialist 364SP0808X (https://taxonomy.nucc.org).
 */
export const MENTAL_HEALTH_TAXONOMY_PREFIXES: readonly string[] = [
  '2084P0800X',
  '2084P0804X',
  '2084P0805X',
  '2084P0802X',
  '103T',
  '102L00000X',
  '1041C0700X',
  '101YM0800X',
  '101YP2500X',
  '101YA0400X',
  '106H00000X',
  '363LP0808X',
  '364SP0808X',
];

/** Encounter types that are behavioral-health services (see the file comment, 2). */
export const BEHAVIORAL_HEALTH_SERVICE_VALUE_SETS: readonly string[] = [
  PSYCH_VISIT_DIAGNOSTIC_EVALUATION,
  PSYCH_VISIT_PSYCHOTHERAPY,
  PSYCHOANALYSIS,
].map((v) => v.url);

function isMentalHealthTaxonomy(concept: fhir4.CodeableConcept | undefined): boolean {
  return codingsOf(concept).some(
    (c) =>
      !!c.system &&
      normalizeSystem(c.system) === NUCC_TAXONOMY &&
      typeof c.code === 'string' &&
      MENTAL_HEALTH_TAXONOMY_PREFIXES.some((p) => c.code!.trim().toUpperCase().startsWith(p)),
  );
}

function byReference<T extends fhir4.Resource>(
  ctx: EvaluationContext,
  type: T['resourceType'],
  reference: string | undefined,
): T | undefined {
  if (typeof reference !== 'string') {
    return undefined;
  }
  const [t, id] = reference.split('/').slice(-2);
  if (t !== type || !id) {
    return undefined;
  }
  return ctx.ofType<T>(type).find((r) => r.id === id);
}

/** Whether a participant of the encounter is a PractitionerRole / Practitioner with a mental-health taxonomy. */
function hasMentalHealthParticipant(ctx: EvaluationContext, enc: fhir4.Encounter): boolean {
  for (const p of Array.isArray(enc.participant) ? enc.participant : []) {
    const ref = p?.individual?.reference;
    const role = byReference<fhir4.PractitionerRole>(ctx, 'PractitionerRole', ref);
    if (role && (role.specialty ?? []).some(isMentalHealthTaxonomy)) {
      return true;
    }
    const practitioner = byReference<fhir4.Practitioner>(
      ctx,
      'Practitioner',
      role ? role.practitioner?.reference : ref,
    );
    if (practitioner && (practitioner.qualification ?? []).some((q) => isMentalHealthTaxonomy(q?.code))) {
      return true;
    }
  }
  return false;
}

/** Whether the visit was with a mental-health practitioner (taxonomy of a participant, or a behavioral-health service type). */
export function isMentalHealthPractitionerVisit(ctx: EvaluationContext, enc: fhir4.Encounter): boolean {
  return typeInAny(ctx, enc, BEHAVIORAL_HEALTH_SERVICE_VALUE_SETS) || hasMentalHealthParticipant(ctx, enc);
}
