/**
 * ResourceKeys (src/engine/input/resource-keys.ts) answers exactly as one map keyed by the text
 * `${type}/${id}` would: first-seen order, last copy's content, and the same collisions.
 */
import { describe, expect, it } from 'vitest';
import { ResourceKeys } from '../../../src/engine/input/resource-keys.ts';

/** The reference behaviour: one Map keyed by `type/id`. */
function byText(entries: readonly [string, string, string][]): { values: string[]; repeats: boolean[] } {
  const m = new Map<string, string>();
  const repeats = entries.map(([type, id, v]) => {
    const k = `${type}/${id}`;
    const seen = m.has(k);
    m.set(k, v);
    return seen;
  });
  return { values: [...m.values()], repeats };
}

function byKeys(entries: readonly [string, string, string][]): { values: string[]; repeats: boolean[] } {
  const keys = new ResourceKeys<string>();
  const repeats = entries.map(([type, id, v]) => keys.put(type, id, v));
  return { values: keys.values, repeats };
}

describe('ResourceKeys', () => {
  it('keeps the first position and the last content of a key seen twice', () => {
    const keys = new ResourceKeys<string>();
    expect(keys.put('Observation', 'a', 'a1')).toBe(false);
    expect(keys.put('Encounter', 'a', 'e1')).toBe(false);
    expect(keys.put('Observation', 'b', 'b1')).toBe(false);
    expect(keys.put('Observation', 'a', 'a2')).toBe(true);
    expect(keys.values).toEqual(['a2', 'e1', 'b1']);
    expect(keys.has('Observation', 'a')).toBe(true);
    expect(keys.has('Observation', 'c')).toBe(false);
    expect(keys.has('Condition', 'a')).toBe(false);
  });

  it('gives the answers of a map keyed by `type/id`, collisions of odd types and ids included', () => {
    const entries: [string, string, string][] = [
      ['Observation/x', 'y', '1'],
      ['Observation', 'x/y', '2'],
      ['Observation', '#anon-0', '3'],
      ['Observation', '#anon-0', '4'],
      ['A/b/c', 'd', '5'],
      ['A', 'b/c/d', '6'],
      ['A/b', 'c/d', '7'],
      ['', 'x', '8'],
      ['/', 'x', '9'],
      ['', '/x', '10'],
      ['Encounter', '', '11'],
    ];
    expect(byKeys(entries)).toEqual(byText(entries));
  });

  it('finds a kept `type/id` whatever way it was written', () => {
    const keys = new ResourceKeys<string>();
    keys.put('Observation/x', 'y', 'v');
    expect(keys.has('Observation', 'x/y')).toBe(true);
  });
});
