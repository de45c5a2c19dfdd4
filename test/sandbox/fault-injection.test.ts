import { describe, expect, it } from 'vitest';
import { FaultInjector, faultsFromParams, MAX_CONSECUTIVE_FAILURES } from '../../launch/sandbox/auth/faults.ts';
import { get, smallSandbox } from './sandbox-fixture.ts';

const ALL = 'launch/patient patient/*.rs';

describe('fault injection', () => {
  it('fails about the configured share of requests, reproducibly for the same seed', () => {
    const run = () => {
      const injector = new FaultInjector({ errorRate: 0.3 }, 7);
      return Array.from({ length: 1000 }, (_, i) => injector.decide(`GET /fhir/Observation?page=${i}`).kind);
    };
    const first = run();
    expect(run()).toEqual(first);
    const failures = first.filter((k) => k === 'error').length;
    expect(failures).toBeGreaterThan(240);
    expect(failures).toBeLessThan(360);
  });

  it(`never fails the same request more than ${MAX_CONSECUTIVE_FAILURES} times in a row, even at errorRate 1`, () => {
    const injector = new FaultInjector({ errorRate: 1 }, 1);
    const kinds = Array.from({ length: 9 }, () => injector.decide('GET /fhir/Condition').kind);
    expect(kinds).toEqual(['error', 'error', 'pass', 'error', 'error', 'pass', 'error', 'error', 'pass']);
  });

  it('answers 429 with Retry-After: 1 and an OperationOutcome when rate limiting', async () => {
    const sandbox = smallSandbox();
    const token = sandbox.issueToken({ patient: 'screen-due', scope: ALL, faults: { rateLimitRate: 1 } }).access_token;
    const res = await get(sandbox, '/fhir/Encounter?patient=screen-due', token);
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(((await res.json()) as fhir4.OperationOutcome).issue[0]?.code).toBe('throttled');
  });

  it("completes a retrying client's searches despite errorRate 0.5 (≤ 3 attempts each)", async () => {
    const sandbox = smallSandbox();
    const token = sandbox.issueToken({ patient: 'screen-due', scope: ALL, faults: { errorRate: 0.5 } }).access_token;
    for (const type of ['Condition', 'Encounter', 'Observation', 'Procedure', 'MedicationRequest']) {
      let status = 0;
      for (let attempt = 1; attempt <= 3 && status !== 200; attempt++) {
        status = (await get(sandbox, `/fhir/${type}?patient=screen-due`, token)).status;
      }
      expect(status).toBe(200);
    }
  });

  it('always fails searches of the failType with 500, from the chosen page on', async () => {
    const sandbox = smallSandbox();
    const all = sandbox.issueToken({ patient: 'heavy', scope: ALL, faults: { failType: 'Observation' } }).access_token;
    expect((await get(sandbox, '/fhir/Observation?patient=heavy', all)).status).toBe(500);
    expect((await get(sandbox, '/fhir/Condition?patient=heavy', all)).status).toBe(200);
    const later = sandbox.issueToken({
      patient: 'heavy',
      scope: ALL,
      faults: { failType: 'Observation', failFromPage: 1 },
    }).access_token;
    const first = await get(sandbox, '/fhir/Observation?patient=heavy&_count=1000', later);
    expect(first.status).toBe(200);
    const next = ((await first.json()) as fhir4.Bundle).link?.find((l) => l.relation === 'next')?.url ?? '';
    expect((await get(sandbox, next, later)).status).toBe(500);
  });

  it('delays every FHIR response by latencyMs', async () => {
    const waits: number[] = [];
    const sandbox = smallSandbox({ sleep: async (ms) => void waits.push(ms) });
    const token = sandbox.issueToken({ patient: 'screen-due', scope: ALL, faults: { latencyMs: 400 } }).access_token;
    await get(sandbox, '/fhir/Encounter?patient=screen-due', token);
    await get(sandbox, '/fhir/Patient/screen-due', token);
    expect(waits).toEqual([400, 400]);
  });

  it('reads faults from EHR chart URL parameters, ignoring junk', () => {
    const faults = faultsFromParams(
      new URLSearchParams(
        'errorRate=0.3&rateLimitRate=&denyScopes=Observation,Procedure&failType=bad type&latencyMs=250&tokenLifetimeSec=30',
      ),
    );
    expect(faults).toEqual({
      errorRate: 0.3,
      denyScopes: ['Observation', 'Procedure'],
      latencyMs: 250,
      tokenLifetimeSec: 30,
    });
  });
});
