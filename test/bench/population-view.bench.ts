/**
 * Benchmark: the population view's fetch + evaluate path in Node — members of Group/attributed
 * read from the sandbox over real HTTP, each record fetched with fetchPatientRecord (4 patients in
 * flight, as the app does) and evaluated by the engine as it arrives (in the browser the evaluation
 * runs in a Web Worker; here in-process). 1,000 patients per run, N runs, median reported.
 *
 * Run: `npx tsx test/bench/population-view.bench.ts` (or via `npm run bench`, which calls main()).
 * Env: BENCH_POPULATION (default 1000), BENCH_POPULATION_RUNS (default 3), BENCH_POPULATION_PREVIOUS
 * (default 1: each record is also evaluated for the previous period, measures only, as the app does).
 */
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { evaluatePatient, previousPeriod, type PatientEvaluation, type PatientRecord } from '../../src/engine/index.ts';
import { builtinValueSets } from '../../src/engine/valuesets/index.ts';
import { fetchGroupMembers, ATTRIBUTED_GROUP_ID } from '../../src/features/population/population-members.ts';
import { DEFAULT_POPULATION_CONCURRENCY, runPopulation } from '../../src/features/population/run-population.ts';
import { fetchPatientRecord } from '../../src/fhir/fetch-patient-record.ts';
import { clientForToken } from '../../src/smart/node-client.ts';
import { parseGrantedScopes, requestedScopes } from '../../src/smart/scopes.ts';

/** Figures of the population benchmark. */
export interface PopulationViewFigures {
  patientCount: number;
  concurrency: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  patientsPerSecond: number;
  failed: number;
}

const PATIENTS = Number(process.env.BENCH_POPULATION ?? 1000);
const RUNS = Number(process.env.BENCH_POPULATION_RUNS ?? 3);
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const AS_OF = '2026-03-02';
const PREVIOUS_PERIOD = previousPeriod(PERIOD);
/** BENCH_POPULATION_PREVIOUS=0 leaves out the previous-period evaluation (to measure what it costs). */
const PREVIOUS = process.env.BENCH_POPULATION_PREVIOUS !== '0';

/** Median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs the benchmark and returns its figures. */
export async function main(): Promise<PopulationViewFigures> {
  // The named patients (incl. `heavy`, 5,200 Observations) come first, then generated ones.
  const running = await startSandbox({
    port: 0,
    serveApp: 'none',
    seed: 42,
    patientCount: PATIENTS,
    anchorDate: AS_OF,
  });
  try {
    const scope = requestedScopes('ehr', 'v2', 'population');
    const token = running.sandbox.issueToken({ scope });
    const client = clientForToken(running.fhirBase, token);
    const granted = parseGrantedScopes(token.scope ?? scope);
    const members = await fetchGroupMembers(client, ATTRIBUTED_GROUP_ID, { onDay: AS_OF });
    const patientIds = members.patientIds.slice(0, PATIENTS);
    builtinValueSets(); // the worker builds its value-set index at start-up, before the first record
    const times: number[] = [];
    let failed = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await runPopulation({
        patientIds,
        concurrency: DEFAULT_POPULATION_CONCURRENCY,
        load: async (id, signal) => (await fetchPatientRecord(client, granted, { patientId: id, signal })).record,
        evaluate: async (record) => evaluatePatient(record, { period: PERIOD, asOf: AS_OF }),
        // as the app does: the previous period too (measures only), for month-by-month closure
        ...(PREVIOUS
          ? {
              evaluatePrevious: async (record: PatientRecord, current: PatientEvaluation) =>
                evaluatePatient(record, {
                  period: PREVIOUS_PERIOD,
                  asOf: PREVIOUS_PERIOD.end,
                  only: current.measures.map((m) => m.id),
                }),
            }
          : {}),
      });
      failed = run.entries.filter((e) => e.error).length;
      times.push(run.elapsedMs);
      console.error(
        `population-view run ${i + 1}/${RUNS}: ${patientIds.length} patients in ${(run.elapsedMs / 1000).toFixed(1)} s (${failed} failed)`,
      );
    }
    const med = median(times);
    return {
      patientCount: patientIds.length,
      concurrency: DEFAULT_POPULATION_CONCURRENCY,
      runs: RUNS,
      medianMs: Math.round(med),
      minMs: Math.round(Math.min(...times)),
      maxMs: Math.round(Math.max(...times)),
      patientsPerSecond: Math.round((patientIds.length / med) * 1000),
      failed,
    };
  } finally {
    await running.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
