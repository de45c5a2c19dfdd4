/**
 * `npm run bench`: imports every `test/bench/*.bench.ts`, runs its exported `main()` one after the
 * other (benchmarks must not compete for the CPU), and prints one table of every figure they
 * return. A benchmark that throws is reported and makes the exit status non-zero; the others still run.
 * Run one benchmark alone with `npx tsx test/bench/<name>.bench.ts`; restrict with
 * `npm run bench -- <substring>…`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const HERE = import.meta.dirname;

/** One row of the final table. */
interface FigureRow {
  bench: string;
  figure: string;
  value: string;
}

/** Formats a figure value: numbers rounded sensibly, the rest as text. */
function show(v: unknown): string {
  if (typeof v === 'number') {
    return Number.isInteger(v) ? String(v) : Math.abs(v) < 1 ? v.toFixed(3) : v.toFixed(1);
  }
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) {
    return v.join(', ');
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Flattens whatever a `main()` returned into figure rows (objects → dotted keys, arrays → indexes). */
export function flatten(bench: string, value: unknown, prefix = ''): FigureRow[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (Array.isArray(value) && value.some((x) => x && typeof x === 'object')) {
    return value.flatMap((x, i) => {
      const label =
        x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string'
          ? (x as { name: string }).name
          : String(i);
      return flatten(bench, x, `${prefix}${label}.`);
    });
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !(k === 'name' && prefix === ''))
      .flatMap(([k, v]) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? flatten(bench, v, `${prefix}${k}.`)
          : flatten(bench, v, `${prefix}${k}`),
      );
  }
  return [{ bench, figure: prefix.replace(/\.$/, '') || 'result', value: show(value) }];
}

/** Runs every benchmark sequentially; returns the exit status. */
export async function runAll(filters: readonly string[]): Promise<number> {
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
    .sort();
  const rows: FigureRow[] = [];
  let failed = 0;
  for (const file of files) {
    const bench = file.replace(/\.bench\.ts$/, '');
    console.log(`\n=== ${bench} ===`);
    const started = performance.now();
    try {
      const mod = (await import(pathToFileURL(join(HERE, file)).href)) as { main?: () => unknown };
      if (typeof mod.main !== 'function') {
        console.log(`${file} exports no main(): skipped`);
        rows.push({ bench, figure: 'skipped', value: 'no main() export' });
        continue;
      }
      const result = await mod.main();
      rows.push(...flatten(bench, result));
      rows.push({ bench, figure: 'wall time (s)', value: ((performance.now() - started) / 1000).toFixed(1) });
    } catch (e) {
      failed++;
      console.error(`${file} failed:`, e);
      rows.push({ bench, figure: 'FAILED', value: String((e as Error).message ?? e) });
    }
  }
  console.log('\n=== all benchmark figures ===');
  console.table(rows);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAll(process.argv.slice(2));
}
