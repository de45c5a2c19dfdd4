#!/usr/bin/env node
// Builds the `caregap` CLI once into plain JavaScript: dist/cli/caregap.js (the command) and
// dist/cli/evaluation-worker.js (its worker-thread entry), each one self-contained file, plus
// dist/cli/build-info.json (the source files it was built from, to tell when it is stale).
// Run by `npm ci` / `npm install` (the `prepare` script), by `npm run build` (after `vite build`,
// which empties dist/) and `npm run build:cli`; src/cli/caregap.mjs runs it when the build is
// missing or older than its sources. esbuild is a development dependency: without it (an install
// with --omit=dev) this says so and exits 0, and the bin explains how to build.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the built CLI lives (git-ignored; `vite build` empties dist/, so the CLI is built after it). */
export const OUT_DIR = join(ROOT, 'dist', 'cli');
const ENTRIES = ['caregap', 'evaluation-worker'];

/** Builds the CLI; returns false (after saying why on stderr) when esbuild is not installed. */
export async function buildCli({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    process.stderr.write(
      'caregap: esbuild is not installed (a production install?): the CLI was not built; run `npm ci` then `npm run build:cli`\n',
    );
    return false;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  // each file is written under a private name and renamed into place, so a CLI starting meanwhile
  // never loads half a file (two builds at once simply both rename; the files are the same)
  const stage = join(OUT_DIR, `.build-${process.pid}-${Date.now()}`);
  const started = Date.now();
  try {
    const result = await esbuild.build({
      entryPoints: ENTRIES.map((e) => join(ROOT, 'src/cli', `${e}.ts`)),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir: stage,
      entryNames: '[name]',
      metafile: true,
      logLevel: 'warning',
      legalComments: 'none',
      banner: { js: '// Built by src/cli/build-cli.mjs from src/cli/*.ts and src/engine/**: do not edit.' },
    });
    const inputs = Object.keys(result.metafile.inputs)
      .map((f) => relative(ROOT, join(ROOT, f)))
      .sort();
    for (const e of ENTRIES) {
      renameSync(join(stage, `${e}.js`), join(OUT_DIR, `${e}.js`));
    }
    const info = { builtAt: started, inputs };
    writeFileSync(join(stage, 'build-info.json'), JSON.stringify(info));
    renameSync(join(stage, 'build-info.json'), join(OUT_DIR, 'build-info.json'));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  if (!quiet) {
    process.stderr.write(
      `caregap: CLI built into ${relative(process.cwd(), OUT_DIR) || OUT_DIR} in ${Date.now() - started} ms\n`,
    );
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli({ quiet: process.argv.includes('--quiet') });
}
