import { describe, expect, it } from 'vitest';
import { smallSandbox } from './sandbox-fixture.ts';

const post = (
  sandbox: ReturnType<typeof smallSandbox>,
  type: string,
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  sandbox.handle(
    new Request(`http://sandbox.test/fhir/${type}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json', ...headers },
    }),
  );

const referral = (patient: string): fhir4.ServiceRequest => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: `Patient/${patient}` },
  identifier: [{ system: 'urn:caregap:action', value: 'followup-1' }],
  code: {
    coding: [
      { system: 'http://snomed.info/sct', code: '183524004', display: 'Referral to psychiatry service (procedure)' },
    ],
  },
});

describe('create (write-back)', () => {
  it('stores a follow-up referral for the patient, with id, meta.lastUpdated and a Location', async () => {
    const sandbox = smallSandbox();
    const token = sandbox.issueToken({
      patient: 'phq9-positive-no-followup',
      scope: 'patient/ServiceRequest.crs',
    }).access_token;
    const before = sandbox.countsFor('phq9-positive-no-followup').ServiceRequest ?? 0;
    const res = await post(sandbox, 'ServiceRequest', token, referral('phq9-positive-no-followup'));
    expect(res.status).toBe(201);
    const created = (await res.json()) as fhir4.ServiceRequest;
    expect(created.id).toBeTruthy();
    expect(created.meta?.lastUpdated).toBeTruthy();
    expect(res.headers.get('Location')).toContain(`/fhir/ServiceRequest/${created.id}`);
    expect(sandbox.created()).toHaveLength(1);
    expect(sandbox.countsFor('phq9-positive-no-followup').ServiceRequest).toBe(before + 1);
  });

  it('does not duplicate on a conditional create with If-None-Exist: returns the existing resource with 200', async () => {
    const sandbox = smallSandbox();
    const token = sandbox.issueToken({
      patient: 'phq9-positive-no-followup',
      scope: 'patient/ServiceRequest.crs',
    }).access_token;
    const ifNoneExist = { 'If-None-Exist': 'identifier=urn:caregap:action|followup-1' };
    const first = await post(sandbox, 'ServiceRequest', token, referral('phq9-positive-no-followup'), ifNoneExist);
    const second = await post(sandbox, 'ServiceRequest', token, referral('phq9-positive-no-followup'), ifNoneExist);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(((await second.json()) as fhir4.Resource).id).toBe(((await first.json()) as fhir4.Resource).id);
    expect(sandbox.created()).toHaveLength(1);
  });

  it('rejects with 400 naming the field: wrong resourceType, another patient, missing subject', async () => {
    const sandbox = smallSandbox();
    const token = sandbox.issueToken({
      patient: 'phq9-positive-no-followup',
      scope: 'patient/ServiceRequest.crs',
    }).access_token;
    const cases: Array<[unknown, string]> = [
      [{ ...referral('phq9-positive-no-followup'), resourceType: 'Observation' }, 'ServiceRequest.resourceType'],
      [referral('suicide-risk'), 'ServiceRequest.subject'],
      [{ ...referral('x'), subject: undefined }, 'ServiceRequest.subject'],
    ];
    for (const [body, expression] of cases) {
      const res = await post(sandbox, 'ServiceRequest', token, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as fhir4.OperationOutcome).issue[0]?.expression).toEqual([expression]);
    }
    expect(sandbox.created()).toHaveLength(0);
  });

  it('needs a create scope: a read-only token gets 403', async () => {
    const sandbox = smallSandbox();
    const token = sandbox.issueToken({
      patient: 'phq9-positive-no-followup',
      scope: 'patient/ServiceRequest.rs',
    }).access_token;
    expect((await post(sandbox, 'ServiceRequest', token, referral('phq9-positive-no-followup'))).status).toBe(403);
  });

  it('forgets created resources on reset()', async () => {
    const sandbox = smallSandbox();
    const token = sandbox.issueToken({
      patient: 'phq9-positive-no-followup',
      scope: 'patient/ServiceRequest.crs',
    }).access_token;
    await post(sandbox, 'ServiceRequest', token, referral('phq9-positive-no-followup'));
    sandbox.reset();
    expect(sandbox.created()).toHaveLength(0);
    expect(sandbox.countsFor('phq9-positive-no-followup').ServiceRequest).toBeUndefined();
  });
});
