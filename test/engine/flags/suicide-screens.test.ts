/**
 * suicide-risk and depression-severity from screening answers given as Observations or as
 * QuestionnaireResponses (issue 12 §4): C-SSRS items (LOINC codes and their sources in
 * src/engine/codes/screening-instruments.ts), PHQ-9 item 9 in a form, the PHQ-9 total of a form
 * (total item or the sum of its nine items). asOf 23 Nov 2026.
 */
import { describe, expect, it } from 'vitest';
import { AS_OF, daysBefore, flag, flagsFor, phq9Item9 } from './flag-fixtures.ts';
import { LOINC } from '../../../src/engine/codes/code-systems.ts';
import { epochDay, isoDay } from '../../../src/engine/cql/calendar-days.ts';

const YES = { system: LOINC, code: 'LA33-6', display: 'Yes' };
const NO = { system: LOINC, code: 'LA32-8', display: 'No' };
let seq = 0;

/** A C-SSRS item answered as an Observation. */
function cssrs(code: string, date: string, answer: fhir4.Coding): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id: `cssrs-${++seq}`,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: { coding: [{ system: LOINC, code }] },
    effectiveDateTime: date,
    valueCodeableConcept: { coding: [answer] },
  };
}

/** A completed QuestionnaireResponse whose items carry LOINC linkIds (the US Core / LForms shape). */
function response(
  date: string,
  items: Array<[linkId: string, answer: fhir4.QuestionnaireResponseItemAnswer]>,
  extra: Partial<fhir4.QuestionnaireResponse> = {},
): fhir4.QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: `qr-${++seq}`,
    status: 'completed',
    questionnaire: 'http://loinc.org/q/44249-1',
    subject: { reference: 'urn:uuid:5f1c2c4e-3a57-4c1e-9f1c-2b7a1f0e9d11' },
    authored: date,
    item: items.map(([linkId, answer]) => ({ linkId, answer: [answer] })),
    ...extra,
  };
}

const PHQ_ANSWERS = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
const PHQ9_ITEMS = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
const phqItems = (points: readonly number[]) =>
  points.map(
    (p, i) =>
      [`/${PHQ9_ITEMS[i]}`, { valueCoding: { system: LOINC, code: PHQ_ANSWERS[p]! } }] as [
        string,
        fhir4.QuestionnaireResponseItemAnswer,
      ],
  );
const dayAfterAsOf = isoDay(epochDay(AS_OF) + 1);

describe('C-SSRS answers (LOINC items verified on loinc.org / the HL7 Behavioral Health IG)', () => {
  it('flags "Yes" to thoughts of killing oneself in the past month (93247-5) as high', () => {
    expect(flag(flagsFor([cssrs('93247-5', daysBefore(2), YES)]), 'suicide-risk')).toMatchObject({
      severity: 'high',
      statement: expect.stringContaining('C-SSRS on 21 Nov 2026: suicidal ideation in the past month'),
    });
  });

  it('does not flag a C-SSRS answered "No" throughout', () => {
    expect(
      flag(
        flagsFor([
          cssrs('93246-7', daysBefore(2), NO),
          cssrs('93247-5', daysBefore(2), NO),
          cssrs('93267-3', daysBefore(2), NO),
        ]),
        'suicide-risk',
      ),
    ).toBeUndefined();
  });

  it('reads the most severe ideation type of the past month (93293-9, LL5434-7) as ideation', () => {
    expect(
      flag(
        flagsFor([
          cssrs('93293-9', daysBefore(1), {
            system: LOINC,
            code: 'LA30372-9',
            display: 'Active suicidal ideation with any methods (not plan) without intent to act',
          }),
        ]),
        'suicide-risk',
      )?.severity,
    ).toBe('high');
  });

  it('treats behaviour in the past 3 months as current and behaviour longer ago as history', () => {
    expect(
      flag(flagsFor([cssrs('93267-3', daysBefore(1), YES), cssrs('93269-9', daysBefore(1), YES)]), 'suicide-risk')
        ?.severity,
    ).toBe('high');
    expect(
      flag(flagsFor([cssrs('93267-3', daysBefore(1), YES), cssrs('93269-9', daysBefore(1), NO)]), 'suicide-risk'),
    ).toMatchObject({
      severity: 'moderate',
      statement:
        'History of suicidal behaviour (suicidal behaviour more than 3 months before the C-SSRS of 22 Nov 2026).',
    });
  });

  it('treats behaviour "ever" with the 3-month question unanswered as current (recency unknown)', () => {
    expect(flag(flagsFor([cssrs('93267-3', daysBefore(1), YES)]), 'suicide-risk')?.statement).toContain(
      'suicidal behaviour, timing not recorded',
    );
  });

  it('lets the most recent C-SSRS decide: a negative one after a positive one clears it', () => {
    expect(
      flag(flagsFor([cssrs('93247-5', daysBefore(40), YES), cssrs('93247-5', daysBefore(2), NO)]), 'suicide-risk'),
    ).toBeUndefined();
  });

  it('lets a negative C-SSRS on the same day or later supersede a positive PHQ-9 item 9, but not an earlier one', () => {
    expect(
      flag(flagsFor([phq9Item9(daysBefore(3), 2), cssrs('93247-5', daysBefore(3), NO)]), 'suicide-risk'),
    ).toBeUndefined();
    expect(
      flag(flagsFor([phq9Item9(daysBefore(3), 2), cssrs('93247-5', daysBefore(1), NO)]), 'suicide-risk'),
    ).toBeUndefined();
    expect(
      flag(flagsFor([phq9Item9(daysBefore(3), 2), cssrs('93247-5', daysBefore(4), NO)]), 'suicide-risk')?.severity,
    ).toBe('high');
  });

  it('flags the C-SSRS panel 93245-9 when its interpretation is positive', () => {
    const panel: fhir4.Observation = {
      resourceType: 'Observation',
      id: 'cssrs-panel',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '93245-9' }] },
      effectiveDateTime: daysBefore(5),
      interpretation: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'POS' }] },
      ],
    };
    expect(flag(flagsFor([panel]), 'suicide-risk')?.evidence[0]).toMatchObject({
      reference: 'Observation/cssrs-panel',
      rule: 'suicide-risk-screen',
    });
  });

  it('reads a C-SSRS screener filled as a QuestionnaireResponse (HL7 Behavioral Health IG shape, linkId /93247-5)', () => {
    const qr = response(daysBefore(1), [
      ['/93246-7', { valueCoding: YES }],
      ['/93247-5', { valueCoding: NO }],
    ]);
    expect(flag(flagsFor([qr]), 'suicide-risk')?.evidence[0]).toMatchObject({
      reference: `QuestionnaireResponse/${qr.id}`,
      rule: 'cssrs-ideation',
    });
  });

  it('ignores an unverified ASQ panel code (115564-7) and suicide risk level (93374-7) by themselves', () => {
    const obs = (code: string): fhir4.Observation => ({
      resourceType: 'Observation',
      id: `x-${code}`,
      status: 'final',
      code: { coding: [{ system: LOINC, code }] },
      effectiveDateTime: daysBefore(1),
      valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA9193-9', display: 'High' }] },
    });
    expect(flag(flagsFor([obs('115564-7'), obs('93374-7')]), 'suicide-risk')).toBeUndefined();
  });
});

describe('PHQ-9 item 9 recorded in a QuestionnaireResponse', () => {
  it('flags item 9 answered "Several days" in a US Core PHQ-9 form (linkId /44260-8) as high', () => {
    expect(
      flag(
        flagsFor([
          response(daysBefore(4), [
            ['/44260-8', { valueCoding: { system: LOINC, code: 'LA6569-3', display: 'Several days' } }],
          ]),
        ]),
        'suicide-risk',
      ),
    ).toMatchObject({
      severity: 'high',
      statement:
        'PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered "Several days" (1) on 19 Nov 2026.',
    });
  });

  it('counts a form authored on asOf, not one authored the day after', () => {
    expect(flag(flagsFor([response(AS_OF, [['44260-8', { valueInteger: 2 }]])]), 'suicide-risk')).toBeDefined();
    expect(
      flag(flagsFor([response(dayAfterAsOf, [['44260-8', { valueInteger: 2 }]])]), 'suicide-risk'),
    ).toBeUndefined();
  });

  it('ignores an in-progress or entered-in-error form', () => {
    expect(
      flag(
        flagsFor([response(daysBefore(1), [['44260-8', { valueInteger: 3 }]], { status: 'in-progress' })]),
        'suicide-risk',
      ),
    ).toBeUndefined();
    expect(
      flag(
        flagsFor([response(daysBefore(1), [['44260-8', { valueInteger: 3 }]], { status: 'entered-in-error' })]),
        'suicide-risk',
      ),
    ).toBeUndefined();
  });

  it('reads a form whose items are keyed by the contained Questionnaire (QI-Core H1/T1/Q9 with its own answer codes)', () => {
    const qr = response(
      daysBefore(2),
      [
        [
          'H1/T1/Q9',
          {
            valueCoding: {
              system: 'http://example.org/CodeSystem/CSPHQ9',
              code: 'Several-days',
              display: 'Several days',
            },
          },
        ],
      ],
      {
        contained: [
          {
            resourceType: 'Questionnaire',
            id: 'phq9',
            status: 'active',
            item: [{ linkId: 'H1/T1/Q9', type: 'choice', code: [{ system: LOINC, code: '44260-8' }] }],
          } as fhir4.Questionnaire,
        ],
      },
    );
    expect(flag(flagsFor([qr]), 'suicide-risk')?.severity).toBe('high');
  });

  it('lets the most recent item 9 decide across Observations and forms', () => {
    expect(
      flag(
        flagsFor([
          phq9Item9(daysBefore(30), 3),
          response(daysBefore(2), [['/44260-8', { valueCoding: { system: LOINC, code: 'LA6568-5' } }]]),
        ]),
        'suicide-risk',
      ),
    ).toBeUndefined();
  });
});

describe('depression severity from a PHQ-9 form', () => {
  it('reads the total item 44261-6 of a form (22 → severe, high)', () => {
    expect(
      flag(flagsFor([response(daysBefore(5), [['/44261-6', { valueInteger: 22 }]])]), 'depression-severity'),
    ).toMatchObject({ severity: 'high', statement: expect.stringContaining('PHQ-9 22 (severe) on 18 Nov 2026') });
  });

  it('sums the nine items of a form without a total (3×7 = 21 → severe)', () => {
    expect(
      flag(flagsFor([response(daysBefore(5), phqItems([3, 3, 3, 3, 3, 3, 3, 0, 0]))]), 'depression-severity'),
    ).toMatchObject({ severity: 'high', statement: expect.stringContaining('PHQ-9 21') });
  });

  it('gives no total for a form with an item missing (a partial sum would understate)', () => {
    expect(
      flag(flagsFor([response(daysBefore(5), phqItems([3, 3, 3, 3, 3, 3, 3, 3]))]), 'depression-severity'),
    ).toBeUndefined();
  });
});
