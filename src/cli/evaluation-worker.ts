/**
 * Worker thread of `caregap evaluate --jobs N`: receives the run's settings once (workerData), says `{ ready: true }`,
 * then takes batches `{ seq, batch }`, and answers `{ seq, outcomes }` (or `{ seq, error }`); the large-patient
 * worker also takes texts too large for the main thread to parse, `{ seq, split: { text, multiline } }`, and
 * answers `{ seq, split }` (parsed-resources.ts `splitText`).
 * Built into dist/cli/evaluation-worker.js; from TypeScript (tests) loaded through evaluation-worker.mjs, which registers tsx in the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { MAX_JSON_DEPTH } from './bundle-types.ts';
import { evaluateBatch, type BatchSettings } from './evaluate-batch.ts';
import { splitText } from './parsed-resources.ts';
import type { PatientBatch } from './shard-store.ts';

const settings = workerData as BatchSettings;

parentPort?.on(
  'message',
  (msg: { seq: number; batch?: PatientBatch; split?: { text: string; multiline: boolean } }) => {
    try {
      if (msg.split) {
        parentPort!.postMessage({
          seq: msg.seq,
          split: splitText(msg.split.text, MAX_JSON_DEPTH, msg.split.multiline),
        });
      } else {
        parentPort!.postMessage({ seq: msg.seq, outcomes: evaluateBatch(msg.batch!, settings) });
      }
    } catch (e) {
      parentPort!.postMessage({ seq: msg.seq, error: (e as Error).stack ?? String(e) });
    }
  },
);
parentPort?.postMessage({ ready: true });
