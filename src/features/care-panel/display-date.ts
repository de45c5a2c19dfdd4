/**
 * The panel's one way of writing dates and times: "3 Dec 2026" (day, abbreviated month, year —
 * never ambiguous between US and European readers, the same as the engine's flag statements) and
 * "14:05" (24-hour clock). A month-precision date reads "Mar 2026", a year "2026". Every date the
 * panel shows, in text, charts, evidence and write-back confirmations, goes through here.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?/;

/** A FHIR date or dateTime as "3 Dec 2026" (the calendar day as written; the time is left out). */
export function formatDay(iso: string | undefined): string {
  if (!iso) {
    return '';
  }
  const m = ISO.exec(iso);
  if (!m) {
    return iso;
  }
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) {
    return y ?? iso;
  }
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A local clock time as "14:05". */
export function formatTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** A FHIR dateTime as "3 Dec 2026, 14:05" (as written, in its own offset); a date alone as formatDay. */
export function formatDateTime(iso: string | undefined): string {
  const m = ISO.exec(iso ?? '');
  if (!m?.[4]) {
    return formatDay(iso);
  }
  return `${formatDay(iso)}, ${m[4]}:${m[5]}`;
}
