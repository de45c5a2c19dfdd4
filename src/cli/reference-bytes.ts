/**
 * The `reference` strings of a JSON text found off its raw bytes, without parsing it: what
 * shared-resources.ts needs to know which shared resources a patient's resources point at.
 */
import { BACKSLASH, COLON, QUOTE, isJsonSpace } from './json-bytes.ts';

const REFERENCE_KEY = Buffer.from('"reference"');

/**
 * Calls `found` with every `reference` string value in the JSON text `buf[start, end)`: each
 * `"reference"` key followed by a string, as the byte range of its content (`escaped`: it holds a
 * backslash escape; decode it with JSON.parse). A key cannot hide inside a string value (its quotes
 * would be escaped there), so on valid JSON this finds exactly the Reference.reference elements.
 */
export function forEachReference(
  buf: Buffer,
  start: number,
  end: number,
  found: (buf: Buffer, start: number, end: number, escaped: boolean) => void,
): void {
  // a view of just this text: indexOf must not run on past `end`
  const v = buf.subarray(start, end);
  const n = v.length;
  let i = v.indexOf(REFERENCE_KEY);
  while (i !== -1) {
    let j = i + REFERENCE_KEY.length;
    while (j < n && isJsonSpace(v[j]!)) {
      j++;
    }
    if (v[j] === COLON) {
      j++;
      while (j < n && isJsonSpace(v[j]!)) {
        j++;
      }
      if (v[j] === QUOTE) {
        let k = j + 1;
        let escaped = false;
        while (k < n && v[k] !== QUOTE) {
          if (v[k] === BACKSLASH) {
            escaped = true;
            k++;
          }
          k++;
        }
        if (k < n) {
          found(v, j + 1, k, escaped);
        }
        j = k;
      }
    }
    i = v.indexOf(REFERENCE_KEY, j);
  }
}

/** The string whose escaped content is `b[s, e)`, or undefined when it is not a valid JSON string. */
export function decodeEscaped(b: Buffer, s: number, e: number): string | undefined {
  try {
    const v: unknown = JSON.parse(b.toString('utf8', s - 1, e + 1));
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
