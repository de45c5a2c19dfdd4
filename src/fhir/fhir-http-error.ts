/**
 * The one error src/fhir throws: an HTTP failure from the FHIR server with its status, the
 * OperationOutcome the server sent (FHIR R4 http.html "Error handling"), and Retry-After when given.
 */

/** Where a failure happened: the FHIR request itself, or renewing the access token before it. */
export type FailurePhase = 'request' | 'token-refresh';

/** What else the server said besides the status (all optional). */
export interface FhirHttpErrorDetails {
  /** The server's own words when they are not an OperationOutcome: a plain-text body or an OAuth `error: description`. */
  serverText?: string;
  /** The `WWW-Authenticate` challenge of a 401 (RFC 6750 §3: `error="invalid_token"`, `error_description`). */
  wwwAuthenticate?: string;
  /** `token-refresh`: the EHR refused to renew the access token, so the session is over. */
  phase?: FailurePhase;
}

/** A failed FHIR request. `status` 0 means the network failed (no HTTP response at all). */
export class FhirHttpError extends Error {
  override name = 'FhirHttpError';
  readonly status: number;
  readonly outcome: fhir4.OperationOutcome | undefined;
  /** Milliseconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterMs: number | undefined;
  readonly serverText: string | undefined;
  readonly wwwAuthenticate: string | undefined;
  readonly phase: FailurePhase;

  constructor(
    status: number,
    message: string,
    outcome?: fhir4.OperationOutcome,
    retryAfterMs?: number,
    details: FhirHttpErrorDetails = {},
  ) {
    super(message);
    this.status = status;
    this.outcome = outcome;
    this.retryAfterMs = retryAfterMs;
    this.serverText = details.serverText;
    this.wwwAuthenticate = details.wwwAuthenticate;
    this.phase = details.phase ?? 'request';
  }

  /** A short human description: the OperationOutcome text (else the server's plain text) with the status. */
  get summary(): string {
    const text = (this.outcome ? operationOutcomeText(this.outcome) : '') || (this.serverText ?? '');
    if (this.status === 0) {
      return text || 'network error';
    }
    return text ? `HTTP ${this.status}: ${text}` : `HTTP ${this.status}`;
  }
}

/** Joins the issues of an OperationOutcome into one readable sentence. */
export function operationOutcomeText(outcome: fhir4.OperationOutcome): string {
  return (outcome.issue ?? [])
    .map((i) => i.diagnostics ?? i.details?.text ?? i.details?.coding?.[0]?.display ?? i.code)
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join('; ');
}

/**
 * Parses Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. `nowMs` is passed in so
 * the parse stays deterministic in tests.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** What fhirclient's HttpError looks like (status, the Response, body folded into the message). */
interface HttpErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: { get(name: string): string | null } };
}

/** The JSON body fhirclient folded into an HttpError message (first `{` to last `}`), parsed. */
function jsonFromMessage(message: string): Record<string, unknown> | undefined {
  const start = message.indexOf('{');
  const end = message.lastIndexOf('}');
  if (start < 0 || end < start) {
    return undefined;
  }
  try {
    const body = JSON.parse(message.slice(start, end + 1)) as unknown;
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Pulls an OperationOutcome out of fhirclient's HttpError message (it appends the JSON body). */
function outcomeFromMessage(message: string): fhir4.OperationOutcome | undefined {
  const body = jsonFromMessage(message);
  return body?.resourceType === 'OperationOutcome' ? (body as unknown as fhir4.OperationOutcome) : undefined;
}

/** fhirclient's own sentence appended to every 401 (client-js strings.ts `expired`): not the server's words. */
const FHIRCLIENT_EXPIRED = /^Session expired! Please re-launch the app$/;
/** fhirclient's own sentence appended when there is no token at all. */
const FHIRCLIENT_NO_TOKEN = /^This app cannot be accessed directly/;

/**
 * The server's own words in fhirclient's HttpError message, which reads `<status> <text>`, `URL: …`,
 * then the body: an OAuth `error: description` line, or a blank line and a text or JSON body
 * (client-js HttpError.parse). The URL line is never kept (it names the patient's id).
 */
function serverTextFromMessage(message: string): string | undefined {
  const lines = message.split('\n').slice(1);
  const text = lines
    .filter((l) => !/^URL: /.test(l) && !FHIRCLIENT_EXPIRED.test(l.trim()) && !FHIRCLIENT_NO_TOKEN.test(l.trim()))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || text.startsWith('{') || text.startsWith('<')) {
    return undefined;
  } // JSON handled as outcome; HTML pages are not words
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * Converts whatever a request threw into a FhirHttpError: fhirclient HttpError (has `status`),
 * or a network failure (TypeError from fetch → status 0). Abort errors are rethrown unchanged.
 */
export function toFhirHttpError(error: unknown, nowMs: number): FhirHttpError {
  if (error instanceof FhirHttpError) {
    return error;
  }
  const e = (error ?? {}) as HttpErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.status === 'number') {
    const outcome = outcomeFromMessage(message);
    const retryAfter = parseRetryAfter(e.response?.headers?.get('retry-after'), nowMs);
    const serverText = outcome ? undefined : serverTextFromMessage(message);
    const wwwAuthenticate = e.response?.headers?.get('www-authenticate') ?? undefined;
    return new FhirHttpError(e.status, message.split('\n')[0] ?? message, outcome, retryAfter, {
      ...(serverText ? { serverText } : {}),
      ...(wwwAuthenticate ? { wwwAuthenticate } : {}),
    });
  }
  return new FhirHttpError(0, message);
}
