#!/usr/bin/env node
// `npx caregap …` entry: registers tsx so the TypeScript CLI runs without a build step.
// `evaluate` streams its input, so its working set is one shard of patients: it re-runs itself once
// with a capped old-generation heap (V8 otherwise grows the heap lazily, well beyond what is live).
// Set your own --max-old-space-size in NODE_OPTIONS (e.g. for a patient with a huge record) to skip this.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Old-generation cap (MB) of an `evaluate` run. */
const EVALUATE_OLD_SPACE_MB = 160;
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
if (process.argv[2] === 'evaluate' && !capped) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${EVALUATE_OLD_SPACE_MB}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.error) throw r.error;
  process.exit(r.status ?? (r.signal ? 128 + 9 : 1));
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./caregap.ts');
process.exitCode = await main(process.argv.slice(2));
