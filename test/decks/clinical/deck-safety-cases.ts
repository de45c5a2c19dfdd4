/**
 * Clinical deck, issue 12 §4 (safety flags and actions) and the ICD-10-CM intent reading of §3:
 * code-built case groups, as-of 2026-12-31. Expectations come from the published rules cited in
 * each group (ICD-10-CM tabular list, LOINC, VSAC, CMS2 CQL, MIPS #487) and the project's
 * documented risk policy (src/engine/config/risk-policy.ts, src/engine/README.md "Risk flags").
 */
import { CODES, Chart, SYS, group, type Code } from './deck-builders.ts';
import type { CodeGroup, ExpectedPatient } from './deck-cases.ts';

const RISK = 'src/engine/config/risk-policy.ts suicideRisk (measures.md §5.1, §6)';
/** A patient with one recent office visit (so actions have a visit to attach to). */
function seen(pid: string, birthDate = '1983-01-22', extra: Partial<fhir4.Patient> = {}): Chart {
  const c = new Chart(pid, birthDate, extra);
  c.visit('2026-12-01T10:00:00-05:00');
  return c;
}
/** A seen patient with one condition. */
function withCondition(pid: string, code: Code, onset: string, extra: Partial<fhir4.Condition> = {}): Chart {
  const c = seen(pid);
  c.condition(code, onset, extra);
  return c;
}
const suicideFlag = (severity: 'high' | 'moderate' | 'absent', boundary: string): ExpectedPatient => ({
  boundary,
  flags: { 'suicide-risk': severity },
  ...(severity === 'absent'
    ? { actions: { exclude: ['suicide-risk'] } }
    : { actions: { order: ['suicide-risk'], firstKind: 'safety' } }),
});

const PHQ9_ITEM9: Code = [
  SYS.loinc,
  '44260-8',
  'Thoughts that you would be better off dead, or of hurting yourself in some way',
];
const SEVERAL_DAYS: Code = [SYS.loinc, 'LA6569-3', 'Several days'];
const NOT_AT_ALL: Code = [SYS.loinc, 'LA6568-5', 'Not at all'];
const YES: Code = [SYS.loinc, 'LA33-6', 'Yes'];
const NO: Code = [SYS.loinc, 'LA32-8', 'No'];

/** A completed PHQ-9 QuestionnaireResponse (LOINC-keyed linkIds) with item 9 answered. */
function phq9Response(c: Chart, authored: string, item9: Code): void {
  c.add({
    resourceType: 'QuestionnaireResponse',
    id: c.id('qr'),
    questionnaire: 'http://loinc.org/q/44249-1',
    status: 'completed',
    subject: { reference: c.ref },
    authored,
    item: [
      {
        linkId: '/44250-9',
        text: 'Little interest or pleasure in doing things',
        answer: [{ valueCoding: { system: SYS.loinc, code: NOT_AT_ALL[1], display: NOT_AT_ALL[2] } }],
      },
      {
        linkId: '/44255-8',
        text: 'Feeling down, depressed, or hopeless',
        answer: [{ valueCoding: { system: SYS.loinc, code: SEVERAL_DAYS[1], display: SEVERAL_DAYS[2] } }],
      },
      {
        linkId: '/44260-8',
        text: PHQ9_ITEM9[2],
        answer: [{ valueCoding: { system: SYS.loinc, code: item9[1], display: item9[2] } }],
      },
    ],
  } as fhir4.QuestionnaireResponse & { id: string });
}

/** A C-SSRS panel (93245-9) with its "thoughts of killing oneself, past month" item 93247-5. */
function cssrs(c: Chart, effective: string, answer: Code): void {
  c.add({
    resourceType: 'Observation',
    id: c.id('cssrs'),
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: {
      coding: [
        {
          system: SYS.loinc,
          code: '93245-9',
          display: 'Columbia-Suicide Severity Rating Scale - Lifetime Recent [C-SSRS]',
        },
      ],
    },
    subject: { reference: c.ref },
    effectiveDateTime: effective,
    component: [
      {
        code: {
          coding: [
            { system: SYS.loinc, code: '93247-5', display: 'Have you actually had any thoughts of killing yourself' },
          ],
        },
        valueCodeableConcept: { coding: [{ system: SYS.loinc, code: answer[1], display: answer[2] }] },
      },
    ],
  } as fhir4.Observation & { id: string });
}

const MEDS: readonly Code[] = [
  [SYS.rxnorm, '197361', 'amlodipine 5 MG Oral Tablet'],
  [SYS.rxnorm, '314076', 'lisinopril 10 MG Oral Tablet'],
  [SYS.rxnorm, '617312', 'atorvastatin 10 MG Oral Tablet'],
  [SYS.rxnorm, '310798', 'hydrochlorothiazide 25 MG Oral Tablet'],
  [SYS.rxnorm, '860975', '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet'],
];
function onMeds(pid: string, fifthAuthored: string): Chart {
  const c = seen(pid, '1950-04-04');
  MEDS.slice(0, 4).forEach((m, i) => c.medication(m, `2026-0${i + 2}-10T09:00:00-05:00`));
  c.medication(MEDS[4]!, fifthAuthored);
  return c;
}

const SMI: readonly [string, Code, boolean][] = [
  ['s10-smi-f20-9', [SYS.icd, 'F20.9', 'Schizophrenia, unspecified'], true],
  ['s10-smi-f31-81', [SYS.icd, 'F31.81', 'Bipolar II disorder'], true],
  ['s10-smi-f33-1', [SYS.icd, 'F33.1', 'Major depressive disorder, recurrent, moderate'], true],
  [
    's10-smi-f32-2',
    [SYS.icd, 'F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
    true,
  ],
  ['s10-not-smi-f32-0', [SYS.icd, 'F32.0', 'Major depressive disorder, single episode, mild'], false],
  ['s10-not-smi-f32-1', [SYS.icd, 'F32.1', 'Major depressive disorder, single episode, moderate'], false],
  ['s10-not-smi-f41-2', [SYS.icd, 'F41.2', 'Mixed anxiety and depressive disorder'], false],
];

const HEART_FAILURE: Code = [SYS.snomed, '84114007', 'Heart failure (disorder)'];
const CKD3: Code = [SYS.snomed, '433144002', 'Chronic kidney disease stage 3 (disorder)'];
const CKD3A: Code = [SYS.snomed, '700378005', 'Chronic kidney disease stage 3A (disorder)'];
const COPD: Code = [SYS.snomed, '13645005', 'Chronic obstructive lung disease (disorder)'];

/** An ED visit (class EMER) on 10 May 2026 whose principal diagnosis (rank 1) is `dx`, and an office visit 2 days later with reason `followUpDx`. */
function edThenVisit(pid: string, dx: Code, followUpDx: Code): Chart {
  const c = new Chart(pid, '1990-08-18');
  const condition = c.condition(dx, '2026-05-10T13:00:00-05:00');
  c.visit('2026-05-10T13:00:00-05:00', [SYS.cpt, '99284', 'Emergency department visit, moderate MDM'], {
    cls: 'EMER',
    end: '2026-05-10T17:00:00-05:00',
    extra: { diagnosis: [{ condition: { reference: `Condition/${condition.id}` }, rank: 1 }] },
  });
  c.visit('2026-05-12T09:30:00-05:00', CODES.office, {
    extra: { reasonCode: [{ coding: [{ system: followUpDx[0], code: followUpDx[1], display: followUpDx[2] }] }] },
  });
  return c;
}
const OPIOID_DEPENDENCE: Code = [SYS.icd, 'F11.20', 'Opioid dependence, uncomplicated'];
const SEVERE_DEPRESSION: Code = [
  SYS.icd,
  'F32.2',
  'Major depressive disorder, single episode, severe without psychotic features',
];
const counted: [number, number, number, number] = [1, 1, 0, 1];
const none: [number, number, number, number] = [0, 0, 0, 0];

/** §4 (and §3 intent) case groups. */
export const SAFETY_GROUPS: readonly CodeGroup[] = [
  group(
    's01-suicide-behaviour-codes',
    '§4',
    {
      title: 'Suicide attempt / intentional self-harm and its history raise suicide-risk',
      rule: 'A suicide attempt or intentional self-harm (ICD-10-CM T14.91XA, SNOMED 82313006) within 365 days is current risk (high, a same-day safety action first); an older one, or personal history Z91.51, is history (moderate, still first).',
      citation: `ICD-10-CM FY2026 tabular T14.91 "Suicide attempt", Z91.51 "Personal history of suicidal behavior"; SNOMED CT 82313006 "Suicide attempt"; ${RISK} recentBehaviourDays 365, historySeverity moderate; actions/prioritise-actions.ts (safety first)`,
    },
    [
      withCondition(
        's01-t14-91xa',
        [SYS.icd, 'T14.91XA', 'Suicide attempt, initial encounter'],
        '2026-11-20T23:10:00-05:00',
      ),
      withCondition(
        's01-snomed-82313006',
        [SYS.snomed, '82313006', 'Suicide attempt (event)'],
        '2026-10-02T14:00:00-04:00',
      ),
      withCondition('s01-z91-51', [SYS.icd, 'Z91.51', 'Personal history of suicidal behavior'], '2019-05-01'),
      withCondition(
        's01-attempt-365-days',
        [SYS.icd, 'T14.91XA', 'Suicide attempt, initial encounter'],
        '2025-12-31T10:00:00-05:00',
      ),
      withCondition(
        's01-attempt-366-days',
        [SYS.icd, 'T14.91XA', 'Suicide attempt, initial encounter'],
        '2025-12-30T10:00:00-05:00',
      ),
    ],
    {
      's01-t14-91xa': suicideFlag('high', 'attempt 41 days before as-of'),
      's01-snomed-82313006': suicideFlag('high', 'SNOMED attempt 90 days before as-of'),
      's01-z91-51': suicideFlag('moderate', 'personal history only'),
      's01-attempt-365-days': suicideFlag('high', 'attempt 365 days before as-of: last day of "current"'),
      's01-attempt-366-days': suicideFlag('moderate', 'attempt 366 days before as-of: history'),
    },
  ),
  group(
    's02-suicide-screens',
    '§4',
    {
      title: 'C-SSRS and PHQ-9 item 9 (Observation and QuestionnaireResponse) raise suicide-risk',
      rule: 'PHQ-9 item 9 (LOINC 44260-8) answered anything but "Not at all" on the most recent day calls for a same-day risk assessment, whether filed as an Observation or a QuestionnaireResponse; a C-SSRS (93245-9) "Yes" to past-month suicidal thoughts is current risk; "No" / "Not at all" flags nothing.',
      citation: `LOINC 44260-8 (PHQ-9 item 9, answers LL358-3: LA6568-5 … LA6571-9), LOINC 93245-9 C-SSRS panel (loinc.org/93245-9/panel) and item 93247-5; ${RISK}; src/engine/flags/suicide-screens.ts`,
    },
    [
      (() => {
        const c = seen('s02-phq9-item9-qr');
        phq9Response(c, '2026-12-01T10:05:00-05:00', SEVERAL_DAYS);
        return c;
      })(),
      (() => {
        const c = seen('s02-phq9-item9-obs');
        c.observation(PHQ9_ITEM9, '2026-12-01T10:05:00-05:00', SEVERAL_DAYS);
        return c;
      })(),
      (() => {
        const c = seen('s02-phq9-item9-not-at-all');
        phq9Response(c, '2026-12-01T10:05:00-05:00', NOT_AT_ALL);
        return c;
      })(),
      (() => {
        const c = seen('s02-cssrs-yes');
        cssrs(c, '2026-12-01T10:10:00-05:00', YES);
        return c;
      })(),
      (() => {
        const c = seen('s02-cssrs-no');
        cssrs(c, '2026-12-01T10:10:00-05:00', NO);
        return c;
      })(),
    ],
    {
      's02-phq9-item9-qr': suicideFlag('high', 'item 9 "Several days" in a PHQ-9 QuestionnaireResponse'),
      's02-phq9-item9-obs': suicideFlag('high', 'item 9 "Several days" as an Observation'),
      's02-phq9-item9-not-at-all': suicideFlag('absent', 'item 9 "Not at all"'),
      's02-cssrs-yes': suicideFlag('high', 'C-SSRS past-month thoughts: Yes'),
      's02-cssrs-no': suicideFlag('absent', 'C-SSRS past-month thoughts: No'),
    },
  ),
  group(
    's03-icd10-intent-character',
    '§3',
    {
      title: 'ICD-10-CM intent read from the right character (T42.72XA, T43.92XA, T71.162A)',
      rule: 'In T36–T50 poisonings the intent is the 5th character when the 4th-character subcategory has no 5th level (T42.7 → T42.72 intentional self-harm, T42.71 accidental) and the 6th otherwise; T71.1x2 is asphyxiation, intentional self-harm. Intentional self-harm raises suicide-risk; accidental poisoning does not.',
      citation: `ICD-10-CM FY2026 tabular list T42.7-, T43.9-, T71.16- (intent: 1 accidental, 2 intentional self-harm, 3 assault, 4 undetermined); src/engine/codes/icd10-intent.ts; ${RISK}`,
    },
    [
      withCondition(
        's03-t42-72xa',
        [
          SYS.icd,
          'T42.72XA',
          'Poisoning by unspecified antiepileptic and sedative-hypnotic drugs, intentional self-harm, initial encounter',
        ],
        '2026-11-02T03:00:00-05:00',
      ),
      withCondition(
        's03-t43-92xa',
        [SYS.icd, 'T43.92XA', 'Poisoning by unspecified psychotropic drug, intentional self-harm, initial encounter'],
        '2026-10-12T22:40:00-04:00',
      ),
      withCondition(
        's03-t71-162a',
        [SYS.icd, 'T71.162A', 'Asphyxiation due to hanging, intentional self-harm, initial encounter'],
        '2026-09-30T18:00:00-04:00',
      ),
      withCondition(
        's03-t42-71xa-accidental',
        [
          SYS.icd,
          'T42.71XA',
          'Poisoning by unspecified antiepileptic and sedative-hypnotic drugs, accidental (unintentional), initial encounter',
        ],
        '2026-11-02T03:00:00-05:00',
      ),
    ],
    {
      's03-t42-72xa': suicideFlag('high', 'intent 2 in the 5th character'),
      's03-t43-92xa': suicideFlag('high', 'intent 2 in the 5th character'),
      's03-t71-162a': suicideFlag('high', 'hanging, intentional self-harm'),
      's03-t42-71xa-accidental': suicideFlag('absent', 'intent 1 (accidental)'),
    },
  ),
  group(
    'f01-overdose-intent-index-visits',
    '§3',
    {
      title:
        'FUA/FUM index ED visits read the ICD-10-CM intent: poisoning yes, adverse effect no; self-harm at the 5th character',
      rule: 'A drug overdose is a T36–T50 poisoning (intent 1–4: accidental, intentional self-harm, assault, undetermined), never an adverse effect (5) or underdosing (6): an ED visit for T40.2X4A is an FUA index visit, one for T40.2X5A is not. Intentional self-harm (T43.92XA, intent in the 5th character) as any diagnosis makes an ED visit an FUM index visit. A follow-up 2 days later with a SUD (FUA) or principal mental-health (FUM) diagnosis meets both rates.',
      citation:
        'HEDIS MY2026 FUA / FUM (index visit: ED visit with a principal SUD or drug overdose diagnosis / principal mental illness or intentional self-harm diagnosis; follow-up within 7 and 30 days); ICD-10-CM FY2026 T36–T50 7th-character-preceding intent; ../shared/design/measures.md §5, §5.1; src/engine/codes/icd10-intent.ts',
    },
    [
      edThenVisit(
        'f01-fua-t40-2x4a-undetermined',
        [SYS.icd, 'T40.2X4A', 'Poisoning by other opioids, undetermined, initial encounter'],
        OPIOID_DEPENDENCE,
      ),
      edThenVisit(
        'f01-fua-t40-2x5a-adverse-effect',
        [SYS.icd, 'T40.2X5A', 'Adverse effect of other opioids, initial encounter'],
        OPIOID_DEPENDENCE,
      ),
      edThenVisit(
        'f01-fum-t43-92xa-self-harm',
        [SYS.icd, 'T43.92XA', 'Poisoning by unspecified psychotropic drug, intentional self-harm, initial encounter'],
        SEVERE_DEPRESSION,
      ),
    ],
    {
      'f01-fua-t40-2x4a-undetermined': {
        boundary: 'poisoning, undetermined intent (4): an overdose',
        measures: { fua: { '7-day': counted, '30-day': counted } },
      },
      'f01-fua-t40-2x5a-adverse-effect': {
        boundary: 'adverse effect (5): not an overdose',
        measures: { fua: { '7-day': none, '30-day': none } },
      },
      'f01-fum-t43-92xa-self-harm': {
        boundary: 'intentional self-harm in the 5th character',
        measures: { fum: { '7-day': counted, '30-day': counted } },
      },
    },
  ),
  group(
    's10-smi-scope',
    '§4',
    {
      title: 'Serious mental illness: schizophrenia spectrum, bipolar, recurrent or severe major depression only',
      rule: 'smi is raised by F20–F29, F30–F31, F33.x (recurrent) and F32.2/F32.3 (severe single episode), never by a mild or moderate single episode (F32.0, F32.1) or mixed anxiety and depressive disorder (F41.2).',
      citation:
        'SAMHSA SMI definition as operationalised by VSAC 2.16.840.1.113883.3.464.1003.105.12.1104 / 2.16.840.1.113883.3.67.1.101.1.128; ICD-10-CM F20–F33, F41.2; src/engine/codes/serious-mental-illness.ts',
    },
    SMI.map(([pid, code]) => withCondition(pid, code, '2024-02-14')),
    Object.fromEntries(
      SMI.map(([pid, code, smi]) => [
        pid,
        { boundary: `${code[1]}: ${smi ? 'SMI' : 'not SMI'}`, flags: { smi: smi ? 'high' : 'absent' } },
      ]),
    ),
  ),
  group(
    's20-deceased',
    '§4',
    {
      title: 'A deceased patient gets no actions and no open gaps; a death after as-of has not happened yet',
      rule: 'Patient.deceasedBoolean true or deceasedDateTime on or before as-of → the result says so, no point-of-care actions, every open gap not applicable; measures are still reported (CMS2 has no death exclusion). A deceasedDateTime after as-of changes nothing.',
      citation:
        'FHIR R4 Patient.deceased[x]; issue 12 §4; src/engine/actions/deceased.ts; CMS2FHIRPCSDepressionScreenAndFollowUp.cql "Denominator Exclusions" (bipolar only: no death exclusion)',
    },
    [
      ['s20-died-oct', { deceasedDateTime: '2026-10-01T04:12:00-04:00' }],
      ['s20-died-on-as-of', { deceasedDateTime: '2026-12-31T23:40:00-05:00' }],
      ['s20-deceased-boolean', { deceasedBoolean: true }],
      ['s20-dies-after-as-of', { deceasedDateTime: '2027-01-05T08:00:00-05:00' }],
    ].map(([pid, extra]) => {
      const c = new Chart(pid as string, '1948-07-07', extra as Partial<fhir4.Patient>);
      c.visit('2026-06-15T10:00:00-04:00');
      return c;
    }),
    {
      's20-died-oct': {
        boundary: 'died before as-of',
        deceased: true,
        measures: { cms2: { IPP: 1, DENOM: 1, DENEX: 0, DENEXCEP: 0, NUMER: 0 } },
      },
      's20-died-on-as-of': { boundary: 'died on the as-of day (as written)', deceased: true },
      's20-deceased-boolean': { boundary: 'deceasedBoolean without a date', deceased: true },
      's20-dies-after-as-of': {
        boundary: 'death dated after as-of',
        deceased: false,
        gaps: { cms2: 'open' },
        actions: { include: ['cms2'] },
      },
    },
  ),
  group(
    's21-died-in-hospital',
    '§4',
    {
      title: 'A stay discharged "expired" is a death, even when Patient.deceased is not set',
      rule: 'A patient whose inpatient stay ended with discharge disposition "expired" (HL7 exp, NUBC 20) on or before as-of has died: the result says so, gives no point-of-care action and no open gap; a stay that ends after as-of (as written), or a discharge home, changes nothing.',
      citation:
        'issue 12 §3 ("the patient died (discharge disposition \'expired\' or Patient.deceased*)") and §4 ("a deceased patient gets no point-of-care actions or gaps"); HL7 discharge-disposition exp, NUBC UB-04 patient discharge status 20; src/engine/actions/deceased.ts, gaps/follow-up-exclusions.ts',
    },
    (
      [
        [
          's21-expired-hl7',
          'http://terminology.hl7.org/CodeSystem/discharge-disposition',
          'exp',
          '2026-11-10T04:00:00-05:00',
        ],
        [
          's21-expired-nubc-20',
          'https://www.nubc.org/CodeSystem/PatDischargeStatus',
          '20',
          '2026-11-10T04:00:00-05:00',
        ],
        [
          's21-expired-after-as-of',
          'http://terminology.hl7.org/CodeSystem/discharge-disposition',
          'exp',
          '2027-01-01T03:00:00+09:00',
        ],
        [
          's21-discharged-home',
          'http://terminology.hl7.org/CodeSystem/discharge-disposition',
          'home',
          '2026-11-10T12:00:00-05:00',
        ],
      ] as const
    ).map(([pid, system, code, end]) => {
      const c = new Chart(pid, '1950-01-01');
      c.visit('2026-05-05T10:00:00-04:00');
      c.visit('2026-10-28T10:00:00-04:00', [SYS.cpt, '99223', 'Initial hospital inpatient care, high MDM'], {
        cls: 'IMP',
        end,
        extra: { hospitalization: { dischargeDisposition: { coding: [{ system, code }] } } },
      });
      return c;
    }),
    {
      's21-expired-hl7': { boundary: 'died in hospital on 10 Nov (HL7 exp)', deceased: true },
      's21-expired-nubc-20': { boundary: 'died in hospital on 10 Nov (NUBC 20)', deceased: true },
      's21-expired-after-as-of': {
        boundary: 'stay ends the day after as-of (as written)',
        deceased: false,
        actions: { include: ['cms2'] },
      },
      's21-discharged-home': { boundary: 'discharged home', deceased: false, actions: { include: ['cms2'] } },
    },
  ),
  group(
    's30-polypharmacy-as-of',
    '§4',
    {
      title: 'Polypharmacy counts only prescriptions written by the as-of date',
      rule: '5 or more distinct active medications is polypharmacy (moderate); a MedicationRequest authored after as-of is not on the list yet; one authored on the as-of day (as written) is.',
      citation:
        'measures.md §6 (≥ 5 concurrent medications); issue 12 §4 "nothing dated after the as-of date counts"; src/engine/flags/polypharmacy.ts, config/risk-policy.ts polypharmacy',
    },
    [
      onMeds('s30-five-before', '2026-06-10T09:00:00-05:00'),
      onMeds('s30-fifth-on-as-of', '2026-12-31T18:00:00-05:00'),
      onMeds('s30-fifth-after-as-of', '2027-01-02T09:00:00-05:00'),
    ],
    {
      's30-five-before': { boundary: 'five, all before as-of', flags: { polypharmacy: 'moderate' } },
      's30-fifth-on-as-of': { boundary: 'fifth written on the as-of day', flags: { polypharmacy: 'moderate' } },
      's30-fifth-after-as-of': {
        boundary: 'fifth written the day after as-of (two days)',
        flags: { polypharmacy: 'absent' },
      },
    },
  ),
  group(
    's40-mcc-snomed',
    '§4',
    {
      title: 'Multiple chronic conditions from SNOMED CT codes (CKD stage, heart failure, COPD)',
      rule: 'Two or more of the chronic-condition groups (AMI, AF, CKD, COPD/asthma, dementia, diabetes, heart failure, stroke/TIA) is multiple-chronic-conditions (moderate); SNOMED-coded problems count as their ICD-10-CM equivalents; one group alone does not.',
      citation:
        'MIPS #484 / UAMCC chronic-condition groups (measures.md §6); VSAC Heart Failure 2.16.840.1.113883.3.526.3.376; SNOMED CT 433144002 / 700378005 CKD stage 3 / 3A, 13645005 COPD; src/engine/codes/chronic-condition-groups.ts',
    },
    [
      (() => {
        const c = withCondition('s40-ckd3-heart-failure', CKD3, '2021-04-01');
        c.condition(HEART_FAILURE, '2022-08-19');
        return c;
      })(),
      (() => {
        const c = withCondition('s40-ckd3a-copd', CKD3A, '2021-04-01');
        c.condition(COPD, '2018-01-09');
        return c;
      })(),
      withCondition('s40-heart-failure-only', HEART_FAILURE, '2022-08-19'),
    ],
    {
      's40-ckd3-heart-failure': { boundary: 'two groups', flags: { 'multiple-chronic-conditions': 'moderate' } },
      's40-ckd3a-copd': { boundary: 'two groups', flags: { 'multiple-chronic-conditions': 'moderate' } },
      's40-heart-failure-only': { boundary: 'one group', flags: { 'multiple-chronic-conditions': 'absent' } },
    },
  ),
  group(
    's50-screening-procedure-only',
    '§4',
    {
      title: 'Depression screening documented only as a Procedure opens the coding gap',
      rule: 'CMS2 counts only a coded screening result (73832-8 with a positive/negative finding) 14 days or less on or before the visit: a Procedure "Depression screening" (SNOMED 171207006) on the visit day leaves the numerator unmet and opens depression-screening-coding ("record the result"); with a coded result too, the gap is not open.',
      citation:
        'CMS2FHIRPCSDepressionScreenAndFollowUp.cql define "Has Adult Depression Screening" ([ObservationScreeningAssessment: "Adult depression screening assessment"]); SNOMED CT 171207006; src/engine/gaps/depression-screening-coding.ts',
    },
    [
      (() => {
        const c = new Chart('s50-procedure-only', '1972-03-30');
        c.visit('2026-07-07T15:00:00-04:00');
        c.procedure([SYS.snomed, '171207006', 'Depression screening (procedure)'], '2026-07-07T15:10:00-04:00');
        return c;
      })(),
      (() => {
        const c = new Chart('s50-procedure-and-result', '1972-03-30');
        c.visit('2026-07-07T15:00:00-04:00');
        c.procedure([SYS.snomed, '171207006', 'Depression screening (procedure)'], '2026-07-07T15:10:00-04:00');
        c.screening('2026-07-07T15:10:00-04:00');
        return c;
      })(),
    ],
    {
      's50-procedure-only': {
        boundary: 'procedure, no coded result',
        measures: { cms2: { IPP: 1, DENOM: 1, DENEX: 0, DENEXCEP: 0, NUMER: 0 } },
        gaps: { cms2: 'open', 'depression-screening-coding': 'open' },
        actions: { include: ['depression-screening-coding'] },
      },
      's50-procedure-and-result': {
        boundary: 'procedure and a coded negative result',
        measures: { cms2: { IPP: 1, DENOM: 1, DENEX: 0, DENEXCEP: 0, NUMER: 1 } },
        gaps: { cms2: 'closed' },
        actions: { exclude: ['depression-screening-coding'] },
      },
    },
  ),
  group(
    's60-sdoh-age-on-encounter',
    '§4',
    {
      title: 'SDOH screening: age 18 or older on the date of the encounter',
      rule: 'A patient is in the #487 denominator when aged 18 or older on the date of a qualifying encounter: 18th birthday the day before or on the visit day → in; the day after → not (17 on the visit).',
      citation:
        'CMS MIPS Quality ID #487 Screening for Social Drivers of Health, denominator "Patients aged 18 and older on date of encounter"; src/engine/measures/sdoh-screening.ts (AgeInYearsAt(date from start of Encounter.period) >= 18)',
    },
    [
      ['s60-turned-18-day-before', '2008-06-14'],
      ['s60-turns-18-on-visit', '2008-06-15'],
      ['s60-turns-18-day-after', '2008-06-16'],
    ].map(([pid, birth]) => {
      const c = new Chart(pid!, birth!);
      c.visit('2026-06-15T16:00:00-04:00');
      return c;
    }),
    {
      's60-turned-18-day-before': {
        boundary: 'day after the 18th birthday',
        measures: { 'sdoh-screening': { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 0 } },
        gaps: { 'sdoh-screening': 'open' },
      },
      's60-turns-18-on-visit': {
        boundary: '18th birthday on the visit day',
        measures: { 'sdoh-screening': { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 0 } },
        gaps: { 'sdoh-screening': 'open' },
      },
      's60-turns-18-day-after': {
        boundary: 'day before the 18th birthday',
        measures: { 'sdoh-screening': { IPP: 0, DENOM: 0, DENEX: 0, NUMER: 0 } },
        gaps: { 'sdoh-screening': 'not-applicable' },
      },
    },
  ),
];
