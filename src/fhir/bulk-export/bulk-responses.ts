/**
 * What a kick-off or status response means (Bulk Data Access IG 2.0.0 export.html): 202 +
 * `Content-Location` = accepted; status 202 = in progress (`Retry-After`, `X-Progress`); 200 = the
 * manifest; 429 = wait (`Retry-After`); 5xx whose OperationOutcome uses a transient issue code (or
 * that carries no OperationOutcome at all: a proxy, not the FHIR server) = retry; any other 4xx/5xx
 * = the export failed, with the server's OperationOutcome text. Pure: the transports (Node fetch in
 * the CLI, the browser's fetch with fhirclient's token) hand in status, headers and body.
 */
import { operationOutcomeText, parseRetryAfter } from '../fhir-http-error.ts';
import { BulkExportError, parseManifest, type BulkManifest } from './bulk-manifest.ts';

/** One HTTP response as the bulk client sees it. */
export interface BulkResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: string;
}

/** Issue codes that mean "try again later" (FHIR R4 IssueType: `transient` and its children). */
export const TRANSIENT_ISSUE_CODES: ReadonlySet<string> = new Set([
  'transient',
  'lock-error',
  'no-store',
  'exception',
  'timeout',
  'incomplete',
  'throttled',
]);

/** The meaning of a kick-off or status response. */
export type BulkStep =
  | { kind: 'accepted'; statusUrl: string }
  | { kind: 'in-progress'; retryAfterMs?: number; progress?: string }
  | { kind: 'complete'; manifest: BulkManifest }
  | { kind: 'retry'; retryAfterMs?: number; reason: string }
  | { kind: 'failed'; error: BulkExportError };

/** The OperationOutcome in a body, if it is one. */
export function outcomeOf(body: string): fhir4.OperationOutcome | undefined {
  try {
    const parsed = JSON.parse(body) as { resourceType?: unknown };
    return parsed?.resourceType === 'OperationOutcome' ? (parsed as fhir4.OperationOutcome) : undefined;
  } catch {
    return undefined;
  }
}

/** A failure's words: the OperationOutcome text, else the status. */
function describe(res: BulkResponse, outcome: fhir4.OperationOutcome | undefined): string {
  const text = outcome ? operationOutcomeText(outcome) : '';
  return `HTTP ${res.status}${text ? `: ${text}` : ''}`;
}

/** 429 / transient 5xx → retry; other errors → failed. */
function errorStep(res: BulkResponse, nowMs: number, what: string): BulkStep {
  const outcome = outcomeOf(res.body);
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'), nowMs);
  const retry = (reason: string): BulkStep => ({
    kind: 'retry',
    reason,
    ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
  });
  if (res.status === 429) {
    return retry(`${what}: too many requests (${describe(res, outcome)})`);
  }
  if (res.status >= 500) {
    const transient = !outcome || outcome.issue?.some((i) => TRANSIENT_ISSUE_CODES.has(i.code));
    if (transient) {
      return retry(`${what}: ${describe(res, outcome)}`);
    }
  }
  return { kind: 'failed', error: new BulkExportError(`${what} failed: ${describe(res, outcome)}`, res.status) };
}

/** Meaning of a kick-off response (`requestUrl` resolves a relative Content-Location). */
export function interpretKickoff(res: BulkResponse, requestUrl: string, nowMs: number): BulkStep {
  if (res.status === 202) {
    const location = res.headers.get('Content-Location');
    if (!location) {
      return {
        kind: 'failed',
        error: new BulkExportError('the kick-off was accepted (202) without a Content-Location header to poll', 202),
      };
    }
    return { kind: 'accepted', statusUrl: new URL(location, requestUrl).href };
  }
  if (res.status >= 200 && res.status < 300) {
    return {
      kind: 'failed',
      error: new BulkExportError(
        `the server answered the kick-off with ${res.status} instead of 202 Accepted: it does not run $export asynchronously`,
        res.status,
      ),
    };
  }
  return errorStep(res, nowMs, 'kick-off');
}

/** Meaning of a status-poll response. */
export function interpretStatus(res: BulkResponse, statusUrl: string, nowMs: number): BulkStep {
  if (res.status === 202) {
    const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), nowMs);
    const progress = res.headers.get('X-Progress')?.slice(0, 100);
    return {
      kind: 'in-progress',
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(progress ? { progress } : {}),
    };
  }
  if (res.status === 200) {
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return { kind: 'failed', error: new BulkExportError('the completion manifest is not valid JSON', 200) };
    }
    try {
      return { kind: 'complete', manifest: parseManifest(body, statusUrl) };
    } catch (e) {
      return { kind: 'failed', error: e as BulkExportError };
    }
  }
  if (res.status === 404 || res.status === 410) {
    return {
      kind: 'failed',
      error: new BulkExportError(
        `the export job is gone (HTTP ${res.status}: cancelled or expired); start a new export`,
        res.status,
      ),
    };
  }
  return errorStep(res, nowMs, 'status request');
}
