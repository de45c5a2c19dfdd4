/**
 * Which patient a resource read by the CLI belongs to: a Patient by its id, any other resource by
 * the Patient it references (`subject`, `patient`, `beneficiary`; relative, absolute, Bundle
 * `fullUrl` or `urn:uuid:` references). Resources that reference no patient (Medication,
 * Practitioner, Organization, Location, …) are shared by every patient that references them
 * (shared-resources.ts).
 *
 * {@link scanPatientId} answers the question for one ndjson line straight off its raw bytes, with
 * no JSON.parse (pass 1 of a Bulk Data export), and measures the line's nesting on the way.
 */
import {
  CLOSE_OBJECT,
  COLON,
  COMMA,
  DECLINE,
  OPEN_OBJECT,
  QUOTE,
  TOO_DEEP,
  bytesOf,
  decode,
  forEachMember,
  isAsciiTrimmed,
  lastPlain,
  matches,
  peek,
  skipSpace,
  skipValue,
  stringEnd,
} from './json-bytes.ts';

/** One parsed resource and the Bundle `fullUrl`s in force where it was read. */
export interface ResourceInContext {
  resource: fhir4.Resource;
  /** Bundle `fullUrl` → `Type/id` of the enclosing Bundle. */
  fullUrls?: ReadonlyMap<string, string>;
}

/** Elements that point at the patient a resource is about, in the order they are tried. */
export const PATIENT_REFERENCE_ELEMENTS: readonly string[] = ['subject', 'patient', 'beneficiary'];

/** A FHIR id (R4 `id` datatype: 1–64 of A–Z a–z 0–9 - .). */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The patient id a reference string denotes, or undefined when it is not a Patient reference.
 * `urn:uuid:X` that no Bundle `fullUrl` resolves (ndjson, or a Bundle referring outside itself)
 * denotes the resource whose id is X, as Synthea and other exporters write them: for a patient
 * element, Patient/X (if no Patient X is ever read, the patient is reported missing).
 */
export function patientIdOfReference(ref: string, fullUrls?: ReadonlyMap<string, string>): string | undefined {
  const resolved = fullUrls?.get(ref) ?? ref;
  if (resolved.startsWith('urn:uuid:')) {
    const id = resolved.slice(9);
    return FHIR_ID.test(id) ? id : undefined;
  }
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(resolved);
  return m?.[1];
}

/** The patient a resource belongs to, or undefined. */
export function patientIdOf(located: ResourceInContext): string | undefined {
  const r = located.resource as unknown as Record<string, unknown>;
  if (r.resourceType === 'Patient') {
    return typeof r.id === 'string' ? r.id : undefined;
  }
  for (const el of PATIENT_REFERENCE_ELEMENTS) {
    const ref = (r[el] as { reference?: unknown } | undefined)?.reference;
    if (typeof ref === 'string') {
      const id = patientIdOfReference(ref, located.fullUrls);
      if (id) {
        return id;
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Pass 1 of a Bulk ndjson export without JSON.parse: the patient of one line, read off its raw bytes.

const K_RESOURCE_TYPE = bytesOf('resourceType');
const K_ID = bytesOf('id');
const K_REFERENCE = bytesOf('reference');
const V_PATIENT = bytesOf('Patient');
const V_BUNDLE = bytesOf('Bundle');
/** {@link PATIENT_REFERENCE_ELEMENTS} as bytes, same order. */
const K_ELEMENTS = PATIENT_REFERENCE_ELEMENTS.map(bytesOf);

/** Per element of K_ELEMENTS: the last `reference` string token seen ([start, end) of its content, -1 when none) and whether it is plain. */
const refStart = new Int32Array(K_ELEMENTS.length);
const refEnd = new Int32Array(K_ELEMENTS.length);
const refPlain = new Uint8Array(K_ELEMENTS.length);

/** Where the last line {@link scanPatientId} walked to its end has its resourceType and id (idStart -1: none). */
const scanned = { typeStart: -1, typeEnd: 0, typePlain: true, idStart: -1, idEnd: 0, idPlain: true, next: -1 };

/**
 * The resourceType and id of the resource {@link scanPatientId} has just read (of `buf`, the same
 * buffer), or undefined when it did not read it to its end (it declined or found it too deep).
 */
export function lastScannedTypeAndId(buf: Buffer): { type: string; id: string | undefined } | undefined {
  if (scanned.typeStart < 0) {
    return undefined;
  }
  return {
    type: decode(buf, scanned.typeStart, scanned.typeEnd, scanned.typePlain),
    id: scanned.idStart < 0 ? undefined : decode(buf, scanned.idStart, scanned.idEnd, scanned.idPlain),
  };
}

/** Whether the last scan read its resource to the end (within its depth limit), whatever it answered. */
export const lastScanComplete = (): boolean => scanned.typeStart >= 0;

/** What {@link scanPatientId} returns for a line nested deeper than its limit. */
export const NESTED_TOO_DEEP = Symbol('nested too deep');

/**
 * The patient a single-resource ndjson line `buf[start, end)` belongs to, exactly as
 * `patientIdOf(JSON.parse(line))` would say, without parsing it: walks only the top-level object
 * (and the top level of its `subject` / `patient` / `beneficiary` objects), skipping every other
 * value by tracking strings, escapes and nesting. Duplicate keys: the last wins, as in JSON.parse;
 * keys and values with escapes or non-ASCII bytes are decoded by JSON.parse of just that string.
 *
 * Returns {@link NESTED_TOO_DEEP} when objects/arrays nest deeper than `maxDepth` (the whole line
 * is walked, so a line it accepts is within the limit), and undefined — the caller must then
 * JSON.parse the line — whenever it is not sure: not an object, a Bundle, no string resourceType,
 * no patient found, unbalanced or odd syntax. It does not validate the whole line: a line it
 * accepts may still be invalid JSON (the evaluator reports that when it parses the line later).
 */
export function scanPatientId(
  buf: Buffer,
  start: number,
  end: number,
  maxDepth = Infinity,
): string | undefined | typeof NESTED_TOO_DEEP {
  scanned.typeStart = -1;
  while (start < end && isAsciiTrimmed(buf[start]!)) {
    start++;
  }
  while (end > start && isAsciiTrimmed(buf[end - 1]!)) {
    end--;
  }
  if (end - start < 2 || buf[start] !== OPEN_OBJECT || buf[end - 1] !== CLOSE_OBJECT) {
    return undefined;
  }
  return answer(buf, start, end, maxDepth, true);
}

/** {@link scanResource}'s answer, a decline or "too deep" turned into the value that says so. */
function answer(
  buf: Buffer,
  start: number,
  end: number,
  maxDepth: number,
  exact: boolean,
): string | undefined | typeof NESTED_TOO_DEEP {
  try {
    return scanResource(buf, start, end, maxDepth, exact);
  } catch (e) {
    if (e === DECLINE) {
      return undefined;
    }
    if (e === TOO_DEEP) {
      return NESTED_TOO_DEEP;
    }
    throw e;
  }
}

/**
 * {@link scanPatientId} of the resource object whose `{` is at `start`, inside a larger text that
 * ends before `end` (a Bundle entry): the same answers, and {@link lastScannedEnd} says where the
 * object ends (-1 when the walk stopped before its end: declined or too deep).
 */
export function scanPatientIdAt(
  buf: Buffer,
  start: number,
  end: number,
  maxDepth: number,
): string | undefined | typeof NESTED_TOO_DEEP {
  scanned.typeStart = -1;
  scanned.next = -1;
  if (buf[start] !== OPEN_OBJECT) {
    return undefined;
  }
  return answer(buf, start, end, maxDepth, false);
}

/** Just past the object {@link scanPatientIdAt} last read to its end, or -1. */
export const lastScannedEnd = (): number => scanned.next;

function scanResource(buf: Buffer, start: number, end: number, maxDepth: number, exact: boolean): string | undefined {
  // last occurrence of each key of interest; -1: absent or not a string
  let typeStart = -1;
  let typeEnd = 0;
  let typePlain = true;
  let idStart = -1;
  let idEnd = 0;
  let idPlain = true;
  refStart.fill(-1);
  if (maxDepth < 1) {
    throw TOO_DEEP;
  }
  let i = skipSpace(buf, start + 1, end);
  if (peek(buf, i, end) === CLOSE_OBJECT) {
    scanned.next = i + 1;
    return undefined;
  }
  for (;;) {
    if (peek(buf, i, end) !== QUOTE) {
      throw DECLINE;
    }
    const keyStart = i + 1;
    const keyEnd = stringEnd(buf, keyStart, end);
    const which = keyOf(buf, keyStart, keyEnd, lastPlain);
    i = skipSpace(buf, keyEnd + 1, end);
    if (peek(buf, i, end) !== COLON) {
      throw DECLINE;
    }
    i = skipSpace(buf, i + 1, end);
    const c = peek(buf, i, end);
    if (which === KEY_OTHER) {
      i = skipValue(buf, i, end, 1, maxDepth);
    } else if (c === QUOTE) {
      const valueEnd = stringEnd(buf, i + 1, end);
      if (which === KEY_RESOURCE_TYPE) {
        typeStart = i + 1;
        typeEnd = valueEnd;
        typePlain = lastPlain;
      } else if (which === KEY_ID) {
        idStart = i + 1;
        idEnd = valueEnd;
        idPlain = lastPlain;
      } else {
        refStart[which] = -1;
      } // a string has no .reference
      i = valueEnd + 1;
    } else if (which >= 0 && c === OPEN_OBJECT) {
      i = scanReference(buf, i, end, which, maxDepth);
    } else {
      // not a string (nor, for a reference element, an object): the element counts as absent
      if (which === KEY_RESOURCE_TYPE) {
        typeStart = -1;
      } else if (which === KEY_ID) {
        idStart = -1;
      } else {
        refStart[which] = -1;
      }
      i = skipValue(buf, i, end, 1, maxDepth);
    }
    i = skipSpace(buf, i, end);
    const d = peek(buf, i, end);
    if (d === COMMA) {
      i = skipSpace(buf, i + 1, end);
    } else if (d === CLOSE_OBJECT) {
      break;
    } else {
      throw DECLINE;
    }
  }
  scanned.next = i + 1;
  if ((exact && i !== end - 1) || typeStart < 0) {
    return undefined;
  }
  scanned.typeStart = typeStart;
  scanned.typeEnd = typeEnd;
  scanned.typePlain = typePlain;
  scanned.idStart = idStart;
  scanned.idEnd = idEnd;
  scanned.idPlain = idPlain;
  if (matches(buf, typeStart, typeEnd, typePlain, V_BUNDLE)) {
    return undefined;
  }
  if (matches(buf, typeStart, typeEnd, typePlain, V_PATIENT)) {
    return idStart < 0 ? undefined : decode(buf, idStart, idEnd, idPlain);
  }
  for (let k = 0; k < K_ELEMENTS.length; k++) {
    if (refStart[k]! < 0) {
      continue;
    }
    const pid = patientIdOfReference(decode(buf, refStart[k]!, refEnd[k]!, refPlain[k] === 1));
    if (pid) {
      return pid;
    }
  }
  return undefined;
}

/** Records the last top-level `reference` string of the object at `i` (nesting depth 2) as element `which`'s; returns the index just past the object. */
function scanReference(buf: Buffer, i: number, end: number, which: number, maxDepth: number): number {
  refStart[which] = -1;
  if (maxDepth < 2) {
    throw TOO_DEEP;
  }
  return forEachMember(buf, i, end, (keyStart, keyEnd, keyPlain, at) => {
    const isRef = matches(buf, keyStart, keyEnd, keyPlain, K_REFERENCE);
    if (!isRef || peek(buf, at, end) !== QUOTE) {
      if (isRef) {
        refStart[which] = -1;
      }
      return skipValue(buf, at, end, 2, maxDepth);
    }
    const valueEnd = stringEnd(buf, at + 1, end);
    refStart[which] = at + 1;
    refEnd[which] = valueEnd;
    refPlain[which] = lastPlain ? 1 : 0;
    return valueEnd + 1;
  });
}

const KEY_OTHER = -1;
const KEY_RESOURCE_TYPE = -2;
const KEY_ID = -3;

/** Which key of interest the key `buf[start, end)` is: an index into K_ELEMENTS, or a KEY_ constant. */
function keyOf(buf: Buffer, start: number, end: number, plain: boolean): number {
  const len = end - start;
  if (plain && len !== 2 && len !== 7 && len !== 11 && len !== 12) {
    return KEY_OTHER;
  }
  if (matches(buf, start, end, plain, K_RESOURCE_TYPE)) {
    return KEY_RESOURCE_TYPE;
  }
  if (matches(buf, start, end, plain, K_ID)) {
    return KEY_ID;
  }
  for (let k = 0; k < K_ELEMENTS.length; k++) {
    if (matches(buf, start, end, plain, K_ELEMENTS[k]!)) {
      return k;
    }
  }
  return KEY_OTHER;
}
