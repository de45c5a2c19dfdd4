/**
 * The `caregap` CLI run as a child process (`node src/cli/caregap.mjs …`) on temporary files:
 * every input kind, grouping and de-duplication, every output format, and bad input reported as
 * file:line with a non-zero exit while every good patient is still evaluated and written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const LOINC = 'http://loinc.org';
const P2026 = ['--period-start', '2026-01-01', '--period-end', '2026-12-31'];

let dir: string;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string; lines: string[] } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}
const json = (s: string) => JSON.parse(s) as Record<string, any>;

/** Ana, 45: office visit and a complete, negative AHC HRSN on 2026-03-10 (met). */
function screenedPatient(id: string): fhir4.Resource[] {
  const subject = { reference: `Patient/${id}` };
  const item = (n: number, code: string, answer: string): fhir4.Observation => ({
    resourceType: 'Observation',
    id: `${id}-o${n}`,
    status: 'final',
    subject,
    effectiveDateTime: '2026-03-10',
    code: { coding: [{ system: LOINC, code }] },
    valueCodeableConcept: { coding: [{ system: LOINC, code: answer }] },
  });
  return [
    { resourceType: 'Patient', id, birthDate: '1981-05-02' } as fhir4.Patient,
    {
      resourceType: 'Encounter',
      id: `${id}-e1`,
      status: 'finished',
      class: { code: 'AMB' },
      subject,
      type: [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213' }] }],
      period: { start: '2026-03-10T09:00:00', end: '2026-03-10T09:30:00' },
    } as fhir4.Encounter,
    item(1, '71802-3', 'LA31993-1'),
    item(2, '88122-7', 'LA28398-8'),
    item(3, '93030-5', 'LA32-8'),
    item(4, '96779-4', 'LA32-8'),
    item(5, '95614-4', 'LA6270-8'),
    { ...item(6, '95614-4', 'x'), valueCodeableConcept: undefined, valueInteger: 4 } as fhir4.Observation,
  ];
}
/** Ben, 50: office visit on 2026-05-01 and no screening (not met). */
function unscreenedPatient(id: string): fhir4.Resource[] {
  return screenedPatient(id).filter((r) => r.resourceType !== 'Observation');
}
const bundle = (type: string, resources: fhir4.Resource[]) => ({
  resourceType: 'Bundle',
  type,
  entry: resources.map((resource) => ({ resource })),
});
const ndjson = (resources: unknown[]) => resources.map((r) => JSON.stringify(r)).join('\n') + '\n';
const write = (name: string, content: string): string => {
  const f = join(dir, name);
  mkdirSync(dirname(f), { recursive: true });
  writeFileSync(f, content);
  return f;
};
const sdohOf = (line: string) => json(line).measures.find((m: { id: string }) => m.id === 'sdoh-screening');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caregap-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregap CLI', { timeout: 120_000 }, () => {
  it('prints usage for --help and exits 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: caregap evaluate');
  });

  it('evaluates every patient of a collection Bundle, one JSON line per patient', () => {
    const f = write(
      'two.json',
      JSON.stringify(bundle('collection', [...screenedPatient('ana'), ...unscreenedPatient('ben')])),
    );
    const r = run('evaluate', ...P2026, '--measure', 'sdoh-screening', f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines).toHaveLength(2);
    const [ana, ben] = r.lines.map(json);
    expect(ana!.patient).toBe('Patient/ana');
    expect(sdohOf(r.lines[0]!).status).toBe('met');
    expect(sdohOf(r.lines[0]!).populations).toEqual({
      'initial-population': 1,
      denominator: 1,
      'denominator-exclusion': 0,
      'denominator-exception': 0,
      numerator: 1,
    });
    expect(ben!.patient).toBe('Patient/ben');
    expect(sdohOf(r.lines[1]!).status).toBe('not-met');
    expect(sdohOf(r.lines[1]!).closes.due).toBe('2026-12-31');
    // no flag was requested and none was raised: the flags key is omitted (the measure's own gap is kept)
    expect(Object.keys(ben!)).toEqual(['patient', 'measures', 'gaps', 'actions', 'issues']);
  });

  it('keeps gap and flag keys when they were requested (all)', () => {
    const f = write('one.json', JSON.stringify(bundle('collection', unscreenedPatient('cy'))));
    const r = run('evaluate', ...P2026, f);
    expect(r.code, r.stderr).toBe(0);
    const line = json(r.lines[0]!);
    expect(line).toHaveProperty('gaps');
    expect(line).toHaveProperty('flags');
    expect(line.measures.map((m: { id: string }) => m.id)).toContain('cms2');
  });

  it('streams ndjson, groups by subject and keeps a resource seen twice once', () => {
    const res = screenedPatient('di');
    const f = write('export/Observation.ndjson', ndjson([...res, res[2]]));
    const r = run('evaluate', ...P2026, '--measure', 'sdoh-screening', f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines).toHaveLength(1);
    const evidence = sdohOf(r.lines[0]!).evidence.map((e: { reference: string }) => e.reference);
    expect(evidence.filter((x: string) => x === 'Observation/di-o1')).toHaveLength(1);
  });

  it('reads a directory of single-resource files recursively and resolves urn:uuid references in transactions', () => {
    const res = screenedPatient('eve');
    for (const r of res) {
      write(`tree/eve/${r.resourceType}/${r.id}.json`, JSON.stringify(r));
    }
    const fay = unscreenedPatient('fay');
    const tx = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: fay.map((r) => ({
        fullUrl: `urn:uuid:${r.id}`,
        resource: r.resourceType === 'Patient' ? r : { ...r, subject: { reference: 'urn:uuid:fay' } },
        request: { method: 'POST', url: r.resourceType },
      })),
    };
    write('tree/tx/fay.json', JSON.stringify(tx));
    const r = run('evaluate', ...P2026, '--measure', 'sdoh-screening', join(dir, 'tree'));
    expect(r.code, r.stderr).toBe(0);
    const byPatient = Object.fromEntries(r.lines.map((l) => [json(l).patient, sdohOf(l).status]));
    expect(byPatient).toEqual({ 'Patient/eve': 'met', 'Patient/fay': 'not-met' });
  });

  it('writes individual MeasureReports with --format measurereport', () => {
    const f = write('mr.json', JSON.stringify(bundle('searchset', screenedPatient('gus'))));
    const r = run('evaluate', ...P2026, '--measure', 'sdoh-screening', '--format', 'measurereport', f);
    expect(r.code, r.stderr).toBe(0);
    const mr = json(r.lines[0]!);
    expect(mr).toMatchObject({
      resourceType: 'MeasureReport',
      type: 'individual',
      measure: 'https://caregap.example.org/fhir/Measure/sdoh-screening|1.0.0',
      subject: { reference: 'Patient/gus' },
      period: { start: '2026-01-01', end: '2026-12-31' },
    });
    const num = mr.group[0].population.find((p: any) => p.code.coding[0].code === 'numerator');
    expect(num.count).toBe(1);
  });

  it('sums counts into summary MeasureReports with --format summary (score = numerator / eligible denominator)', () => {
    const f = write(
      'sum.ndjson',
      ndjson([...screenedPatient('hal'), ...unscreenedPatient('ivy'), ...unscreenedPatient('jon')]),
    );
    const r = run('evaluate', ...P2026, '--measure', 'sdoh-screening', '--format', 'summary', f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines).toHaveLength(1);
    const s = json(r.lines[0]!);
    expect(s.type).toBe('summary');
    const count = (code: string) => s.group[0].population.find((p: any) => p.code.coding[0].code === code).count;
    expect([count('initial-population'), count('denominator'), count('numerator')]).toEqual([3, 3, 1]);
    expect(s.group[0].measureScore.value).toBeCloseTo(1 / 3);
  });

  it('writes one CSV row per patient × measure and × gap with --format csv, quoting the closing action', () => {
    const f = write('csv.json', JSON.stringify(bundle('collection', unscreenedPatient('kim'))));
    const out = join(dir, 'out.csv');
    const r = run('evaluate', ...P2026, '--measure', 'sdoh-screening', '--format', 'csv', '--out', out, f);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      'patient,name,birth-date,mrn,clinician,id,title,kind,status,initial-population,denominator,denominator-exclusion,denominator-exception,numerator,due,closes',
    );
    expect(rows[1]).toMatch(
      /^Patient\/kim,,1981-05-02,,Unattributed,sdoh-screening,Screening for Social Drivers of Health,measure,not-met,1,1,0,0,0,2026-12-31,"Screen for food insecurity, .*"$/,
    );
    expect(rows[2]).toMatch(
      /^Patient\/kim,,1981-05-02,,Unattributed,sdoh-screening,Screening for Social Drivers of Health,gap,open,,,,,,2026-12-31,/,
    );
  });

  it('names the file and line of an invalid ndjson line, exits 1, and still writes every good patient', () => {
    const good = ndjson(screenedPatient('lou')).split('\n');
    good.splice(2, 0, '{"resourceType": "Observation", broken');
    const f = write('bad.ndjson', good.join('\n'));
    const r = run('evaluate', ...P2026, '--measure', 'sdoh-screening', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:3: invalid JSON`);
    expect(r.lines.map((l) => json(l).patient)).toEqual(['Patient/lou']);
  });

  it('reports unreadable JSON, a Bundle of the wrong shape and a missing file, while good files are evaluated', () => {
    const bad = write('broken/bad.json', '{\n  "resourceType": "Patient",\n  "id": \n}\n');
    const shape = write(
      'broken/shape.json',
      JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: { resource: {} } }),
    );
    const good = write('broken/good.json', JSON.stringify(bundle('collection', screenedPatient('mae'))));
    const missing = join(dir, 'broken/nope.json');
    const r = run('evaluate', ...P2026, '--measure', 'sdoh-screening', bad, shape, good, missing);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: invalid JSON`));
    expect(r.stderr).toContain(`${shape}: Bundle of the wrong shape`);
    expect(r.stderr).toContain(`${missing}: cannot read: ENOENT`);
    expect(r.lines.map((l) => json(l).patient)).toEqual(['Patient/mae']);
  });

  it('rejects an unknown measure id with the list of valid ids (exit 2)', () => {
    const r = run('evaluate', '--measure', 'cms9999', 'x.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown measure id "cms9999"');
    expect(r.stderr).toMatch(/valid ids: all, cms2, sdoh-screening/);
  });

  it('rejects a bad period (exit 2): impossible date, start after end, one bound only', () => {
    expect(run('evaluate', '--period-start', '2026-02-30', '--period-end', '2026-12-31', 'x').stderr).toContain(
      '--period-start must be a calendar date',
    );
    const r = run('evaluate', '--period-start', '2026-12-31', '--period-end', '2026-01-01', 'x');
    expect([r.code, r.stderr.includes('is after')]).toEqual([2, true]);
    expect(run('evaluate', '--period-start', '2026-01-01', 'x').code).toBe(2);
  });

  it('defaults the period to the current calendar year', () => {
    const f = write('default.json', JSON.stringify(bundle('collection', screenedPatient('ned'))));
    const r = run('evaluate', '--measure', 'sdoh-screening', '--format', 'measurereport', f);
    expect(r.code, r.stderr).toBe(0);
    const year = new Date().getFullYear();
    expect(json(r.lines[0]!).period).toEqual({ start: `${year}-01-01`, end: `${year}-12-31` });
  });
});
