/**
 * The one error src/fhir throws: an HTTP failure from the FHIR server with its status, the
 * OperationOutcome the server sent (FHIR R4 http.html "Error handling"), and Retry-After when given.
 */

/** A failed FHIR request. `status` 0 means the network failed (no HTTP response at all). */
export class FhirHttpError extends Error {
  override name = 'FhirHttpError';
  readonly status: number;
  readonly outcome: fhir4.OperationOutcome | undefined;
  /** Milliseconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, message: string, outcome?: fhir4.OperationOutcome, retryAfterMs?: number) {
    super(message);
    this.status = status;
    this.outcome = outcome;
    this.retryAfterMs = retryAfterMs;
  }

  /** A short human description: the OperationOutcome text when present, else the status. */
  get summary(): string {
    const text = this.outcome ? operationOutcomeText(this.outcome) : '';
    if (this.status === 0) return text || 'network error';
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
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** What fhirclient's HttpError looks like (status, the Response, body folded into the message). */
interface HttpErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: { get(name: string): string | null } };
}

/** Pulls an OperationOutcome out of fhirclient's HttpError message (it appends the JSON body). */
function outcomeFromMessage(message: string): fhir4.OperationOutcome | undefined {
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    const body = JSON.parse(message.slice(start)) as { resourceType?: unknown };
    return body.resourceType === 'OperationOutcome' ? (body as fhir4.OperationOutcome) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Converts whatever a request threw into a FhirHttpError: fhirclient HttpError (has `status`),
 * or a network failure (TypeError from fetch → status 0). Abort errors are rethrown unchanged.
 */
export function toFhirHttpError(error: unknown, nowMs: number): FhirHttpError {
  if (error instanceof FhirHttpError) return error;
  const e = (error ?? {}) as HttpErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.status === 'number') {
    const outcome = outcomeFromMessage(message);
    const retryAfter = parseRetryAfter(e.response?.headers?.get('retry-after'), nowMs);
    return new FhirHttpError(e.status, message.split('\n')[0] ?? message, outcome, retryAfter);
  }
  return new FhirHttpError(0, message);
}
