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
import { isoDay, writtenDate } from '../cql/calendar-days.ts';
import { DAY, type CqlDateTime } from '../cql/date-time.ts';
import { sameOrBefore } from '../cql/date-time-compare.ts';
import { choiceRead, latest, prevalenceInterval } from '../cql/fhir-intervals.ts';
import { contains, endOf, startOf, type CqlInterval } from '../cql/interval.ts';
import { isTrue } from '../cql/logic.ts';
import { periodEnd, yearsBeforeThroughEnd } from '../cql/measurement-period.ts';
import { COLONOSCOPY } from '../valuesets/catalog/colonoscopy.ts';
import { CT_COLONOGRAPHY } from '../valuesets/catalog/ct-colonography.ts';
import { FECAL_OCCULT_BLOOD_TEST_FOBT } from '../valuesets/catalog/fecal-occult-blood-test-fobt.ts';
import { FLEXIBLE_SIGMOIDOSCOPY } from '../valuesets/catalog/flexible-sigmoidoscopy.ts';
import { MALIGNANT_NEOPLASM_OF_COLON } from '../valuesets/catalog/malignant-neoplasm-of-colon.ts';
import { SDNA_FIT_TEST } from '../valuesets/catalog/sdna-fit-test.ts';
import { TOTAL_COLECTOMY } from '../valuesets/catalog/total-colectomy.ts';
import { proportionResult } from './proportion.ts';
import { ageAtPeriodEnd, ageInBand } from './cql-libraries/age-bands.ts';
import {
  advancedIllnessAndFrailtyExclusion,
  nursingHomeExclusion,
} from './cql-libraries/advanced-illness-and-frailty.ts';
import { hospiceEvidence } from './cql-libraries/hospice.ts';
import { ACO_MEASURE_TYPES, verdictReasons } from './cql-libraries/input-completeness.ts';
import { palliativeCareEvidence } from './cql-libraries/palliative-care.ts';
import { conditionsIn, displayOf, observationsIn, proceduresIn, refOf } from './cql-libraries/qicore-retrieve.ts';
import {
  ADULT_OUTPATIENT_ENCOUNTER_SETS,
  encounterEvidence,
  qualifyingEncounters,
} from './cql-libraries/qualifying-encounters.ts';
import {
  isDiagnosticStudyPerformed,
  isObservationPerformed,
  isProcedurePerformed,
  isVerified,
} from './cql-libraries/status-filters.ts';
import { hasResultValue } from './cql-libraries/observation-values.ts';

/** Age band of the initial population (age at the end of the period). */
export const CMS130_AGE = { low: 46, high: 75 } as const;
/** Look-back years (from the period start) for each screening kind. */
export const CMS130_LOOKBACK_YEARS = { sdnaFit: 2, flexSig: 4, ctColonography: 4, colonoscopy: 9 } as const;

/** Kinds of colorectal screening that close the measure. */
export type ColorectalScreeningKind =
  'FOBT' | 'sDNA-FIT' | 'flexible sigmoidoscopy' | 'CT colonography' | 'colonoscopy';

/** One screening found in its look-back window. */
interface Screening {
  kind: ColorectalScreeningKind;
  date: string;
  evidence: Evidence;
}

/**
 * The screenings that close the measure: FOBT with a result, `effective.latest()` during day of
 * the period; sDNA-FIT with a result, latest() during day of the 3-year window; flexible
 * sigmoidoscopy / CT colonography / colonoscopy whose `toInterval()` ends during day of their
 * 5- or 10-year window.
 */
function screenings(ctx: EvaluationContext): Screening[] {
  const birth = ctx.record.patient.birthDate;
  const mp = ctx.measurementPeriod;
  const out: Screening[] = [];
  const add = (
    kind: ColorectalScreeningKind,
    r: fhir4.Observation | fhir4.Procedure,
    at: CqlDateTime | null,
    window: CqlInterval,
  ) => {
    if (!at || !isTrue(contains(window, at, DAY))) {
      return;
    }
    const date = writtenDate(at);
    out.push({
      kind,
      date,
      evidence: { reference: refOf(r), rule: 'screening', date, display: displayOf(r.code) ?? kind, value: kind },
    });
  };
  const within = (years: number) => yearsBeforeThroughEnd(mp, years);
  for (const o of observationsIn(ctx, FECAL_OCCULT_BLOOD_TEST_FOBT)) {
    if (isObservationPerformed(o) && hasResultValue(o)) {
      add('FOBT', o, latest(ctx.effectiveOf(o).interval), mp);
    }
  }
  for (const o of observationsIn(ctx, SDNA_FIT_TEST)) {
    if (isObservationPerformed(o) && hasResultValue(o)) {
      add('sDNA-FIT', o, latest(ctx.effectiveOf(o).interval), within(CMS130_LOOKBACK_YEARS.sdnaFit));
    }
  }
  for (const p of proceduresIn(ctx, FLEXIBLE_SIGMOIDOSCOPY)) {
    if (isProcedurePerformed(p)) {
      add(
        'flexible sigmoidoscopy',
        p,
        endOf(choiceRead(p, 'performed', birth).interval),
        within(CMS130_LOOKBACK_YEARS.flexSig),
      );
    }
  }
  for (const o of observationsIn(ctx, CT_COLONOGRAPHY)) {
    if (isDiagnosticStudyPerformed(o, OBSERVATION_CATEGORY)) {
      add('CT colonography', o, endOf(ctx.effectiveOf(o).interval), within(CMS130_LOOKBACK_YEARS.ctColonography));
    }
  }
  for (const p of proceduresIn(ctx, COLONOSCOPY)) {
    if (isProcedurePerformed(p)) {
      add(
        'colonoscopy',
        p,
        endOf(choiceRead(p, 'performed', birth).interval),
        within(CMS130_LOOKBACK_YEARS.colonoscopy),
      );
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** "Malignant Neoplasm" (prevalence starts on or before day of the period end) and "Total Colectomy Performed" (ends on or before day of it). */
function colorectalExclusions(ctx: EvaluationContext): Evidence[] {
  const birth = ctx.record.patient.birthDate;
  const end = periodEnd(ctx.measurementPeriod);
  const out: Evidence[] = [];
  for (const c of conditionsIn(ctx, MALIGNANT_NEOPLASM_OF_COLON)) {
    const starts = startOf(prevalenceInterval(c, birth));
    if (isVerified(c) && starts && isTrue(sameOrBefore(starts, end, DAY))) {
      out.push({
        reference: refOf(c),
        rule: 'colorectal-cancer',
        date: c.onsetDateTime,
        display: displayOf(c.code) ?? 'Colorectal cancer',
      });
    }
  }
  for (const p of proceduresIn(ctx, TOTAL_COLECTOMY)) {
    const ends = endOf(choiceRead(p, 'performed', birth).interval);
    if (isProcedurePerformed(p) && ends && isTrue(sameOrBefore(ends, end, DAY))) {
      out.push({
        reference: refOf(p),
        rule: 'total-colectomy',
        date: p.performedDateTime ?? p.performedPeriod?.end,
        display: displayOf(p.code) ?? 'Total colectomy',
      });
    }
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
  gapIds: ['cms130'],
  eligibility: { ages: CMS130_AGE, ageOn: 'period-end' },
  action: { priority: 110, steps: { default: { text: 'Colorectal cancer screening due' } } },
  evaluate(ctx: EvaluationContext): MeasureResult {
    const age = ageAtPeriodEnd(ctx);
    const band = ageInBand(ctx, age, CMS130_AGE.low, CMS130_AGE.high);
    const inBand = isTrue(band);
    const visits = inBand
      ? qualifyingEncounters(ctx, ADULT_OUTPATIENT_ENCOUNTER_SETS)
      : { encounters: [], doubtful: [] };
    const encounters = encounterEvidence(visits.encounters);
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
      {
        initialPopulation: ip,
        denominator: ip,
        denominatorExclusion: exclusion.length > 0,
        numerator: found.length > 0,
        denominatorException: false,
      },
      evidence,
      {
        reasons: verdictReasons(ctx, age, band, encounters.length ? [] : visits.doubtful),
        ...(ip && !exclusion.length && !found.length
          ? {
              closes: {
                what: 'Colorectal cancer screening: FIT/FOBT this year, or stool DNA-FIT, sigmoidoscopy, CT colonography or colonoscopy',
                due,
              },
            }
          : {}),
        ...(last ? { detail: { lastScreening: { date: last.date, kind: last.kind } } } : {}),
      },
    );
  },
};
