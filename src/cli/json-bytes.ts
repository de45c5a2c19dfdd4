/**
 * Reading JSON text as raw UTF-8 bytes without parsing it: the primitives of the pass-1 scanners
 * (patient-id-scanner.ts, bundle-scanner.ts). They walk only what they need and skip every other
 * value by tracking strings, escapes and nesting, so a resource is parsed once, later, by the
 * evaluator. Anything unusual throws {@link DECLINE} (the caller then falls back to JSON.parse);
 * nesting deeper than the caller's limit throws {@link TOO_DEEP}. Neither carries a stack.
 */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const COLON = 0x3a;
export const COMMA = 0x2c;

/** Thrown (a constant, no stack) when a scanner is not sure: the caller falls back to JSON.parse. */
export const DECLINE = 0;
/** Thrown (a constant) when the text nests objects/arrays deeper than the limit given. */
export const TOO_DEEP = 1;

/** ASCII bytes of a key or value name. */
export const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** JSON whitespace between tokens. */
export const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** What String.prototype.trim removes, restricted to ASCII (anything else makes a scanner decline). */
export const isAsciiTrimmed = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** The byte at `i`, or -1 past the end. */
export const peek = (buf: Uint8Array, i: number, end: number): number => (i < end ? buf[i]! : -1);

/** The first index at or after `i` that is not JSON whitespace. */
export function skipSpace(buf: Uint8Array, i: number, end: number): number {
  while (i < end && isJsonSpace(buf[i]!)) {
    i++;
  }
  return i;
}

/** Set by {@link stringEnd}: whether the string just read had no escape and only ASCII bytes (its bytes are its characters). */
export let lastPlain = true;

/** The index of the closing quote of the string whose content starts at `i`; sets {@link lastPlain}. */
export function stringEnd(buf: Uint8Array, i: number, end: number): number {
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
    } else if (c >= 0x80) {
      plain = false;
    }
  }
  throw DECLINE;
}

/** The characters of the string whose content is `buf[start, end)` (decoded by JSON.parse when not plain). */
export function decode(buf: Buffer, start: number, end: number, plain: boolean): string {
  if (plain) {
    return buf.toString('latin1', start, end);
  }
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8', start - 1, end + 1));
  } catch {
    throw DECLINE;
  }
  if (typeof value !== 'string') {
    throw DECLINE;
  }
  return value;
}

/** Whether the string `buf[start, end)` denotes `name` (decoded when not plain). */
export function matches(buf: Buffer, start: number, end: number, plain: boolean, name: Uint8Array): boolean {
  const len = end - start;
  if (!plain) {
    // an escaped ASCII name is at least as long and at most 6× as long (\uXXXX per character)
    if (len < name.length || len > name.length * 6) {
      return false;
    }
    const s = decode(buf, start, end, false);
    if (s.length !== name.length) {
      return false;
    }
    for (let k = 0; k < name.length; k++) {
      if (s.charCodeAt(k) !== name[k]) {
        return false;
      }
    }
    return true;
  }
  if (len !== name.length) {
    return false;
  }
  for (let k = 0; k < len; k++) {
    if (buf[start + k] !== name[k]) {
      return false;
    }
  }
  return true;
}

/** Bytes that matter while skipping a nested value: 1 quote, 2 opening, 3 closing bracket. */
const SKIP_CLASS = new Uint8Array(256);
SKIP_CLASS[QUOTE] = 1;
SKIP_CLASS[OPEN_OBJECT] = SKIP_CLASS[OPEN_ARRAY] = 2;
SKIP_CLASS[CLOSE_OBJECT] = SKIP_CLASS[CLOSE_ARRAY] = 3;

/**
 * Just past the value at `i` (a string, an object or array with everything nested, or a
 * literal/number). `depth` is the nesting of the value's container; an object or array nested
 * beyond `maxDepth` throws {@link TOO_DEEP}.
 */
export function skipValue(buf: Uint8Array, i: number, end: number, depth: number, maxDepth: number): number {
  const c = peek(buf, i, end);
  if (c === QUOTE) {
    return skipString(buf, i + 1, end);
  }
  if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
    const limit = maxDepth - depth;
    let d = 1;
    if (d > limit) {
      throw TOO_DEEP;
    }
    for (i++; i < end; i++) {
      const k = SKIP_CLASS[buf[i]!]!;
      if (k === 0) {
        continue;
      }
      if (k === 1) {
        i = skipString(buf, i + 1, end) - 1;
      } else if (k === 2) {
        if (++d > limit) {
          throw TOO_DEEP;
        }
      } else if (--d === 0) {
        return i + 1;
      }
    }
    throw DECLINE;
  }
  // a number or literal: up to the next delimiter
  const from = i;
  while (i < end) {
    const b = buf[i]!;
    if (b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || isJsonSpace(b)) {
      break;
    }
    if (b === QUOTE || b === OPEN_OBJECT || b === OPEN_ARRAY || b === COLON) {
      throw DECLINE;
    }
    i++;
  }
  if (i === from) {
    throw DECLINE;
  }
  return i;
}

/** Just past the closing quote of the string whose content starts at `i`: the first quote not escaped (preceded by an even run of backslashes). */
export function skipString(buf: Uint8Array, i: number, end: number): number {
  for (;;) {
    // the native search beats a byte loop on long strings (narratives, base64 attachments)
    i = buf.indexOf(QUOTE, i);
    if (i === -1 || i >= end) {
      throw DECLINE;
    }
    let b = i - 1;
    while (buf[b] === BACKSLASH) {
      b--;
    }
    if (((i - 1 - b) & 1) === 0) {
      return i + 1;
    }
    i++;
  }
}

/**
 * Walks the members of the object whose `{` is at `i`: `member(keyStart, keyEnd, keyPlain, valueAt)`
 * returns the index just past the member's value. Returns the index just past the `}`.
 */
export function forEachMember(
  buf: Buffer,
  i: number,
  end: number,
  member: (keyStart: number, keyEnd: number, keyPlain: boolean, valueAt: number) => number,
): number {
  i = skipSpace(buf, i + 1, end);
  if (peek(buf, i, end) === CLOSE_OBJECT) {
    return i + 1;
  }
  for (;;) {
    if (peek(buf, i, end) !== QUOTE) {
      throw DECLINE;
    }
    const keyStart = i + 1;
    const keyEnd = stringEnd(buf, keyStart, end);
    const plain = lastPlain;
    i = skipSpace(buf, keyEnd + 1, end);
    if (peek(buf, i, end) !== COLON) {
      throw DECLINE;
    }
    i = skipSpace(buf, member(keyStart, keyEnd, plain, skipSpace(buf, i + 1, end)), end);
    const d = peek(buf, i, end);
    if (d === COMMA) {
      i = skipSpace(buf, i + 1, end);
    } else if (d === CLOSE_OBJECT) {
      return i + 1;
    } else {
      throw DECLINE;
    }
  }
}
