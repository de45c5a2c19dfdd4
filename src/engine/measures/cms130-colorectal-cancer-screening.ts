/**
 * CMS130 Colorectal Cancer Screening (FHIR 0.4.000, 2026): adults 46–75 with an outpatient visit,
 * screened by FOBT in the period, stool DNA with FIT within 3 years, flexible sigmoidoscopy or CT
 * colonography within 5 years, or colonoscopy within 10 years. Excluded: colorectal cancer, total
 * colectomy, hospice, 66+ with frailty and advanced illness, 66+ in long-term nursing home care,
 * palliative care.
 * Spec: https://madie.cms.gov/Measure/CMS130FHIRColorectalCancerScreening (CQL
 * CMS130FHIRColorectalCancerScreening 0.4.000, ecqm-content-qicore-2025).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import type { Evidence, MeasureResult } from '../types.ts';
import { OBSERVATION_CATEGORY } from '../codes/code-systems.ts';
import { isoDay } from '../fhir/dates.ts';
import { COLONOSCOPY } from '../valuesets/catalog/colonoscopy.ts';
import { CT_COLONOGRAPHY } from '../valuesets/catalog/ct-colonography.ts';
import { FECAL_OCCULT_BLOOD_TEST_FOBT } from '../valuesets/catalog/fecal-occult-blood-test-fobt.ts';
import { FLEXIBLE_SIGMOIDOSCOPY } from '../valuesets/catalog/flexible-sigmoidoscopy.ts';
import { MALIGNANT_NEOPLASM_OF_COLON } from '../valuesets/catalog/malignant-neoplasm-of-colon.ts';
import { SDNA_FIT_TEST } from '../valuesets/catalog/sdna-fit-test.ts';
import { TOTAL_COLECTOMY } from '../valuesets/catalog/total-colectomy.ts';
import { proportionResult } from './proportion.ts';
import { ageAtPeriodEnd } from './exclusions/age-bands.ts';
import { advancedIllnessAndFrailtyExclusion, nursingHomeExclusion } from './exclusions/advanced-illness-and-frailty.ts';
import { choiceInterval, latestPoint, prevalenceInterval, timingChoice } from './exclusions/choice-intervals.ts';
import { dayPoint, holds, le, pointDuring, type DayIv } from './exclusions/cql-interval.ts';
import { hospiceEvidence } from './exclusions/hospice.ts';
import { ACO_MEASURE_TYPES, verdictReasons } from './exclusions/input-completeness.ts';
import { palliativeCareEvidence } from './exclusions/palliative-care.ts';
import { measurementPeriod, yearsBeforeThroughEnd } from './exclusions/period-windows.ts';
import { conditionsIn, displayOf, observationsIn, proceduresIn, refOf } from './exclusions/qicore-retrieve.ts';
import { qualifyingEncounters } from './exclusions/qualifying-encounters.ts';
import { isDiagnosticStudyPerformed, isObservationPerformed, isProcedurePerformed, isVerified } from './exclusions/status-filters.ts';
import { hasResultValue } from './exclusions/observation-values.ts';

/** Age band of the initial population (age at the end of the period). */
export const CMS130_AGE = { low: 46, high: 75 } as const;
/** Look-back years (from the period start) for each screening kind. */
export const CMS130_LOOKBACK_YEARS = { sdnaFit: 2, flexSig: 4, ctColonography: 4, colonoscopy: 9 } as const;

/** Kinds of colorectal screening that close the measure. */
export type ColorectalScreeningKind = 'FOBT' | 'sDNA-FIT' | 'flexible sigmoidoscopy' | 'CT colonography' | 'colonoscopy';

/** One screening found in its look-back window. */
interface Screening {
  kind: ColorectalScreeningKind;
  day: number;
  evidence: Evidence;
}

function screenings(ctx: EvaluationContext): Screening[] {
  const birth = ctx.record.patient.birthDate;
  const out: Screening[] = [];
  const add = (kind: ColorectalScreeningKind, r: fhir4.Observation | fhir4.Procedure, iv: DayIv | undefined, window: DayIv, point: 'latest' | 'end') => {
    const p = point === 'latest' ? latestPoint(iv) : iv?.high;
    if (!p || !holds(pointDuring(p, window))) return;
    out.push({ kind, day: p.lo, evidence: { reference: refOf(r), rule: 'screening', date: isoDay(p.lo), display: displayOf(r.code) ?? kind, value: kind } });
  };
  const mp = measurementPeriod(ctx);
  for (const o of observationsIn(ctx, FECAL_OCCULT_BLOOD_TEST_FOBT))
    if (isObservationPerformed(o) && hasResultValue(o)) add('FOBT', o, choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz), mp, 'latest');
  for (const o of observationsIn(ctx, SDNA_FIT_TEST))
    if (isObservationPerformed(o) && hasResultValue(o))
      add('sDNA-FIT', o, choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz), yearsBeforeThroughEnd(ctx, CMS130_LOOKBACK_YEARS.sdnaFit), 'latest');
  for (const p of proceduresIn(ctx, FLEXIBLE_SIGMOIDOSCOPY))
    if (isProcedurePerformed(p))
      add('flexible sigmoidoscopy', p, choiceInterval(timingChoice(p, 'performed'), birth, ctx.tz), yearsBeforeThroughEnd(ctx, CMS130_LOOKBACK_YEARS.flexSig), 'end');
  for (const o of observationsIn(ctx, CT_COLONOGRAPHY))
    if (isDiagnosticStudyPerformed(o, OBSERVATION_CATEGORY))
      add('CT colonography', o, choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz), yearsBeforeThroughEnd(ctx, CMS130_LOOKBACK_YEARS.ctColonography), 'end');
  for (const p of proceduresIn(ctx, COLONOSCOPY))
    if (isProcedurePerformed(p))
      add('colonoscopy', p, choiceInterval(timingChoice(p, 'performed'), birth, ctx.tz), yearsBeforeThroughEnd(ctx, CMS130_LOOKBACK_YEARS.colonoscopy), 'end');
  return out.sort((a, b) => a.day - b.day);
}

/** "Malignant Neoplasm" and "Total Colectomy Performed" (on or before the period end). */
function colorectalExclusions(ctx: EvaluationContext): Evidence[] {
  const birth = ctx.record.patient.birthDate;
  const end = dayPoint(ctx.periodEndDay);
  const out: Evidence[] = [];
  for (const c of conditionsIn(ctx, MALIGNANT_NEOPLASM_OF_COLON))
    if (isVerified(c) && holds(le(prevalenceInterval(c, birth, ctx.tz).low, end)))
      out.push({ reference: refOf(c), rule: 'colorectal-cancer', date: c.onsetDateTime, display: displayOf(c.code) ?? 'Colorectal cancer' });
  for (const p of proceduresIn(ctx, TOTAL_COLECTOMY)) {
    const iv = choiceInterval(timingChoice(p, 'performed'), birth, ctx.tz);
    if (isProcedurePerformed(p) && iv && holds(le(iv.high, end)))
      out.push({ reference: refOf(p), rule: 'total-colectomy', date: p.performedDateTime ?? p.performedPeriod?.end, display: displayOf(p.code) ?? 'Total colectomy' });
  }
  return out;
}

/** The CMS130 definition (`cms130`). */
export const CMS130: MeasureDefinition = {
  id: 'cms130',
  title: 'Colorectal Cancer Screening',
  url: 'https://madie.cms.gov/Measure/CMS130FHIRColorectalCancerScreening',
  version: '0.4.000',
  requires: ACO_MEASURE_TYPES,
  evaluate(ctx: EvaluationContext): MeasureResult {
    const age = ageAtPeriodEnd(ctx);
    const inBand = age !== undefined && age >= CMS130_AGE.low && age <= CMS130_AGE.high;
    const encounters = inBand ? qualifyingEncounters(ctx) : [];
    const ip = inBand && encounters.length > 0;
    const exclusion = ip
      ? [
          ...hospiceEvidence(ctx),
          ...colorectalExclusions(ctx),
          ...advancedIllnessAndFrailtyExclusion(ctx),
          ...nursingHomeExclusion(ctx),
          ...palliativeCareEvidence(ctx),
        ]
      : [];
    const found = ip ? screenings(ctx) : [];
    const last = found[found.length - 1];
    const evidence = [...encounters.slice(-1), ...exclusion, ...found.map((s) => s.evidence)];
    const due = isoDay(ctx.periodEndDay);
    return proportionResult(
      CMS130,
      { initialPopulation: ip, denominator: ip, denominatorExclusion: exclusion.length > 0, numerator: found.length > 0, denominatorException: false },
      evidence,
      {
        reasons: verdictReasons(ctx, age, CMS130_AGE.low, CMS130_AGE.high),
        ...(ip && !exclusion.length && !found.length
          ? { closes: { what: 'Colorectal cancer screening: FIT/FOBT this year, or stool DNA-FIT, sigmoidoscopy, CT colonography or colonoscopy', due } }
          : {}),
        ...(last ? { detail: { lastScreening: { date: isoDay(last.day), kind: last.kind } } } : {}),
      },
    );
  },
};
