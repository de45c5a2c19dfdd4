/**
 * The BUILT app keeps the engine's evaluation off the main thread's bundle: one `vite build` into a
 * temporary directory, then, from the source maps, which source files each chunk holds. The app
 * entry's static imports (what every launch downloads before the panel shows) and the population
 * view's chunk with its static imports must hold no measure, gap, flag, action or value-set
 * catalog module and no `evaluate-patient.ts`: evaluation runs in the Web Worker, and on the main
 * thread only through a dynamic import (jsdom, or a failed worker). Sizes are printed (gzip) for
 * the record; size goals are not asserted here.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../launch/sandbox/server.ts';

let outDir = '';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'caregap-chunks-dist-'));
  const { build } = await import('vite');
  await build({
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'error',
    // vitest runs with NODE_ENV=test, which would bundle React's development build: size as shipped
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true, sourcemap: true, reportCompressedSize: false },
  });
}, 120_000);

afterAll(() => {
  if (outDir) {
    rmSync(outDir, { recursive: true, force: true });
  }
});

const assets = () => join(outDir, 'assets');
const chunk = (prefix: string) => {
  const f = readdirSync(assets()).find((n) => n.startsWith(`${prefix}-`) && n.endsWith('.js'));
  if (!f) {
    throw new Error(`no ${prefix} chunk in ${readdirSync(assets()).join(', ')}`);
  }
  return f;
};

/** The chunk and every chunk it imports statically (`import … from "./x.js"`), transitively. */
function staticClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) {
      continue;
    }
    seen.add(f);
    const code = readFileSync(join(assets(), f), 'utf8');
    todo.push(...[...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!));
  }
  return seen;
}

/** Engine source files (path under src/engine/) bundled into the chunks. */
function engineSources(chunks: Iterable<string>): string[] {
  const out: string[] = [];
  for (const f of chunks) {
    const map = JSON.parse(readFileSync(join(assets(), `${f}.map`), 'utf8')) as { sources: string[] };
    for (const s of map.sources) {
      const m = /src\/engine\/(.*)$/.exec(s);
      if (m?.[1]) {
        out.push(m[1]);
      }
    }
  }
  return out.sort();
}

const gzipKb = (chunks: Iterable<string>) =>
  [...chunks].reduce((sum, f) => sum + gzipSync(readFileSync(join(assets(), f))).length, 0) / 1000;

/**
 * Engine modules that evaluate (rules, value-set catalog): never in a main-thread chunk loaded
 * statically. The panel's gap list may use the missed-window test and the action texts it reads
 * (actions/missed-window.ts, actions/action-catalog.ts: a few hundred bytes gzip), and the panel
 * asks the point-of-care profiles of CMS2 and SDOH screening (measures/point-of-care-measures.ts,
 * their actions' texts and forms, actions/measure-actions.ts: data and lookups, no rules).
 */
const EVALUATION =
  /^(evaluate-patient|evaluation-context)\.ts$|^(episode-measures|gaps|flags|visit|fhir)\/|^measures\/(?!point-of-care-measures\.ts$|cms2-action\.ts$|sdoh-screening-action\.ts$)|^actions\/(?!missed-window\.ts$|action-catalog\.ts$|measure-actions\.ts$)|^valuesets\/(index\.ts|catalog\/index\.ts|project\/)/;

describe('the built app', () => {
  it('loads no evaluation code with the app entry (the patient panel)', () => {
    const main = staticClosure(chunk('app'));
    const engine = engineSources(main);
    console.info(`[chunks] app entry: ${[...main].join(', ')} — ${gzipKb(main).toFixed(1)} kB gzip`);
    console.info(`[chunks] engine sources with the entry: ${engine.join(', ')}`);
    expect(engine.filter((s) => EVALUATION.test(s))).toEqual([]);
    expect(engine.length).toBeGreaterThan(0); // the map is read: small date/code helpers are there
  });
  it('loads no evaluation code with the population view (report helpers only)', () => {
    const main = staticClosure(chunk('app'));
    const view = [...staticClosure(chunk('population-view'))].filter((f) => !main.has(f));
    const engine = engineSources(view);
    console.info(`[chunks] population view beyond the entry: ${view.join(', ')} — ${gzipKb(view).toFixed(1)} kB gzip`);
    console.info(`[chunks] engine sources with the view: ${engine.join(', ')}`);
    expect(engine.filter((s) => EVALUATION.test(s))).toEqual([]);
    expect(engine.every((s) => s.startsWith('report/'))).toBe(true);
  });
  it('still ships the evaluation, in a chunk loaded on demand and in the worker', () => {
    const lazy = readdirSync(assets()).filter(
      (f) => f.endsWith('.js') && engineSources([f]).includes('evaluate-patient.ts'),
    );
    const main = staticClosure(chunk('app'));
    expect(lazy.some((f) => f.startsWith('evaluation-worker-'))).toBe(true);
    expect(lazy.some((f) => !f.startsWith('evaluation-worker-') && !main.has(f))).toBe(true);
    console.info(`[chunks] evaluation in: ${lazy.map((f) => `${f} ${gzipKb([f]).toFixed(1)} kB gzip`).join(', ')}`);
  });
});
