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
import { daySpan, type DayRange } from '../cql/calendar-days.ts';
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
 * The single day of a FHIR date/dateTime value as written (cql/calendar-days.ts); `undefined` when
 * absent or coarser than a day. An unreadable or imprecise value is reported once as a data issue naming the
 * resource and field. The one place the follow-up gaps turn a FHIR date into a day.
 */
export function dayOfValue(
  ctx: EvaluationContext,
  raw: unknown,
  where: { resourceType: string; id?: string | undefined; field: string },
): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const range = dayRangeOfValue(raw);
  if (!range || range.low !== range.high) {
    ctx.issue({
      resourceType: where.resourceType,
      ...(where.id ? { id: where.id } : {}),
      field: where.field,
      message: 'not a date of day precision: ignored by the follow-up gaps',
      severity: 'warning',
    });
    return undefined;
  }
  return range.low;
}

/** The days a FHIR date/dateTime value falls on as written (low = high at day precision or finer); silent. */
export function dayRangeOfValue(raw: unknown): DayRange | undefined {
  const v = parseDateTime(raw);
  return v ? daySpan(v) : undefined;
}

/** The single day of `period.start` / `period.end` as written (see {@link dayOfValue}). */
export function encounterDay(ctx: EvaluationContext, enc: fhir4.Encounter, end: 'start' | 'end'): number | undefined {
  return dayOfValue(ctx, enc.period?.[end], { resourceType: 'Encounter', id: enc.id, field: `period.${end}` });
}

/** The day a Procedure was performed (`performedDateTime`, else `performedPeriod.start`; see {@link dayOfValue}). */
export function procedureDay(ctx: EvaluationContext, p: fhir4.Procedure): number | undefined {
  const timed = p.performedDateTime !== undefined;
  return dayOfValue(ctx, timed ? p.performedDateTime : p.performedPeriod?.start, {
    resourceType: 'Procedure',
    id: p.id,
    field: timed ? 'performedDateTime' : 'performedPeriod.start',
  });
}

const CONDITIONS_BY_ID = new WeakMap<EvaluationContext, Map<string, fhir4.Condition>>();

function conditionById(ctx: EvaluationContext, reference: string | undefined): fhir4.Condition | undefined {
  if (typeof reference !== 'string') {
    return undefined;
  }
  const id = reference.split('/').pop();
  if (!id) {
    return undefined;
  }
  let byId = CONDITIONS_BY_ID.get(ctx);
  if (!byId) {
    byId = new Map();
    // the first Condition with an id wins, as Array.find would
    for (const c of ctx.ofType<fhir4.Condition>('Condition')) {
      if (typeof c?.id === 'string' && !byId.has(c.id)) {
        byId.set(c.id, c);
      }
    }
    CONDITIONS_BY_ID.set(ctx, byId);
  }
  return byId.get(id);
}

function listedDiagnoses(enc: fhir4.Encounter): fhir4.EncounterDiagnosis[] {
  return Array.isArray(enc.diagnosis) ? enc.diagnosis.filter((d) => d && typeof d === 'object') : [];
}

/** The principal diagnosis of an encounter (see the file comment for the order of preference). */
export function principalDiagnosis(ctx: EvaluationContext, enc: fhir4.Encounter): fhir4.CodeableConcept | undefined {
  const dx = listedDiagnoses(enc);
  const chosen =
    dx.find((d) => d.rank === 1) ??
    dx.find((d) =>
      codingsOf(d.use).some((c) => (PRINCIPAL_DIAGNOSIS_ROLES as readonly string[]).includes(c.code ?? '')),
    ) ??
    dx[0];
  // a diagnosis whose Condition is not in the record falls back to the reason code
  return (chosen ? conditionById(ctx, chosen.condition?.reference)?.code : undefined) ?? conceptsOf(enc.reasonCode)[0];
}

/** Every diagnosis of an encounter: listed diagnoses (via their Conditions) and reason codes. */
export function allDiagnoses(ctx: EvaluationContext, enc: fhir4.Encounter): fhir4.CodeableConcept[] {
  const out: fhir4.CodeableConcept[] = [];
  for (const d of listedDiagnoses(enc)) {
    const code = conditionById(ctx, d.condition?.reference)?.code;
    if (code) {
      out.push(code);
    }
  }
  out.push(...conceptsOf(enc.reasonCode));
  return out;
}
