/**
 * Membership keys (valuesets/value-set.ts): the memoised key of a coding equals the key a value
 * set is built with, whatever the spelling of the system (HCPCS, OIDs) or spaces around the code,
 * and the registry answers the same for single codings, concepts and key lists.
 */
import { describe, expect, it } from 'vitest';
import { ValueSetRegistry, internedKey, membershipKeyOf } from '../../../src/engine/valuesets/value-set.ts';
import { HCPCS, LOINC } from '../../../src/engine/codes/code-systems.ts';

const VS = {
  url: 'http://example.org/ValueSet/t',
  oid: '1.2.3',
  name: 't',
  version: '1',
  codes: [
    [LOINC, '44261-6', 'PHQ-9'],
    [HCPCS, 'G0444', 'screen'],
  ] as const,
};

describe('membership keys', () => {
  it('normalise the system and trim the code, the same on every call', () => {
    expect(internedKey('urn:oid:2.16.840.1.113883.6.1', ' 44261-6 ')).toBe(`${LOINC}|44261-6`);
    expect(internedKey('http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', 'G0444')).toBe(`${HCPCS}|G0444`);
    expect(internedKey(LOINC, '44261-6')).toBe(internedKey(LOINC, '44261-6'));
    expect(membershipKeyOf({ system: LOINC, code: '1' })).toBe(`${LOINC}|1`);
    expect(membershipKeyOf({ system: LOINC })).toBeUndefined();
    expect(membershipKeyOf({ code: '1' })).toBeUndefined();
    expect(membershipKeyOf(undefined)).toBeUndefined();
  });

  it('answer as the registry does for codings, concepts and key lists', () => {
    const reg = new ValueSetRegistry([VS]);
    const codings: fhir4.Coding[] = [
      { system: 'urn:oid:2.16.840.1.113883.6.1', code: ' 44261-6' },
      { system: 'https://cms.gov/medicare/coding/hcpcsreleasecodesets', code: 'G0444' },
      { system: LOINC, code: '44260-8' },
      { system: 'http://snomed.info/sct', code: '44261-6' },
    ];
    for (const c of codings) {
      const k = membershipKeyOf(c)!;
      expect(reg.hasAnyKey(VS.url, [k])).toBe(reg.hasCoding(VS.url, c));
      expect(reg.memberKeys(VS.oid).has(k)).toBe(reg.hasCoding(VS.oid, c));
    }
    expect(reg.hasConcept(VS.url, { coding: codings })).toBe(true);
  });

  it('throw for a value set that is not loaded', () => {
    const reg = new ValueSetRegistry([VS]);
    expect(() => reg.memberKeys('http://example.org/ValueSet/none')).toThrow('value set not loaded');
  });
});
