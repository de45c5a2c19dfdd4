/**
 * `caregap evaluate`, start to end: expand the inputs, pass 1 (read-into-shards.ts), pass 2 —
 * batches of patients, each with the shared resources it references, evaluated on the main thread
 * and N − 1 workers and written in input order — then the problems, in input order, and the
 * optional stats line. Whatever ends the run (normal end, fatal error, stream error,
 * SIGINT/SIGTERM) disposes the temporary store.
 */
import {
  csvHeader,
  PopulationAccumulator,
  toSummaryMeasureReports,
  worklistLines,
  type WorklistRow,
} from '../engine/index.ts';
import { validIds, type EvaluateOptions } from './cli-options.ts';
import { evaluateBatch, type BatchSettings, type PatientOutcome } from './evaluate-batch.ts';
import { ExitCleanup } from './exit-cleanup.ts';
import type { OutputWriter } from './output-writer.ts';
import { ProblemLog, formatProblem } from './problem-log.ts';
import { Progress } from './progress.ts';
import { expandInputs } from './read-inputs.ts';
import { formatBytes, printableId, readIntoShards } from './read-into-shards.ts';
import { LINE_SLOTS, type PatientBatch } from './shard-store.ts';
import { largePatientBytes } from './memory-limits.ts';
import { EvaluationPool, LargePatientWorker } from './worker-pool.ts';

/** Patients per batch handed to an evaluator (in-process or a worker thread). */
const BATCH_PATIENTS = 50;
/** JSON bytes per batch at most (a patient larger than this is a batch of its own). */
const BATCH_BYTES = 4 * 2 ** 20;
/** Bytes of one shard laid out in memory at once in pass 2. */
const READ_BUDGET_BYTES = 12 * 2 ** 20;
/** Input bytes kept in memory before the temporary store moves to a file (CAREGAP_SPILL_BYTES overrides, for tests). */
const MEMORY_STORE_BYTES =
  Number(process.env.CAREGAP_SPILL_BYTES) > 0 ? Number(process.env.CAREGAP_SPILL_BYTES) : 64 * 2 ** 20;
/** Batches evaluated but not yet written, or being evaluated, per job. */
const BATCHES_IN_FLIGHT_PER_JOB = 3;
/** Batches queued or running per worker thread before the main thread evaluates the next batch itself. */
const WORKER_QUEUE = 2;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Where the problems of a patient are filed: its first line, and its size. */
interface PatientMeta {
  file: number;
  line: number;
  bytes: number;
}

/** The first line and size of each patient of a batch (read before the batch is transferred to a worker). */
function metaOf(batch: PatientBatch): PatientMeta[] {
  let l = 0;
  return batch.patients.map((p) => {
    const at = l * LINE_SLOTS;
    const bytes = p.lines ? batch.lines[(l + p.lines - 1) * LINE_SLOTS + 1]! - batch.lines[at]! : 0;
    l += p.lines;
    return { file: batch.lines[at + 2]!, line: batch.lines[at + 3]!, bytes };
  });
}

/** Runs `caregap evaluate` writing to `writer` (opened by the caller, before any input is read); returns the exit status. */
export async function runEvaluate(
  opts: EvaluateOptions,
  writer: OutputWriter,
  stderr: (s: string) => void,
  now: Date,
): Promise<number> {
  const started = performance.now();
  const cleanup = new ExitCleanup(stderr);
  const progress = new Progress({
    write: (s) => process.stderr.write(s),
    tty: Boolean(process.stderr.isTTY),
    quiet: opts.quiet,
    intervalMs: opts.progressIntervalMs,
  });
  cleanup.add(() => progress.end());
  cleanup.add(() => writer.abort());
  try {
    return await evaluateInputs(opts, stderr, now, writer, progress, cleanup, started);
  } finally {
    cleanup.dispose();
  }
}

async function evaluateInputs(
  opts: EvaluateOptions,
  stderr: (s: string) => void,
  now: Date,
  writer: OutputWriter,
  progress: Progress,
  cleanup: ExitCleanup,
  started: number,
): Promise<number> {
  const problems = new ProblemLog();
  const files = await expandInputs(opts.inputs, problems);
  const { gaps, flags } = validIds();
  const settings: BatchSettings = {
    period: opts.period,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.gapPolicy ? { gapPolicy: opts.gapPolicy } : {}),
    only: opts.only,
    format: opts.format,
    requested: {
      gaps: opts.only.some((id) => id === 'all' || gaps.has(id)),
      flags: opts.only.some((id) => id === 'all' || flags.has(id)),
    },
    date: now.toISOString(),
  };
  const large = new LargePatientWorker(settings, opts.patientHeapMb);
  // --jobs N: the main thread (which has the engine loaded anyway) evaluates too, next to N − 1
  // workers; they load the engine while the main thread reads the input
  const starting = opts.jobs > 1 ? EvaluationPool.start(opts.jobs - 1, settings, large) : undefined;
  starting?.catch(() => {});
  const inputBytes = files.reduce((n, f) => n + f.size, 0);
  progress.begin('reading', inputBytes, 'MB');
  const input = await readIntoShards(files, problems, {
    maxLineBytes: opts.maxLineBytes,
    maxPatientBytes: opts.maxPatientBytes,
    // an input larger than the memory budget goes to the file from the start (no 64 MB held, then copied)
    memoryBytes: inputBytes <= MEMORY_STORE_BYTES ? MEMORY_STORE_BYTES : 0,
    onBytes: (n) => progress.tick(n),
    // a text whose parse could exhaust this thread's heap is parsed in the large-patient worker
    parseHereMaxBytes: largePatientBytes(),
    parseApart: (text, multiline) => large.split(text, multiline),
  });
  cleanup.add(() => input.store.dispose());
  progress.end();
  const summary = new PopulationAccumulator();
  const worklist: WorklistRow[] = [];
  const pool = await starting;
  let evaluated = 0;
  try {
    if (opts.format === 'csv') {
      await writer.write(csvHeader() + '\n');
    }
    progress.begin('evaluating', input.shards.patientCount, 'patients');
    const write = async ([outcomes, meta]: [PatientOutcome[], PatientMeta[]]): Promise<void> => {
      let text = '';
      for (const [k, o] of outcomes.entries()) {
        progress.tick();
        for (const p of o.problems ?? []) {
          problems.add(
            { file: input.files[p.file] ?? '?', ...(p.line ? { line: p.line } : {}), message: p.message },
            p.file,
            p.line,
          );
        }
        if (o.unread) {
          continue;
        }
        if (o.outOfMemory) {
          const m = meta[k]!;
          problems.add(
            {
              file: input.files[m.file] ?? '?',
              ...(m.line ? { line: m.line } : {}),
              message: `Patient/${printableId(o.id)}: record of ${formatBytes(m.bytes)} of JSON ran out of memory (--patient-heap-mb ${opts.patientHeapMb}): patient not evaluated`,
            },
            m.file,
            m.line,
          );
          continue;
        }
        if (o.missingPatient) {
          stderr(
            `caregap: warning: resources reference Patient/${printableId(o.id)} but no Patient resource was found; skipped`,
          );
          continue;
        }
        evaluated++;
        for (const l of o.lines) {
          text += l + '\n';
        }
        if (o.summary) {
          summary.add(o.summary);
        }
        if (o.worklist) {
          worklist.push(...o.worklist);
        }
      }
      if (text) {
        await writer.write(text);
      }
    };
    // batches are awaited in submission order: the output is in input order whatever the pool does
    const inFlight: Promise<[PatientOutcome[], PatientMeta[]]>[] = [];
    const maxInFlight = opts.jobs * BATCHES_IN_FLIGHT_PER_JOB;
    const submit = async (batch: PatientBatch): Promise<void> => {
      const meta = metaOf(batch);
      const paired = (p: Promise<PatientOutcome[]>) => p.then((o): [PatientOutcome[], PatientMeta[]] => [o, meta]);
      if (batch.large) {
        inFlight.push(paired(large.run(batch)));
      } else if (pool && pool.queued < pool.size * WORKER_QUEUE) {
        inFlight.push(paired(pool.run(batch)));
      } else {
        inFlight.push(paired(Promise.resolve(evaluateBatch(batch, settings))));
      }
      while (inFlight.length >= maxInFlight) {
        await write(await inFlight.shift()!);
      }
      // let signals, worker answers and output drain in between batches
      await nextTurn();
    };
    for (const batch of input.shards.batches({
      patients: BATCH_PATIENTS,
      bytes: BATCH_BYTES,
      largeBytes: largePatientBytes(),
      compact: Boolean(pool),
      readBudget: READ_BUDGET_BYTES,
    })) {
      await submit(input.shared.attach(batch));
    }
    while (inFlight.length) {
      await write(await inFlight.shift()!);
    }
    progress.end();
    if (opts.format === 'summary') {
      for (const r of toSummaryMeasureReports(summary, { period: opts.period, date: settings.date })) {
        await writer.write(JSON.stringify(r) + '\n');
      }
    }
    if (opts.format === 'worklist') {
      for (const l of worklistLines(worklist)) {
        await writer.write(l + '\n');
      }
    }
    await writer.close();
  } finally {
    progress.end();
    await pool?.close();
    await large.close();
    input.store.dispose();
  }
  const all = problems.ordered();
  for (const p of all) {
    stderr(`caregap: ${formatProblem(p)}`);
  }
  if (all.length) {
    stderr(
      `caregap: ${all.length} input problem${all.length > 1 ? 's' : ''}; ${evaluated} patient${evaluated === 1 ? '' : 's'} evaluated`,
    );
  }
  if (opts.stats) {
    const seconds = (performance.now() - started) / 1000;
    // maxRSS (KiB) covers the whole process, worker threads included
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    // CPU time covers every thread: patients per CPU-second is the per-core rate, robust to a busy machine
    stderr(
      `caregap: stats ${JSON.stringify({ patients: evaluated, jobs: opts.jobs, seconds: Number(seconds.toFixed(3)), cpuSeconds: Number(cpuSeconds.toFixed(3)), patientsPerSecond: Math.round(evaluated / seconds), patientsPerCpuSecond: Math.round(evaluated / cpuSeconds), inputMB: Number((inputBytes / 1e6).toFixed(1)), mbPerSecond: Number((inputBytes / 1e6 / seconds).toFixed(1)), peakRssMB: Math.round(usage.maxRSS / 1024), tempStoreOnDisk: input.store.spilled })}`,
    );
  }
  return all.length ? 1 : 0;
}
