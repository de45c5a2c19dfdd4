/**
 * Benchmark: the population view in real Chromium (Debian's, via playwright-core), production
 * build of the app served next to the sandbox EHR, everything over real HTTP — the path a quality
 * analyst runs: sandbox EHR → "Population view" (practitioner launch) → Group/attributed read →
 * every record fetched 4 patients at a time → evaluated in the Web Worker → table, summary, chart.
 *
 * 1. Evaluation time: a sandbox with BENCH_BROWSER_POPULATION (default 1,000) generated patients
 *    (plus the named edge cases, incl. the 5,216-resource `heavy` patient); time from the click on
 *    "Population view" to the view saying done, BENCH_BROWSER_RUNS runs (default 3, fresh tab
 *    each), median reported, with patients/s.
 * 2. 10,000 rows: one real run over a sandbox with BENCH_BROWSER_ROWS (default 10,000) patients —
 *    the results arrive one by one as in use — then, on the finished page:
 *    - render: flush → commit time of each batch handed to React while results arrive (User Timing
 *      measures the app itself records), the last one with every row, and long tasks during the run;
 *    - scroll: the table's scroller driven on requestAnimationFrame for a few seconds (a wheel-like
 *      100 px per frame, then a scrollbar-drag-like sweep over all rows); frame times from rAF
 *      deltas and long tasks from PerformanceObserver('longtask'); all rows must be reachable;
 *    - input latency (input → next frame) of sort (by name, a measure, a gap, flags), of each
 *      filter (open gaps only, a flag, a measure) and of typing in the search box, per keystroke.
 *    BENCH_BROWSER_ROWS=0 skips this part.
 * Figures only, no timed assertions. The machine is shared: read medians, not single runs.
 *
 * Run: `npx tsx test/bench/population-browser.bench.ts` (or via `npm run bench`, which calls main()).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { REPO_ROOT, startSandbox, type RunningSandbox } from '../../launch/sandbox/server.ts';
import { launchBrowser, type TestBrowser } from '../e2e/support/browser.ts';

const PATIENTS = Number(process.env.BENCH_BROWSER_POPULATION ?? 1000);
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 3);
const ROWS = Number(process.env.BENCH_BROWSER_ROWS ?? 10_000);
const ANCHOR = '2026-03-02';

/** Median of a list (NaN when empty). */
export function median(xs: readonly number[]): number {
  if (!xs.length) {
    return Number.NaN;
  }
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) {
    return Number.NaN;
  }
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Production build of the app into a temporary folder (the figures are for what users get). */
export async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'caregap-bench-dist-'));
  const { build } = await import('vite');
  await build({
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** Installed in every frame before its scripts: collects long tasks. */
const PERF_INIT = `(() => {
  // tsx keeps function names with an __name helper that page-evaluated functions then call.
  window.__name = window.__name || ((f) => f);
  window.__caregapBench = { longtasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__caregapBench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** The app's frame inside the sandbox EHR's population page. */
async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#app-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) {
    throw new Error('no app frame');
  }
  return frame;
}

/** Opens the population view and waits until it is done; returns wall times (also used by population-bulk.bench.ts). */
export async function runPopulationView(
  page: Page,
  running: RunningSandbox,
  total: number,
): Promise<{ wallMs: number; runMs: number }> {
  await page.goto(`${running.origin}/ehr/`);
  const app = page.frameLocator('#app-frame');
  const t0 = performance.now();
  await page.locator('[data-testid="open-population"]').click();
  await app.locator('[data-testid="population-progress-text"]').waitFor({ timeout: 120_000 });
  const t1 = performance.now();
  await app.locator('[data-testid="population-view"][data-phase="done"]').waitFor({ timeout: 3_600_000 });
  const t2 = performance.now();
  const text = (await app.locator('[data-testid="population-progress-text"]').textContent()) ?? '';
  if (!text.includes(`${total} of ${total} patients`)) {
    throw new Error(`population view did not finish all patients: ${text}`);
  }
  return { wallMs: t2 - t0, runMs: t2 - t1 };
}

/** Figures of part 1. */
export interface BrowserEvaluationFigures {
  patientCount: number;
  runs: number;
  /** Click on "Population view" → done (launch, app load, Group read, fetch + evaluate everything). */
  medianWallMs: number;
  minWallMs: number;
  maxWallMs: number;
  patientsPerSecond: number;
  /** Progress first shown → done (fetch + evaluate only). */
  medianRunMs: number;
}

async function evaluationFigures(browser: TestBrowser, dist: string): Promise<BrowserEvaluationFigures> {
  const running = await startSandbox({
    port: 0,
    serveApp: 'dist',
    distDir: dist,
    seed: 42,
    patientCount: PATIENTS,
    anchorDate: ANCHOR,
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
          `population-browser run ${i + 1}/${RUNS}: ${total} patients in ${(t.wallMs / 1000).toFixed(1)} s (run ${(t.runMs / 1000).toFixed(1)} s)`,
        );
      } finally {
        await page.close();
      }
    }
    const med = median(walls);
    return {
      patientCount: total,
      runs: RUNS,
      medianWallMs: Math.round(med),
      minWallMs: Math.round(Math.min(...walls)),
      maxWallMs: Math.round(Math.max(...walls)),
      patientsPerSecond: Math.round((total / med) * 1000),
      medianRunMs: Math.round(median(runs)),
    };
  } finally {
    await running.close();
  }
}

/** Frame-time figures of one scroll phase. */
export interface ScrollFigures {
  frames: number;
  frameMedianMs: number;
  frameP95Ms: number;
  frameMaxMs: number;
  /** Frames longer than 50 ms (visible jank). */
  framesOver50Ms: number;
  longTasks: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
}

/** Figures of part 2. */
export interface TableFigures {
  rows: number;
  /** Click → done for the real run that produced the rows. */
  runWallMs: number;
  patientsPerSecond: number;
  batches: number;
  /** Flush → commit of the batch that completed the table (every row). */
  lastBatchRenderMs: number;
  batchRenderMedianMs: number;
  batchRenderP95Ms: number;
  batchRenderMaxMs: number;
  longTasksDuringRun: number;
  longTaskMsDuringRun: number;
  longTaskMaxMsDuringRun: number;
  jsHeapMb?: number;
  scrollWheel: ScrollFigures;
  scrollSweep: ScrollFigures;
  lastRowReachable: boolean;
  /** Input → next frame, median of the repetitions (ms). */
  latencyMs: Record<string, number>;
  /** Rows shown after each filter (sanity: the filters did something). */
  filteredRows: Record<string, number>;
}

/** In-page: drives the scroller for `ms` on rAF and collects frame deltas and long tasks. */
async function scrollPhase(frame: Frame, mode: 'wheel' | 'sweep', ms: number): Promise<ScrollFigures> {
  const raw = await frame.evaluate(
    async ({ mode, ms }) => {
      const el = document.querySelector<HTMLElement>('[data-testid="population-table"]')!;
      const bench = (window as unknown as { __caregapBench: { longtasks: Array<{ start: number; duration: number }> } })
        .__caregapBench;
      el.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const max = el.scrollHeight - el.clientHeight;
      const deltas: number[] = [];
      const start = performance.now();
      let last = start;
      let pos = 0;
      await new Promise<void>((resolve) => {
        const step = (t: number) => {
          deltas.push(t - last);
          last = t;
          const elapsed = t - start;
          if (elapsed >= ms) {
            return resolve();
          }
          if (mode === 'wheel') {
            pos = Math.min(max, pos + 100);
          } else {
            pos = Math.min(max, Math.round((elapsed / ms) * max * 1.05));
          }
          el.scrollTop = pos;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      const end = performance.now();
      const lts = bench.longtasks.filter((l) => l.start >= start && l.start < end).map((l) => l.duration);
      return { deltas: deltas.slice(1), lts };
    },
    { mode, ms },
  );
  return {
    frames: raw.deltas.length,
    frameMedianMs: round1(median(raw.deltas)),
    frameP95Ms: round1(percentile(raw.deltas, 95)),
    frameMaxMs: round1(Math.max(...raw.deltas)),
    framesOver50Ms: raw.deltas.filter((d) => d > 50).length,
    longTasks: raw.lts.length,
    longTaskTotalMs: Math.round(raw.lts.reduce((a, b) => a + b, 0)),
    longTaskMaxMs: Math.round(raw.lts.length ? Math.max(...raw.lts) : 0),
  };
}

/** In-page: latency (input → next frame) of a sequence of UI actions, by name. */
async function inputLatencies(
  frame: Frame,
): Promise<{ latencyMs: Record<string, number[]>; filteredRows: Record<string, number> }> {
  return frame.evaluate(async () => {
    const q = <T extends Element>(sel: string) => {
      const el = document.querySelector<T>(sel);
      if (!el) {
        throw new Error(`missing ${sel}`);
      }
      return el;
    };
    const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const latencyMs: Record<string, number[]> = {};
    const filteredRows: Record<string, number> = {};
    const shown = () =>
      Number(/^(\d+)/.exec(q('[data-testid="population-row-count"]').textContent ?? '')?.[1] ?? Number.NaN);
    async function time(name: string, act: () => void): Promise<void> {
      await nextFrame();
      const t0 = performance.now();
      act();
      await nextFrame();
      (latencyMs[name] ??= []).push(performance.now() - t0);
    }
    const setSelect = (sel: HTMLSelectElement, value: string) => {
      sel.value = value;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const setInput = (input: HTMLInputElement, value: string) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // every measure and gap column shown (the table's widest, as before the column chooser existed)
    document.querySelector<HTMLButtonElement>('[data-testid="columns-all"]')?.click();
    await nextFrame();
    const sortButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-testid^="sort-"]')];
    const byKey = (prefix: string) => sortButtons.find((b) => b.dataset.testid?.startsWith(`sort-${prefix}`));
    const REPS = 4;
    for (const [name, button] of [
      ['sort by name', byKey('name')],
      ['sort by a measure', byKey('measure:')],
      ['sort by a gap', byKey('gap:')],
      ['sort by flags', byKey('flags')],
    ] as const) {
      if (!button) {
        continue;
      }
      for (let i = 0; i < REPS; i++) {
        await time(name, () => button.click());
      }
    }
    byKey('name')?.click();
    await nextFrame();
    const openGaps = q<HTMLInputElement>('[data-testid="filter-open-gaps"]');
    for (let i = 0; i < REPS; i++) {
      await time('filter open gaps on', () => openGaps.click());
      filteredRows['open gaps only'] = shown();
      await time('filter open gaps off', () => openGaps.click());
    }
    const flag = q<HTMLSelectElement>('[data-testid="filter-flag"]');
    const flagValue = [...flag.options].map((o) => o.value).find((v) => v) ?? '';
    for (let i = 0; i < REPS; i++) {
      await time('filter a flag', () => setSelect(flag, flagValue));
      filteredRows[`flag ${flagValue}`] = shown();
      await time('filter flag cleared', () => setSelect(flag, ''));
    }
    const measure = q<HTMLSelectElement>('[data-testid="filter-measure"]');
    const measureValue = [...measure.options].map((o) => o.value).find((v) => v) ?? '';
    for (let i = 0; i < REPS; i++) {
      await time('filter a measure', () => setSelect(measure, measureValue));
      filteredRows[`measure ${measureValue}`] = shown();
      await time('filter measure cleared', () => setSelect(measure, ''));
    }
    // Typing: a common name fragment, one keystroke at a time, then deleting it again.
    const search = q<HTMLInputElement>('[data-testid="filter-text"]');
    const word = 'maria';
    for (let i = 1; i <= word.length; i++) {
      await time('typing a keystroke', () => setInput(search, word.slice(0, i)));
    }
    filteredRows[`search "${word}"`] = shown();
    for (let i = word.length - 1; i >= 0; i--) {
      await time('deleting a keystroke', () => setInput(search, word.slice(0, i)));
    }
    return { latencyMs, filteredRows };
  });
}

async function tableFigures(browser: TestBrowser, dist: string): Promise<TableFigures> {
  const running = await startSandbox({
    port: 0,
    serveApp: 'dist',
    distDir: dist,
    seed: 7,
    patientCount: ROWS - 10,
    anchorDate: ANCHOR,
  });
  const page = await browser.context.newPage();
  try {
    const total = running.sandbox.patients().length;
    console.error(`population-browser: ${total} patients for the 10,000-row table (a real run; takes minutes)…`);
    const t = await runPopulationView(page, running, total);
    console.error(`population-browser: ${total} patients in ${(t.wallMs / 1000).toFixed(1)} s`);
    const frame = await appFrame(page);
    const run = await frame.evaluate(() => {
      const renders = performance.getEntriesByName('caregap:population-render', 'measure') as PerformanceMeasure[];
      const bench = (window as unknown as { __caregapBench: { longtasks: Array<{ start: number; duration: number }> } })
        .__caregapBench;
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        renders: renders.map((m) => ({
          duration: m.duration,
          rows: (m.detail as { rows?: number } | null)?.rows ?? 0,
        })),
        longtasks: bench.longtasks.map((l) => l.duration),
        heap: memory?.usedJSHeapSize,
      };
    });
    const durations = run.renders.map((r) => r.duration);
    const last = run.renders.at(-1);
    const scrollWheel = await scrollPhase(frame, 'wheel', 2_500);
    const scrollSweep = await scrollPhase(frame, 'sweep', 3_000);
    const lastRowReachable = await frame.evaluate(async (count) => {
      const el = document.querySelector<HTMLElement>('[data-testid="population-table"]')!;
      el.scrollTop = el.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const idx = [...el.querySelectorAll('[role="row"][aria-rowindex]')].map((r) =>
        Number(r.getAttribute('aria-rowindex')),
      );
      return Math.max(...idx) === count + 1;
    }, total);
    const inputs = await inputLatencies(frame);
    const latencyMs = Object.fromEntries(Object.entries(inputs.latencyMs).map(([k, v]) => [k, round1(median(v))]));
    return {
      rows: total,
      runWallMs: Math.round(t.wallMs),
      patientsPerSecond: Math.round((total / t.wallMs) * 1000),
      batches: run.renders.length,
      lastBatchRenderMs: round1(last?.duration ?? Number.NaN),
      batchRenderMedianMs: round1(median(durations)),
      batchRenderP95Ms: round1(percentile(durations, 95)),
      batchRenderMaxMs: round1(durations.length ? Math.max(...durations) : Number.NaN),
      longTasksDuringRun: run.longtasks.length,
      longTaskMsDuringRun: Math.round(run.longtasks.reduce((a, b) => a + b, 0)),
      longTaskMaxMsDuringRun: Math.round(run.longtasks.length ? Math.max(...run.longtasks) : 0),
      ...(run.heap ? { jsHeapMb: Math.round(run.heap / 1e6) } : {}),
      scrollWheel,
      scrollSweep,
      lastRowReachable,
      latencyMs,
      filteredRows: inputs.filteredRows,
    };
  } finally {
    await page.close();
    await running.close();
  }
}

/** Runs the benchmark and returns its figures. */
export async function main(): Promise<{ evaluation?: BrowserEvaluationFigures; table?: TableFigures }> {
  const dist = await buildApp();
  const browser = await launchBrowser();
  await browser.context.addInitScript({ content: PERF_INIT });
  try {
    const evaluation = PATIENTS > 0 && RUNS > 0 ? await evaluationFigures(browser, dist) : undefined;
    const table = ROWS > 0 ? await tableFigures(browser, dist) : undefined;
    return { ...(evaluation ? { evaluation } : {}), ...(table ? { table } : {}) };
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
