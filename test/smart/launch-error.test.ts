import { describe, expect, it } from 'vitest';
import { FhirHttpError } from '../../src/fhir/fhir-http-error.ts';
import { LaunchError, toLaunchError } from '../../src/smart/launch-error.ts';

describe('launch errors tell the user what happened and what to do', () => {
  it('explains a page opened without a launch (fhirclient: no state)', () => {
    const e = toLaunchError(new Error("No 'state' parameter found. Please (re)launch the app."));
    expect(e.kind).toBe('no-launch-params');
    expect(e.next).toMatch(/EHR/);
  });

  it('reports a denied authorization', () => {
    expect(toLaunchError(new Error('access_denied: The user denied access')).kind).toBe('access-denied');
  });

  it('asks to launch again from the chart when the token expired', () => {
    const e = toLaunchError(new FhirHttpError(401, 'token expired'));
    expect(e.kind).toBe('token-expired');
    expect(e.next).toMatch(/launch .*again from the chart/i);
  });

  it('distinguishes an invalid token from an expired one', () => {
    const outcome: fhir4.OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'login', diagnostics: 'invalid token' }],
    };
    expect(toLaunchError(new FhirHttpError(401, 'x', outcome)).kind).toBe('invalid-token');
  });

  it('carries the OperationOutcome text of a FHIR error', () => {
    const outcome: fhir4.OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'exception', diagnostics: 'database unavailable' }],
    };
    const e = toLaunchError(new FhirHttpError(500, 'x', outcome));
    expect(e.kind).toBe('fhir-error');
    expect(e.detail).toBe('HTTP 500: database unavailable');
  });

  it('recognises a network failure', () => {
    expect(toLaunchError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(toLaunchError(new FhirHttpError(0, 'fetch failed')).kind).toBe('network');
  });

  it('passes a LaunchError through unchanged', () => {
    const e = new LaunchError('no-patient');
    expect(toLaunchError(e)).toBe(e);
    expect(e.message).toMatch(/No patient/);
  });
});
