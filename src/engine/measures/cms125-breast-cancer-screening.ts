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
import { isoDay, singleDay, writtenDate } from '../cql/calendar-days.ts';
import { DAY, dateTime, type CqlDateTime } from '../cql/date-time.ts';
import { sameOrBefore } from '../cql/date-time-compare.ts';
import { choiceRead, prevalenceInterval } from '../cql/fhir-intervals.ts';
import { contains, endOf, interval, startOf } from '../cql/interval.ts';
import { isTrue } from '../cql/logic.ts';
import { periodEnd, periodStart } from '../cql/measurement-period.ts';
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
import { ageAtPeriodEnd, ageInBand } from './cql-libraries/age-bands.ts';
import {
  advancedIllnessAndFrailtyExclusion,
  nursingHomeExclusion,
} from './cql-libraries/advanced-illness-and-frailty.ts';
import { anyConceptHas } from './cql-libraries/concept-match.ts';
import { hospiceEvidence } from './cql-libraries/hospice.ts';
import { ACO_MEASURE_TYPES, verdictReasons } from './cql-libraries/input-completeness.ts';
import { palliativeCareEvidence } from './cql-libraries/palliative-care.ts';
import { conditionsIn, displayOf, observationsIn, proceduresIn, refOf } from './cql-libraries/qicore-retrieve.ts';
import {
  ADULT_OUTPATIENT_ENCOUNTER_SETS,
  encounterEvidence,
  qualifyingEncounters,
} from './cql-libraries/qualifying-encounters.ts';
import { isDiagnosticStudyPerformed, isProcedurePerformed, isVerified } from './cql-libraries/status-filters.ts';

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
  const ext = list.find(
    (e): e is fhir4.Extension => !!e && typeof e === 'object' && (e as fhir4.Extension).url === US_CORE_SEX_EXTENSION,
  );
  const code = ext?.valueCode ?? ext?.valueCoding?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `"October 1 Two Years Prior to the Measurement Period"`: `DateTime(year from start of MP - 2, 10, 1, 0, 0, 0, 0, 0)`. */
export function mammographyWindowStart(ctx: EvaluationContext): CqlDateTime {
  const year = periodStart(ctx.measurementPeriod).f[0]! - MAMMOGRAPHY_LOOKBACK.yearsBefore;
  return dateTime([year, MAMMOGRAPHY_LOOKBACK.month, MAMMOGRAPHY_LOOKBACK.day, 0, 0, 0, 0], 0);
}

/** … `prevalenceInterval() starts on or before end of "Measurement Period"` (no precision). */
function conditionsStartingByEnd(
  ctx: EvaluationContext,
  sets: readonly ValueSetDef[],
  rule: string,
  laterality?: string,
): Evidence[] {
  const birth = ctx.record.patient.birthDate;
  const end = periodEnd(ctx.measurementPeriod);
  const out: Evidence[] = [];
  for (const vs of sets) {
    for (const c of conditionsIn(ctx, vs)) {
      if (laterality && !anyConceptHas(c.bodySite, SNOMED, laterality)) {
        continue;
      }
      const starts = startOf(prevalenceInterval(c, birth));
      if (isVerified(c) && starts && isTrue(sameOrBefore(starts, end))) {
        out.push({ reference: refOf(c), rule, date: c.onsetDateTime, display: displayOf(c.code) ?? rule });
      }
    }
  }
  return out;
}

/** … `performed.toInterval() ends on or before end of "Measurement Period"` (no precision). */
function proceduresEndingByEnd(ctx: EvaluationContext, vs: ValueSetDef, rule: string): Evidence[] {
  const birth = ctx.record.patient.birthDate;
  const end = periodEnd(ctx.measurementPeriod);
  const out: Evidence[] = [];
  for (const p of proceduresIn(ctx, vs)) {
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
  return out;
}

/** Bilateral mastectomy, or right and left mastectomy evidence (diagnosis or procedure each side). */
function mastectomyExclusion(ctx: EvaluationContext): Evidence[] {
  const right = [
    ...conditionsStartingByEnd(ctx, [STATUS_POST_RIGHT_MASTECTOMY], 'right-mastectomy'),
    ...conditionsStartingByEnd(
      ctx,
      [UNILATERAL_MASTECTOMY_UNSPECIFIED_LATERALITY],
      'right-mastectomy',
      LATERALITY_RIGHT,
    ),
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

/** Mammograms whose `effective.toInterval()` ends during day of the window, oldest first. */
function mammograms(ctx: EvaluationContext): { date: string; evidence: Evidence }[] {
  const window = interval(mammographyWindowStart(ctx), periodEnd(ctx.measurementPeriod));
  const out: { date: string; evidence: Evidence }[] = [];
  for (const o of observationsIn(ctx, MAMMOGRAPHY)) {
    if (!isDiagnosticStudyPerformed(o, OBSERVATION_CATEGORY)) {
      continue;
    }
    const end = endOf(ctx.effectiveOf(o).interval);
    if (end && isTrue(contains(window, end, DAY))) {
      const date = writtenDate(end);
      out.push({
        date,
        evidence: {
          reference: refOf(o),
          rule: 'screening',
          date,
          display: displayOf(o.code) ?? 'Mammogram',
          value: 'mammography',
        },
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The CMS125 definition (`cms125`). */
export const CMS125: MeasureDefinition = {
  id: 'cms125',
  title: 'Breast Cancer Screening',
  url: 'https://madie.cms.gov/Measure/CMS125FHIRBreastCancerScreening',
  version: '0.4.000',
  requires: ACO_MEASURE_TYPES,
  gapIds: ['cms125'],
  eligibility: { ages: CMS125_AGE, ageOn: 'period-end', women: true },
  action: { priority: 120, steps: { default: { text: 'Breast cancer screening (mammogram) due' } } },
  evaluate(ctx: EvaluationContext): MeasureResult {
    const patient = ctx.record.patient;
    const age = ageAtPeriodEnd(ctx);
    const band = ageInBand(ctx, age, CMS125_AGE.low, CMS125_AGE.high);
    const sex = usCoreSex(patient);
    if (sex === undefined && patient.gender === 'female') {
      ctx.issue({
        resourceType: 'Patient',
        id: patient.id,
        field: 'extension(us-core-sex)',
        message: 'US Core sex is not recorded; CMS125 counts only patients whose recorded sex is female',
        severity: 'warning',
      });
    }
    const inBand = isTrue(band) && sex === SEX_FEMALE;
    const visits = inBand
      ? qualifyingEncounters(ctx, ADULT_OUTPATIENT_ENCOUNTER_SETS)
      : { encounters: [], doubtful: [] };
    const encounters = encounterEvidence(visits.encounters);
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
      {
        initialPopulation: ip,
        denominator: ip,
        denominatorExclusion: exclusion.length > 0,
        numerator: found.length > 0,
        denominatorException: false,
      },
      [...encounters.slice(-1), ...exclusion, ...found.map((m) => m.evidence)],
      {
        reasons:
          sex === SEX_FEMALE || sex === undefined
            ? verdictReasons(ctx, age, band, encounters.length ? [] : visits.doubtful)
            : [],
        ...(ip && !exclusion.length && !found.length
          ? {
              closes: {
                what: 'Screening mammogram (none since ' + isoDay(singleDay(mammographyWindowStart(ctx))!) + ')',
                due: isoDay(ctx.periodEndDay),
              },
            }
          : {}),
        ...(last ? { detail: { lastScreening: { date: last.date, kind: 'mammography' } } } : {}),
      },
    );
  },
};
