import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClientRegistry } from '../../src/smart/client-registry.ts';
import { planLaunch } from '../../src/smart/start-launch.ts';
import { sandboxHarness } from '../fhir/sandbox-harness.ts';

const h = sandboxHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());

const registry = parseClientRegistry({ clients: [{ iss: 'http://localhost:*', clientId: 'caregap-panel' }] });
const redirect = 'http://localhost:59999/index.html';

describe('planning a SMART launch against the sandbox EHR', () => {
  it('requests v2 scopes from a server whose discovery advertises permission-v2', async () => {
    const plan = await planLaunch({ iss: h.sandbox.fhirBase, launch: 'abc', mode: 'ehr', registry, defaultRedirectUri: redirect });
    expect(plan).toMatchObject({ clientId: 'caregap-panel', iss: h.sandbox.fhirBase, launch: 'abc', redirectUri: redirect });
    expect(plan.scope.split(' ')).toContain('patient/Observation.rs');
  });

  it('falls back to v1 scopes on a server without permission-v2', async () => {
    const plan = await planLaunch({ iss: h.sandbox.fhirBaseFor('v1-only'), mode: 'standalone', registry, defaultRedirectUri: redirect });
    expect(plan.scope.split(' ')).toEqual(expect.arrayContaining(['launch/patient', 'patient/Observation.read', 'patient/Observation.write']));
    expect(plan.scope).not.toMatch(/\.rs\b/);
  });

  it('refuses an EHR launch without iss, without launch, or from an unregistered server', async () => {
    await expect(planLaunch({ iss: null, launch: 'x', mode: 'ehr', registry, defaultRedirectUri: redirect })).rejects.toMatchObject({ kind: 'no-launch-params' });
    await expect(planLaunch({ iss: h.sandbox.fhirBase, mode: 'ehr', registry, defaultRedirectUri: redirect })).rejects.toMatchObject({ kind: 'no-launch-params' });
    await expect(planLaunch({ iss: 'https://unknown.example/fhir', launch: 'x', mode: 'ehr', registry, defaultRedirectUri: redirect })).rejects.toMatchObject({ kind: 'configuration' });
  });

  it('refuses plain http to a non-local server', async () => {
    const open = parseClientRegistry({ clients: [{ iss: '*', clientId: 'x' }] });
    await expect(planLaunch({ iss: 'http://ehr.example/fhir', launch: 'x', mode: 'ehr', registry: open, defaultRedirectUri: redirect })).rejects.toMatchObject({ kind: 'invalid-server' });
  });
});
