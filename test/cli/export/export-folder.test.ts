/**
 * The export folder: refused when it holds someone else's files; a full export replaces the
 * previous one; an incremental (`_since`) update replaces changed resources, removes deleted ones
 * (the manifest's `deleted` transaction Bundles) and adds new ones, so the folder stays one
 * complete picture; the state file is never read by `caregap evaluate` (no .json extension).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportUsageError, parseExportArgs } from '../../../src/cli/export/export-args.ts';
import { finishFull, prepareFolder, STATE_FILE, type StagedFile } from '../../../src/cli/export/export-folder.ts';
import { finishIncremental } from '../../../src/cli/export/merge-update.ts';
import { DIRECTORY_EXTENSIONS } from '../../../src/cli/read-inputs.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const obs = (id: string, value: number) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/p1' },
  valueQuantity: { value },
});
const cond = (id: string) => ({ resourceType: 'Condition', id, subject: { reference: 'Patient/p1' } });

/** Writes resources as a staged ndjson file in the folder's staging area. */
function stage(staging: string, name: string, type: string, resources: object[]): StagedFile {
  const staged = join(staging, name);
  writeFileSync(staged, resources.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return { staged, type, count: resources.length };
}

const read = (file: string) =>
  readFileSync(join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; valueQuantity?: { value: number } });

describe('export folder', () => {
  it('refuses a folder with other files, and keeps its state file out of evaluate’s reach', async () => {
    dir = mkdtempSync(join(tmpdir(), 'caregap-out-'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(prepareFolder(dir)).rejects.toThrow(ExportUsageError);
    await expect(prepareFolder(dir)).rejects.toThrow(/not empty and holds no caregap export/);
    expect(DIRECTORY_EXTENSIONS.some((e) => STATE_FILE.endsWith(e))).toBe(false);
  });

  it('replaces a full export, then merges an incremental update (changed, new and deleted resources)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'caregap-out-'));
    const first = await prepareFolder(dir);
    const base = {
      version: 1 as const,
      fhirBase: 'https://ehr.example/fhir',
      groupId: 'g',
      transactionTime: '2026-03-01T00:00:00Z',
      updates: [],
    };
    await finishFull(
      first,
      base,
      [
        stage(first.staging, '1', 'Observation', [obs('o1', 1), obs('o2', 2), obs('o3', 3)]),
        stage(first.staging, '2', 'Observation', [obs('o4', 4)]),
        stage(first.staging, '3', 'Condition', [cond('c1'), cond('c2')]),
      ],
      [stage(first.staging, '4', 'OperationOutcome', [{ resourceType: 'OperationOutcome', issue: [] }])],
    );
    expect(readdirSync(dir).sort()).toEqual([
      STATE_FILE,
      'Condition.ndjson',
      'Observation.2.ndjson',
      'Observation.ndjson',
      'errors',
    ]);

    const second = await prepareFolder(dir);
    expect(second.previous?.files.map((f) => [f.path, f.count])).toEqual([
      ['Observation.ndjson', 3],
      ['Observation.2.ndjson', 1],
      ['Condition.ndjson', 2],
    ]);
    const deleted = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { request: { method: 'DELETE', url: 'Observation/o2' } },
        { request: { method: 'DELETE', url: 'https://ehr.example/fhir/Condition/c1/_history/3' } },
      ],
    };
    const state = await finishIncremental(
      { ...second, previous: second.previous! },
      { transactionTime: '2026-03-02T00:00:00Z', since: '2026-03-01T00:00:00Z' },
      [stage(second.staging, '1', 'Observation', [obs('o1', 10), obs('o9', 9)])],
      [stage(second.staging, '2', 'Bundle', [deleted])],
      [],
    );
    // o1 changed (new copy only), o2 deleted, o3/o4 untouched, o9 new; c1 deleted
    expect(read('Observation.ndjson').map((r) => r.id)).toEqual(['o3']);
    expect(read('Observation.2.ndjson').map((r) => r.id)).toEqual(['o4']);
    expect(read('Observation.3.ndjson').map((r) => [r.id, r.valueQuantity?.value])).toEqual([
      ['o1', 10],
      ['o9', 9],
    ]);
    expect(read('Condition.ndjson').map((r) => r.id)).toEqual(['c2']);
    expect(readdirSync(dir).sort()).toEqual([
      STATE_FILE,
      'Condition.ndjson',
      'Observation.2.ndjson',
      'Observation.3.ndjson',
      'Observation.ndjson',
      'errors',
    ]);
    expect(readdirSync(join(dir, 'errors'))).toEqual([]); // the earlier messages belong to the earlier export
    expect(state).toMatchObject({ transactionTime: '2026-03-02T00:00:00Z', updates: ['2026-03-01T00:00:00Z'] });
    expect(state.files.map((f) => [f.path, f.count])).toEqual([
      ['Observation.ndjson', 1],
      ['Observation.2.ndjson', 1],
      ['Condition.ndjson', 1],
      ['Observation.3.ndjson', 2],
    ]);
    expect(JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'))).toEqual(state);
  });
});

describe('export arguments', () => {
  const required = [
    '--fhir-base',
    'https://ehr.example/fhir/',
    '--client-id',
    'c',
    '--private-key',
    'k.json',
    '--out',
    'o',
  ];

  it('parses the options (types repeatable and comma-separated, base without trailing slash)', () => {
    expect(
      parseExportArgs([
        ...required,
        '--group',
        'g1',
        '--type',
        'Patient,Observation',
        '--type',
        'Condition',
        '--since',
        '2026-01-01T00:00:00+02:00',
        '--parallel',
        '3',
      ]),
    ).toMatchObject({
      fhirBase: 'https://ehr.example/fhir',
      groupId: 'g1',
      types: ['Patient', 'Observation', 'Condition'],
      since: '2026-01-01T00:00:00+02:00',
      parallel: 3,
      maxPollIntervalMs: 120_000,
      quiet: false,
    });
  });

  it('names the problem in a bad command line', () => {
    const cases: [string[], RegExp][] = [
      [required.slice(2), /--fhir-base is required/],
      [[...required, '--since', '2026-01-01'], /not a FHIR instant/],
      [[...required, '--type', 'observation'], /"observation" is not a FHIR resource type/],
      [[...required, '--parallel', '0'], /--parallel must be/],
      [[...required, '--group', 'a/b'], /not a FHIR id/],
      [['--fhir-base', 'ftp://x', ...required.slice(2)], /http\(s\) URL/],
      [[...required, '--bogus'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      expect(() => parseExportArgs(args), args.join(' ')).toThrow(message);
    }
  });
});
