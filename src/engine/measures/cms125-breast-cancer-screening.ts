/**
 * CMS125 Breast Cancer Screening (FHIR 0.4.000, 2026): women 42–74 (US Core sex "female") with an
 * outpatient visit, screened by mammography from October 1 two years before the period through
 * its end (27 months). Excluded: bilateral mastectomy (procedure or history, or right and left
 * unilateral evidence), hospice, 66+ with frailty and advanced illness, 66+ in long-term nursing
 * home care, palliative care.
 * Spec: https://madie.cms.gov/Measure/CMS125FHIRBreastCancerScreening (CQL
 * CMS125FHIRBreastCancerScreening 0.4.000, ecqm-content-qicore-2025).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import type { Evidence, MeasureResult } from '../types.ts';
import { OBSERVATION_CATEGORY, SNOMED } from '../codes/code-systems.ts';
import { epochDay, isoDay } from '../fhir/dates.ts';
import type { ValueSetDef } from '../valuesets/value-set.ts';
import { BILATERAL_MASTECTOMY } from '../valuesets/catalog/bilateral-mastectomy.ts';
import { HISTORY_OF_BILATERAL_MASTECTOMY } from '../valuesets/catalog/history-of-bilateral-mastectomy.ts';
import { MAMMOGRAPHY } from '../valuesets/catalog/mammography.ts';
import { STATUS_POST_LEFT_MASTECTOMY } from '../valuesets/catalog/status-post-left-mastectomy.ts';
import { STATUS_POST_RIGHT_MASTECTOMY } from '../valuesets/catalog/status-post-right-mastectomy.ts';
import { UNILATERAL_MASTECTOMY_LEFT } from '../valuesets/catalog/unilateral-mastectomy-left.ts';
import { UNILATERAL_MASTECTOMY_RIGHT } from '../valuesets/catalog/unilateral-mastectomy-right.ts';
import { UNILATERAL_MASTECTOMY_UNSPECIFIED_LATERALITY } from '../valuesets/catalog/unilateral-mastectomy-unspecified-laterality.ts';
import { proportionResult } from './proportion.ts';
import { ageAtPeriodEnd } from './exclusions/age-bands.ts';
import { advancedIllnessAndFrailtyExclusion, nursingHomeExclusion } from './exclusions/advanced-illness-and-frailty.ts';
import { choiceInterval, prevalenceInterval, timingChoice } from './exclusions/choice-intervals.ts';
import { anyConceptHas } from './exclusions/concept-match.ts';
import { dayInterval, dayPoint, holds, le, pointDuring } from './exclusions/cql-interval.ts';
import { hospiceEvidence } from './exclusions/hospice.ts';
import { ACO_MEASURE_TYPES, verdictReasons } from './exclusions/input-completeness.ts';
import { palliativeCareEvidence } from './exclusions/palliative-care.ts';
import { conditionsIn, displayOf, observationsIn, proceduresIn, refOf } from './exclusions/qicore-retrieve.ts';
import { qualifyingEncounters } from './exclusions/qualifying-encounters.ts';
import { isDiagnosticStudyPerformed, isProcedurePerformed, isVerified } from './exclusions/status-filters.ts';

/** Age band of the initial population (age at the end of the period; USPSTF 2024 lowered it to 42). */
export const CMS125_AGE = { low: 42, high: 74 } as const;
/** US Core sex extension (QI-Core `Patient.sex`). */
export const US_CORE_SEX_EXTENSION = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex';
/** SNOMED "Female (finding)" — the US Core sex value the measure requires. */
export const SEX_FEMALE = '248152002';
/** SNOMED "Left (qualifier value)". */
export const LATERALITY_LEFT = '7771000';
/** SNOMED "Right (qualifier value)". */
export const LATERALITY_RIGHT = '24028007';
/** Month (1-based) and day of the look-back start, two years before the period's year. */
export const MAMMOGRAPHY_LOOKBACK = { yearsBefore: 2, month: 10, day: 1 } as const;

/** QI-Core `Patient.sex`: the US Core sex extension's code. */
export function usCoreSex(p: fhir4.Patient): string | undefined {
  // Hostile JSON: `extension` may be anything; only a list of objects can carry the sex.
  const list: unknown[] = Array.isArray(p.extension) ? p.extension : [];
  const ext = list.find((e): e is fhir4.Extension => !!e && typeof e === 'object' && (e as fhir4.Extension).url === US_CORE_SEX_EXTENSION);
  const code = ext?.valueCode ?? ext?.valueCoding?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `"October 1 Two Years Prior to the Measurement Period"` as an epoch day. */
export function mammographyWindowStart(ctx: EvaluationContext): number {
  const year = Number(ctx.period.start.slice(0, 4)) - MAMMOGRAPHY_LOOKBACK.yearsBefore;
  const mm = String(MAMMOGRAPHY_LOOKBACK.month).padStart(2, '0');
  const dd = String(MAMMOGRAPHY_LOOKBACK.day).padStart(2, '0');
  return epochDay(`${year}-${mm}-${dd}`);
}

function conditionsStartingByEnd(ctx: EvaluationContext, sets: readonly ValueSetDef[], rule: string, laterality?: string): Evidence[] {
  const birth = ctx.record.patient.birthDate;
  const end = dayPoint(ctx.periodEndDay);
  const out: Evidence[] = [];
  for (const vs of sets)
    for (const c of conditionsIn(ctx, vs)) {
      if (laterality && !anyConceptHas(c.bodySite, SNOMED, laterality)) continue;
      if (isVerified(c) && holds(le(prevalenceInterval(c, birth, ctx.tz).low, end)))
        out.push({ reference: refOf(c), rule, date: c.onsetDateTime, display: displayOf(c.code) ?? rule });
    }
  return out;
}

function proceduresEndingByEnd(ctx: EvaluationContext, vs: ValueSetDef, rule: string): Evidence[] {
  const birth = ctx.record.patient.birthDate;
  const end = dayPoint(ctx.periodEndDay);
  const out: Evidence[] = [];
  for (const p of proceduresIn(ctx, vs)) {
    const iv = choiceInterval(timingChoice(p, 'performed'), birth, ctx.tz);
    if (isProcedurePerformed(p) && iv && holds(le(iv.high, end)))
      out.push({ reference: refOf(p), rule, date: p.performedDateTime ?? p.performedPeriod?.end, display: displayOf(p.code) ?? rule });
  }
  return out;
}

/** Bilateral mastectomy, or right and left mastectomy evidence (diagnosis or procedure each side). */
function mastectomyExclusion(ctx: EvaluationContext): Evidence[] {
  const right = [
    ...conditionsStartingByEnd(ctx, [STATUS_POST_RIGHT_MASTECTOMY], 'right-mastectomy'),
    ...conditionsStartingByEnd(ctx, [UNILATERAL_MASTECTOMY_UNSPECIFIED_LATERALITY], 'right-mastectomy', LATERALITY_RIGHT),
    ...proceduresEndingByEnd(ctx, UNILATERAL_MASTECTOMY_RIGHT, 'right-mastectomy'),
  ];
  const left = [
    ...conditionsStartingByEnd(ctx, [STATUS_POST_LEFT_MASTECTOMY], 'left-mastectomy'),
    ...conditionsStartingByEnd(ctx, [UNILATERAL_MASTECTOMY_UNSPECIFIED_LATERALITY], 'left-mastectomy', LATERALITY_LEFT),
    ...proceduresEndingByEnd(ctx, UNILATERAL_MASTECTOMY_LEFT, 'left-mastectomy'),
  ];
  return [
    ...(right.length && left.length ? [...right, ...left] : []),
    ...conditionsStartingByEnd(ctx, [HISTORY_OF_BILATERAL_MASTECTOMY], 'bilateral-mastectomy'),
    ...proceduresEndingByEnd(ctx, BILATERAL_MASTECTOMY, 'bilateral-mastectomy'),
  ];
}

/** Mammograms ending in the window, oldest first. */
function mammograms(ctx: EvaluationContext): { day: number; evidence: Evidence }[] {
  const window = dayInterval(mammographyWindowStart(ctx), ctx.periodEndDay);
  const birth = ctx.record.patient.birthDate;
  const out: { day: number; evidence: Evidence }[] = [];
  for (const o of observationsIn(ctx, MAMMOGRAPHY)) {
    if (!isDiagnosticStudyPerformed(o, OBSERVATION_CATEGORY)) continue;
    const end = choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz)?.high;
    if (end && holds(pointDuring(end, window)))
      out.push({ day: end.lo, evidence: { reference: refOf(o), rule: 'screening', date: isoDay(end.lo), display: displayOf(o.code) ?? 'Mammogram', value: 'mammography' } });
  }
  return out.sort((a, b) => a.day - b.day);
}

/** The CMS125 definition (`cms125`). */
export const CMS125: MeasureDefinition = {
  id: 'cms125',
  title: 'Breast Cancer Screening',
  url: 'https://madie.cms.gov/Measure/CMS125FHIRBreastCancerScreening',
  version: '0.4.000',
  requires: ACO_MEASURE_TYPES,
  evaluate(ctx: EvaluationContext): MeasureResult {
    const patient = ctx.record.patient;
    const age = ageAtPeriodEnd(ctx);
    const sex = usCoreSex(patient);
    if (sex === undefined && patient.gender === 'female')
      ctx.issue({ resourceType: 'Patient', id: patient.id, field: 'extension(us-core-sex)', message: 'US Core sex is not recorded; CMS125 counts only patients whose recorded sex is female', severity: 'warning' });
    const inBand = age !== undefined && age >= CMS125_AGE.low && age <= CMS125_AGE.high && sex === SEX_FEMALE;
    const encounters = inBand ? qualifyingEncounters(ctx) : [];
    const ip = inBand && encounters.length > 0;
    const exclusion = ip
      ? [
          ...hospiceEvidence(ctx),
          ...mastectomyExclusion(ctx),
          ...advancedIllnessAndFrailtyExclusion(ctx),
          ...nursingHomeExclusion(ctx),
          ...palliativeCareEvidence(ctx),
        ]
      : [];
    const found = ip ? mammograms(ctx) : [];
    const last = found[found.length - 1];
    return proportionResult(
      CMS125,
      { initialPopulation: ip, denominator: ip, denominatorExclusion: exclusion.length > 0, numerator: found.length > 0, denominatorException: false },
      [...encounters.slice(-1), ...exclusion, ...found.map((m) => m.evidence)],
      {
        reasons: sex === SEX_FEMALE || sex === undefined ? verdictReasons(ctx, age, CMS125_AGE.low, CMS125_AGE.high) : [],
        ...(ip && !exclusion.length && !found.length
          ? { closes: { what: 'Screening mammogram (none since ' + isoDay(mammographyWindowStart(ctx)) + ')', due: isoDay(ctx.periodEndDay) } }
          : {}),
        ...(last ? { detail: { lastScreening: { date: isoDay(last.day), kind: 'mammography' } } } : {}),
      },
    );
  },
};
