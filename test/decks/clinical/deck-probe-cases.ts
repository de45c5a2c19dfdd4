/**
 * Clinical deck, the other side of the §4 and §5 rules: what must NOT flag (records in error,
 * refuted, non-suicidal self-harm, answers superseded or after as-of), action order and
 * non-contradiction, SDOH age and polypharmacy on the written date at −05:00 / +09:00, and the
 * reference forms real exports use (Synthea transaction Bundles, absolute and versioned references,
 * a shared Medication inside a transaction). Expectations from the rules cited per group.
 */
import {
  CODES,
  Chart,
  SYS,
  all,
  collection,
  group,
  transaction,
  uuidOf,
  type Code,
  type Res,
} from './deck-builders.ts';
import type { CodeGroup, ExpectedPatient } from './deck-cases.ts';

const RISK = 'src/engine/config/risk-policy.ts suicideRisk; src/engine/README.md "Risk flags"';
const ATTEMPT: Code = [SYS.icd, 'T14.91XA', 'Suicide attempt, initial encounter'];
const ITEM9: Code = [
  SYS.loinc,
  '44260-8',
  'Thoughts that you would be better off dead, or of hurting yourself in some way',
];
const MORE_THAN_HALF: Code = [SYS.loinc, 'LA6570-1', 'More than half the days'];
const NOT_AT_ALL: Code = [SYS.loinc, 'LA6568-5', 'Not at all'];
const PHQ9_TOTAL: Code = [SYS.loinc, '44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'];
const VER = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CLIN = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

function seen(pid: string, birthDate = '1983-01-22'): Chart {
  const c = new Chart(pid, birthDate);
  c.visit('2026-12-01T10:00:00-05:00');
  return c;
}
const noSuicideFlag = (boundary: string): ExpectedPatient => ({
  boundary,
  flags: { 'suicide-risk': 'absent' },
  actions: { exclude: ['suicide-risk'] },
});
const MEDS: readonly Code[] = [
  [SYS.rxnorm, '197361', 'amlodipine 5 MG Oral Tablet'],
  [SYS.rxnorm, '314076', 'lisinopril 10 MG Oral Tablet'],
  [SYS.rxnorm, '617312', 'atorvastatin 10 MG Oral Tablet'],
  [SYS.rxnorm, '310798', 'hydrochlorothiazide 25 MG Oral Tablet'],
  [SYS.rxnorm, '860975', '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet'],
];
function onMeds(pid: string, fifth: Code, fifthAuthored: string): Chart {
  const c = seen(pid, '1950-04-04');
  MEDS.slice(0, 4).forEach((m, i) => c.medication(m, `2026-0${i + 2}-10T09:00:00-05:00`));
  c.medication(fifth, fifthAuthored);
  return c;
}

/** A CMS2 adult screened negative on the visit day, with references written by `ref`. */
function screenedWith(pid: string, ref: (patient: string) => string): Chart {
  const c = new Chart(pid, '1987-04-04');
  c.visit('2026-04-07T09:00:00-04:00');
  const obs = c.screening('2026-04-07T09:05:00-04:00') as fhir4.Observation;
  obs.subject = { reference: ref(c.ref) };
  return c;
}
const CMS2_MET = {
  measures: { cms2: { IPP: 1, DENOM: 1, DENEX: 0, DENEXCEP: 0, NUMER: 1 } },
  gaps: { cms2: 'closed' },
} as const;

/** A 70-year-old hypertensive, frail (wheelchair order) patient taking a dementia drug by reference. */
function frailOnReference(pid: string, medication: string): Chart {
  const c = new Chart(pid, '1956-06-06');
  c.condition(CODES.hypertension, '2019-03-12T10:00:00-05:00');
  c.visit('2026-04-14T10:00:00-04:00', CODES.officeModerate);
  c.bloodPressure('2026-04-14T10:10:00-04:00', 124, 76);
  c.add({
    resourceType: 'DeviceRequest',
    id: c.id('device'),
    status: 'completed',
    intent: 'order',
    codeCodeableConcept: {
      coding: [{ system: SYS.snomed, code: '183240000', display: 'Self-propelled wheelchair (physical object)' }],
    },
    subject: { reference: c.ref },
    authoredOn: '2026-04-14T10:20:00-04:00',
  } as fhir4.DeviceRequest & { id: string });
  c.medication({ reference: medication }, '2026-04-14T10:25:00-04:00');
  return c;
}
const DONEPEZIL = (id: string): Res =>
  ({
    resourceType: 'Medication',
    id,
    code: { coding: [{ system: SYS.rxnorm, code: '997223', display: 'donepezil hydrochloride 10 MG Oral Tablet' }] },
  }) as Res;
const EXCLUDED_165 = { measures: { cms165: { IPP: 1, DENOM: 1, DENEX: 1, NUMER: 0 } } } as const;

const TX_FRAIL = uuidOf('q03-transaction-frail');
const SYNTHEA = uuidOf('q01-synthea-patient');

/** Probe groups (§4 negatives and actions, §5 reference forms). */
export const PROBE_GROUPS: readonly CodeGroup[] = [
  group(
    'p01-suicide-risk-not-raised',
    '§4',
    {
      title:
        'What does not raise suicide-risk: records in error or refuted, non-suicidal self-harm, superseded or future answers',
      rule: 'A Condition entered in error or refuted is not a diagnosis; Z91.52 is NON-suicidal self-harm; an in-progress form is not an answer; the most recent item-9 answer decides ("Not at all" after "Several days"); a negative C-SSRS on the day of a positive item 9 is the assessment it called for; anything dated after as-of has not happened on as-of.',
      citation: `FHIR R4 Condition.verificationStatus (entered-in-error, refuted), QuestionnaireResponse.status; ICD-10-CM FY2026 Z91.52 "Personal history of nonsuicidal self-harm"; ${RISK}; issue 12 §4 "nothing dated after the as-of date counts"`,
    },
    [
      (() => {
        const c = seen('p01-attempt-entered-in-error');
        c.condition(ATTEMPT, '2026-11-20T10:00:00-05:00', {
          verificationStatus: { coding: [{ system: VER, code: 'entered-in-error' }] },
        });
        return c;
      })(),
      (() => {
        const c = seen('p01-attempt-refuted');
        c.condition(ATTEMPT, '2026-11-20T10:00:00-05:00', {
          verificationStatus: { coding: [{ system: VER, code: 'refuted' }] },
        });
        return c;
      })(),
      (() => {
        const c = seen('p01-z91-52-nonsuicidal');
        c.condition([SYS.icd, 'Z91.52', 'Personal history of nonsuicidal self-harm'], '2020-02-02');
        return c;
      })(),
      (() => {
        const c = seen('p01-item9-then-not-at-all');
        c.observation(ITEM9, '2026-09-01T10:00:00-04:00', MORE_THAN_HALF);
        c.observation(ITEM9, '2026-12-01T10:05:00-05:00', NOT_AT_ALL);
        return c;
      })(),
      (() => {
        const c = seen('p01-item9-after-as-of');
        c.observation(ITEM9, '2027-01-04T10:05:00-05:00', MORE_THAN_HALF);
        return c;
      })(),
      (() => {
        const c = seen('p01-attempt-after-as-of');
        c.condition(ATTEMPT, '2027-01-01T08:00:00+09:00', { recordedDate: '2027-01-01T08:30:00+09:00' });
        return c;
      })(),
    ],
    {
      'p01-attempt-entered-in-error': noSuicideFlag('T14.91XA entered in error'),
      'p01-attempt-refuted': noSuicideFlag('T14.91XA refuted'),
      'p01-z91-52-nonsuicidal': noSuicideFlag('history of non-suicidal self-harm'),
      'p01-item9-then-not-at-all': noSuicideFlag('positive item 9 in September, "Not at all" in December'),
      'p01-item9-after-as-of': noSuicideFlag('positive item 9 four days after as-of'),
      'p01-attempt-after-as-of': noSuicideFlag(
        'attempt on 1 Jan 2027 08:00 +09:00 (31 Dec in UTC): after as-of as written',
      ),
    },
  ),
  group(
    'p02-actions-safety-first',
    '§4',
    {
      title: 'Actions: safety first, severe depression before measure gaps, nothing that contradicts recent data',
      rule: 'Suicide risk is the first action however many gaps are open; then the other high-severity needs in order — severe depression (PHQ-9 ≥ 20) without a plan, interpersonal violence (HITS ≥ 11) not followed up, a psychiatric discharge in the last 30 days (one action for its FUH/TCM windows) — never pushed out of the five; no "PHQ-9 due" when a PHQ-9 was scored within the last 14 days; each need appears once. A 2-business-day contact window already passed is listed as missed.',
      citation:
        'issue 12 §4 "Actions: safety first … can never be pushed out of the five"; PHQ-9 severity bands (Kroenke 2001, LOINC 44261-6: 20–27 severe); HITS total 95614-4 > 10 (Sherin 1998); CMS TCM interactive contact within 2 business days; CMS2 14-day look-back; src/engine/actions/prioritise-actions.ts, depression-needs.ts, visit-facts.ts',
    },
    [
      (() => {
        const c = new Chart('p02-attempt-with-many-gaps', '1962-02-02');
        c.condition(CODES.diabetes, '2015-01-01');
        c.condition(CODES.hypertension, '2015-01-01');
        c.visit('2026-12-01T10:00:00-05:00');
        c.condition(ATTEMPT, '2026-11-28T22:00:00-05:00');
        return c;
      })(),
      (() => {
        const c = new Chart('p02-phq9-22-five-days-ago', '1979-03-03');
        c.visit('2026-12-26T10:00:00-05:00');
        c.observation(PHQ9_TOTAL, '2026-12-26T10:05:00-05:00', { value: 22, unit: '{score}' });
        return c;
      })(),
      (() => {
        const c = new Chart('p02-four-safety-needs', '1962-02-02');
        c.condition(CODES.diabetes, '2015-01-01');
        c.condition(CODES.hypertension, '2015-01-01');
        c.visit('2026-06-01T10:00:00-04:00');
        const dx = c.condition(
          [SYS.icd, 'F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
          '2026-12-20T10:00:00-05:00',
        );
        c.visit('2026-12-20T10:00:00-05:00', [SYS.cpt, '99223', 'Initial hospital inpatient care, high MDM'], {
          cls: 'IMP',
          end: '2026-12-26T11:00:00-05:00',
          extra: {
            diagnosis: [{ condition: { reference: `Condition/${dx.id}` }, rank: 1 }],
            hospitalization: {
              dischargeDisposition: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home' }],
              },
            },
          },
        });
        c.condition(ATTEMPT, '2026-12-19T22:00:00-05:00');
        c.observation(PHQ9_TOTAL, '2026-12-27T10:00:00-05:00', { value: 22, unit: '{score}' });
        c.observation([SYS.loinc, '95614-4', 'Total score [HITS]'], '2026-12-27T10:05:00-05:00', {
          value: 14,
          unit: '{score}',
        });
        return c;
      })(),
    ],
    {
      'p02-attempt-with-many-gaps': {
        boundary: 'recent attempt with CMS2, CMS122, CMS165, SDOH gaps open',
        flags: { 'suicide-risk': 'high' },
        actions: { order: ['suicide-risk'], firstKind: 'safety' },
      },
      'p02-four-safety-needs': {
        boundary: 'suicide attempt, PHQ-9 22, HITS 14 and a psychiatric discharge, with measure gaps open',
        flags: { 'suicide-risk': 'high', 'depression-severity': 'high', 'sdoh-need:safety': 'high' },
        actions: {
          order: ['suicide-risk', 'depression-severity', 'sdoh-need:safety', 'psych-admission-recent'],
          firstKind: 'safety',
          missed: ['tcm-contact-2d'],
        },
      },
      'p02-phq9-22-five-days-ago': {
        boundary: 'PHQ-9 22 five days before as-of, no plan',
        flags: { 'depression-severity': 'high' },
        actions: {
          order: ['depression-severity'],
          firstKind: 'safety',
          excludeText: ['PHQ-9 due'],
        },
      },
    },
  ),
  group(
    'p03-written-date-at-offsets',
    '§4',
    {
      title: 'SDOH age and polypharmacy on the written date at −05:00 / +09:00',
      rule: 'SDOH: aged 18 or older on the date of the encounter, its date as written (22:00 −05:00 on the day before the 18th birthday is 17, though UTC says the birthday). Polypharmacy: a prescription written 1 Jan 2027 03:00 +09:00 is after as-of (31 Dec) as written; one written 31 Dec 22:00 −05:00 is on as-of; two orders of one RxNorm drug are one medication.',
      citation:
        'CMS MIPS #487 denominator "aged 18 and older on date of encounter"; CQL AgeInYearsAt(date from start of Encounter.period); measures.md §6 polypharmacy (≥ 5 distinct medications); src/engine/cql/calendar-days.ts (a value’s day is its written date)',
    },
    [
      ...[
        ['p03-sdoh-17-evening-minus05', '2026-06-14T22:00:00-05:00'],
        ['p03-sdoh-18-morning-plus09', '2026-06-15T07:00:00+09:00'],
      ].map(([pid, visit]) => {
        const c = new Chart(pid!, '2008-06-15');
        c.visit(visit!);
        return c;
      }),
      onMeds('p03-rx-jan1-plus09', MEDS[4]!, '2027-01-01T03:00:00+09:00'),
      onMeds('p03-rx-dec31-minus05', MEDS[4]!, '2026-12-31T22:00:00-05:00'),
      onMeds('p03-rx-same-drug-twice', MEDS[0]!, '2026-07-07T09:00:00-04:00'),
    ],
    {
      'p03-sdoh-17-evening-minus05': {
        boundary: 'visit the evening before the 18th birthday (the birthday in UTC)',
        measures: { 'sdoh-screening': { IPP: 0, DENOM: 0, DENEX: 0, NUMER: 0 } },
      },
      'p03-sdoh-18-morning-plus09': {
        boundary: 'visit the morning of the 18th birthday (the day before in UTC)',
        measures: { 'sdoh-screening': { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 0 } },
      },
      'p03-rx-jan1-plus09': {
        boundary: 'fifth written the day after as-of (as written)',
        flags: { polypharmacy: 'absent' },
      },
      'p03-rx-dec31-minus05': { boundary: 'fifth written on as-of (as written)', flags: { polypharmacy: 'moderate' } },
      'p03-rx-same-drug-twice': {
        boundary: 'four distinct drugs, one ordered twice',
        flags: { polypharmacy: 'absent' },
      },
    },
  ),
  group(
    'p05-recent-psychiatric-discharge-one-action',
    '§4',
    {
      title: 'A psychiatric discharge five days ago: one high-severity action for all its windows',
      rule: 'A psychiatric discharge in the last 30 days is a high-severity need (safety plan, medicines, follow-up) placed before measure gaps; its FUH 7/30-day, TCM 7/14-day and 2-business-day contact windows are one need, so one action answers them all.',
      citation:
        'issue 12 §4 "Actions: safety first … recent psychiatric discharge … each need appears once"; HEDIS FUH, CMS TCM (CPT 99495/99496); src/engine/actions/visit-needs.ts, prioritise-actions.ts',
    },
    [
      (() => {
        const c = new Chart('p05-discharged-dec26', '1984-08-08');
        const dx = c.condition(
          [SYS.icd, 'F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
          '2026-12-20T10:00:00-05:00',
        );
        c.visit('2026-12-20T10:00:00-05:00', [SYS.cpt, '99223', 'Initial hospital inpatient care, high MDM'], {
          cls: 'IMP',
          end: '2026-12-26T11:00:00-05:00',
          extra: {
            diagnosis: [{ condition: { reference: `Condition/${dx.id}` }, rank: 1 }],
            hospitalization: {
              dischargeDisposition: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home' }],
              },
            },
          },
        });
        return c;
      })(),
    ],
    {
      'p05-discharged-dec26': {
        boundary: 'discharged home 5 days before as-of, no follow-up yet',
        flags: { 'psych-admission-recent': 'high' },
        gaps: { 'fuh-7': 'open', 'tcm-7': 'open' },
        actions: { firstKind: 'safety', include: ['fuh-7', 'tcm-7'] },
      },
    },
  ),
  group(
    'p04-conditions-counted-once-and-current',
    '§4',
    {
      title: 'Chronic-condition groups count once; SMI needs a current diagnosis',
      rule: 'An ICD-10-CM and a SNOMED code of the same condition (I50.9 and 84114007 heart failure) are one group, not two; a resolved schizophrenia diagnosis is not a current SMI (clinical status resolved / inactive never counts).',
      citation:
        'MIPS #484 / UAMCC chronic-condition groups (measures.md §6); FHIR R4 Condition.clinicalStatus; src/engine/codes/chronic-condition-groups.ts, config/risk-policy.ts diagnoses.currentClinicalStatuses',
    },
    [
      (() => {
        const c = seen('p04-heart-failure-two-codes');
        c.condition([SYS.icd, 'I50.9', 'Heart failure, unspecified'], '2022-08-19');
        c.condition([SYS.snomed, '84114007', 'Heart failure (disorder)'], '2022-08-19');
        return c;
      })(),
      (() => {
        const c = seen('p04-schizophrenia-resolved');
        c.condition([SYS.icd, 'F20.9', 'Schizophrenia, unspecified'], '2010-01-01', {
          clinicalStatus: { coding: [{ system: CLIN, code: 'resolved' }] },
          abatementDateTime: '2015-01-01',
        });
        return c;
      })(),
    ],
    {
      'p04-heart-failure-two-codes': {
        boundary: 'one condition, two code systems',
        flags: { 'multiple-chronic-conditions': 'absent' },
      },
      'p04-schizophrenia-resolved': { boundary: 'resolved in 2015', flags: { smi: 'absent' } },
    },
  ),
  {
    id: 'q01-synthea-transaction',
    item: '§5',
    title: 'A Synthea-style transaction Bundle: resources with ids, fullUrl urn:uuid:<id>, references urn:uuid:<id>',
    rule: 'Every reference to an entry’s fullUrl is a reference to that entry, whether or not the resource also carries an id: the visit and screening are the patient’s.',
    citation:
      'FHIR R4 Bundle.entry.fullUrl (references resolve against fullUrl within the Bundle); Synthea FHIR R4 exporter (transaction Bundles with urn:uuid fullUrls); CMS2 "Has Most Recent Adult Screening Negative"',
    files: {
      'synthea.json': (() => {
        const c = new Chart(SYNTHEA, '1987-04-04');
        c.visit('2026-04-07T09:00:00-04:00');
        c.screening('2026-04-07T09:05:00-04:00');
        const urn = (r: Res) => `urn:uuid:${r.id}`;
        const byRef = new Map(c.resources.map((r) => [`${r.resourceType}/${r.id}`, urn(r)]));
        return JSON.stringify({
          resourceType: 'Bundle',
          type: 'transaction',
          entry: c.resources.map((r) => ({
            fullUrl: urn(r),
            resource: JSON.parse(
              JSON.stringify(r).replace(
                /"reference":"([^"]+)"/g,
                (m, ref: string) => `"reference":"${byRef.get(ref) ?? ref}"`,
              ),
            ),
            request: { method: 'POST', url: r.resourceType },
          })),
        });
      })(),
    },
    patients: { [SYNTHEA]: { boundary: 'ids kept, references by urn:uuid', ...CMS2_MET } },
  },
  {
    id: 'q02-absolute-and-versioned-references',
    item: '§5',
    title: 'Absolute and versioned references to the patient',
    rule: 'A reference is to the patient whether written relative (Patient/x), absolute on the same server (https://…/Patient/x) or versioned (Patient/x/_history/3).',
    citation:
      'FHIR R4 references.html (literal references: relative, absolute, version-specific); CMS2 "Has Most Recent Adult Screening Negative"',
    files: {
      'bundle.json': collection(
        all(
          screenedWith('q02-absolute-subject', (ref) => `https://ehr.example.org/fhir/${ref}`),
          screenedWith('q02-versioned-subject', (ref) => `${ref}/_history/3`),
        ),
      ),
    },
    patients: {
      'q02-absolute-subject': { boundary: 'screening subject absolute URL', ...CMS2_MET },
      'q02-versioned-subject': { boundary: 'screening subject versioned', ...CMS2_MET },
    },
  },
  {
    id: 'q03-shared-medication-forms',
    item: '§5',
    title: 'A shared Medication referenced absolutely, and inside a transaction by urn:uuid',
    rule: 'The dementia medication of the CMS165 frailty exclusion resolves however the MedicationRequest names the Medication: an absolute URL to a patient-less Medication in a collection Bundle, a Medication contained in the request (#id), or its urn:uuid fullUrl in a transaction.',
    citation:
      'AdvancedIllnessandFrailty.cql "Has Dementia Medications in Year Before or During Measurement Period"; CMS165 "Denominator Exclusions"; FHIR R4 references.html (contained resources, #id), Bundle.entry.fullUrl',
    files: {
      'collection.json': collection([
        DONEPEZIL('q03-donepezil'),
        ...frailOnReference('q03-absolute-medication', 'https://ehr.example.org/fhir/Medication/q03-donepezil')
          .resources,
      ]),
      'contained.json': collection(
        (() => {
          const c = frailOnReference('q03-contained-medication', '#donepezil');
          const rx = c.resources.find((r) => r.resourceType === 'MedicationRequest') as fhir4.MedicationRequest;
          rx.contained = [DONEPEZIL('donepezil') as fhir4.Medication];
          return c.resources;
        })(),
      ),
      'transaction.json': transaction(
        [DONEPEZIL('q03-tx-donepezil'), ...frailOnReference(TX_FRAIL, 'Medication/q03-tx-donepezil').resources],
        (id) => (id === TX_FRAIL ? id : uuidOf(id)),
      ),
    },
    patients: {
      'q03-absolute-medication': { boundary: 'absolute medicationReference', ...EXCLUDED_165 },
      'q03-contained-medication': {
        boundary: 'medicationReference to a contained Medication (#id)',
        ...EXCLUDED_165,
        fqmDiffers: {
          measure: 'cms165',
          populations: { DENEX: 0, NUMER: 1 },
          why: 'fqm-execution (cql-exec-fhir) does not look into `contained` when it resolves medicationReference; FHIR R4 references.html: "#id" is the contained Medication, so the request is for donepezil.',
        },
      },
      [TX_FRAIL]: { boundary: 'urn:uuid medicationReference in a transaction', ...EXCLUDED_165 },
    },
  },
  {
    id: 'q04-medication-file-read-last',
    item: '§5',
    title: 'A Bulk export whose Medication file is read after the patients’ files',
    rule: 'Resources without a patient are kept whatever the file order, and resolved for every patient that references them: a MedicationRequest read before its Medication still names a dementia medication.',
    citation:
      'FHIR Bulk Data Access (files in any order, one type per file); AdvancedIllnessandFrailty.cql "Has Dementia Medications in Year Before or During Measurement Period"; CMS165 "Denominator Exclusions"',
    files: {
      'a-patients.ndjson': frailOnReference('q04-medication-read-last', 'Medication/q04-donepezil')
        .resources.map((r) => JSON.stringify(r))
        .join('\n'),
      'z-medications.ndjson': JSON.stringify(DONEPEZIL('q04-donepezil')),
    },
    patients: { 'q04-medication-read-last': { boundary: 'Medication in the last file', ...EXCLUDED_165 } },
  },
];
