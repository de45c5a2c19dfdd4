/**
 * The `caregap` CLI on bad and hostile input, as a child process (`node src/cli/caregap.mjs`), for
 * the cases test/cli/caregap.test.ts does not already cover: files that are JSON but not a FHIR
 * resource, and hostile resources inside an otherwise good export (wrong JSON types, an unparseable
 * date, a duplicate id). Problems name file (and line); good patients are still evaluated; a result
 * that depended on an unreadable resource is `unknown`, never `met`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CMS2_KINDS, SCREEN_NEGATIVE } from '../../../src/engine/measures/cms2-terminology.ts';
import { VISIT_CODE } from '../measures/cms2-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const P2026 = ['--period-start', '2026-01-01', '--period-end', '2026-12-31'];
const ADULT_SCREEN = CMS2_KINDS.adult.screening;

let dir: string;
const write = (name: string, content: string): string => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return {
    code: r.status,
    stderr: r.stderr,
    lines: r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, any>),
  };
}

/** Ines, 50: an office visit on 2026-04-02 and a negative adult depression screen the same day (CMS2 met). */
function screened(id: string, screen: Record<string, unknown> = {}): unknown[] {
  const subject = { reference: `Patient/${id}` };
  return [
    { resourceType: 'Patient', id, birthDate: '1976-01-15', gender: 'female' },
    {
      resourceType: 'Encounter',
      id: `${id}-v`,
      status: 'finished',
      class: { code: 'AMB' },
      subject,
      type: [{ coding: [VISIT_CODE] }],
      period: { start: '2026-04-02T09:00:00Z', end: '2026-04-02T09:30:00Z' },
    },
    {
      resourceType: 'Observation',
      id: `${id}-s`,
      status: 'final',
      subject,
      code: { coding: [ADULT_SCREEN] },
      valueCodeableConcept: { coding: [SCREEN_NEGATIVE] },
      effectiveDateTime: '2026-04-02T09:10:00Z',
      ...screen,
    },
  ];
}
const ndjson = (resources: unknown[]) => resources.map((r) => JSON.stringify(r)).join('\n') + '\n';
const cms2Of = (line: Record<string, any>) => line.measures.find((m: { id: string }) => m.id === 'cms2');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caregap-w3-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregap on bad and hostile input', { timeout: 60_000 }, () => {
  it('a well-formed screening is met (the baseline the hostile cases are compared with)', () => {
    const r = run('evaluate', ...P2026, '--measure', 'cms2', write('good.ndjson', ndjson(screened('ines'))));
    expect(r.code, r.stderr).toBe(0);
    expect(cms2Of(r.lines[0]!).status).toBe('met');
  });

  it('names JSON files that are not FHIR resources (an array, a string), exits 1, and still evaluates the good one', () => {
    const arr = write('array.json', '[1, 2, 3]\n');
    const str = write('string.json', '"hello"\n');
    const good = write('ines.ndjson', ndjson(screened('ines')));
    const r = run('evaluate', ...P2026, '--measure', 'cms2', arr, str, good);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${arr}: not a FHIR resource`);
    expect(r.stderr).toContain(`${str}: not a FHIR resource`);
    expect(r.lines.map((l) => l.patient)).toEqual(['Patient/ines']);
  });

  it('names a Bundle of the wrong type, reads none of its entries, exits 1, and still evaluates the good patient', () => {
    const bogus = write(
      'bogus.json',
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'bogus',
        entry: screened('mallory').map((resource) => ({ resource })),
      }),
    );
    const good = write('ines-2.ndjson', ndjson(screened('ines')));
    const r = run('evaluate', ...P2026, '--measure', 'cms2', bogus, good);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bogus}: Bundle of the wrong type (Bundle.type must be one of`);
    // the message names the problem, never the input's own text
    expect(r.stderr).not.toContain('"bogus"');
    expect(r.lines.map((l) => l.patient)).toEqual(['Patient/ines']);
    expect(cms2Of(r.lines[0]!).status).toBe('met');
  });

  it('a screening whose code is a string makes CMS2 unknown (never met) and is reported once by type, id and field', () => {
    const r = run(
      'evaluate',
      ...P2026,
      '--measure',
      'cms2',
      write('code.ndjson', ndjson(screened('jo', { code: ADULT_SCREEN.code }))),
    );
    const m = cms2Of(r.lines[0]!);
    expect(m.status).toBe('unknown');
    expect(m.reasons.join(' ')).toContain('Observation/jo-s code');
    expect(r.lines[0]!.issues.filter((i: { id?: string }) => i.id === 'jo-s')).toEqual([
      expect.objectContaining({ resourceType: 'Observation', field: 'code' }),
    ]);
  });

  it('a screening dated 2026-04-31 makes CMS2 unknown, and a numeric date likewise, each reported once', () => {
    for (const effectiveDateTime of ['2026-04-31', 20260402]) {
      const r = run(
        'evaluate',
        ...P2026,
        '--measure',
        'cms2',
        write('date.ndjson', ndjson(screened('kai', { effectiveDateTime }))),
      );
      expect(cms2Of(r.lines[0]!).status, String(effectiveDateTime)).toBe('unknown');
      expect(
        r.lines[0]!.issues.filter(
          (i: { id?: string; field: string }) => i.id === 'kai-s' && i.field === 'effectiveDateTime',
        ),
      ).toHaveLength(1);
    }
  });

  it("does not let another patient's screening inside the same file close this patient's measure", () => {
    const lee = screened('lee').filter((r) => (r as { resourceType: string }).resourceType !== 'Observation');
    const mia = screened('mia');
    const r = run('evaluate', ...P2026, '--measure', 'cms2', write('two.ndjson', ndjson([...lee, ...mia])));
    expect(r.code, r.stderr).toBe(0);
    const byPatient = Object.fromEntries(r.lines.map((l) => [l.patient, cms2Of(l).status]));
    expect(byPatient).toEqual({ 'Patient/lee': 'not-met', 'Patient/mia': 'met' });
  });
});
