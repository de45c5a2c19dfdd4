/**
 * Exports of the population view: the table as CSV (the engine's population CSV rows, identical to
 * `caregap evaluate --format csv`), the outreach worklist (identical to `--format worklist`), and a
 * FHIR collection Bundle with a summary MeasureReport per measure (stratified by attributed
 * clinician) plus the subject-list reports and the individual reports. Built from evaluated
 * entries and their identity extracts; every patient-level cell is formula-safe. The download
 * itself is a Blob + object URL (no server round trip: the data never leave the browser).
 */
import {
  csvHeader,
  csvRows,
  toPopulationBundle,
  worklistLines,
  worklistRows,
  type DayPeriod,
  type PopulationBundleInput,
} from '../../engine/index.ts';
import type { PopulationEntry } from './run-population.ts';

/** The CSV text (header + one row per patient × measure and patient × gap, CRLF line ends per RFC 4180). */
export function populationCsv(entries: readonly PopulationEntry[]): string {
  const lines = [csvHeader()];
  for (const e of entries) {
    if (e.evaluation) {
      lines.push(...csvRows(e.evaluation, e.identity));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The worklist CSV of the entries: one row per open, still-closable gap, by due date then risk (CRLF line ends). */
export function populationWorklistCsv(entries: readonly PopulationEntry[]): string {
  const rows = entries.flatMap((e) => (e.evaluation ? worklistRows(e.evaluation, e.identity) : []));
  return `${worklistLines(rows).join('\r\n')}\r\n`;
}

/** The FHIR Bundle (summary + subject-list + individual MeasureReports) as pretty JSON. */
export function populationBundleJson(entries: readonly PopulationEntry[], period: DayPeriod, date: string): string {
  const evaluations: PopulationBundleInput[] = entries.flatMap((e) =>
    e.evaluation ? [{ ...e.evaluation, ...(e.identity?.clinician ? { clinician: e.identity.clinician } : {}) }] : [],
  );
  return JSON.stringify(toPopulationBundle(evaluations, { period, date }), null, 2);
}

/** Offers `text` as a file download named `filename`. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
