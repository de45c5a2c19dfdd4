/**
 * `sdoh-screening` — "Screening for Social Drivers of Health", defined with MIPS Quality #487
 * semantics (no eCQM exists; #487 is registry-reported — ../shared/design/measures.md §2.1) and
 * published as this project's own Measure (report/sdoh-measure-resource.ts). Patient-based proportion:
 * - Initial population = denominator: a finished #487 encounter during the period at which the
 *   patient is 18 or older ("Patients aged 18 and older on date of encounter":
 *   `AgeInYearsAt(date from start of Encounter.period) >= 18`, so a patient who turns 18 in the
 *   year counts from the first visit on or after the birthday).
 * - Numerator: screened during the period for all five domains (food, housing, transportation,
 *   utilities, interpersonal safety) with a standardized instrument (codes/sdoh-items.ts).
 * - Denominator exclusion: none (#487 has none; the population is reported with count 0).
 * - Denominator exception: the patient declined screening in the period (sdoh-screening-exceptions.ts),
 *   only when not screened for all five domains.
 * Qualifying encounters: the #487 denominator code list (valuesets/project/mips-487-encounter.ts).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import type { Evidence } from '../types.ts';
import { SDOH_DOMAINS, type SdohDomain } from '../codes/sdoh-items.ts';
import { ageAtLeast, ageInYearsAt } from '../cql/age.ts';
import { dateFrom } from '../cql/date-time.ts';
import { startOf } from '../cql/interval.ts';
import { isTrue, type Tri } from '../cql/logic.ts';
import { MIPS_487_ENCOUNTER } from '../valuesets/project/mips-487-encounter.ts';
import {
  qualifyingEncounters as finishedVisitsDuring,
  type QualifyingEncounter,
} from './cql-libraries/qualifying-encounters.ts';
import { incompleteInputs, proportionResult } from './proportion.ts';
import { screenedDomains, type SdohDomainResult } from './sdoh-screening-domains.ts';
import { declinedScreenings } from './sdoh-screening-exceptions.ts';
import { SDOH_SCREENING_PROFILE } from './point-of-care-measures.ts';

/** Canonical URL of the project's SDOH screening Measure. */
export const SDOH_MEASURE_URL = 'https://caregap.example.org/fhir/Measure/sdoh-screening';
/** Version of the Measure the logic implements. */
export const SDOH_MEASURE_VERSION = '1.0.0';
/** Minimum age on the date of the encounter (#487: patients 18 years and older). */
export const SDOH_MIN_AGE = 18;

/** The #487 denominator encounter list (finished, during the period). */
export const SDOH_ENCOUNTER_VALUE_SETS: readonly string[] = [MIPS_487_ENCOUNTER.url];

/** Resource types the measure must have read completely (QuestionnaireResponse: see {@link evaluateSdohScreening}). */
export const SDOH_REQUIRES = ['Encounter', 'Observation'] as const;

/** Human names of the domains, for `closes`. */
export const SDOH_DOMAIN_NAMES: Readonly<Record<SdohDomain, string>> = {
  food: 'food insecurity',
  housing: 'housing instability',
  transportation: 'transportation needs',
  utilities: 'utility difficulties',
  safety: 'interpersonal safety',
};

/** `AgeInYearsAt(date from start of Encounter.period) >= 18` (three-valued). */
function adultAt(ctx: EvaluationContext, enc: QualifyingEncounter): Tri {
  const start = startOf(enc.period);
  return start ? ageAtLeast(ageInYearsAt(ctx.record.patient.birthDate, dateFrom(start)), SDOH_MIN_AGE) : null;
}

/** Evaluates the SDOH screening measure for one patient. */
export function evaluateSdohScreening(ctx: EvaluationContext): ReturnType<MeasureDefinition['evaluate']> {
  const reasons = incompleteInputs(ctx, SDOH_REQUIRES);
  const visits = finishedVisitsDuring(ctx, [MIPS_487_ENCOUNTER]);
  // the qualifying encounters at which the patient is 18 or older
  const adults = visits.encounters.map((enc) => ({ enc, adult: adultAt(ctx, enc) }));
  const encounters = adults.filter((a) => isTrue(a.adult)).map((a) => a.enc.resource);
  const inPopulation = encounters.length > 0;
  if (!inPopulation) {
    if (!ctx.record.patient.birthDate) {
      reasons.push('Patient birth date is missing');
    } else if (adults.some((a) => a.adult === null)) {
      reasons.push('Patient birth date too imprecise to tell the age on the date of the visit');
    }
    if (ctx.record.patient.birthDate) {
      reasons.push(...visits.doubtful);
    }
  }

  const responses = ctx.completeness('QuestionnaireResponse');
  const domains = screenedDomains(ctx, responses.status !== 'missing');
  const allScreened = SDOH_DOMAINS.every((d) => domains[d].screened);
  // answers in QuestionnaireResponses can only add screens: when they were not (fully) read, that
  // matters only while the patient is not yet screened for every domain
  if (responses.status !== 'complete' && inPopulation && !allScreened) {
    reasons.push(
      `QuestionnaireResponse ${responses.status === 'partial' ? 'is incomplete' : 'is missing'}${responses.reason ? `: ${responses.reason}` : ''}`,
    );
  }
  const declined = inPopulation && !allScreened ? declinedScreenings(ctx) : [];

  const evidence: Evidence[] = [];
  if (inPopulation) {
    for (const enc of encounters) {
      const e: Evidence = { reference: `Encounter/${enc.id ?? ''}`, rule: 'qualifying-encounter' };
      if (enc.period?.start) {
        e.date = enc.period.start;
      }
      evidence.push(e);
    }
    for (const d of SDOH_DOMAINS) {
      const r = domains[d];
      for (const reference of r.evidence) {
        const e: Evidence = { reference, rule: `sdoh-${d}-screen` };
        if (r.date) {
          e.date = r.date;
        }
        if (r.instrument) {
          e.display = r.instrument;
        }
        if (r.positive !== undefined) {
          e.value = r.positive ? 'positive' : 'negative';
        }
        evidence.push(e);
      }
    }
    for (const x of declined) {
      evidence.push({
        reference: x.reference,
        rule: 'patient-declined',
        date: x.date,
        ...(x.display ? { display: x.display } : {}),
      });
    }
  }

  const missing = SDOH_DOMAINS.filter((d) => !domains[d].screened);
  const result = proportionResult(
    SDOH_SCREENING,
    {
      initialPopulation: inPopulation,
      denominator: inPopulation,
      denominatorExclusion: false,
      numerator: allScreened,
      denominatorException: declined.length > 0,
    },
    evidence,
    {
      reasons,
      detail: { domains: domains as Record<SdohDomain, SdohDomainResult> },
      ...(inPopulation && !allScreened && !declined.length
        ? {
            closes: {
              what: `Screen for ${missing.map((d) => SDOH_DOMAIN_NAMES[d]).join(', ')} with a standardized tool (e.g. AHC HRSN)`,
              due: ctx.period.end,
            },
          }
        : {}),
    },
  );
  return result;
}

/** The SDOH screening measure definition (registered in measures/index.ts). */
export const SDOH_SCREENING: MeasureDefinition = {
  ...SDOH_SCREENING_PROFILE,
  title: 'Screening for Social Drivers of Health',
  url: SDOH_MEASURE_URL,
  version: SDOH_MEASURE_VERSION,
  requires: [...SDOH_REQUIRES, 'QuestionnaireResponse'],
  eligibility: { ages: { low: SDOH_MIN_AGE }, ageOn: 'visit-date' },
  evaluate: evaluateSdohScreening,
};
