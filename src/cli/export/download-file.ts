/**
 * Downloads one Bulk Data output file to disk (Bulk Data Access IG 2.0.0 export.html §"Bulk Data
 * Output File Request"), streaming, with retries and resume: a 429/5xx or a dropped connection is
 * retried (Retry-After honoured, else backoff); a retry after bytes arrived asks for the rest with
 * `Range: bytes=N-` from the last complete line (a server that ignores Range answers 200 and the
 * file is fetched again from the start). When the manifest gives `count`, the number of lines is
 * checked against it and a short file is resumed or fetched again. The file is written as
 * `<dest>.part` and renamed when complete, so a finished name always means a verified file.
 */
import { open, rename, truncate, rm, type FileHandle } from 'node:fs/promises';
import { parseRetryAfter } from '../../fhir/fhir-http-error.ts';
import { BulkExportError, type ManifestFile } from '../../fhir/bulk-export/bulk-manifest.ts';
import { outcomeOf } from '../../fhir/bulk-export/bulk-responses.ts';
import { DEFAULT_POLL_POLICY, pollDelayMs, type PollPolicy } from '../../fhir/bulk-export/poll-delay.ts';
import { operationOutcomeText } from '../../fhir/fhir-http-error.ts';
import { sleep as abortableSleep } from '../../fhir/retry-policy.ts';

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

const NEWLINE = 0x0a;
const CR = 0x0d;
/** Bytes of the first line kept to check its resourceType. */
const HEAD_BYTES = 1 << 16;

/** The resourceType of a file's first line, when it can be read from its start (undefined = cannot tell). */
export function firstResourceType(head: Buffer | undefined): string | undefined {
  if (!head?.length) return undefined;
  const nl = head.indexOf(NEWLINE);
  if (nl < 0 && head.length >= HEAD_BYTES) return undefined; // a very long first line: not checked
  try {
    const type = (JSON.parse(head.toString('utf8', 0, nl < 0 ? head.length : nl)) as { resourceType?: unknown }).resourceType;
    return typeof type === 'string' ? type : '(none)';
  } catch {
    return '(not JSON)';
  }
}

/** Counts complete non-empty lines in a stream of chunks, remembering where the last one ended. */
class LineCounter {
  lines = 0;
  /** Bytes up to and including the last newline. */
  complete = 0;
  /** Bytes seen. */
  total = 0;
  private pending = 0;

  /** The start of the file's first line (only when counting from byte 0), to check its resourceType. */
  head?: Buffer;

  constructor(startBytes = 0, startLines = 0) {
    this.complete = this.total = startBytes;
    this.lines = startLines;
    if (startBytes === 0) this.head = Buffer.alloc(0);
  }

  add(chunk: Uint8Array): void {
    if (this.head && this.head.length < HEAD_BYTES && this.lines === 0) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE, from); nl >= 0; nl = chunk.indexOf(NEWLINE, from)) {
      const len = this.pending + nl - from - (nl > from && chunk[nl - 1] === CR ? 1 : 0);
      if (len > 0) this.lines++;
      this.pending = 0;
      from = nl + 1;
      this.complete = this.total + from;
    }
    this.pending += chunk.length - from;
    this.total += chunk.length;
  }

  /** Whether bytes follow the last newline (a last line without its newline, or a cut-off one). */
  get hasTail(): boolean {
    return this.total > this.complete;
  }
}

/** Reads a response body into the open file, with an idle timeout; throws when the stream breaks. */
async function pipeBody(res: Response, fh: FileHandle, counter: LineCounter, idleMs: number, abort: AbortController, onBytes?: (n: number) => void): Promise<void> {
  if (!res.body) return;
  const reader = res.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(new Error(`no data for ${Math.round(idleMs / 1000)} s`)), idleMs);
  };
  try {
    arm();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      await fh.write(value);
      counter.add(value);
      onBytes?.(value.length);
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
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
    if (kept.bytes > 0) headers.Range = `bytes=${kept.bytes}-`;
    const abort = new AbortController();
    const signal = o.signal ? AbortSignal.any([o.signal, abort.signal]) : abort.signal;
    let res: Response;
    try {
      res = await o.fetchFile(o.file.url, { headers, signal });
    } catch (e) {
      if (o.signal?.aborted) throw e;
      lastProblem = `network error: ${(e as Error).message}`;
      continue;
    }
    if (res.status === 416 && kept.bytes > 0) {
      // we asked for bytes past the end: what we have is the whole file
      await res.body?.cancel();
      break;
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
      throw new BulkExportError(`download of ${o.file.url} failed: HTTP ${res.status}${outcome ? `: ${operationOutcomeText(outcome)}` : ''}`, res.status);
    }
    const resuming = res.status === 206 && kept.bytes > 0 && rangeStart(res.headers.get('Content-Range')) === kept.bytes;
    if (!resuming) kept = { bytes: 0, lines: 0 };
    else resumed++;
    await truncate(part, kept.bytes);
    const counter = new LineCounter(kept.bytes, kept.lines);
    const fh = await open(part, 'a');
    let broken: Error | undefined;
    try {
      await pipeBody(res, fh, counter, idle, abort, o.onBytes);
    } catch (e) {
      if (o.signal?.aborted) throw e;
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
      const outcome = found === 'OperationOutcome' ? outcomeOf((counter.head ?? Buffer.alloc(0)).toString('utf8').split('\n')[0] ?? '') : undefined;
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
  if (kept.bytes > 0 && (o.file.count === undefined || kept.lines === o.file.count)) {
    await rename(part, o.dest);
    return { lines: kept.lines, bytes: kept.bytes, attempts: max, resumed };
  }
  await rm(part, { force: true });
  throw new BulkExportError(`download of ${o.file.url} did not complete after ${max} attempts: ${lastProblem}`);
}
