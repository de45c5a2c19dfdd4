/**
 * No drift between the project's authored value sets and the official eCQM content: every code of
 * every ValueSet expansion under ../shared/conformance/<measure>/valueset/ (recursively) is in the
 * project's registry under that ValueSet's OID, with code systems normalised (HCPCS is written two
 * ways in the official content). Reads ../shared in place; skips when it is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinValueSets } from '../../../src/engine/valuesets/index.ts';
import { SHARED_DIR, sharedAvailable } from '../../conformance/conformance-cases.ts';

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...jsonFiles(full));
    else if (name.endsWith('.json')) out.push(full);
  }
  return out;
}

function flatten(items: fhir4.ValueSetExpansionContains[] | undefined, into: fhir4.ValueSetExpansionContains[] = []) {
  for (const c of items ?? []) {
    if (c.system && c.code) into.push(c);
    flatten(c.contains, into);
  }
  return into;
}

if (!sharedAvailable) console.log('value-set drift: ../shared/conformance is absent — skipped');

describe.skipIf(!sharedAvailable)('authored value sets match the official expansions', () => {
  const confDir = join(SHARED_DIR, 'conformance');
  const files = sharedAvailable
    ? readdirSync(confDir)
        .map((m) => join(confDir, m, 'valueset'))
        .filter((d) => existsSync(d))
        .flatMap(jsonFiles)
    : [];
  const registry = builtinValueSets();

  it('finds the official ValueSet expansions', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const file of files) {
    const vs = JSON.parse(readFileSync(file, 'utf8')) as fhir4.ValueSet;
    if (vs.resourceType !== 'ValueSet' || !vs.expansion?.contains) continue;
    const oid = (vs.url ?? '').split('/').pop() ?? '';
    it(`${relative(confDir, file)}: every code of ${vs.title ?? vs.name ?? oid} is in the registry under ${oid}`, () => {
      expect(registry.get(oid), `value set ${oid} is not authored`).toBeDefined();
      const missing = flatten(vs.expansion!.contains)
        .filter((c) => !registry.hasCoding(oid, { system: c.system!, code: c.code! }))
        .map((c) => `${c.system}|${c.code}`);
      expect(missing).toEqual([]);
    });
  }
});
