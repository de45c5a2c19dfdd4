/**
 * `caregap evaluate` under hostile input and hostile ends, each attack performed for real against
 * the CLI as a child process, with inputs generated on the fly in a temporary folder (streamed,
 * never committed): Ctrl-C, SIGTERM and SIGKILL mid-run leave no copy of the input (PHI) in
 * TMPDIR; an unusable --out fails before any input is read; a record too large for its heap, or
 * over --max-patient-bytes, is reported by file and patient while the others go on; an over-long
 * line is skipped as file:line without being held in memory; nesting 200,000 deep and 20,000 nested
 * Bundles are one rejected resource each; symbolic-link loops end; a FIFO in a folder is skipped;
 * messages give position and reason, never input content; a closed or full output ends the run
 * cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBulkExport } from '../bench/cli-scale.bench.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const P2026 = ['--period-start', '2026-01-01', '--period-end', '2026-12-31'];

let dir: string;
/** A Bulk export of 400 synthetic patients (≈ 18 MB): large enough to interrupt mid-run. */
let bulk: string;

function run(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}
const statsOf = (stderr: string) =>
  JSON.parse(/caregap: stats (\{.*\})/.exec(stderr)![1]!) as {
    patients: number;
    peakRssMB: number;
    tempStoreOnDisk: boolean;
  };
const privateTmp = () => mkdtempSync(join(dir, 'tmp-'));

/** Twenty small patients as ndjson lines (Patient + one Observation each). */
function patientLines(prefix: string, n = 20): string[] {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const id = `${prefix}${k}`;
    out.push(JSON.stringify({ resourceType: 'Patient', id, birthDate: '1970-01-01', gender: 'female' }));
    out.push(
      JSON.stringify({
        resourceType: 'Observation',
        id: `${id}-o`,
        status: 'final',
        subject: { reference: `Patient/${id}` },
        code: { text: 'x' },
        effectiveDateTime: '2026-02-02',
      }),
    );
  }
  return out;
}

/** Writes a file in pieces (never the whole content in memory). */
function streamFile(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    for (const p of pieces) {
      writeSync(fd, p);
    }
  } finally {
    closeSync(fd);
  }
}

/** Runs the CLI, sends `signal` once it is evaluating, and resolves with its exit and stderr (and what TMPDIR held meanwhile). */
function interrupt(
  signal: NodeJS.Signals,
  tmp: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; tmpDuringRun: string[] }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        'evaluate',
        ...P2026,
        '--progress-interval',
        '0.01',
        '--out',
        join(dir, `interrupted-${signal}.json`),
        bulk,
      ],
      { cwd: ROOT, env: { ...process.env, TMPDIR: tmp, CAREGAP_SPILL_BYTES: String(1 << 20) } },
    );
    let stderr = '';
    let tmpDuringRun: string[] = [];
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!child.killed && /caregap: evaluating: \d+ of/.test(stderr)) {
        tmpDuringRun = readdirSync(tmp);
        child.kill(signal);
      }
    });
    child.on('close', (code, sig) => done({ code, signal: sig, stderr, tmpDuringRun }));
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caregap-hostile-'));
  bulk = join(dir, 'export');
  mkdirSync(bulk);
  writeBulkExport(bulk, 400);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregap under hostile input', { timeout: 300_000 }, () => {
  it('Ctrl-C (SIGINT) and SIGTERM mid-run: the temporary copy of the input is gone, the exit status says so', async () => {
    for (const [signal, status] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      const tmp = privateTmp();
      const r = await interrupt(signal, tmp);
      expect(r.code, r.stderr).toBe(status);
      expect(r.stderr).toContain(`caregap: interrupted (${signal}); temporary files removed`);
      // the store had spilled to its file, which never had a name in TMPDIR, during the run or after it
      expect(r.tmpDuringRun).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
    }
  });

  it('SIGKILL mid-run (or the kernel killing it out of memory) leaves nothing either: the file is unlinked while open', async () => {
    const tmp = privateTmp();
    const r = await interrupt('SIGKILL', tmp);
    expect(r.signal).toBe('SIGKILL');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a large input (run again with memory limits, in a child): SIGINT to the parent alone still ends the child cleanly; SIGKILL of the parent ends it too', async () => {
    // four copies of the export (≈ 72 MB) make a "large" input; duplicates are one patient each
    const large = join(dir, 'large');
    for (const copy of ['a', 'b', 'c', 'd']) {
      mkdirSync(join(large, copy), { recursive: true });
      for (const f of readdirSync(bulk)) {
        symlinkSync(join(bulk, f), join(large, copy, f));
      }
    }
    const start = (tmp: string, out: string) =>
      spawn(process.execPath, [CLI, 'evaluate', ...P2026, '--progress-interval', '0.01', '--out', out, large], {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: tmp },
      });
    const tmp = privateTmp();
    const interrupted = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = start(tmp, join(dir, 'large-int.json'));
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (!child.killed && /caregap: evaluating: \d+ of/.test(stderr)) {
          child.kill('SIGINT');
        }
      });
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(interrupted.code, interrupted.stderr).toBe(130);
    expect(interrupted.stderr.match(/interrupted \(SIGINT\)/g)).toHaveLength(1);
    expect(readdirSync(tmp)).toEqual([]);
    // SIGKILL of the parent: the orphaned child notices within a second and ends as on SIGTERM
    const out = join(dir, `large-killed-${process.pid}.json`);
    const killed = await new Promise<string>((done) => {
      const child = start(tmp, out);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (!child.killed && /caregap: evaluating: \d+ of/.test(stderr)) {
          child.kill('SIGKILL');
        }
      });
      child.on('close', () => done(stderr));
    });
    expect(killed).toMatch(/caregap: evaluating/);
    let alive = true;
    for (let k = 0; k < 50 && alive; k++) {
      await new Promise((r) => setTimeout(r, 200));
      alive = spawnSync('pgrep', ['-f', out]).status === 0;
    }
    expect(alive).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('checks --out before reading any input: a directory or a missing folder is a usage error (exit 2), nothing is read', () => {
    for (const [out, why] of [
      [dir, 'EISDIR (it is a directory)'],
      [join(dir, 'no/such/folder/out.json'), 'ENOENT (its folder does not exist)'],
    ] as const) {
      const r = run({}, 'evaluate', ...P2026, '--out', out, join(dir, 'missing-input.ndjson'), bulk);
      expect(r.code).toBe(2);
      // only the --out problem: the missing input was never looked at
      expect(r.stderr).toBe(`caregap: cannot write --out ${out}: ${why}\n`);
    }
  });

  it('reports a patient over --max-patient-bytes by file, line and patient, keeps nothing more of it, and evaluates the others', () => {
    const file = join(dir, 'oversized.ndjson');
    const obs = (k: number) =>
      JSON.stringify({
        resourceType: 'Observation',
        id: `big-o${k}`,
        status: 'final',
        subject: { reference: 'Patient/big' },
        code: { text: 'heart rate' },
        valueQuantity: { value: 70 + (k % 30), unit: '/min' },
        effectiveDateTime: '2026-03-01T10:00:00Z',
      });
    streamFile(
      file,
      (function* () {
        yield JSON.stringify({ resourceType: 'Patient', id: 'big', birthDate: '1950-01-01' }) + '\n';
        for (let k = 0; k < 300_000; k++) {
          yield obs(k) + '\n';
        }
        for (const l of patientLines('ok')) {
          yield l + '\n';
        }
      })(),
    );
    const r = run({}, 'evaluate', ...P2026, '--measure', 'cms2', '--max-patient-bytes', '8M', '--stats', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `caregap: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: Patient/big: record larger than --max-patient-bytes \\(8 MiB\\): patient not evaluated`,
      ),
    );
    expect(r.lines).toHaveLength(20);
    expect(statsOf(r.stderr).peakRssMB).toBeLessThan(250);
  });

  it('a record too large for the heap is reported (file, patient) and skipped while the others go on', () => {
    const file = join(dir, 'heavy.ndjson');
    streamFile(
      file,
      (function* () {
        yield* patientLines('a', 5).map((l) => l + '\n');
        yield JSON.stringify({ resourceType: 'Patient', id: 'heavy', birthDate: '1950-01-01' }) + '\n';
        for (let k = 0; k < 60_000; k++) {
          yield (
            JSON.stringify({
              resourceType: 'Observation',
              id: `h${k}`,
              status: 'final',
              subject: { reference: 'Patient/heavy' },
              code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
              valueQuantity: { value: k % 120 },
              effectiveDateTime: '2026-03-01T10:00:00Z',
            }) + '\n'
          );
        }
        yield* patientLines('z', 5).map((l) => l + '\n');
      })(),
    );
    // the same 60,000 Observations as ONE line, a Bundle: too large to parse on the main thread,
    // parsed apart, and too large for that heap as well
    const bundleFile = join(dir, 'heavy-bundle.ndjson');
    streamFile(
      bundleFile,
      (function* () {
        yield patientLines('b', 1).join('\n') + '\n';
        yield '{"resourceType":"Bundle","type":"collection","entry":[';
        for (let k = 0; k < 60_000; k++) {
          yield `${k ? ',' : ''}{"resource":${JSON.stringify({ resourceType: 'Observation', id: `hb${k}`, status: 'final', subject: { reference: 'Patient/b0' }, code: { text: 'x' }, valueQuantity: { value: k % 120 } })}}`;
        }
        yield ']}\n';
        yield patientLines('y', 1).join('\n') + '\n';
      })(),
    );
    // 60,000 Observations (≈ 11 MB of JSON) cannot be evaluated, nor parsed as one Bundle, in a 16 MB heap
    const r = run({}, 'evaluate', ...P2026, '--measure', 'all', '--patient-heap-mb', '16', file, bundleFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /caregap: .*heavy\.ndjson:11: Patient\/heavy: record of [\d.]+ \w+ of JSON ran out of memory \(--patient-heap-mb 16\): patient not evaluated/,
    );
    expect(r.stderr).toContain(
      `caregap: ${bundleFile}:3: too large to parse in the memory allowed (--patient-heap-mb): not read`,
    );
    expect(r.lines.map((l) => JSON.parse(l).patient)).toEqual([
      ...[0, 1, 2, 3, 4].map((k) => `Patient/a${k}`),
      ...[0, 1, 2, 3, 4].map((k) => `Patient/z${k}`),
      'Patient/b0',
      'Patient/y0',
    ]);
  });

  it('skips a 256 MiB line as file:line without holding it in memory; every patient after it is evaluated', () => {
    const file = join(dir, 'long-line.ndjson');
    const chunk = 'x'.repeat(1 << 20);
    streamFile(
      file,
      (function* () {
        yield patientLines('before', 1).join('\n') + '\n';
        yield '{"resourceType":"Observation","note":"';
        for (let k = 0; k < 256; k++) {
          yield chunk;
        }
        yield '"}\n';
        yield patientLines('after', 19).join('\n') + '\n';
      })(),
    );
    const r = run({}, 'evaluate', ...P2026, '--measure', 'cms2', '--stats', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`caregap: ${file}:3: line longer than --max-line-bytes (64 MiB): not read`);
    expect(r.lines).toHaveLength(20);
    expect(statsOf(r.stderr).peakRssMB).toBeLessThan(200);
  });

  it('rejects nesting 200,000 deep and 20,000 nested Bundles as one resource each (file:line), and evaluates everything else', () => {
    const ndjsonFile = join(dir, 'deep.ndjson');
    const nestedBundles = (n: number) =>
      (function* () {
        for (let k = 0; k < n; k++) {
          yield '{"resourceType":"Bundle","type":"collection","entry":[{"resource":';
        }
        yield '{"resourceType":"Patient","id":"inner"}';
        for (let k = 0; k < n; k++) {
          yield '}]}';
        }
      })();
    streamFile(
      ndjsonFile,
      (function* () {
        yield patientLines('d', 10).join('\n') + '\n';
        yield `{"resourceType":"Observation","id":"deep","subject":{"reference":"Patient/d0"},"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}\n`;
        yield* nestedBundles(20_000);
        yield '\n' + patientLines('e', 10).join('\n') + '\n';
      })(),
    );
    const jsonFile = join(dir, 'nested-bundles.json');
    streamFile(jsonFile, nestedBundles(20_000));
    const r = run({}, 'evaluate', ...P2026, '--measure', 'cms2', ndjsonFile, jsonFile);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.includes('nested deeper'))).toEqual([
      `caregap: ${ndjsonFile}:21: nested deeper than 100 levels: not read`,
      `caregap: ${ndjsonFile}:22: nested deeper than 100 levels: not read`,
      `caregap: ${jsonFile}:1: Bundle entry[0]: nested deeper than 100 levels: not read`,
    ]);
    expect(r.lines).toHaveLength(20);
    expect(r.stderr).not.toContain('RangeError');
  });

  it('ends a directory walk on symbolic-link loops (links are followed, each folder read once) and skips a FIFO', () => {
    const tree = join(dir, 'loops');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'sub', 'Patient.ndjson'), patientLines('loop', 3).join('\n') + '\n');
    symlinkSync('.', join(tree, 'self-a'));
    symlinkSync('.', join(tree, 'self-b'));
    symlinkSync('..', join(tree, 'sub', 'up'));
    const fifo = join(tree, 'pipe.ndjson');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = run({}, 'evaluate', ...P2026, '--measure', 'cms2', tree);
    expect(r.stderr).toBe(
      `caregap: ${fifo}: not a regular file: not read\ncaregap: 1 input problem; 3 patients evaluated\n`,
    );
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => JSON.parse(l).patient)).toEqual(['Patient/loop0', 'Patient/loop1', 'Patient/loop2']);
    expect(run({}, '--help').stdout).toContain('Symbolic links are followed');
  });

  it('names position and reason, never the input: a line of /etc/passwd, a name, a bad Bundle type', () => {
    const file = join(dir, 'leaky.ndjson');
    writeFileSync(
      file,
      [
        'root:x:0:0:root:/root:/bin/bash',
        ...patientLines('l', 2),
        'Ana Lopez, 1970-01-01, 555-0100',
        '{"resourceType":"Bundle","type":"Ana Lopez","entry":[]}',
        '{"resourceType":"Patient","id":"Ana Lopez"}',
        '{"resourceType":"Observation","subject":{"reference":"Patient/l0"},"note":"Ana Lopez",}',
        '{"resourceType":"Patient","birthDate":"1970-01-01","name":[{"text":"Ana Lopez"}]}',
      ].join('\n') + '\n',
    );
    const r = run({}, 'evaluate', ...P2026, '--measure', 'cms2', file);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/root:|Ana|Lopez|555-0100|bash/);
    expect(r.stderr).toContain(`${file}:1: invalid JSON (character 1 of the resource: unexpected character)`);
    expect(r.stderr).toContain(`${file}:6: invalid JSON (character 1 of the resource: unexpected character)`);
    expect(r.stderr).toContain(`${file}:7: Bundle of the wrong type (Bundle.type must be one of`);
    expect(r.stderr).toMatch(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9: invalid JSON \\(character \\d+ of the resource: unexpected character\\)`,
      ),
    );
    // a Patient the run cannot name is reported, not dropped in silence
    expect(r.stderr).toContain(`${file}:10: a Patient without an id (nor a fullUrl to take it from): not evaluated`);
  });

  it('ends cleanly when the output fails: a closed pipe (EPIPE) or a full disk (/dev/full)', async () => {
    const tmp = privateTmp();
    const closed = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [CLI, 'evaluate', ...P2026, bulk], {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: tmp, CAREGAP_SPILL_BYTES: String(1 << 20) },
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // the reader goes away after the first bytes, as `| head -c 1` would
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain('caregap: cannot write standard output: EPIPE');
    expect(readdirSync(tmp)).toEqual([]);
    const full = run({ TMPDIR: tmp }, 'evaluate', ...P2026, '--out', '/dev/full', bulk);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain('caregap: cannot write --out /dev/full: ENOSPC');
    expect(readdirSync(tmp)).toEqual([]);
  });
});
