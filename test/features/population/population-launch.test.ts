import { describe, expect, it } from 'vitest';
import type Client from 'fhirclient/lib/Client';
import { requestedScopes } from '../../../src/smart/scopes.ts';
import { launchedSessionFromClient } from '../../../src/smart/session.ts';

/** The parts of a fhirclient Client the session reads. */
function fakeClient(token: { scope: string; patient?: string }): Client {
  return {
    patient: { id: token.patient ?? null },
    encounter: { id: null },
    state: { serverUrl: 'https://ehr.example.org/fhir', scope: 'openid', tokenResponse: token },
    getFhirUser: () => 'Practitioner/dr-rivera',
    request: async () => ({}),
    refreshIfNeeded: async () => ({}),
  } as unknown as Client;
}

describe('practitioner (population) launch', () => {
  it('asks for user/ reads of the record types and the Group, no patient context and no writes', () => {
    const scope = requestedScopes('ehr', 'v2', 'population').split(' ');
    expect(scope).toContain('launch');
    expect(scope).toContain('user/Patient.rs');
    expect(scope).toContain('user/Group.rs');
    expect(scope).toContain('user/Observation.rs');
    expect(scope.some((s) => s.startsWith('patient/') || s === 'launch/patient')).toBe(false);
    expect(scope.some((s) => /\.(c|write)$/.test(s))).toBe(false);
  });
  it('uses v1 .read scopes and no launch scope for a standalone population launch on a v1 server', () => {
    const scope = requestedScopes('standalone', 'v1', 'population').split(' ');
    expect(scope).toContain('user/Encounter.read');
    expect(scope).not.toContain('launch');
  });
  it('a token without patient but with user/Patient read becomes a population session', () => {
    const session = launchedSessionFromClient(fakeClient({ scope: 'openid fhirUser user/Patient.rs user/Group.rs' }));
    expect(session.patientId).toBeUndefined();
    expect(session.fhirUser).toBe('Practitioner/dr-rivera');
    expect(session.granted.canRead('Group')).toBe(true);
  });
  it('a token with neither patient nor user reads is still the "no patient" launch error', () => {
    expect(() => launchedSessionFromClient(fakeClient({ scope: 'openid patient/Observation.rs' }))).toThrow();
  });
  it('a token with patient context stays a patient session', () => {
    expect(
      launchedSessionFromClient(fakeClient({ scope: 'patient/Patient.rs', patient: 'screen-due' })).patientId,
    ).toBe('screen-due');
  });
});
