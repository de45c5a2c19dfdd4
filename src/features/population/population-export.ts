/**
 * Exports of the population view: the table as CSV (the engine's population CSV rows, identical
 * to `caregap evaluate --format csv`) and a FHIR collection Bundle with a summary MeasureReport per
 * measure plus the subject-list reports and the individual reports. Built from evaluated entries;
 * the download itself is a Blob + object URL (no server round trip: the data never leave the browser).
 */
import { csvHeader, csvRows } from '../../engine/report/population-csv.ts';
import { toPopulationBundle } from '../../engine/report/summary-measure-report.ts';
import type { DayPeriod, PatientEvaluation } from '../../engine/types.ts';
import type { PopulationEntry } from './run-population.ts';

/** Evaluations of the entries, in table order. */
function evaluationsOf(entries: readonly PopulationEntry[]): PatientEvaluation[] {
  return entries.flatMap((e) => (e.evaluation ? [e.evaluation] : []));
}

/** The CSV text (header + one row per patient × measure and patient × gap, CRLF line ends per RFC 4180). */
export function populationCsv(entries: readonly PopulationEntry[]): string {
  const lines = [csvHeader()];
  for (const ev of evaluationsOf(entries)) lines.push(...csvRows(ev));
  return `${lines.join('\r\n')}\r\n`;
}

/** The FHIR Bundle (summary + subject-list + individual MeasureReports) as pretty JSON. */
export function populationBundleJson(entries: readonly PopulationEntry[], period: DayPeriod, date: string): string {
  return JSON.stringify(toPopulationBundle(evaluationsOf(entries), { period, date }), null, 2);
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
