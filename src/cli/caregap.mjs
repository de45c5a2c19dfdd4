#!/usr/bin/env node
// `caregap …` entry (the package's bin; run it as `node src/cli/caregap.mjs` or `npx caregap`).
// It runs the CLI built once into plain JavaScript (dist/cli/caregap.js, by `npm ci` through the
// `prepare` script, or `npm run build:cli`): no TypeScript loader, no bundler and no second process
// at run time. When the build is missing, or older than any source it was built from (a developer
// edited src/), it is rebuilt first if esbuild is installed (≈ 0.5 s, once); otherwise this says
// how to build it. Checking the sources' dates costs ≈ 1–2 ms (one stat per source file).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = join(ROOT, 'dist', 'cli');

/** 'fresh', 'stale' (a source is newer than the build) or 'missing'. */
function buildState() {
  let info;
  try {
    info = JSON.parse(readFileSync(join(BUILT, 'build-info.json'), 'utf8'));
    statSync(join(BUILT, 'caregap.js'));
    statSync(join(BUILT, 'evaluation-worker.js'));
  } catch {
    return 'missing';
  }
  for (const f of info.inputs) {
    const s = statSync(join(ROOT, f), { throwIfNoEntry: false });
    if (!s || s.mtimeMs > info.builtAt) {
      return 'stale';
    }
  }
  return 'fresh';
}

const state = buildState();
if (state !== 'fresh') {
  const { buildCli } = await import('./build-cli.mjs');
  const built = await buildCli({ quiet: true });
  if (!built && state === 'missing') {
    process.stderr.write(
      'caregap: the CLI is not built: run `npm ci` (its prepare step builds it) or `npm run build:cli`\n',
    );
    process.exit(2);
  }
  if (!built) {
    process.stderr.write(
      'caregap: warning: dist/cli is older than its sources and cannot be rebuilt here (no esbuild); running it as built\n',
    );
  }
}
const { main } = await import(pathToFileURL(join(BUILT, 'caregap.js')).href);
process.exitCode = await main(process.argv.slice(2));
