/**
 * Benchmark: our CMS2 engine against fqm-execution (the open-source reference engine) in the same
 * process, on the 36 official CMS2 test cases replicated to 1,000 patients (new ids, references
 * rewritten). Reports our median time per patient, fqm-execution's batch time per patient and
 * single-patient time, peak memory, the speed ratio, and checks that every patient's five
 * populations are identical (mismatches are printed). Also shows that a MedicationRequest whose
 * dose unit is not UCUM ("tablet") makes fqm-execution throw while our engine evaluates it.
 * Skips (saying so) when ../shared is absent.
 * Run: `npx tsx test/bench/engine-vs-fqm.bench.ts` (or `npm run bench`, which calls main()).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Calculator } from 'fqm-execution';
import { evaluatePatient } from '../../src/engine/evaluate-patient.ts';
import { recordFromResources, type PatientRecord } from '../../src/engine/record.ts';
import type { PopulationCode, PopulationCounts } from '../../src/engine/types.ts';
import { loadCases, measureDir, sharedAvailable } from '../conformance/conformance-cases.ts';
import { quietly } from '../conformance/fqm-runner.ts';

const MEASURE = 'CMS2FHIRPCSDepressionScreenAndFollowUp';
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const OUR_RUNS = 5;
const FQM_SINGLE_RUNS = 5;
const FQM_BATCH = Number(process.env.BENCH_FQM_BATCH ?? 1000);
const FRAME_MS = 16.7;
const CODES: readonly PopulationCode[] = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'denominator-exception',
  'numerator',
];

/** Figures of one run. */
export interface EngineVsFqmFigures {
  name: string;
  skipped?: string;
  patients?: number;
  oursMedianPerPatientMs?: number;
  oursMeanPerPatientMs?: number;
  oursP95PerPatientMs?: number;
  oursColdFirstPatientMs?: number;
  fqmBatchPerPatientMs?: number;
  fqmSinglePatientMedianMs?: number;
  speedRatioBatch?: number;
  speedRatioSingle?: number;
  oursPeakRssMb?: number;
  fqmPeakRssMb?: number;
  mismatches?: number;
  nonUcumDose?: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** Deep-copies a case's resources with every id suffixed and every `Type/id` reference rewritten. */
export function replicate(resources: readonly fhir4.Resource[], suffix: string): fhir4.Resource[] {
  const ids = new Map<string, string>();
  for (const r of resources) {
    if (r.id) {
      ids.set(`${r.resourceType}/${r.id}`, `${r.resourceType}/${r.id}${suffix}`);
    }
  }
  const rewrite = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      return key === 'reference' ? (ids.get(v) ?? v) : v;
    }
    if (Array.isArray(v)) {
      return v.map((x) => rewrite(x));
    }
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = rewrite(x, k);
      }
      return out;
    }
    return v;
  };
  return resources.map((r) => ({ ...(rewrite(r) as fhir4.Resource), ...(r.id ? { id: `${r.id}${suffix}` } : {}) }));
}

const fqmOptions = (period: { start: string; end: string }) => ({
  measurementPeriodStart: period.start,
  measurementPeriodEnd: period.end,
  trustMetaProfile: false,
  // the engine computes no HTML highlighting or clause coverage either
  calculateHTML: false,
  calculateClauseCoverage: false,
  calculateSDEs: false,
});

type FqmResult = {
  patientId: string;
  detailedResults?: { populationResults?: { populationType: string; result: boolean }[] }[];
};

function fqmCounts(r: FqmResult): Partial<PopulationCounts> {
  const out: Partial<PopulationCounts> = {};
  for (const p of r.detailedResults?.[0]?.populationResults ?? []) {
    out[p.populationType as PopulationCode] = p.result ? 1 : 0;
  }
  return out;
}

/** Runs the comparison and prints a table; returns the figures. */
export async function main(): Promise<EngineVsFqmFigures> {
  const name = 'engine vs fqm-execution (CMS2)';
  const bundleDir = join(measureDir(MEASURE), 'bundle');
  if (!sharedAvailable || !existsSync(bundleDir)) {
    const skipped = '../shared/conformance is absent: engine-vs-fqm benchmark skipped';
    console.log(skipped);
    return { name, skipped };
  }
  const bundleFile = readdirSync(bundleDir).find((f) => f.endsWith('.json'))!;
  const measureBundle = JSON.parse(readFileSync(join(bundleDir, bundleFile), 'utf8')) as fhir4.Bundle;
  const cases = loadCases(MEASURE);
  const period = cases[0]!.period;

  const patients: fhir4.Resource[][] = [];
  for (let i = 0; i < PATIENTS; i++) {
    patients.push(replicate(cases[i % cases.length]!.resources, `-r${i}`));
  }
  const records: PatientRecord[] = patients.map((p) => recordFromResources(p));
  const idOf = (p: fhir4.Resource[]) => p.find((r) => r.resourceType === 'Patient')!.id!;

  // --- ours: several runs over every patient, each patient timed
  // the first run is cold (JIT, value-set indexes): its first patient is reported apart, the
  // per-patient figures come from the warm runs
  const perPatient: number[] = [];
  const ours = new Map<string, PopulationCounts>();
  let coldFirstMs = 0;
  for (let run = 0; run <= OUR_RUNS; run++) {
    for (const rec of records) {
      const t = performance.now();
      const ev = evaluatePatient(rec, { period, only: ['cms2'] });
      const ms = performance.now() - t;
      if (run === 0 && !ours.size) {
        coldFirstMs = ms;
      }
      if (run > 0) {
        perPatient.push(ms);
      }
      if (run === 0) {
        ours.set(rec.patient.id!, ev.measures.find((m) => m.id === 'cms2')!.populations);
      }
    }
  }
  const oursPeak = peakRssMb();
  const oursMedian = median(perPatient);
  const oursMean = perPatient.reduce((a, b) => a + b, 0) / perPatient.length;

  // --- fqm-execution: batch (chunks of FQM_BATCH patients), then single-patient calls
  const bundles = patients.map((p) => ({
    resourceType: 'Bundle',
    type: 'collection',
    entry: p.map((resource) => ({ resource })),
  }));
  const fqm = new Map<string, Partial<PopulationCounts>>();
  await quietly(() => Calculator.calculate(measureBundle as never, [bundles[0]] as never, fqmOptions(period) as never)); // warm-up (ELM/value-set load)
  let batchMs = 0;
  for (let i = 0; i < bundles.length; i += FQM_BATCH) {
    const t = performance.now();
    const out = (await quietly(() =>
      Calculator.calculate(
        measureBundle as never,
        bundles.slice(i, i + FQM_BATCH) as never,
        fqmOptions(period) as never,
      ),
    )) as { results: FqmResult[] };
    batchMs += performance.now() - t;
    for (const r of out.results) {
      fqm.set(r.patientId, fqmCounts(r));
    }
  }
  const singles: number[] = [];
  for (let i = 0; i < FQM_SINGLE_RUNS; i++) {
    const t = performance.now();
    await quietly(() =>
      Calculator.calculate(measureBundle as never, [bundles[i % bundles.length]] as never, fqmOptions(period) as never),
    );
    singles.push(performance.now() - t);
  }
  const fqmPeak = peakRssMb();

  // --- identical populations for every patient
  const mismatches: string[] = [];
  for (const p of patients) {
    const id = idOf(p);
    const a = ours.get(id)!;
    const b = fqm.get(id);
    const diff = CODES.filter((c) => a[c] !== (b?.[c] ?? 0));
    if (!b || diff.length) {
      mismatches.push(
        `Patient/${id}: ${diff.map((c) => `${c} ours=${a[c]} fqm=${b?.[c]}`).join(', ') || 'no fqm result'}`,
      );
    }
  }

  // --- a dose unit that is not UCUM: fqm-execution throws, ours evaluates
  const withMed = cases.find((c) => c.resources.some((r) => r.resourceType === 'MedicationRequest')) ?? cases[0]!;
  const tablet = replicate(withMed.resources, '-tablet').map((r) =>
    r.resourceType === 'MedicationRequest'
      ? ({
          ...r,
          dosageInstruction: [
            {
              timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
              doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }],
            },
          ],
        } as fhir4.MedicationRequest)
      : r,
  );
  const oursTablet = evaluatePatient(recordFromResources(tablet), { period, only: ['cms2'] }).measures[0]!.status;
  let fqmTablet = 'evaluated';
  try {
    await quietly(() =>
      Calculator.calculate(
        measureBundle as never,
        [{ resourceType: 'Bundle', type: 'collection', entry: tablet.map((resource) => ({ resource })) }] as never,
        fqmOptions(period) as never,
      ),
    );
  } catch (e) {
    fqmTablet = `throws (${String((e as Error).message ?? e).slice(0, 100)})`;
  }

  const fqmBatchPer = batchMs / bundles.length;
  const fqmSingle = median(singles);
  const figures: EngineVsFqmFigures = {
    name,
    patients: patients.length,
    oursMedianPerPatientMs: oursMedian,
    oursMeanPerPatientMs: oursMean,
    oursP95PerPatientMs: pct(perPatient, 0.95),
    oursColdFirstPatientMs: coldFirstMs,
    fqmBatchPerPatientMs: fqmBatchPer,
    fqmSinglePatientMedianMs: fqmSingle,
    speedRatioBatch: fqmBatchPer / oursMean,
    speedRatioSingle: fqmSingle / oursMedian,
    oursPeakRssMb: oursPeak,
    fqmPeakRssMb: fqmPeak,
    mismatches: mismatches.length,
    nonUcumDose: `ours: ${oursTablet}; fqm-execution: ${fqmTablet}`,
  };

  const f = (n: number) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(1) : n.toFixed(0));
  console.log(
    `\n${name}: ${patients.length} patients (${cases.length} official cases replicated), period ${period.start}..${period.end}`,
  );
  console.table({
    'ours (median per patient)': {
      ms: f(oursMedian),
      note: `${OUR_RUNS} warm runs, mean ${f(oursMean)} ms, p95 ${f(figures.oursP95PerPatientMs!)} ms, cold first patient ${f(coldFirstMs)} ms`,
    },
    'fqm-execution (batch, per patient)': { ms: f(fqmBatchPer), note: `chunks of ${FQM_BATCH}` },
    'fqm-execution (single patient, median)': { ms: f(fqmSingle), note: `${FQM_SINGLE_RUNS} calls` },
    'speed ratio (batch: fqm / ours mean)': { ms: `${f(figures.speedRatioBatch!)}×`, note: 'goal ≥ 100×' },
    'speed ratio (single: fqm / ours median)': {
      ms: `${f(figures.speedRatioSingle!)}×`,
      note: `ours single patient ${oursMedian < FRAME_MS ? 'within' : 'over'} one frame`,
    },
    'peak RSS after ours / after fqm (MB)': { ms: `${oursPeak} / ${fqmPeak}`, note: 'process maxRSS' },
    'population mismatches': { ms: String(mismatches.length), note: `of ${patients.length} patients` },
    'non-UCUM dose unit ("tablet")': { ms: '', note: figures.nonUcumDose! },
  });
  for (const m of mismatches.slice(0, 20)) {
    console.log(`  mismatch ${m}`);
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
