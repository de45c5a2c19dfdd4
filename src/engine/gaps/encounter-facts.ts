/**
 * What the follow-up gaps read from an Encounter: its classes, whether it took place, its first and
 * last day, and its diagnoses. FHIR has no single "principal diagnosis" element, so the principal
 * one is (in order) the Encounter.diagnosis with rank 1, else the one whose use is `billing` or
 * `DD` (discharge diagnosis), else the first listed diagnosis, else the first reasonCode — rank 1
 * is how US Core EHRs send the principal diagnosis (https://hl7.org/fhir/R4/encounter-definitions.html#Encounter.diagnosis.rank).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { ACT_CODE, normalizeSystem } from '../codes/code-systems.ts';
import { codingsOf, conceptsOf } from '../fhir/codings.ts';
import { daySpan } from '../cql/calendar-days.ts';
import { parseDateTime } from '../cql/date-time.ts';

/** Diagnosis roles (http://terminology.hl7.org/CodeSystem/diagnosis-role) that mark the principal diagnosis. */
export const PRINCIPAL_DIAGNOSIS_ROLES = ['billing', 'DD'] as const;
/** Encounter statuses meaning the encounter did not take place. */
export const NOT_TAKEN_PLACE = ['planned', 'cancelled', 'entered-in-error'] as const;

/** `Encounter/id`. */
export function encounterRef(enc: fhir4.Encounter): string {
  return `Encounter/${enc.id ?? 'unknown'}`;
}

/** The v3 ActCode class codes of an encounter (R4 has one class; tolerates an array). */
export function classCodes(enc: fhir4.Encounter): string[] {
  const cls = enc.class as fhir4.Coding | fhir4.Coding[] | undefined;
  const list = Array.isArray(cls) ? cls : cls ? [cls] : [];
  return list
    .filter((c) => c && typeof c.code === 'string' && (!c.system || normalizeSystem(c.system) === ACT_CODE))
    .map((c) => c.code!.trim());
}

/** Whether any class of the encounter is one of `codes`. */
export function hasClass(enc: fhir4.Encounter, codes: readonly string[]): boolean {
  return classCodes(enc).some((c) => codes.includes(c));
}

/** Whether the encounter's type is in one of the value sets. */
export function typeInAny(ctx: EvaluationContext, enc: fhir4.Encounter, valueSetUrls: readonly string[]): boolean {
  return conceptsOf(enc.type).some((t) => valueSetUrls.some((url) => ctx.valueSets.hasConcept(url, t)));
}

/** Whether the encounter took place (not planned, cancelled or entered in error). */
export function tookPlace(enc: fhir4.Encounter): boolean {
  return !!enc && typeof enc === 'object' && !(NOT_TAKEN_PLACE as readonly string[]).includes(enc.status);
}

/**
 * The single day of `period.start` / `period.end` as written; `undefined` when absent
 * or coarser than a day. An unreadable value is reported once as a data issue.
 */
export function encounterDay(ctx: EvaluationContext, enc: fhir4.Encounter, end: 'start' | 'end'): number | undefined {
  const raw = enc.period?.[end];
  if (raw === undefined) return undefined;
  const v = parseDateTime(raw);
  const range = v ? daySpan(v) : undefined;
  if (!range || range.low !== range.high) {
    ctx.issue({
      resourceType: 'Encounter',
      ...(enc.id ? { id: enc.id } : {}),
      field: `period.${end}`,
      message: 'not a date of day precision: encounter ignored by the follow-up gaps',
      severity: 'warning',
    });
    return undefined;
  }
  return range.low;
}

function conditionById(ctx: EvaluationContext, reference: string | undefined): fhir4.Condition | undefined {
  if (typeof reference !== 'string') return undefined;
  const id = reference.split('/').pop();
  return id ? ctx.ofType<fhir4.Condition>('Condition').find((c) => c.id === id) : undefined;
}

function listedDiagnoses(enc: fhir4.Encounter): fhir4.EncounterDiagnosis[] {
  return Array.isArray(enc.diagnosis) ? enc.diagnosis.filter((d) => d && typeof d === 'object') : [];
}

/** The principal diagnosis of an encounter (see the file comment for the order of preference). */
export function principalDiagnosis(ctx: EvaluationContext, enc: fhir4.Encounter): fhir4.CodeableConcept | undefined {
  const dx = listedDiagnoses(enc);
  const chosen =
    dx.find((d) => d.rank === 1) ??
    dx.find((d) => codingsOf(d.use).some((c) => (PRINCIPAL_DIAGNOSIS_ROLES as readonly string[]).includes(c.code ?? ''))) ??
    dx[0];
  // a diagnosis whose Condition is not in the record falls back to the reason code
  return (chosen ? conditionById(ctx, chosen.condition?.reference)?.code : undefined) ?? conceptsOf(enc.reasonCode)[0];
}

/** Every diagnosis of an encounter: listed diagnoses (via their Conditions) and reason codes. */
export function allDiagnoses(ctx: EvaluationContext, enc: fhir4.Encounter): fhir4.CodeableConcept[] {
  const out: fhir4.CodeableConcept[] = [];
  for (const d of listedDiagnoses(enc)) {
    const code = conditionById(ctx, d.condition?.reference)?.code;
    if (code) out.push(code);
  }
  out.push(...conceptsOf(enc.reasonCode));
  return out;
}
