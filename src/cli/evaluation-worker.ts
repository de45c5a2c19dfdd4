/**
 * Worker thread of `caregap evaluate --jobs N`: receives the run's settings once (workerData), says `{ ready: true }`,
 * then takes batches `{ seq, batch }`, and answers `{ seq, outcomes }` (or `{ seq, error }`).
 * Built into dist/cli/evaluation-worker.js; from TypeScript (tests) loaded through evaluation-worker.mjs, which registers tsx in the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateBatch, type BatchSettings } from './evaluate-batch.ts';
import type { PatientBatch } from './shard-store.ts';

const settings = workerData as BatchSettings;

parentPort?.on('message', (msg: { seq: number; batch: PatientBatch }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, outcomes: evaluateBatch(msg.batch, settings) });
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, error: (e as Error).stack ?? String(e) });
  }
});
parentPort?.postMessage({ ready: true });
