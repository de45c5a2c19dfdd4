/**
 * CMS165 Controlling High Blood Pressure (FHIR 0.5.000, 2026): adults 18–85 with essential
 * hypertension overlapping the first six months of the period and an outpatient visit; the
 * numerator needs the lowest systolic < 140 AND the lowest diastolic < 90 on the most recent day
 * with a qualifying reading. Excluded: hospice, pregnancy / ESRD / kidney transplant / CKD 5,
 * dialysis or transplant procedures, ESRD monthly services, 66–80 with frailty and advanced
 * illness or 81+ with frailty, 66+ in long-term nursing home care, palliative care.
 * Spec: https://madie.cms.gov/Measure/CMS165FHIRControllingHighBloodPressure (CQL
 * CMS165FHIRControllingHighBloodPressure 0.5.000, ecqm-content-qicore-2025).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import type { Evidence, MeasureResult } from '../types.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { cqlText, dateFrom, type CqlDateTime } from '../cql/date-time.ts';
import { sameOrBefore } from '../cql/date-time-compare.ts';
import { choiceRead, prevalenceInterval } from '../cql/fhir-intervals.ts';
import { endOf, overlaps, startOf } from '../cql/interval.ts';
import { isTrue } from '../cql/logic.ts';
import { firstMonths, periodEnd } from '../cql/measurement-period.ts';
import { CHRONIC_KIDNEY_DISEASE_STAGE_5 } from '../valuesets/catalog/chronic-kidney-disease-stage-5.ts';
import { DIALYSIS_SERVICES } from '../valuesets/catalog/dialysis-services.ts';
import { END_STAGE_RENAL_DISEASE } from '../valuesets/catalog/end-stage-renal-disease.ts';
import { ESRD_MONTHLY_OUTPATIENT_SERVICES } from '../valuesets/catalog/esrd-monthly-outpatient-services.ts';
import { ESSENTIAL_HYPERTENSION } from '../valuesets/catalog/essential-hypertension.ts';
import { KIDNEY_TRANSPLANT } from '../valuesets/catalog/kidney-transplant.ts';
import { KIDNEY_TRANSPLANT_RECIPIENT } from '../valuesets/catalog/kidney-transplant-recipient.ts';
import { PREGNANCY } from '../valuesets/catalog/pregnancy.ts';
import { proportionResult } from './proportion.ts';
import { ageAtPeriodEnd, ageInBand } from './cql-libraries/age-bands.ts';
import { frailtyByAgeBandExclusion, nursingHomeExclusion } from './cql-libraries/advanced-illness-and-frailty.ts';
import { mostRecentBp, qualifyingBpReadings, type MostRecentBp } from './cql-libraries/blood-pressure-readings.ts';
import { hospiceEvidence } from './cql-libraries/hospice.ts';
import { ACO_MEASURE_TYPES, verdictReasons } from './cql-libraries/input-completeness.ts';
import { palliativeCareEvidence } from './cql-libraries/palliative-care.ts';
import { conditionsIn, displayOf, encountersIn, proceduresIn, refOf } from './cql-libraries/qicore-retrieve.ts';
import {
  ADULT_OUTPATIENT_ENCOUNTER_SETS,
  encounterEvidence,
  qualifyingEncounters,
} from './cql-libraries/qualifying-encounters.ts';
import { isEncounterPerformed, isProcedurePerformed, isVerified } from './cql-libraries/status-filters.ts';

/** Age band of the initial population (age at the end of the period). */
export const CMS165_AGE = { low: 18, high: 85 } as const;
/** The hypertension diagnosis must overlap this many first months of the period. */
export const HYPERTENSION_ONSET_MONTHS = 6;
/** Controlled means systolic below this (mm[Hg]). */
export const SYSTOLIC_LIMIT = 140;
/** Controlled means diastolic below this (mm[Hg]). */
export const DIASTOLIC_LIMIT = 90;

/** "Essential Hypertension Diagnosis": prevalence overlaps Interval[start of MP, start of MP + 6 months) — no precision, so times count. */
function hypertension(ctx: EvaluationContext): Evidence[] {
  const window = firstMonths(ctx.measurementPeriod, HYPERTENSION_ONSET_MONTHS);
  const birth = ctx.record.patient.birthDate;
  return conditionsIn(ctx, ESSENTIAL_HYPERTENSION)
    .filter((c) => isVerified(c) && isTrue(overlaps(prevalenceInterval(c, birth), window)))
    .map((c) => ({
      reference: refOf(c),
      rule: 'diagnosis',
      date: c.onsetDateTime,
      display: displayOf(c.code) ?? 'Essential hypertension',
    }));
}

/** "Pregnancy or Renal Diagnosis", "End Stage Renal Disease Procedures" and "… Encounter". */
function renalOrPregnancy(ctx: EvaluationContext): Evidence[] {
  const birth = ctx.record.patient.birthDate;
  const mp = ctx.measurementPeriod;
  const end = periodEnd(mp);
  const out: Evidence[] = [];
  for (const [vs, rule] of [
    [PREGNANCY, 'pregnancy'],
    [END_STAGE_RENAL_DISEASE, 'esrd'],
    [KIDNEY_TRANSPLANT_RECIPIENT, 'kidney-transplant'],
    [CHRONIC_KIDNEY_DISEASE_STAGE_5, 'ckd-5'],
  ] as const) {
    for (const c of conditionsIn(ctx, vs))
    // prevalenceInterval() overlaps "Measurement Period" (no precision)
    {
      if (isVerified(c) && isTrue(overlaps(prevalenceInterval(c, birth), mp))) {
        out.push({ reference: refOf(c), rule, date: c.onsetDateTime, display: displayOf(c.code) ?? rule });
      }
    }
  }
  for (const [vs, rule] of [
    [KIDNEY_TRANSPLANT, 'kidney-transplant'],
    [DIALYSIS_SERVICES, 'dialysis'],
  ] as const) {
    for (const p of proceduresIn(ctx, vs)) {
      // performed.toInterval() ends on or before end of "Measurement Period" (no precision)
      const ends = endOf(choiceRead(p, 'performed', birth).interval);
      if (isProcedurePerformed(p) && ends && isTrue(sameOrBefore(ends, end))) {
        out.push({
          reference: refOf(p),
          rule,
          date: p.performedDateTime ?? p.performedPeriod?.end,
          display: displayOf(p.code) ?? rule,
        });
      }
    }
  }
  for (const e of encountersIn(ctx, ESRD_MONTHLY_OUTPATIENT_SERVICES)) {
    // period starts on or before end of "Measurement Period" (no precision)
    const starts = startOf(ctx.periodOf(e).interval);
    if (isEncounterPerformed(e) && starts && isTrue(sameOrBefore(starts, end))) {
      out.push({
        reference: refOf(e),
        rule: 'esrd',
        date: e.period?.start,
        display: displayOf(e.type?.[0]) ?? 'ESRD monthly services',
      });
    }
  }
  return out;
}

/** The most recent BP day as written (`YYYY-MM-DD`, or coarser when the reading was). */
function bpDay(bp: MostRecentBp): string {
  return bp.day !== undefined ? isoDay(bp.day) : cqlText(bp.date);
}

/** A reading's date as written (its day when it has one). */
function cqlDateText(v: CqlDateTime): string {
  return cqlText(dateFrom(v));
}

function bpEvidence(bp: MostRecentBp): Evidence[] {
  return bp.readings.map((r) => ({
    reference: refOf(r.obs),
    rule: 'most-recent-bp',
    date: cqlDateText(r.latest),
    display: 'Blood pressure',
    value: `${r.systolic ?? '?'}/${r.diastolic ?? '?'} mm[Hg]`,
  }));
}

function closesFor(bp: MostRecentBp | undefined): string {
  if (!bp) {
    return 'Record a blood pressure (none this year)';
  }
  if (bp.systolic === undefined || bp.diastolic === undefined) {
    // CQL: a reading without both values is not "< 140 and < 90", so the numerator is not met — but
    // nothing says the pressure is high: ask for a readable reading, not a change of treatment.
    const missing =
      bp.systolic === undefined && bp.diastolic === undefined
        ? 'values'
        : bp.systolic === undefined
          ? 'systolic value'
          : 'diastolic value';
    return `BP on ${bpDay(bp)} has no readable ${missing}: recheck and record the BP`;
  }
  return `BP ${bp.systolic}/${bp.diastolic} on ${bpDay(bp)} — not below ${SYSTOLIC_LIMIT}/${DIASTOLIC_LIMIT}: adjust treatment and recheck`;
}

/** The CMS165 definition (`cms165`). */
export const CMS165: MeasureDefinition = {
  id: 'cms165',
  title: 'Controlling High Blood Pressure',
  url: 'https://madie.cms.gov/Measure/CMS165FHIRControllingHighBloodPressure',
  version: '0.5.000',
  requires: ACO_MEASURE_TYPES,
  gapIds: ['cms165'],
  eligibility: { ages: CMS165_AGE, ageOn: 'period-end', who: 'with hypertension diagnosed by 30 June of the year' },
  // The step follows what the record shows (result.closingStep): a high last BP asks for control;
  // no BP this year, or one without readable values, asks for a reading — not for a change of treatment.
  action: {
    priority: 90,
    steps: {
      default: { text: 'BP not controlled — recheck and adjust treatment' },
      record: { text: 'No blood pressure this year — record one' },
      recheck: { text: 'Last BP has no readable values — recheck and record it' },
    },
  },
  evaluate(ctx: EvaluationContext): MeasureResult {
    const age = ageAtPeriodEnd(ctx);
    const band = ageInBand(ctx, age, CMS165_AGE.low, CMS165_AGE.high);
    const inBand = isTrue(band);
    const htn = inBand ? hypertension(ctx) : [];
    const found =
      inBand && htn.length
        ? qualifyingEncounters(ctx, ADULT_OUTPATIENT_ENCOUNTER_SETS)
        : { encounters: [], doubtful: [] };
    const encounters = encounterEvidence(found.encounters);
    const ip = inBand && htn.length > 0 && encounters.length > 0;
    const exclusion = ip
      ? [
          ...hospiceEvidence(ctx),
          ...renalOrPregnancy(ctx),
          ...frailtyByAgeBandExclusion(ctx),
          ...nursingHomeExclusion(ctx),
          ...palliativeCareEvidence(ctx),
        ]
      : [];
    const bp = ip ? mostRecentBp(qualifyingBpReadings(ctx)) : undefined;
    const numerator =
      bp?.systolic !== undefined &&
      bp.diastolic !== undefined &&
      bp.systolic < SYSTOLIC_LIMIT &&
      bp.diastolic < DIASTOLIC_LIMIT;
    const due = isoDay(ctx.periodEndDay);
    const result = proportionResult(
      CMS165,
      {
        initialPopulation: ip,
        denominator: ip,
        denominatorExclusion: exclusion.length > 0,
        numerator,
        denominatorException: false,
      },
      [...encounters.slice(-1), ...htn.slice(0, 1), ...exclusion, ...(bp ? bpEvidence(bp) : [])],
      {
        reasons: verdictReasons(ctx, age, band, encounters.length ? [] : found.doubtful),
        ...(ip && !exclusion.length && !numerator ? { closes: { what: closesFor(bp), due } } : {}),
        ...(bp
          ? { detail: { lastBp: { date: bpDay(bp), systolic: bp.systolic ?? null, diastolic: bp.diastolic ?? null } } }
          : {}),
      },
    );
    if (result.closes) {
      result.closingStep = !bp
        ? 'record'
        : bp.systolic === undefined || bp.diastolic === undefined
          ? 'recheck'
          : 'default';
    }
    return result;
  },
};
