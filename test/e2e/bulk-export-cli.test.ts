/**
 * `caregap export` as users run it (`node src/cli/caregap.mjs export …`, a child process) against
 * the sandbox EHR over real HTTP with the development key: a full Group export, then `evaluate` on
 * the folder gives exactly what it gives on the sandbox's own records; a resource written back
 * afterwards arrives with `--since` and is merged into the folder; an export through 429s with
 * Retry-After, a 500 and a cut-short body on files, and access tokens that expire mid-export
 * completes with byte-identical files; a failed job exits 1 and leaves the folder as it was.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { E2E_ANCHOR } from './support/sandbox.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const KEYS = join(ROOT, 'launch/sandbox/dev-keys');
const PERIOD = ['--period-start', '2026-01-01', '--period-end', '2026-12-31'];

type Running = Awaited<ReturnType<typeof startSandbox>>;
let running: Running;
let dir: string;

beforeAll(async () => {
  running = await startSandbox({
    port: 0,
    serveApp: 'none',
    seed: 42,
    patientCount: 12,
    anchorDate: E2E_ANCHOR,
    exportDurationMs: 1500,
  });
  dir = mkdtempSync(join(tmpdir(), 'caregap-e2e-export-'));
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI without blocking the event loop (the sandbox answers in this process). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const exportTo = (out: string, ...extra: string[]) =>
  cli(
    'export',
    '--fhir-base',
    running.fhirBase,
    '--group',
    'attributed',
    '--client-id',
    'caregap-backend',
    '--private-key',
    join(KEYS, 'backend.private.jwk.json'),
    '--out',
    out,
    ...extra,
  );

/** The sandbox's own records, written as a plain folder (the ground truth for evaluate). */
function groundTruth(name: string): string {
  const out = join(dir, name);
  mkdirSync(out);
  const resources = running.sandbox.patients().flatMap((p) => running.sandbox.resourcesFor(p.id));
  writeFileSync(join(out, 'all.ndjson'), resources.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return out;
}

/** `evaluate --format csv` (no timestamps in it), rows sorted. */
async function evaluateCsv(folder: string): Promise<string[]> {
  const r = await cli('evaluate', ...PERIOD, '--format', 'csv', '--quiet', folder);
  expect(r.code, r.stderr).toBe(0);
  const [header, ...rows] = r.stdout.trim().split('\n');
  return [header!, ...rows.sort()];
}

const ndjsonLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const files = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.ndjson'))
    .sort();

describe('caregap export against the sandbox EHR', () => {
  it('exports the attributed Group, and evaluate on the folder equals evaluate on the sandbox’s own records', async () => {
    const out = join(dir, 'full');
    const r = await exportTo(out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/token from .*\/auth\/token \(RS384, expires in 300 s/);
    expect(r.stderr).toMatch(/in progress: \d+% complete/);
    const members = running.sandbox.patients().map((p) => p.id);
    for (const file of files(out)) {
      const type = file.split('.')[0]!;
      const lines = ndjsonLines(join(out, file));
      const expected =
        type === 'Practitioner' ? 3 : members.reduce((n, id) => n + (running.sandbox.countsFor(id)[type] ?? 0), 0);
      expect(lines.length, file).toBe(expected);
      expect(lines.every((l) => (JSON.parse(l) as fhir4.Resource).resourceType === type)).toBe(true);
    }
    expect(files(out)).toContain('Patient.ndjson');
    expect(files(out)).toContain('Observation.ndjson');
    expect(running.sandbox.bulkActivity().clients).toEqual(['caregap-backend']);
    expect(running.sandbox.bulkActivity().cancelled).toBe(1); // the DELETE after the downloads
    expect(await evaluateCsv(out)).toEqual(await evaluateCsv(groundTruth('truth-1')));
  }, 120_000);

  it('--since brings a resource written back after the export and merges it into the folder', async () => {
    const out = join(dir, 'full');
    const state = JSON.parse(readFileSync(join(out, '.caregap-export-state'), 'utf8')) as { transactionTime: string };
    // the clinician's write-back: a PHQ-9 total for screen-due, through the FHIR API with a write scope
    const writer = running.sandbox.issueToken({ patient: 'screen-due', scope: 'patient/Observation.c' }).access_token;
    const created = await fetch(`${running.fhirBase}/Observation`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${writer}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        category: [
          { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] },
        ],
        code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
        subject: { reference: 'Patient/screen-due' },
        effectiveDateTime: `${E2E_ANCHOR}T10:00:00-05:00`,
        valueInteger: 3,
      }),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as fhir4.Observation).id!;
    const r = await exportTo(out, '--since', state.transactionTime);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/manifest: 1 file\(s\), 1 resources/);
    expect(r.stderr).toMatch(/merged 1 file\(s\), 1 resources/);
    const observations = files(out)
      .filter((f) => f.startsWith('Observation'))
      .flatMap((f) => ndjsonLines(join(out, f)).map((l) => (JSON.parse(l) as fhir4.Resource).id));
    expect(observations.filter((x) => x === id)).toHaveLength(1);
    expect(observations).toHaveLength(
      running.sandbox.patients().reduce((n, p) => n + (running.sandbox.countsFor(p.id).Observation ?? 0), 0),
    );
    const after = JSON.parse(readFileSync(join(out, '.caregap-export-state'), 'utf8')) as {
      updates: string[];
      transactionTime: string;
    };
    expect(after.updates).toEqual([state.transactionTime]);
    expect(Date.parse(after.transactionTime)).toBeGreaterThan(Date.parse(state.transactionTime));
    expect(await evaluateCsv(out)).toEqual(await evaluateCsv(groundTruth('truth-2')));
  }, 120_000);

  it('completes through 429s with Retry-After, a 500 and a cut-short body on files, and tokens that expire mid-export', async () => {
    const clean = join(dir, 'clean');
    expect((await exportTo(clean, '--quiet')).code).toBe(0);
    running.sandbox.setBulkFaults({
      rateLimitKickoffs: 1,
      rateLimitPolls: 1,
      fileErrors: 1,
      truncateFiles: 2,
      tokenLifetimeSec: 1,
      tokenExpiresEarly: true,
    });
    try {
      const out = join(dir, 'faulty');
      const r = await cli(
        'export',
        '--fhir-base',
        running.fhirBase,
        '--group',
        'attributed',
        '--client-id',
        'caregap-backend',
        '--private-key',
        join(KEYS, 'backend-es384.private.jwk.json'),
        '--out',
        out,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/kick-off: too many requests \(HTTP 429.*retrying in 1 s/);
      expect(r.stderr).toMatch(/status request: too many requests \(HTTP 429/);
      expect(r.stderr).toMatch(/retrying Patient .*HTTP 500: Injected fault/);
      expect(r.stderr).toMatch(/got \d+ of \d+ resources \(the manifest's count\)/);
      expect(r.stderr).toMatch(/new access token \(renewal \d+/);
      expect(files(out)).toEqual(files(clean));
      for (const f of files(clean)) {
        expect(readFileSync(join(out, f)).equals(readFileSync(join(clean, f))), f).toBe(true);
      }
    } finally {
      running.sandbox.setBulkFaults({});
    }
  }, 120_000);

  it('a failed job exits 1 with the server’s message and leaves the folder as it was', async () => {
    const out = join(dir, 'clean');
    const before = Object.fromEntries(files(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    running.sandbox.setBulkFaults({ failJobs: true });
    try {
      const r = await exportTo(out, '--quiet');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/status request failed: HTTP 500: Injected fault: the export failed/);
      expect(Object.fromEntries(files(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]))).toEqual(before);
      expect(readdirSync(out)).not.toContain('.caregap-export-staging');
    } finally {
      running.sandbox.setBulkFaults({});
    }
    const refused = await cli(
      'export',
      '--fhir-base',
      running.fhirBase,
      '--client-id',
      'someone-else',
      '--private-key',
      join(KEYS, 'backend.private.jwk.json'),
      '--out',
      join(dir, 'refused'),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the token endpoint refused client someone-else \(HTTP 401\) invalid_client/);
  }, 120_000);
});
