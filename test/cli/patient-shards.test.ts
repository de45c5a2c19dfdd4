/**
 * The CLI's streaming grouping: resources of Ann, Bo and Cal spread over several files come back
 * grouped per patient, in the order patients were first seen (Patient files first), across shards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PatientShards, isPatientFile, shardInputs } from '../../src/cli/patient-shards.ts';
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
});
