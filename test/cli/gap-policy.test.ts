/**
 * `caregap evaluate --gap-policy FILE` (#16 §5): the organisation's gap day counts reach every
 * thread, at their boundaries; no flag and an empty policy give byte-identical output; a bad file
 * is a usage error (exit 2) naming the file and the field, before any input is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codedScreening, patient, plusDays, scoreObservation, visit, VISIT_CPT } from '../engine/gaps/gap-fixtures.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const ARGS = ['--period-start', '2026-01-01', '--period-end', '2026-12-31', '--as-of', '2026-11-23', '--quiet'];
/** Day of each patient's CMS2 qualifying visit. */
const V = '2026-03-10';

let dir: string;
let input: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', ...ARGS, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function policyFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Coding-gap status by patient id (`coded-<days before the visit>`). */
function codingStatuses(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n').filter(Boolean)) {
    const ev = JSON.parse(line) as { patient: string; gaps: { id: string; status: string }[] };
    out[ev.patient.replace('Patient/', '')] = ev.gaps.find((g) => g.id === 'depression-screening-coding')!.status;
  }
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caregap-gap-policy-'));
  // a PHQ-9 scored at the visit and its CMS2 result coded 10, 11 or 14 days before the visit
  const resources = [10, 11, 14].flatMap((days) => {
    const id = `coded-${days}`;
    const p = patient(id, 'Helen', 'Brooks', '1979-04-04');
    const subject = { reference: `Patient/${id}` };
    const withSubject = <T extends fhir4.Resource>(r: T, suffix: string): T =>
      ({ ...r, id: `${id}-${suffix}`, subject }) as T;
    return [
      p,
      withSubject(visit(V, { cpt: VISIT_CPT.depressionScreenVisit }), 'visit'),
      withSubject(scoreObservation(V, 14), 'phq9'),
      withSubject(codedScreening(plusDays(V, -days), 'positive'), 'coded'),
    ];
  });
  input = join(dir, 'patients.ndjson');
  writeFileSync(input, resources.map((r) => JSON.stringify(r)).join('\n') + '\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregap evaluate --gap-policy', () => {
  it('applies a 10-day screening look-back on every thread: coded 10 days before counts, 11 does not', () => {
    const policy = policyFile('ten.json', '{"screeningLookbackDays": 10}');
    for (const jobs of ['1', '2']) {
      const r = run('--gap-policy', policy, '--jobs', jobs, input);
      expect(r.code, r.stderr).toBe(0);
      expect(codingStatuses(r.stdout)).toEqual({ 'coded-10': 'closed', 'coded-11': 'open', 'coded-14': 'open' });
    }
  });

  it('keeps the default 14 days without the flag, and an empty policy changes no byte', () => {
    const plain = run(input);
    expect(plain.code, plain.stderr).toBe(0);
    expect(codingStatuses(plain.stdout)).toEqual({ 'coded-10': 'closed', 'coded-11': 'closed', 'coded-14': 'closed' });
    expect(run('--gap-policy', policyFile('empty.json', '{}'), input).stdout).toBe(plain.stdout);
  });

  it.each([
    ['unknown.json', '{"screeningLookback": 10}', /unknown field "screeningLookback" \(known: lookbackDays/],
    ['zero.json', '{"sdohFollowUpDays": 0}', /sdohFollowUpDays must be a positive whole number \(got 0\)/],
    ['fraction.json', '{"lookbackDays": 7.5}', /lookbackDays must be a positive whole number \(got 7.5\)/],
    ['text.json', '{"lookbackDays": "60"}', /lookbackDays must be a positive whole number \(got "60"\)/],
    ['array.json', '[10]', /expected an object of day counts/],
    ['broken.json', '{"lookbackDays": ', /not JSON/],
  ])('rejects %s with exit 2, naming the file and the field', (name, text, message) => {
    const path = policyFile(name, text);
    const r = run('--gap-policy', path, input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--gap-policy ${path}: `);
    expect(r.stderr).toMatch(message);
  });

  it('rejects a policy file that cannot be read (exit 2)', () => {
    const r = run('--gap-policy', join(dir, 'missing.json'), input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--gap-policy .*missing\.json: cannot read: ENOENT/);
  });
});
