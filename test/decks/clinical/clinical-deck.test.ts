/**
 * The clinical deck (issue 12 "what must show"): hand-written real-shaped cases, each citing its
 * rule, run the way users run the CLI — ONE `caregap evaluate --format json` over every case's
 * files — and compared with the expected files (measures, gaps, flags, actions, death). Every
 * eCQM expectation is also checked against fqm-execution running the official measure bundles in
 * ../shared/conformance (skipped, saying so, when that folder is absent). fqm-execution reads a
 * value without an offset in the machine's zone; the engine declares UTC (src/engine/README.md,
 * Dates), so this file runs it with TZ=UTC. Expectations come from the rules, never from either
 * engine: a difference is investigated, not copied.
 */
process.env.TZ = 'UTC';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ECQMS, loadCases, type EpisodeCounts, type ExpectedPatient, type ExpectedPopulations } from './deck-cases.ts';
import { patientResources } from './deck-patients.ts';
import { CODE_GROUPS } from './deck-groups.ts';
import { sharedAvailable } from '../../conformance/conformance-cases.ts';
import { fqmVerdicts, measureBundle } from '../../conformance/fqm-runner.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
/** One as-of for the whole deck: the period's last day (the CLI default), named explicitly. */
const AS_OF = '2026-12-31';
const { cases: CASES, tempDir: TEMP_DIR } = loadCases(CODE_GROUPS);
afterAll(() => rmSync(TEMP_DIR, { recursive: true, force: true }));
const POPULATION_CODES: Record<keyof ExpectedPopulations, string> = {
  IPP: 'initial-population',
  DENOM: 'denominator',
  DENEX: 'denominator-exclusion',
  DENEXCEP: 'denominator-exception',
  NUMER: 'numerator',
};
const EPISODE_CODES = ['initial-population', 'denominator', 'denominator-exclusion', 'numerator'];

type Row = Record<string, any>;
let byPatient = new Map<string, Row>();
let cli: { status: number | null; stderr: string; ms: number };

/** One run of the CLI over every case's files, in the machine zone `tz`. */
function runCli(tz: string): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      'src/cli/caregap.mjs',
      'evaluate',
      '--format',
      'json',
      '--period-start',
      PERIOD.start,
      '--period-end',
      PERIOD.end,
      '--as-of',
      AS_OF,
      '--quiet',
      ...CASES.flatMap((k) => k.inputs),
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, TZ: tz } },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}
let utcStdout = '';

beforeAll(() => {
  const r = runCli('UTC');
  cli = { status: r.status, stderr: r.stderr, ms: r.ms };
  utcStdout = r.stdout;
  byPatient = new Map(
    r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row)
      .map((row) => [row.patient as string, row]),
  );
}, 60_000);

/** Whether an action answers an id (its source, a gap it closes or a flag it answers). */
const answers = (a: Row, id: string) => a.source === id || (a.gaps ?? []).includes(id) || (a.flags ?? []).includes(id);

/** Every difference between a patient's CLI result and its expectation (empty when equal). */
function differences(row: Row | undefined, exp: ExpectedPatient): string[] {
  if (!row) {
    return ['no result for the patient'];
  }
  const out: string[] = [];
  for (const [id, want] of Object.entries(exp.measures ?? {})) {
    const m = (row.measures as Row[]).find((x) => x.id === id);
    if (!m) {
      out.push(`measure ${id}: missing`);
      continue;
    }
    if (m.groups) {
      for (const [g, counts] of Object.entries(want as Record<string, EpisodeCounts>)) {
        const got = (m.groups as Row[]).find((x) => x.id === g);
        const have = got ? EPISODE_CODES.map((c) => got.populations[c]) : 'missing';
        if (JSON.stringify(have) !== JSON.stringify(counts)) {
          out.push(`measure ${id} ${g}: expected ${JSON.stringify(counts)}, got ${JSON.stringify(have)}`);
        }
      }
      continue;
    }
    for (const [abbr, n] of Object.entries(want as ExpectedPopulations)) {
      const code = POPULATION_CODES[abbr as keyof ExpectedPopulations];
      if (m.populations[code] !== n) {
        out.push(`measure ${id} ${abbr}: expected ${n}, got ${m.populations[code]} (status ${m.status})`);
      }
    }
  }
  for (const [id, want] of Object.entries(exp.gaps ?? {})) {
    const g = (row.gaps as Row[]).find((x) => x.id === id);
    const { status, due } = typeof want === 'string' ? { status: want, due: undefined } : want;
    if (!g) {
      out.push(`gap ${id}: missing`);
      continue;
    }
    if (g.status !== status) {
      out.push(`gap ${id}: expected ${status}, got ${g.status} (${g.why})`);
    }
    if (due && g.due !== due) {
      out.push(`gap ${id}: expected due ${due}, got ${g.due}`);
    }
  }
  for (const [id, want] of Object.entries(exp.flags ?? {})) {
    const f = (row.flags as Row[]).find((x) => x.id === id);
    if (want === 'absent') {
      if (f) {
        out.push(`flag ${id}: expected absent, got ${f.severity} (${f.statement})`);
      }
      continue;
    }
    if (!f) {
      out.push(`flag ${id}: expected ${want}, got absent`);
      continue;
    }
    if (want !== 'present' && f.severity !== want) {
      out.push(`flag ${id}: expected ${want}, got ${f.severity} (${f.statement})`);
    }
  }
  const actions = (row.actions ?? []) as Row[];
  const a = exp.actions;
  if (a) {
    const list = actions.map((x) => `${x.source}[${x.kind}]`).join(', ');
    if (a.count !== undefined && actions.length !== a.count) {
      out.push(`actions: expected ${a.count}, got ${actions.length} (${list})`);
    }
    a.order?.forEach((id, i) => {
      if (!actions[i] || !answers(actions[i]!, id)) {
        out.push(`action ${i + 1}: expected ${id}, got ${actions[i]?.source ?? 'none'} (${list})`);
      }
    });
    for (const id of a.include ?? []) {
      if (!actions.some((x) => answers(x, id))) {
        out.push(`actions: none answers ${id} (${list})`);
      }
    }
    for (const id of a.exclude ?? []) {
      if (actions.some((x) => answers(x, id))) {
        out.push(`actions: one answers ${id} (${list})`);
      }
    }
    for (const t of a.excludeText ?? []) {
      if (actions.some((x) => String(x.text).includes(t))) {
        out.push(`actions: a text contains "${t}" (${actions.map((x) => x.text).join(' | ')})`);
      }
    }
    if (a.firstKind && actions[0]?.kind !== a.firstKind) {
      out.push(`first action kind: expected ${a.firstKind}, got ${actions[0]?.kind}`);
    }
    for (const id of a.missed ?? []) {
      if (!((row.missed ?? []) as Row[]).some((x) => answers(x, id))) {
        out.push(`missed: ${id} not listed`);
      }
    }
  }
  // one need, one action: no gap or flag is answered by two actions
  const seen = new Map<string, number>();
  actions.forEach((x, i) =>
    new Set([...(x.gaps ?? []), ...(x.flags ?? [])]).forEach((id) => {
      if (seen.has(id)) {
        out.push(`actions ${seen.get(id)! + 1} and ${i + 1} both answer ${id}`);
      }
      seen.set(id, i);
    }),
  );
  if (actions.length > 5) {
    out.push(`more than five actions (${actions.length})`);
  }
  if (exp.deceased !== undefined) {
    if (!!row.deceased !== exp.deceased) {
      out.push(`deceased: expected ${exp.deceased}, got ${!!row.deceased}`);
    }
    if (exp.deceased && actions.length) {
      out.push(`deceased patient has ${actions.length} actions`);
    }
    if (exp.deceased && (row.gaps as Row[]).some((g) => g.status === 'open')) {
      out.push('deceased patient has open gaps');
    }
  }
  for (const type of exp.noIssuesFor ?? []) {
    for (const i of (row.issues ?? []) as Row[]) {
      if (i.resourceType === type) {
        out.push(`data issue on valid ${type}: ${i.field}: ${i.message}`);
      }
    }
  }
  return out;
}

describe('clinical deck: the cases', () => {
  it('has at least 60 cases, each naming its issue item, rule and citation, and listed in the README', () => {
    const readme = readFileSync(join(HERE, 'README.md'), 'utf8');
    const patients = CASES.flatMap((k) => Object.keys(k.expected.patients));
    expect(patients.length, 'cases (one patient each)').toBeGreaterThanOrEqual(60);
    for (const k of CASES) {
      expect(k.inputs.length, `${k.id}: input files`).toBeGreaterThan(0);
      expect(k.expected.item, k.id).toMatch(/^§[1-5]$/);
      expect(k.expected.rule.length, `${k.id}: rule`).toBeGreaterThan(20);
      expect(k.expected.citation.length, `${k.id}: citation`).toBeGreaterThan(20);
      expect(Object.keys(k.expected.patients).length, `${k.id}: patients`).toBeGreaterThan(0);
      for (const pid of Object.keys(k.expected.patients)) {
        expect(readme, `${pid} in README.md`).toContain(`\`${pid}\``);
      }
    }
    expect(new Set(patients).size, 'patient ids are unique across the deck').toBe(patients.length);
    expect(new Set(CASES.map((k) => k.id)).size, 'group ids are unique').toBe(CASES.length);
    // every section of issue 12 has cases
    for (const item of ['§1', '§2', '§3', '§4', '§5']) {
      expect(
        CASES.some((k) => k.expected.item === item),
        item,
      ).toBe(true);
    }
  });
});

describe('clinical deck through the CLI (one run, --as-of ' + AS_OF + ')', () => {
  it('reads every case without error, one line per patient', () => {
    expect(cli.status, cli.stderr).toBe(0);
    console.info(
      `clinical deck: ${CASES.length} groups, ${byPatient.size} cases (patients) through the CLI in ${cli.ms} ms`,
    );
    for (const k of CASES) {
      for (const pid of Object.keys(k.expected.patients)) {
        expect(byPatient.has(`Patient/${pid}`), `${k.id}: ${pid}`).toBe(true);
      }
    }
  });
  it(
    'gives the same output whatever the machine zone (America/New_York, Pacific/Kiritimati +14:00)',
    { timeout: 120_000 },
    () => {
      // issue 12 §1: "the CLI and the app give the same answer for the same record in any zone"
      for (const tz of ['America/New_York', 'Pacific/Kiritimati']) {
        const r = runCli(tz);
        expect(r.status, `${tz}: ${r.stderr}`).toBe(0);
        expect(r.stdout === utcStdout, `${tz}: output differs from TZ=UTC`).toBe(true);
      }
    },
  );
  for (const k of CASES) {
    describe(`${k.id} ${k.expected.item}: ${k.expected.title}`, () => {
      // one test per case (patient): a failing case names itself, its rule and its citation
      for (const [pid, exp] of Object.entries(k.expected.patients)) {
        it(`${pid}${exp.boundary ? ` — ${exp.boundary}` : ''}`, () => {
          expect(
            differences(byPatient.get(`Patient/${pid}`), exp),
            `${k.id}: ${k.expected.rule} [${k.expected.citation}]`,
          ).toEqual([]);
        });
      }
    });
  }
});

if (!sharedAvailable) {
  console.info(
    'clinical deck: ../shared/conformance not found: the fqm-execution comparison is skipped (the CLI part ran)',
  );
}

describe.skipIf(!sharedAvailable)('clinical deck against fqm-execution (TZ=UTC)', () => {
  for (const [measure, folder] of Object.entries(ECQMS)) {
    const patients = CASES.flatMap((k) => {
      const mine = Object.entries(k.expected.patients).filter(([, e]) => e.measures?.[measure]);
      if (!mine.length) {
        return [];
      }
      const resources = patientResources(k.inputs);
      return mine.map(([pid, e]) => ({
        id: pid,
        caseId: k.id,
        resources: resources.get(pid) ?? [],
        // where the deck documents that fqm-execution differs, it must give exactly its documented answer
        fqmError: e.fqmDiffers?.measure === measure && e.fqmDiffers.error === true,
        want: {
          ...(e.measures![measure] as ExpectedPopulations),
          ...(e.fqmDiffers?.measure === measure ? e.fqmDiffers.populations : {}),
        },
      }));
    });
    it.skipIf(!patients.length)(
      `${measure}: fqm-execution gives the deck's populations for its ${patients.length} patients`,
      { timeout: 120_000 },
      async () => {
        // CMS2's official cases carry no QI-Core profiles and are run untrusted, as in test/conformance
        const verdicts = await fqmVerdicts(
          measureBundle(folder),
          patients.map((p) => ({ id: p.id, resources: p.resources as unknown as fhir4.Resource[] })),
          PERIOD,
          measure !== 'cms2',
        );
        const diffs: string[] = [];
        for (const p of patients) {
          const v = verdicts.get(p.id);
          if (p.fqmError) {
            // documented: fqm-execution cannot evaluate this record (README "Where fqm-execution differs")
            if (!v || !('error' in v)) {
              diffs.push(`${p.caseId}/${p.id}: fqm-execution no longer raises its documented error`);
            }
            continue;
          }
          if (!v || 'error' in v) {
            diffs.push(`${p.caseId}/${p.id}: fqm ${v && 'error' in v ? v.error : 'no result'}`);
            continue;
          }
          for (const [abbr, n] of Object.entries(p.want)) {
            const code = POPULATION_CODES[abbr as keyof ExpectedPopulations];
            const theirs = v.populations[code as keyof typeof v.populations];
            if (theirs === undefined && n === 0) {
              continue;
            } // a population the measure does not define (e.g. no exceptions)
            if (theirs !== n) {
              diffs.push(`${p.caseId}/${p.id}: ${abbr} deck ${n}, fqm ${theirs}`);
            }
          }
        }
        expect(diffs).toEqual([]);
      },
    );
  }
});
