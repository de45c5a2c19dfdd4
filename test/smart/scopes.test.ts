import { describe, expect, it } from 'vitest';
import { parseGrantedScopes, parseResourceScope, requestedScopes, scopeSyntaxFor } from '../../src/smart/scopes.ts';

describe('scope negotiation', () => {
  it('requests v2 scopes when the server advertises permission-v2', () => {
    const syntax = scopeSyntaxFor(['launch-ehr', 'permission-v1', 'permission-v2']);
    expect(syntax).toBe('v2');
    const scope = requestedScopes('ehr', syntax).split(' ');
    expect(scope).toEqual(expect.arrayContaining(['openid', 'fhirUser', 'launch', 'online_access']));
    expect(scope).toContain('patient/Patient.rs');
    expect(scope).toContain('patient/Observation.rs');
    expect(scope).toContain('patient/QuestionnaireResponse.rs');
    expect(scope).toContain('patient/ServiceRequest.c');
    expect(scope).not.toContain('launch/patient');
    expect(scope.some((s) => s.includes('*'))).toBe(false);
    expect(scope).not.toContain('offline_access');
  });

  it('falls back to v1 .read/.write scopes when permission-v2 is absent', () => {
    const syntax = scopeSyntaxFor(['launch-ehr', 'permission-v1']);
    expect(syntax).toBe('v1');
    const scope = requestedScopes('ehr', syntax).split(' ');
    expect(scope).toContain('patient/Observation.read');
    expect(scope).toContain('patient/Observation.write');
    expect(scope.some((s) => /\.(rs|c)$/.test(s))).toBe(false);
  });

  it('treats a discovery document without capabilities as v1', () => {
    expect(scopeSyntaxFor(undefined)).toBe('v1');
  });

  it('asks for launch/patient instead of launch in a standalone launch', () => {
    const scope = requestedScopes('standalone', 'v2').split(' ');
    expect(scope).toContain('launch/patient');
    expect(scope).not.toContain('launch');
  });

  it('requests each read type exactly once', () => {
    const scope = requestedScopes('ehr', 'v2').split(' ');
    expect(new Set(scope).size).toBe(scope.length);
    expect(scope.filter((s) => s.endsWith('.rs'))).toHaveLength(9); // Patient + the 8 fetched types (DeviceRequest included)
    expect(scope.filter((s) => s.endsWith('.c'))).toHaveLength(4);
  });
});

describe('granted scope parsing', () => {
  it('reads v2 letters, v1 words and wildcards onto one permission set', () => {
    expect(parseResourceScope('patient/Observation.rs')?.permissions).toBe('rs');
    expect(parseResourceScope('patient/Observation.read')?.permissions).toBe('rs');
    expect(parseResourceScope('user/*.write')?.permissions).toBe('cud');
    expect(parseResourceScope('patient/*.*')?.permissions).toBe('cruds');
    expect(parseResourceScope('openid')).toBeUndefined();
    expect(parseResourceScope('patient/Observation.sr')).toBeUndefined();
  });

  it('allows reading a type granted with .rs and forbids a type left out', () => {
    const g = parseGrantedScopes('openid fhirUser launch patient/Patient.rs patient/Condition.rs');
    expect(g.canRead('Condition')).toBe(true);
    expect(g.canRead('Observation')).toBe(false);
    expect(g.readScopeName('Observation')).toBe('patient/Observation.rs');
  });

  it('names the v1 scope in messages when the launch used v1 syntax', () => {
    expect(parseGrantedScopes('', 'v1').readScopeName('Encounter')).toBe('patient/Encounter.read');
  });

  it('accepts v1 read grants and wildcard grants for reading', () => {
    expect(parseGrantedScopes('patient/Observation.read').canRead('Observation')).toBe(true);
    expect(parseGrantedScopes('patient/*.read').canRead('Procedure')).toBe(true);
    expect(parseGrantedScopes('user/*.rs').canRead('Encounter')).toBe(true);
  });

  it('grants write only with c (v2) or write (v1)', () => {
    const g = parseGrantedScopes('patient/Observation.rs patient/ServiceRequest.c patient/Procedure.write');
    expect(g.canWrite('Observation')).toBe(false);
    expect(g.canWrite('ServiceRequest')).toBe(true);
    expect(g.canWrite('Procedure')).toBe(true);
  });

  it('reports granular category restrictions when every Observation grant is restricted', () => {
    const restricted = parseGrantedScopes('patient/Observation.rs?category=laboratory');
    expect(restricted.canRead('Observation')).toBe(true);
    expect(restricted.readRestrictions('Observation')).toEqual(['category=laboratory']);
    const mixed = parseGrantedScopes('patient/Observation.rs?category=laboratory patient/Observation.rs');
    expect(mixed.readRestrictions('Observation')).toEqual([]);
  });

  it('treats an absent scope string as nothing granted', () => {
    const g = parseGrantedScopes(undefined);
    expect(g.canRead('Patient')).toBe(false);
    expect(g.raw).toBe('');
  });
});
