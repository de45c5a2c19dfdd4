import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClientRegistryError, findClientRegistration, parseClientRegistry } from '../../src/smart/client-registry.ts';

const registry = parseClientRegistry({
  clients: [
    { iss: '*', clientId: 'fallback' },
    { iss: 'http://localhost:*', clientId: 'sandbox' },
    { iss: 'https://fhir.example-ehr.org/api/FHIR/R4', clientId: 'epic-prod', scopes: 'launch openid' },
    { iss: 'https://fhir.example-ehr.org/api', clientId: 'epic-any' },
  ],
});

describe('client registration by issuer', () => {
  it('prefers an exact issuer match, ignoring a trailing slash', () => {
    expect(findClientRegistration(registry, 'https://fhir.example-ehr.org/api/FHIR/R4/')?.clientId).toBe('epic-prod');
  });

  it('falls back to the longest prefix on a path boundary', () => {
    expect(findClientRegistration(registry, 'https://fhir.example-ehr.org/api/FHIR/DSTU2')?.clientId).toBe('epic-any');
    expect(findClientRegistration(registry, 'https://fhir.example-ehr.org/apix')?.clientId).toBe('fallback');
  });

  it('matches the sandbox on any localhost port with the glob entry', () => {
    expect(findClientRegistration(registry, 'http://localhost:43121/fhir')?.clientId).toBe('sandbox');
  });

  it('finds nothing when no entry matches and there is no wildcard', () => {
    const strict = parseClientRegistry({ clients: [{ iss: 'https://a.example/fhir', clientId: 'a' }] });
    expect(findClientRegistration(strict, 'https://b.example/fhir')).toBeUndefined();
  });

  it('keeps per-EHR scope overrides', () => {
    expect(findClientRegistration(registry, 'https://fhir.example-ehr.org/api/FHIR/R4')?.scopes).toBe('launch openid');
  });

  it('keeps per-launch-mode scope overrides', () => {
    const r = parseClientRegistry({
      clients: [
        {
          iss: 'https://a.example/fhir',
          clientId: 'a',
          scopes: { ehr: 'launch openid', standalone: 'launch/patient openid' },
        },
      ],
    });
    expect(findClientRegistration(r, 'https://a.example/fhir')?.scopes).toEqual({
      ehr: 'launch openid',
      standalone: 'launch/patient openid',
    });
    expect(() =>
      parseClientRegistry({ clients: [{ iss: 'https://a.example/fhir', clientId: 'a', scopes: { backend: 'x' } }] }),
    ).toThrow(/unknown launch kind/);
  });

  it('rejects a registry without clients or with an entry lacking clientId', () => {
    expect(() => parseClientRegistry({})).toThrow(ClientRegistryError);
    expect(() => parseClientRegistry({ clients: [{ iss: '*' }] })).toThrow(/clientId/);
  });

  it('ships launch/clients.json registering caregap-panel for the local sandbox', () => {
    const shipped = parseClientRegistry(
      JSON.parse(readFileSync(new URL('../../launch/clients.json', import.meta.url), 'utf8')),
    );
    expect(findClientRegistration(shipped, 'http://localhost:8080/fhir')?.clientId).toBe('caregap-panel');
    expect(findClientRegistration(shipped, 'http://127.0.0.1:39001/fhir')?.clientId).toBe('caregap-panel');
  });
});

/** Look-alike issuers (issue #14 §2): none may match a pattern that does not cover its real host, port and path. */
describe('the issuer allow-list against look-alike issuers', () => {
  const list = parseClientRegistry({
    clients: [
      { iss: 'https://*.ehr-a.example/fhir', clientId: 'ehr-a' },
      { iss: 'http://localhost:*', clientId: 'sandbox' },
      { iss: 'https://ehr-b.example/api/FHIR/R4', clientId: 'ehr-b' },
      { iss: 'https://ehr-c.example:8443/fhir', clientId: 'ehr-c' },
    ],
  });
  const match = (iss: string) => findClientRegistration(list, iss)?.clientId;

  it('a host glob matches one whole label, anchored at both ends', () => {
    expect(match('https://tenant1.ehr-a.example/fhir')).toBe('ehr-a');
    expect(match('https://TENANT1.EHR-A.example/fhir/')).toBe('ehr-a');
    expect(match('https://evil.example/.ehr-a.example/fhir')).toBeUndefined();
    expect(match('https://a.b.ehr-a.example/fhir')).toBeUndefined();
    expect(match('https://ehr-a.example/fhir')).toBeUndefined();
    expect(match('https://tenant1.ehr-a.example.evil.example/fhir')).toBeUndefined();
    expect(match('https://evil-ehr-a.example/fhir')).toBeUndefined();
    expect(match('http://tenant1.ehr-a.example/fhir')).toBeUndefined();
    expect(match('https://tenant1.ehr-a.example:444/fhir')).toBeUndefined();
  });

  it('userinfo never matches (the real host is after the @)', () => {
    expect(match('http://localhost:80@evil.example/fhir')).toBeUndefined();
    expect(match('http://localhost@evil.example/fhir')).toBeUndefined();
    expect(match('https://tenant1.ehr-a.example@evil.example/fhir')).toBeUndefined();
    expect(match('https://user:pw@tenant1.ehr-a.example/fhir')).toBeUndefined();
    expect(
      findClientRegistration(
        parseClientRegistry({ clients: [{ iss: '*', clientId: 'any' }] }),
        'https://x@evil.example/fhir',
      ),
    ).toBeUndefined();
  });

  it('a port glob matches any port of that host only', () => {
    expect(match('http://localhost:8080/fhir')).toBe('sandbox');
    expect(match('http://localhost/fhir')).toBe('sandbox');
    expect(match('http://localhost.evil.example:8080/fhir')).toBeUndefined();
    expect(match('https://localhost:8080/fhir')).toBeUndefined();
    expect(match('http://127.0.0.1:8080/fhir')).toBeUndefined();
  });

  it('a prefix matches on a path-segment boundary after normalisation', () => {
    expect(match('https://ehr-b.example/api/FHIR/R4')).toBe('ehr-b');
    expect(match('https://ehr-b.example/api/FHIR/R4/tenant/7')).toBe('ehr-b');
    expect(match('https://ehr-b.example:443/api/FHIR/R4/')).toBe('ehr-b');
    expect(match('https://EHR-B.example/api/FHIR/R4')).toBe('ehr-b');
    expect(match('https://ehr-b.example/api/FHIR/R4x')).toBeUndefined();
    expect(match('https://ehr-b.example/api/FHIR/R4/../../../evil')).toBeUndefined();
    expect(match('https://ehr-b.example/api/FHIR/R4/%2e%2e/%2e%2e/evil')).toBeUndefined();
    expect(match('https://ehr-b.example/api/fhir/r4')).toBeUndefined();
    expect(match('https://ehr-b.example/api/FHIR/R4?x=1')).toBeUndefined();
    expect(match('https://ehr-b.example/api/FHIR/R4#frag')).toBeUndefined();
    expect(match('https://ehr-c.example:8443/fhir/r4')).toBe('ehr-c');
    expect(match('https://ehr-c.example/fhir')).toBeUndefined();
  });

  it('refuses patterns that could not be anchored (a glob in the path, userinfo, a query)', () => {
    expect(() => parseClientRegistry({ clients: [{ iss: 'https://ehr.example/*/fhir', clientId: 'x' }] })).toThrow(
      ClientRegistryError,
    );
    expect(() => parseClientRegistry({ clients: [{ iss: 'https://u@ehr.example/fhir', clientId: 'x' }] })).toThrow(
      ClientRegistryError,
    );
    expect(() =>
      parseClientRegistry({ clients: [{ iss: 'https://ehr.example/fhir?tenant=1', clientId: 'x' }] }),
    ).toThrow(ClientRegistryError);
    expect(() => parseClientRegistry({ clients: [{ iss: 'ftp://ehr.example/fhir', clientId: 'x' }] })).toThrow(
      ClientRegistryError,
    );
  });
});
