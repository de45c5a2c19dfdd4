/**
 * Clinical deck, more edges of the same rules: CMS2's exception, age and visit boundaries and
 * record statuses; CMS122 statuses; the SDOH age of a leap-day birth; death, suicidal behaviour,
 * SMI, polypharmacy and chronic conditions as real records carry them (date-only, reasonCode,
 * SNOMED, stopped orders). Expectations from the rules cited per group.
 */
import { CODES, Chart, SYS, group, type Code } from './deck-builders.ts';
import type { CodeGroup, ExpectedPatient, ExpectedPopulations } from './deck-cases.ts';

const CMS2_LIB = 'CMS2FHIRPCSDepressionScreenAndFollowUp.cql';
const NOT_DONE = 'http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-notDoneReason';
const DECLINED: Code = [SYS.snomed, '720834000', 'Depression screening declined (situation)'];
const cms2 = (ipp: 0 | 1, numer: 0 | 1, exception: 0 | 1 = 0): ExpectedPopulations => ({
  IPP: ipp,
  DENOM: ipp,
  DENEX: 0,
  DENEXCEP: exception,
  NUMER: numer,
});
const sdoh = (ipp: 0 | 1): ExpectedPatient['measures'] => ({
  'sdoh-screening': { IPP: ipp, DENOM: ipp, DENEX: 0, NUMER: 0 },
});

/** A CMS2 adult seen 16 Mar 09:00 −05:00 who declined the screening (a cancelled 73832-8 issued at `issued`). */
function declined(pid: string, issued: string): Chart {
  const c = new Chart(pid, '1980-10-10');
  c.visit('2026-03-16T09:00:00-05:00');
  c.add({
    resourceType: 'Observation',
    id: c.id('declined'),
    extension: [
      {
        url: NOT_DONE,
        valueCodeableConcept: { coding: [{ system: DECLINED[0], code: DECLINED[1], display: DECLINED[2] }] },
      },
    ],
    status: 'cancelled',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: { coding: [{ system: SYS.loinc, code: CODES.adultScreen[1], display: CODES.adultScreen[2] }] },
    subject: { reference: c.ref },
    issued,
  } as fhir4.Observation & { id: string });
  return c;
}
/** A CMS2 adult seen 16 Mar whose screening has `status` (and maybe an effectivePeriod). */
function screenedWithStatus(pid: string, status: string, period?: fhir4.Period): Chart {
  const c = new Chart(pid, '1980-10-10');
  c.visit('2026-03-16T09:00:00-05:00');
  const obs = c.screening('2026-03-16T09:05:00-05:00') as fhir4.Observation;
  obs.status = status as fhir4.Observation['status'];
  if (period) {
    delete obs.effectiveDateTime;
    obs.effectivePeriod = period;
  }
  return c;
}
function diabeticWithStatus(pid: string, status: string, value: number): Chart {
  const c = new Chart(pid, '1966-06-16');
  c.condition(CODES.diabetes, '2018-02-02');
  c.visit('2026-04-04T09:00:00-04:00');
  const obs = c.observation(CODES.hba1c, '2026-04-04T09:20:00-04:00', { value, unit: '%' }) as fhir4.Observation;
  obs.status = status as fhir4.Observation['status'];
  return c;
}
const seen = (pid: string, birthDate = '1958-05-05', extra: Partial<fhir4.Patient> = {}) => {
  const c = new Chart(pid, birthDate, extra);
  c.visit('2026-12-01T10:00:00-05:00');
  return c;
};
const withConditions = (pid: string, ...codes: Code[]) => {
  const c = seen(pid);
  codes.forEach((code) => c.condition(code, '2021-09-09'));
  return c;
};
const MEDS: readonly Code[] = [
  [SYS.rxnorm, '197361', 'amlodipine 5 MG Oral Tablet'],
  [SYS.rxnorm, '314076', 'lisinopril 10 MG Oral Tablet'],
  [SYS.rxnorm, '617312', 'atorvastatin 10 MG Oral Tablet'],
  [SYS.rxnorm, '310798', 'hydrochlorothiazide 25 MG Oral Tablet'],
];
const METFORMIN: Code = [SYS.rxnorm, '860975', '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet'];
function fourPlus(pid: string, fifth: Partial<fhir4.MedicationRequest>): Chart {
  const c = seen(pid);
  MEDS.forEach((m) => c.medication(m, '2026-03-03T09:00:00-05:00'));
  c.medication(METFORMIN, '2026-03-03T09:00:00-05:00', fifth);
  return c;
}

/** Edge groups. */
export const EDGE_GROUPS: readonly CodeGroup[] = [
  group(
    'e01-cms2-declined-issued-day',
    '§1',
    {
      title: 'CMS2 exception: a declined screening issued on the visit day, as written',
      rule: 'A cancelled adult screening with notDoneReason "Depression screening declined" is an exception when issued during day of the visit period: 16 Mar 21:00 −05:00 (17 Mar in UTC) is the visit day; 17 Mar 07:00 +09:00 (16 Mar in UTC) is not.',
      citation: `${CMS2_LIB} define "Medical or Patient Reason for Not Screening Adult for Depression" (NoAdultScreen.issued during day of QualifyingEncounter.period), "Denominator Exceptions"; SNOMED CT 720834000`,
    },
    [
      declined('e01-declined-evening-minus05', '2026-03-16T21:00:00-05:00'),
      declined('e01-declined-next-day-plus09', '2026-03-17T07:00:00+09:00'),
    ],
    {
      'e01-declined-evening-minus05': {
        boundary: 'issued on the visit day (as written)',
        measures: { cms2: cms2(1, 0, 1) },
        gaps: { cms2: 'not-applicable' },
      },
      'e01-declined-next-day-plus09': {
        boundary: 'issued the day after (as written)',
        measures: { cms2: cms2(1, 0, 0) },
        gaps: { cms2: 'open' },
      },
    },
  ),
  group(
    'e02-cms2-age-and-visit-edges',
    '§1',
    {
      title: 'CMS2 age 12 on the first day of the period; visits that cross midnight at the period edges',
      rule: 'The patient must be 12 or older on 1 January (born 1 Jan 2014: 12 that day, born 2 Jan 2014: 11). The visit period must lie during day of the measurement period: a visit that starts 31 Dec 2026 23:30 and ends 1 Jan 2027 00:30, or starts 31 Dec 2025 23:30, does not.',
      citation: `${CMS2_LIB} define "Patient Age 12 Years or Older at Start of Measurement Period", "Qualifying Encounter During Measurement Period" (QualifyingEncounter.period during day of "Measurement Period")`,
    },
    [
      ...[
        ['e02-born-2014-01-01', '2014-01-01'],
        ['e02-born-2014-01-02', '2014-01-02'],
      ].map(([pid, birth]) => {
        const c = new Chart(pid!, birth!);
        c.visit('2026-05-05T15:00:00-04:00');
        return c;
      }),
      ...[
        ['e02-visit-ends-2027', '2026-12-31T23:30:00-05:00', '2027-01-01T00:30:00-05:00'],
        ['e02-visit-starts-2025', '2025-12-31T23:30:00-05:00', '2026-01-01T00:30:00-05:00'],
      ].map(([pid, start, end]) => {
        const c = new Chart(pid!, '1970-01-15');
        c.visit(start!, CODES.office, { end });
        return c;
      }),
    ],
    {
      'e02-born-2014-01-01': { boundary: '12th birthday on the period start', measures: { cms2: cms2(1, 0) } },
      'e02-born-2014-01-02': {
        boundary: '12th birthday the day after the period start',
        measures: { cms2: cms2(0, 0) },
      },
      'e02-visit-ends-2027': { boundary: 'visit ends the day after the period', measures: { cms2: cms2(0, 0) } },
      'e02-visit-starts-2025': { boundary: 'visit starts the day before the period', measures: { cms2: cms2(0, 0) } },
    },
  ),
  group(
    'e03-record-status-and-period',
    '§1',
    {
      title: 'Which statuses a screening or HbA1c must have, and a screening recorded as a period',
      rule: 'CMS2 takes the most recent screening among final or corrected ones (amended and preliminary are not results); a screening given as an effectivePeriod is compared by its interval. CMS122 counts lab results final, amended or corrected: a preliminary HbA1c is no assessment (the inverse numerator is met); an amended 7 % is one (not met).',
      citation: `${CMS2_LIB} define "Most Recent Adult Depression Screening" (status in { 'final', 'corrected' }); CMS122FHIRDiabetesAssessGreaterThan9Percent.cql "Glycemic Status Assessment" → Status.cql isLaboratoryTestPerformed (status in { 'final', 'amended', 'corrected' }); FHIRHelpers ToInterval`,
    },
    [
      screenedWithStatus('e03-cms2-corrected', 'corrected'),
      screenedWithStatus('e03-cms2-amended', 'amended'),
      screenedWithStatus('e03-cms2-preliminary', 'preliminary'),
      screenedWithStatus('e03-cms2-effective-period', 'final', {
        start: '2026-03-02T10:00:00-05:00',
        end: '2026-03-02T10:15:00-05:00',
      }),
      diabeticWithStatus('e03-cms122-preliminary', 'preliminary', 7.0),
      diabeticWithStatus('e03-cms122-amended', 'amended', 7.0),
    ],
    {
      'e03-cms2-corrected': { boundary: 'corrected', measures: { cms2: cms2(1, 1) } },
      'e03-cms2-amended': { boundary: 'amended', measures: { cms2: cms2(1, 0) } },
      'e03-cms2-preliminary': { boundary: 'preliminary', measures: { cms2: cms2(1, 0) } },
      'e03-cms2-effective-period': { boundary: 'effectivePeriod 14 days before', measures: { cms2: cms2(1, 1) } },
      'e03-cms122-preliminary': {
        boundary: 'preliminary HbA1c',
        measures: { cms122: { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 1 } },
      },
      'e03-cms122-amended': {
        boundary: 'amended HbA1c 7 %',
        measures: { cms122: { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 0 } },
      },
    },
  ),
  group(
    'e04-sdoh-leap-day-birth',
    '§4',
    {
      title: 'SDOH age for a patient born on 29 February',
      rule: 'Age in whole calendar years on the encounter date (CQL AgeInYearsAt): born 29 Feb 2008, the patient is 17 on 27 Feb 2026 and 18 on 28 Feb 2026 — cql-execution adds years with a month-end clamp, so 29 Feb + 18 years is 28 Feb.',
      citation:
        'CMS MIPS #487 "aged 18 and older on date of encounter"; CQL 1.5 AgeInYearsAt / years between; cql-execution 3.3 Date.durationBetween(…, year) gives 18 for 2008-02-29 → 2026-02-28; src/engine/cql/age.ts',
      reading:
        'Legal conventions differ (some jurisdictions date the birthday 1 March in common years); the deck follows the reference CQL engine, which the engine’s date model ports.',
    },
    [
      ['e04-leap-visit-feb27', '2026-02-27T10:00:00-05:00'],
      ['e04-leap-visit-feb28', '2026-02-28T10:00:00-05:00'],
    ].map(([pid, visit]) => {
      const c = new Chart(pid!, '2008-02-29');
      c.visit(visit!);
      return c;
    }),
    {
      'e04-leap-visit-feb27': { boundary: 'day before 28 February: 17', measures: sdoh(0) },
      'e04-leap-visit-feb28': { boundary: '28 February of a common year: 18', measures: sdoh(1) },
    },
  ),
  group(
    'e05-records-as-exported',
    '§4',
    {
      title: 'Death, suicidal behaviour, SMI, polypharmacy and chronic conditions as exports write them',
      rule: 'A date-only deceasedDateTime on the as-of day is a death on or before as-of; 1 Jan 2027 03:00 +09:00 is after it as written. A suicide attempt coded as an Encounter reasonCode is current risk. SNOMED schizophrenia (58214004) and bipolar disorder (13746004) are SMI, "depressive disorder" (35489007) is not. A stopped order or a proposal is not an active prescription. Diabetes (E11.9) and CKD stage 3 unspecified (N18.30) are two chronic-condition groups.',
      citation:
        'FHIR R4 Patient.deceased[x], Encounter.reasonCode, MedicationRequest.status/intent; src/engine/actions/deceased.ts; risk-policy suicideRisk (Encounter reasonCode), diagnoses (VSAC SMI sets), polypharmacy (status active, intent order/plan); MIPS #484 chronic-condition groups; ICD-10-CM FY2021+ N18.30',
    },
    [
      seen('e05-died-date-only-as-of', '1940-01-01', { deceasedDateTime: '2026-12-31' }),
      seen('e05-died-jan1-plus09', '1940-01-01', { deceasedDateTime: '2027-01-01T03:00:00+09:00' }),
      (() => {
        const c = new Chart('e05-attempt-reason-code', '1991-09-09');
        c.visit('2026-11-30T02:00:00-05:00', [SYS.cpt, '99285', 'Emergency department visit, high MDM'], {
          cls: 'EMER',
          extra: {
            reasonCode: [
              { coding: [{ system: SYS.icd, code: 'T14.91XA', display: 'Suicide attempt, initial encounter' }] },
            ],
          },
        });
        return c;
      })(),
      withConditions('e05-smi-snomed-schizophrenia', [SYS.snomed, '58214004', 'Schizophrenia (disorder)']),
      withConditions('e05-smi-snomed-bipolar', [SYS.snomed, '13746004', 'Bipolar disorder (disorder)']),
      withConditions('e05-not-smi-snomed-depressive', [SYS.snomed, '35489007', 'Depressive disorder (disorder)']),
      fourPlus('e05-rx-fifth-stopped', { status: 'stopped' }),
      fourPlus('e05-rx-fifth-proposal', { intent: 'proposal' }),
      withConditions('e05-mcc-e11-n18-30', CODES.diabetes, [
        SYS.icd,
        'N18.30',
        'Chronic kidney disease, stage 3 unspecified',
      ]),
    ],
    {
      'e05-died-date-only-as-of': { boundary: 'date-only death on the as-of day', deceased: true },
      'e05-died-jan1-plus09': {
        boundary: 'death the day after as-of (as written)',
        deceased: false,
        actions: { include: ['cms2'] },
      },
      'e05-attempt-reason-code': {
        boundary: 'ED visit with reasonCode T14.91XA a month before as-of',
        flags: { 'suicide-risk': 'high' },
        actions: { order: ['suicide-risk'], firstKind: 'safety' },
      },
      'e05-smi-snomed-schizophrenia': { boundary: 'SNOMED schizophrenia', flags: { smi: 'high' } },
      'e05-smi-snomed-bipolar': { boundary: 'SNOMED bipolar disorder', flags: { smi: 'high' } },
      'e05-not-smi-snomed-depressive': { boundary: 'SNOMED depressive disorder', flags: { smi: 'absent' } },
      'e05-rx-fifth-stopped': { boundary: 'fifth order stopped', flags: { polypharmacy: 'absent' } },
      'e05-rx-fifth-proposal': { boundary: 'fifth a proposal', flags: { polypharmacy: 'absent' } },
      'e05-mcc-e11-n18-30': { boundary: 'diabetes and CKD 3', flags: { 'multiple-chronic-conditions': 'moderate' } },
    },
  ),
];
