/**
 * Benchmark: what the point-of-care panel's worker runs per record version — `evaluatePatient`
 * alone (a launch without an open visit) against `evaluateAtVisit` with today's visit open (the
 * record as held, for measures and gaps, plus the record with the visit closed) — for a typical
 * patient, the behavioural-health-heavy one and the 5,000+ Observation one. Each run evaluates a
 * fresh copy of the record, as the app does after every fetch (no warm per-record caches). Prints
 * medians of 15 runs after 3 warm-ups. Run: `npx tsx test/bench/visit-evaluation.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SEED, generatePanel } from '../../launch/sandbox/data/generate-panel.ts';
import { todaysVisitResource } from '../../launch/sandbox/ehr/todays-visit.ts';
import { evaluateAtVisit, evaluatePatient, recordFromResources, type PatientRecord } from '../../src/engine/index.ts';

const TODAY = '2026-11-23';
const OPTIONS = { period: { start: '2026-01-01', end: '2026-12-31' }, asOf: TODAY };
const RUNS = 15;
const WARMUP = 3;

function median(f: () => void): number {
  for (let i = 0; i < WARMUP; i++) {
    f();
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

/** Runs the benchmark and returns its figures. */
export function main(): Array<{
  name: string;
  resources: number;
  evaluatePatientMs: number;
  evaluateAtVisitMs: number;
}> {
  const panel = [...generatePanel({ seed: DEFAULT_SEED, count: 1, anchorDate: TODAY })];
  const rows = [];
  for (const id of ['pt-0001', 'bh-complex', 'heavy']) {
    const p = panel.find((x) => x.id === id);
    if (!p) {
      throw new Error(`the sandbox panel has no ${id}`);
    }
    const visit = todaysVisitResource(id, 'dr-rivera', Date.parse(`${TODAY}T14:00:00Z`));
    const fresh = (): PatientRecord => recordFromResources(structuredClone([...p.resources, visit]));
    const evaluatePatientMs = median(() => evaluatePatient(fresh(), OPTIONS));
    const evaluateAtVisitMs = median(() => evaluateAtVisit(fresh(), OPTIONS, visit.id));
    rows.push({ name: id, resources: p.resources.length + 1, evaluatePatientMs, evaluateAtVisitMs });
    console.log(
      `${id} (${p.resources.length + 1} resources): evaluatePatient ${evaluatePatientMs.toFixed(1)} ms, evaluateAtVisit ${evaluateAtVisitMs.toFixed(1)} ms (medians of ${RUNS}, fresh record each run)`,
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main();
}
