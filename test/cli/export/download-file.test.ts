/**
 * Resumable, verified downloads of Bulk Data output files against a local HTTP server that
 * misbehaves on purpose: a connection that stalls mid-line (resumed with Range from the last complete
 * line), a server that ignores Range (fetched again from the start), a clean but short body
 * (caught by the manifest's count), a 503 with Retry-After, an OperationOutcome sent with 200
 * instead of the file, and a count that never matches (fails, leaving no file behind).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile } from '../../../src/cli/export/download-file.ts';

const LINES = Array.from({ length: 40 }, (_, i) =>
  JSON.stringify({ resourceType: 'Observation', id: `obs-${i}`, status: 'final', valueString: 'x'.repeat(i * 7) }),
);
const BODY = Buffer.from(LINES.join('\n') + '\n');

type Behaviour = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;
let behaviour: Behaviour = () => {};
let attempts = 0;
const ranges: (string | undefined)[] = [];
let server: Server;
let url = '';
let dir = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    attempts++;
    ranges.push(req.headers.range);
    behaviour(req, res, attempts);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/files/1.Observation.ndjson`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
afterEach(() => {
  attempts = 0;
  ranges.length = 0;
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Serves BODY, honouring a `bytes=N-` range. */
function serve(req: IncomingMessage, res: ServerResponse, honourRange = true): void {
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (m && honourRange) {
    const start = Number(m[1]);
    res.writeHead(206, {
      'Content-Type': 'application/fhir+ndjson',
      'Content-Range': `bytes ${start}-${BODY.length - 1}/${BODY.length}`,
      'Content-Length': BODY.length - start,
    });
    res.end(BODY.subarray(start));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/fhir+ndjson', 'Content-Length': BODY.length });
  res.end(BODY);
}

/**
 * Sends the first `bytes` bytes (mid-line) under a full Content-Length, then stalls: the client's
 * idle timeout ends the attempt after those bytes surely arrived (a destroyed socket may lose them
 * in flight, which would make the test depend on timing); the socket is destroyed a little later.
 */
function stallAfter(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'Content-Type': 'application/fhir+ndjson', 'Content-Length': BODY.length });
  res.write(BODY.subarray(0, bytes));
  setTimeout(() => res.socket?.destroy(), 2000).unref();
}

function run(count: number | undefined = LINES.length, extra: Partial<Parameters<typeof downloadFile>[0]> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'caregap-dl-'));
  const dest = join(dir, 'Observation.ndjson');
  const waits: number[] = [];
  const promise = downloadFile({
    file: { type: 'Observation', url, ...(count !== undefined ? { count } : {}) },
    dest,
    fetchFile: (u, init) => fetch(u, init),
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  });
  return { dest, waits, promise };
}

describe('downloadFile', () => {
  it('resumes a dropped connection with Range from the last complete line', async () => {
    const cut = BODY.indexOf('\n', 1500) + 40; // mid-way through a line
    behaviour = (req, res, n) => (n === 1 ? stallAfter(res, cut) : serve(req, res));
    const { dest, promise } = run(LINES.length, { idleTimeoutMs: 300 });
    const result = await promise;
    expect(result).toMatchObject({ lines: LINES.length, bytes: BODY.length, attempts: 2, resumed: 1 });
    expect(ranges[1]).toBe(`bytes=${BODY.lastIndexOf('\n', cut) + 1}-`);
    expect(readFileSync(dest)).toEqual(BODY);
    expect(existsSync(`${dest}.part`)).toBe(false);
  });

  it('starts again from byte 0 when the server ignores Range (200 instead of 206)', async () => {
    behaviour = (req, res, n) => (n === 1 ? stallAfter(res, 2000) : serve(req, res, false));
    const { dest, promise } = run(LINES.length, { idleTimeoutMs: 300 });
    expect(await promise).toMatchObject({ lines: LINES.length, attempts: 2, resumed: 0 });
    expect(readFileSync(dest)).toEqual(BODY);
  });

  it('notices a clean but short body by the manifest count and fetches the rest', async () => {
    const half = Buffer.from(LINES.slice(0, 20).join('\n') + '\n');
    behaviour = (req, res, n) => {
      if (n > 1) {
        return serve(req, res);
      }
      res.writeHead(200, { 'Content-Type': 'application/fhir+ndjson', 'Content-Length': half.length });
      res.end(half);
    };
    const { dest, promise } = run();
    expect(await promise).toMatchObject({ lines: 40, attempts: 2, resumed: 1 });
    expect(ranges[1]).toBe(`bytes=${half.length}-`);
    expect(readFileSync(dest)).toEqual(BODY);
  });

  it('waits as long as a 503’s Retry-After says', async () => {
    behaviour = (req, res, n) => {
      if (n > 1) {
        return serve(req, res);
      }
      res.writeHead(503, { 'Retry-After': '3', 'Content-Type': 'application/fhir+json' });
      res.end(
        JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'transient', diagnostics: 'busy' }],
        }),
      );
    };
    const retries: string[] = [];
    const { waits, promise } = run(LINES.length, { onRetry: (reason) => retries.push(reason) });
    expect(await promise).toMatchObject({ attempts: 2 });
    expect(waits).toEqual([3000]);
    expect(retries).toEqual(['HTTP 503: busy']);
  });

  it('treats an OperationOutcome sent with 200 in place of the file as a failed attempt', async () => {
    behaviour = (req, res, n) => {
      if (n > 1) {
        return serve(req, res);
      }
      res.writeHead(200, { 'Content-Type': 'application/fhir+ndjson' });
      res.end(
        JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'processing', diagnostics: 'file failed' }],
        }),
      );
    };
    const retries: string[] = [];
    const { dest, promise } = run(undefined, { onRetry: (reason) => retries.push(reason) });
    expect(await promise).toMatchObject({ lines: 40, attempts: 2 });
    expect(retries[0]).toBe('the file holds OperationOutcome, not Observation (file failed)');
    expect(readFileSync(dest)).toEqual(BODY);
  });

  it('fails after its attempts when the count never matches, and leaves no file', async () => {
    behaviour = (req, res) => serve(req, res, false);
    const short = run(41, { maxAttempts: 3 });
    await expect(short.promise).rejects.toThrow(
      /did not complete after 3 attempts: got 40 of 41 resources \(the manifest's count\)/,
    );
    expect(existsSync(short.dest)).toBe(false);
    expect(existsSync(`${short.dest}.part`)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
    const long = run(39, { maxAttempts: 2 });
    await expect(long.promise).rejects.toThrow(/got 40 resources but the manifest's count is 39/);
    expect(existsSync(long.dest)).toBe(false);
  });

  it('fails at once on a 404 (the file expired) with the server’s words', async () => {
    behaviour = (_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/fhir+json' });
      res.end(
        JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'not-found', diagnostics: 'export expired' }],
        }),
      );
    };
    await expect(run().promise).rejects.toThrow(/HTTP 404: export expired/);
    expect(attempts).toBe(1);
  });

  it('accepts a last line without its newline when no count is given', async () => {
    const noFinalNewline = BODY.subarray(0, BODY.length - 1);
    behaviour = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/fhir+ndjson', 'Content-Length': noFinalNewline.length });
      res.end(noFinalNewline);
    };
    expect(await run(undefined).promise).toMatchObject({ lines: 40, attempts: 1 });
  });
});
