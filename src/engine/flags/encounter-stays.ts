/**
 * Emergency-department visits and inpatient stays as the utilisation flags count them.
 * ED visit: Encounter.class EMER, or a type in the eCQM "Emergency Department Evaluation and
 * Management Visit" value set; dated on its start day. Inpatient stay: class in the policy's
 * inpatient classes (IMP, ACUTE) or a type in "Encounter Inpatient"; admitted on the start day,
 * discharged on the end day. Planned, cancelled and entered-in-error encounters never count.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { RiskPolicy } from '../config/risk-policy.ts';
import { ACT_CODE, normalizeSystem } from '../codes/code-systems.ts';
import { EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT } from '../valuesets/catalog/emergency-department-evaluation-and-management-visit.ts';
import { ENCOUNTER_INPATIENT } from '../valuesets/catalog/encounter-inpatient.ts';
import { codingsOf, conceptsOf } from '../fhir/codings.ts';
import { dateDay, refOf } from './event-days.ts';

/** v3 ActCode encounter class of an emergency visit. */
export const ED_CLASS = 'EMER';
/** Encounter statuses that mean the encounter did not (yet) happen. */
const NOT_HAPPENED = new Set(['planned', 'cancelled', 'entered-in-error']);
/** Diagnosis roles (diagnosis-role code system) that mark the principal / billing diagnosis. */
const PRINCIPAL_ROLES = ['billing', 'DD', 'AD', 'CC'];

/** An ED visit. */
export interface EdVisit {
  encounter: fhir4.Encounter;
  reference: string;
  day: number;
}

/** An inpatient stay. */
export interface InpatientStay {
  encounter: fhir4.Encounter;
  reference: string;
  admitDay: number;
  /** Undefined while the patient is still admitted (or the end is unreadable). */
  dischargeDay?: number;
}

function classCodes(enc: fhir4.Encounter): string[] {
  const cls = enc.class as fhir4.Coding | fhir4.Coding[] | undefined;
  const list = Array.isArray(cls) ? cls : cls ? [cls] : [];
  return list
    .filter((c) => c && typeof c.code === 'string' && (!c.system || normalizeSystem(c.system) === ACT_CODE))
    .map((c) => c.code!.trim());
}

function typeIn(ctx: EvaluationContext, enc: fhir4.Encounter, url: string): boolean {
  return conceptsOf(enc.type).some((t) => ctx.valueSets.hasConcept(url, t));
}

function happened(enc: fhir4.Encounter): boolean {
  return !!enc && typeof enc === 'object' && !NOT_HAPPENED.has(enc.status);
}

const edCache = new WeakMap<EvaluationContext, EdVisit[]>();
const stayCache = new WeakMap<EvaluationContext, InpatientStay[]>();

/** ED visits up to asOf, oldest first. */
export function edVisits(ctx: EvaluationContext): EdVisit[] {
  let hit = edCache.get(ctx);
  if (hit) {
    return hit;
  }
  hit = [];
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!happened(enc)) {
      continue;
    }
    if (
      !classCodes(enc).includes(ED_CLASS) &&
      !typeIn(ctx, enc, EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT.url)
    ) {
      continue;
    }
    const day =
      dateDay(ctx, enc, 'period.start', enc.period?.start) ?? dateDay(ctx, enc, 'period.end', enc.period?.end);
    if (day === undefined || day > ctx.asOfDay) {
      continue;
    }
    hit.push({ encounter: enc, reference: refOf(enc), day });
  }
  hit.sort((a, b) => a.day - b.day || a.reference.localeCompare(b.reference));
  edCache.set(ctx, hit);
  return hit;
}

/** Inpatient stays admitted up to asOf, oldest admission first. */
export function inpatientStays(ctx: EvaluationContext, policy: RiskPolicy): InpatientStay[] {
  let hit = stayCache.get(ctx);
  if (hit) {
    return hit;
  }
  hit = [];
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!happened(enc)) {
      continue;
    }
    const inpatient =
      classCodes(enc).some((c) => policy.inpatient.inpatientClasses.includes(c)) ||
      typeIn(ctx, enc, ENCOUNTER_INPATIENT.url);
    if (!inpatient) {
      continue;
    }
    const admitDay = dateDay(ctx, enc, 'period.start', enc.period?.start);
    if (admitDay === undefined || admitDay > ctx.asOfDay) {
      continue;
    }
    const end = dateDay(ctx, enc, 'period.end', enc.period?.end);
    const stay: InpatientStay = { encounter: enc, reference: refOf(enc), admitDay };
    if (end !== undefined && end >= admitDay && end <= ctx.asOfDay) {
      stay.dischargeDay = end;
    }
    hit.push(stay);
  }
  hit.sort((a, b) => a.admitDay - b.admitDay || a.reference.localeCompare(b.reference));
  stayCache.set(ctx, hit);
  return hit;
}

/**
 * The principal diagnosis of an encounter: the Encounter.diagnosis with rank 1, else the one whose
 * use is billing / discharge / admission / chief complaint, else the first; its Condition is looked
 * up in the record. Without diagnoses, the first reasonCode. (Documented choice: FHIR has no single
 * "principal" element; rank 1 is how US Core EHRs send it.)
 */
export function principalDiagnosis(ctx: EvaluationContext, enc: fhir4.Encounter): fhir4.CodeableConcept | undefined {
  const dx = Array.isArray(enc.diagnosis) ? enc.diagnosis.filter((d) => d && typeof d === 'object') : [];
  const chosen =
    dx.find((d) => d.rank === 1) ??
    dx.find((d) => codingsOf(d.use).some((c) => PRINCIPAL_ROLES.includes(c.code ?? ''))) ??
    dx[0];
  if (chosen) {
    const ref = chosen.condition?.reference;
    const id = typeof ref === 'string' ? ref.split('/').pop() : undefined;
    const cond = id ? ctx.ofType<fhir4.Condition>('Condition').find((c) => c.id === id) : undefined;
    if (cond?.code) {
      return cond.code;
    }
  }
  return conceptsOf(enc.reasonCode)[0];
}
