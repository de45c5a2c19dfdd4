/**
 * Benchmark: the `caregap evaluate` CLI against its floor — reading and JSON.parse-ing the same
 * files — on 10,000 small patients as a Bulk Data export (the 36 official CMS2 cases replicated
 * with new ids, ≈ 4 kB of ndjson each, Organizations and Practitioners as shared resources), all
 * measures, gaps and flags, `--jobs 1`. Goal: ≤ 5× the floor. Both are whole processes (Node start
 * included) and report their CPU time too, robust to a busy machine. Then, in this process, where
 * the CLI's time goes: pass 1 (read + byte scan + store), parse, engine, output formatting — so
 * the engine-speed work can target it. Skips (saying so) when ../shared is absent.
 * Run: `npm run bench -- cli-floor` (BENCH_PATIENTS=n for another size).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { breakdown } from './cli-phases.ts';
import { loadCases, sharedAvailable } from '../conformance/conformance-cases.ts';
import { replicate } from './engine-vs-fqm.bench.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 10_000);
const RUNS = 3;
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The floor as a whole process: read every file, JSON.parse every line; prints wall and CPU ms. */
const FLOOR_SCRIPT = `
const { readdirSync, readFileSync } = require('node:fs');
const dir = process.argv[1]; let n = 0;
for (const f of readdirSync(dir)) for (const l of readFileSync(dir + '/' + f, 'utf8').split('\\n')) if (l) { JSON.parse(l); n++; }
const u = process.resourceUsage();
console.log(JSON.stringify({ lines: n, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
`;

/** Writes `count` replicated official CMS2 cases as a Bulk export (one Type.ndjson per type). */
export function writeSmallExport(dir: string, count: number): number {
  const cases = loadCases('CMS2FHIRPCSDepressionScreenAndFollowUp');
  const byType = new Map<string, string[]>();
  let resources = 0;
  for (let i = 0; i < count; i++) {
    for (const r of replicate(cases[i % cases.length]!.resources, `-r${i}`)) {
      (byType.get(r.resourceType) ?? byType.set(r.resourceType, []).get(r.resourceType)!).push(
        JSON.stringify(r) + '\n',
      );
      resources++;
    }
  }
  for (const [type, lines] of byType) {
    writeFileSync(join(dir, `${type}.ndjson`), lines.join(''));
  }
  return resources;
}

function processRun(args: string[]): { wallMs: number; cpuMs: number; stdout: string; stderr: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - t;
  if (r.status !== 0) {
    throw new Error(`exit ${r.status}: ${r.stderr.slice(-1000)}`);
  }
  return { wallMs, cpuMs: 0, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the benchmark and returns its figures. */
export async function main(): Promise<Record<string, unknown>> {
  const name = 'cli-floor';
  if (!sharedAvailable) {
    console.log('../shared/conformance is absent: cli-floor benchmark skipped');
    return { name, skipped: '../shared/conformance is absent' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'caregap-floor-'));
  try {
    const resources = writeSmallExport(dir, PATIENTS);
    const inputMB = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1e6;
    console.log(`${PATIENTS} patients, ${resources} resources, ${inputMB.toFixed(1)} MB`);
    const floor: { wallMs: number; cpuMs: number }[] = [];
    const cli: { wallMs: number; cpuMs: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const f = processRun(['-e', FLOOR_SCRIPT, dir]);
      floor.push({ wallMs: f.wallMs, cpuMs: (JSON.parse(f.stdout) as { cpuSeconds: number }).cpuSeconds * 1000 });
      const c = processRun([
        CLI,
        'evaluate',
        '--period-start',
        PERIOD.start,
        '--period-end',
        PERIOD.end,
        '--measure',
        'all',
        '--jobs',
        '1',
        '--quiet',
        '--stats',
        '--out',
        '/dev/null',
        dir,
      ]);
      const stats = JSON.parse(/caregap: stats (\{.*\})/.exec(c.stderr)![1]!) as {
        cpuSeconds: number;
        patients: number;
      };
      if (stats.patients !== PATIENTS) {
        throw new Error(`evaluated ${stats.patients} of ${PATIENTS}`);
      }
      cli.push({ wallMs: c.wallMs, cpuMs: stats.cpuSeconds * 1000 });
      console.log(
        `run ${run + 1}: floor ${f.wallMs.toFixed(0)} ms (cpu ${floor.at(-1)!.cpuMs.toFixed(0)}), caregap ${c.wallMs.toFixed(0)} ms (cpu ${cli.at(-1)!.cpuMs.toFixed(0)})`,
      );
    }
    const fw = median(floor.map((x) => x.wallMs));
    const fc = median(floor.map((x) => x.cpuMs));
    const cw = median(cli.map((x) => x.wallMs));
    const cc = median(cli.map((x) => x.cpuMs));
    const parts = await breakdown(dir);
    console.log('where the time goes (CPU ms, in-process, one cold run):', parts);
    return {
      name,
      patients: PATIENTS,
      inputMB: Number(inputMB.toFixed(1)),
      floorWallMs: Math.round(fw),
      floorCpuMs: Math.round(fc),
      cliWallMs: Math.round(cw),
      cliCpuMs: Math.round(cc),
      ratioWall: Number((cw / fw).toFixed(2)),
      ratioCpu: Number((cc / fc).toFixed(2)),
      cliPatientsPerSecond: Math.round(PATIENTS / (cw / 1000)),
      cliMBPerSecond: Number((inputMB / (cw / 1000)).toFixed(1)),
      breakdownCpuMs: parts,
      goal: '<= 5x the floor',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await main());
}
