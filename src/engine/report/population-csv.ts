/**
 * The population table as CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): one row per
 * patient × measure and per patient × care gap, the same table the app's population view shows and
 * the CLI's `--format csv` writes. Streaming-friendly: write {@link csvHeader} once, then
 * {@link csvRows} of each patient as it is evaluated. Rows end without a line break; the caller
 * joins them with CRLF or LF.
 * Columns: patient, id, kind (`measure` | `gap`), status, the five population counts (measures
 * only; empty for gaps), due (last day the closing action counts), closes (what closes it).
 */
import type { PatientEvaluation } from '../types.ts';
import { POPULATION_CODES } from './summary-measure-report.ts';

/** The column names, in order. */
export const CSV_COLUMNS: readonly string[] = ['patient', 'id', 'kind', 'status', ...POPULATION_CODES, 'due', 'closes'];

/** Quotes a field when it holds a comma, a double quote or a line break; inner quotes are doubled (RFC 4180 §2.6–2.7). */
export function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header row. */
export function csvHeader(): string {
  return CSV_COLUMNS.map(csvField).join(',');
}

/** The rows of one patient: each measure, then each care gap. */
export function csvRows(ev: Pick<PatientEvaluation, 'patient' | 'measures' | 'gaps'>): string[] {
  const rows: string[] = [];
  for (const m of ev.measures)
    rows.push([ev.patient, m.id, 'measure', m.status, ...POPULATION_CODES.map((c) => m.populations[c]), m.closes?.due, m.closes?.what].map(csvField).join(','));
  for (const g of ev.gaps)
    rows.push([ev.patient, g.id, 'gap', g.status, ...POPULATION_CODES.map(() => undefined), g.due, g.closes].map(csvField).join(','));
  return rows;
}
