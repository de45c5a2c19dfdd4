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
import { pinnedRef } from '../../valuesets/value-set.ts';
import { FRAILTY_DIAGNOSIS } from '../../valuesets/catalog/frailty-diagnosis.ts';
import { FRAILTY_ENCOUNTER } from '../../valuesets/catalog/frailty-encounter.ts';
import { FRAILTY_SYMPTOM } from '../../valuesets/catalog/frailty-symptom.ts';
import { ageAtLeast, ageWithin } from '../../cql/age.ts';
import { DAY, toDateTime } from '../../cql/date-time.ts';
import { sameOrBefore } from '../../cql/date-time-compare.ts';
import { dateTimeInterval, prevalenceInterval } from '../../cql/fhir-intervals.ts';
import { contains, endOf, includedIn, interval, overlaps, startOf, type CqlInterval } from '../../cql/interval.ts';
import { and3, isTrue, or3 } from '../../cql/logic.ts';
import { periodEnd, yearsBeforeThroughEnd } from '../../cql/measurement-period.ts';
import { medicationRequestPeriod } from '../../cql/medication-request-period.ts';
import { sortAscending } from '../../cql/sort.ts';
import { ageAtPeriodEnd } from './age-bands.ts';
import { conceptHas } from './concept-match.ts';
import {
  conditionsIn,
  deviceRequestsIn,
  displayOf,
  encountersIn,
  medicationRequestsIn,
  observationsIn,
  observationsWithCode,
  refOf,
} from './qicore-retrieve.ts';
import {
  isEncounterPerformed,
  isMedicationActive,
  isObservationPerformed,
  isOrder,
  isSymptom,
  isVerified,
} from './status-filters.ts';

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
  const mp = ctx.measurementPeriod;
  const birth = ctx.record.patient.birthDate;
  const out: Evidence[] = [];
  for (const d of deviceRequestsIn(ctx, FRAILTY_DEVICE)) {
    // authoredOn.toInterval() during day of "Measurement Period"
    if (isOrder(d) && isTrue(includedIn(dateTimeInterval(d.authoredOn), mp, DAY))) {
      out.push({
        reference: refOf(d),
        rule: 'frailty',
        date: d.authoredOn,
        display: displayOf(d.codeCodeableConcept) ?? 'Frailty device ordered',
      });
    }
  }
  for (const o of observationsWithCode(ctx, LOINC, MEDICAL_EQUIPMENT_USED)) {
    // effective.toInterval() ends during day of "Measurement Period"
    if (
      isObservationPerformed(o) &&
      ctx.valueSets.hasConcept(pinnedRef(FRAILTY_DEVICE), o.valueCodeableConcept) &&
      isTrue(contains(mp, endOf(ctx.effectiveOf(o).interval), DAY))
    ) {
      out.push({
        reference: refOf(o),
        rule: 'frailty',
        date: o.effectiveDateTime ?? o.effectivePeriod?.end,
        display: 'Medical equipment used',
        value: displayOf(o.valueCodeableConcept),
      });
    }
  }
  for (const c of conditionsIn(ctx, FRAILTY_DIAGNOSIS)) {
    if (isVerified(c) && isTrue(overlaps(prevalenceInterval(c, birth), mp, DAY))) {
      out.push({
        reference: refOf(c),
        rule: 'frailty',
        date: c.onsetDateTime,
        display: displayOf(c.code) ?? 'Frailty diagnosis',
      });
    }
  }
  for (const e of encountersIn(ctx, FRAILTY_ENCOUNTER)) {
    if (isEncounterPerformed(e) && isTrue(overlaps(ctx.periodOf(e).interval, mp, DAY))) {
      out.push({
        reference: refOf(e),
        rule: 'frailty',
        date: e.period?.start,
        display: displayOf(e.type?.[0]) ?? 'Frailty encounter',
      });
    }
  }
  for (const o of observationsIn(ctx, FRAILTY_SYMPTOM)) {
    if (isSymptom(o) && isTrue(overlaps(ctx.effectiveOf(o).interval, mp, DAY))) {
      out.push({
        reference: refOf(o),
        rule: 'frailty',
        date: o.effectiveDateTime ?? o.effectivePeriod?.start,
        display: displayOf(o.code) ?? 'Frailty symptom',
      });
    }
  }
  return out;
}

/**
 * "Has Advanced Illness in Year Before or During Measurement Period" or "Has Dementia
 * Medications in Year Before or During Measurement Period": evidence (empty when none).
 */
export function advancedIllnessEvidence(ctx: EvaluationContext): Evidence[] {
  const window = yearsBeforeThroughEnd(ctx.measurementPeriod, 1);
  const birth = ctx.record.patient.birthDate;
  const out: Evidence[] = [];
  for (const c of conditionsIn(ctx, ADVANCED_ILLNESS)) {
    // prevalenceInterval() starts during day of Interval[start of MP - 1 year, end of MP]
    if (isVerified(c) && isTrue(contains(window, startOf(prevalenceInterval(c, birth)), DAY))) {
      out.push({
        reference: refOf(c),
        rule: 'advanced-illness',
        date: c.onsetDateTime,
        display: displayOf(c.code) ?? 'Advanced illness',
      });
    }
  }
  for (const m of medicationRequestsIn(ctx, DEMENTIA_MEDICATIONS)) {
    // medicationRequestPeriod() overlaps day of the window; CMD's Interval<Date> is converted to
    // DateTimes boundary by boundary, so a null period becomes Interval[null, null]: unbounded
    if (isMedicationActive(m) && isTrue(overlaps(dateTimeIntervalOf(medicationRequestPeriod(m)), window, DAY))) {
      out.push({
        reference: refOf(m),
        rule: 'dementia-medication',
        date: m.authoredOn,
        display: displayOf(m.medicationCodeableConcept) ?? 'Dementia medication',
      });
    }
  }
  return out;
}

/**
 * `Interval[ToDateTime(p.low), ToDateTime(p.high)]` with p's closedness, as the translator converts
 * an `Interval<Date>` (CMD) for a DateTime comparison: a null p gives `Interval[null, null]`.
 */
function dateTimeIntervalOf(p: CqlInterval | null): CqlInterval {
  if (!p) {
    return interval(null, null);
  }
  return interval(p.low && toDateTime(p.low), p.high && toDateTime(p.high), p.lowClosed, p.highClosed);
}

/** "Is Age 66 or Older with Advanced Illness and Frailty" (CMS122, CMS125, CMS130). */
export function advancedIllnessAndFrailtyExclusion(ctx: EvaluationContext): Evidence[] {
  if (!isTrue(ageAtLeast(ageAtPeriodEnd(ctx), FRAILTY_MIN_AGE))) {
    return [];
  }
  const frailty = frailtyEvidence(ctx);
  if (!frailty.length) {
    return [];
  }
  const illness = advancedIllnessEvidence(ctx);
  return illness.length ? [...frailty, ...illness] : [];
}

/**
 * "Is Age 66 to 80 with Advanced Illness and Frailty or Is Age 81 or Older with Frailty" (CMS165):
 * from 81 frailty alone excludes.
 */
export function frailtyByAgeBandExclusion(ctx: EvaluationContext): Evidence[] {
  const age = ageAtPeriodEnd(ctx);
  const middle = ageWithin(age, FRAILTY_MIN_AGE, FRAILTY_ALONE_MIN_AGE - 1);
  const old = ageAtLeast(age, FRAILTY_ALONE_MIN_AGE);
  if (middle === false && old === false) {
    return [];
  }
  const frailty = frailtyEvidence(ctx);
  if (!frailty.length) {
    return [];
  }
  if (isTrue(old)) {
    return frailty;
  }
  const illness = advancedIllnessEvidence(ctx);
  // (66–80 and frailty and illness) or (81+ and frailty), three-valued: a year-only birth date
  // that leaves 80 or 81 open still excludes when both branches would
  return isTrue(or3(and3(middle, illness.length > 0), old)) ? [...frailty, ...illness] : [];
}

/**
 * "Is Age 66 or Older Living Long Term in a Nursing Home": the most recent housing-status
 * assessment ending on or before the period end says "lives in nursing home".
 */
export function nursingHomeExclusion(ctx: EvaluationContext): Evidence[] {
  if (!isTrue(ageAtLeast(ageAtPeriodEnd(ctx), NURSING_HOME_MIN_AGE))) {
    return [];
  }
  const end = periodEnd(ctx.measurementPeriod);
  // Last(… where effective.toInterval() ends on or before day of end of MP sort by end of effective.toInterval())
  const candidates = observationsWithCode(ctx, LOINC, HOUSING_STATUS).filter(
    (o) => isObservationPerformed(o) && isTrue(sameOrBeforeOrNull(endOf(ctx.effectiveOf(o).interval), end)),
  );
  const sorted = sortAscending(candidates, (o) => endOf(ctx.effectiveOf(o).interval));
  const last = sorted[sorted.length - 1];
  if (!last || !conceptHas(last.valueCodeableConcept, SNOMED, LIVES_IN_NURSING_HOME)) {
    return [];
  }
  return [
    {
      reference: refOf(last),
      rule: 'long-term-care',
      date: last.effectiveDateTime ?? last.effectivePeriod?.end,
      display: 'Housing status',
      value: 'Lives in nursing home',
    },
  ];
}

/** `a same or before day of b`, null when `a` is null. */
function sameOrBeforeOrNull(a: ReturnType<typeof endOf>, b: NonNullable<ReturnType<typeof endOf>>) {
  return a ? sameOrBefore(a, b, DAY) : null;
}
