/**
 * Which patient a resource read by the CLI belongs to: a Patient by its id, any other resource by
 * the Patient it references (`subject`, `patient`, `beneficiary`; relative, absolute or Bundle
 * `urn:uuid:` references). Resources that reference no patient (Organization, Practitioner, …) are
 * not part of any patient's record. Grouping itself is streamed (patient-shards.ts); the same
 * `Type/id` seen twice is one resource, the last copy read wins (evaluate-batch.ts).
 */
import type { LocatedResource } from './read-inputs.ts';

/** Elements that point at the patient a resource is about, in the order they are tried. */
export const PATIENT_REFERENCE_ELEMENTS: readonly string[] = ['subject', 'patient', 'beneficiary'];

/** The patient id a reference string denotes, or undefined when it is not a Patient reference. */
export function patientIdOfReference(ref: string, fullUrls?: ReadonlyMap<string, string>): string | undefined {
  const resolved = fullUrls?.get(ref) ?? ref;
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(resolved);
  return m?.[1];
}

/** The patient a resource belongs to, or undefined. */
export function patientIdOf(located: LocatedResource): string | undefined {
  const r = located.resource as unknown as Record<string, unknown>;
  if (r.resourceType === 'Patient') return typeof r.id === 'string' ? r.id : undefined;
  for (const el of PATIENT_REFERENCE_ELEMENTS) {
    const ref = (r[el] as { reference?: unknown } | undefined)?.reference;
    if (typeof ref === 'string') {
      const id = patientIdOfReference(ref, located.fullUrls);
      if (id) return id;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Pass 1 of a Bulk ndjson export without JSON.parse: the patient of one line, read off its raw bytes.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const K_RESOURCE_TYPE = bytesOf('resourceType');
const K_ID = bytesOf('id');
const K_REFERENCE = bytesOf('reference');
const V_PATIENT = bytesOf('Patient');
const V_BUNDLE = bytesOf('Bundle');
/** {@link PATIENT_REFERENCE_ELEMENTS} as bytes, same order. */
const K_ELEMENTS = PATIENT_REFERENCE_ELEMENTS.map(bytesOf);

/** JSON whitespace between tokens. */
const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** What String.prototype.trim removes, restricted to ASCII (anything else makes the scanner decline). */
const isAsciiTrimmed = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** Thrown (a constant, no stack) when the scanner is not sure: the caller falls back to JSON.parse. */
const DECLINE = 0;

/** Set by {@link stringEnd}: whether the string just read had no escape and only ASCII bytes (its bytes are its characters). */
let lastPlain = true;

/** Per element of K_ELEMENTS: the last `reference` string token seen ([start, end) of its content, -1 when none) and whether it is plain. */
const refStart = new Int32Array(K_ELEMENTS.length);
const refEnd = new Int32Array(K_ELEMENTS.length);
const refPlain = new Uint8Array(K_ELEMENTS.length);

/**
 * The patient a single-resource ndjson line `buf[start, end)` belongs to, exactly as
 * `patientIdOf(JSON.parse(line))` would say, without parsing it: walks only the top-level object
 * (and the top level of its `subject` / `patient` / `beneficiary` objects), skipping every other
 * value by tracking strings, escapes and nesting. Duplicate keys: the last wins, as in JSON.parse;
 * keys and values with escapes or non-ASCII bytes are decoded by JSON.parse of just that string.
 *
 * Returns undefined — the caller must then JSON.parse the line — whenever it is not sure: not an
 * object, a Bundle, no string resourceType, no patient found, unbalanced or odd syntax. It does not
 * validate the whole line: a line it accepts may still be invalid JSON (the caller reports that
 * when it parses the line later).
 */
export function scanPatientId(buf: Buffer, start: number, end: number): string | undefined {
  while (start < end && isAsciiTrimmed(buf[start]!)) start++;
  while (end > start && isAsciiTrimmed(buf[end - 1]!)) end--;
  if (end - start < 2 || buf[start] !== OPEN_OBJECT || buf[end - 1] !== CLOSE_OBJECT) return undefined;
  try {
    return scanResource(buf, start, end);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

function scanResource(buf: Buffer, start: number, end: number): string | undefined {
  // last occurrence of each key of interest; -1: absent or not a string
  let typeStart = -1;
  let typeEnd = 0;
  let typePlain = true;
  let idStart = -1;
  let idEnd = 0;
  let idPlain = true;
  refStart.fill(-1);
  let i = skipSpace(buf, start + 1, end);
  if (peek(buf, i, end) === CLOSE_OBJECT) return undefined;
  for (;;) {
    if (peek(buf, i, end) !== QUOTE) throw DECLINE;
    const keyStart = i + 1;
    const keyEnd = stringEnd(buf, keyStart, end);
    const which = keyOf(buf, keyStart, keyEnd, lastPlain);
    i = skipSpace(buf, keyEnd + 1, end);
    if (peek(buf, i, end) !== COLON) throw DECLINE;
    i = skipSpace(buf, i + 1, end);
    const c = peek(buf, i, end);
    if (which === KEY_OTHER) i = skipValue(buf, i, end);
    else if (c === QUOTE) {
      const valueEnd = stringEnd(buf, i + 1, end);
      if (which === KEY_RESOURCE_TYPE) {
        typeStart = i + 1;
        typeEnd = valueEnd;
        typePlain = lastPlain;
      } else if (which === KEY_ID) {
        idStart = i + 1;
        idEnd = valueEnd;
        idPlain = lastPlain;
      }
      else refStart[which] = -1; // a string has no .reference
      i = valueEnd + 1;
    } else if (which >= 0 && c === OPEN_OBJECT) i = scanReference(buf, i, end, which);
    else {
      // not a string (nor, for a reference element, an object): the element counts as absent
      if (which === KEY_RESOURCE_TYPE) typeStart = -1;
      else if (which === KEY_ID) idStart = -1;
      else refStart[which] = -1;
      i = skipValue(buf, i, end);
    }
    i = skipSpace(buf, i, end);
    const d = peek(buf, i, end);
    if (d === COMMA) i = skipSpace(buf, i + 1, end);
    else if (d === CLOSE_OBJECT) break;
    else throw DECLINE;
  }
  if (i !== end - 1 || typeStart < 0) return undefined;
  if (matches(buf, typeStart, typeEnd, typePlain, V_BUNDLE)) return undefined;
  if (matches(buf, typeStart, typeEnd, typePlain, V_PATIENT)) return idStart < 0 ? undefined : decode(buf, idStart, idEnd, idPlain);
  for (let k = 0; k < K_ELEMENTS.length; k++) {
    if (refStart[k]! < 0) continue;
    const pid = patientIdOfReference(decode(buf, refStart[k]!, refEnd[k]!, refPlain[k] === 1));
    if (pid) return pid;
  }
  return undefined;
}

/** Records the last top-level `reference` string of the object at `i` as element `which`'s; returns the index just past the object. */
function scanReference(buf: Buffer, i: number, end: number, which: number): number {
  refStart[which] = -1;
  i = skipSpace(buf, i + 1, end);
  if (peek(buf, i, end) === CLOSE_OBJECT) return i + 1;
  for (;;) {
    if (peek(buf, i, end) !== QUOTE) throw DECLINE;
    const keyStart = i + 1;
    const keyEnd = stringEnd(buf, keyStart, end);
    const isRef = matches(buf, keyStart, keyEnd, lastPlain, K_REFERENCE);
    i = skipSpace(buf, keyEnd + 1, end);
    if (peek(buf, i, end) !== COLON) throw DECLINE;
    i = skipSpace(buf, i + 1, end);
    if (isRef && peek(buf, i, end) === QUOTE) {
      const valueEnd = stringEnd(buf, i + 1, end);
      refStart[which] = i + 1;
      refEnd[which] = valueEnd;
      refPlain[which] = lastPlain ? 1 : 0;
      i = valueEnd + 1;
    } else {
      if (isRef) refStart[which] = -1;
      i = skipValue(buf, i, end);
    }
    i = skipSpace(buf, i, end);
    const d = peek(buf, i, end);
    if (d === COMMA) i = skipSpace(buf, i + 1, end);
    else if (d === CLOSE_OBJECT) return i + 1;
    else throw DECLINE;
  }
}

const KEY_OTHER = -1;
const KEY_RESOURCE_TYPE = -2;
const KEY_ID = -3;

/** Which key of interest the key `buf[start, end)` is: an index into K_ELEMENTS, or a KEY_ constant. */
function keyOf(buf: Buffer, start: number, end: number, plain: boolean): number {
  const len = end - start;
  if (plain && len !== 2 && len !== 7 && len !== 11 && len !== 12) return KEY_OTHER;
  if (matches(buf, start, end, plain, K_RESOURCE_TYPE)) return KEY_RESOURCE_TYPE;
  if (matches(buf, start, end, plain, K_ID)) return KEY_ID;
  for (let k = 0; k < K_ELEMENTS.length; k++) if (matches(buf, start, end, plain, K_ELEMENTS[k]!)) return k;
  return KEY_OTHER;
}

/** Whether the string `buf[start, end)` denotes `name` (decoded when not plain). */
function matches(buf: Buffer, start: number, end: number, plain: boolean, name: Uint8Array): boolean {
  const len = end - start;
  if (!plain) {
    // an escaped ASCII name is at least as long and at most 6× as long (\uXXXX per character)
    if (len < name.length || len > name.length * 6) return false;
    const s = decode(buf, start, end, false);
    if (s.length !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (s.charCodeAt(k) !== name[k]) return false;
    return true;
  }
  if (len !== name.length) return false;
  for (let k = 0; k < len; k++) if (buf[start + k] !== name[k]) return false;
  return true;
}

/** The characters of the string whose content is `buf[start, end)`. */
function decode(buf: Buffer, start: number, end: number, plain: boolean): string {
  if (plain) return buf.toString('latin1', start, end);
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8', start - 1, end + 1));
  } catch {
    throw DECLINE;
  }
  if (typeof value !== 'string') throw DECLINE;
  return value;
}

/** The byte at `i`, or -1 past the end of the line. */
const peek = (buf: Uint8Array, i: number, end: number): number => (i < end ? buf[i]! : -1);

function skipSpace(buf: Uint8Array, i: number, end: number): number {
  while (i < end && isJsonSpace(buf[i]!)) i++;
  return i;
}

/** The index of the closing quote of the string whose content starts at `i`; sets {@link lastPlain}. */
function stringEnd(buf: Uint8Array, i: number, end: number): number {
  let plain = true;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c === QUOTE) {
      lastPlain = plain;
      return i;
    }
    if (c === BACKSLASH) {
      plain = false;
      i++;
    } else if (c >= 0x80) plain = false;
  }
  throw DECLINE;
}

/** Bytes that matter while skipping a nested value: 1 quote, 2 opening, 3 closing bracket. */
const SKIP_CLASS = new Uint8Array(256);
SKIP_CLASS[QUOTE] = 1;
SKIP_CLASS[OPEN_OBJECT] = SKIP_CLASS[OPEN_ARRAY] = 2;
SKIP_CLASS[CLOSE_OBJECT] = SKIP_CLASS[CLOSE_ARRAY] = 3;

/** Just past the value at `i` (a string, an object or array with everything nested, or a literal/number). */
function skipValue(buf: Uint8Array, i: number, end: number): number {
  const c = peek(buf, i, end);
  if (c === QUOTE) return skipString(buf, i + 1, end);
  if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
    let depth = 1;
    for (i++; i < end; i++) {
      const k = SKIP_CLASS[buf[i]!]!;
      if (k === 0) continue;
      if (k === 1) i = skipString(buf, i + 1, end) - 1;
      else if (k === 2) depth++;
      else if (--depth === 0) return i + 1;
    }
    throw DECLINE;
  }
  // a number or literal: up to the next delimiter
  const from = i;
  while (i < end) {
    const b = buf[i]!;
    if (b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || isJsonSpace(b)) break;
    if (b === QUOTE || b === OPEN_OBJECT || b === OPEN_ARRAY || b === COLON) throw DECLINE;
    i++;
  }
  if (i === from) throw DECLINE;
  return i;
}

/** Just past the closing quote of the string whose content starts at `i`: the first quote not escaped (preceded by an even run of backslashes). */
function skipString(buf: Uint8Array, i: number, end: number): number {
  for (;;) {
    while (i < end && buf[i] !== QUOTE) i++;
    if (i >= end) throw DECLINE;
    let b = i - 1;
    while (buf[b] === BACKSLASH) b--;
    if (((i - 1 - b) & 1) === 0) return i + 1;
    i++;
  }
}
