/**
 * The population table as CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): one row per
 * patient × measure and per patient × care gap, the same table the app's population view shows and
 * the CLI's `--format csv` writes. Streaming-friendly: write {@link csvHeader} once, then
 * {@link csvRows} of each patient as it is evaluated. Rows end without a line break; the caller
 * joins them with CRLF or LF. Every text cell is formula-safe (csv-cell.ts).
 * Columns: patient (`Patient/ID`), who the patient is (name, birth date, MRN, attributed
 * clinician — two patients of the same name differ here), id, title, kind (`measure` | `gap`),
 * status, the five population counts (measures only; empty for gaps), due (last day the closing
 * action counts), closes (what closes it).
 */
import type { PatientEvaluation } from '../types.ts';
import { csvField, csvLine } from './csv-cell.ts';
import { clinicianLabel, type PatientIdentity } from './patient-identity.ts';
import { POPULATION_CODES } from './population-accumulator.ts';

export { csvField } from './csv-cell.ts';

/** The identity columns every patient-level CSV starts with. */
export const IDENTITY_COLUMNS: readonly string[] = ['patient', 'name', 'birth-date', 'mrn', 'clinician'];

/** The column names, in order. */
export const CSV_COLUMNS: readonly string[] = [
  ...IDENTITY_COLUMNS,
  'id',
  'title',
  'kind',
  'status',
  ...POPULATION_CODES,
  'due',
  'closes',
];

/** The header row. */
export function csvHeader(): string {
  return CSV_COLUMNS.map(csvField).join(',');
}

/** The identity fields of a patient, in {@link IDENTITY_COLUMNS} order (blank where the record has none). */
export function identityFields(patient: string, identity: PatientIdentity | undefined): string[] {
  return [
    patient,
    identity?.name ?? '',
    identity?.birthDate ?? '',
    identity?.mrn ?? '',
    identity ? clinicianLabel(identity.clinician) : '',
  ];
}

/** The rows of one patient: each measure, then each care gap. */
export function csvRows(
  ev: Pick<PatientEvaluation, 'patient' | 'measures' | 'gaps'>,
  identity?: PatientIdentity,
): string[] {
  const who = identityFields(ev.patient, identity);
  const rows: string[] = [];
  for (const m of ev.measures) {
    rows.push(
      csvLine([
        ...who,
        m.id,
        m.title,
        'measure',
        m.status,
        ...POPULATION_CODES.map((c) => m.populations[c]),
        m.closes?.due,
        m.closes?.what,
      ]),
    );
  }
  for (const g of ev.gaps) {
    rows.push(
      csvLine([...who, g.id, g.title, 'gap', g.status, ...POPULATION_CODES.map(() => undefined), g.due, g.closes]),
    );
  }
  return rows;
}
