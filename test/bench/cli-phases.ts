/**
 * Where `caregap evaluate --jobs 1` spends its CPU, phase by phase, measured in this process on the
 * CLI's own modules (shared by the cli-floor and cli-scale benchmarks; not a benchmark itself).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluatePatient, recordFromResources } from '../../src/engine/index.ts';
import { patientJsonLine } from '../../src/cli/output-formats.ts';
import { ProblemLog } from '../../src/cli/problem-log.ts';
import { readIntoShards } from '../../src/cli/read-into-shards.ts';
import { inputFile } from '../../src/cli/read-inputs.ts';
import { LINE_SLOTS } from '../../src/cli/shard-store.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Milliseconds of CPU per phase of a `--jobs 1` run over every patient of `dir`, in this process,
 * batch by batch as the CLI runs them (cold: a second run over the same data would find the
 * engine's memo caches warm and understate it): pass 1 (read, byte scan, store), pass 2 layout
 * (shard read, per-patient layout, shared resources), parse, engine (record assembly, validation,
 * measures, gaps, flags, actions), output (the `json` line).
 */
export async function breakdown(dir: string): Promise<Record<string, number>> {
  const ms: Record<string, number> = {
    pass1ReadScanStoreMs: 0,
    pass2LayoutMs: 0,
    parseMs: 0,
    engineMs: 0,
    outputJsonMs: 0,
  };
  let t = cpuNow();
  const lap = (phase: string) => {
    const now = cpuNow();
    ms[phase]! += now - t;
    t = now;
  };
  const input = await readIntoShards(
    readdirSync(dir).map((f) => inputFile(join(dir, f))),
    new ProblemLog(),
    { maxLineBytes: 1 << 26, maxPatientBytes: 1 << 26, memoryBytes: 1 << 26 },
  );
  lap('pass1ReadScanStoreMs');
  let outputBytes = 0;
  for (const raw of input.shards.batches({
    patients: 50,
    bytes: 4 << 20,
    largeBytes: 8 << 20,
    compact: false,
    readBudget: 24 << 20,
  })) {
    const b = input.shared.attach(raw);
    const bytes = Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength);
    lap('pass2LayoutMs');
    const patients: fhir4.Resource[][] = [];
    let l = 0;
    for (const p of b.patients) {
      const rs: fhir4.Resource[] = [];
      for (let k = 0; k < p.lines; k++, l++) {
        rs.push(
          JSON.parse(bytes.toString('utf8', b.lines[l * LINE_SLOTS]!, b.lines[l * LINE_SLOTS + 1]!)) as fhir4.Resource,
        );
      }
      for (const s of p.shared ?? []) {
        rs.push(
          JSON.parse(bytes.toString('utf8', b.lines[s * LINE_SLOTS]!, b.lines[s * LINE_SLOTS + 1]!)) as fhir4.Resource,
        );
      }
      patients.push(rs);
    }
    lap('parseMs');
    const evs = patients.map((rs) => evaluatePatient(recordFromResources(rs), { period: PERIOD, only: ['all'] }));
    lap('engineMs');
    for (const ev of evs) {
      outputBytes += patientJsonLine(ev, { gaps: true, flags: true }).length;
    }
    lap('outputJsonMs');
  }
  input.store.dispose();
  for (const k of Object.keys(ms)) {
    ms[k] = Math.round(ms[k]!);
  }
  return { ...ms, outputMB: Number((outputBytes / 1e6).toFixed(1)) };
}
