/**
 * Where and why a JSON text stops being valid, so the CLI can report a broken input by position
 * and reason — never by quoting it (JSON.parse's own messages carry the text's first characters,
 * which may be a name or a line of /etc/passwd). A minimal RFC 8259 scanner, iterative (any
 * nesting depth), only run after JSON.parse has already failed.
 */

/** Why a text is not valid JSON. */
export type JsonErrorReason =
  | 'unexpected character'
  | 'unexpected end of input'
  | 'unterminated string'
  | 'invalid escape in a string'
  | 'control character in a string'
  | 'content after the JSON value';

/** The 0-based offset of the first character that makes `text` invalid JSON, with the reason; undefined when valid. */
export function jsonError(text: string): { offset: number; reason: JsonErrorReason } | undefined {
  let i = 0;
  const n = text.length;
  const fail = (reason: JsonErrorReason): never => {
    throw {
      offset: Math.min(i, n),
      reason: i >= n && reason === 'unexpected character' ? 'unexpected end of input' : reason,
    };
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
        break;
      }
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        return void i++;
      }
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
            fail('invalid escape in a string');
          }
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i++;
        } else {
          fail(e === undefined ? 'unterminated string' : 'invalid escape in a string');
        }
      } else if (c < 0x20) {
        fail('control character in a string');
      } else {
        i++;
      }
    }
    fail('unterminated string');
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) {
        fail('unexpected character');
      }
      i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) {
      fail('unexpected character');
    }
    i += m![0].length;
  };
  /** Containers still open: true for an object, false for an array. */
  const open: boolean[] = [];
  const scalar = (): boolean => {
    const ch = text[i];
    if (ch === '"') {
      string();
    } else if (ch === 't') {
      literal('true');
    } else if (ch === 'f') {
      literal('false');
    } else if (ch === 'n') {
      literal('null');
    } else if (ch === '{' || ch === '[') {
      return false;
    } else {
      number();
    }
    return true;
  };
  try {
    // an explicit stack instead of recursion: a 200,000-deep text must not overflow the call stack
    let expectValue = true;
    for (;;) {
      ws();
      if (expectValue) {
        if (i >= n) {
          fail('unexpected end of input');
        }
        if (!scalar()) {
          const obj = text[i] === '{';
          i++;
          ws();
          if (text[i] === (obj ? '}' : ']')) {
            i++;
            expectValue = false;
            if (!open.length) {
              break;
            }
            continue;
          }
          open.push(obj);
          if (obj) {
            if (text[i] !== '"') {
              fail('unexpected character');
            }
            string();
            ws();
            if (text[i] !== ':') {
              fail('unexpected character');
            }
            i++;
          }
          continue;
        }
        expectValue = false;
        if (!open.length) {
          break;
        }
        continue;
      }
      const obj = open[open.length - 1]!;
      if (text[i] === ',') {
        i++;
        if (obj) {
          ws();
          if (text[i] !== '"') {
            fail('unexpected character');
          }
          string();
          ws();
          if (text[i] !== ':') {
            fail('unexpected character');
          }
          i++;
        }
        expectValue = true;
      } else if (text[i] === (obj ? '}' : ']')) {
        i++;
        open.pop();
        if (!open.length) {
          break;
        }
      } else {
        fail('unexpected character');
      }
    }
    ws();
    if (i < n) {
      fail('content after the JSON value');
    }
    return undefined;
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) {
      return e as { offset: number; reason: JsonErrorReason };
    }
    throw e;
  }
}

/** The 1-based line and column of the first invalid character of `text`, with the reason; undefined when valid. */
export function jsonErrorPosition(text: string): { line: number; column: number; reason: JsonErrorReason } | undefined {
  const e = jsonError(text);
  if (!e) {
    return undefined;
  }
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < e.offset; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: e.offset - lineStart + 1, reason: e.reason };
}

/** The problem message for one resource's JSON text (an ndjson line) that does not parse: where in it and why, no content. */
export function invalidJsonMessage(text: string): string {
  const e = jsonError(text);
  // JSON.parse failed, so the scanner finds a position; should the two ever disagree, say so plainly
  return e ? `invalid JSON (character ${e.offset + 1} of the resource: ${e.reason})` : 'invalid JSON';
}
