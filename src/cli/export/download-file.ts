/**
 * Downloads one Bulk Data output file to disk (Bulk Data Access IG 2.0.0 export.html §"Bulk Data
 * Output File Request"), streaming, with retries and resume: a 429/5xx or a dropped connection is
 * retried (Retry-After honoured, else backoff); a retry after bytes arrived asks for the rest with
 * `Range: bytes=N-` from the last complete line (a server that ignores Range answers 200 and the
 * file is fetched again from the start). When the manifest gives `count`, the number of lines is
 * checked against it and a short file is resumed or fetched again. The file is written as
 * `<dest>.part` and renamed when complete, so a finished name always means a verified file.
 */
import { open, rename, truncate, rm } from 'node:fs/promises';
import { parseRetryAfter } from '../../fhir/fhir-http-error.ts';
import { BulkExportError, type ManifestFile } from '../../fhir/bulk-export/bulk-manifest.ts';
import { outcomeOf } from '../../fhir/bulk-export/bulk-responses.ts';
import { DEFAULT_POLL_POLICY, pollDelayMs, type PollPolicy } from '../../fhir/bulk-export/poll-delay.ts';
import { operationOutcomeText } from '../../fhir/fhir-http-error.ts';
import { sleep as abortableSleep } from '../../fhir/retry-policy.ts';
import { firstResourceType, LineCounter, pipeBody } from './ndjson-stream.ts';

/** Fetches a file URL (with or without the token, decided by the caller). */
export type FileFetch = (url: string, init: RequestInit & { headers: Record<string, string> }) => Promise<Response>;

/** Options of one download. */
export interface DownloadOptions {
  file: ManifestFile;
  dest: string;
  fetchFile: FileFetch;
  /** Attempts in all (default 6). */
  maxAttempts?: number;
  /** No byte for this long = a dead connection (default 60 s). */
  idleTimeoutMs?: number;
  policy?: PollPolicy;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  onRetry?: (reason: string, attempt: number, waitMs: number) => void;
  onBytes?: (n: number) => void;
}

/** What a download did. */
export interface DownloadResult {
  lines: number;
  bytes: number;
  attempts: number;
  /** Attempts that resumed with a Range request (answered 206). */
  resumed: number;
}

/** The `start` of a `Content-Range: bytes start-end/len` header. */
function rangeStart(header: string | null): number | undefined {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Downloads `file` to `dest`; throws BulkExportError when it cannot be completed. */
export async function downloadFile(o: DownloadOptions): Promise<DownloadResult> {
  const part = `${o.dest}.part`;
  const max = o.maxAttempts ?? 6;
  const idle = o.idleTimeoutMs ?? 60_000;
  const wait = o.sleep ?? abortableSleep;
  const now = o.now ?? Date.now;
  const policy = o.policy ?? DEFAULT_POLL_POLICY;
  let kept = { bytes: 0, lines: 0 }; // verified complete lines already in the .part file
  let resumed = 0;
  let lastProblem = '';
  /** Retry-After of the last failed attempt, when it gave one. */
  let retryAfterMs: number | undefined;
  const fh0 = await open(part, 'w');
  await fh0.close();
  for (let attempt = 1; attempt <= max; attempt++) {
    if (attempt > 1) {
      const waitMs = pollDelayMs(retryAfterMs, attempt - 1, policy);
      o.onRetry?.(lastProblem, attempt, waitMs);
      await wait(waitMs, o.signal);
    }
    retryAfterMs = undefined;
    const headers: Record<string, string> = { Accept: 'application/fhir+ndjson' };
    if (kept.bytes > 0) {
      headers.Range = `bytes=${kept.bytes}-`;
    }
    const abort = new AbortController();
    const signal = o.signal ? AbortSignal.any([o.signal, abort.signal]) : abort.signal;
    let res: Response;
    try {
      res = await o.fetchFile(o.file.url, { headers, signal });
    } catch (e) {
      if (o.signal?.aborted) {
        throw e;
      }
      lastProblem = `network error: ${(e as Error).message}`;
      continue;
    }
    if (res.status === 416 && kept.bytes > 0) {
      // we asked for bytes past the end: what we have is the whole file
      await res.body?.cancel();
      if (o.file.count === undefined || kept.lines === o.file.count) {
        await rename(part, o.dest);
        return { lines: kept.lines, bytes: kept.bytes, attempts: attempt, resumed };
      }
      lastProblem = `the server says the file ends after ${kept.lines} of ${o.file.count} resources`;
      kept = { bytes: 0, lines: 0 };
      continue;
    }
    if (res.status === 429 || res.status >= 500) {
      const body = await res.text().catch(() => '');
      const outcome = outcomeOf(body);
      lastProblem = `HTTP ${res.status}${outcome ? `: ${operationOutcomeText(outcome)}` : ''}`;
      retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), now());
      continue;
    }
    if (res.status !== 200 && res.status !== 206) {
      const outcome = outcomeOf(await res.text().catch(() => ''));
      throw new BulkExportError(
        `download of ${o.file.url} failed: HTTP ${res.status}${outcome ? `: ${operationOutcomeText(outcome)}` : ''}`,
        res.status,
      );
    }
    const resuming =
      res.status === 206 && kept.bytes > 0 && rangeStart(res.headers.get('Content-Range')) === kept.bytes;
    if (!resuming) {
      kept = { bytes: 0, lines: 0 };
    } else {
      resumed++;
    }
    await truncate(part, kept.bytes);
    const counter = new LineCounter(kept.bytes, kept.lines);
    const fh = await open(part, 'a');
    let broken: Error | undefined;
    try {
      await pipeBody(res, fh, counter, idle, abort, o.onBytes);
    } catch (e) {
      if (o.signal?.aborted) {
        throw e;
      }
      broken = e as Error;
    } finally {
      await fh.close();
    }
    if (broken) {
      // keep the complete lines, drop a cut-off one, resume from there next time
      kept = { bytes: counter.complete, lines: counter.lines };
      lastProblem = `connection lost after ${counter.total} bytes (${broken.message})`;
      continue;
    }
    // a body that is not this file's type (e.g. an OperationOutcome sent with 200) is a failed attempt
    const found = firstResourceType(counter.head);
    if (found !== undefined && found !== o.file.type) {
      kept = { bytes: 0, lines: 0 };
      const outcome =
        found === 'OperationOutcome'
          ? outcomeOf((counter.head ?? Buffer.alloc(0)).toString('utf8').split('\n')[0] ?? '')
          : undefined;
      lastProblem = `the file holds ${found}, not ${o.file.type}${outcome ? ` (${operationOutcomeText(outcome)})` : ''}`;
      continue;
    }
    // a final line without its newline is legitimate ndjson
    let lines = counter.lines + (counter.hasTail ? 1 : 0);
    const bytes = counter.total;
    if (o.file.count === undefined || lines === o.file.count) {
      await rename(part, o.dest);
      return { lines, bytes, attempts: attempt, resumed };
    }
    if (lines < o.file.count) {
      // ended early but cleanly: keep the complete lines and ask for the rest
      kept = { bytes: counter.complete, lines: counter.lines };
      lines = counter.lines;
      lastProblem = `got ${lines} of ${o.file.count} resources (the manifest's count)`;
    } else {
      kept = { bytes: 0, lines: 0 };
      lastProblem = `got ${lines} resources but the manifest's count is ${o.file.count}`;
    }
  }
  await rm(part, { force: true });
  throw new BulkExportError(`download of ${o.file.url} did not complete after ${max} attempts: ${lastProblem}`);
}
