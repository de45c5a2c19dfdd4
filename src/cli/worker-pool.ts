/**
 * Evaluation worker threads, each with a memory ceiling (`resourceLimits`): a patient too large
 * for it ends that worker, never the run. {@link EvaluationPool} runs ordinary batches on N
 * workers (least busy first); {@link LargePatientWorker} evaluates one patient at a time with a
 * large heap — a record over the large-patient threshold, or each patient of a batch that ran a
 * pool worker out of memory — and parses texts too large for the main thread. A patient (or text)
 * that exhausts even that heap comes back `outOfMemory` and is reported and skipped; the run goes on. Callers await batches in submission order, so the output
 * order is the input order whatever N and whichever worker finishes first.
 */
import { Worker } from 'node:worker_threads';
import type { BatchSettings, PatientOutcome } from './evaluate-batch.ts';
import type { SplitText } from './parsed-resources.ts';
import { LINE_SLOTS, type PatientBatch } from './shard-store.ts';

/**
 * The worker's entry, beside this module: run from the built CLI (dist/cli), the built worker,
 * plain JavaScript; run from TypeScript (tests), the .mjs shim that registers tsx in the thread.
 */
const WORKER_ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? './evaluation-worker.mjs' : './evaluation-worker.js',
  import.meta.url,
);

/** Heap of an ordinary worker (MB): one patient at a time is live; a cap keeps V8 from growing the heap lazily. */
export const WORKER_OLD_GENERATION_MB = 48;
/** Young generation of a worker (MB): short-lived parse garbage is collected early instead of growing the heap. */
export const WORKER_YOUNG_GENERATION_MB = 4;

/** A worker that ran out of memory (its batches are to be retried one patient at a time). */
export class WorkerOutOfMemory extends Error {}

interface Pending {
  resolve: (answer: { outcomes?: PatientOutcome[]; split?: SplitText }) => void;
  reject: (e: Error) => void;
}

/** One worker thread and the batches it has been sent. */
class EvaluationWorker {
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private dead: Error | undefined;
  readonly ready: Promise<void>;
  private readonly worker: Worker;

  constructor(settings: BatchSettings, oldGenerationMb: number) {
    this.worker = new Worker(WORKER_ENTRY, {
      workerData: settings,
      resourceLimits: { maxOldGenerationSizeMb: oldGenerationMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      stdout: false,
      stderr: false,
    });
    this.ready = new Promise<void>((ready, failed) => {
      this.worker.on(
        'message',
        (msg: { ready?: boolean; seq?: number; outcomes?: PatientOutcome[]; split?: SplitText; error?: string }) => {
          if (msg.ready) {
            return ready();
          }
          const p = this.pending.get(msg.seq!);
          if (!p) {
            return;
          }
          this.pending.delete(msg.seq!);
          if (msg.error !== undefined) {
            p.reject(new Error(`worker: ${msg.error}`));
          } else {
            p.resolve(msg);
          }
        },
      );
      const die = (e: Error) => {
        if (this.dead) {
          return;
        }
        this.dead = e;
        failed(e);
        for (const p of this.pending.values()) {
          p.reject(e);
        }
        this.pending.clear();
      };
      this.worker.on('error', (e: Error & { code?: string }) =>
        die(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerOutOfMemory('out of memory') : e),
      );
      this.worker.on('exit', (code) => die(new Error(`worker exited (${code})`)));
    });
    this.ready.catch(() => {});
  }

  /** Batches sent and not answered. */
  get busy(): number {
    return this.pending.size;
  }

  /** Whether the worker has died (out of memory, crashed). */
  get alive(): boolean {
    return !this.dead;
  }

  /** Evaluates one batch; its buffers are transferred (unusable afterwards). */
  async run(batch: PatientBatch): Promise<PatientOutcome[]> {
    return (await this.ask({ batch }, [batch.bytes.buffer, batch.lines.buffer] as ArrayBuffer[])).outcomes!;
  }

  /** Parses and splits a JSON text (parsed-resources.ts `splitText`). */
  async split(text: string, multiline: boolean): Promise<SplitText> {
    return (await this.ask({ split: { text, multiline } }, [])).split!;
  }

  private ask(message: object, transfer: ArrayBuffer[]): Promise<{ outcomes?: PatientOutcome[]; split?: SplitText }> {
    if (this.dead) {
      return Promise.reject(this.dead);
    }
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ seq, ...message }, transfer);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** A copy of one patient of a batch, as a batch of its own (for a retry after running out of memory). */
function patientBatches(batch: PatientBatch): PatientBatch[] {
  const out: PatientBatch[] = [];
  const at = (x: number, slot: number) => batch.lines[x * LINE_SLOTS + slot]!;
  let l = 0;
  for (const p of batch.patients) {
    const lines = [...Array(p.lines).keys()].map((k) => l + k).concat(p.shared ?? []);
    l += p.lines;
    const bytes = new Uint8Array(lines.reduce((n, x) => n + at(x, 1) - at(x, 0), 0));
    const index = new Int32Array(lines.length * LINE_SLOTS);
    let pos = 0;
    lines.forEach((x, k) => {
      bytes.set(batch.bytes.subarray(at(x, 0), at(x, 1)), pos);
      index.set([pos, pos + at(x, 1) - at(x, 0), at(x, 2), at(x, 3)], k * LINE_SLOTS);
      pos += at(x, 1) - at(x, 0);
    });
    const shared = (p.shared ?? []).map((_, k) => p.lines + k);
    out.push({
      bytes,
      lines: index,
      patients: [{ ordinal: p.ordinal, id: p.id, lines: p.lines, ...(shared.length ? { shared } : {}) }],
    });
  }
  return out;
}

/** Evaluates single patients, one at a time, in a worker with a large heap (started when first needed). */
export class LargePatientWorker {
  private worker: EvaluationWorker | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: BatchSettings,
    private readonly heapMb: number,
  ) {}

  /** Evaluates each patient of `batch` alone; one that exhausts the heap comes back `outOfMemory`. */
  run(batch: PatientBatch): Promise<PatientOutcome[]> {
    const singles = batch.patients.length > 1 ? patientBatches(batch) : [batch];
    const done = this.queue.then(async () => {
      const out: PatientOutcome[] = [];
      for (const single of singles) {
        const p = single.patients[0]!;
        if (!this.worker?.alive) {
          this.worker = new EvaluationWorker(this.settings, this.heapMb);
          await this.worker.ready;
        }
        try {
          out.push(...(await this.worker.run(single)));
        } catch (e) {
          if (!(e instanceof WorkerOutOfMemory)) {
            throw e;
          }
          out.push({ id: p.id, outOfMemory: true, lines: [] });
        }
      }
      return out;
    });
    this.queue = done.catch(() => {});
    return done;
  }

  /** Parses and splits a text too large for the calling thread; undefined when it exhausts this heap too. */
  split(text: string, multiline: boolean): Promise<SplitText | undefined> {
    const done = this.queue.then(async () => {
      if (!this.worker?.alive) {
        this.worker = new EvaluationWorker(this.settings, this.heapMb);
        await this.worker.ready;
      }
      try {
        return await this.worker.split(text, multiline);
      } catch (e) {
        if (e instanceof WorkerOutOfMemory) {
          return undefined;
        }
        throw e;
      }
    });
    this.queue = done.catch(() => {});
    return done;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}

/** N ordinary evaluation workers. */
export class EvaluationPool {
  private readonly workers: EvaluationWorker[] = [];

  private constructor(
    private readonly settings: BatchSettings,
    private readonly large: LargePatientWorker,
  ) {}

  /** Starts `jobs` workers and waits until each has loaded the engine. */
  static async start(jobs: number, settings: BatchSettings, large: LargePatientWorker): Promise<EvaluationPool> {
    const pool = new EvaluationPool(settings, large);
    for (let k = 0; k < jobs; k++) {
      pool.workers.push(new EvaluationWorker(settings, WORKER_OLD_GENERATION_MB));
    }
    await Promise.all(pool.workers.map((w) => w.ready));
    return pool;
  }

  /** Number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /** Batches sent to the workers and not answered yet. */
  get queued(): number {
    return this.workers.reduce((n, w) => n + w.busy, 0);
  }

  /**
   * Evaluates one batch (a compact one: its buffers are transferred). A batch whose worker runs
   * out of memory is evaluated again one patient at a time with the large heap; the dead worker is
   * replaced.
   */
  async run(batch: PatientBatch): Promise<PatientOutcome[]> {
    if (batch.large) {
      return this.large.run(batch);
    }
    // keep a copy for a retry: the worker gets the transferred original
    const retry = { bytes: batch.bytes.slice(), lines: batch.lines.slice(), patients: batch.patients };
    const k = this.leastBusy();
    try {
      return await this.workers[k]!.run(batch);
    } catch (e) {
      if (!(e instanceof WorkerOutOfMemory)) {
        throw e;
      }
      if (!this.workers[k]!.alive) {
        this.workers[k] = new EvaluationWorker(this.settings, WORKER_OLD_GENERATION_MB);
      }
      return this.large.run(retry);
    }
  }

  private leastBusy(): number {
    let best = 0;
    for (let k = 0; k < this.workers.length; k++) {
      if (!this.workers[k]!.alive) {
        this.workers[k] = new EvaluationWorker(this.settings, WORKER_OLD_GENERATION_MB);
      }
      if (this.workers[k]!.busy < this.workers[best]!.busy) {
        best = k;
      }
    }
    return best;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
