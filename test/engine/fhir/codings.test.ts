/** Coded-element readers: CQL `~` against a code, tolerant of messy codings. */
import { describe, expect, it } from 'vitest';
import { codingsOf, conceptsOf, displayOf, extensionConcept, hasCode } from '../../../src/engine/fhir/codings.ts';

const LOINC_ADULT = { system: 'http://loinc.org', code: '73832-8' };

describe('hasCode', () => {
  it('matches any coding of the concept with the same system and code', () => {
    expect(
      hasCode(
        {
          coding: [
            { system: 'http://snomed.info/sct', code: '1' },
            { system: 'http://loinc.org', code: '73832-8' },
          ],
        },
        LOINC_ADULT,
      ),
    ).toBe(true);
  });
  it('ignores display and version, and trims the code', () => {
    expect(
      hasCode(
        { coding: [{ system: 'http://loinc.org', code: ' 73832-8 ', display: 'x', version: '2.77' }] },
        LOINC_ADULT,
      ),
    ).toBe(true);
  });
  it('normalises the system (urn:oid form of LOINC)', () => {
    expect(hasCode({ coding: [{ system: 'urn:oid:2.16.840.1.113883.6.1', code: '73832-8' }] }, LOINC_ADULT)).toBe(true);
  });
  it('does not match the same code in another system, or a coding without a system', () => {
    expect(hasCode({ coding: [{ system: 'http://snomed.info/sct', code: '73832-8' }] }, LOINC_ADULT)).toBe(false);
    expect(hasCode({ coding: [{ code: '73832-8' }] }, LOINC_ADULT)).toBe(false);
  });
  it('accepts arrays of concepts and survives junk', () => {
    expect(hasCode([{ text: 'x' }, { coding: [LOINC_ADULT] }], LOINC_ADULT)).toBe(true);
    expect(hasCode(undefined, LOINC_ADULT)).toBe(false);
    expect(hasCode({ coding: [null as unknown as fhir4.Coding] }, LOINC_ADULT)).toBe(false);
    expect(codingsOf({ coding: 'x' as unknown as fhir4.Coding[] })).toEqual([]);
    expect(conceptsOf(undefined)).toEqual([]);
  });
});

describe('displayOf and extensionConcept', () => {
  it('prefers text, then a coding display, then system|code', () => {
    expect(displayOf({ text: 'PHQ-9', coding: [{ display: 'other' }] })).toBe('PHQ-9');
    expect(displayOf({ coding: [{ code: '1' }, { display: 'Second' }] })).toBe('Second');
    expect(displayOf({ coding: [{ system: 's', code: '1' }] })).toBe('s|1');
  });
  it('reads the CodeableConcept of an extension by URL', () => {
    const r = {
      extension: [
        { url: 'a', valueString: 'x' },
        { url: 'b', valueCodeableConcept: { text: 'why' } },
      ],
    };
    expect(extensionConcept(r, 'b')).toEqual({ text: 'why' });
    expect(extensionConcept(r, 'a')).toBeUndefined();
  });
});
