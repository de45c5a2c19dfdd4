/**
 * Benchmark: the population view's two data paths on the sandbox (production build, Debian's
 * Chromium, real HTTP), same panel, same clicks — (a) one Bulk Data `Group/attributed/$export`
 * with the practitioner's user/ token, the records grouped from the ndjson files; (b) the sandbox
 * without `$export` (`bulkExport: false`), so the view reads each patient with a dozen searches,
 * 4 patients at a time. Click on "Population view" → done, BENCH_BULK_RUNS runs each (default 3),
 * medians. BENCH_BULK_POPULATION generated patients (default 200, plus the named edge cases:
 * the sandbox `npm start` serves). The sandbox's export job takes its default 1 s before the
 * manifest is ready (one status poll). Figures only; the machine is shared: read medians.
 *
 * Run: `npx tsx test/bench/population-bulk.bench.ts` (or `npm run bench -- population-bulk`).
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { launchBrowser, type TestBrowser } from '../e2e/support/browser.ts';
import { buildApp, median, runPopulationView } from './population-browser.bench.ts';

const PATIENTS = Number(process.env.BENCH_BULK_POPULATION ?? 200);
const RUNS = Number(process.env.BENCH_BULK_RUNS ?? 3);

/** Figures of one path. */
export interface PathFigures {
  name: string;
  patients: number;
  medianWallMs: number;
  minWallMs: number;
  maxWallMs: number;
  /** Progress first shown → done (for the export path the export itself happens before). */
  medianRunMs: number;
  kickoffs: number;
}

async function measure(browser: TestBrowser, dist: string, name: string, bulkExport: boolean): Promise<PathFigures> {
  const running = await startSandbox({
    port: 0,
    serveApp: 'dist',
    distDir: dist,
    seed: 42,
    patientCount: PATIENTS,
    anchorDate: '2026-03-02',
    bulkExport,
  });
  try {
    const total = running.sandbox.patients().length;
    const walls: number[] = [];
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      try {
        const t = await runPopulationView(page, running, total);
        walls.push(t.wallMs);
        runs.push(t.runMs);
        console.error(
          `population-bulk ${name} run ${i + 1}/${RUNS}: ${total} patients in ${(t.wallMs / 1000).toFixed(1)} s`,
        );
      } finally {
        await page.close();
      }
    }
    return {
      name,
      patients: total,
      medianWallMs: Math.round(median(walls)),
      minWallMs: Math.round(Math.min(...walls)),
      maxWallMs: Math.round(Math.max(...walls)),
      medianRunMs: Math.round(median(runs)),
      kickoffs: running.sandbox.bulkActivity().kickoffs,
    };
  } finally {
    await running.close();
  }
}

/** Both paths, export first. */
export async function main(): Promise<PathFigures[]> {
  const dist = await buildApp();
  const browser = await launchBrowser();
  try {
    return [await measure(browser, dist, 'group-export', true), await measure(browser, dist, 'per-patient', false)];
  } finally {
    await browser.close();
    rmSync(dist, { recursive: true, force: true });
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
