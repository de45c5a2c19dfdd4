import { describe, expect, it } from 'vitest';
import { get, ORIGIN, smallSandbox } from './sandbox-fixture.ts';

describe('SMART discovery', () => {
  const sandbox = smallSandbox();

  it('advertises endpoints, S256 PKCE and the SMART 2.x capabilities at the FHIR base', async () => {
    const res = await get(sandbox, '/fhir/.well-known/smart-configuration');
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const config = await res.json();
    expect(config.authorization_endpoint).toBe(`${ORIGIN}/auth/authorize`);
    expect(config.token_endpoint).toBe(`${ORIGIN}/auth/token`);
    expect(config.code_challenge_methods_supported).toEqual(['S256']);
    expect(config.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    expect(config.capabilities).toEqual(
      expect.arrayContaining([
        'launch-ehr',
        'launch-standalone',
        'client-public',
        'context-ehr-patient',
        'context-standalone-patient',
        'context-banner',
        'context-style',
        'sso-openid-connect',
        'permission-patient',
        'permission-user',
        'permission-v1',
        'permission-v2',
        'permission-online',
      ]),
    );
  });

  it('omits permission-v2 for the v1-only profile base, so clients fall back to v1 scopes', async () => {
    const config = await (await get(sandbox, '/fhir/v1-only/.well-known/smart-configuration')).json();
    expect(config.capabilities).toContain('permission-v1');
    expect(config.capabilities).not.toContain('permission-v2');
  });

  it('serves a CapabilityStatement with the SMART security extension without a token', async () => {
    const cs = (await (await get(sandbox, '/fhir/metadata')).json()) as fhir4.CapabilityStatement;
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toBe('4.0.1');
    const oauth = cs.rest?.[0]?.security?.extension?.[0]?.extension?.map((e) => e.valueUri);
    expect(oauth).toEqual([`${ORIGIN}/auth/authorize`, `${ORIGIN}/auth/token`]);
    expect(cs.rest?.[0]?.resource?.map((r) => r.type)).toEqual(
      expect.arrayContaining(['Patient', 'Observation', 'QuestionnaireResponse']),
    );
  });

  it('serves the smart_style_url JSON and an OpenID configuration with a JWKS', async () => {
    const style = await (await get(sandbox, '/auth/smart-style.json')).json();
    expect(style.color_background).toMatch(/^#/);
    const oidc = await (await get(sandbox, '/.well-known/openid-configuration')).json();
    expect(oidc.issuer).toBe(ORIGIN);
    const jwks = await (await get(sandbox, '/auth/jwks.json')).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
  });
});
