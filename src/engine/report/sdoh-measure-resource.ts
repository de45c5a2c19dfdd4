/**
 * The FHIR Measure resource this project publishes for `sdoh-screening` ("Screening for Social
 * Drivers of Health"): no eCQM exists (MIPS #487 is registry-only, ../shared/design/measures.md
 * §2.1), so the definition is ours, with #487's semantics. Proportion scoring, boolean
 * (patient-based) population basis, improvement notation "increase". Each population carries a
 * plain description of its criterion; the logic lives in measures/sdoh-screening.ts (no CQL library).
 * Spec: https://hl7.org/fhir/R4/measure.html ; cqf-measures proportion measure conformance.
 */
import { MEASURE_POPULATION } from '../codes/code-systems.ts';
import { SDOH_MEASURE_URL, SDOH_MEASURE_VERSION, SDOH_MIN_AGE } from '../measures/sdoh-screening.ts';

/** Measure scoring code system. */
const MEASURE_SCORING = 'http://terminology.hl7.org/CodeSystem/measure-scoring';
/** Improvement notation code system. */
const IMPROVEMENT_NOTATION = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';
/** Measure type code system. */
const MEASURE_TYPE = 'http://terminology.hl7.org/CodeSystem/measure-type';
/** cqf-measures population-basis extension (boolean = patient-based). */
const POPULATION_BASIS = 'http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-populationBasis';

const population = (code: string, display: string, description: string): fhir4.MeasureGroupPopulation => ({
  id: display.replace(/ /g, '') + '_1',
  code: { coding: [{ system: MEASURE_POPULATION, code, display }] },
  description,
  // no CQL library: the criterion is implemented in TypeScript (measures/sdoh-screening.ts)
  criteria: { language: 'text/plain', expression: `sdoh-screening ${code}` },
});

/** The published Measure resource of the SDOH screening measure. */
export function sdohMeasureResource(): fhir4.Measure {
  return {
    resourceType: 'Measure',
    id: 'sdoh-screening',
    url: SDOH_MEASURE_URL,
    version: SDOH_MEASURE_VERSION,
    name: 'SDOHScreening',
    title: 'Screening for Social Drivers of Health',
    status: 'active',
    experimental: false,
    publisher: 'CareGap Panel',
    description:
      `Percentage of patients ${SDOH_MIN_AGE} years and older on the date of a qualifying encounter in the measurement period ` +
      'who were screened during the period for food insecurity, housing instability, transportation needs, utility difficulties ' +
      'and interpersonal safety with a standardized instrument (semantics of MIPS Quality #487).',
    relatedArtifact: [
      { type: 'documentation', display: 'MIPS Quality #487 Screening for Social Drivers of Health (registry measure)' },
    ],
    scoring: { coding: [{ system: MEASURE_SCORING, code: 'proportion', display: 'Proportion' }] },
    type: [{ coding: [{ system: MEASURE_TYPE, code: 'process', display: 'Process' }] }],
    improvementNotation: {
      coding: [{ system: IMPROVEMENT_NOTATION, code: 'increase', display: 'Increased score indicates improvement' }],
    },
    extension: [{ url: POPULATION_BASIS, valueCode: 'boolean' }],
    group: [
      {
        id: 'Group_1',
        population: [
          population(
            'initial-population',
            'Initial Population',
            `Patients aged ${SDOH_MIN_AGE} or older on the date of a finished encounter from the MIPS #487 denominator list ` +
              '(in person or by telehealth) whose period lies within the measurement period.',
          ),
          population('denominator', 'Denominator', 'Equals the initial population.'),
          population(
            'denominator-exclusion',
            'Denominator Exclusion',
            'None: the population is always reported with count 0.',
          ),
          population(
            'numerator',
            'Numerator',
            'Patients with a screening answer during the measurement period for every one of the five domains (food insecurity, ' +
              'housing instability, transportation needs, utility difficulties, interpersonal safety) from a standardized instrument ' +
              '(AHC HRSN, Hunger Vital Sign, PRAPARE, HITS) identified by LOINC panel and item codes; domains may be screened on ' +
              'different days and with different instruments.',
          ),
          population(
            'denominator-exception',
            'Denominator Exception',
            'Patients not in the numerator for whom a screening was recorded during the measurement period as declined by the patient ' +
              '(not done with a patient-declined reason, or asked but declined).',
          ),
        ],
      },
    ],
  };
}
