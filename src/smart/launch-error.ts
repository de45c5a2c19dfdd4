/**
 * The one error the SMART layer throws: every launch or session failure becomes a LaunchError
 * with a human message saying what happened and what to do next (launch-guidance.ts), so the UI
 * never shows a blank page or a stack. Spec: https://hl7.org/fhir/smart-app-launch/app-launch.html
 * (error responses), RFC 6749 §5.2 (token errors), RFC 6750 §3 (WWW-Authenticate).
 */
import { FhirHttpError, toFhirHttpError } from '../fhir/fhir-http-error.ts';
import { PatientMismatchError } from '../fhir/patient-identity.ts';
import { blockedOrigins } from './csp-violations.ts';
import { guidanceFor, type LaunchErrorKind } from './launch-guidance.ts';
import { type RememberedLaunch, rememberedLaunch } from './launch-memory.ts';

export type { LaunchErrorKind } from './launch-guidance.ts';

/** Options of a LaunchError. */
export interface LaunchErrorOptions {
  cause?: unknown;
  /** How the tab was launched (default: what the launch page remembered in this tab). */
  launch?: RememberedLaunch;
}

/** A launch or session failure with a human message; `detail` carries the server's words. */
export class LaunchError extends Error {
  override name = 'LaunchError';
  readonly kind: LaunchErrorKind;
  readonly title: string;
  readonly next: string;
  readonly detail: string | undefined;

  constructor(kind: LaunchErrorKind, detail?: string, options: LaunchErrorOptions = {}) {
    const g = guidanceFor(kind, options.launch ?? rememberedLaunch());
    super(
      detail ? `${g.title} ${detail}` : g.title,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.kind = kind;
    this.title = g.title;
    this.next = g.next;
    this.detail = detail;
  }
}

/** When the failure happened: completing the sign-in (code exchange) or during the session. */
export interface LaunchErrorContext {
  during?: 'sign-in' | 'session';
  launch?: RememberedLaunch;
}

/** Subset of a thrown value we inspect: fhirclient's HttpError and plain Errors. */
interface ErrorLike {
  message?: unknown;
  status?: unknown;
  name?: unknown;
}

/**
 * Classifies whatever fhirclient's ready()/authorize() (or fetch) threw into a LaunchError.
 * fhirclient reports most conditions only through message text, so the patterns below are the
 * library's own strings (client-js src/smart.ts, src/strings.ts).
 */
export function toLaunchError(error: unknown, context: LaunchErrorContext = {}): LaunchError {
  if (error instanceof LaunchError) {
    return error;
  }
  const opts = { cause: error, ...(context.launch ? { launch: context.launch } : {}) };
  if (error instanceof PatientMismatchError) {
    return new LaunchError('patient-mismatch', `${error.message}.`, opts);
  }
  const e = (error ?? {}) as ErrorLike;
  if (error instanceof FhirHttpError || typeof e.status === 'number') {
    return fromHttpError(toFhirHttpError(error, Date.now()), context, opts);
  }
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (/access_denied|consent|denied/i.test(message)) {
    return new LaunchError('access-denied', firstLine(message), opts);
  }
  if (/No 'state' parameter|No state found|launch it as SMART app|\(re\)launch/i.test(message)) {
    return new LaunchError('no-launch-params', undefined, opts);
  }
  if (/invalid_client/i.test(message)) {
    return new LaunchError('invalid-client', firstLine(message), opts);
  }
  if (/session has expired|token expired/i.test(message)) {
    return new LaunchError('token-expired', undefined, opts);
  }
  if (/invalid_grant|invalid_token|Failed to obtain access token/i.test(message)) {
    return new LaunchError('sign-in-failed', firstLine(message), opts);
  }
  if (/sessionStorage|localStorage|SecurityError|QuotaExceeded/i.test(message)) {
    return new LaunchError('storage-unavailable', undefined, opts);
  }
  if (e.name === 'TypeError' || /Failed to fetch|NetworkError|fetch failed|ECONNREFUSED/i.test(message)) {
    return networkError(opts);
  }
  return new LaunchError('fhir-error', firstLine(message), opts);
}

/** First line of a library message (fhirclient appends URLs and JSON after a newline). */
function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** A failed connection: the app's own CSP when it reported blocking one, else the network. */
function networkError(opts: LaunchErrorOptions): LaunchError {
  const blocked = blockedOrigins();
  if (blocked.length) {
    return new LaunchError('csp-blocked', `Blocked by connect-src: ${blocked.join(', ')}`, opts);
  }
  return new LaunchError('network', undefined, opts);
}

/** The server's own words about an HTTP failure (OperationOutcome, plain text, OAuth error, WWW-Authenticate). */
function serverWords(error: FhirHttpError): string {
  const challenge = /error_description="([^"]*)"/.exec(error.wwwAuthenticate ?? '')?.[1];
  const words = error.summary.replace(/^HTTP \d+:?\s*/, '') || challenge || '';
  return words ? `The EHR said: “${words}” (HTTP ${error.status}).` : `HTTP ${error.status}.`;
}

/**
 * An HTTP failure: a refused refresh ends the session; 401 is an expired or rejected token or an
 * unknown client (each said as such); status 0 is the network (or the app's CSP); the rest carry
 * the server's words.
 */
function fromHttpError(error: FhirHttpError, context: LaunchErrorContext, opts: LaunchErrorOptions): LaunchError {
  const said = `${error.summary} ${error.wwwAuthenticate ?? ''}`;
  if (error.status === 0) {
    return networkError(opts);
  }
  if (error.phase === 'token-refresh') {
    return new LaunchError('session-ended', serverWords(error), opts);
  }
  if (/invalid_client/i.test(said)) {
    return new LaunchError('invalid-client', serverWords(error), opts);
  }
  if (context.during === 'sign-in' && error.status >= 400 && error.status < 500) {
    return new LaunchError('sign-in-failed', serverWords(error), opts);
  }
  if (error.status === 401) {
    if (/expired/i.test(`${said} ${error.message}`)) {
      return new LaunchError('token-expired', undefined, opts);
    }
    return new LaunchError('invalid-token', serverWords(error), opts);
  }
  return new LaunchError('fhir-error', error.summary, opts);
}
