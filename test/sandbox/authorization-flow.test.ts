import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  approveStandalone,
  authorizeUrl,
  exchangeCode,
  get,
  ORIGIN,
  pkcePair,
  postForm,
  REDIRECT_URI,
  requestIdOf,
  smallSandbox,
} from './sandbox-fixture.ts';

describe('authorize endpoint', () => {
  const sandbox = smallSandbox();

  it('shows an error page, never a redirect, for an unknown client', async () => {
    const res = await get(sandbox, authorizeUrl({ client_id: 'evil-app', code_challenge: 'x' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('Location')).toBeNull();
    expect(await res.text()).toContain('Unknown application');
  });

  it('refuses a redirect URI on a foreign origin or another path (no open redirect)', async () => {
    for (const redirect of ['https://evil.example/index.html', `${ORIGIN}/launch/index.html`]) {
      const res = await get(sandbox, authorizeUrl({ redirect_uri: redirect, code_challenge: 'x' }));
      expect(res.status).toBe(400);
      expect(res.headers.get('Location')).toBeNull();
    }
  });

  it('accepts the app page on 127.0.0.1 when the sandbox origin is localhost (same port)', async () => {
    const local = smallSandbox({ origin: 'http://localhost:8181' });
    const res = await local.handle(
      new Request(
        `http://localhost:8181${authorizeUrl({ redirect_uri: 'http://127.0.0.1:8181/index.html', aud: 'http://localhost:8181/fhir', code_challenge: 'x' })}`,
      ),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Select a patient');
  });

  it('rejects a missing or plain PKCE challenge with an error redirect carrying the state', async () => {
    for (const params of [{ code_challenge: undefined }, { code_challenge: 'abc', code_challenge_method: 'plain' }]) {
      const res = await get(sandbox, authorizeUrl(params));
      const location = new URL(res.headers.get('Location') ?? '');
      expect(res.status).toBe(302);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('state')).toBe('state-123');
    }
  });

  it("rejects an aud that is not this EHR's FHIR base", async () => {
    const res = await get(sandbox, authorizeUrl({ aud: 'https://other.example/fhir', code_challenge: 'x' }));
    expect(new URL(res.headers.get('Location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('rejects v2 scopes with invalid_scope at the v1-only profile base', async () => {
    const res = await get(sandbox, authorizeUrl({ aud: `${ORIGIN}/fhir/v1-only`, code_challenge: 'x' }));
    expect(new URL(res.headers.get('Location') ?? '').searchParams.get('error')).toBe('invalid_scope');
    const v1 = await get(
      sandbox,
      authorizeUrl({
        aud: `${ORIGIN}/fhir/v1-only`,
        code_challenge: 'x',
        scope: 'launch/patient patient/Observation.read',
      }),
    );
    expect(v1.status).toBe(200);
  });

  it('lists every patient by name on the picker, then the requested scopes (all checked) on the consent page', async () => {
    const picker = await (await get(sandbox, authorizeUrl({ code_challenge: 'x' }))).text();
    expect(picker).toContain('data-testid="pick-screen-due"');
    expect(picker).toContain('>Marcus Bell</button>');
    const consent = await (
      await postForm(sandbox, '/auth/pick', { request: requestIdOf(picker), patient: 'screen-due' })
    ).text();
    expect(consent).toContain('id="approve"');
    expect(consent).toContain('id="deny"');
    expect(consent).toContain('value="patient/Observation.rs" checked');
  });

  it('redirects with error=access_denied and the state when the user denies', async () => {
    const picker = await (await get(sandbox, authorizeUrl({ code_challenge: 'x' }))).text();
    const consent = await (
      await postForm(sandbox, '/auth/pick', { request: requestIdOf(picker), patient: 'screen-due' })
    ).text();
    const denied = await postForm(sandbox, '/auth/consent', { request: requestIdOf(consent), action: 'deny' });
    const location = new URL(denied.headers.get('Location') ?? '');
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('does not grant scopes the user unchecked', async () => {
    const { verifier, challenge } = pkcePair();
    const picker = await (await get(sandbox, authorizeUrl({ code_challenge: challenge }))).text();
    const consent = await (
      await postForm(sandbox, '/auth/pick', { request: requestIdOf(picker), patient: 'screen-due' })
    ).text();
    const approved = await postForm(sandbox, '/auth/consent', {
      request: requestIdOf(consent),
      action: 'approve',
      scope: ['launch/patient', 'patient/Patient.rs'],
    });
    const code = new URL(approved.headers.get('Location') ?? '').searchParams.get('code') ?? '';
    const token = await (await exchangeCode(sandbox, code, verifier)).json();
    expect(token.scope).toBe('launch/patient patient/Patient.rs');
    expect(token.refresh_token).toBeUndefined();
    expect((await get(sandbox, '/fhir/Observation?patient=screen-due', token.access_token)).status).toBe(403);
  });
});

describe('token endpoint', () => {
  const sandbox = smallSandbox();

  it('exchanges a code for a patient-context token when the PKCE verifier matches', async () => {
    const { verifier, challenge } = pkcePair();
    const location = await approveStandalone(sandbox, 'phq9-positive-no-followup', challenge);
    expect(location.searchParams.get('state')).toBe('state-123');
    const res = await exchangeCode(sandbox, location.searchParams.get('code') ?? '', verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const token = await res.json();
    expect(token).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      patient: 'phq9-positive-no-followup',
      need_patient_banner: true,
      smart_style_url: `${ORIGIN}/auth/smart-style.json`,
    });
    expect(token.scope.split(' ')).toEqual(expect.arrayContaining(['patient/Observation.rs', 'online_access']));
    expect(token.refresh_token).toEqual(expect.any(String));
    const patient = await (await get(sandbox, '/fhir/Patient/phq9-positive-no-followup', token.access_token)).json();
    expect(patient.name[0].family).toBe('Quintero');
  });

  it('rejects a wrong code_verifier', async () => {
    const { challenge } = pkcePair();
    const location = await approveStandalone(sandbox, 'screen-due', challenge);
    const res = await exchangeCode(sandbox, location.searchParams.get('code') ?? '', pkcePair().verifier);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('invalid_grant');
  });

  it('accepts each authorization code only once', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await approveStandalone(sandbox, 'screen-due', challenge)).searchParams.get('code') ?? '';
    expect((await exchangeCode(sandbox, code, verifier)).status).toBe(200);
    const reuse = await exchangeCode(sandbox, code, verifier);
    expect(reuse.status).toBe(400);
    expect((await reuse.json()).error_description).toMatch(/already used/);
  });

  it('rotates refresh tokens: the new one works once, the old one is rejected', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await approveStandalone(sandbox, 'screen-due', challenge)).searchParams.get('code') ?? '';
    const first = await (await exchangeCode(sandbox, code, verifier)).json();
    const refresh = (rt: string) =>
      postForm(sandbox, '/auth/token', { grant_type: 'refresh_token', refresh_token: rt, client_id: 'caregap-panel' });
    const second = await (await refresh(first.refresh_token)).json();
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.patient).toBe('screen-due');
    expect((await refresh(first.refresh_token)).status).toBe(400);
    expect((await refresh(second.refresh_token)).status).toBe(200);
  });

  it('signs an RS256 id_token with fhirUser, verifiable against the JWKS', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await approveStandalone(sandbox, 'screen-due', challenge)).searchParams.get('code') ?? '';
    const token = await (await exchangeCode(sandbox, code, verifier)).json();
    const jwks = createLocalJWKSet(await (await get(sandbox, '/auth/jwks.json')).json());
    const { payload } = await jwtVerify(token.id_token, jwks, { issuer: ORIGIN, audience: 'caregap-panel' });
    expect(payload.fhirUser).toBe('Practitioner/dr-rivera');
    const user = await get(sandbox, '/fhir/Practitioner/dr-rivera', token.access_token);
    expect(user.status).toBe(200);
  });

  it('answers CORS preflights from the app origin and not from others', async () => {
    const ok = await sandbox.handle(
      new Request(`${ORIGIN}/auth/token`, { method: 'OPTIONS', headers: { Origin: ORIGIN } }),
    );
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    const foreign = await sandbox.handle(
      new Request(`${ORIGIN}/auth/token`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } }),
    );
    expect(foreign.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('EHR launch', () => {
  const sandbox = smallSandbox();

  it('skips picker and consent, applies the denied-scope fault and carries the encounter and banner flag', async () => {
    const launch = sandbox.createLaunch({
      patient: 'suicide-risk',
      encounter: 'suicide-risk-enc-3',
      faults: { denyScopes: ['Observation'] },
    });
    const { verifier, challenge } = pkcePair();
    const res = await get(
      sandbox,
      authorizeUrl({
        launch,
        code_challenge: challenge,
        scope: 'launch openid fhirUser patient/Patient.rs patient/Observation.rs patient/Condition.rs online_access',
      }),
    );
    expect(res.status).toBe(302);
    const code = new URL(res.headers.get('Location') ?? '').searchParams.get('code') ?? '';
    const token = await (await exchangeCode(sandbox, code, verifier)).json();
    expect(token).toMatchObject({
      patient: 'suicide-risk',
      encounter: 'suicide-risk-enc-3',
      need_patient_banner: false,
    });
    expect(token.scope.split(' ')).not.toContain('patient/Observation.rs');
    expect(token.scope.split(' ')).toContain('patient/Condition.rs');
  });

  it('rejects an unknown launch handle', async () => {
    const res = await get(
      sandbox,
      authorizeUrl({ launch: 'not-a-launch', code_challenge: 'x', scope: 'launch patient/Patient.rs' }),
    );
    expect(new URL(res.headers.get('Location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('issues no refresh token when the launch asks for a short token lifetime, so expiry really happens', async () => {
    const launch = sandbox.createLaunch({ patient: 'screen-due', faults: { tokenLifetimeSec: 5 } });
    const { verifier, challenge } = pkcePair();
    const res = await get(
      sandbox,
      authorizeUrl({ launch, code_challenge: challenge, scope: 'launch patient/Patient.rs online_access' }),
    );
    const token = await (
      await exchangeCode(sandbox, new URL(res.headers.get('Location') ?? '').searchParams.get('code') ?? '', verifier)
    ).json();
    expect(token.expires_in).toBe(5);
    expect(token.refresh_token).toBeUndefined();
  });
});
