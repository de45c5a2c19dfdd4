/**
 * Where and why a JSON text is invalid — the CLI reports broken input by position and reason,
 * never by quoting it (JSON.parse's own messages carry the text) — for every kind of error, and on
 * texts nested 200,000 deep (no recursion), agreeing with JSON.parse on what is valid.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invalidJsonMessage, jsonError, jsonErrorPosition } from '../../src/cli/json-error-position.ts';

describe('jsonError', () => {
  it('names the position and the reason of each kind of error', () => {
    expect(jsonError('root:x:0:0:root:/root:/bin/bash')).toEqual({ offset: 0, reason: 'unexpected character' });
    expect(jsonError('{"a":1')).toEqual({ offset: 6, reason: 'unexpected end of input' });
    expect(jsonError('{"a":"b')).toEqual({ offset: 7, reason: 'unterminated string' });
    expect(jsonError('{"a":"\\x"}')).toEqual({ offset: 7, reason: 'invalid escape in a string' });
    expect(jsonError('{"a":"\u0001"}')).toEqual({ offset: 6, reason: 'control character in a string' });
    expect(jsonError('{"a":1} x')).toEqual({ offset: 8, reason: 'content after the JSON value' });
    expect(jsonError('[1,,2]')).toEqual({ offset: 3, reason: 'unexpected character' });
    expect(jsonError('{"a":tru}')).toEqual({ offset: 8, reason: 'unexpected character' });
    expect(jsonErrorPosition('{\n  "id": \n}')).toEqual({ line: 3, column: 1, reason: 'unexpected character' });
    expect(invalidJsonMessage('Ana Lopez, 1970')).toBe(
      'invalid JSON (character 1 of the resource: unexpected character)',
    );
  });

  it('walks 200,000 levels without recursion', () => {
    expect(jsonError('['.repeat(200_000) + ']'.repeat(200_000))).toBeUndefined();
    expect(jsonError('{"a":'.repeat(200_000) + '1' + '}'.repeat(199_999))).toEqual({
      offset: 1_200_000,
      reason: 'unexpected end of input',
    });
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonError(text) === undefined).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
