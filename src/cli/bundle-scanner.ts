/**
 * Splits a FHIR Bundle's JSON text into its entries' resources straight off the raw bytes (no
 * JSON.parse): a file of one patient's Bundle (Synthea, MADiE, an EHR's `$everything`) then costs
 * one read and one byte walk in pass 1, and each resource is parsed once, by the evaluator.
 *
 * It handles the plain case and declines everything else, where the caller parses the Bundle
 * (parsed-resources.ts, the reference behaviour): a Bundle whose `fullUrl`s are absent,
 * `urn:uuid:<id>` of the entry's own id, or `…/Type/id` of the entry's own resource — so that every
 * reference inside it already resolves by `Type/id`, or by id for `urn:uuid:` (record assembly) —
 * with entries that each hold one resource that is not itself a Bundle.
 */
import { BUNDLE_TYPES } from './bundle-types.ts';
import {
  CLOSE_ARRAY,
  COMMA,
  DECLINE,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  TOO_DEEP,
  bytesOf,
  decode,
  forEachMember,
  matches,
  peek,
  skipSpace,
  skipValue,
  stringEnd,
  lastPlain,
} from './json-bytes.ts';
import { NESTED_TOO_DEEP, lastScannedEnd, lastScannedTypeAndId, scanPatientIdAt } from './patient-id-scanner.ts';

/** One entry's resource: its bytes `[start, end)` and the patient it belongs to (undefined: none found, parse it). */
export interface ScannedEntry {
  start: number;
  end: number;
  patient: string | undefined | typeof NESTED_TOO_DEEP;
}

const K_RESOURCE_TYPE = bytesOf('resourceType');
const K_TYPE = bytesOf('type');
const K_ENTRY = bytesOf('entry');
const K_FULL_URL = bytesOf('fullUrl');
const K_RESOURCE = bytesOf('resource');
const V_BUNDLE = bytesOf('Bundle');

/**
 * The entries of the Bundle `buf[start, end)` (an object whose resourceType is "Bundle"; the
 * object's `{` at `start`), or undefined when the caller must parse it. `maxDepth` bounds the
 * nesting of the whole text: an entry nested deeper comes back as {@link NESTED_TOO_DEEP}.
 */
export function scanBundle(buf: Buffer, start: number, end: number, maxDepth: number): ScannedEntry[] | undefined {
  try {
    return scan(buf, start, end, maxDepth);
  } catch (e) {
    if (e === DECLINE || e === TOO_DEEP) {
      return undefined;
    }
    throw e;
  }
}

function scan(buf: Buffer, start: number, end: number, maxDepth: number): ScannedEntry[] | undefined {
  if (peek(buf, start, end) !== OPEN_OBJECT) {
    return undefined;
  }
  let isBundle = false;
  let typeOk = false;
  let seen = 0;
  let entries: ScannedEntry[] | undefined;
  const last = forEachMember(buf, start, end, (ks, ke, kp, at) => {
    const key = matches(buf, ks, ke, kp, K_RESOURCE_TYPE)
      ? 1
      : matches(buf, ks, ke, kp, K_TYPE)
        ? 2
        : matches(buf, ks, ke, kp, K_ENTRY)
          ? 4
          : 0;
    // a key of interest twice: JSON.parse keeps the last; let it decide
    if (key & seen) {
      throw DECLINE;
    }
    seen |= key;
    if (key === 1 || key === 2) {
      if (peek(buf, at, end) !== QUOTE) {
        throw DECLINE;
      }
      const ve = stringEnd(buf, at + 1, end);
      if (key === 1) {
        isBundle = matches(buf, at + 1, ve, lastPlain, V_BUNDLE);
      } else {
        typeOk = BUNDLE_TYPES.includes(decode(buf, at + 1, ve, lastPlain));
      }
      return ve + 1;
    }
    if (key === 4) {
      entries = [];
      return scanEntries(buf, at, end, maxDepth, entries);
    }
    return skipValue(buf, at, end, 1, maxDepth);
  });
  if (skipSpace(buf, last, end) !== end || !isBundle || !typeOk) {
    return undefined;
  }
  return entries ?? [];
}

/** The entry array at `i` (nesting depth 2); returns the index just past it. */
function scanEntries(buf: Buffer, i: number, end: number, maxDepth: number, out: ScannedEntry[]): number {
  if (peek(buf, i, end) !== OPEN_ARRAY) {
    throw DECLINE;
  }
  if (maxDepth < 2) {
    throw TOO_DEEP;
  }
  i = skipSpace(buf, i + 1, end);
  if (peek(buf, i, end) === CLOSE_ARRAY) {
    return i + 1;
  }
  for (;;) {
    i = scanEntry(buf, i, end, maxDepth, out);
    i = skipSpace(buf, i, end);
    const d = peek(buf, i, end);
    if (d === COMMA) {
      i = skipSpace(buf, i + 1, end);
    } else if (d === CLOSE_ARRAY) {
      return i + 1;
    } else {
      throw DECLINE;
    }
  }
}

/** One entry object at `i` (nesting depth 3). */
function scanEntry(buf: Buffer, i: number, end: number, maxDepth: number, out: ScannedEntry[]): number {
  if (peek(buf, i, end) !== OPEN_OBJECT) {
    throw DECLINE;
  }
  if (maxDepth < 3) {
    throw TOO_DEEP;
  }
  let fullUrl: string | undefined;
  let rs = -1;
  let re = -1;
  let patient: string | undefined | typeof NESTED_TOO_DEEP;
  let typeAndId: { type: string; id: string | undefined } | undefined;
  let seen = 0;
  const next = forEachMember(buf, i, end, (ks, ke, kp, at) => {
    const key = matches(buf, ks, ke, kp, K_FULL_URL) ? 1 : matches(buf, ks, ke, kp, K_RESOURCE) ? 2 : 0;
    if (key & seen) {
      throw DECLINE;
    }
    seen |= key;
    if (key === 1) {
      if (peek(buf, at, end) !== QUOTE) {
        throw DECLINE;
      }
      const ve = stringEnd(buf, at + 1, end);
      fullUrl = decode(buf, at + 1, ve, lastPlain);
      return ve + 1;
    }
    if (key === 0) {
      return skipValue(buf, at, end, 3, maxDepth);
    }
    // the resource: walked once, for its patient and its end (its own nesting limit: depth 4 on)
    if (peek(buf, at, end) !== OPEN_OBJECT) {
      throw DECLINE;
    }
    rs = at;
    patient = scanPatientIdAt(buf, at, end, maxDepth - 3);
    if (patient === NESTED_TOO_DEEP) {
      re = skipValue(buf, at, end, 3, Infinity);
    } else {
      re = lastScannedEnd();
      // stopped before its end (odd syntax), or itself a Bundle: parse the whole Bundle instead
      typeAndId = lastScannedTypeAndId(buf);
      if (re < 0 || !typeAndId || typeAndId.type === 'Bundle') {
        throw DECLINE;
      }
    }
    return re;
  });
  if (rs < 0) {
    throw DECLINE;
  }
  if (patient !== NESTED_TOO_DEEP && fullUrl !== undefined && !fullUrlIsOwn(fullUrl, typeAndId!.type, typeAndId!.id)) {
    throw DECLINE;
  }
  out.push({ start: rs, end: re, patient });
  return next;
}

/** Whether a fullUrl names the entry's own resource, so that references to it resolve without it. */
function fullUrlIsOwn(fullUrl: string, type: string, id: string | undefined): boolean {
  if (id === undefined) {
    return false;
  }
  if (fullUrl.startsWith('urn:uuid:')) {
    return fullUrl.slice(9) === id;
  }
  return fullUrl === `${type}/${id}` || fullUrl.endsWith(`/${type}/${id}`);
}
