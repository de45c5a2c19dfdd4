/**
 * SMART Backend Services in the sandbox (SMART App Launch 2.x backend-services +
 * client-confidential-asymmetric): the client_credentials grant accepts a private_key_jwt
 * assertion signed RS384 or ES384 with a key of the registered JWK Set, and rejects a wrong key, an
 * expired assertion, an exp more than five minutes ahead, a replayed jti, a wrong aud, iss ≠ sub,
 * an unknown client or kid, a foreign jku, other algorithms and a missing typ — each as
 * `invalid_client`. Granted scopes are the requested system/ read scopes within `system/*.rs`;
 * tokens live ≤ 300 s, come without refresh tokens and read the FHIR API as system.
 */
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS_DIR } from '../../launch/sandbox/backend/backend-clients.ts';
import { loadSigningKey, signClientAssertion, type SigningKey } from '../../src/cli/export/client-assertion.ts';
import { get, ORIGIN, postForm, smallSandbox } from './sandbox-fixture.ts';

const TOKEN_URL = `${ORIGIN}/auth/token`;
const CLIENT = 'caregap-backend';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const T0 = Date.parse('2026-03-02T15:00:00Z');

const rsKey = () => loadSigningKey(join(DEV_KEYS_DIR, 'backend.private.jwk.json'));
const esKey = () => loadSigningKey(join(DEV_KEYS_DIR, 'backend-es384.private.jwk.json'));

function clock(start = T0) {
  const c = { t: start, now: () => c.t };
  return c;
}

async function tokenRequest(
  sandbox: ReturnType<typeof smallSandbox>,
  assertion: string,
  extra: Record<string, string> = {},
) {
  const res = await postForm(sandbox, '/auth/token', {
    grant_type: 'client_credentials',
    scope: 'system/*.rs',
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion,
    ...extra,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

function assertion(
  key: SigningKey,
  over: Partial<{ clientId: string; tokenUrl: string; nowSec: number; jti: string; lifetimeSec: number }> = {},
): string {
  return signClientAssertion(key, { clientId: CLIENT, tokenUrl: TOKEN_URL, nowSec: Math.floor(T0 / 1000), ...over });
}

describe('client_credentials with a private_key_jwt assertion', () => {
  it('issues a short-lived system token for an RS384 and an ES384 assertion, and the token reads the FHIR API', async () => {
    const c = clock();
    const sandbox = smallSandbox({ now: c.now });
    for (const key of [await rsKey(), await esKey()]) {
      const r = await tokenRequest(sandbox, assertion(key));
      expect(r.status).toBe(200);
      expect(r.headers.get('Cache-Control')).toBe('no-store');
      expect(r.body).toMatchObject({ token_type: 'bearer', expires_in: 300, scope: 'system/*.rs' });
      expect(r.body.refresh_token).toBeUndefined();
      const patients = await get(sandbox, '/fhir/Patient?_count=5', r.body.access_token as string);
      expect(patients.status).toBe(200);
      expect(((await patients.json()) as fhir4.Bundle).total).toBe(sandbox.patients().length);
    }
    // the token stops working after 300 s
    const r = await tokenRequest(sandbox, assertion(await rsKey()));
    c.t += 300_000;
    const late = await get(sandbox, '/fhir/Patient', r.body.access_token as string);
    expect(late.status).toBe(401);
    expect(late.headers.get('WWW-Authenticate')).toContain('token expired');
  });

  it('grants only system/ read scopes within the pre-authorization, and refuses when none remain', async () => {
    const sandbox = smallSandbox({ now: clock().now });
    const key = await rsKey();
    const mixed = await tokenRequest(sandbox, assertion(key), {
      scope: 'system/Patient.rs system/Observation.read system/Observation.cruds patient/Condition.rs user/*.rs openid',
    });
    expect(mixed.status).toBe(200);
    expect(mixed.body.scope).toBe('system/Patient.rs system/Observation.read');
    const denied = await get(sandbox, '/fhir/Condition', mixed.body.access_token as string);
    expect(denied.status).toBe(403);
    const none = await tokenRequest(sandbox, assertion(key), { scope: 'system/Observation.c patient/*.rs' });
    expect(none).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const missing = await tokenRequest(sandbox, assertion(key), { scope: '' });
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  it('rejects an assertion signed with a key that is not the registered one (same kid)', async () => {
    const sandbox = smallSandbox({ now: clock().now });
    const registered = await rsKey();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const impostor: SigningKey = { key: privateKey, kid: registered.kid, alg: 'RS384' };
    const r = await tokenRequest(sandbox, assertion(impostor));
    expect(r).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(r.body.error_description).toMatch(/signature/);
  });

  it('rejects an expired assertion, and one whose exp is more than five minutes ahead', async () => {
    const c = clock();
    const sandbox = smallSandbox({ now: c.now });
    const key = await rsKey();
    const signed = assertion(key, { lifetimeSec: 60 });
    c.t += 60_000 + 6_000; // past exp and the 5 s skew allowance
    const expired = await tokenRequest(sandbox, signed);
    expect(expired).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(expired.body.error_description).toMatch(/expired/);
    const tooLong = await tokenRequest(sandbox, assertion(key, { nowSec: Math.floor(c.t / 1000), lifetimeSec: 600 }));
    expect(tooLong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(tooLong.body.error_description).toMatch(/five minutes/);
    // 300 s exactly is allowed
    expect(
      (await tokenRequest(sandbox, assertion(key, { nowSec: Math.floor(c.t / 1000), lifetimeSec: 300 }))).status,
    ).toBe(200);
  });

  it('rejects a replayed jti, while the same jti after its assertion expired is a fresh one', async () => {
    const c = clock();
    const sandbox = smallSandbox({ now: c.now });
    const key = await rsKey();
    const once = assertion(key, { jti: 'one-time' });
    expect((await tokenRequest(sandbox, once)).status).toBe(200);
    const replay = await tokenRequest(sandbox, once);
    expect(replay).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(replay.body.error_description).toMatch(/replay/);
    // a different assertion carrying the same jti is a replay too
    expect((await tokenRequest(sandbox, assertion(key, { jti: 'one-time', lifetimeSec: 200 }))).status).toBe(401);
    c.t += 301_000 + 10_000;
    expect(
      (await tokenRequest(sandbox, assertion(key, { jti: 'one-time', nowSec: Math.floor(c.t / 1000) }))).status,
    ).toBe(200);
  });

  it('rejects a wrong aud (the FHIR base, another server, a trailing slash)', async () => {
    const sandbox = smallSandbox({ now: clock().now });
    const key = await rsKey();
    for (const aud of [`${ORIGIN}/fhir`, 'https://other.example/auth/token', `${ORIGIN}/auth/token/`]) {
      const r = await tokenRequest(sandbox, assertion(key, { tokenUrl: aud }));
      expect(r, aud).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(r.body.error_description).toMatch(/aud/);
    }
  });

  it('rejects iss ≠ sub, an unknown client, a client_id that differs from iss, an unknown kid and a kty that does not fit alg', async () => {
    const sandbox = smallSandbox({ now: clock().now });
    const rs = await rsKey();
    const es = await esKey();
    const nowSec = Math.floor(T0 / 1000);
    const jwt = (header: Record<string, unknown>, claims: Record<string, unknown>, key = rs.key) =>
      new SignJWT({ iss: CLIENT, sub: CLIENT, aud: TOKEN_URL, exp: nowSec + 120, jti: crypto.randomUUID(), ...claims })
        .setProtectedHeader({ alg: 'RS384', typ: 'JWT', kid: rs.kid, ...header } as never)
        .sign(key);
    const cases: [string, string, Record<string, string>?][] = [
      ['sub', await jwt({}, { sub: 'someone-else' })],
      ['not a registered client', assertion(rs, { clientId: 'stranger' })],
      ['client_id', assertion(rs), { client_id: 'caregap-panel' }],
      ['kid', await jwt({ kid: 'no-such-kid' }, {})],
      ['RSA key', await jwt({ alg: 'ES384', kid: rs.kid }, {}, es.key)],
      ['jku', await jwt({ jku: 'https://attacker.example/jwks.json' }, {})],
      ['typ', await jwt({ typ: 'at+jwt' }, {})],
    ];
    for (const [why, signed, extra] of cases) {
      const r = await tokenRequest(sandbox, signed, extra);
      expect(r, why).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(String(r.body.error_description), why).toContain(why === 'RSA key' ? 'no single registered EC key' : why);
    }
  });

  it('refuses other algorithms (RS256, HS256, none) even with a registered kid', async () => {
    const sandbox = smallSandbox({ now: clock().now });
    const rs = await rsKey();
    const nowSec = Math.floor(T0 / 1000);
    const claims = { iss: CLIENT, sub: CLIENT, aud: TOKEN_URL, exp: nowSec + 60, jti: 'x' };
    const { privateKey } = await generateKeyPair('RS256');
    const rs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: rs.kid, typ: 'JWT' })
      .sign(privateKey);
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: rs.kid, typ: 'JWT' })
      .sign(new TextEncoder().encode(JSON.stringify(await exportJWK(rs.key))));
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: rs.kid, typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    for (const [alg, signed] of [
      ['RS256', rs256],
      ['HS256', hs256],
      ['none', none],
    ] as const) {
      const r = await tokenRequest(sandbox, signed);
      expect(r, alg).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(String(r.body.error_description)).toContain(`alg '${alg}'`);
    }
  });

  it('rejects a missing or wrong client_assertion_type and a garbage assertion', async () => {
    const sandbox = smallSandbox({ now: clock().now });
    const good = assertion(await rsKey());
    expect((await tokenRequest(sandbox, good, { client_assertion_type: 'urn:other' })).body.error).toBe(
      'invalid_client',
    );
    expect((await tokenRequest(sandbox, 'not.a.jwt')).body).toMatchObject({ error: 'invalid_client' });
  });
});
