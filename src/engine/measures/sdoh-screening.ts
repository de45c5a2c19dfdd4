/**
 * `sdoh-screening` — "Screening for Social Drivers of Health", defined with MIPS Quality #487
 * semantics (no eCQM exists; #487 is registry-reported — ../shared/design/measures.md §2.1) and
 * published as this project's own Measure (report/sdoh-measure-resource.ts). Patient-based proportion:
 * - Initial population = denominator: aged 18 or older at the START of the measurement period
 *   (the CMS eCQM convention; #487 says "on the date of the encounter" — we choose the period start
 *   so that a patient's population does not change with the visit date; a patient turning 18 during
 *   the year is not yet included) with a finished qualifying encounter during the period.
 * - Numerator: screened during the period for all five domains (food, housing, transportation,
 *   utilities, interpersonal safety) with a standardized instrument (codes/sdoh-items.ts).
 * - Denominator exclusion: none (#487 has none; the population is reported with count 0).
 * - Denominator exception: the patient declined screening in the period (sdoh-screening-exceptions.ts),
 *   only when not screened for all five domains.
 * Qualifying encounters reuse the eCQM outpatient value sets in the catalog (see {@link SDOH_ENCOUNTER_VALUE_SETS}).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import type { Evidence } from '../types.ts';
import { SDOH_DOMAINS, type SdohDomain } from '../codes/sdoh-items.ts';
import { ageInYearsOn } from '../fhir/dates.ts';
import { dayIn, and } from '../fhir/day-relations.ts';
import { periodBounds } from '../fhir/resource-dates.ts';
import { ANNUAL_WELLNESS_VISIT } from '../valuesets/catalog/annual-wellness-visit.ts';
import { ENCOUNTER_TO_SCREEN_FOR_DEPRESSION } from '../valuesets/catalog/encounter-to-screen-for-depression.ts';
import { HOME_HEALTHCARE_SERVICES } from '../valuesets/catalog/home-healthcare-services.ts';
import { OFFICE_VISIT } from '../valuesets/catalog/office-visit.ts';
import { PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP } from '../valuesets/catalog/preventive-care-services-established-office-visit-18-and-up.ts';
import { PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP } from '../valuesets/catalog/preventive-care-services-initial-office-visit-18-and-up.ts';
import { TELEPHONE_VISITS } from '../valuesets/catalog/telephone-visits.ts';
import { VIRTUAL_ENCOUNTER } from '../valuesets/catalog/virtual-encounter.ts';
import { incompleteInputs, proportionResult } from './proportion.ts';
import { screenedDomains, type SdohDomainResult } from './sdoh-screening-domains.ts';
import { declinedScreenings } from './sdoh-screening-exceptions.ts';

/** Canonical URL of the project's SDOH screening Measure. */
export const SDOH_MEASURE_URL = 'https://caregap.example.org/fhir/Measure/sdoh-screening';
/** Version of the Measure the logic implements. */
export const SDOH_MEASURE_VERSION = '1.0.0';
/** Minimum age at the start of the measurement period (#487: patients 18 years and older). */
export const SDOH_MIN_AGE = 18;
/** Encounter status that counts (a visit that took place). */
export const SDOH_ENCOUNTER_FINISHED = 'finished';

/**
 * Qualifying outpatient encounters: CMS2's Encounter to Screen for Depression (office, preventive,
 * OB 59400/59510/59610/59618 …, as in #487's list), Office Visit, Preventive Care 18 and Up
 * (initial, established), Annual Wellness Visit, Home Healthcare Services, and — #487 allows
 * telehealth — Telephone Visits and Virtual Encounter.
 */
export const SDOH_ENCOUNTER_VALUE_SETS: readonly string[] = [
  ENCOUNTER_TO_SCREEN_FOR_DEPRESSION.url,
  OFFICE_VISIT.url,
  PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP.url,
  PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP.url,
  ANNUAL_WELLNESS_VISIT.url,
  HOME_HEALTHCARE_SERVICES.url,
  TELEPHONE_VISITS.url,
  VIRTUAL_ENCOUNTER.url,
];

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

/** Finished qualifying encounters whose period lies within the days of the measurement period. */
function qualifyingEncounters(ctx: EvaluationContext): fhir4.Encounter[] {
  const out = new Set<fhir4.Encounter>();
  for (const vs of SDOH_ENCOUNTER_VALUE_SETS) {
    for (const enc of ctx.inValueSet<fhir4.Encounter>('Encounter', vs, (e) => e.type, 'type')) {
      if (out.has(enc) || enc.status !== SDOH_ENCOUNTER_FINISHED) continue;
      const b = periodBounds(enc.period, ctx.tz)?.bounds;
      if (!b?.start || !b.end) {
        ctx.issue({ resourceType: 'Encounter', ...(enc.id ? { id: enc.id } : {}), field: 'period', message: 'encounter period missing or unreadable', severity: 'warning' });
        continue;
      }
      // an open-ended (in-progress) period never lies within the period: `finished` requires an end
      if (and(dayIn(b.start, ctx.periodStartDay, ctx.periodEndDay), dayIn(b.end, ctx.periodStartDay, ctx.periodEndDay)) === true) out.add(enc);
    }
  }
  return [...out];
}

/** Evaluates the SDOH screening measure for one patient. */
export function evaluateSdohScreening(ctx: EvaluationContext): ReturnType<MeasureDefinition['evaluate']> {
  const reasons = incompleteInputs(ctx, SDOH_REQUIRES);
  const patient = ctx.record.patient;
  const age = ageInYearsOn(patient.birthDate, ctx.periodStartDay);
  if (age === undefined) reasons.push('Patient birth date is missing or unreadable');
  const encounters = qualifyingEncounters(ctx);
  const inPopulation = age !== undefined && age >= SDOH_MIN_AGE && encounters.length > 0;

  const responses = ctx.completeness('QuestionnaireResponse');
  const domains = screenedDomains(ctx, responses.status !== 'missing');
  const allScreened = SDOH_DOMAINS.every((d) => domains[d].screened);
  // answers in QuestionnaireResponses can only add screens: when they were not (fully) read, that
  // matters only while the patient is not yet screened for every domain
  if (responses.status !== 'complete' && inPopulation && !allScreened)
    reasons.push(`QuestionnaireResponse ${responses.status === 'partial' ? 'is incomplete' : 'is missing'}${responses.reason ? `: ${responses.reason}` : ''}`);
  const declined = inPopulation && !allScreened ? declinedScreenings(ctx) : [];

  const evidence: Evidence[] = [];
  if (inPopulation) {
    for (const enc of encounters) {
      const e: Evidence = { reference: `Encounter/${enc.id ?? ''}`, rule: 'qualifying-encounter' };
      if (enc.period?.start) e.date = enc.period.start;
      evidence.push(e);
    }
    for (const d of SDOH_DOMAINS) {
      const r = domains[d];
      for (const reference of r.evidence) {
        const e: Evidence = { reference, rule: `sdoh-${d}-screen` };
        if (r.date) e.date = r.date;
        if (r.instrument) e.display = r.instrument;
        if (r.positive !== undefined) e.value = r.positive ? 'positive' : 'negative';
        evidence.push(e);
      }
    }
    for (const x of declined) evidence.push({ reference: x.reference, rule: 'patient-declined', date: x.date, ...(x.display ? { display: x.display } : {}) });
  }

  const missing = SDOH_DOMAINS.filter((d) => !domains[d].screened);
  const result = proportionResult(
    SDOH_SCREENING,
    { initialPopulation: inPopulation, denominator: inPopulation, denominatorExclusion: false, numerator: allScreened, denominatorException: declined.length > 0 },
    evidence,
    {
      reasons,
      detail: { domains: domains as Record<SdohDomain, SdohDomainResult> },
      ...(inPopulation && !allScreened && !declined.length
        ? { closes: { what: `Screen for ${missing.map((d) => SDOH_DOMAIN_NAMES[d]).join(', ')} with a standardized tool (e.g. AHC HRSN)`, due: ctx.period.end } }
        : {}),
    },
  );
  return result;
}

/** The SDOH screening measure definition (registered in measures/index.ts). */
export const SDOH_SCREENING: MeasureDefinition = {
  id: 'sdoh-screening',
  title: 'Screening for Social Drivers of Health',
  url: SDOH_MEASURE_URL,
  version: SDOH_MEASURE_VERSION,
  requires: [...SDOH_REQUIRES, 'QuestionnaireResponse'],
  evaluate: evaluateSdohScreening,
};
