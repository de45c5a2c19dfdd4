/**
 * FHIR `instant` (R4 datatypes §instant: a time to the second, with a time zone), the type of the
 * Bulk Data `_since` parameter and of the manifest's `transactionTime`.
 */
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

/** Whether `text` is a FHIR instant that names a real moment. */
export function isInstant(text: string): boolean {
  if (!INSTANT.test(text) || Number.isNaN(Date.parse(text))) {
    return false;
  }
  // Date.parse rolls 30 February over into March: check the calendar day itself
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}
