/**
 * `caregap evaluate` on a FHIR Bulk Data export (a directory of Type.ndjson files): 60 seeded
 * synthetic panel patients, streamed through per-patient shards; output in the Patient file's
 * order; `--jobs 2` byte-identical to `--jobs 1`, in memory or spilled to the temporary file; DEQM gaps
 * Bundles; progress and stats on stderr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBulkExport } from '../bench/cli-scale.bench.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const P2026 = ['--period-start', '2026-01-01', '--period-end', '2026-12-31'];
const PATIENTS = 60;

let dir: string;
let bulk: string;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return runWith({}, ...args);
}
function runWith(
  env: Record<string, string>,
  ...args: string[]
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lines = (s: string) => s.split('\n').filter(Boolean);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caregap-bulk-test-'));
  bulk = join(dir, 'export');
  mkdirSync(bulk);
  writeBulkExport(bulk, PATIENTS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregap evaluate on a Bulk Data export', { timeout: 240_000 }, () => {
  it('evaluates every patient of the export once, in the order of Patient.ndjson', () => {
    const r = run('evaluate', ...P2026, '--quiet', '--jobs', '1', '--out', join(dir, 'one.json'), bulk);
    expect(r.code, r.stderr).toBe(0);
    const ids = lines(readFileSync(join(dir, 'one.json'), 'utf8')).map((l) => JSON.parse(l).patient);
    const expected = lines(readFileSync(join(bulk, 'Patient.ndjson'), 'utf8')).map(
      (l) => `Patient/${JSON.parse(l).id}`,
    );
    expect(ids).toEqual(expected);
    expect(ids).toHaveLength(PATIENTS);
  });

  it('writes byte-identical output with --jobs 2 and --jobs 1', () => {
    const two = join(dir, 'two.json');
    expect(run('evaluate', ...P2026, '--quiet', '--jobs', '2', '--out', two, bulk).code).toBe(0);
    const one = readFileSync(join(dir, 'one.json'), 'utf8');
    expect(one.length).toBeGreaterThan(1000);
    expect(readFileSync(two, 'utf8')).toBe(one);
  });

  it('gives the same output with the temporary store spilled to its file, and leaves nothing in TMPDIR', () => {
    // a private TMPDIR and a 1 MB memory budget: the export's copy goes to the temporary file
    const privateTmp = mkdtempSync(join(dir, 'tmp-'));
    const spilled = join(dir, 'spilled.json');
    const r = runWith(
      { TMPDIR: privateTmp, CAREGAP_SPILL_BYTES: String(1 << 20) },
      'evaluate',
      ...P2026,
      '--quiet',
      '--jobs',
      '2',
      '--stats',
      '--out',
      spilled,
      bulk,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(/caregap: stats (\{.*\})/.exec(r.stderr)![1]!).tempStoreOnDisk).toBe(true);
    expect(readFileSync(spilled, 'utf8')).toBe(readFileSync(join(dir, 'one.json'), 'utf8'));
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('orders patients by the Patient file even when another file mentions them first, and warns about a patient never found', () => {
    const tiny = join(dir, 'order');
    mkdirSync(tiny);
    const obs = (id: string, pid: string) =>
      JSON.stringify({
        resourceType: 'Observation',
        id,
        status: 'final',
        code: { text: 'x' },
        subject: { reference: `Patient/${pid}` },
      });
    writeFileSync(
      join(tiny, 'Observation.ndjson'),
      [obs('o1', 'amy'), obs('o2', 'ghost'), obs('o3', 'zed')].join('\n') + '\n',
    );
    writeFileSync(
      join(tiny, 'Patient.ndjson'),
      [
        { resourceType: 'Patient', id: 'zed', birthDate: '1970-01-01' },
        { resourceType: 'Patient', id: 'amy', birthDate: '1980-01-01' },
      ]
        .map((p) => JSON.stringify(p))
        .join('\n') + '\n',
    );
    const r = run('evaluate', ...P2026, '--measure', 'cms2', tiny);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l).patient)).toEqual(['Patient/zed', 'Patient/amy']);
    expect(r.stderr).toContain('Patient/ghost but no Patient resource was found');
  });

  it('writes one DEQM gaps-in-care document Bundle per patient with --format gaps, carrying the real Patient', () => {
    const r = run(
      'evaluate',
      ...P2026,
      '--format',
      'gaps',
      '--measure',
      'cms2',
      '--measure',
      'cms165',
      '--quiet',
      bulk,
    );
    expect(r.code, r.stderr).toBe(0);
    const bundles = lines(r.stdout).map((l) => JSON.parse(l) as fhir4.Bundle);
    expect(bundles).toHaveLength(PATIENTS);
    const first = bundles[0]!;
    expect(first.type).toBe('document');
    expect(first.meta?.profile).toEqual(['http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/gaps-bundle-deqm']);
    expect(first.entry![0]!.resource!.resourceType).toBe('Composition');
    const patient = first.entry!.find((e) => e.resource!.resourceType === 'Patient')!.resource as fhir4.Patient;
    expect(patient.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const issues = first.entry!.filter((e) => e.resource!.resourceType === 'DetectedIssue');
    expect(issues).toHaveLength(2);
  });

  it('reports progress lines on a non-terminal stderr, none with --quiet, and a stats line with --stats', () => {
    const loud = run('evaluate', ...P2026, '--format', 'summary', '--progress-interval', '0.001', '--stats', bulk);
    expect(loud.code, loud.stderr).toBe(0);
    expect(loud.stderr).toMatch(/caregap: evaluating: \d+ of 60 patients \(\d+%\), \d+ patients\/s, about .* left\n/);
    const stats = JSON.parse(/caregap: stats (\{.*\})/.exec(loud.stderr)![1]!);
    expect(stats).toMatchObject({ patients: PATIENTS, jobs: 1 });
    expect(stats.peakRssMB).toBeGreaterThan(0);
    const quiet = run('evaluate', ...P2026, '--format', 'summary', '--progress-interval', '0.001', '--quiet', bulk);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    // the summary covers the whole export: one report per measure, every patient counted
    const summaries = lines(quiet.stdout).map((l) => JSON.parse(l) as fhir4.MeasureReport);
    expect(summaries.map((s) => s.type)).toEqual(summaries.map(() => 'summary'));
    expect(summaries.length).toBeGreaterThanOrEqual(6);
  });

  it('reports invalid lines found by either pass in input order, with the same output and messages for --jobs 1 and --jobs 2', () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    for (const f of ['Patient.ndjson', 'Condition.ndjson']) {
      writeFileSync(join(broken, f), readFileSync(join(bulk, f)));
    }
    const obs = lines(readFileSync(join(bulk, 'Observation.ndjson'), 'utf8'));
    obs[4] = obs[4]!.replace(/\}$/, ',"x":tru}'); // scanned in pass 1, found invalid when parsed in pass 2
    obs[9] = '{broken'; // found invalid in pass 1
    obs[obs.length - 2] = obs[obs.length - 2]!.replace(/\}$/, ',"y":[1,,2]}');
    const obsFile = join(broken, 'Observation.ndjson');
    writeFileSync(obsFile, obs.join('\r\n'));
    const one = run('evaluate', ...P2026, '--quiet', '--jobs', '1', broken);
    const two = run('evaluate', ...P2026, '--quiet', '--jobs', '2', broken);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(lines(one.stdout)).toHaveLength(PATIENTS);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(
      lines(one.stderr)
        .map((l) => /^caregap: (.*?): invalid JSON/.exec(l)?.[1])
        .filter(Boolean),
    ).toEqual([`${obsFile}:5`, `${obsFile}:10`, `${obsFile}:${obs.length - 1}`]);
  });

  it('rejects --jobs 0 as a usage error', () => {
    const r = run('evaluate', '--jobs', '0', bulk);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs must be a whole number');
  });
});
