/**
 * The CLI's streaming grouping: resources of Ann, Bo and Cal spread over several files come back
 * grouped per patient, in the order patients were first seen (Patient files first), across shards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { PatientShards, isPatientFile, orderProblems, readLines, shardInputs } from '../../src/cli/patient-shards.ts';
import { evaluateBatch, type BatchSettings } from '../../src/cli/evaluate-batch.ts';
import type { InputProblem } from '../../src/cli/read-inputs.ts';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

describe('patient shards', () => {
  it('groups lines per patient across shards of two patients, in first-seen order', () => {
    const shards = new PatientShards(2);
    cleanup.push(() => shards.dispose());
    for (const [pid, text] of [['ann', 'a1'], ['bo', 'b1'], ['cal', 'c1'], ['ann', 'a2'], ['cal', 'c2']] as const) shards.add(pid, text);
    expect([...shards.patients()]).toEqual([
      { ordinal: 0, id: 'ann', lines: ['a1', 'a2'] },
      { ordinal: 1, id: 'bo', lines: ['b1'] },
      { ordinal: 2, id: 'cal', lines: ['c1', 'c2'] },
    ]);
    expect(shards.patientCount).toBe(3);
  });

  it('recognises Bulk export Patient files', () => {
    expect(['Patient.ndjson', '/x/Patient.000.ndjson', 'Patient_1.ndjson'].map(isPatientFile)).toEqual([true, true, true]);
    expect(['Observation.ndjson', 'PatientConsent.ndjson', 'Patient.txt'].map(isPatientFile)).toEqual([false, false, false]);
  });

  it('reads the Patient file first, keeps raw lines, splits Bundles in ndjson and reports a bad line as file:line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregap-shard-test-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const obs = (id: string, pid: string) => ({ resourceType: 'Observation', id, subject: { reference: `Patient/${pid}` } });
    const a = join(dir, 'A.ndjson');
    writeFileSync(a, [JSON.stringify(obs('o1', 'bo')), '{broken', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: obs('o2', 'ann') }] })].join('\n') + '\n');
    const p = join(dir, 'Patient.ndjson');
    writeFileSync(p, '{"resourceType":"Patient","id":"ann"}\n{"resourceType":"Patient", "id":"bo"}\n');
    const problems: InputProblem[] = [];
    const shards = await shardInputs([a, p], problems);
    cleanup.push(() => shards.dispose());
    const got = [...shards.patients()];
    expect(got.map((g) => g.id)).toEqual(['ann', 'bo']);
    expect(got[1]!.lines).toEqual(['{"resourceType":"Patient", "id":"bo"}', JSON.stringify(obs('o1', 'bo'))]);
    expect(got[0]!.lines[1]).toBe(JSON.stringify(obs('o2', 'ann')));
    expect(problems).toEqual([expect.objectContaining({ file: a, line: 2 })]);
  });

  it('splits lines like readline (LF, CRLF, lone CR, no final newline, multi-byte UTF-8 across chunks, lines longer than a chunk)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregap-lines-test-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
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
      for await (const l of createInterface({ input: createReadStream(f, { encoding: 'utf8' }), crlfDelay: Infinity })) want.push(l);
      for (const chunk of [1, 2, 3, 5, 7, 16, 1024]) {
        const got: [number, string][] = [];
        readLines(f, (buf, start, end, n) => got.push([n, buf.toString('utf8', start, end)]), undefined, chunk);
        expect(got, `content ${k}, chunk ${chunk}`).toEqual(want.map((l, i) => [i + 1, l]));
      }
    }
  });

  it('leaves an invalid line the scanner accepts to pass 2, which reports it with its file and line; a patient seen only on invalid lines is not reported missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregap-late-test-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const p = join(dir, 'Patient.ndjson');
    writeFileSync(p, '{"resourceType":"Patient","id":"ann"}\r\n{"resourceType":"Patient","id":"bo","x":tru}\n');
    const o = join(dir, 'Observation.ndjson');
    writeFileSync(o, ['{"resourceType":"Observation","id":"o1","subject":{"reference":"Patient/ann"},"value":01}', '{broken', '{"resourceType":"Observation","id":"o2","subject":{"reference":"Patient/ghost"},"v":[1,,2]}'].join('\n'));
    const problems: InputProblem[] = [];
    const shards = await shardInputs([o, p], problems);
    cleanup.push(() => shards.dispose());
    expect(problems).toEqual([expect.objectContaining({ file: o, line: 2 })]);
    const settings: BatchSettings = { period: { start: '2026-01-01', end: '2026-12-31' }, only: ['cms2'], format: 'json', requested: { gaps: false, flags: false }, date: '2026-12-31T00:00:00Z' };
    const outcomes = [...shards.batches(2, true)].flatMap((b) => evaluateBatch(b, settings));
    expect(outcomes.map((x) => [x.id, Boolean(x.missingPatient), Boolean(x.unread), x.lines.length])).toEqual([['ann', false, false, 1], ['bo', false, true, 0], ['ghost', false, true, 0]]);
    const late = outcomes.flatMap((x) => x.problems ?? []);
    expect(orderProblems(problems, late, shards).map((x) => `${x.file}:${x.line}: ${x.message.slice(0, 12)}`)).toEqual([`${p}:2: invalid JSON`, `${o}:1: invalid JSON`, `${o}:2: invalid JSON`, `${o}:3: invalid JSON`]);
  });
});
