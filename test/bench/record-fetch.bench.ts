/**
 * Benchmark: time from a ready SMART client to a complete record, over real HTTP against the
 * sandbox EHR, for a typical patient and for `heavy` (5,000+ Observations); N runs each, medians.
 * Also checks the first wave: the Patient read and every type search are issued before any of
 * them settles (no request waits for another, except `next` pages). HTTP requests are counted at
 * the sandbox (pages and retries included).
 *
 * Run: `npx tsx test/bench/record-fetch.bench.ts` (or via `npm run bench`, which calls main()).
 */
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { fetchPatientRecord } from '../../src/fhir/fetch-patient-record.ts';
import { FETCHED_TYPES, OBSERVATION_CATEGORIES } from '../../src/fhir/fetched-types.ts';
import { ServerQuirks } from '../../src/fhir/server-quirks.ts';
import { clientForToken } from '../../src/smart/node-client.ts';
import { parseGrantedScopes, requestedScopes } from '../../src/smart/scopes.ts';

/** One patient's figures. */
export interface RecordFetchFigures {
  patient: string;
  profile: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  httpRequests: number;
  resources: number;
  firstWaveParallel: boolean;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Logs when each request reaches the sandbox and when its response is ready, by wrapping the
 * sandbox's handler (fhirclient in Node uses its own fetch, so the server side is where to look).
 */
function instrumentSandbox(sandbox: { handle(request: Request): Promise<Response> }) {
  const original = sandbox.handle.bind(sandbox);
  const log: Array<{ url: string; start: number; end?: number }> = [];
  sandbox.handle = async (request: Request) => {
    const entry: { url: string; start: number; end?: number } = { url: request.url, start: performance.now() };
    log.push(entry);
    const res = await original(request);
    entry.end = performance.now();
    return res;
  };
  return { log, restore: () => void (sandbox.handle = original) };
}

/** Logs when the app's code issues each FHIR call and when it settles (wraps Client.request). */
function instrumentClient(client: { request: (...args: never[]) => Promise<unknown> }) {
  const original = client.request.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const log: Array<{ start: number; end?: number }> = [];
  (client as { request: unknown }).request = async (...args: unknown[]) => {
    const entry: { start: number; end?: number } = { start: performance.now() };
    log.push(entry);
    try {
      return await original(...args);
    } finally {
      entry.end = performance.now();
    }
  };
  return log;
}

/** Runs the benchmark and prints a table; returns the figures. */
export async function main(): Promise<RecordFetchFigures[]> {
  const running = await startSandbox({ port: 0, serveApp: 'none', seed: 42, anchorDate: '2026-03-02' });
  const { sandbox } = running;
  const named = new Set(['empty', 'heavy', 'malformed']);
  const typical = sandbox
    .patients()
    .filter((p) => !named.has(p.id) && !p.label)
    .map((p) => ({ id: p.id, n: Object.values(sandbox.countsFor(p.id)).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => a.n - b.n);
  const typicalId = typical[Math.floor(typical.length / 2)]?.id;
  if (!typicalId) {
    throw new Error('no typical patient in the sandbox');
  }
  const figures: RecordFetchFigures[] = [];
  const cases: Array<[string, 'generic' | 'epic-like']> = [
    [typicalId, 'generic'],
    ['heavy', 'generic'],
    ['heavy', 'epic-like'],
  ];
  try {
    for (const [patient, profile] of cases) {
      const times: number[] = [];
      let requests = 0;
      let resources = 0;
      let parallel = true;
      const quirks = new ServerQuirks(); // learned on the first epic-like run, as in a real tab
      for (let run = 0; run < RUNS; run++) {
        const token = sandbox.issueToken({ patient, scope: requestedScopes('ehr', 'v2'), profile });
        const client = clientForToken(sandbox.fhirBaseFor(profile), { ...token, patient });
        const probe = instrumentSandbox(sandbox);
        const calls = instrumentClient(client);
        const t0 = performance.now();
        const { record } = await fetchPatientRecord(client, parseGrantedScopes(token.scope), { quirks });
        times.push(performance.now() - t0);
        probe.restore();
        requests = probe.log.length;
        resources = FETCHED_TYPES.reduce((n, t) => n + (record.resources[t]?.length ?? 0), 1);
        // First wave: the Patient read + one search per type (+ one per category once the server
        // is known to need categories); all must be issued before any of them settles.
        const firstSettled = Math.min(...calls.map((r) => r.end ?? Infinity));
        const waveSize =
          profile === 'epic-like' ? FETCHED_TYPES.length + OBSERVATION_CATEGORIES.length : FETCHED_TYPES.length + 1;
        if (run > 0 || profile === 'generic') {
          parallel &&= calls.slice(0, waveSize).every((r) => r.start <= firstSettled);
        }
      }
      figures.push({
        patient,
        profile,
        runs: RUNS,
        medianMs: Math.round(median(times)),
        minMs: Math.round(Math.min(...times)),
        maxMs: Math.round(Math.max(...times)),
        httpRequests: requests,
        resources,
        firstWaveParallel: parallel,
      });
    }
  } finally {
    await running.close();
  }
  console.log('\nrecord fetch (ready client → complete record, real HTTP to the local sandbox)');
  console.table(figures);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
