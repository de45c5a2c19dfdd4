/**
 * The CLI's output formats: `json` (ndjson, one compact line per patient), `measurereport`
 * (ndjson of individual MeasureReports), `summary` (one summary MeasureReport per measure, counts
 * summed) and `csv` (one row per patient × measure).
 * Summary score: numerator / (denominator − exclusions − exceptions), as cqf-measures defines
 * proportion scoring (https://build.fhir.org/ig/HL7/cqf-measures/measure-conformance.html#proportion-measure-scoring).
 */
import { MEASURE_POPULATION } from '../engine/codes/code-systems.ts';
import { toIndividualMeasureReport } from '../engine/report/measure-report.ts';
import type { DayPeriod, MeasureResult, PatientEvaluation, PopulationCode, PopulationCounts } from '../engine/types.ts';

/** Output format names. */
export const FORMATS = ['json', 'measurereport', 'summary', 'csv'] as const;
/** One of {@link FORMATS}. */
export type OutputFormat = (typeof FORMATS)[number];

/** The five population codes in report order. */
export const POPULATION_CODES: readonly PopulationCode[] = ['initial-population', 'denominator', 'denominator-exclusion', 'denominator-exception', 'numerator'];

const POPULATION_DISPLAY: Readonly<Record<PopulationCode, string>> = {
  'initial-population': 'Initial Population',
  denominator: 'Denominator',
  'denominator-exclusion': 'Denominator Exclusion',
  'denominator-exception': 'Denominator Exception',
  numerator: 'Numerator',
};

/** What was asked for: whether gap and flag ids were requested (controls key omission in `json`). */
export interface Requested {
  gaps: boolean;
  flags: boolean;
}

/** The compact per-patient JSON line. */
export function patientJsonLine(ev: PatientEvaluation, requested: Requested): string {
  const out: Record<string, unknown> = {
    patient: ev.patient,
    measures: ev.measures.map((m) => {
      const o: Record<string, unknown> = { id: m.id, status: m.status, populations: m.populations, evidence: m.evidence };
      if (m.closes) o.closes = m.closes;
      if (m.reasons) o.reasons = m.reasons;
      if (m.detail) o.detail = m.detail;
      return o;
    }),
  };
  if (ev.gaps.length || requested.gaps) out.gaps = ev.gaps;
  if (ev.flags.length || requested.flags) out.flags = ev.flags;
  if (ev.actions.length || requested.gaps || requested.flags) out.actions = ev.actions;
  out.issues = ev.issues;
  return JSON.stringify(out);
}

/** Individual MeasureReports of one patient, one JSON line each. */
export function measureReportLines(ev: PatientEvaluation, date: string): string[] {
  return ev.measures.map((m) => JSON.stringify(toIndividualMeasureReport(m, { subject: ev.patient, period: ev.period, date })));
}

/** Running sums for the summary format. */
export class SummaryAccumulator {
  private readonly sums = new Map<string, { result: MeasureResult; counts: PopulationCounts; patients: number; unknown: number }>();

  /** Adds one patient's measure results. */
  add(ev: PatientEvaluation): void {
    for (const m of ev.measures) {
      let s = this.sums.get(m.id);
      if (!s) this.sums.set(m.id, (s = { result: m, counts: { 'initial-population': 0, denominator: 0, 'denominator-exclusion': 0, 'denominator-exception': 0, numerator: 0 }, patients: 0, unknown: 0 }));
      for (const c of POPULATION_CODES) s.counts[c] += m.populations[c];
      s.patients++;
      if (m.status === 'unknown') s.unknown++;
    }
  }

  /** One summary MeasureReport per measure. */
  reports(period: DayPeriod, date: string): fhir4.MeasureReport[] {
    return [...this.sums.entries()].map(([id, s]) => {
      const c = s.counts;
      const scored = c.denominator - c['denominator-exclusion'] - c['denominator-exception'];
      const group: fhir4.MeasureReportGroup = {
        id: 'Group_1',
        population: POPULATION_CODES.map((code) => ({ code: { coding: [{ system: MEASURE_POPULATION, code, display: POPULATION_DISPLAY[code] }] }, count: c[code] })),
      };
      if (scored > 0) group.measureScore = { value: c.numerator / scored };
      const report: fhir4.MeasureReport = {
        resourceType: 'MeasureReport',
        id: `${id}-summary`,
        status: s.unknown ? 'pending' : 'complete',
        type: 'summary',
        measure: `${s.result.measureUrl}|${s.result.version}`,
        date,
        period: { start: period.start, end: period.end },
        group: [group],
      };
      if (s.unknown)
        report.extension = [{ url: 'https://caregap.example.org/fhir/StructureDefinition/data-completeness', valueString: `${s.unknown} of ${s.patients} patients had incomplete data` }];
      return report;
    });
  }
}

/** CSV header of the `csv` format. */
export const CSV_HEADER = ['patient', 'measure', 'status', ...POPULATION_CODES, 'closes', 'due'];

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV rows of one patient (one per measure). */
export function csvRows(ev: PatientEvaluation): string[] {
  return ev.measures.map((m) =>
    [ev.patient, m.id, m.status, ...POPULATION_CODES.map((c) => m.populations[c]), m.closes?.what, m.closes?.due].map(csvField).join(','),
  );
}
