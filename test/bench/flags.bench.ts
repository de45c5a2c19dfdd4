/**
 * Benchmark: risk flags + prioritised actions for the sandbox's `heavy` patient (5,000+
 * Observations). Prints the median of 30 runs after 5 warm-ups; the budget is well under one
 * animation frame (16 ms). Run: `npx tsx test/bench/flags.bench.ts` (or via `npm run bench`).
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generatePanel, DEFAULT_SEED } from '../../launch/sandbox/data/generate-panel.ts';
import { recordFromResources } from '../../src/engine/record.ts';
import { EvaluationContext } from '../../src/engine/evaluation-context.ts';
import { builtinValueSets } from '../../src/engine/valuesets/index.ts';
import { FLAG_FAMILIES } from '../../src/engine/flags/index.ts';
import { prioritiseActions } from '../../src/engine/actions/prioritise-actions.ts';
import { visitFacts } from '../../src/engine/actions/visit-facts.ts';

const ANCHOR = '2026-11-23';
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const RUNS = 30;
const WARMUP = 5;
/** One animation frame at 60 Hz. */
export const FRAME_MS = 16;

/** Runs the benchmark and returns its figures. */
export function main(): {
  name: string;
  observations: number;
  medianMs: number;
  p95Ms: number;
  runs: number;
  flags: string[];
} {
  const heavy = [...generatePanel({ seed: DEFAULT_SEED, count: 0, anchorDate: ANCHOR })].find((p) => p.id === 'heavy');
  if (!heavy) {
    throw new Error('the sandbox panel has no `heavy` patient');
  }
  const record = recordFromResources(heavy.resources);
  const observations = record.resources.Observation?.length ?? 0;
  const valueSets = builtinValueSets();
  const once = () => {
    const ctx = new EvaluationContext(record, PERIOD, ANCHOR, valueSets);
    const flags = FLAG_FAMILIES.flatMap((f) => f.evaluate(ctx));
    prioritiseActions(flags, [], { asOf: ANCHOR, facts: visitFacts(ctx) });
    return flags;
  };
  for (let i = 0; i < WARMUP; i++) {
    once();
  }
  const times: number[] = [];
  let flags: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    flags = once().map((f) => f.id);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const medianMs = (times[Math.floor((RUNS - 1) / 2)]! + times[Math.ceil((RUNS - 1) / 2)]!) / 2;
  const p95Ms = times[Math.min(RUNS - 1, Math.ceil(RUNS * 0.95) - 1)]!;
  const result = { name: 'flags + actions (heavy patient)', observations, medianMs, p95Ms, runs: RUNS, flags };
  console.log(
    `flags + actions, heavy patient (${observations} Observations): median ${medianMs.toFixed(2)} ms, p95 ${p95Ms.toFixed(2)} ms over ${RUNS} runs ` +
      `(budget ${FRAME_MS} ms) — flags: ${flags.join(', ') || 'none'}`,
  );
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main();
}
