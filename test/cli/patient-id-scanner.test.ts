/**
 * The pass-1 scanner (scanPatientId) against its oracle, patientIdOf(JSON.parse(line)): for
 * generated resources written with random whitespace, escapes ("Patient\/x", \uXXXX), duplicate
 * keys (the last wins), nested objects and contained resources holding their own subject keys, and
 * unicode, the scanner finds the same patient or declines, and says "too deep" exactly when the
 * line's text nests deeper than the limit; on plain JSON.stringify lines it never
 * declines a resource that has a patient; on mutated (possibly broken) lines it never throws, and
 * agrees with the oracle whenever the mutant still parses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NESTED_TOO_DEEP, patientIdOf, scanPatientId } from '../../src/cli/patient-id-scanner.ts';
import { nestingExceeds } from '../../src/cli/parsed-resources.ts';

/** A JSON value whose objects are entry lists, so that a key can occur twice. */
type Json = null | boolean | number | string | Json[] | { entries: [string, Json][] };

/** Writes `v` as JSON text, with whitespace and optional escapes chosen by `rnd`. */
function write(v: Json, rnd: () => number): string {
  const ws = () => (rnd() < 0.2 ? [' ', '\n', '\t', '\r\n', '  '][Math.floor(rnd() * 5)]! : '');
  const str = (s: string) => {
    let out = '"';
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (ch === '"' || ch === '\\') {
        out += '\\' + ch;
      } else if (c < 0x20) {
        out += '\\u' + c.toString(16).padStart(4, '0');
      } else if (ch === '/' && rnd() < 0.3) {
        out += '\\/';
      } else if (c < 0x10000 && rnd() < 0.08) {
        out += '\\u' + c.toString(16).padStart(4, '0');
      } else {
        out += ch;
      }
    }
    return out + '"';
  };
  const go = (x: Json): string => {
    if (x === null || typeof x === 'boolean' || typeof x === 'number') {
      return JSON.stringify(x);
    }
    if (typeof x === 'string') {
      return str(x);
    }
    if (Array.isArray(x)) {
      return `[${ws()}${x.map((e) => go(e)).join(`${ws()},${ws()}`)}${ws()}]`;
    }
    return `{${ws()}${x.entries.map(([k, e]) => `${str(k)}${ws()}:${ws()}${go(e)}`).join(`${ws()},${ws()}`)}${ws()}}`;
  };
  return ws() + go(v) + ws();
}

/** A small seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plain JSON value as {@link Json}. */
const fromPlain = (v: unknown): Json =>
  v === null || typeof v !== 'object'
    ? (v as Json)
    : Array.isArray(v)
      ? v.map(fromPlain)
      : { entries: Object.entries(v).map(([k, e]) => [k, fromPlain(e)]) };
const obj = (...entries: [string, Json][]): Json => ({ entries });
const ids = fc.constantFrom(
  'p1',
  'a-b.c',
  'ü-ñ',
  'x/y',
  'with"quote',
  'back\\slash',
  '😀',
  '',
  'Patient/p2',
  'p'.repeat(65),
);
const references = fc.oneof(
  ids.map((id) => `Patient/${id}`),
  ids.map((id) => `https://ehr.example/fhir/Patient/${id}/_history/3`),
  fc.constantFrom('Group/g1', 'urn:uuid:1234', 'Patient/', 'Patient/p1/', 'patient/p1', 'RelatedPerson/r', 'Patient/é'),
  fc.string(),
);
const referenceValue: fc.Arbitrary<Json> = fc.oneof(
  references.map((r) => obj(['reference', r])),
  fc
    .tuple(references, references)
    .map(([a, b]) => obj(['display', 'x'], ['reference', a], ['type', 'Patient'], ['reference', b])),
  fc
    .tuple(references, fc.constantFrom<Json>(5, null, true, [], obj()))
    .map(([r, bad]) => obj(['reference', r], ['reference', bad])),
  references.map((r) => obj(['identifier', obj(['reference', r])])),
  references as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, 7, [], obj()),
);
const resourceTypes = fc.constantFrom<Json>(
  'Patient',
  'Observation',
  'Condition',
  'Encounter',
  'Bundle',
  'Coverage',
  'Pati\u00e9nt',
  '',
  3,
  null,
);
const filler: fc.Arbitrary<[string, Json]> = fc.tuple(
  fc.constantFrom('status', 'code', 'meta', 'note', 'contained', 'extension', 'subjects', 'Subject', 'reference', 'ïd'),
  fc.jsonValue({ maxDepth: 3 }).map(fromPlain),
);
/** A nested object or contained resource that carries its own subject / patient / id keys (to be skipped). */
const decoy: fc.Arbitrary<[string, Json]> = fc
  .tuple(fc.constantFrom('contained', 'extension', 'code', 'basedOn'), referenceValue, ids)
  .map(([key, ref, id]) => [
    key,
    [
      obj(
        ['resourceType', 'Patient'],
        ['id', id],
        ['subject', ref],
        ['patient', ref],
        ['nested', obj(['subject', ref])],
      ),
    ],
  ]);
const entry: fc.Arbitrary<[string, Json]> = fc.oneof(
  fc.tuple(fc.constant('resourceType'), resourceTypes),
  fc.tuple(fc.constant('id'), fc.oneof(ids as fc.Arbitrary<Json>, fc.constantFrom<Json>(1, null))),
  fc.tuple(fc.constantFrom('subject', 'patient', 'beneficiary'), referenceValue),
  filler,
  decoy,
);
/** A resource: usually a resourceType first, then any entries (keys may repeat; the last wins). */
const resource: fc.Arbitrary<Json> = fc
  .tuple(
    fc.option(fc.tuple(fc.constant('resourceType'), resourceTypes), { freq: 1 }),
    fc.array(entry, { maxLength: 10 }),
  )
  .map(([first, rest]) => ({ entries: first ? [first, ...rest] : rest }));

/** The deepest nesting of objects and arrays in a JSON text (outside strings). */
function textNesting(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) {
        if (text[i] === '\\') {
          i++;
        }
      }
    } else if (c === '{' || c === '[') {
      max = Math.max(max, ++depth);
    } else if (c === '}' || c === ']') {
      depth--;
    }
  }
  return max;
}

const oracle = (text: string): string | undefined => patientIdOf({ resource: JSON.parse(text) as fhir4.Resource });
const scan = (text: string): string | undefined => {
  const buf = Buffer.from(text, 'utf8');
  return scanPatientId(buf, 0, buf.length) as string | undefined;
};
/** The oracle, or null when the text is not a single JSON object with a string resourceType. */
const oracleOrNull = (text: string): string | undefined | null => {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  return v && typeof v === 'object' && !Array.isArray(v) ? oracle(text) : null;
};

describe('scanPatientId', { timeout: 60_000 }, () => {
  it('finds the patient patientIdOf(JSON.parse(line)) finds, or declines, on any spelling of a resource', () => {
    fc.assert(
      fc.property(resource, fc.integer(), (r, seed) => {
        const text = write(r, prng(seed));
        const got = scan(text);
        if (got !== undefined) {
          expect(got).toBe(oracle(text));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('does not decline a plain single resource that has a patient', () => {
    fc.assert(
      fc.property(resource, (r) => {
        const text = write(r, () => 1);
        const parsed = JSON.parse(text) as { resourceType?: unknown };
        const want = oracle(text);
        if (want !== undefined && typeof parsed.resourceType === 'string' && parsed.resourceType !== 'Bundle') {
          expect(scan(text)).toBe(want);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on a mutated line, and agrees with JSON.parse whenever the mutant still parses', () => {
    const mutations = fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'x', '\u00e9', '1')),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(resource, fc.integer(), mutations, (r, seed, muts) => {
        let text = write(r, prng(seed));
        for (const [at, ch] of muts) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ch + text.slice(i + (ch === '' ? 1 : 0));
        }
        // a mutation may split a surrogate pair: compare on the text the file's UTF-8 bytes hold
        text = Buffer.from(text, 'utf8').toString('utf8');
        const got = scan(text);
        const want = oracleOrNull(text);
        if (got !== undefined && want !== null) {
          expect(got).toBe(want);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('says a line nests too deep exactly when its text does (any limit), or declines', () => {
    fc.assert(
      fc.property(resource, fc.integer(), fc.integer({ min: 1, max: 7 }), (r, seed, limit) => {
        const text = write(r, prng(seed));
        const buf = Buffer.from(text, 'utf8');
        const got = scanPatientId(buf, 0, buf.length, limit);
        if (got === undefined) {
          return;
        }
        // the text's nesting (a value JSON.parse drops for a later duplicate key still counts)
        expect(got === NESTED_TOO_DEEP, text).toBe(textNesting(text) > limit);
        // and a parsed resource never nests deeper than its text
        if (got !== NESTED_TOO_DEEP) {
          expect(nestingExceeds(JSON.parse(text), limit)).toBe(false);
        }
        if (got !== NESTED_TOO_DEEP) {
          expect(got).toBe(oracle(text));
        }
      }),
      { numRuns: 3000 },
    );
    // 200,000 levels: no recursion anywhere, one answer
    const deep = Buffer.from(
      `{"resourceType":"Observation","subject":{"reference":"Patient/a"},"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    );
    expect(scanPatientId(deep, 0, deep.length, 100)).toBe(NESTED_TOO_DEEP);
  });

  it('reads escaped and duplicate keys like JSON.parse, and declines Bundles, non-objects and patient-less resources', () => {
    expect(scan('{"resourceType":"Observation","subject":{"reference":"Patient\\/x"}}')).toBe('x');
    expect(scan('{"resource\\u0054ype":"Patient","id":"a","id":"b"}')).toBe('b');
    expect(
      scan(
        '{"resourceType":"Observation","subject":{"reference":"Patient/a"},"subject":{"display":"no reference"},"patient":{"reference":"Patient/c"}}',
      ),
    ).toBe('c');
    expect(
      scan(
        '{"resourceType":"Observation","contained":[{"resourceType":"Patient","id":"in"}],"subject":{"reference":"Patient/out"}}',
      ),
    ).toBe('out');
    expect(scan('{"resourceType":"Bundle","type":"collection","entry":[]}')).toBeUndefined();
    expect(scan('[{"resourceType":"Patient","id":"a"}]')).toBeUndefined();
    expect(scan('{"resourceType":"Organization","id":"o"}')).toBeUndefined();
    // urn:uuid:<id> in a patient element denotes Patient/<id> (ndjson as Synthea writes it)
    expect(
      scan('{"resourceType":"Condition","subject":{"reference":"urn:uuid:6f1c2a9e-0b7d-4c1e-9a55-3d2f7e8b1c40"}}'),
    ).toBe('6f1c2a9e-0b7d-4c1e-9a55-3d2f7e8b1c40');
    expect(scan('{"resourceType":"Observation","subject":{"reference":"Patient/a"}')).toBeUndefined();
    // a line the scanner accepts need not be valid JSON: the evaluator parses it and reports it
    expect(scan('{"resourceType":"Observation","subject":{"reference":"Patient/a"},"value":tru}')).toBe('a');
  });
});
