/**
 * A pool of evaluation worker threads for `--jobs N`. Each batch goes to the least busy worker;
 * {@link EvaluationPool.run} returns a promise per batch, and the caller awaits them in submission
 * order, so the output order is the input order whatever N and whichever worker finishes first.
 */
import { Worker } from 'node:worker_threads';
import type { BatchSettings, PatientOutcome } from './evaluate-batch.ts';
import type { PatientBatch } from './patient-shards.ts';

/**
 * The worker's entry: beside this module. Run from TypeScript (tsx: tests, `--no-bundle`) that is the
 * .mjs shim that registers tsx in the thread; run from the bundle caregap.mjs builds, it is the
 * bundled worker, plain JavaScript (no loader, no transform per worker).
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './evaluation-worker.mjs' : './evaluation-worker.js', import.meta.url);

/** Old-generation heap cap of a worker: one batch of patients needs far less, and a cap keeps V8 from growing lazily. */
export const WORKER_OLD_GENERATION_MB = 48;
/** Young-generation cap of a worker (MB): short-lived parse garbage is collected early instead of growing the heap. */
export const WORKER_YOUNG_GENERATION_MB = 4;

interface Pending {
  resolve: (o: PatientOutcome[]) => void;
  reject: (e: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  busy: number;
}

/** N worker threads evaluating batches. */
export class EvaluationPool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  private constructor() {}

  /** Starts `jobs` workers and waits until each has loaded the engine. */
  static async start(jobs: number, settings: BatchSettings): Promise<EvaluationPool> {
    const pool = new EvaluationPool();
    await Promise.all(
      Array.from({ length: jobs }, () => {
        const worker = new Worker(WORKER_ENTRY, { workerData: settings, resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
        const pw: PoolWorker = { worker, busy: 0 };
        pool.workers.push(pw);
        return new Promise<void>((ready, failed) => {
          worker.on('message', (msg: { ready?: boolean; seq?: number; outcomes?: PatientOutcome[]; error?: string }) => {
            if (msg.ready) return ready();
            const p = pool.pending.get(msg.seq!);
            if (!p) return;
            pool.pending.delete(msg.seq!);
            pw.busy--;
            if (msg.error !== undefined) p.reject(new Error(`worker: ${msg.error}`));
            else p.resolve(msg.outcomes!);
          });
          worker.on('error', (e) => {
            failed(e);
            for (const p of pool.pending.values()) p.reject(e);
            pool.pending.clear();
          });
        });
      }),
    );
    return pool;
  }

  /** Number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /** Batches sent to the workers and not answered yet. */
  get queued(): number {
    return this.pending.size;
  }

  /** Evaluates one batch on the least busy worker; a compact batch's buffers are transferred (unusable afterwards). */
  run(batch: PatientBatch): Promise<PatientOutcome[]> {
    const pw = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = this.seq++;
    pw.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      pw.worker.postMessage({ seq, batch }, [batch.bytes.buffer, batch.lines.buffer] as ArrayBuffer[]);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
