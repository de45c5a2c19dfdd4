/**
 * AdvancedIllnessandFrailty: frailty (device order or use, diagnosis, encounter, symptom in the
 * period), advanced illness (diagnosis starting in the year before or during the period) or
 * dementia medication (active in that window), the age-banded combinations the measures exclude,
 * and "living long term in a nursing home" (most recent housing-status assessment).
 * Spec: AdvancedIllnessandFrailty 1.27.000 (ecqm-content-qicore-2025 input/cql/AdvancedIllnessandFrailty.cql).
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { LOINC, SNOMED } from '../../codes/code-systems.ts';
import type { Evidence } from '../../types.ts';
import { ADVANCED_ILLNESS } from '../../valuesets/catalog/advanced-illness.ts';
import { DEMENTIA_MEDICATIONS } from '../../valuesets/catalog/dementia-medications.ts';
import { FRAILTY_DEVICE } from '../../valuesets/catalog/frailty-device.ts';
import { FRAILTY_DIAGNOSIS } from '../../valuesets/catalog/frailty-diagnosis.ts';
import { FRAILTY_ENCOUNTER } from '../../valuesets/catalog/frailty-encounter.ts';
import { FRAILTY_SYMPTOM } from '../../valuesets/catalog/frailty-symptom.ts';
import { ageAtPeriodEnd } from './age-bands.ts';
import { conceptHas } from './concept-match.ts';
import { dayPoint, holds, le, overlaps, pointDuring, pointOfText, periodInterval } from './cql-interval.ts';
import { choiceInterval, instantOf, prevalenceInterval, timingChoice } from './choice-intervals.ts';
import { medicationRequestPeriod } from './medication-request-period.ts';
import { measurementPeriod, yearsBeforeThroughEnd } from './period-windows.ts';
import {
  conditionsIn, deviceRequestsIn, displayOf, encountersIn, medicationRequestsIn, observationsIn, observationsWithCode, refOf,
} from './qicore-retrieve.ts';
import { isEncounterPerformed, isMedicationActive, isObservationPerformed, isOrder, isSymptom, isVerified } from './status-filters.ts';

/** LOINC "Medical equipment used". */
export const MEDICAL_EQUIPMENT_USED = '98181-1';
/** LOINC "Housing status". */
export const HOUSING_STATUS = '71802-3';
/** SNOMED "Lives in nursing home (finding)". */
export const LIVES_IN_NURSING_HOME = '160734000';
/** Age from which frailty with advanced illness excludes. */
export const FRAILTY_MIN_AGE = 66;
/** Age from which frailty alone excludes (CMS165's band). */
export const FRAILTY_ALONE_MIN_AGE = 81;
/** Age from which long-term nursing-home residence excludes. */
export const NURSING_HOME_MIN_AGE = 66;

/** "Has Criteria Indicating Frailty": evidence (empty when none). */
export function frailtyEvidence(ctx: EvaluationContext): Evidence[] {
  const mp = measurementPeriod(ctx);
  const birth = ctx.record.patient.birthDate;
  const out: Evidence[] = [];
  for (const d of deviceRequestsIn(ctx, FRAILTY_DEVICE)) {
    const at = pointOfText(d.authoredOn, ctx.tz);
    if (isOrder(d) && at && holds(pointDuring(at, mp)))
      out.push({ reference: refOf(d), rule: 'frailty', date: d.authoredOn, display: displayOf(d.codeCodeableConcept) ?? 'Frailty device ordered' });
  }
  for (const o of observationsWithCode(ctx, LOINC, MEDICAL_EQUIPMENT_USED)) {
    const iv = choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz);
    if (isObservationPerformed(o) && ctx.valueSets.hasConcept(FRAILTY_DEVICE.url, o.valueCodeableConcept) && iv && holds(pointDuring(iv.high, mp)))
      out.push({ reference: refOf(o), rule: 'frailty', date: o.effectiveDateTime ?? o.effectivePeriod?.end, display: 'Medical equipment used', value: displayOf(o.valueCodeableConcept) });
  }
  for (const c of conditionsIn(ctx, FRAILTY_DIAGNOSIS)) {
    if (isVerified(c) && holds(overlaps(prevalenceInterval(c, birth, ctx.tz), mp)))
      out.push({ reference: refOf(c), rule: 'frailty', date: c.onsetDateTime, display: displayOf(c.code) ?? 'Frailty diagnosis' });
  }
  for (const e of encountersIn(ctx, FRAILTY_ENCOUNTER)) {
    const iv = periodInterval(e.period, ctx.tz);
    if (isEncounterPerformed(e) && iv && holds(overlaps(iv, mp)))
      out.push({ reference: refOf(e), rule: 'frailty', date: e.period?.start, display: displayOf(e.type?.[0]) ?? 'Frailty encounter' });
  }
  for (const o of observationsIn(ctx, FRAILTY_SYMPTOM)) {
    const iv = choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz);
    if (isSymptom(o) && iv && holds(overlaps(iv, mp)))
      out.push({ reference: refOf(o), rule: 'frailty', date: o.effectiveDateTime ?? o.effectivePeriod?.start, display: displayOf(o.code) ?? 'Frailty symptom' });
  }
  return out;
}

/**
 * "Has Advanced Illness in Year Before or During Measurement Period" or "Has Dementia
 * Medications in Year Before or During Measurement Period": evidence (empty when none).
 */
export function advancedIllnessEvidence(ctx: EvaluationContext): Evidence[] {
  const window = yearsBeforeThroughEnd(ctx, 1);
  const birth = ctx.record.patient.birthDate;
  const out: Evidence[] = [];
  for (const c of conditionsIn(ctx, ADVANCED_ILLNESS)) {
    if (isVerified(c) && holds(pointDuring(prevalenceInterval(c, birth, ctx.tz).low, window)))
      out.push({ reference: refOf(c), rule: 'advanced-illness', date: c.onsetDateTime, display: displayOf(c.code) ?? 'Advanced illness' });
  }
  for (const m of medicationRequestsIn(ctx, DEMENTIA_MEDICATIONS)) {
    const iv = medicationRequestPeriod(m, ctx.tz);
    if (isMedicationActive(m) && iv && holds(overlaps(iv, window)))
      out.push({ reference: refOf(m), rule: 'dementia-medication', date: m.authoredOn, display: displayOf(m.medicationCodeableConcept) ?? 'Dementia medication' });
  }
  return out;
}

/** "Is Age 66 or Older with Advanced Illness and Frailty" (CMS122, CMS125, CMS130). */
export function advancedIllnessAndFrailtyExclusion(ctx: EvaluationContext): Evidence[] {
  const age = ageAtPeriodEnd(ctx);
  if (age === undefined || age < FRAILTY_MIN_AGE) return [];
  const frailty = frailtyEvidence(ctx);
  if (!frailty.length) return [];
  const illness = advancedIllnessEvidence(ctx);
  return illness.length ? [...frailty, ...illness] : [];
}

/**
 * "Is Age 66 to 80 with Advanced Illness and Frailty or Is Age 81 or Older with Frailty" (CMS165):
 * from 81 frailty alone excludes.
 */
export function frailtyByAgeBandExclusion(ctx: EvaluationContext): Evidence[] {
  const age = ageAtPeriodEnd(ctx);
  if (age === undefined || age < FRAILTY_MIN_AGE) return [];
  const frailty = frailtyEvidence(ctx);
  if (!frailty.length) return [];
  if (age >= FRAILTY_ALONE_MIN_AGE) return frailty;
  const illness = advancedIllnessEvidence(ctx);
  return illness.length ? [...frailty, ...illness] : [];
}

/**
 * "Is Age 66 or Older Living Long Term in a Nursing Home": the most recent housing-status
 * assessment ending on or before the period end says "lives in nursing home".
 */
export function nursingHomeExclusion(ctx: EvaluationContext): Evidence[] {
  const age = ageAtPeriodEnd(ctx);
  if (age === undefined || age < NURSING_HOME_MIN_AGE) return [];
  const birth = ctx.record.patient.birthDate;
  const end = dayPoint(ctx.periodEndDay);
  const candidates = observationsWithCode(ctx, LOINC, HOUSING_STATUS)
    .filter(isObservationPerformed)
    .map((o) => ({ o, iv: choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz) }))
    .filter((x) => x.iv && holds(le(x.iv.high, end)))
    .sort((a, b) => a.iv!.high.lo - b.iv!.high.lo || endInstant(a.o) - endInstant(b.o));
  const last = candidates[candidates.length - 1]?.o;
  if (!last || !conceptHas(last.valueCodeableConcept, SNOMED, LIVES_IN_NURSING_HOME)) return [];
  return [{ reference: refOf(last), rule: 'long-term-care', date: last.effectiveDateTime ?? last.effectivePeriod?.end, display: 'Housing status', value: 'Lives in nursing home' }];
}

function endInstant(o: fhir4.Observation): number {
  return instantOf(o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.end ?? o.effectivePeriod?.start);
}
