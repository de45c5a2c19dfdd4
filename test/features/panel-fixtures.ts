/**
 * Hand-made engine output for the panel's unit tests (the engine itself is tested elsewhere):
 * "Ms. Rivera", an adult seen on 3 Nov 2026 with a positive PHQ-9, no follow-up plan yet, an
 * unscreened SDOH measure, frequent ED use and item-9 suicide risk — plus the resources the
 * evidence points to, one of which carries an XSS string in its display.
 */
import type { PatientEvaluation, PatientRecord } from '../../src/engine/index.ts';

/** A display string that would run script if it were ever rendered as HTML. */
export const XSS_DISPLAY = '<img src=x onerror="window.__xss=1">Major depression';

/** The record behind the fixture evaluation. */
export const riveraRecord: PatientRecord = {
  patient: {
    resourceType: 'Patient',
    id: 'rivera',
    birthDate: '1980-04-12',
    gender: 'female',
    name: [{ given: ['Ana'], family: 'Rivera' }],
  },
  resources: {
    Observation: [
      {
        resourceType: 'Observation',
        id: 'phq9-nov',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '44261-6', display: 'PHQ-9 total score' }] },
        effectiveDateTime: '2026-11-03T10:00:00-05:00',
        valueQuantity: { value: 14, unit: '{score}' },
      } as fhir4.Observation,
      {
        resourceType: 'Observation',
        id: 'phq9-item9',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '44260-8', display: 'Thoughts better off dead' }] },
        effectiveDateTime: '2026-11-03',
        valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA6569-3', display: 'Several days' }] },
      } as fhir4.Observation,
    ],
    Condition: [
      {
        resourceType: 'Condition',
        id: 'dx-1',
        subject: { reference: 'Patient/rivera' },
        code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F32.1', display: XSS_DISPLAY }] },
        recordedDate: '2026-02-01',
      } as fhir4.Condition,
    ],
    Encounter: [
      {
        resourceType: 'Encounter',
        id: 'ed-1',
        status: 'finished',
        class: { code: 'EMER' },
        period: { start: '2026-09-10', end: '2026-09-10' },
      } as fhir4.Encounter,
      {
        resourceType: 'Encounter',
        id: 'visit-1',
        status: 'finished',
        class: { code: 'AMB' },
        type: [{ text: 'Office visit' }],
        period: { start: '2026-11-03T09:00:00-05:00', end: '2026-11-03T09:30:00-05:00' },
      } as fhir4.Encounter,
    ],
  },
  completeness: {},
};

/** The fixture evaluation (engine order deliberately not the display order). */
export function riveraEvaluation(overrides: Partial<PatientEvaluation> = {}): PatientEvaluation {
  return {
    patient: 'Patient/rivera',
    period: { start: '2026-01-01', end: '2026-12-31' },
    asOf: '2026-11-04',
    flags: [
      { id: 'sdoh-need:food', severity: 'info', statement: 'Food insecurity reported on 2 Mar', evidence: [] },
      {
        id: 'ed-frequent',
        severity: 'moderate',
        statement: 'Frequent ED use: 5 ED visits in 12 months',
        evidence: [{ reference: 'Encounter/ed-1', rule: 'ed-visit' }],
      },
      {
        id: 'depression-severity',
        severity: 'high',
        statement: 'PHQ-9 14 (moderate) on 3 Nov',
        evidence: [{ reference: 'Observation/phq9-nov', rule: 'latest-phq9' }],
      },
      {
        id: 'suicide-risk',
        severity: 'high',
        statement: 'PHQ-9 item 9 positive on 3 Nov: assess suicide risk today',
        evidence: [
          { reference: 'Observation/phq9-item9', rule: 'phq9-item9' },
          { reference: 'Condition/dx-1', rule: 'diagnosis' },
        ],
      },
    ],
    gaps: [
      {
        id: 'tcm-7',
        title: 'Transitional care visit within 7 days',
        status: 'open',
        due: '2026-11-01',
        closes: 'A face-to-face visit',
        why: 'Discharged 25 Oct',
        evidence: [],
      },
      {
        id: 'sdoh-screening',
        title: 'SDOH screening',
        status: 'open',
        due: '2026-12-31',
        closes: 'Screen all five HRSN domains',
        why: 'No SDOH screening this year',
        evidence: [],
      },
      {
        id: 'cms2',
        title: 'Depression screening follow-up',
        status: 'open',
        due: '2026-11-05',
        closes: 'Document a follow-up plan for the positive screen',
        why: 'Positive PHQ-9 on 3 Nov',
        evidence: [{ reference: 'Observation/phq9-nov', rule: 'most-recent-screening' }],
        measureId: 'cms2',
      },
      {
        id: 'cms130',
        title: 'Colorectal cancer screening',
        status: 'closed',
        why: 'Colonoscopy 2019',
        evidence: [
          { reference: 'Procedure/colo-2019', rule: 'colonoscopy', date: '2019-05-02', display: 'Colonoscopy' },
        ],
      },
      {
        id: 'fuh-7',
        title: 'Follow-up within 7 days of psychiatric discharge',
        status: 'unknown',
        why: 'Encounter data could not be read',
        evidence: [],
      },
      {
        id: 'phq9-monitoring',
        title: 'PHQ-9 monitoring',
        status: 'not-applicable',
        why: 'No depression diagnosis',
        evidence: [],
      },
    ],
    measures: [
      {
        id: 'cms2',
        measureUrl: 'https://madie.cms.gov/Measure/CMS2FHIRPCSDepressionScreenAndFollowUp',
        version: '0.4.001',
        title: 'CMS2 Depression screening and follow-up',
        status: 'not-met',
        populations: {
          'initial-population': 1,
          denominator: 1,
          'denominator-exclusion': 0,
          'denominator-exception': 0,
          numerator: 0,
        },
        evidence: [{ reference: 'Observation/phq9-nov', rule: 'most-recent-screening', value: 'positive' }],
        closes: { what: 'Document a follow-up plan', due: '2026-11-05' },
        closingStep: 'follow-up',
        detail: { mostRecentScreening: { date: '2026-11-03', result: 'positive', reference: 'Observation/phq9-nov' } },
      },
      {
        id: 'sdoh-screening',
        measureUrl: 'urn:caregap:sdoh',
        version: '1',
        title: 'SDOH screening (5 domains)',
        status: 'unknown',
        populations: {
          'initial-population': 1,
          denominator: 1,
          'denominator-exclusion': 0,
          'denominator-exception': 0,
          numerator: 0,
        },
        evidence: [],
        reasons: ['QuestionnaireResponse is missing: scope not granted'],
        detail: {
          domains: { food: { screened: true, positive: true }, housing: { screened: false, positive: false } },
        },
      },
      {
        id: 'cms122',
        measureUrl: 'urn:cms122',
        version: '1',
        title: 'CMS122 Diabetes: HbA1c poor control (> 9 %)',
        status: 'met',
        inverse: true,
        populations: {
          'initial-population': 1,
          denominator: 1,
          'denominator-exclusion': 0,
          'denominator-exception': 0,
          numerator: 1,
        },
        evidence: [],
        closes: { what: 'Order an HbA1c test' },
      },
      {
        id: 'cms165',
        measureUrl: 'urn:cms165',
        version: '1',
        title: 'CMS165 Controlling high blood pressure',
        status: 'not-in-population',
        populations: {
          'initial-population': 0,
          denominator: 0,
          'denominator-exclusion': 0,
          'denominator-exception': 0,
          numerator: 0,
        },
        evidence: [],
      },
    ],
    actions: [
      { rank: 2, source: 'cms2', text: 'Document a follow-up plan for the positive screen', due: '2026-11-05' },
      { rank: 1, source: 'suicide-risk', text: 'Assess suicide risk today' },
    ],
    issues: [],
    ...overrides,
  };
}
