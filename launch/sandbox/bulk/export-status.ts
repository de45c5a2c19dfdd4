/**
 * The status URL of an export job (Bulk Data Access IG 2.0.0 export.html §"Bulk Data Status
 * Request" and §"Bulk Data Delete Request"): 202 with `Retry-After` and `X-Progress` while running,
 * 429 with `Retry-After` to a client polling faster than it was told, 200 with the manifest
 * (transactionTime, request, requiresAccessToken, output[] with type/url/count, error[]) and an
 * `Expires` header when done, 500 OperationOutcome when the job failed, and `DELETE` → 202, after
 * which the URL answers 404. Only the client (and user) that started a job may see it.
 */
import type { Grant } from '../auth/token-store.ts';
import { jsonResponse, operationOutcome, outcomeResponse } from '../http-responses.ts';
import type { SandboxContext } from '../sandbox-context.ts';
import { bulkState, type ExportFile, type ExportJob } from './bulk-state.ts';
import { mayExport } from './export-kickoff.ts';

/** Longest Retry-After the sandbox asks for (s). */
const MAX_RETRY_AFTER_SEC = 60;

/** The job behind a status or file URL, or the error response (404 gone, 403 someone else's). */
export function jobFor(
  ctx: SandboxContext,
  id: string,
  grant: Grant,
  headers: Record<string, string>,
): { job: ExportJob } | { response: Response } {
  const job = bulkState(ctx).jobs.get(id);
  if (!job || job.expiresAt <= ctx.now()) {
    return {
      response: outcomeResponse(
        404,
        'not-found',
        'No such export job: it was cancelled (DELETE), has expired, or never existed; start a new export',
        headers,
      ),
    };
  }
  if (job.clientId !== grant.clientId || job.user !== grant.user) {
    return { response: outcomeResponse(403, 'forbidden', 'This export was started by another client', headers) };
  }
  const uncovered = job.types.filter((t) => !mayExport(grant, t));
  if (uncovered.length) {
    return {
      response: outcomeResponse(
        403,
        'forbidden',
        `The token's scopes do not cover every exported type (missing: ${uncovered.join(', ')})`,
        headers,
      ),
    };
  }
  return { job };
}

function manifestItem(job: ExportJob, file: ExportFile): { type: string; url: string; count: number } {
  return { type: file.type, url: `${job.base}/bulk-files/${job.id}/${file.name}`, count: file.resources.length };
}

/** The completion manifest of a job. */
export function manifestOf(job: ExportJob): Record<string, unknown> {
  return {
    transactionTime: job.transactionTime,
    request: job.request,
    requiresAccessToken: true,
    output: job.files.map((f) => manifestItem(job, f)),
    error: job.errors.map((f) => manifestItem(job, f)),
  };
}

/** GET and DELETE on a status URL. */
export function exportStatus(
  ctx: SandboxContext,
  request: Request,
  id: string,
  grant: Grant,
  headers: Record<string, string>,
): Response {
  const found = jobFor(ctx, id, grant, headers);
  if ('response' in found) {
    return found.response;
  }
  const { job } = found;
  const state = bulkState(ctx);
  if (request.method === 'DELETE') {
    state.jobs.delete(job.id);
    state.activity.cancelled++;
    return jsonResponse(
      operationOutcome('information', 'informational', 'Export cancelled; its files were deleted'),
      202,
      headers,
    );
  }
  if (request.method !== 'GET') {
    return outcomeResponse(
      405,
      'not-supported',
      `${request.method} is not supported on a status URL (GET polls, DELETE cancels)`,
      headers,
    );
  }
  const now = ctx.now();
  state.activity.polls++;
  job.polls++;
  if (job.polls <= (state.faults.rateLimitPolls ?? 0)) {
    const wait = String(state.faults.retryAfterSec ?? 1);
    return outcomeResponse(
      429,
      'throttled',
      `Injected fault: too many status requests (rateLimitPolls); retry after ${wait} s`,
      { ...headers, 'Retry-After': wait },
    );
  }
  if (now < job.pollNotBefore) {
    const wait = Math.max(1, Math.ceil((job.pollNotBefore - now) / 1000));
    return outcomeResponse(429, 'throttled', `Polling too frequently: wait ${wait} s (honour Retry-After)`, {
      ...headers,
      'Retry-After': String(wait),
    });
  }
  if (now < job.readyAt) {
    const retryAfter = Math.min(MAX_RETRY_AFTER_SEC, Math.max(1, Math.ceil((job.readyAt - now) / 1000)));
    // a poll earlier than half the advised wait is "too frequent" (the IG: SHOULD answer 429)
    job.pollNotBefore = now + retryAfter * 500;
    const total = Math.max(1, job.readyAt - job.createdAt);
    const pct = Math.min(99, Math.floor(((now - job.createdAt) / total) * 100));
    return new Response(null, {
      status: 202,
      headers: {
        ...headers,
        'Retry-After': String(retryAfter),
        'X-Progress': `${pct}% complete (${job.patientCount} patients)`,
      },
    });
  }
  if (state.faults.failJobs) {
    return outcomeResponse(
      500,
      'processing',
      'Injected fault: the export failed (failJobs); start a new export',
      headers,
    );
  }
  return jsonResponse(
    manifestOf(job),
    200,
    { ...headers, Expires: new Date(job.expiresAt).toUTCString() },
    'application/json',
  );
}
