/**
 * The CLI's streaming grouping: resources of Ann, Bo and Cal spread over several files come back
 * grouped per patient, in the order patients were first seen (Patient files first), across shards,
 * whether the temporary store stays in memory or spills to its file, and whether a shard is read at
 * once or in runs; the line reader splits like readline and skips over-long lines by number; a
 * patient over the size limit is cut off; the temporary file has no name while the run lasts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  LINE_SLOTS,
  PatientShards,
  decodeLine,
  type BatchOptions,
  type PatientBatch,
} from '../../src/cli/shard-store.ts';
import { SpillStore } from '../../src/cli/spill-store.ts';
import { readLines } from '../../src/cli/line-reader.ts';
import { readIntoShards } from '../../src/cli/read-into-shards.ts';
import { inputFile, isPatientFile } from '../../src/cli/read-inputs.ts';
import { ProblemLog } from '../../src/cli/problem-log.ts';
import { evaluateBatch, type BatchSettings } from '../../src/cli/evaluate-batch.ts';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

const BATCH: BatchOptions = { patients: 50, bytes: 1 << 30, largeBytes: 1 << 30, compact: false, readBudget: 1 << 30 };

/** Every patient's lines as text, in batch order. */
function patientsOf(batches: Iterable<PatientBatch>): { id: string; lines: string[] }[] {
  const out: { id: string; lines: string[] }[] = [];
  for (const b of batches) {
    let l = 0;
    for (const p of b.patients) {
      const lines: string[] = [];
      for (let k = 0; k < p.lines; k++, l++) {
        lines.push(decodeLine(b, l));
      }
      out.push({ id: p.id, lines });
    }
  }
  return out;
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const add = (shards: PatientShards, pid: string, text: string) => {
  const b = Buffer.from(text);
  return shards.add(pid, b, 0, b.length, -1, 0);
};

describe('patient shards', () => {
  it('groups lines per patient across shards of two patients, in first-seen order, in memory or spilled, read at once or in runs', () => {
    for (const memoryBytes of [1 << 20, 40]) {
      for (const readBudget of [1 << 30, 1]) {
        const store = new SpillStore({ memoryBytes });
        cleanup.push(() => store.dispose());
        const shards = new PatientShards({ store, patientsPerShard: 2, maxPatientBytes: 1 << 20 });
        for (const [pid, text] of [
          ['ann', 'a1'],
          ['bo', 'b1'],
          ['cal', 'c1'],
          ['ann', 'a2'],
          ['cal', 'c2'],
          ['bo', 'b2'.repeat(300_000)],
        ] as const) {
          add(shards, pid, text);
        }
        expect(store.onDisk, `memory ${memoryBytes}`).toBe(memoryBytes === 40);
        expect(patientsOf(shards.batches({ ...BATCH, readBudget }))).toEqual([
          { id: 'ann', lines: ['a1', 'a2'] },
          { id: 'bo', lines: ['b1', 'b2'.repeat(300_000)] },
          { id: 'cal', lines: ['c1', 'c2'] },
        ]);
        expect(shards.patientCount).toBe(3);
      }
    }
  });

  it('cuts a patient off at the size limit: nothing more of it is stored, pass 2 skips it', () => {
    const store = new SpillStore({ memoryBytes: 1 << 20 });
    cleanup.push(() => store.dispose());
    const shards = new PatientShards({ store, patientsPerShard: 250, maxPatientBytes: 10 });
    expect([
      add(shards, 'big', '12345678'),
      add(shards, 'ok', 'x'),
      add(shards, 'big', '1234'),
      add(shards, 'big', '1'),
    ]).toEqual(['stored', 'stored', 'patient-now-too-large', 'patient-too-large']);
    expect(patientsOf(shards.batches(BATCH))).toEqual([{ id: 'ok', lines: ['x'] }]);
    expect(shards.tooLargeCount).toBe(1);
  });

  it('makes a batch of its own, owning its bytes and marked large, of a patient over the large-patient threshold', () => {
    const store = new SpillStore({ memoryBytes: 1 << 20 });
    cleanup.push(() => store.dispose());
    const shards = new PatientShards({ store, patientsPerShard: 250, maxPatientBytes: 1 << 20 });
    for (const [pid, text] of [
      ['a', 'a1'],
      ['big', 'x'.repeat(100)],
      ['c', 'c1'],
    ] as const) {
      add(shards, pid, text);
    }
    const batches = [...shards.batches({ ...BATCH, largeBytes: 50 })];
    expect(batches.map((b) => [b.patients.map((p) => p.id), Boolean(b.large), b.bytes.length])).toEqual([
      [['a'], false, 104],
      [['big'], true, 100],
      [['c'], false, 104],
    ]);
    expect(batches[1]!.lines[0]).toBe(0);
  });

  it('spills to a file created 0600 in a 0700 folder, unlinked at once (nothing named in TMPDIR while the run lasts)', () => {
    const tmp = tempDir('caregap-spill-test-');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const named = new SpillStore({ memoryBytes: 4, unlinkWhileOpen: false });
      named.append(Buffer.from('0123456789'), 0, 10);
      expect(named.onDisk).toBe(true);
      const [file, dir] = named.paths;
      expect(statSync(file!).mode & 0o777).toBe(0o600);
      expect(statSync(dir!).mode & 0o777).toBe(0o700);
      named.dispose();
      expect(readdirSync(tmp)).toEqual([]);
      const unnamed = new SpillStore({ memoryBytes: 4 });
      cleanup.push(() => unnamed.dispose());
      unnamed.append(Buffer.from('0123456789'), 0, 10);
      expect(unnamed.onDisk).toBe(true);
      expect(readdirSync(tmp)).toEqual([]);
      const back = Buffer.alloc(6);
      unnamed.read(2, 6, back, 0);
      expect(back.toString()).toBe('234567');
    } finally {
      if (saved === undefined) {
        delete process.env.TMPDIR;
      } else {
        process.env.TMPDIR = saved;
      }
    }
  });

  it('recognises Bulk export Patient files', () => {
    expect(['Patient.ndjson', '/x/Patient.000.ndjson', 'Patient_1.ndjson'].map(isPatientFile)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['Observation.ndjson', 'PatientConsent.ndjson', 'Patient.txt'].map(isPatientFile)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('reads the Patient file first, keeps raw lines, splits Bundles in ndjson and reports a bad line as file:line', async () => {
    const dir = tempDir('caregap-shard-test-');
    const obs = (id: string, pid: string) => ({
      resourceType: 'Observation',
      id,
      subject: { reference: `Patient/${pid}` },
    });
    const a = join(dir, 'A.ndjson');
    writeFileSync(
      a,
      [
        JSON.stringify(obs('o1', 'bo')),
        '{broken',
        JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: obs('o2', 'ann') }] }),
      ].join('\n') + '\n',
    );
    const p = join(dir, 'Patient.ndjson');
    writeFileSync(p, '{"resourceType":"Patient","id":"ann"}\n{"resourceType":"Patient", "id":"bo"}\n');
    const problems = new ProblemLog();
    const input = await readIntoShards([a, p].map(inputFile), problems, {
      maxLineBytes: 1 << 20,
      maxPatientBytes: 1 << 20,
      memoryBytes: 1 << 20,
    });
    cleanup.push(() => input.store.dispose());
    const got = patientsOf(input.shards.batches(BATCH));
    expect(got.map((g) => g.id)).toEqual(['ann', 'bo']);
    expect(got[1]!.lines).toEqual(['{"resourceType":"Patient", "id":"bo"}', JSON.stringify(obs('o1', 'bo'))]);
    expect(got[0]!.lines[1]).toBe(JSON.stringify(obs('o2', 'ann')));
    expect(problems.ordered()).toEqual([
      { file: a, line: 2, message: 'invalid JSON (character 2 of the resource: unexpected character)' },
    ]);
  });

  it('splits lines like readline (LF, CRLF, lone CR, no final newline, multi-byte UTF-8 across chunks, lines longer than a chunk)', async () => {
    const dir = tempDir('caregap-lines-test-');
    const contents = [
      'a\nbb\r\nccc\rdd\r\r\n\nééé😀x\n{"k":"ü😀"}',
      '\r\n\r\n',
      '😀😀😀\r',
      'x'.repeat(40) + '\ny',
      '',
      '\n',
      'é\r\n😀\n',
    ];
    for (const [k, content] of contents.entries()) {
      const f = join(dir, `${k}.ndjson`);
      writeFileSync(f, content);
      const want: string[] = [];
      for await (const l of createInterface({
        input: createReadStream(f, { encoding: 'utf8' }),
        crlfDelay: Infinity,
      })) {
        want.push(l);
      }
      for (const chunk of [1, 2, 3, 5, 7, 16, 1024]) {
        const got: [number, string][] = [];
        await readLines(
          f,
          {
            line: (buf, start, end, n) => void got.push([n, buf.toString('utf8', start, end)]),
            tooLong: (n) => void got.push([n, 'TOO LONG']),
          },
          { maxLineBytes: 1 << 20, chunkBytes: chunk, pause: async () => {} },
        );
        expect(got, `content ${k}, chunk ${chunk}`).toEqual(want.map((l, i) => [i + 1, l]));
      }
    }
  });

  it('skips lines longer than the limit by number, whatever the chunk size, without growing its buffer past the limit', async () => {
    const dir = tempDir('caregap-long-test-');
    const f = join(dir, 'long.ndjson');
    const lines = ['ok1', 'x'.repeat(50), 'ok3', 'y'.repeat(11), 'z'.repeat(10), 'w'.repeat(30)];
    for (const [ending, last] of [
      ['\n', '\n'],
      ['\r\n', ''],
      ['\r', '\r'],
    ] as const) {
      writeFileSync(f, lines.join(ending) + last);
      for (const chunk of [1, 3, 7, 16, 1024]) {
        const got: [number, string][] = [];
        await readLines(
          f,
          {
            line: (buf, start, end, n) => void got.push([n, buf.toString('utf8', start, end)]),
            tooLong: (n) => void got.push([n, 'TOO LONG']),
          },
          { maxLineBytes: 10, chunkBytes: chunk, pause: async () => {} },
        );
        expect(got, `${JSON.stringify(ending)} chunk ${chunk}`).toEqual([
          [1, 'ok1'],
          [2, 'TOO LONG'],
          [3, 'ok3'],
          [4, 'TOO LONG'],
          [5, 'z'.repeat(10)],
          [6, 'TOO LONG'],
        ]);
      }
    }
  });

  it('leaves an invalid line the scanner accepts to pass 2, which reports it with its file and line; a patient seen only on invalid lines is not reported missing', async () => {
    const dir = tempDir('caregap-late-test-');
    const p = join(dir, 'Patient.ndjson');
    writeFileSync(p, '{"resourceType":"Patient","id":"ann"}\r\n{"resourceType":"Patient","id":"bo","x":tru}\n');
    const o = join(dir, 'Observation.ndjson');
    writeFileSync(
      o,
      [
        '{"resourceType":"Observation","id":"o1","subject":{"reference":"Patient/ann"},"value":01}',
        '{broken',
        '{"resourceType":"Observation","id":"o2","subject":{"reference":"Patient/ghost"},"v":[1,,2]}',
      ].join('\n'),
    );
    const problems = new ProblemLog();
    const input = await readIntoShards([o, p].map(inputFile), problems, {
      maxLineBytes: 1 << 20,
      maxPatientBytes: 1 << 20,
      memoryBytes: 1 << 20,
    });
    cleanup.push(() => input.store.dispose());
    expect(problems.ordered()).toEqual([expect.objectContaining({ file: o, line: 2 })]);
    const settings: BatchSettings = {
      period: { start: '2026-01-01', end: '2026-12-31' },
      only: ['cms2'],
      format: 'json',
      requested: { gaps: false, flags: false },
      date: '2026-12-31T00:00:00Z',
    };
    const outcomes = [...input.shards.batches({ ...BATCH, patients: 2, compact: true })].flatMap((b) =>
      evaluateBatch(b, settings),
    );
    expect(outcomes.map((x) => [x.id, Boolean(x.missingPatient), Boolean(x.unread), x.lines.length])).toEqual([
      ['ann', false, false, 1],
      ['bo', false, true, 0],
      ['ghost', false, true, 0],
    ]);
    for (const x of outcomes) {
      for (const l of x.problems ?? []) {
        problems.add({ file: input.files[l.file]!, line: l.line, message: l.message }, l.file, l.line);
      }
    }
    expect(problems.ordered().map((x) => `${x.file}:${x.line}: ${x.message}`)).toEqual([
      `${p}:2: invalid JSON (character 44 of the resource: unexpected character)`,
      `${o}:1: invalid JSON (character 88 of the resource: unexpected character)`,
      `${o}:2: invalid JSON (character 2 of the resource: unexpected character)`,
      `${o}:3: invalid JSON (character 88 of the resource: unexpected character)`,
    ]);
    expect(LINE_SLOTS).toBe(4);
  });
});
