/**
 * Launch errors name the real cause (issue #13 §5): an expired token, a rejected token (plain-text
 * 401 body), an unknown client, a refused refresh, the app's own CSP and a dead network each read
 * differently, and "from the chart" is said only after an EHR launch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FhirHttpError, toFhirHttpError } from '../../src/fhir/fhir-http-error.ts';
import { PatientMismatchError } from '../../src/fhir/patient-identity.ts';
import { clearViolations, recordViolation } from '../../src/smart/csp-violations.ts';
import { LaunchError, toLaunchError } from '../../src/smart/launch-error.ts';
import type { RememberedLaunch } from '../../src/smart/launch-memory.ts';
import { refreshFailure } from '../../src/smart/unabortable-refresh.ts';

const EHR: RememberedLaunch = { mode: 'ehr', view: 'patient' };
const STANDALONE: RememberedLaunch = {
  mode: 'standalone',
  view: 'patient',
  restartUrl: 'https://app.example/launch/standalone.html',
};

/** What fhirclient's HttpError looks like after parse() (client-js HttpError.ts), 401s with its own sentence appended. */
function fhirclientHttpError(
  status: number,
  statusText: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  let message = `${status} ${statusText}\nURL: https://ehr.example/fhir/Patient/p1`;
  if (/json/.test(contentType)) {
    const json = JSON.parse(body) as { error?: string; error_description?: string };
    message += json.error
      ? `\n${json.error}${json.error_description ? `: ${json.error_description}` : ''}`
      : `\n\n${JSON.stringify(json, null, 4)}`;
  } else {
    message += `\n\n${body}`;
  }
  if (status === 401) {
    message += '\nSession expired! Please re-launch the app';
  }
  const h = new Headers({ 'content-type': contentType, ...headers });
  return Object.assign(new Error(message), { name: 'HttpError', status, statusText, response: { headers: h } });
}

afterEach(() => clearViolations());

describe('launch errors tell the user what happened and what to do', () => {
  it('explains a page opened without a launch (fhirclient: no state)', () => {
    const e = toLaunchError(new Error("No 'state' parameter found. Please (re)launch the app."));
    expect(e.kind).toBe('no-launch-params');
    expect(e.next).toMatch(/EHR/);
  });

  it('reports a denied authorization', () => {
    expect(toLaunchError(new Error('access_denied: The user denied access')).kind).toBe('access-denied');
  });

  it('asks to launch again from the chart when the token expired after an EHR launch', () => {
    const e = toLaunchError(new FhirHttpError(401, 'token expired'), { launch: EHR });
    expect(e.kind).toBe('token-expired');
    expect(e.next).toMatch(/launch .*again from the chart/i);
  });

  it('after a standalone launch says to start again from the standalone page, never "from the chart"', () => {
    const e = toLaunchError(new FhirHttpError(401, 'token expired'), { launch: STANDALONE });
    expect(e.next).toContain('https://app.example/launch/standalone.html');
    expect(e.next).not.toMatch(/from the chart/i);
    expect(new LaunchError('session-ended', undefined, { launch: STANDALONE }).next).not.toMatch(/chart/i);
  });

  it('without knowing how the tab was launched names both ways to start again', () => {
    const e = new LaunchError('token-expired', undefined, {});
    expect(e.next).toMatch(/chart in your EHR, or from the standalone launch page/);
  });

  it('an expired token read from the real sandbox answer (OperationOutcome + WWW-Authenticate) is "expired"', () => {
    const body = JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'expired', diagnostics: 'token expired' }],
    });
    const raw = fhirclientHttpError(401, 'Unauthorized', body, 'application/fhir+json', {
      'www-authenticate': 'Bearer error="invalid_token", error_description="token expired"',
    });
    expect(toLaunchError(toFhirHttpError(raw, 0), { launch: EHR }).kind).toBe('token-expired');
  });

  it('a 401 with a plain-text body says the token was rejected and quotes the server, not "session expired"', () => {
    const raw = fhirclientHttpError(401, 'Unauthorized', 'Invalid token: invalid signature', 'text/plain');
    const e = toLaunchError(raw, { launch: EHR });
    expect(e.kind).toBe('invalid-token');
    expect(e.title).toBe('The EHR rejected the app’s access token.');
    expect(e.detail).toBe('The EHR said: “Invalid token: invalid signature” (HTTP 401).');
    expect(e.detail).not.toMatch(/Patient\/p1|URL/); // the request URL (with the patient id) is never shown
  });

  it('invalid_client (token endpoint or FHIR server) names the registration, not the session', () => {
    const raw = fhirclientHttpError(
      401,
      'Unauthorized',
      JSON.stringify({ error: 'invalid_client', error_description: 'Unknown client' }),
      'application/json',
    );
    const e = toLaunchError(raw, { during: 'sign-in', launch: EHR });
    expect(e.kind).toBe('invalid-client');
    expect(e.detail).toContain('invalid_client: Unknown client');
    expect(e.next).toMatch(/client id/);
  });

  it('a refresh answered 403 invalid_grant says the session ended and to launch again (no "message below")', () => {
    const raw = fhirclientHttpError(
      403,
      'Forbidden',
      JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid refresh token' }),
      'application/json',
    );
    const e = toLaunchError(refreshFailure(raw, 0), { launch: EHR });
    expect(e.kind).toBe('session-ended');
    expect(e.title).toMatch(/session with the EHR has ended/);
    expect(e.detail).toContain('invalid_grant: Invalid refresh token');
    expect(e.next).toMatch(/Launch CareGap Panel again from the chart/);
    for (const k of ['fhir-error', 'invalid-token', 'sign-in-failed'] as const) {
      expect(new LaunchError(k).next).not.toMatch(/below/);
    }
  });

  it('a refresh that fails on the network stays a (retryable) network failure', () => {
    const failure = refreshFailure(new TypeError('Failed to fetch'), 0) as FhirHttpError;
    expect(failure.status).toBe(0);
    expect(toLaunchError(failure).kind).toBe('network');
  });

  it('a code exchange refused with invalid_grant reads "did not complete the sign-in"', () => {
    const raw = fhirclientHttpError(
      400,
      'Bad Request',
      JSON.stringify({ error: 'invalid_grant', error_description: 'Authorization code already used' }),
      'application/json',
    );
    const e = toLaunchError(raw, { during: 'sign-in', launch: EHR });
    expect(e.kind).toBe('sign-in-failed');
    expect(e.detail).toContain('Authorization code already used');
  });

  it('carries the OperationOutcome text of a FHIR error', () => {
    const outcome: fhir4.OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'exception', diagnostics: 'database unavailable' }],
    };
    const e = toLaunchError(new FhirHttpError(500, 'x', outcome));
    expect(e.kind).toBe('fhir-error');
    expect(e.detail).toBe('HTTP 500: database unavailable');
    expect(e.next).toMatch(/message above/);
  });

  it('recognises a network failure', () => {
    expect(toLaunchError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(toLaunchError(new FhirHttpError(0, 'fetch failed')).kind).toBe('network');
  });

  it('names the app’s own Content-Security-Policy when it reported blocking the connection', () => {
    recordViolation({
      effectiveDirective: 'connect-src',
      blockedURI: 'https://fhir.ehr-b.example/fhir/.well-known/smart-configuration',
    });
    recordViolation({ effectiveDirective: 'script-src-elem', blockedURI: 'inline' });
    const e = toLaunchError(new TypeError('Failed to fetch'));
    expect(e.kind).toBe('csp-blocked');
    expect(e.detail).toBe('Blocked by connect-src: https://fhir.ehr-b.example');
    expect(e.next).toMatch(/connect-src/);
    expect(e.next).not.toMatch(/network connection/);
  });

  it('says another patient’s data arrived, and that nothing is shown or written', () => {
    const e = toLaunchError(
      new PatientMismatchError('p1', [
        { resourceType: 'Observation', id: 'o9', field: 'subject', names: 'Patient/p2' },
      ]),
      { launch: EHR },
    );
    expect(e.kind).toBe('patient-mismatch');
    expect(e.detail).toBe('Observation/o9 subject names Patient/p2, not Patient/p1.');
    expect(e.next).toMatch(/No results are shown and nothing can be written/);
  });

  it('passes a LaunchError through unchanged', () => {
    const e = new LaunchError('no-patient');
    expect(toLaunchError(e)).toBe(e);
    expect(e.message).toMatch(/No patient/);
  });
});
