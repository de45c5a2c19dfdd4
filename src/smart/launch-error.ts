/**
 * The one error the SMART layer throws: every launch or session failure becomes a LaunchError
 * with a human message and what to do next, so the UI never shows a blank page or a stack.
 * Spec: https://hl7.org/fhir/smart-app-launch/app-launch.html (error responses).
 */
import { FhirHttpError } from '../fhir/fhir-http-error.ts';

/** What went wrong, from the user's point of view. */
export type LaunchErrorKind =
  | 'no-launch-params'
  | 'access-denied'
  | 'token-expired'
  | 'invalid-token'
  | 'network'
  | 'fhir-error'
  | 'storage-unavailable'
  | 'no-patient'
  | 'configuration'
  | 'invalid-server';

/** Human title and next step per kind (the detail adds the specifics). */
const GUIDANCE: Record<LaunchErrorKind, { title: string; next: string }> = {
  'no-launch-params': {
    title: 'CareGap Panel was opened without a launch from the EHR.',
    next: 'Open the patient’s chart in your EHR and start CareGap Panel from there, or use the standalone launch page.',
  },
  'access-denied': {
    title: 'Access to the patient’s record was not authorized.',
    next: 'Launch the app again and approve access, or ask your EHR administrator to grant it.',
  },
  'token-expired': {
    title: 'Your session has expired.',
    next: 'Launch CareGap Panel again from the chart to continue.',
  },
  'invalid-token': {
    title: 'The EHR did not accept the app’s session.',
    next: 'Launch CareGap Panel again from the chart. If this keeps happening, contact your EHR administrator.',
  },
  network: {
    title: 'The EHR could not be reached.',
    next: 'Check your network connection, then reload the page or launch again from the chart.',
  },
  'fhir-error': {
    title: 'The EHR returned an error.',
    next: 'Try again in a moment. If it persists, contact your EHR administrator with the message below.',
  },
  'storage-unavailable': {
    title: 'The browser blocked the storage the app needs for its session.',
    next: 'Allow site data for this EHR in your browser settings (session storage), then launch again.',
  },
  'no-patient': {
    title: 'No patient was selected for this launch.',
    next: 'Open a patient’s chart and launch CareGap Panel from it, or pick a patient in the standalone launch.',
  },
  'invalid-server': {
    title: 'That FHIR server address cannot be used.',
    next: 'Check the address (it must be an https:// FHIR base URL) and try again.',
  },
  configuration: {
    title: 'CareGap Panel is not registered with this EHR.',
    next: 'Ask your EHR administrator to add this server to launch/clients.json.',
  },
};

/** A launch or session failure with a human message; `detail` carries server text (OperationOutcome). */
export class LaunchError extends Error {
  override name = 'LaunchError';
  readonly kind: LaunchErrorKind;
  readonly title: string;
  readonly next: string;
  readonly detail: string | undefined;

  constructor(kind: LaunchErrorKind, detail?: string, options?: { cause?: unknown }) {
    const g = GUIDANCE[kind];
    super(detail ? `${g.title} ${detail}` : g.title, options);
    this.kind = kind;
    this.title = g.title;
    this.next = g.next;
    this.detail = detail;
  }
}

/** Subset of a thrown value we inspect: fhirclient's HttpError and plain Errors. */
interface ErrorLike {
  message?: unknown;
  status?: unknown;
  name?: unknown;
}

/**
 * Classifies whatever fhirclient's ready()/authorize() (or fetch) threw into a LaunchError.
 * fhirclient reports these conditions only through message text, so the patterns below are the
 * library's own strings (client-js src/smart.ts, src/strings.ts).
 */
export function toLaunchError(error: unknown): LaunchError {
  if (error instanceof LaunchError) return error;
  if (error instanceof FhirHttpError) return fromFhirHttpError(error);
  const e = (error ?? {}) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (/access_denied|consent|denied/i.test(message)) return new LaunchError('access-denied', firstLine(message), { cause: error });
  if (/No 'state' parameter|No state found|launch it as SMART app|\(re\)launch/i.test(message)) {
    return new LaunchError('no-launch-params', undefined, { cause: error });
  }
  if (status === 401 || /session has expired|token expired|expired/i.test(message)) {
    return new LaunchError('token-expired', undefined, { cause: error });
  }
  if (/invalid_grant|invalid_token|invalid_client|Failed to obtain access token/i.test(message)) {
    return new LaunchError('invalid-token', firstLine(message), { cause: error });
  }
  if (/sessionStorage|localStorage|SecurityError|QuotaExceeded/i.test(message)) {
    return new LaunchError('storage-unavailable', undefined, { cause: error });
  }
  if (e.name === 'TypeError' || /Failed to fetch|NetworkError|fetch failed|ECONNREFUSED/i.test(message)) {
    return new LaunchError('network', undefined, { cause: error });
  }
  return new LaunchError('fhir-error', firstLine(message), { cause: error });
}

/** First line of a library message (fhirclient appends URLs and JSON after a newline). */
function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** A FHIR request failure during the session: 401 ends it, status 0 is the network, the rest carry the outcome. */
function fromFhirHttpError(error: FhirHttpError): LaunchError {
  if (error.status === 401) {
    const invalid = /invalid/i.test(error.summary) && !/expired/i.test(error.summary);
    return new LaunchError(invalid ? 'invalid-token' : 'token-expired', undefined, { cause: error });
  }
  if (error.status === 0) return new LaunchError('network', undefined, { cause: error });
  return new LaunchError('fhir-error', error.summary, { cause: error });
}
