/**
 * The transport-independent Bulk Data client (Bulk Data Access IG 2.0.0 export.html): manifest
 * validation, kick-off URL, what each kick-off/status response means (transient vs fatal), the
 * polling delays (Retry-After capped, backoff without it) and the kick-off/poll loop over a fake
 * transport that rate-limits, fails transiently and renews nothing itself.
 */
import { describe, expect, it } from 'vitest';
import { BulkExportError, parseManifest } from '../../../src/fhir/bulk-export/bulk-manifest.ts';
import { interpretKickoff, interpretStatus, type BulkResponse } from '../../../src/fhir/bulk-export/bulk-responses.ts';
import { exportKickoffUrl } from '../../../src/fhir/bulk-export/kickoff-url.ts';
import { isInstant } from '../../../src/fhir/bulk-export/instant.ts';
import { pollDelayMs } from '../../../src/fhir/bulk-export/poll-delay.ts';
import {
  cancelExport,
  startExport,
  waitForManifest,
  type BulkRequest,
  type BulkTransport,
} from '../../../src/fhir/bulk-export/run-bulk-export.ts';

const STATUS = 'https://ehr.example/fhir/bulk-status/1';
const NOW = Date.parse('2026-03-02T15:00:00Z');

function res(status: number, headers: Record<string, string> = {}, body = ''): BulkResponse {
  const h = new Headers(headers);
  return { status, headers: h, body };
}

const oo = (code: string, text: string) =>
  JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] });

describe('manifest', () => {
  const good = {
    transactionTime: '2026-03-02T15:00:00Z',
    request: 'x',
    requiresAccessToken: true,
    output: [{ type: 'Patient', url: 'https://files.example/1.ndjson', count: 3 }],
    error: [],
  };

  it('reads the required fields, resolves relative file URLs and keeps count optional', () => {
    const m = parseManifest(
      { ...good, output: [...good.output, { type: 'Observation', url: '../files/2.ndjson' }] },
      STATUS,
    );
    expect(m.output).toEqual([
      { type: 'Patient', url: 'https://files.example/1.ndjson', count: 3 },
      { type: 'Observation', url: 'https://ehr.example/fhir/files/2.ndjson' },
    ]);
    expect(m.deleted).toEqual([]);
    expect(parseManifest({ ...good, error: undefined }, STATUS).error).toEqual([]);
  });

  it('names the field when the manifest is malformed', () => {
    const bad: [unknown, RegExp][] = [
      [[], /not a JSON object/],
      [{ ...good, transactionTime: 'yesterday' }, /transactionTime/],
      [{ ...good, requiresAccessToken: 'yes' }, /requiresAccessToken/],
      [{ ...good, output: {} }, /output must be an array/],
      [{ ...good, output: [{ type: 'patient', url: 'https://x/1' }] }, /output\[0\]\.type/],
      [{ ...good, output: [{ type: 'Patient', url: 'ftp://x/1' }] }, /output\[0\]\.url must be http/],
      [{ ...good, output: [{ type: 'Patient', url: 'https://x/1', count: -1 }] }, /output\[0\]\.count/],
      [{ ...good, error: [{ type: 'OperationOutcome' }] }, /error\[0\]\.url is missing/],
    ];
    for (const [body, message] of bad) {
      expect(() => parseManifest(body, STATUS)).toThrow(message);
    }
  });
});

describe('kick-off URL and instants', () => {
  it('builds Group and Patient kick-offs with _type and a percent-encoded _since', () => {
    expect(
      exportKickoffUrl('https://ehr.example/fhir/', {
        groupId: 'attributed',
        types: ['Patient', 'Observation'],
        since: '2026-01-01T00:00:00+01:00',
      }),
    ).toBe(
      'https://ehr.example/fhir/Group/attributed/$export?_type=Patient,Observation&_since=2026-01-01T00%3A00%3A00%2B01%3A00',
    );
    expect(exportKickoffUrl('https://ehr.example/r4', {})).toBe('https://ehr.example/r4/Patient/$export');
  });

  it('accepts FHIR instants only (seconds and a zone required)', () => {
    for (const ok of ['2026-01-01T00:00:00Z', '2026-01-01T23:59:59.123+05:30', '2026-12-31T12:00:00-14:00']) {
      expect(isInstant(ok), ok).toBe(true);
    }
    for (const bad of [
      '2026-01-01',
      '2026-01-01T00:00Z',
      '2026-01-01T00:00:00',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
    ]) {
      expect(isInstant(bad), bad).toBe(false);
    }
  });
});

describe('responses', () => {
  it('kick-off: 202 + Content-Location is accepted (relative resolved); 202 without it or a 200 is a failure', () => {
    expect(
      interpretKickoff(
        res(202, { 'Content-Location': '/fhir/bulk-status/9' }),
        'https://ehr.example/fhir/Patient/$export',
        NOW,
      ),
    ).toEqual({ kind: 'accepted', statusUrl: 'https://ehr.example/fhir/bulk-status/9' });
    expect(interpretKickoff(res(202), 'https://ehr.example/fhir/Patient/$export', NOW)).toMatchObject({
      kind: 'failed',
    });
    expect(interpretKickoff(res(200, {}, '{}'), 'https://ehr.example/fhir/Patient/$export', NOW)).toMatchObject({
      kind: 'failed',
    });
  });

  it('status: 202 carries Retry-After (seconds or HTTP date) and X-Progress; 200 is the manifest', () => {
    expect(interpretStatus(res(202, { 'Retry-After': '120', 'X-Progress': '50% complete' }), STATUS, NOW)).toEqual({
      kind: 'in-progress',
      retryAfterMs: 120_000,
      progress: '50% complete',
    });
    expect(interpretStatus(res(202, { 'Retry-After': new Date(NOW + 30_000).toUTCString() }), STATUS, NOW)).toEqual({
      kind: 'in-progress',
      retryAfterMs: 30_000,
    });
    const done = interpretStatus(
      res(
        200,
        {},
        JSON.stringify({
          transactionTime: '2026-03-02T15:00:00Z',
          request: 'r',
          requiresAccessToken: false,
          output: [],
          error: [],
        }),
      ),
      STATUS,
      NOW,
    );
    expect(done).toMatchObject({ kind: 'complete', manifest: { requiresAccessToken: false } });
    expect(interpretStatus(res(200, {}, 'not json'), STATUS, NOW)).toMatchObject({ kind: 'failed' });
  });

  it('retries 429, a 5xx with a transient issue code and a 5xx without an OperationOutcome; fails other errors with the server’s words', () => {
    expect(interpretStatus(res(429, { 'Retry-After': '7' }, oo('throttled', 'slow down')), STATUS, NOW)).toMatchObject({
      kind: 'retry',
      retryAfterMs: 7000,
    });
    expect(interpretStatus(res(500, {}, oo('transient', 'try again')), STATUS, NOW)).toMatchObject({ kind: 'retry' });
    expect(interpretStatus(res(500, {}, oo('exception', 'db hiccup')), STATUS, NOW)).toMatchObject({ kind: 'retry' });
    expect(interpretStatus(res(503, {}, '<html>proxy</html>'), STATUS, NOW)).toMatchObject({ kind: 'retry' });
    const failed = interpretStatus(res(500, {}, oo('processing', 'An internal timeout has occurred')), STATUS, NOW);
    expect(failed.kind).toBe('failed');
    expect((failed as { error: BulkExportError }).error.message).toBe(
      'status request failed: HTTP 500: An internal timeout has occurred',
    );
    expect(interpretStatus(res(404, {}, oo('not-found', 'gone')), STATUS, NOW)).toMatchObject({
      kind: 'failed',
      error: { status: 404 },
    });
    expect(interpretKickoff(res(400, {}, oo('value', '_since is wrong')), STATUS, NOW)).toMatchObject({
      kind: 'failed',
      error: { message: 'kick-off failed: HTTP 400: _since is wrong' },
    });
  });
});

describe('poll delays', () => {
  it('honours Retry-After up to the cap and backs off exponentially without it', () => {
    const policy = { initialMs: 1000, factor: 2, maxMs: 10_000 };
    expect(pollDelayMs(3000, 5, policy)).toBe(3000);
    expect(pollDelayMs(86_400_000, 1, policy)).toBe(10_000);
    expect([1, 2, 3, 4, 5].map((n) => pollDelayMs(undefined, n, policy))).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });
});

/** A scripted transport: answers each request with the next response for its method+URL. */
function scripted(script: Record<string, (BulkResponse | Error)[]>): BulkTransport & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    async send(r: BulkRequest) {
      const key = `${r.method} ${r.url}`;
      log.push(`${key} ${JSON.stringify(r.headers)}`);
      const next = script[key]?.shift();
      if (!next) {
        throw new Error(`unscripted ${key}`);
      }
      if (next instanceof Error) {
        throw next;
      }
      return next;
    },
  };
}

describe('kick-off and polling loop', () => {
  const KICKOFF = 'https://ehr.example/fhir/Group/g/$export';
  const manifest = JSON.stringify({
    transactionTime: '2026-03-02T15:00:00Z',
    request: KICKOFF,
    requiresAccessToken: true,
    output: [],
    error: [],
  });

  it('retries a busy kick-off after Retry-After, polls with the server’s Retry-After or backoff, survives a network error and a transient 500', async () => {
    const t = scripted({
      [`GET ${KICKOFF}`]: [res(429, { 'Retry-After': '4' }), res(202, { 'Content-Location': STATUS })],
      [`GET ${STATUS}`]: [
        res(202, { 'Retry-After': '2', 'X-Progress': '10%' }),
        new TypeError('fetch failed'),
        res(500, {}, oo('transient', 'later')),
        res(202),
        res(200, {}, manifest),
      ],
    });
    const waits: number[] = [];
    const events: string[] = [];
    const o = {
      sleep: async (ms: number) => void waits.push(ms),
      now: () => NOW,
      onEvent: (e: { kind: string }) => events.push(e.kind),
    };
    const status = await startExport(t, KICKOFF, o);
    expect(status).toBe(STATUS);
    const m = await waitForManifest(t, status, o);
    expect(m.transactionTime).toBe('2026-03-02T15:00:00Z');
    // 4 s (429), 2 s (Retry-After), 1 s + 1.5 s (network, transient: backoff), 1.5 s (202 without Retry-After, 2nd poll)
    expect(waits).toEqual([4000, 2000, 1000, 1500, 1500]);
    expect(events).toEqual(['retry', 'accepted', 'in-progress', 'retry', 'retry', 'in-progress']);
    expect(t.log[0]).toContain('"Prefer":"respond-async"');
    expect(t.log[0]).toContain('"Accept":"application/fhir+json"');
    expect(t.log[2]).toContain('"Accept":"application/json"');
  });

  it('gives up after the failure budget, and reports a failed job with the server’s message', async () => {
    const t = scripted({ [`GET ${STATUS}`]: Array.from({ length: 4 }, () => res(503)) });
    await expect(waitForManifest(t, STATUS, { sleep: async () => {}, maxFailures: 3 })).rejects.toThrow(
      /giving up after 4 failed attempts/,
    );
    const f = scripted({ [`GET ${STATUS}`]: [res(500, {}, oo('processing', 'export failed'))] });
    await expect(waitForManifest(f, STATUS, { sleep: async () => {} })).rejects.toThrow(
      'status request failed: HTTP 500: export failed',
    );
  });

  it('stops waiting when aborted, and cancels with DELETE', async () => {
    const t = scripted({ [`GET ${STATUS}`]: [res(202, { 'Retry-After': '60' })], [`DELETE ${STATUS}`]: [res(202)] });
    const ac = new AbortController();
    const pending = waitForManifest(t, STATUS, {
      signal: ac.signal,
      sleep: (_ms, signal) =>
        new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    });
    setTimeout(() => ac.abort(new BulkExportError('interrupted')), 10);
    await expect(pending).rejects.toThrow('interrupted');
    expect(await cancelExport(t, STATUS)).toBe(true);
  });
});
