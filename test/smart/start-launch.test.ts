import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseClientRegistry } from '../../src/smart/client-registry.ts';
import { authorizationErrorFromUrl } from '../../src/smart/complete-launch.ts';
import { isPlannedAuthorizationUrl, type LaunchPlan, planLaunch } from '../../src/smart/start-launch.ts';
import { sandboxHarness } from '../fhir/sandbox-harness.ts';

const h = sandboxHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => h.server.resetHandlers());
afterAll(() => h.server.close());

const registry = parseClientRegistry({ clients: [{ iss: 'http://localhost:*', clientId: 'caregap-panel' }] });
const redirect = 'http://localhost:59999/index.html';

describe('planning a SMART launch against the sandbox EHR', () => {
  it('requests v2 scopes from a server whose discovery advertises permission-v2', async () => {
    const plan = await planLaunch({
      iss: h.sandbox.fhirBase,
      launch: 'abc',
      mode: 'ehr',
      registry,
      defaultRedirectUri: redirect,
    });
    expect(plan).toMatchObject({
      clientId: 'caregap-panel',
      iss: h.sandbox.fhirBase,
      launch: 'abc',
      redirectUri: redirect,
    });
    expect(plan.scope.split(' ')).toContain('patient/Observation.rs');
  });

  it('falls back to v1 scopes on a server without permission-v2', async () => {
    const plan = await planLaunch({
      iss: h.sandbox.fhirBaseFor('v1-only'),
      mode: 'standalone',
      registry,
      defaultRedirectUri: redirect,
    });
    expect(plan.scope.split(' ')).toEqual(
      expect.arrayContaining(['launch/patient', 'patient/Observation.read', 'patient/Observation.write']),
    );
    expect(plan.scope).not.toMatch(/\.rs\b/);
  });

  it('refuses an EHR launch without iss, without launch, or from an unregistered server', async () => {
    await expect(
      planLaunch({ iss: null, launch: 'x', mode: 'ehr', registry, defaultRedirectUri: redirect }),
    ).rejects.toMatchObject({ kind: 'no-launch-params' });
    await expect(
      planLaunch({ iss: h.sandbox.fhirBase, mode: 'ehr', registry, defaultRedirectUri: redirect }),
    ).rejects.toMatchObject({ kind: 'no-launch-params' });
    await expect(
      planLaunch({
        iss: 'https://unknown.example/fhir',
        launch: 'x',
        mode: 'ehr',
        registry,
        defaultRedirectUri: redirect,
      }),
    ).rejects.toMatchObject({ kind: 'configuration' });
  });

  it('refuses plain http to a non-local server', async () => {
    const open = parseClientRegistry({ clients: [{ iss: '*', clientId: 'x' }] });
    await expect(
      planLaunch({
        iss: 'http://ehr.example/fhir',
        launch: 'x',
        mode: 'ehr',
        registry: open,
        defaultRedirectUri: redirect,
      }),
    ).rejects.toMatchObject({ kind: 'invalid-server' });
  });
});

describe('a launch starts only against a server that really authorizes (issue #14 §2)', () => {
  const discovery = `${h.sandbox.fhirBase}/.well-known/smart-configuration`;
  const good = async () => (await (await h.sandbox.handle(new Request(discovery))).json()) as Record<string, unknown>;

  it('refuses a server whose discovery lacks the authorization endpoint (fhirclient would skip OAuth)', async () => {
    const doc = await good();
    delete doc.authorization_endpoint;
    h.use(http.get(discovery, () => HttpResponse.json(doc)));
    await expect(
      planLaunch({ iss: h.sandbox.fhirBase, launch: 'x', mode: 'ehr', registry, defaultRedirectUri: redirect }),
    ).rejects.toMatchObject({ kind: 'insecure-server' });
  });

  it('refuses a server without PKCE S256, or without any discovery document', async () => {
    const doc = { ...(await good()), code_challenge_methods_supported: ['plain'] };
    h.use(http.get(discovery, () => HttpResponse.json(doc)));
    await expect(
      planLaunch({ iss: h.sandbox.fhirBase, launch: 'x', mode: 'ehr', registry, defaultRedirectUri: redirect }),
    ).rejects.toMatchObject({ kind: 'insecure-server', detail: expect.stringMatching(/S256/) });
    h.use(http.get(discovery, () => new HttpResponse('not found', { status: 404 })));
    await expect(
      planLaunch({ iss: h.sandbox.fhirBase, launch: 'x', mode: 'ehr', registry, defaultRedirectUri: redirect }),
    ).rejects.toMatchObject({ kind: 'insecure-server' });
  });

  it('refuses authorization endpoints over plain http to another host', async () => {
    const doc = { ...(await good()), authorization_endpoint: 'http://evil.example/authorize' };
    h.use(http.get(discovery, () => HttpResponse.json(doc)));
    await expect(
      planLaunch({ iss: h.sandbox.fhirBase, launch: 'x', mode: 'ehr', registry, defaultRedirectUri: redirect }),
    ).rejects.toMatchObject({ kind: 'insecure-server' });
  });

  it('uses the issuer exactly as it was matched (normalised), with the discovered authorization endpoint', async () => {
    const plan = await planLaunch({
      iss: h.sandbox.fhirBase.replace('localhost', 'LOCALHOST'),
      launch: 'x',
      mode: 'ehr',
      registry,
      defaultRedirectUri: redirect,
    });
    expect(plan.iss).toBe(h.sandbox.fhirBase);
    expect(plan.authorizationEndpoint).toBe(`${h.sandbox.origin}/auth/authorize`);
  });

  it('refuses an issuer with userinfo before any request', async () => {
    h.requests.length = 0;
    await expect(
      planLaunch({
        iss: 'http://localhost:80@evil.example/fhir',
        launch: 'x',
        mode: 'ehr',
        registry,
        defaultRedirectUri: redirect,
      }),
    ).rejects.toMatchObject({ kind: 'invalid-server' });
    expect(h.requests).toEqual([]);
  });

  it('checks the URL fhirclient built before going there: endpoint, client, audience, PKCE S256', () => {
    const plan: LaunchPlan = {
      clientId: 'caregap-panel',
      scope: 'launch',
      iss: 'http://localhost:1/fhir',
      redirectUri: redirect,
      authorizationEndpoint: 'http://localhost:1/auth/authorize',
    };
    const ok =
      'http://localhost:1/auth/authorize?response_type=code&client_id=caregap-panel&scope=launch&redirect_uri=x&aud=http%3A%2F%2Flocalhost%3A1%2Ffhir&state=s&code_challenge=c&code_challenge_method=S256';
    expect(isPlannedAuthorizationUrl(ok, plan)).toBe(true);
    expect(isPlannedAuthorizationUrl(`${redirect}?state=s`, plan)).toBe(false); // open server: straight back to the app
    expect(isPlannedAuthorizationUrl(ok.replace('client_id=caregap-panel', 'client_id=evil'), plan)).toBe(false);
    expect(isPlannedAuthorizationUrl(ok.replace('&code_challenge=c&code_challenge_method=S256', ''), plan)).toBe(false);
    expect(isPlannedAuthorizationUrl(ok.replace('localhost:1/auth', 'localhost:2/auth'), plan)).toBe(false);
  });
});

describe('scopes registered per launch mode (issue #13 §5)', () => {
  const perMode = parseClientRegistry({
    clients: [
      {
        iss: 'http://localhost:*',
        clientId: 'caregap-panel',
        scopes: {
          ehr: 'openid fhirUser launch patient/*.rs',
          standalone: 'openid fhirUser launch/patient patient/*.rs',
        },
      },
    ],
  });
  it('an EHR launch asks for launch, a standalone launch for launch/patient', async () => {
    const ehr = await planLaunch({
      iss: h.sandbox.fhirBase,
      launch: 'x',
      mode: 'ehr',
      registry: perMode,
      defaultRedirectUri: redirect,
    });
    expect(ehr.scope).toBe('openid fhirUser launch patient/*.rs');
    const standalone = await planLaunch({
      iss: h.sandbox.fhirBase,
      mode: 'standalone',
      registry: perMode,
      defaultRedirectUri: redirect,
    });
    expect(standalone.scope).toBe('openid fhirUser launch/patient patient/*.rs');
  });
  it('a single scope string lacking launch/patient cannot start a standalone launch (configuration error)', async () => {
    const one = parseClientRegistry({
      clients: [{ iss: 'http://localhost:*', clientId: 'caregap-panel', scopes: 'openid launch patient/*.rs' }],
    });
    await expect(
      planLaunch({ iss: h.sandbox.fhirBase, mode: 'standalone', registry: one, defaultRedirectUri: redirect }),
    ).rejects.toMatchObject({
      kind: 'configuration',
      detail: expect.stringMatching(/lack launch\/patient/),
    });
    await expect(
      planLaunch({ iss: h.sandbox.fhirBase, launch: 'x', mode: 'ehr', registry: one, defaultRedirectUri: redirect }),
    ).resolves.toMatchObject({ scope: 'openid launch patient/*.rs' });
  });
});

describe('an OAuth error on the redirect (issue #14 §2)', () => {
  const storage = (entries: Record<string, unknown>) => ({
    getItem: (k: string) => (k in entries ? JSON.stringify(entries[k]) : null),
  });
  it('shows the server’s error_description for a launch this tab started', () => {
    const e = authorizationErrorFromUrl(
      '?error=access_denied&error_description=The%20user%20denied&state=abc',
      storage({ abc: { key: 'abc', tokenResponse: {} } }),
    );
    expect(e).toMatchObject({ kind: 'access-denied', detail: 'access_denied: The user denied' });
    const client = authorizationErrorFromUrl(
      '?error=invalid_client&error_description=Unknown%20client&state=abc',
      storage({ abc: { key: 'abc', tokenResponse: {} } }),
    );
    expect(client).toMatchObject({ kind: 'invalid-client', detail: 'invalid_client: Unknown client' });
    const scope = authorizationErrorFromUrl(
      '?error=invalid_scope&error_description=Simulated%20invalid%20scope%20error&state=abc',
      storage({ abc: { key: 'abc', tokenResponse: {} } }),
    );
    expect(scope).toMatchObject({ kind: 'sign-in-failed', detail: 'invalid_scope: Simulated invalid scope error' });
  });
  it('shows nothing from the URL for a crafted link (no state, another state, or an already completed one)', () => {
    const crafted = '?error=server_error&error_description=Call%20555-0100%20to%20restore%20access';
    for (const [search, store] of [
      [crafted, storage({})],
      [`${crafted}&state=zzz`, storage({ abc: { key: 'abc', tokenResponse: {} } })],
      [`${crafted}&state=abc`, storage({ abc: { key: 'abc', tokenResponse: { access_token: 't' } } })],
    ] as const) {
      const e = authorizationErrorFromUrl(search, store);
      expect(e?.kind).toBe('unexpected-redirect');
      expect(e?.detail).toBeUndefined();
      expect(`${e?.title} ${e?.next}`).not.toMatch(/555/);
    }
  });
  it('is silent when there is no error', () => {
    expect(authorizationErrorFromUrl('?code=x&state=abc', storage({}))).toBeUndefined();
  });
});
