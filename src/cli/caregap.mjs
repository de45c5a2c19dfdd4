#!/usr/bin/env node
// `npx caregap …` entry. The CLI is TypeScript and runs without a build step:
// - `evaluate` bundles the CLI and its worker-thread entry once per run with esbuild (≈ 0.2 s, into a
//   temporary folder removed at exit) and runs plain JavaScript: no loader in the main thread or in
//   any worker (tsx costs each worker ≈ 50 MB and 1.3 s of CPU to transform the engine again).
//   If esbuild cannot run, or CAREGAP_NO_BUNDLE=1, it falls back to tsx (same output).
// - `evaluate` streams its input, so its working set is one shard of patients: it re-runs itself once
//   with a capped old-generation heap and a small young generation (V8 otherwise grows the heap
//   lazily, well beyond what is live). Set your own --max-old-space-size in NODE_OPTIONS (e.g. for a
//   patient with a huge record) to skip this.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Old-generation cap (MB) of an `evaluate` run (one batch of 50 patients per thread is live; 128 let V8 grow lazily to ~350 MB RSS in 2 of 6 --jobs 2 runs, 96 stayed at 260–273 MB in 7 of 7). */
const EVALUATE_OLD_SPACE_MB = 96;
/** Young-generation semi-space (MB) of an `evaluate` run: parse garbage dies young (8 MB measured best: 4 costs ~15% CPU, 16 ~30 MB RSS). */
const EVALUATE_SEMI_SPACE_MB = 8;
/** glibc malloc arenas of an `evaluate` run (unless MALLOC_ARENA_MAX is set already). */
const MALLOC_ARENAS = 2;
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
if (process.argv[2] === 'evaluate' && !capped) {
  // glibc gives each thread its own malloc arena; two arenas are plenty here and keep native memory from
  // fragmenting across the worker threads (--jobs 2 peak RSS 290–299 MB → 269–280 MB, same speed).
  const env = { MALLOC_ARENA_MAX: String(MALLOC_ARENAS), ...process.env };
  const r = spawnSync(process.execPath, [`--max-old-space-size=${EVALUATE_OLD_SPACE_MB}`, `--max-semi-space-size=${EVALUATE_SEMI_SPACE_MB}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env });
  if (r.error) throw r.error;
  process.exit(r.status ?? (r.signal ? 128 + 9 : 1));
}

/** Bundles the CLI and the evaluation worker into a temporary folder; undefined when esbuild is unavailable. */
async function bundledCli() {
  if (process.env.CAREGAP_NO_BUNDLE === '1') return undefined;
  let dir;
  try {
    const { buildSync } = await import('esbuild');
    dir = mkdtempSync(join(tmpdir(), 'caregap-cli-'));
    const here = (f) => fileURLToPath(new URL(f, import.meta.url));
    buildSync({
      entryPoints: [here('./caregap.ts'), here('./evaluation-worker.ts')],
      bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
      outdir: dir, entryNames: '[name]', logLevel: 'silent',
    });
    const folder = dir;
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
    return pathToFileURL(join(dir, 'caregap.js')).href;
  } catch {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const bundle = process.argv[2] === 'evaluate' ? await bundledCli() : undefined;
if (!bundle) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import(bundle ?? './caregap.ts');
process.exitCode = await main(process.argv.slice(2));
