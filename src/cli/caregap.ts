/**
 * `caregap` command line: evaluates the engine's measures, gaps and flags over FHIR files.
 *
 *   caregap evaluate [--period-start YYYY-MM-DD --period-end YYYY-MM-DD] [--measure ID]...
 *                    [--format json|measurereport|summary|csv|gaps|worklist] [--out FILE] [--as-of YYYY-MM-DD]
 *                    [--jobs N] [--quiet] [--stats] INPUT...
 *
 * Exit status: 0 all input read; 1 some input unreadable (every readable patient is still
 * evaluated and written; each problem is named on stderr as file:line); 2 usage error (bad period,
 * unknown measure id, unknown option). The CLI (not the engine) reads the clock: the period
 * defaults to the current calendar year.
 *
 * Input is streamed through a temporary directory of per-patient shards (patient-shards.ts), so
 * memory stays flat however many patients a Bulk Data export holds; `--jobs N` evaluates batches
 * of patients on N threads (this one and N − 1 workers) and writes them back in input order
 * (identical output for any N).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { MEASURES } from '../engine/measures/index.ts';
import { GAP_FAMILIES } from '../engine/gaps/index.ts';
import { FLAG_FAMILIES } from '../engine/flags/index.ts';
import { csvHeader } from '../engine/report/population-csv.ts';
import { PopulationAccumulator, toSummaryMeasureReports } from '../engine/report/summary-measure-report.ts';
import { worklistLines, type WorklistRow } from '../engine/report/worklist.ts';
import type { DayPeriod } from '../engine/types.ts';
import { evaluateBatch, type BatchSettings, type PatientOutcome } from './evaluate-batch.ts';
import { expandInputs, formatProblem, type InputProblem } from './read-inputs.ts';
import { fileSize, orderProblems, shardInputs, type LineProblem, type PatientBatch } from './patient-shards.ts';
import { FORMATS, type OutputFormat } from './output-formats.ts';
import { Progress } from './progress.ts';
import { EvaluationPool } from './worker-pool.ts';

/** Usage text printed by `--help` and on usage errors. */
export const USAGE = `Usage: caregap evaluate [options] INPUT...

Evaluates quality measures, care gaps and risk flags for every patient in the input.

INPUT   a FHIR Bundle JSON file (any type, one or many patients), an ndjson file (one resource
        per line), a single-resource JSON file, or a directory of any of these (recursive:
        *.json, *.ndjson, *.jsonl) such as a FHIR Bulk Data export (Patient.ndjson,
        Observation.ndjson, ...). Input is streamed: memory does not grow with the number of
        patients. Patients are written in the order of the Patient file(s), then first seen.

Options:
  --period-start YYYY-MM-DD   first day of the measurement period (default: Jan 1 of this year)
  --period-end YYYY-MM-DD     last day of the measurement period (default: Dec 31 of this year)
  --measure ID                measure / gap / flag id to evaluate, repeatable (default: all)
  --format FORMAT             json (default, one line per patient) | measurereport (individual
                              MeasureReports, ndjson) | summary (summary MeasureReports, one per
                              measure, stratified by attributed clinician) | csv (patient ×
                              measure / gap table) | gaps (one DEQM gaps-in-care Bundle per
                              patient, ndjson) | worklist (CSV, one row per open gap still
                              closable: name, birth date, MRN, phone, clinician, gap, due date,
                              days left; sorted by due date then risk)
  --out FILE                  write to FILE instead of standard output
  --as-of YYYY-MM-DD          evaluation date for look-backs (default: the period end)
  --jobs N                    evaluate on N threads, the main one + N-1 workers (default 1; same
                              output for any N; use the number of cores)
  --quiet                     no progress on stderr (default: a bar on a terminal, else a line
                              every --progress-interval seconds, default 2)
  --progress-interval SECONDS seconds between progress lines when stderr is not a terminal
  --stats                     print patients, seconds, patients/s and peak RSS on stderr (JSON)
  -h, --help                  show this help

Exit status: 0 all input read, 1 some input unreadable (named as file:line on stderr;
every readable patient is still written), 2 usage error.

Also: caregap export --help   (pull a FHIR Bulk Data export from an EHR into a folder)`;

/** A usage error: message printed with exit status 2. */
class UsageError extends Error {}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a calendar date `YYYY-MM-DD` (a real day). */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Every id `--measure` accepts. */
export function validIds(): { all: string[]; gaps: Set<string>; flags: Set<string> } {
  const gaps = new Set(GAP_FAMILIES.flatMap((g) => [...g.ids]));
  const flags = new Set(FLAG_FAMILIES.flatMap((f) => [...f.ids]));
  return { all: [...new Set(['all', ...MEASURES.map((m) => m.id), ...gaps, ...flags])], gaps, flags };
}

/** Parsed command line. */
export interface EvaluateOptions {
  period: DayPeriod;
  asOf?: string;
  only: string[];
  format: OutputFormat;
  out?: string;
  inputs: string[];
  jobs: number;
  quiet: boolean;
  stats: boolean;
  /** Milliseconds between non-TTY progress lines. */
  progressIntervalMs: number;
}

/** Parses `evaluate` arguments; throws UsageError on anything invalid. `today` is the CLI clock. */
export function parseEvaluateArgs(args: readonly string[], today: Date): EvaluateOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        'period-start': { type: 'string' },
        'period-end': { type: 'string' },
        measure: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        jobs: { type: 'string' },
        quiet: { type: 'boolean' },
        stats: { type: 'boolean' },
        'progress-interval': { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const year = today.getFullYear();
  const start = v['period-start'] ?? `${year}-01-01`;
  const end = v['period-end'] ?? `${year}-12-31`;
  if ((v['period-start'] === undefined) !== (v['period-end'] === undefined))
    throw new UsageError('give both --period-start and --period-end, or neither (default: the current calendar year)');
  for (const [name, value] of [['--period-start', start], ['--period-end', end], ['--as-of', v['as-of']]] as const)
    if (value !== undefined && !isIsoDay(value)) throw new UsageError(`${name} must be a calendar date YYYY-MM-DD, got "${value}"`);
  if (start > end) throw new UsageError(`--period-start ${start} is after --period-end ${end}`);
  const format = (v.format ?? 'json') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${v.format}"; valid formats: ${FORMATS.join(', ')}`);
  const only = v.measure?.length ? v.measure : ['all'];
  const valid = validIds().all;
  const unknown = only.filter((id) => !valid.includes(id));
  if (unknown.length) throw new UsageError(`unknown measure id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; valid ids: ${valid.join(', ')}`);
  const jobs = Number(v.jobs ?? '1');
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, got "${v.jobs}"`);
  const interval = Number(v['progress-interval'] ?? '2');
  if (!Number.isFinite(interval) || interval <= 0) throw new UsageError(`--progress-interval must be a positive number of seconds, got "${v['progress-interval']}"`);
  if (!parsed.positionals.length) throw new UsageError('no INPUT given');
  return {
    period: { start, end },
    ...(v['as-of'] ? { asOf: v['as-of'] } : {}),
    only,
    format,
    ...(v.out ? { out: v.out } : {}),
    inputs: parsed.positionals,
    jobs,
    quiet: v.quiet ?? false,
    stats: v.stats ?? false,
    progressIntervalMs: interval * 1000,
  };
}

/** Writes lines to a file or stdout, honouring back-pressure. */
class LineWriter {
  private readonly stream: NodeJS.WritableStream;
  constructor(out: string | undefined) {
    this.stream = out ? (createWriteStream(out, { encoding: 'utf8' }) as NodeJS.WritableStream) : process.stdout;
  }
  async line(s: string): Promise<void> {
    if (!this.stream.write(s + '\n')) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  async close(): Promise<void> {
    if (this.stream === process.stdout) return;
    await new Promise<void>((resolve, reject) => {
      (this.stream as WriteStream).once('error', reject);
      (this.stream as WriteStream).end(() => resolve());
    });
  }
}

/** Patients per batch handed to an evaluator (in-process or a worker thread). */
const BATCH_SIZE = 50;
/** Batches evaluated but not yet written, or being evaluated, per job. */
const BATCHES_IN_FLIGHT_PER_JOB = 3;
/** Batches queued or running per worker thread before the main thread evaluates the next batch itself. */
const WORKER_QUEUE = 2;

/** Runs `caregap evaluate`; returns the exit status. */
export async function runEvaluate(opts: EvaluateOptions, stderr: (s: string) => void, now: Date): Promise<number> {
  const started = performance.now();
  const progress = new Progress({ write: (s) => process.stderr.write(s), tty: Boolean(process.stderr.isTTY), quiet: opts.quiet, intervalMs: opts.progressIntervalMs });
  const problems: InputProblem[] = [];
  const files = await expandInputs(opts.inputs, problems);
  const { gaps, flags } = validIds();
  const settings: BatchSettings = {
    period: opts.period,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    only: opts.only,
    format: opts.format,
    requested: { gaps: opts.only.some((id) => id === 'all' || gaps.has(id)), flags: opts.only.some((id) => id === 'all' || flags.has(id)) },
    date: now.toISOString(),
  };
  // --jobs N: the main thread (which has the engine loaded anyway) evaluates too, next to N − 1
  // workers; they load the engine (about a second) while the main thread shards the input
  const starting = opts.jobs > 1 ? EvaluationPool.start(opts.jobs - 1, settings) : undefined;
  starting?.catch(() => {});
  progress.begin('reading', files.reduce((n, f) => n + fileSize(f), 0), 'MB');
  const shards = await shardInputs(files, problems, (n) => progress.tick(n));
  progress.end();
  const writer = new LineWriter(opts.out);
  const summary = new PopulationAccumulator();
  const worklist: WorklistRow[] = [];
  let pool: EvaluationPool | undefined;
  try {
    pool = await starting;
  } catch (e) {
    shards.dispose();
    throw e;
  }
  let evaluated = 0;
  const late: LineProblem[] = [];
  try {
    if (opts.format === 'csv') await writer.line(csvHeader());
    progress.begin('evaluating', shards.patientCount, 'patients');
    const write = async (outcomes: PatientOutcome[]): Promise<void> => {
      for (const o of outcomes) {
        progress.tick();
        if (o.problems) late.push(...o.problems);
        if (o.unread) continue;
        if (o.missingPatient) {
          stderr(`caregap: warning: resources reference Patient/${o.id} but no Patient resource was found; skipped`);
          continue;
        }
        evaluated++;
        for (const l of o.lines) await writer.line(l);
        if (o.summary) summary.add(o.summary);
        if (o.worklist) worklist.push(...o.worklist);
      }
    };
    // batches are awaited in submission order: the output is in input order whatever the pool does
    const inFlight: Promise<PatientOutcome[]>[] = [];
    const maxInFlight = opts.jobs * BATCHES_IN_FLIGHT_PER_JOB;
    const submit = async (batch: PatientBatch): Promise<void> => {
      if (pool && pool.queued < pool.size * WORKER_QUEUE) inFlight.push(pool.run(batch));
      else {
        // the workers have enough queued: evaluate here, then let their answers in
        inFlight.push(Promise.resolve(evaluateBatch(batch, settings)));
        if (pool) await new Promise((r) => setImmediate(r));
      }
      while (inFlight.length >= maxInFlight) await write(await inFlight.shift()!);
    };
    for (const batch of shards.batches(BATCH_SIZE, Boolean(pool))) await submit(batch);
    while (inFlight.length) await write(await inFlight.shift()!);
    progress.end();
    if (opts.format === 'summary') for (const r of toSummaryMeasureReports(summary, { period: opts.period, date: settings.date })) await writer.line(JSON.stringify(r));
    if (opts.format === 'worklist') for (const l of worklistLines(worklist)) await writer.line(l);
  } finally {
    progress.end();
    await pool?.close();
    shards.dispose();
    await writer.close();
  }
  const all = orderProblems(problems, late, shards);
  for (const p of all) stderr(`caregap: ${formatProblem(p)}`);
  if (all.length) stderr(`caregap: ${all.length} input problem${all.length > 1 ? 's' : ''}; ${evaluated} patient${evaluated === 1 ? '' : 's'} evaluated`);
  if (opts.stats) {
    const seconds = (performance.now() - started) / 1000;
    // maxRSS (KiB) covers the whole process, worker threads included
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    // CPU time covers every thread: patients per CPU-second is the per-core rate, robust to a busy machine
    stderr(`caregap: stats ${JSON.stringify({ patients: evaluated, jobs: opts.jobs, seconds: Number(seconds.toFixed(3)), cpuSeconds: Number(cpuSeconds.toFixed(3)), patientsPerSecond: Math.round(evaluated / seconds), patientsPerCpuSecond: Math.round(evaluated / cpuSeconds), peakRssMB: Math.round(usage.maxRSS / 1024) })}`);
  }
  return all.length ? 1 : 0;
}

/** Entry point: dispatches the sub-command and maps errors to exit statuses. */
export async function main(argv: readonly string[]): Promise<number> {
  const stderr = (s: string) => process.stderr.write(s + '\n');
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === 'export') return (await import('./export/export-command.ts')).exportMain(rest);
  if (command !== 'evaluate') {
    stderr(`caregap: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const now = new Date();
    return await runEvaluate(parseEvaluateArgs(rest, now), stderr, now);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`caregap: ${e.message}\nRun "caregap --help" for usage.`);
      return 2;
    }
    stderr(`caregap: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
