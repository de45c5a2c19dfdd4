/** Engine statements rewritten for clinicians: display names, no code lists, one date format. */
import { describe, expect, it } from 'vitest';
import { codingKey, codingsMentioned, plainText } from '../../../src/features/care-panel/plain-language.ts';
import { formatDateTime, formatDay } from '../../../src/features/care-panel/display-date.ts';

describe('plain language', () => {
  it('puts the display name in place of a system|code pair, even when the engine capitalised the URL', () => {
    const displays = new Map([[codingKey('http://hl7.org/fhir/sid/icd-10-cm', 'R45.851'), 'Suicidal ideations']]);
    expect(plainText('Http://hl7.org/fhir/sid/icd-10-cm|R45.851 on the problem list (2 Nov 2026).', displays)).toBe(
      'Suicidal ideations on the problem list (2 Nov 2026).',
    );
  });
  it('names the code system when no display is known anywhere — never the URL', () => {
    expect(plainText('Http://hl7.org/fhir/sid/icd-10-cm|R45.851 recorded')).toBe('ICD-10-CM R45.851 recorded');
    expect(plainText('urn:oid:2.16.840.1.113883.6.96|6471006 noted')).toBe('SNOMED CT 6471006 noted');
  });
  it('drops code lists and FHIR terms in parentheses, keeping the sentence', () => {
    expect(
      plainText(
        'Screen for depression with an age-appropriate standardized tool and code the result (LOINC 73832-8 Adult depression screening assessment; positive/negative finding) within 14 days before a qualifying visit',
      ),
    ).toBe(
      'Screen for depression with an age-appropriate standardized tool and code the result within 14 days before a qualifying visit',
    );
    expect(
      plainText(
        'Code the result of the screening of 2026-02-20 as positive or negative (SNOMED 428181000124104 / 428171000124102)',
      ),
    ).toBe('Code the result of the screening of 20 Feb 2026 as positive or negative');
    expect(
      plainText(
        'Refer to a social-care resource for food insecurity (ServiceRequest with the Gravity SDOH category, or a social-worker referral) by 2026-12-21',
      ),
    ).toBe('Refer to a social-care resource for food insecurity by 21 Dec 2026');
    expect(
      plainText('Discharged 15 Nov 2026 from an inpatient psychiatric stay for Schizophrenia, unspecified (F20.9).'),
    ).toBe('Discharged 15 Nov 2026 from an inpatient psychiatric stay for Schizophrenia, unspecified.');
  });
  it('keeps parentheses that are plain words', () => {
    expect(plainText('PHQ-9 21 (severe) on 21 Nov 2026, no earlier score.')).toBe(
      'PHQ-9 21 (severe) on 21 Nov 2026, no earlier score.',
    );
  });
  it('says a blood pressure without readable values is unreadable, not "?/?"', () => {
    expect(plainText('BP ?/? on 2026-10-24 — not below 140/90')).toBe(
      'BP (values unreadable) on 24 Oct 2026 — not below 140/90',
    );
  });
  it('counts days in words: "12 days left", "1 day left", never "day(s)"', () => {
    expect(
      plainText('Positive food insecurity screen on 2026-11-21 with no referral or intervention yet — 18 day(s) left.'),
    ).toBe('Positive food insecurity screen on 21 Nov 2026 with no referral or intervention yet — 18 days left.');
    expect(plainText('no follow-up yet — 1 day(s) left.')).toBe('No follow-up yet — 1 day left.');
    expect(plainText('Followed up on 2026-11-20, 11 day(s) after the discharge')).toBe(
      'Followed up on 20 Nov 2026, 11 days after the discharge',
    );
  });
  it('writes the birth-date field in words', () => {
    expect(plainText('Cannot be decided: Patient.birthDate missing')).toBe(
      'Cannot be decided: birth date missing or incomplete',
    );
  });
  it('finds the codes a set of statements mentions, once each', () => {
    expect(codingsMentioned(['a http://loinc.org|44261-6 b', 'c Http://loinc.org|44261-6', 'none'])).toHaveLength(1);
  });
});

describe('one date format', () => {
  it.each([
    ['2026-12-03', '3 Dec 2026'],
    ['2026-12-03T09:05:00-05:00', '3 Dec 2026'],
    ['2026-03', 'Mar 2026'],
    ['1979', '1979'],
    ['not a date', 'not a date'],
  ])('%s → %s', (iso, shown) => {
    expect(formatDay(iso)).toBe(shown);
  });
  it('writes a dateTime as its own wall-clock time', () => {
    expect(formatDateTime('2026-12-03T14:05:09-05:00')).toBe('3 Dec 2026, 14:05');
  });
});
