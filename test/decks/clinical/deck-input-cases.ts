/**
 * Clinical deck, issue 12 §5 (the CLI reads real exports whole): code-built case groups written
 * as a user's files — a Bulk Data ndjson folder with a shared Medication, a transaction Bundle
 * with `urn:uuid:` references, Synthea-style ndjson with `urn:uuid:` references, valid R4 the
 * validator must not flag, and Observations about a Group or a Device. Populations are judged by
 * fqm-execution on each patient's resources as a FHIR server would hold them (deck-patients.ts).
 */
import { CODES, Chart, SYS, all, collection, group, ndjsonFiles, transaction, uuidOf } from './deck-builders.ts';
import type { CodeGroup, ExpectedPopulations } from './deck-cases.ts';

const aco = (denex: 0 | 1, numer: 0 | 1): ExpectedPopulations => ({ IPP: 1, DENOM: 1, DENEX: denex, NUMER: numer });

/** A hypertensive 74–76-year-old with a wheelchair order (frailty), controlled BP, and maybe a dementia drug by reference. */
function frail(pid: string, birthDate: string, medication?: string): Chart {
  const c = new Chart(pid, birthDate);
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
  if (medication) {
    c.medication({ reference: medication }, '2026-04-14T10:25:00-04:00');
  }
  return c;
}

/** A patient of several measures (CMS2 screened negative, diabetic with HbA1c 10.5 %), for the reference cases. */
function referenced(pid: string): Chart {
  const c = new Chart(pid, '1969-12-02');
  const visit = c.visit('2026-02-03T09:00:00-05:00');
  c.screening('2026-02-03T09:10:00-05:00');
  c.condition(CODES.diabetes, '2018-07-01', { encounter: { reference: `Encounter/${visit.id}` } });
  c.observation(CODES.hba1c, '2026-02-03T09:20:00-05:00', { value: 10.5, unit: '%' });
  return c;
}
const REFERENCED = {
  measures: {
    cms2: { IPP: 1, DENOM: 1, DENEX: 0, DENEXCEP: 0, NUMER: 1 },
    cms122: { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 1 },
  },
  gaps: { cms2: 'closed', cms122: 'open' },
} as const;

const RIVASTIGMINE = {
  resourceType: 'Medication',
  id: 'i01-rivastigmine-6mg',
  code: { coding: [{ system: SYS.rxnorm, code: '312836', display: 'rivastigmine 6 MG Oral Capsule' }] },
} as const;

const TX_PATIENT = uuidOf('i02-transaction-patient');
const NDJSON_PATIENT = uuidOf('i03-ndjson-patient');

/** §5 case groups. */
export const INPUT_GROUPS: readonly CodeGroup[] = [
  {
    id: 'i01-shared-medication-bulk',
    item: '§5',
    title: 'A shared Medication (no patient) resolves for every MedicationRequest that references it (Bulk ndjson)',
    rule: 'CMS165 excludes a patient aged 66+ with frailty (a wheelchair order) and a dementia medication active in the period or the year before; the medication may be a medicationReference to a Medication resource, which an export writes once, without a patient, for everyone who takes it.',
    citation:
      'CMS165FHIRControllingHighBloodPressure.cql define "Denominator Exclusions" → AdvancedIllnessandFrailty.cql "Is Age 66 or Older with Advanced Illness and Frailty", "Has Dementia Medications in Year Before or During Measurement Period" ([MedicationRequest: "Dementia Medications"] incl. by reference); official case DENEXPass-DementiaMedicationRequestAsReference; FHIR Bulk Data (one ndjson file per type)',
    files: ndjsonFiles([
      RIVASTIGMINE as unknown as fhir4.Resource & { id: string },
      ...all(
        frail('i01-dementia-med-a', '1950-02-02', `Medication/${RIVASTIGMINE.id}`),
        frail('i01-dementia-med-b', '1952-08-08', `Medication/${RIVASTIGMINE.id}`),
        frail('i01-no-dementia-med', '1951-01-01'),
      ),
    ]),
    patients: {
      'i01-dementia-med-a': {
        boundary: 'first patient referencing the shared Medication',
        measures: { cms165: aco(1, 0) },
      },
      'i01-dementia-med-b': {
        boundary: 'second patient referencing the same Medication',
        measures: { cms165: aco(1, 0) },
      },
      'i01-no-dementia-med': {
        boundary: 'frail, no dementia medication: not excluded',
        measures: { cms165: aco(0, 1) },
      },
    },
  },
  {
    id: 'i02-transaction-urn-uuid',
    item: '§5',
    title: 'A transaction Bundle whose entries have no ids and reference each other by urn:uuid',
    rule: "A transaction's POST entries take their identity from their fullUrl (urn:uuid:…) and every reference to that fullUrl is a reference to the entry: the Encounter, Condition and Observations are the patient's.",
    citation:
      'FHIR R4 Bundle.entry.fullUrl and transaction processing (http.html#trules: references to urn:uuid fullUrls resolve within the Bundle); CMS2 "Has Most Recent Adult Screening Negative", CMS122 "Has Most Recent Elevated Glycemic Status Assessment"',
    files: {
      'transaction.json': transaction(referenced(TX_PATIENT).resources, (id) => (id === TX_PATIENT ? id : uuidOf(id))),
    },
    patients: { [TX_PATIENT]: { boundary: 'every clinical resource referenced by urn:uuid', ...REFERENCED } },
  },
  {
    id: 'i03-ndjson-urn-uuid',
    item: '§5',
    title: 'Synthea-style ndjson whose references are urn:uuid:<id>',
    rule: 'In ndjson, `urn:uuid:<id>` denotes the resource with that id (Synthea and other exporters write references so): the records are the patient’s.',
    citation:
      'FHIR R4 references.html (a reference may be a UUID URI); FHIR Bulk Data ndjson; CMS2 "Has Most Recent Adult Screening Negative", CMS122 "Has Most Recent Elevated Glycemic Status Assessment"',
    files: ndjsonFiles(referenced(NDJSON_PATIENT).resources, (ref) => `urn:uuid:${ref.split('/')[1]}`),
    patients: { [NDJSON_PATIENT]: { boundary: 'every reference a urn:uuid', ...REFERENCED } },
  },
  group(
    'i04-valid-allergy-intolerance',
    '§5',
    {
      title: 'AllergyIntolerance type and category are codes, not CodeableConcepts',
      rule: 'R4 AllergyIntolerance.type is a code (allergy | intolerance) and category a list of codes (food | medication | environment | biologic): valid data raises no data issue.',
      citation:
        'FHIR R4 AllergyIntolerance (type: code 0..1, category: code 0..*); src/engine/input/validate-record.ts',
    },
    [
      (() => {
        const c = new Chart('i04-penicillin-allergy', '1979-09-09');
        c.visit('2026-03-03T11:00:00-05:00');
        c.add({
          resourceType: 'AllergyIntolerance',
          id: c.id('allergy'),
          clinicalStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
          },
          verificationStatus: {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' },
            ],
          },
          type: 'allergy',
          category: ['medication'],
          criticality: 'high',
          code: { coding: [{ system: SYS.rxnorm, code: '7980', display: 'penicillin G' }] },
          patient: { reference: c.ref },
          recordedDate: '2015-05-05',
        } as fhir4.AllergyIntolerance & { id: string });
        return c;
      })(),
    ],
    {
      'i04-penicillin-allergy': {
        boundary: 'type "allergy", category ["medication"]',
        noIssuesFor: ['AllergyIntolerance'],
      },
    },
  ),
  group(
    'i06-valid-r4-choice-types',
    '§5',
    {
      title: 'Valid R4 choice types and optional elements are read, not flagged',
      rule: 'R4 allows Condition.onsetAge / onsetString, Observation.effectiveInstant / effectivePeriod without end, Procedure.performedPeriod, a MedicationRequest coded by text only, Immunization.occurrenceString, Encounter.period with only an end, a month-precision birthDate: none is a data issue. As CQL reads them: onsetAge 40 is the year from birthDate + 40 (diabetes overlaps the period), an onsetString has no interval (an active hypertension with no onset overlaps every window), effectiveInstant is the HbA1c time, performedPeriod ends in the colonoscopy window.',
      citation:
        'FHIR R4 Condition.onset[x], Observation.effective[x], Procedure.performed[x], Immunization.occurrence[x], Patient.birthDate (date: YYYY, YYYY-MM, YYYY-MM-DD); QICoreCommon toInterval / prevalenceInterval; CMS122 "Initial Population", CMS165 "Essential Hypertension Diagnosis", CMS130 "Colonoscopy Performed"',
    },
    [
      (() => {
        const c = new Chart('i06-choice-types', '1980-05');
        c.visit('2026-03-03T10:00:00-05:00');
        c.condition(CODES.diabetes, undefined, { onsetAge: { value: 40, unit: 'a', system: SYS.ucum, code: 'a' } });
        const add = (r: object) => c.add(r as fhir4.Resource & { id: string });
        add({
          resourceType: 'Observation',
          id: c.id('obs'),
          status: 'final',
          category: [
            { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
          ],
          code: { coding: [{ system: SYS.loinc, code: CODES.hba1c[1], display: CODES.hba1c[2] }] },
          subject: { reference: c.ref },
          effectiveInstant: '2026-04-04T10:00:00.000-04:00',
          valueQuantity: { value: 6.2, unit: '%', system: SYS.ucum, code: '%' },
        });
        add({
          resourceType: 'Procedure',
          id: c.id('proc'),
          status: 'completed',
          code: { coding: [{ system: SYS.snomed, code: '73761001', display: 'Colonoscopy (procedure)' }] },
          subject: { reference: c.ref },
          performedPeriod: { start: '2020-02-02T08:00:00-05:00', end: '2020-02-02T09:00:00-05:00' },
        });
        add({
          resourceType: 'MedicationRequest',
          id: c.id('rx'),
          status: 'active',
          intent: 'order',
          medicationCodeableConcept: { text: 'Vitamin D3 1000 IU' },
          subject: { reference: c.ref },
          authoredOn: '2026-01-05',
        });
        add({
          resourceType: 'Immunization',
          id: c.id('imm'),
          status: 'completed',
          vaccineCode: {
            coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '140', display: 'Influenza, seasonal' }],
          },
          patient: { reference: c.ref },
          occurrenceString: 'fall 2025',
        });
        add({
          resourceType: 'Observation',
          id: c.id('obs'),
          status: 'final',
          code: { coding: [{ system: SYS.loinc, code: '8302-2', display: 'Body height' }] },
          subject: { reference: c.ref },
          effectivePeriod: { start: '2026-03-03T10:00:00-05:00' },
          valueString: 'declined',
        });
        add({
          resourceType: 'Encounter',
          id: c.id('enc'),
          status: 'finished',
          class: { system: SYS.act, code: 'AMB' },
          subject: { reference: c.ref },
          period: { end: '2026-02-02T10:00:00-05:00' },
        });
        add({
          resourceType: 'AllergyIntolerance',
          id: c.id('allergy'),
          type: 'intolerance',
          category: ['food', 'environment'],
          patient: { reference: c.ref },
          code: { text: 'lactose' },
        });
        return c;
      })(),
      (() => {
        const c = new Chart('i06-onset-string', '1980-05-05');
        c.visit('2026-03-03T10:00:00-05:00');
        c.condition(CODES.hypertension, undefined, { onsetString: 'in her forties' });
        return c;
      })(),
    ],
    {
      'i06-onset-string': {
        boundary: 'active hypertension whose onset is a string',
        measures: { cms165: { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 0 } },
        noIssuesFor: ['Condition'],
        fqmDiffers: {
          measure: 'cms165',
          error: true,
          populations: {},
          why: 'fqm-execution stops with "Encountered unexpected error during execution" on a Condition.onsetString; QICoreCommon toInterval gives null for a choice that is not a DateTime, Quantity, interval or Timing (`else null`), so the active diagnosis has prevalence Interval[null, null], which overlaps the first six months.',
        },
      },
      'i06-choice-types': {
        boundary: 'one patient, every shape',
        measures: {
          cms122: { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 0 },
          cms130: { IPP: 1, DENOM: 1, DENEX: 0, NUMER: 1 },
        },
        noIssuesFor: [
          'Condition',
          'Observation',
          'Procedure',
          'MedicationRequest',
          'Immunization',
          'Encounter',
          'AllergyIntolerance',
        ],
      },
    },
  ),
  {
    id: 'i05-group-device-subject',
    item: '§5',
    title: 'An Observation whose subject is a Group or a Device is not the patient’s',
    rule: 'Observation.subject names who the observation is about; a screening result about a Group (a clinic cohort) or a Device is nobody’s depression screening, so the CMS2 numerator stays unmet for the patients in the same file.',
    citation:
      'FHIR R4 Observation.subject (Reference(Patient | Group | Device | Location)); CMS2 "Has Adult Depression Screening" (a patient-context retrieve: only the patient’s own Observations)',
    files: {
      'bundle.json': collection(
        (['Group/i05-clinic-cohort', 'Device/i05-kiosk-tablet'] as const).flatMap((subject, i) => {
          const c = new Chart(i ? 'i05-device-subject' : 'i05-group-subject', '1985-11-11');
          c.visit('2026-05-20T13:00:00-04:00');
          const obs = c.screening('2026-05-20T13:05:00-04:00') as fhir4.Observation;
          obs.subject = { reference: subject };
          return c.resources;
        }),
      ),
    },
    patients: {
      'i05-group-subject': {
        boundary: 'screening about a Group',
        measures: { cms2: { IPP: 1, DENOM: 1, DENEX: 0, DENEXCEP: 0, NUMER: 0 } },
        gaps: { cms2: 'open' },
      },
      'i05-device-subject': {
        boundary: 'screening about a Device',
        measures: { cms2: { IPP: 1, DENOM: 1, DENEX: 0, DENEXCEP: 0, NUMER: 0 } },
        gaps: { cms2: 'open' },
      },
    },
  },
];
