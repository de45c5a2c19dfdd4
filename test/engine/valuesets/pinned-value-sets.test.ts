/**
 * The project's value sets EQUAL the expansions the measures pin: for every ValueSet in every
 * measure bundle under ../shared/conformance/<measure>/bundle/ (the package fqm-execution
 * evaluates), the registry holds that `url|version` with exactly its codes — none missing, none
 * added (code systems normalised: HCPCS is written two ways). Broader lists exist only under
 * their own names and project URLs (`*_ALL_VERSIONS`), never under a VSAC URL.
 * Reads ../shared in place; skips, saying so, when it is absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSystem } from '../../../src/engine/codes/code-systems.ts';
import { BUILTIN_VALUE_SETS, builtinValueSets } from '../../../src/engine/valuesets/index.ts';
import { measureDir, SHARED_DIR, sharedAvailable } from '../../conformance/conformance-cases.ts';

function codesOf(items: fhir4.ValueSetExpansionContains[] | undefined, into = new Set<string>()): Set<string> {
  for (const c of items ?? []) {
    if (c.system && c.code) {
      into.add(`${normalizeSystem(c.system)}|${c.code.trim()}`);
    }
    codesOf(c.contains, into);
  }
  return into;
}

if (!sharedAvailable) {
  console.log('pinned value sets: ../shared/conformance is absent — skipped');
}

describe.skipIf(!sharedAvailable)('value sets equal the expansions the measures pin', () => {
  const measures = sharedAvailable
    ? readdirSync(join(SHARED_DIR, 'conformance')).filter((m) => m.startsWith('CMS') && !m.endsWith('.md'))
    : [];
  const registry = builtinValueSets();

  it('finds the five measure bundles', () => {
    expect(measures).toHaveLength(5);
  });

  for (const measure of measures) {
    const dir = join(measureDir(measure), 'bundle');
    const bundle = JSON.parse(
      readFileSync(
        join(
          dir,
          readdirSync(dir).find((f) => f.endsWith('.json'))!,
        ),
        'utf8',
      ),
    ) as fhir4.Bundle;
    const pinned = (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is fhir4.ValueSet => r?.resourceType === 'ValueSet' && !!r.expansion?.contains);
    it(`${measure}: ${pinned.length} pinned value sets, each equal`, () => {
      expect(pinned.length).toBeGreaterThan(5);
      for (const vs of pinned) {
        const ref = `${vs.url}|${vs.version}`;
        const def = BUILTIN_VALUE_SETS.find((d) => d.url === vs.url && d.version === vs.version);
        expect(def, `${vs.title ?? vs.name} ${ref} is authored`).toBeDefined();
        const ours = new Set(def!.codes.map(([s, c]) => `${normalizeSystem(s)}|${c.trim()}`));
        const theirs = codesOf(vs.expansion!.contains);
        expect({
          ref,
          extra: [...ours].filter((c) => !theirs.has(c)),
          missing: [...theirs].filter((c) => !ours.has(c)),
        }).toEqual({ ref, extra: [], missing: [] });
        // and the registry answers a lookup of that pinned reference with it
        expect(registry.get(ref)).toBe(def);
      }
    });
  }

  it('broader lists carry project URLs, never a VSAC one', () => {
    const broad = BUILTIN_VALUE_SETS.filter((d) => d.oid.endsWith('-all-versions'));
    expect(broad.map((d) => d.name)).toContain('Telephone Visits');
    for (const d of broad) {
      expect(d.url.startsWith('https://caregap.example.org/fhir/ValueSet/')).toBe(true);
    }
  });
});
