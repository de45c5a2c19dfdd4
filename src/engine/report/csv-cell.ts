/**
 * One CSV field, quoted per RFC 4180 and made formula-safe for spreadsheets.
 * RFC 4180 §2.6–2.7 (https://www.rfc-editor.org/rfc/rfc4180): a field holding a comma, a double
 * quote or a line break is enclosed in double quotes, inner quotes doubled.
 * OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): a cell that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and
 * Google Sheets (`=HYPERLINK(…)`, DDE `=cmd|…`); prefixing it with a single quote makes it text.
 * Patient-level CSVs carry FHIR text (names, displays, reasons) that anyone able to write to the
 * EHR controls, so every text cell goes through here. Leading spaces before such a character are
 * looked through too (some importers trim them), and the full-width forms (U+FF1D ＝, U+FF0B ＋,
 * U+FF0D －, U+FF20 ＠) that some spreadsheets normalise to ASCII are treated the same.
 * Numbers the reports compute themselves (counts, days left) are written as numbers, never prefixed.
 */

/** Text that a spreadsheet would read as the start of a formula (after optional leading spaces). */
const FORMULA_START = /^[\t\r]|^[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** Whether a text cell would be taken for a formula by a spreadsheet (OWASP CSV Injection). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text made inert for spreadsheets: a leading `'` when it looks like a formula, else unchanged. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * One field: empty for undefined, numbers as written, text formula-neutralised and then quoted
 * when it holds a comma, a double quote or a line break (inner quotes doubled).
 */
export function csvField(v: string | number | undefined): string {
  if (v === undefined) {
    return '';
  }
  if (typeof v === 'number') {
    return Number.isFinite(v) ? String(v) : '';
  }
  const s = neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (no line break) from its fields. */
export function csvLine(fields: readonly (string | number | undefined)[]): string {
  return fields.map(csvField).join(',');
}
