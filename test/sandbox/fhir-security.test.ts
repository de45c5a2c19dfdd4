import { describe, expect, it } from 'vitest';
import { get, smallSandbox } from './sandbox-fixture.ts';

const V2 = 'launch/patient patient/Patient.rs patient/Observation.rs patient/Condition.rs';

describe('FHIR API security', () => {
  let clock = Date.parse('2026-03-02T12:00:00Z');
  const sandbox = smallSandbox({ now: () => clock });

  it('answers 401 with an OperationOutcome and WWW-Authenticate when no token is sent', async () => {
    const res = await get(sandbox, '/fhir/Patient/screen-due');
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect((await res.json()).resourceType).toBe('OperationOutcome');
  });

  it('answers 401 for an unknown token', async () => {
    const res = await get(sandbox, '/fhir/Patient/screen-due', 'made-up-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toContain('invalid_token');
  });

  it('answers 401 "token expired" once the token lifetime has passed, and not a second before', async () => {
    const token = sandbox.issueToken({ patient: 'screen-due', scope: V2, lifetimeSec: 60 });
    clock += 59_000;
    expect((await get(sandbox, '/fhir/Patient/screen-due', token.access_token)).status).toBe(200);
    clock += 1_000;
    const res = await get(sandbox, '/fhir/Patient/screen-due', token.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toContain('token expired');
    expect(JSON.stringify(await res.json())).toContain('token expired');
  });

  it('answers 403 with an OperationOutcome naming the missing scope', async () => {
    const token = sandbox.issueToken({ patient: 'screen-due', scope: 'patient/Patient.rs' });
    const res = await get(sandbox, '/fhir/Encounter?patient=screen-due', token.access_token);
    expect(res.status).toBe(403);
    const outcome = (await res.json()) as fhir4.OperationOutcome;
    expect(outcome.issue[0]?.diagnostics).toContain('patient/Encounter.s');
  });

  it('accepts v1 .read scopes and wildcards as read + search', async () => {
    for (const scope of ['patient/Encounter.read', 'patient/*.read', 'patient/*.rs']) {
      const token = sandbox.issueToken({ patient: 'screen-due', scope });
      expect((await get(sandbox, '/fhir/Encounter?patient=screen-due', token.access_token)).status).toBe(200);
    }
  });

  it('keeps a patient-scoped token inside its patient: other patients are 403, an unfiltered search is limited', async () => {
    const token = sandbox.issueToken({ patient: 'screen-due', scope: V2 });
    expect((await get(sandbox, '/fhir/Patient/suicide-risk', token.access_token)).status).toBe(403);
    expect((await get(sandbox, '/fhir/Observation?patient=suicide-risk', token.access_token)).status).toBe(403);
    const bundle = (await (await get(sandbox, '/fhir/Observation', token.access_token)).json()) as fhir4.Bundle;
    const subjects = new Set(
      bundle.entry
        ?.filter((e) => e.search?.mode === 'match')
        .map((e) => (e.resource as fhir4.Observation).subject?.reference),
    );
    expect([...subjects]).toEqual(['Patient/screen-due']);
  });

  it('lets a user-level token read any patient', async () => {
    const token = sandbox.issueToken({ scope: 'user/Patient.rs user/Group.rs' });
    expect((await get(sandbox, '/fhir/Patient/suicide-risk', token.access_token)).status).toBe(200);
    const group = (await (await get(sandbox, '/fhir/Group/attributed', token.access_token)).json()) as fhir4.Group;
    expect(group.member).toHaveLength(sandbox.patients().length);
  });

  it('allows CORS from the sandbox origin on FHIR errors too, so the app can read the OperationOutcome', async () => {
    const res = await get(sandbox, '/fhir/Patient/screen-due', undefined, { Origin: 'http://sandbox.test' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://sandbox.test');
  });
});
