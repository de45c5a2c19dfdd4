/**
 * CMS122 Diabetes: Glycemic Status Assessment Greater Than 9% (FHIR 0.5.000, 2026) — an INVERSE
 * measure. Adults 18–75 with diabetes and a qualifying visit; the numerator is the bad outcome:
 * the lowest HbA1c / GMI on the most recent test day is above 9%, that test has no result, or
 * there was no test in the period. Excluded: hospice, 66+ in long-term nursing home care, 66+
 * with frailty and advanced illness, palliative care.
 *
 * Status mapping: the status stays the population truth — `met` means IN THE NUMERATOR (poor
 * control or no test: a care gap), `not-met` means controlled (≤ 9%). `inverse: true` tells the
 * gap layer and the panel to read `met` as the open gap; `closes` says what to do.
 * Spec: https://madie.cms.gov/Measure/CMS122FHIRDiabetesAssessGreaterThan9Percent (CQL
 * CMS122FHIRDiabetesAssessGreaterThan9Percent 0.5.000, ecqm-content-qicore-2025).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import type { Evidence, MeasureResult } from '../types.ts';
import { CPT, HCPCS, LOINC } from '../codes/code-systems.ts';
import { isoDay, singleDay } from '../cql/calendar-days.ts';
import { DAY, cqlText, dateFrom, distinctDates, type CqlDateTime } from '../cql/date-time.ts';
import { sameAs } from '../cql/date-time-compare.ts';
import { latest, prevalenceInterval } from '../cql/fhir-intervals.ts';
import { contains, overlaps } from '../cql/interval.ts';
import { isTrue } from '../cql/logic.ts';
import { cqlSort, sortAscending } from '../cql/sort.ts';
import { ANNUAL_WELLNESS_VISIT } from '../valuesets/catalog/annual-wellness-visit.ts';
import { DIABETES } from '../valuesets/catalog/diabetes.ts';
import { HBA1C_LABORATORY_TEST } from '../valuesets/catalog/hba1c-laboratory-test.ts';
import { HOME_HEALTHCARE_SERVICES } from '../valuesets/catalog/home-healthcare-services.ts';
import { NUTRITION_SERVICES } from '../valuesets/catalog/nutrition-services.ts';
import { OFFICE_VISIT } from '../valuesets/catalog/office-visit.ts';
import { PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP } from '../valuesets/catalog/preventive-care-services-established-office-visit-18-and-up.ts';
import { PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP } from '../valuesets/catalog/preventive-care-services-initial-office-visit-18-and-up.ts';
import { TELEPHONE_VISITS } from '../valuesets/catalog/telephone-visits.ts';
import type { ValueSetDef } from '../valuesets/value-set.ts';
import { proportionResult } from './proportion.ts';
import { ageAtPeriodEnd, ageInBand } from './cql-libraries/age-bands.ts';
import {
  advancedIllnessAndFrailtyExclusion,
  nursingHomeExclusion,
} from './cql-libraries/advanced-illness-and-frailty.ts';
import { hospiceEvidence } from './cql-libraries/hospice.ts';
import { ACO_MEASURE_TYPES, verdictReasons } from './cql-libraries/input-completeness.ts';
import { palliativeCareEvidence } from './cql-libraries/palliative-care.ts';
import {
  conditionsIn,
  displayOf,
  observationsIn,
  observationsWithCode,
  refOf,
} from './cql-libraries/qicore-retrieve.ts';
import { encounterEvidence, qualifyingEncounters, type DirectCode } from './cql-libraries/qualifying-encounters.ts';
import { isObservationPerformed, isVerified } from './cql-libraries/status-filters.ts';
import { glycemicPercent, type PercentReading } from './cql-libraries/observation-values.ts';

/** Age band of the initial population (age at the end of the period). */
export const CMS122_AGE = { low: 18, high: 75 } as const;
/** The threshold: a result above it (in %) is poor control. */
export const GLYCEMIC_THRESHOLD_PERCENT = 9;
/** LOINC "Glucose management indicator" (counts like an HbA1c). */
export const GLUCOSE_MANAGEMENT_INDICATOR = '97506-0';

/** CMS122's own qualifying-visit value sets (no virtual encounters, adds nutrition services). */
export const CMS122_ENCOUNTER_SETS: readonly ValueSetDef[] = [
  OFFICE_VISIT,
  ANNUAL_WELLNESS_VISIT,
  PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP,
  PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP,
  HOME_HEALTHCARE_SERVICES,
  NUTRITION_SERVICES,
  TELEPHONE_VISITS,
];
/** Medical nutrition therapy codes the measure names directly (CPT 97802–97804, HCPCS G0270/G0271). */
export const MEDICAL_NUTRITION_THERAPY_CODES: readonly DirectCode[] = [
  { system: CPT, code: '97802' },
  { system: CPT, code: '97803' },
  { system: CPT, code: '97804' },
  { system: HCPCS, code: 'G0270' },
  { system: HCPCS, code: 'G0271' },
];

/** One glycemic status assessment in the period. */
interface GlycemicTest {
  obs: fhir4.Observation;
  /** `effective.latest()`. */
  latest: CqlDateTime;
  /** The result read for the 9% comparison. */
  reading: PercentReading;
}

/** "Glycemic Status Assessment": performed HbA1c / GMI results whose `effective.latest()` is during day of the period. */
function glycemicTests(ctx: EvaluationContext): GlycemicTest[] {
  const mp = ctx.measurementPeriod;
  const seen = new Map<string, fhir4.Observation>();
  for (const o of [
    ...observationsIn(ctx, HBA1C_LABORATORY_TEST),
    ...observationsWithCode(ctx, LOINC, GLUCOSE_MANAGEMENT_INDICATOR),
  ]) {
    seen.set(refOf(o), o);
  }
  const out: GlycemicTest[] = [];
  for (const o of seen.values()) {
    if (!isObservationPerformed(o)) {
      continue;
    }
    const at = latest(ctx.effectiveOf(o).interval);
    if (!at || !isTrue(contains(mp, at, DAY))) {
      continue;
    }
    out.push({ obs: o, latest: at, reading: glycemicPercent(ctx, o) });
  }
  return out;
}

/** `sort by QualifyingGlycemicStatusValue` (a Quantity): a missing one first, then smaller first; incomparable units keep the right one first. */
function byValue(a: GlycemicTest, b: GlycemicTest): number {
  const qa = a.reading.quantity;
  const qb = b.reading.quantity;
  if (!qa && !qb) {
    return 0;
  }
  if (!qa || !qb) {
    return qa ? 1 : -1;
  }
  return a.reading.percent !== undefined && b.reading.percent !== undefined && a.reading.percent < b.reading.percent
    ? -1
    : 1;
}

/**
 * "Most Recent Glycemic Status Date" (the last of the tests' `date from effective.latest()`,
 * sorted as cql-execution sorts Dates) and "Lowest Glycemic Status Assessment Reading on Most
 * Recent Day" (the first, by value, of the tests `same day as` that date; none when the date is
 * coarser than a day, as the comparison is then unknown).
 */
function lowestOnMostRecentDay(tests: GlycemicTest[]): { date: CqlDateTime; lowest?: GlycemicTest } | undefined {
  const dates = distinctDates(tests.map((t) => t.latest));
  if (!dates.length) {
    return undefined;
  }
  const sorted = sortAscending(dates, (d) => d);
  const date = sorted[sorted.length - 1]!;
  const sameDay = tests.filter((t) => isTrue(sameAs(t.latest, date, DAY)));
  const lowest = cqlSort(sameDay, byValue)[0];
  return lowest ? { date, lowest } : { date };
}

/** A test's day as written. */
function testDay(t: GlycemicTest): string {
  const day = singleDay(t.latest);
  return day !== undefined ? isoDay(day) : cqlText(dateFrom(t.latest));
}

function closesFor(lowest: GlycemicTest | undefined, due: string): string {
  if (!lowest) {
    return 'Check HbA1c (none this year)';
  }
  const when = testDay(lowest);
  if (!lowest.reading.present) {
    return `Most recent HbA1c (${when}) has no result: repeat the test`;
  }
  return `Glycemic status ${lowest.reading.percent}% on ${when} — above ${GLYCEMIC_THRESHOLD_PERCENT}%: intensify treatment and recheck by ${due}`;
}

/** The CMS122 definition (`cms122`, inverse). */
export const CMS122: MeasureDefinition = {
  id: 'cms122',
  title: 'Diabetes: Glycemic Status Assessment Greater Than 9%',
  url: 'https://madie.cms.gov/Measure/CMS122FHIRDiabetesAssessGreaterThan9Percent',
  version: '0.5.000',
  requires: ACO_MEASURE_TYPES,
  inverse: true,
  gapIds: ['cms122'],
  eligibility: { ages: CMS122_AGE, ageOn: 'period-end', who: 'with diabetes' },
  action: { priority: 100, steps: { default: { text: 'HbA1c above 9% or not done — recheck' } } },
  evaluate(ctx: EvaluationContext): MeasureResult {
    const age = ageAtPeriodEnd(ctx);
    const birth = ctx.record.patient.birthDate;
    const band = ageInBand(ctx, age, CMS122_AGE.low, CMS122_AGE.high);
    const inBand = isTrue(band);
    const found = inBand
      ? qualifyingEncounters(ctx, CMS122_ENCOUNTER_SETS, MEDICAL_NUTRITION_THERAPY_CODES)
      : { encounters: [], doubtful: [] };
    const encounters = encounterEvidence(found.encounters);
    const mp = ctx.measurementPeriod;
    const diabetes: Evidence[] = [];
    if (inBand && encounters.length) {
      for (const c of conditionsIn(ctx, DIABETES))
      // prevalenceInterval() overlaps day of "Measurement Period"
      {
        if (isVerified(c) && isTrue(overlaps(prevalenceInterval(c, birth), mp, DAY))) {
          diabetes.push({
            reference: refOf(c),
            rule: 'diagnosis',
            date: c.onsetDateTime,
            display: displayOf(c.code) ?? 'Diabetes',
          });
        }
      }
    }
    const ip = inBand && encounters.length > 0 && diabetes.length > 0;
    const exclusion = ip
      ? [
          ...hospiceEvidence(ctx),
          ...nursingHomeExclusion(ctx),
          ...advancedIllnessAndFrailtyExclusion(ctx),
          ...palliativeCareEvidence(ctx),
        ]
      : [];
    const tests = ip ? glycemicTests(ctx) : [];
    const lowest = lowestOnMostRecentDay(tests)?.lowest;
    // "Has No Record", "Without Result", "Elevated": a non-comparable unit is none of them (CQL null);
    // tests whose most recent date is coarser than a day have no lowest reading, and so none of them
    const numerator =
      !tests.length ||
      (!!lowest && !lowest.reading.present) ||
      (lowest?.reading.percent !== undefined && lowest.reading.percent > GLYCEMIC_THRESHOLD_PERCENT);
    const evidence = [...encounters.slice(-1), ...diabetes.slice(0, 1), ...exclusion];
    if (lowest) {
      evidence.push({
        reference: refOf(lowest.obs),
        rule: 'most-recent-glycemic-status',
        date: testDay(lowest),
        display: displayOf(lowest.obs.code) ?? 'HbA1c',
        value: !lowest.reading.present
          ? 'no result'
          : lowest.reading.percent === undefined
            ? 'not a % result'
            : `${lowest.reading.percent}%`,
      });
    }
    const due = isoDay(ctx.periodEndDay);
    const q = lowest?.obs.valueQuantity;
    return proportionResult(
      CMS122,
      {
        initialPopulation: ip,
        denominator: ip,
        denominatorExclusion: exclusion.length > 0,
        numerator,
        denominatorException: false,
      },
      evidence,
      {
        reasons: verdictReasons(ctx, age, band, encounters.length ? [] : found.doubtful),
        ...(ip && !exclusion.length && numerator ? { closes: { what: closesFor(lowest, due), due } } : {}),
        ...(lowest
          ? {
              detail: {
                lastResult: {
                  date: testDay(lowest),
                  value: q?.value ?? null,
                  unit: q ? (q.unit ?? q.code ?? null) : null,
                  code: lowest.obs.code?.coding?.[0]?.code ?? null,
                },
              },
            }
          : {}),
      },
    );
  },
};
