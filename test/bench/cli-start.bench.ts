/**
 * Benchmark: the `caregap` CLI's cold start on one patient (all measures, gaps and flags), against
 * a bare `node -e 0`, each as a fresh process. Goal: the one-patient run within 4× a bare Node
 * start. Uses hyperfine when installed (apt-get install hyperfine), else the median of 20 runs of
 * each, interleaved. Run: `npm run bench -- cli-start`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePanel } from '../../launch/sandbox/data/generate-panel.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const RUNS = 20;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Wall milliseconds of one process run. */
function timeRun(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) {
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return performance.now() - t;
}

/** Median milliseconds of each command, by hyperfine when it is installed. */
function measure(commands: Record<string, string[]>): { tool: string; ms: Record<string, number> } {
  const hyperfine = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  if (hyperfine.status === 0) {
    const dir = mkdtempSync(join(tmpdir(), 'caregap-hyperfine-'));
    try {
      const out = join(dir, 'out.json');
      const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
      const r = spawnSync(
        'hyperfine',
        [
          '--warmup',
          '3',
          '--runs',
          String(RUNS),
          '--export-json',
          out,
          '-N',
          ...Object.values(commands).map((args) => [process.execPath, ...args].map(quote).join(' ')),
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      if (r.status === 0) {
        const results = (JSON.parse(readFileSync(out, 'utf8')) as { results: { median: number }[] }).results;
        return {
          tool: `hyperfine ${hyperfine.stdout.trim().split(' ').pop()}`,
          ms: Object.fromEntries(Object.keys(commands).map((k, i) => [k, results[i]!.median * 1000])),
        };
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const args of Object.values(commands)) {
    timeRun(args);
  } // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    for (const [k, args] of Object.entries(commands)) {
      times[k]!.push(timeRun(args));
    }
  }
  return {
    tool: `median of ${RUNS} interleaved runs`,
    ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])),
  };
}

/** Runs the benchmark and returns its figures. */
export function main(): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'caregap-start-'));
  try {
    const patient = generatePanel({ seed: 7, count: 1, anchorDate: '2026-11-23', named: false }).next().value!;
    const file = join(dir, 'patient.json');
    writeFileSync(
      file,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: patient.resources.map((resource: fhir4.Resource) => ({ resource })),
      }),
    );
    const { tool, ms } = measure({
      node: ['-e', '0'],
      caregap: [
        CLI,
        'evaluate',
        '--period-start',
        '2026-01-01',
        '--period-end',
        '2026-12-31',
        '--measure',
        'all',
        '--quiet',
        file,
      ],
    });
    const ratio = ms.caregap! / ms.node!;
    console.log(
      `one-patient cold run ${ms.caregap!.toFixed(0)} ms, node -e 0 ${ms.node!.toFixed(0)} ms: ${ratio.toFixed(2)}× (${tool})`,
    );
    return {
      name: 'cli-start',
      tool,
      resources: patient.resources.length,
      nodeMs: Number(ms.node!.toFixed(1)),
      caregapMs: Number(ms.caregap!.toFixed(1)),
      ratio: Number(ratio.toFixed(2)),
      goal: '<= 4x node -e 0',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(main());
}
