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
import { isoDay } from '../fhir/dates.ts';
import { CHRONIC_KIDNEY_DISEASE_STAGE_5 } from '../valuesets/catalog/chronic-kidney-disease-stage-5.ts';
import { DIALYSIS_SERVICES } from '../valuesets/catalog/dialysis-services.ts';
import { END_STAGE_RENAL_DISEASE } from '../valuesets/catalog/end-stage-renal-disease.ts';
import { ESRD_MONTHLY_OUTPATIENT_SERVICES } from '../valuesets/catalog/esrd-monthly-outpatient-services.ts';
import { ESSENTIAL_HYPERTENSION } from '../valuesets/catalog/essential-hypertension.ts';
import { KIDNEY_TRANSPLANT } from '../valuesets/catalog/kidney-transplant.ts';
import { KIDNEY_TRANSPLANT_RECIPIENT } from '../valuesets/catalog/kidney-transplant-recipient.ts';
import { PREGNANCY } from '../valuesets/catalog/pregnancy.ts';
import { proportionResult } from './proportion.ts';
import { ageAtPeriodEnd } from './exclusions/age-bands.ts';
import { frailtyByAgeBandExclusion, nursingHomeExclusion } from './exclusions/advanced-illness-and-frailty.ts';
import { mostRecentBp, qualifyingBpReadings, type MostRecentBp } from './exclusions/blood-pressure-readings.ts';
import { choiceInterval, prevalenceInterval, timingChoice } from './exclusions/choice-intervals.ts';
import { dayPoint, holds, le, overlaps, periodInterval } from './exclusions/cql-interval.ts';
import { hospiceEvidence } from './exclusions/hospice.ts';
import { ACO_MEASURE_TYPES, verdictReasons } from './exclusions/input-completeness.ts';
import { palliativeCareEvidence } from './exclusions/palliative-care.ts';
import { firstMonthsOfPeriod, measurementPeriod } from './exclusions/period-windows.ts';
import { conditionsIn, displayOf, encountersIn, proceduresIn, refOf } from './exclusions/qicore-retrieve.ts';
import { qualifyingEncounters } from './exclusions/qualifying-encounters.ts';
import { isEncounterPerformed, isProcedurePerformed, isVerified } from './exclusions/status-filters.ts';

/** Age band of the initial population (age at the end of the period). */
export const CMS165_AGE = { low: 18, high: 85 } as const;
/** The hypertension diagnosis must overlap this many first months of the period. */
export const HYPERTENSION_ONSET_MONTHS = 6;
/** Controlled means systolic below this (mm[Hg]). */
export const SYSTOLIC_LIMIT = 140;
/** Controlled means diastolic below this (mm[Hg]). */
export const DIASTOLIC_LIMIT = 90;

function hypertension(ctx: EvaluationContext): Evidence[] {
  const window = firstMonthsOfPeriod(ctx, HYPERTENSION_ONSET_MONTHS);
  const birth = ctx.record.patient.birthDate;
  return conditionsIn(ctx, ESSENTIAL_HYPERTENSION)
    .filter((c) => isVerified(c) && holds(overlaps(prevalenceInterval(c, birth, ctx.tz), window)))
    .map((c) => ({ reference: refOf(c), rule: 'diagnosis', date: c.onsetDateTime, display: displayOf(c.code) ?? 'Essential hypertension' }));
}

/** "Pregnancy or Renal Diagnosis", "End Stage Renal Disease Procedures" and "… Encounter". */
function renalOrPregnancy(ctx: EvaluationContext): Evidence[] {
  const birth = ctx.record.patient.birthDate;
  const mp = measurementPeriod(ctx);
  const end = dayPoint(ctx.periodEndDay);
  const out: Evidence[] = [];
  for (const [vs, rule] of [
    [PREGNANCY, 'pregnancy'],
    [END_STAGE_RENAL_DISEASE, 'esrd'],
    [KIDNEY_TRANSPLANT_RECIPIENT, 'kidney-transplant'],
    [CHRONIC_KIDNEY_DISEASE_STAGE_5, 'ckd-5'],
  ] as const)
    for (const c of conditionsIn(ctx, vs))
      if (isVerified(c) && holds(overlaps(prevalenceInterval(c, birth, ctx.tz), mp)))
        out.push({ reference: refOf(c), rule, date: c.onsetDateTime, display: displayOf(c.code) ?? rule });
  for (const [vs, rule] of [
    [KIDNEY_TRANSPLANT, 'kidney-transplant'],
    [DIALYSIS_SERVICES, 'dialysis'],
  ] as const)
    for (const p of proceduresIn(ctx, vs)) {
      const iv = choiceInterval(timingChoice(p, 'performed'), birth, ctx.tz);
      if (isProcedurePerformed(p) && iv && holds(le(iv.high, end)))
        out.push({ reference: refOf(p), rule, date: p.performedDateTime ?? p.performedPeriod?.end, display: displayOf(p.code) ?? rule });
    }
  for (const e of encountersIn(ctx, ESRD_MONTHLY_OUTPATIENT_SERVICES)) {
    const iv = periodInterval(e.period, ctx.tz);
    if (isEncounterPerformed(e) && iv && holds(le(iv.low, end)))
      out.push({ reference: refOf(e), rule: 'esrd', date: e.period?.start, display: displayOf(e.type?.[0]) ?? 'ESRD monthly services' });
  }
  return out;
}

function bpEvidence(bp: MostRecentBp): Evidence[] {
  return bp.readings.map((r) => ({
    reference: refOf(r.obs),
    rule: 'most-recent-bp',
    date: isoDay(r.day),
    display: 'Blood pressure',
    value: `${r.systolic ?? '?'}/${r.diastolic ?? '?'} mm[Hg]`,
  }));
}

function closesFor(bp: MostRecentBp | undefined): string {
  if (!bp) return 'Record a blood pressure (none this year)';
  const s = bp.systolic ?? '?';
  const d = bp.diastolic ?? '?';
  return `BP ${s}/${d} on ${isoDay(bp.day)} — not below ${SYSTOLIC_LIMIT}/${DIASTOLIC_LIMIT}: adjust treatment and recheck`;
}

/** The CMS165 definition (`cms165`). */
export const CMS165: MeasureDefinition = {
  id: 'cms165',
  title: 'Controlling High Blood Pressure',
  url: 'https://madie.cms.gov/Measure/CMS165FHIRControllingHighBloodPressure',
  version: '0.5.000',
  requires: ACO_MEASURE_TYPES,
  evaluate(ctx: EvaluationContext): MeasureResult {
    const age = ageAtPeriodEnd(ctx);
    const inBand = age !== undefined && age >= CMS165_AGE.low && age <= CMS165_AGE.high;
    const htn = inBand ? hypertension(ctx) : [];
    const encounters = inBand && htn.length ? qualifyingEncounters(ctx) : [];
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
    const numerator = bp?.systolic !== undefined && bp.diastolic !== undefined && bp.systolic < SYSTOLIC_LIMIT && bp.diastolic < DIASTOLIC_LIMIT;
    const due = isoDay(ctx.periodEndDay);
    return proportionResult(
      CMS165,
      { initialPopulation: ip, denominator: ip, denominatorExclusion: exclusion.length > 0, numerator, denominatorException: false },
      [...encounters.slice(-1), ...htn.slice(0, 1), ...exclusion, ...(bp ? bpEvidence(bp) : [])],
      {
        reasons: verdictReasons(ctx, age, CMS165_AGE.low, CMS165_AGE.high),
        ...(ip && !exclusion.length && !numerator ? { closes: { what: closesFor(bp), due } } : {}),
        ...(bp ? { detail: { lastBp: { date: isoDay(bp.day), systolic: bp.systolic ?? null, diastolic: bp.diastolic ?? null } } } : {}),
      },
    );
  },
};
