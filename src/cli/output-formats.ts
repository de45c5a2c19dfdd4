/**
 * The CLI's output formats: `json` (ndjson, one compact line per patient), `measurereport`
 * (ndjson of individual MeasureReports), `summary` (one summary MeasureReport per measure, counts
 * summed, see src/engine/report/summary-measure-report.ts), `csv` (one row per patient × measure
 * and patient × gap, see src/engine/report/population-csv.ts), `gaps` (ndjson of one Da Vinci
 * DEQM gaps-in-care Bundle per patient, see src/engine/report/deqm-gaps-bundle.ts) and `worklist`
 * (CSV of open, still-actionable gaps sorted by due date then risk, written at the end, see
 * src/engine/report/worklist.ts).
 */
import {
  toGapsBundle,
  toIndividualMeasureReport,
  csvRows,
  type PopulationInput,
  type PatientIdentity,
  type PatientEvaluation,
} from '../engine/index.ts';

/** Output format names. */
export const FORMATS = ['json', 'measurereport', 'summary', 'csv', 'gaps', 'worklist'] as const;
/** One of {@link FORMATS}. */
export type OutputFormat = (typeof FORMATS)[number];

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
      const o: Record<string, unknown> = {
        id: m.id,
        status: m.status,
        populations: m.populations,
        evidence: m.evidence,
      };
      // episode measures (fuh, fum, fua, tcm): the patient's event counts per rate
      if (m.groups) {
        Object.assign(o, { populationBasis: m.populationBasis, groups: m.groups });
      }
      if (m.closes) {
        o.closes = m.closes;
      }
      if (m.reasons) {
        o.reasons = m.reasons;
      }
      if (m.detail) {
        o.detail = m.detail;
      }
      return o;
    }),
  };
  if (ev.gaps.length || requested.gaps) {
    out.gaps = ev.gaps;
  }
  if (ev.flags.length || requested.flags) {
    out.flags = ev.flags;
  }
  if (ev.actions.length || requested.gaps || requested.flags) {
    out.actions = ev.actions;
  }
  if (ev.missed?.length) {
    out.missed = ev.missed;
  }
  if (ev.deceased) {
    out.deceased = ev.deceased;
  }
  out.issues = ev.issues;
  return JSON.stringify(out);
}

/** Individual MeasureReports of one patient, one JSON line each. */
export function measureReportLines(ev: PatientEvaluation, date: string): string[] {
  return ev.measures.map((m) =>
    JSON.stringify(toIndividualMeasureReport(m, { subject: ev.patient, period: ev.period, date })),
  );
}

/** What the summary needs of a patient, without evidence (smaller to pass between threads); stratified by its clinician. */
export function summaryInput(ev: PatientEvaluation, identity?: PatientIdentity): PopulationInput {
  return {
    patient: ev.patient,
    ...(identity?.clinician ? { clinician: identity.clinician } : {}),
    measures: ev.measures.map((m) => ({
      id: m.id,
      measureUrl: m.measureUrl,
      version: m.version,
      title: m.title,
      status: m.status,
      populations: m.populations,
      evidence: [],
      ...(m.inverse ? { inverse: true } : {}),
      ...(m.groups ? { groups: m.groups, populationBasis: m.populationBasis } : {}),
    })),
    gaps: ev.gaps.map((g) => ({
      id: g.id,
      title: g.title,
      status: g.status,
      why: '',
      evidence: [],
      ...(g.measureId ? { measureId: g.measureId } : {}),
    })),
  };
}

/** Settings shared by every patient of a run. */
export interface FormatSettings {
  format: OutputFormat;
  requested: Requested;
  /** Report date (ISO dateTime), read from the clock once by the CLI. */
  date: string;
}

/** The output lines of one patient (none for `summary` and `worklist`, which are written at the end). */
export function outputLines(
  ev: PatientEvaluation,
  patient: fhir4.Patient | undefined,
  s: FormatSettings,
  identity?: PatientIdentity,
): string[] {
  switch (s.format) {
    case 'json':
      return [patientJsonLine(ev, s.requested)];
    case 'measurereport':
      return measureReportLines(ev, s.date);
    case 'csv':
      return csvRows(ev, identity);
    case 'gaps':
      return [JSON.stringify(toGapsBundle(ev, { date: s.date, ...(patient ? { patient } : {}) }))];
    case 'summary':
    case 'worklist':
      return [];
  }
}
