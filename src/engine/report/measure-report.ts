/**
 * Individual FHIR MeasureReport for one patient and one measure, in the shape the reference
 * implementations (fqm-execution, MADiE) emit: `measure` canonical with `|version`, `period`,
 * `subject`, one group with the five population codes from the measure-population code system,
 * and `evaluatedResource` listing the evidence.
 * Spec: https://hl7.org/fhir/R4/measurereport.html ; DEQM Individual MeasureReport.
 */
import { MEASURE_POPULATION } from '../codes/code-systems.ts';
import type { MeasureResult, PopulationCode, DayPeriod } from '../types.ts';
import { toEpisodeIndividualMeasureReport } from './episode-measure-report.ts';

const POPULATION_ORDER: readonly { code: PopulationCode; display: string; id: string }[] = [
  { code: 'initial-population', display: 'Initial Population', id: 'InitialPopulation_1' },
  { code: 'denominator', display: 'Denominator', id: 'Denominator_1' },
  { code: 'denominator-exclusion', display: 'Denominator Exclusion', id: 'DenominatorExclusion_1' },
  { code: 'numerator', display: 'Numerator', id: 'Numerator_1' },
  { code: 'denominator-exception', display: 'Denominator Exception', id: 'DenominatorException_1' },
];

/** Extension marking a report whose inputs were incomplete (our status `unknown`). */
export const DATA_COMPLETENESS_EXTENSION = 'https://caregap.example.org/fhir/StructureDefinition/data-completeness';

/** Options for {@link toIndividualMeasureReport}. */
export interface MeasureReportOptions {
  /** `Patient/ID`. */
  subject: string;
  period: DayPeriod;
  /** When the report was calculated (ISO dateTime); callers pass it (the engine reads no clock). */
  date?: string;
  /** Report id (default derived from measure + patient). */
  id?: string;
}

/** Builds the individual MeasureReport of one measure result. */
export function toIndividualMeasureReport(result: MeasureResult, opts: MeasureReportOptions): fhir4.MeasureReport {
  // episode-based measures (fuh, fum, fua, tcm): one group per rate, events counted
  if (result.groups) {
    return toEpisodeIndividualMeasureReport(
      result,
      opts,
      result.status === 'unknown'
        ? { url: DATA_COMPLETENESS_EXTENSION, valueString: (result.reasons ?? []).join('; ') }
        : undefined,
    );
  }
  const patientId = opts.subject.replace(/^Patient\//, '');
  const seen = new Set<string>();
  const evaluated: fhir4.Reference[] = [];
  for (const e of result.evidence) {
    if (seen.has(e.reference)) {
      continue;
    }
    seen.add(e.reference);
    evaluated.push({ reference: e.reference });
  }
  const report: fhir4.MeasureReport = {
    resourceType: 'MeasureReport',
    id: opts.id ?? `${result.id}-${patientId}`,
    status: result.status === 'unknown' ? 'pending' : 'complete',
    type: 'individual',
    measure: `${result.measureUrl}|${result.version}`,
    subject: { reference: opts.subject },
    period: { start: opts.period.start, end: opts.period.end },
    group: [
      {
        id: 'Group_1',
        population: POPULATION_ORDER.map((p) => ({
          id: p.id,
          code: { coding: [{ system: MEASURE_POPULATION, code: p.code, display: p.display }] },
          count: result.populations[p.code],
        })),
      },
    ],
  };
  if (opts.date) {
    report.date = opts.date;
  }
  if (result.inverse) {
    report.improvementNotation = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation', code: 'decrease' }],
    };
  }
  if (evaluated.length) {
    report.evaluatedResource = evaluated;
  }
  if (result.status === 'unknown') {
    report.extension = [{ url: DATA_COMPLETENESS_EXTENSION, valueString: (result.reasons ?? []).join('; ') }];
  }
  return report;
}
