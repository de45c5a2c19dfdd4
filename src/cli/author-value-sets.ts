/**
 * Maintainer tool (Node): authors the project's value sets (src/engine/valuesets/catalog/) from
 * the measure specifications' code lists.
 * - A value set a measure pins (a ValueSet in ../shared/conformance/<measure>/bundle/, the
 *   expansion the measure package ships) is authored EXACTLY as pinned, one module per pinned
 *   version: the newest under the set's name, older ones suffixed with their version
 *   (TELEPHONE_VISITS is the ACO measures' 20250205, TELEPHONE_VISITS_20210220 CMS2's).
 * - Where the published lists (the VSAC expansions under ../shared/design/valuesets/*.tsv and
 *   ../shared/conformance/<measure>/valueset/) hold codes the pinned expansions do not, their union
 *   with every pinned version is authored as a separately named set, `<NAME>_ALL_VERSIONS`, under
 *   a project URL — for rules outside the eCQMs (follow-up gaps) that deliberately accept the
 *   newer codes. Never used by an eCQM.
 * - A set no measure pins is the union of its published lists.
 * Output is the project's compact format; rerun when a new release is adopted.
 *
 *   npx tsx src/cli/author-value-sets.ts [SHARED_DIR]
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizeSystem } from '../engine/index.ts';

const shared = resolve(process.argv[2] ?? join(import.meta.dirname, '../../../shared'));
const outDir = join(import.meta.dirname, '../engine/valuesets/catalog');

interface Authored {
  oid: string;
  name: string;
  version: string;
  codes: Map<string, [string, string, string]>;
  url?: string;
  suffix?: string;
}
/** Published lists (TSVs and valueset folders), united per OID. */
const sets = new Map<string, Authored>();
/** Pinned expansions (measure bundles) per OID, then per version. */
const pinned = new Map<string, Map<string, Authored>>();

function entry(oid: string, name: string, version: string): Authored {
  let s = sets.get(oid);
  if (!s) {
    sets.set(oid, (s = { oid, name, version, codes: new Map() }));
  }
  return s;
}
function addCode(s: Authored, system: string, code: string, display: string) {
  const sys = normalizeSystem(system);
  const k = `${sys}|${code}`;
  if (!s.codes.has(k)) {
    s.codes.set(k, [sys, code, display]);
  }
}

// 1. TSV code lists
const tsvDir = join(shared, 'design/valuesets');
for (const f of readdirSync(tsvDir).filter((n) => n.endsWith('.tsv') && !n.startsWith('_'))) {
  const lines = readFileSync(join(tsvDir, f), 'utf8').split('\n');
  const header = lines[0] ?? '';
  const m = /^# (.*?) \| OID (\S+) \| version (\S+)/.exec(header);
  if (!m) {
    throw new Error(`${f}: line 1: unexpected header`);
  }
  const s = entry(m[2]!, m[1]!, m[3]!);
  for (const line of lines.slice(2)) {
    if (!line.trim()) {
      continue;
    }
    const [system, code, display] = line.split('\t');
    if (system && code) {
      addCode(s, system, code, display ?? '');
    }
  }
}

// 2. Official expansions (complete the truncated ones; add supplemental-data sets)
const confDir = join(shared, 'conformance');
for (const measure of readdirSync(confDir)) {
  for (const sub of ['valueset', 'valueset/supplemental']) {
    const dir = join(confDir, measure, sub);
    if (!existsSync(dir)) {
      continue;
    }
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('_'))) {
      const vs = JSON.parse(readFileSync(join(dir, f), 'utf8')) as fhir4.ValueSet;
      if (vs.resourceType !== 'ValueSet' || !vs.url) {
        continue;
      }
      const oid = vs.url.split('/').pop()!;
      const s = entry(oid, vs.title ?? vs.name ?? oid, vs.version ?? '');
      const walk = (items: fhir4.ValueSetExpansionContains[] = []) => {
        for (const c of items) {
          if (c.system && c.code) {
            addCode(s, c.system, c.code, c.display ?? '');
          }
          walk(c.contains);
        }
      };
      walk(vs.expansion?.contains);
    }
  }
}

// 3. Pinned expansions: the ValueSets of the measure bundles
for (const measure of readdirSync(confDir)) {
  const dir = join(confDir, measure, 'bundle');
  if (!existsSync(dir)) {
    continue;
  }
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const bundle = JSON.parse(readFileSync(join(dir, f), 'utf8')) as fhir4.Bundle;
    for (const e of bundle.entry ?? []) {
      const vs = e.resource as fhir4.ValueSet | undefined;
      if (vs?.resourceType !== 'ValueSet' || !vs.url || !vs.expansion?.contains) {
        continue;
      }
      const oid = vs.url.split('/').pop()!;
      const version = vs.version ?? '';
      const byVersion = pinned.get(oid) ?? new Map<string, Authored>();
      pinned.set(oid, byVersion);
      const codes = new Map<string, [string, string, string]>();
      const walk = (items: fhir4.ValueSetExpansionContains[] = []) => {
        for (const c of items) {
          if (c.system && c.code) {
            codes.set(`${normalizeSystem(c.system)}|${c.code}`, [normalizeSystem(c.system), c.code, c.display ?? '']);
          }
          walk(c.contains);
        }
      };
      walk(vs.expansion.contains);
      const seen = byVersion.get(version);
      if (seen && (seen.codes.size !== codes.size || [...codes.keys()].some((k) => !seen.codes.has(k)))) {
        throw new Error(
          `${measure}: ${oid} version ${version} differs from another bundle's expansion of that version`,
        );
      }
      byVersion.set(version, { oid, name: sets.get(oid)?.name ?? vs.title ?? vs.name ?? oid, version, codes });
    }
  }
}

/** What is written: pinned versions exactly, the broader union separately, unpinned sets as published. */
const written: Authored[] = [];
for (const [oid, published] of sets) {
  const versions = pinned.get(oid);
  if (!versions) {
    written.push(published);
    continue;
  }
  const ordered = [...versions.values()].sort((a, b) => b.version.localeCompare(a.version));
  ordered.forEach((v, i) => written.push(i === 0 ? v : { ...v, suffix: v.version }));
  const union = new Map(published.codes);
  for (const v of ordered) {
    for (const [k, c] of v.codes) {
      union.set(k, c);
    }
  }
  if (ordered.some((v) => v.codes.size !== union.size)) {
    written.push({
      ...published,
      codes: union,
      suffix: 'ALL_VERSIONS',
      version: ordered.map((v) => v.version).join('+'),
      url: `https://caregap.example.org/fhir/ValueSet/${oid}-all-versions`,
    });
  }
}
for (const [oid, versions] of pinned) {
  if (!sets.has(oid)) {
    [...versions.values()]
      .sort((a, b) => b.version.localeCompare(a.version))
      .forEach((v, i) => written.push(i === 0 ? v : { ...v, suffix: v.version }));
  }
}

// 4. Write one module per value set
const constName = (s: Authored, used: Set<string>) => {
  let base = (s.suffix ? `${s.name} ${s.suffix}` : s.name)
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
  if (/^\d/.test(base)) {
    base = `VS_${base}`;
  }
  let n = base;
  if (used.has(n)) {
    n = `${base}_${s.oid.split('.').slice(-2).join('_')}`;
  }
  used.add(n);
  return n;
};
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const used = new Set<string>();
const index: { file: string; name: string; oid: string; title: string }[] = [];
const SYS: Record<string, string> = {
  'http://snomed.info/sct': 'SNOMED',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD10CM',
  'http://loinc.org': 'LOINC',
  'http://www.ama-assn.org/go/cpt': 'CPT',
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets': 'HCPCS',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RXNORM',
};
for (const s of written.sort(
  (a, b) => a.name.localeCompare(b.name) || (a.suffix ?? '').localeCompare(b.suffix ?? ''),
)) {
  const name = constName(s, used);
  const file = name.toLowerCase().replace(/_/g, '-');
  const codes = [...s.codes.values()].sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  const systems = [...new Set(codes.map((c) => c[0]))].filter((x) => SYS[x]).map((x) => SYS[x]!);
  const body = codes
    .map(
      ([sys, code, display]) =>
        `    [${SYS[sys] ?? JSON.stringify(sys)}, ${JSON.stringify(code)}, ${JSON.stringify(display)}],`,
    )
    .join('\n');
  writeFileSync(
    join(outDir, `${file}.ts`),
    (s.url
      ? `/** ${s.name}, every published version (VSAC ${s.oid}: ${s.version} and the current list): ${codes.length} codes — for rules outside the eCQMs only. Authored by src/cli/author-value-sets.ts. */\n`
      : `/** ${s.name} (VSAC ${s.oid}, expansion ${s.version}${pinned.has(s.oid) ? ', as the measure package pins it' : ''}): ${codes.length} codes. Authored by src/cli/author-value-sets.ts. */\n`) +
      (systems.length ? `import { ${systems.sort().join(', ')} } from '../../codes/code-systems.ts';\n` : '') +
      `import { ${s.url ? '' : 'vsacUrl, '}type ValueSetDef } from '../value-set.ts';\n\n` +
      `export const ${name}: ValueSetDef = {\n  url: ${s.url ? JSON.stringify(s.url) : `vsacUrl(${JSON.stringify(s.oid)})`},\n  oid: ${JSON.stringify(s.url ? `${s.oid}-all-versions` : s.oid)},\n  name: ${JSON.stringify(s.name)},\n  version: ${JSON.stringify(s.version)},\n  codes: [\n${body}\n  ],\n};\n`,
  );
  index.push({ file, name, oid: s.oid, title: s.name });
}
writeFileSync(
  join(outDir, 'index.ts'),
  `/** Every authored value set (generated by src/cli/author-value-sets.ts; do not edit by hand). */\n` +
    `import type { ValueSetDef } from '../value-set.ts';\n` +
    index.map((i) => `import { ${i.name} } from './${i.file}.ts';`).join('\n') +
    `\n\nexport {\n${index.map((i) => `  ${i.name},`).join('\n')}\n};\n\n/** All authored value sets. */\nexport const CATALOG: readonly ValueSetDef[] = [\n${index.map((i) => `  ${i.name},`).join('\n')}\n];\n`,
);
console.log(`authored ${index.length} value sets, ${written.reduce((n, s) => n + s.codes.size, 0)} codes → ${outDir}`);
