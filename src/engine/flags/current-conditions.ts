/**
 * Which Conditions count as a patient's current diagnoses for the flags: clinicalStatus in the
 * policy's current list (active, recurrence, relapse, remission — inactive and resolved are
 * history), verificationStatus not refuted / entered-in-error. A Condition with no clinicalStatus
 * (common for encounter diagnoses) counts unless it has abated, since US Core only omits the status
 * for entered-in-error records.
 * As of asOf (nothing dated after asOf counts): a Condition whose onset — or, without onset, whose
 * recordedDate — lies after asOf is not yet known; one recorded after asOf was not known at asOf
 * either; one that abated (or was resolved) only AFTER asOf was still current on asOf.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { RiskPolicy } from '../config/risk-policy.ts';
import { codingsOf } from '../fhir/codings.ts';
import { codingInGroup, type DiagnosisGroup } from '../codes/diagnosis-groups.ts';
import { SNOMED, normalizeSystem } from '../codes/code-systems.ts';
import { dateDay, refOf } from './event-days.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { Evidence } from '../types.ts';
import { humanName } from './statement-format.ts';

/** A current diagnosis with the status that qualified it. */
export interface CurrentCondition {
  condition: fhir4.Condition;
  /** clinicalStatus code, `undefined` when absent. */
  clinicalStatus?: string;
  /** Onset or recorded day, when readable. */
  day?: number;
}

const cache = new WeakMap<EvaluationContext, CurrentCondition[]>();

/** The current Conditions of the record (cached per evaluation). */
export function currentConditions(ctx: EvaluationContext, policy: RiskPolicy): CurrentCondition[] {
  const hit = cache.get(ctx);
  if (hit) {
    return hit;
  }
  const out: CurrentCondition[] = [];
  for (const c of ctx.ofType<fhir4.Condition>('Condition')) {
    if (!c || typeof c !== 'object') {
      continue;
    }
    const verification = codingsOf(c.verificationStatus)[0]?.code;
    if (verification && policy.diagnoses.excludedVerificationStatuses.includes(verification)) {
      continue;
    }
    const recorded = dateDay(ctx, c, 'recordedDate', c.recordedDate);
    if (recorded !== undefined && recorded > ctx.asOfDay) {
      continue;
    } // recorded after asOf: not known yet
    const day = dateDay(ctx, c, 'onsetDateTime', c.onsetDateTime) ?? recorded;
    if (day !== undefined && day > ctx.asOfDay) {
      continue;
    }
    const abated =
      dateDay(ctx, c, 'abatementDateTime', c.abatementDateTime) ??
      dateDay(ctx, c, 'abatementPeriod.start', c.abatementPeriod?.start);
    const abatedAfterAsOf = abated !== undefined && abated > ctx.asOfDay;
    let clinical = codingsOf(c.clinicalStatus)[0]?.code;
    if (clinical !== undefined && !policy.diagnoses.currentClinicalStatuses.includes(clinical)) {
      // resolved only after asOf: on asOf it was still active
      if (!abatedAfterAsOf) {
        continue;
      }
      clinical = 'active';
    }
    if (
      clinical === undefined &&
      (c.abatementDateTime || c.abatementPeriod || c.abatementAge || c.abatementString) &&
      !abatedAfterAsOf
    ) {
      continue;
    }
    out.push({
      condition: c,
      ...(clinical ? { clinicalStatus: clinical } : {}),
      ...(day !== undefined ? { day } : {}),
    });
  }
  cache.set(ctx, out);
  return out;
}

/** SNOMED codes of a group as a set (the MCC groups list hundreds of value-set members). */
const snomedSets = new WeakMap<DiagnosisGroup, ReadonlySet<string>>();

function inGroup(group: DiagnosisGroup, c: fhir4.Coding): boolean {
  if (typeof c.system === 'string' && typeof c.code === 'string' && normalizeSystem(c.system) === SNOMED) {
    let set = snomedSets.get(group);
    if (!set) {
      snomedSets.set(group, (set = new Set(group.snomed ?? [])));
    }
    return set.has(c.code.trim());
  }
  return codingInGroup(group, c);
}

/** The first coding of a concept that falls in a group (for the statement's display). */
export function groupCoding(
  group: DiagnosisGroup,
  concept: fhir4.CodeableConcept | undefined,
): fhir4.Coding | undefined {
  return codingsOf(concept).find((c) => inGroup(group, c));
}

/** Current conditions whose code falls in a group. */
export function currentInGroup(ctx: EvaluationContext, policy: RiskPolicy, group: DiagnosisGroup): CurrentCondition[] {
  return currentConditions(ctx, policy).filter((c) => groupCoding(group, c.condition.code) !== undefined);
}

/** A short label of a condition: display of its code, with the code in brackets when known. */
export function conditionLabel(group: DiagnosisGroup, c: fhir4.Condition): string {
  const coding = groupCoding(group, c.code);
  const text = coding?.display?.trim() || humanName(c.code) || (coding?.code ? 'diagnosis' : group.label);
  return coding?.code ? `${text} (${coding.code})` : text;
}

/** Evidence entry for a condition. */
export function conditionEvidence(rule: string, group: DiagnosisGroup, c: CurrentCondition): Evidence {
  const e: Evidence = { reference: refOf(c.condition), rule, display: conditionLabel(group, c.condition) };
  if (c.day !== undefined) {
    e.date = isoDay(c.day);
  }
  if (c.clinicalStatus) {
    e.value = c.clinicalStatus;
  }
  return e;
}
