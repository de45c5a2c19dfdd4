/**
 * Kick-off and status polling of a Bulk Data export over any transport (Bulk Data Access IG 2.0.0
 * export.html): the kick-off is retried on 429/transient errors, the status URL is polled with the
 * server's Retry-After (capped) or an exponential backoff, transient failures are retried up to a
 * budget, and a DELETE cancels. The transport attaches the access token and renews it on a 401
 * (the CLI's backend-services token, the browser's fhirclient session).
 */
import { isAbort, sleep as abortableSleep } from '../retry-policy.ts';
import { BulkExportError, type BulkManifest } from './bulk-manifest.ts';
import { interpretKickoff, interpretStatus, type BulkResponse, type BulkStep } from './bulk-responses.ts';
import { DEFAULT_POLL_POLICY, pollDelayMs, type PollPolicy } from './poll-delay.ts';

/** A request of the bulk client. */
export interface BulkRequest {
  method: 'GET' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends bulk requests with the access token (renewing it once on 401); network failures throw. */
export interface BulkTransport {
  send(request: BulkRequest): Promise<BulkResponse>;
}

/** What happens while an export runs (progress reporting). */
export type BulkEvent =
  | { kind: 'accepted'; statusUrl: string }
  | { kind: 'in-progress'; progress?: string; waitMs: number; polls: number }
  | { kind: 'retry'; reason: string; waitMs: number; failures: number };

/** Timing and limits of a run. */
export interface RunOptions {
  signal?: AbortSignal;
  policy?: PollPolicy;
  /** Consecutive 429/transient failures tolerated before giving up (default 8). */
  maxFailures?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  onEvent?: (event: BulkEvent) => void;
}

/** Headers of a kick-off (the IG: clients SHOULD send both). */
export const KICKOFF_HEADERS = { Accept: 'application/fhir+json', Prefer: 'respond-async' } as const;
/** Headers of a status request (the IG: Accept application/json). */
export const STATUS_HEADERS = { Accept: 'application/json' } as const;

const DEFAULT_MAX_FAILURES = 8;

/** Sends one request and interprets it; a network failure becomes a retry step. */
async function step(
  t: BulkTransport,
  request: BulkRequest,
  interpret: (r: BulkResponse) => BulkStep,
): Promise<BulkStep> {
  try {
    return interpret(await t.send(request));
  } catch (e) {
    if (isAbort(e)) {
      throw e;
    }
    if (e instanceof BulkExportError) {
      return { kind: 'failed', error: e };
    }
    return { kind: 'retry', reason: `network error: ${(e as Error).message}` };
  }
}

/** Repeats `request` while it says retry (within the failure budget); returns the first other step. */
async function untilSettled(
  t: BulkTransport,
  request: BulkRequest,
  interpret: (r: BulkResponse) => BulkStep,
  o: RunOptions,
  onProgress?: (s: BulkStep & { kind: 'in-progress' }, polls: number) => number,
): Promise<BulkStep> {
  const wait = o.sleep ?? abortableSleep;
  const policy = o.policy ?? DEFAULT_POLL_POLICY;
  const max = o.maxFailures ?? DEFAULT_MAX_FAILURES;
  let failures = 0;
  let polls = 0;
  for (;;) {
    const s = await step(t, { ...request, ...(o.signal ? { signal: o.signal } : {}) }, interpret);
    if (s.kind === 'retry') {
      failures++;
      if (failures > max) {
        throw new BulkExportError(`giving up after ${failures} failed attempts: ${s.reason}`);
      }
      const waitMs = pollDelayMs(s.retryAfterMs, failures, policy);
      o.onEvent?.({ kind: 'retry', reason: s.reason, waitMs, failures });
      await wait(waitMs, o.signal);
      continue;
    }
    failures = 0;
    if (s.kind === 'in-progress' && onProgress) {
      polls++;
      await wait(onProgress(s, polls), o.signal);
      continue;
    }
    return s;
  }
}

/** Sends the kick-off; returns the status URL. Throws BulkExportError. */
export async function startExport(t: BulkTransport, kickoffUrl: string, o: RunOptions = {}): Promise<string> {
  const now = o.now ?? Date.now;
  const s = await untilSettled(
    t,
    { method: 'GET', url: kickoffUrl, headers: { ...KICKOFF_HEADERS } },
    (r) => interpretKickoff(r, kickoffUrl, now()),
    o,
  );
  if (s.kind === 'failed') {
    throw s.error;
  }
  if (s.kind !== 'accepted') {
    throw new BulkExportError(`unexpected kick-off answer (${s.kind})`);
  }
  o.onEvent?.({ kind: 'accepted', statusUrl: s.statusUrl });
  return s.statusUrl;
}

/** Polls the status URL until the manifest is ready. Throws BulkExportError (job failed or gone). */
export async function waitForManifest(t: BulkTransport, statusUrl: string, o: RunOptions = {}): Promise<BulkManifest> {
  const now = o.now ?? Date.now;
  const policy = o.policy ?? DEFAULT_POLL_POLICY;
  const s = await untilSettled(
    t,
    { method: 'GET', url: statusUrl, headers: { ...STATUS_HEADERS } },
    (r) => interpretStatus(r, statusUrl, now()),
    o,
    (progress, polls) => {
      const waitMs = pollDelayMs(progress.retryAfterMs, polls, policy);
      o.onEvent?.({
        kind: 'in-progress',
        waitMs,
        polls,
        ...(progress.progress ? { progress: progress.progress } : {}),
      });
      return waitMs;
    },
  );
  if (s.kind === 'failed') {
    throw s.error;
  }
  if (s.kind !== 'complete') {
    throw new BulkExportError(`unexpected status answer (${s.kind})`);
  }
  return s.manifest;
}

/** DELETE on the status URL (cancel, or "done with the files"); true when the server accepted it. */
export async function cancelExport(t: BulkTransport, statusUrl: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const res = await t.send({
      method: 'DELETE',
      url: statusUrl,
      headers: { ...STATUS_HEADERS },
      ...(signal ? { signal } : {}),
    });
    return res.status >= 200 && res.status < 300;
  } catch {
    return false;
  }
}
