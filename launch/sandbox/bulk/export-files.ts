/**
 * Output file downloads (Bulk Data Access IG 2.0.0 export.html §"Bulk Data Output File Request"):
 * `application/fhir+ndjson`, one resource per line, behind the same bearer token as the kick-off
 * (`requiresAccessToken: true`). Single byte ranges (`Range: bytes=N-` / `N-M`, RFC 9110 §14) are
 * answered 206 so an interrupted download can resume. Injected faults: a transient 500 on a file's
 * first download (`fileErrors`) and one download cut short to half its lines (`truncateFiles`).
 */
import type { Grant } from '../auth/token-store.ts';
import { outcomeResponse } from '../http-responses.ts';
import type { SandboxContext } from '../sandbox-context.ts';
import { bulkState, type ExportFile } from './bulk-state.ts';
import { jobFor } from './export-status.ts';

/** Media type of the output files (the IG: SHALL be application/fhir+ndjson). */
export const NDJSON_TYPE = 'application/fhir+ndjson';

/** A file's ndjson text: one JSON resource per line, newline-terminated. */
export function ndjsonOf(resources: readonly fhir4.Resource[]): string {
  return resources.map((r) => JSON.stringify(r)).join('\n') + (resources.length ? '\n' : '');
}

/** A parsed single byte range, or 'invalid' (multi-range and malformed headers are ignored → full body). */
export function parseRange(
  header: string | null,
  length: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m) {
    return undefined;
  }
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), length - 1) : length - 1;
  if (start >= length || end < start) {
    return 'unsatisfiable';
  }
  return { start, end };
}

/** GET on an output or error file URL. */
export function exportFile(
  ctx: SandboxContext,
  request: Request,
  jobId: string,
  name: string,
  grant: Grant,
  headers: Record<string, string>,
): Response {
  if (request.method !== 'GET') {
    return outcomeResponse(405, 'not-supported', `${request.method} is not supported on an export file`, headers);
  }
  const found = jobFor(ctx, jobId, grant, headers);
  if ('response' in found) {
    return found.response;
  }
  const { job } = found;
  if (ctx.now() < job.readyAt) {
    return outcomeResponse(
      404,
      'not-found',
      'The export is still running; its files are listed in the manifest when it completes',
      headers,
    );
  }
  const file: ExportFile | undefined = [...job.files, ...job.errors].find((f) => f.name === name);
  if (!file) {
    return outcomeResponse(404, 'not-found', `No file ${name} in this export`, headers);
  }
  const state = bulkState(ctx);
  state.activity.downloads++;
  file.attempts++;
  const index = job.files.indexOf(file);
  const faults = state.faults;
  if (index >= 0 && index < (faults.fileErrors ?? 0) && file.attempts === 1) {
    return outcomeResponse(
      500,
      'transient',
      'Injected fault: the file could not be read this time (fileErrors); retry the download',
      headers,
    );
  }
  const body = Buffer.from(ndjsonOf(file.resources), 'utf8');
  const fileHeaders = { ...headers, 'Content-Type': NDJSON_TYPE, 'Accept-Ranges': 'bytes' };
  const range = parseRange(request.headers.get('Range'), body.length);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${body.length}` } });
  }
  if (range) {
    const part = body.subarray(range.start, range.end + 1);
    return new Response(new Uint8Array(part), {
      status: 206,
      headers: {
        ...fileHeaders,
        'Content-Range': `bytes ${range.start}-${range.end}/${body.length}`,
        'Content-Length': String(part.length),
      },
    });
  }
  if (index >= 0 && index < (faults.truncateFiles ?? 0) && !file.truncated) {
    // A download that ends early but "cleanly": only a client that checks the manifest's count notices.
    file.truncated = true;
    const partial = Buffer.from(ndjsonOf(file.resources.slice(0, Math.floor(file.resources.length / 2))), 'utf8');
    return new Response(new Uint8Array(partial), {
      status: 200,
      headers: { ...fileHeaders, 'Content-Length': String(partial.length) },
    });
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { ...fileHeaders, 'Content-Length': String(body.length) },
  });
}
