import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ClientRegistryError,
  findClientRegistration,
  parseClientRegistry,
} from '../../src/smart/client-registry.ts';

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

  it('rejects a registry without clients or with an entry lacking clientId', () => {
    expect(() => parseClientRegistry({})).toThrow(ClientRegistryError);
    expect(() => parseClientRegistry({ clients: [{ iss: '*' }] })).toThrow(/clientId/);
  });

  it('ships launch/clients.json registering caregap-panel for the local sandbox', () => {
    const shipped = parseClientRegistry(JSON.parse(readFileSync(new URL('../../launch/clients.json', import.meta.url), 'utf8')));
    expect(findClientRegistration(shipped, 'http://localhost:8080/fhir')?.clientId).toBe('caregap-panel');
    expect(findClientRegistration(shipped, 'http://127.0.0.1:39001/fhir')?.clientId).toBe('caregap-panel');
  });
});
