/**
 * Benchmark: 1,000 patients as one FHIR Bundle file each (the 36 official CMS2 cases replicated
 * with new ids), CMS2 only: the whole `caregap evaluate` process (start, read, evaluate, write)
 * against fqm-execution — the reference engine — reading and calculating the same files in this
 * process, in the same run. Goal: the CLI ≥ 100× faster. Also checks that both give every patient
 * the same five populations. Skips (saying so) when ../shared is absent.
 * Run: `npm run bench -- cli-bundles` (BENCH_PATIENTS=n for another size).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Calculator } from 'fqm-execution';
import { loadCases, measureDir, sharedAvailable } from '../conformance/conformance-cases.ts';
import { replicate } from './engine-vs-fqm.bench.ts';
import { quietly } from '../conformance/fqm-runner.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const MEASURE = 'CMS2FHIRPCSDepressionScreenAndFollowUp';
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const CLI_RUNS = 5;
const CODES = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'denominator-exception',
  'numerator',
] as const;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Runs the benchmark and returns its figures. */
export async function main(): Promise<Record<string, unknown>> {
  const name = 'cli-bundles';
  const bundleDir = join(measureDir(MEASURE), 'bundle');
  if (!sharedAvailable || !existsSync(bundleDir)) {
    console.log('../shared/conformance is absent: cli-bundles benchmark skipped');
    return { name, skipped: '../shared/conformance is absent' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'caregap-bundles-'));
  try {
    const cases = loadCases(MEASURE);
    const period = cases[0]!.period;
    for (let i = 0; i < PATIENTS; i++) {
      const resources = replicate(cases[i % cases.length]!.resources, `-r${i}`);
      writeFileSync(
        join(dir, `patient-${String(i).padStart(5, '0')}.json`),
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'collection',
          entry: resources.map((resource) => ({ resource })),
        }),
      );
    }
    const files = readdirSync(dir).sort();
    const inputMB = files.reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1e6;

    // --- the CLI, whole process
    const args = [
      CLI,
      'evaluate',
      '--period-start',
      period.start,
      '--period-end',
      period.end,
      '--measure',
      'cms2',
      '--format',
      'measurereport',
      '--quiet',
      dir,
    ];
    const cliMs: number[] = [];
    let reports = '';
    for (let run = 0; run < CLI_RUNS; run++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      cliMs.push(performance.now() - t);
      if (r.status !== 0) {
        throw new Error(`caregap exited ${r.status}: ${r.stderr.slice(-1000)}`);
      }
      reports = r.stdout;
    }
    const ours = new Map<string, Record<string, number>>();
    for (const line of reports.split('\n').filter(Boolean)) {
      const mr = JSON.parse(line) as fhir4.MeasureReport;
      ours.set(
        mr.subject!.reference!.replace('Patient/', ''),
        Object.fromEntries(mr.group![0]!.population!.map((p) => [p.code!.coding![0]!.code!, p.count!])),
      );
    }

    // --- fqm-execution on the same files: read, parse, calculate
    const measureBundle = JSON.parse(
      readFileSync(
        join(
          bundleDir,
          readdirSync(bundleDir).find((f) => f.endsWith('.json'))!,
        ),
        'utf8',
      ),
    ) as fhir4.Bundle;
    const options = {
      measurementPeriodStart: period.start,
      measurementPeriodEnd: period.end,
      trustMetaProfile: false,
      calculateHTML: false,
      calculateClauseCoverage: false,
      calculateSDEs: false,
    };
    const t0 = performance.now();
    const bundles = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as fhir4.Bundle);
    const out = (await quietly(() =>
      Calculator.calculate(measureBundle as never, bundles as never, options as never),
    )) as {
      results: {
        patientId: string;
        detailedResults?: { populationResults?: { populationType: string; result: boolean }[] }[];
      }[];
    };
    const fqmMs = performance.now() - t0;
    let mismatches = 0;
    for (const r of out.results) {
      const mine = ours.get(r.patientId);
      const theirs = Object.fromEntries(
        (r.detailedResults?.[0]?.populationResults ?? []).map((p) => [p.populationType, p.result ? 1 : 0]),
      );
      if (!mine || CODES.some((c) => (mine[c] ?? 0) !== (theirs[c] ?? 0))) {
        mismatches++;
      }
    }
    const cli = median(cliMs);
    console.log(
      `${PATIENTS} Bundle files (${inputMB.toFixed(1)} MB): caregap ${cli.toFixed(0)} ms (median of ${CLI_RUNS} whole-process runs), fqm-execution ${fqmMs.toFixed(0)} ms: ${(fqmMs / cli).toFixed(0)}×; ${mismatches} population mismatches`,
    );
    return {
      name,
      patients: PATIENTS,
      inputMB: Number(inputMB.toFixed(1)),
      cliWholeProcessMs: Math.round(cli),
      cliPerPatientMs: Number((cli / PATIENTS).toFixed(3)),
      cliPatientsPerSecond: Math.round(PATIENTS / (cli / 1000)),
      cliMBPerSecond: Number((inputMB / (cli / 1000)).toFixed(1)),
      fqmMs: Math.round(fqmMs),
      speedRatio: Number((fqmMs / cli).toFixed(1)),
      mismatches,
      goal: 'CLI whole process >= 100x faster than fqm-execution',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await main());
}
