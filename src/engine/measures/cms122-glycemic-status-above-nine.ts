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
import { isoDay } from '../fhir/dates.ts';
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
import { ageAtPeriodEnd } from './exclusions/age-bands.ts';
import { advancedIllnessAndFrailtyExclusion, nursingHomeExclusion } from './exclusions/advanced-illness-and-frailty.ts';
import { choiceInterval, instantOf, latestPoint, prevalenceInterval, timingChoice } from './exclusions/choice-intervals.ts';
import { holds, overlaps, pointDuring } from './exclusions/cql-interval.ts';
import { hospiceEvidence } from './exclusions/hospice.ts';
import { ACO_MEASURE_TYPES, verdictReasons } from './exclusions/input-completeness.ts';
import { palliativeCareEvidence } from './exclusions/palliative-care.ts';
import { measurementPeriod } from './exclusions/period-windows.ts';
import { conditionsIn, displayOf, observationsIn, observationsWithCode, refOf } from './exclusions/qicore-retrieve.ts';
import { qualifyingEncounters, type DirectCode } from './exclusions/qualifying-encounters.ts';
import { isObservationPerformed, isVerified } from './exclusions/status-filters.ts';
import { glycemicPercent, type PercentReading } from './exclusions/observation-values.ts';

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
  day: number;
  /** The result read for the 9% comparison. */
  reading: PercentReading;
}

function glycemicTests(ctx: EvaluationContext): GlycemicTest[] {
  const mp = measurementPeriod(ctx);
  const birth = ctx.record.patient.birthDate;
  const seen = new Map<string, fhir4.Observation>();
  for (const o of [...observationsIn(ctx, HBA1C_LABORATORY_TEST), ...observationsWithCode(ctx, LOINC, GLUCOSE_MANAGEMENT_INDICATOR)])
    seen.set(refOf(o), o);
  const out: GlycemicTest[] = [];
  for (const o of seen.values()) {
    if (!isObservationPerformed(o)) continue;
    const p = latestPoint(choiceInterval(timingChoice(o, 'effective'), birth, ctx.tz));
    if (!p || !holds(pointDuring(p, mp)) || p.lo !== p.hi) continue;
    out.push({ obs: o, day: p.lo, reading: glycemicPercent(ctx, o) });
  }
  return out;
}

/**
 * "Lowest Glycemic Status Assessment Reading on Most Recent Day": among the tests on the latest
 * day, the lowest value — a test without a (comparable) result sorts first, as CQL sorts nulls.
 */
function lowestOnMostRecentDay(tests: GlycemicTest[]): GlycemicTest | undefined {
  if (!tests.length) return undefined;
  const day = Math.max(...tests.map((t) => t.day));
  const sameDay = tests.filter((t) => t.day === day);
  const rank = (t: GlycemicTest) => (!t.reading.quantity ? -Infinity : (t.reading.percent ?? Infinity));
  return sameDay.sort((a, b) => rank(a) - rank(b) || instantOf(a.obs.effectiveDateTime) - instantOf(b.obs.effectiveDateTime))[0];
}

function closesFor(lowest: GlycemicTest | undefined, due: string): string {
  if (!lowest) return 'Check HbA1c (none this year)';
  const when = isoDay(lowest.day);
  if (!lowest.reading.present) return `Most recent HbA1c (${when}) has no result: repeat the test`;
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
  evaluate(ctx: EvaluationContext): MeasureResult {
    const age = ageAtPeriodEnd(ctx);
    const birth = ctx.record.patient.birthDate;
    const inBand = age !== undefined && age >= CMS122_AGE.low && age <= CMS122_AGE.high;
    const encounters = inBand ? qualifyingEncounters(ctx, CMS122_ENCOUNTER_SETS, MEDICAL_NUTRITION_THERAPY_CODES) : [];
    const mp = measurementPeriod(ctx);
    const diabetes: Evidence[] = [];
    if (inBand && encounters.length)
      for (const c of conditionsIn(ctx, DIABETES))
        if (isVerified(c) && holds(overlaps(prevalenceInterval(c, birth, ctx.tz), mp)))
          diabetes.push({ reference: refOf(c), rule: 'diagnosis', date: c.onsetDateTime, display: displayOf(c.code) ?? 'Diabetes' });
    const ip = inBand && encounters.length > 0 && diabetes.length > 0;
    const exclusion = ip
      ? [...hospiceEvidence(ctx), ...nursingHomeExclusion(ctx), ...advancedIllnessAndFrailtyExclusion(ctx), ...palliativeCareEvidence(ctx)]
      : [];
    const tests = ip ? glycemicTests(ctx) : [];
    const lowest = lowestOnMostRecentDay(tests);
    // "Has No Record", "Without Result", "Elevated": a non-comparable unit is none of them (CQL null)
    const numerator =
      !lowest || !lowest.reading.present || (lowest.reading.percent !== undefined && lowest.reading.percent > GLYCEMIC_THRESHOLD_PERCENT);
    const evidence = [...encounters.slice(-1), ...diabetes.slice(0, 1), ...exclusion];
    if (lowest)
      evidence.push({
        reference: refOf(lowest.obs),
        rule: 'most-recent-glycemic-status',
        date: isoDay(lowest.day),
        display: displayOf(lowest.obs.code) ?? 'HbA1c',
        value: !lowest.reading.present ? 'no result' : lowest.reading.percent === undefined ? 'not a % result' : `${lowest.reading.percent}%`,
      });
    const due = isoDay(ctx.periodEndDay);
    const q = lowest?.obs.valueQuantity;
    return proportionResult(
      CMS122,
      { initialPopulation: ip, denominator: ip, denominatorExclusion: exclusion.length > 0, numerator, denominatorException: false },
      evidence,
      {
        reasons: verdictReasons(ctx, age, CMS122_AGE.low, CMS122_AGE.high),
        ...(ip && !exclusion.length && numerator ? { closes: { what: closesFor(lowest, due), due } } : {}),
        ...(lowest
          ? { detail: { lastResult: { date: isoDay(lowest.day), value: q?.value ?? null, unit: q ? (q.unit ?? q.code ?? null) : null, code: lowest.obs.code?.coding?.[0]?.code ?? null } } }
          : {}),
      },
    );
  },
};
