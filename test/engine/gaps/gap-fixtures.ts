/**
 * Small fixture factories for the care-gap tests: named synthetic patients, fixed dates, resources
 * shaped as a US EHR sends them, hand-made MeasureResults (so gap tests do not depend on the
 * measures' logic), and a runner that evaluates one gap family on a record.
 */
import { EvaluationContext } from '../../../src/engine/evaluation-context.ts';
import { recordFromResources, type TypeCompleteness } from '../../../src/engine/record.ts';
import { builtinValueSets } from '../../../src/engine/valuesets/index.ts';
import { epochDay, isoDay } from '../../../src/engine/cql/calendar-days.ts';
import { ACT_CODE, CPT, ICD10CM, LOINC, SNOMED } from '../../../src/engine/codes/code-systems.ts';
import type { GapDefinition } from '../../../src/engine/measure-definition.ts';
import type { GapResult, MeasureResult, MeasureStatus } from '../../../src/engine/types.ts';
import { STATUS_COUNTS } from '../status-counts.ts';

/** Measurement period of every gap test. */
export const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

/** The ISO day `n` days after `iso` (negative n: before). */
export function plusDays(iso: string, n: number): string {
  return isoDay(epochDay(iso) + n);
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${++seq}`;

/** A named synthetic patient. */
export function patient(
  id: string,
  given: string,
  family: string,
  birthDate = '1970-05-14',
  gender: fhir4.Patient['gender'] = 'female',
): fhir4.Patient {
  return { resourceType: 'Patient', id, name: [{ given: [given], family }], birthDate, gender };
}

/** A Condition coded in ICD-10-CM (or SNOMED when `system` says so). */
export function condition(
  code: string,
  display: string,
  opts: {
    id?: string;
    system?: string;
    clinicalStatus?: string;
    onset?: string;
    abatement?: string;
    verificationStatus?: string;
  } = {},
): fhir4.Condition {
  const c: fhir4.Condition = {
    resourceType: 'Condition',
    id: opts.id ?? nextId('cond'),
    subject: { display: 'the patient under test' },
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: opts.clinicalStatus ?? 'active' },
      ],
    },
    code: { coding: [{ system: opts.system ?? ICD10CM, code, display }] },
  };
  if (opts.onset) {
    c.onsetDateTime = opts.onset;
  }
  if (opts.abatement) {
    c.abatementDateTime = opts.abatement;
  }
  if (opts.verificationStatus) {
    c.verificationStatus = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: opts.verificationStatus }],
    };
  }
  return c;
}

/** Diagnosis codes used in the tests. */
export const DX = {
  majorDepression: ['F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
  schizophrenia: ['F20.9', 'Schizophrenia, unspecified'],
  opioidDependence: ['F11.20', 'Opioid dependence, uncomplicated'],
  nicotineDependence: ['F17.210', 'Nicotine dependence, cigarettes, uncomplicated'],
  heroinOverdose: ['T40.1X1A', 'Poisoning by heroin, accidental (unintentional), initial encounter'],
  acetaminophenOverdose: [
    'T39.1X1A',
    'Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter',
  ],
  opioidAdverseEffect: ['T40.2X5A', 'Adverse effect of other opioids, initial encounter'],
  alcoholToxicEffect: ['T51.0X1A', 'Toxic effect of ethanol, accidental (unintentional), initial encounter'],
  alcoholUse: ['F10.10', 'Alcohol abuse, uncomplicated'],
  hypertension: ['I10', 'Essential (primary) hypertension'],
  selfHarmPoisoning: ['T39.012A', 'Poisoning by aspirin, intentional self-harm, initial encounter'],
  pneumonia: ['J18.9', 'Pneumonia, unspecified organism'],
  heartFailure: ['I50.9', 'Heart failure, unspecified'],
} as const satisfies Record<string, readonly [string, string]>;

/**
 * An encounter with its diagnoses: `principal` goes in Encounter.diagnosis rank 1 via a
 * Condition (returned alongside), `secondary` at rank 2; `reason` goes in reasonCode instead.
 */
function withDiagnoses(
  enc: fhir4.Encounter,
  opts: {
    principal?: readonly [string, string];
    secondary?: readonly [string, string];
    reason?: readonly [string, string];
  },
): fhir4.Resource[] {
  const out: fhir4.Resource[] = [enc];
  const add = (dx: readonly [string, string], rank: number) => {
    const c = condition(dx[0], dx[1], { id: nextId('dx') });
    c.category = [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] },
    ];
    (enc.diagnosis ??= []).push({ condition: { reference: `Condition/${c.id}` }, rank });
    out.push(c);
  };
  if (opts.principal) {
    add(opts.principal, 1);
  }
  if (opts.secondary) {
    add(opts.secondary, 2);
  }
  if (opts.reason) {
    enc.reasonCode = [{ coding: [{ system: ICD10CM, code: opts.reason[0], display: opts.reason[1] }] }];
  }
  return out;
}

/** HL7 discharge-disposition code system. */
export const DISPOSITION = 'http://terminology.hl7.org/CodeSystem/discharge-disposition';
/** NUBC UB-04 patient discharge status code system. */
export const NUBC = 'https://www.nubc.org/CodeSystem/PatDischargeStatus';

/**
 * An inpatient stay (class IMP) admitted on `admit`, discharged on `discharge` (absent: still
 * admitted). `disposition`: an HL7 discharge-disposition code, or `[system, code]`.
 */
export function inpatientStay(
  admit: string,
  discharge: string | undefined,
  opts: {
    id?: string;
    classCode?: string;
    principal?: readonly [string, string];
    secondary?: readonly [string, string];
    reason?: readonly [string, string];
    partOf?: string;
    disposition?: string | readonly [string, string];
  } = {},
): fhir4.Resource[] {
  const enc: fhir4.Encounter = {
    resourceType: 'Encounter',
    id: opts.id ?? nextId('ip'),
    status: discharge ? 'finished' : 'in-progress',
    class: { system: ACT_CODE, code: opts.classCode ?? 'IMP', display: 'inpatient encounter' },
    subject: { display: 'the patient under test' },
    period: { start: `${admit}T10:00:00Z`, ...(discharge ? { end: `${discharge}T11:00:00Z` } : {}) },
  };
  if (opts.partOf) {
    enc.partOf = { reference: `Encounter/${opts.partOf}` };
  }
  if (opts.disposition) {
    const [system, code] = typeof opts.disposition === 'string' ? [DISPOSITION, opts.disposition] : opts.disposition;
    enc.hospitalization = { dischargeDisposition: { coding: [{ system, code }] } };
  }
  return withDiagnoses(enc, opts);
}

/** A finished ED visit (class EMER) on `date`. */
export function edVisit(
  date: string,
  opts: {
    id?: string;
    principal?: readonly [string, string];
    secondary?: readonly [string, string];
    reason?: readonly [string, string];
    status?: fhir4.Encounter['status'];
  } = {},
): fhir4.Resource[] {
  const enc: fhir4.Encounter = {
    resourceType: 'Encounter',
    id: opts.id ?? nextId('ed'),
    status: opts.status ?? 'finished',
    class: { system: ACT_CODE, code: 'EMER', display: 'emergency' },
    subject: { display: 'the patient under test' },
    period: { start: `${date}T14:00:00Z`, end: `${date}T19:00:00Z` },
  };
  return withDiagnoses(enc, opts);
}

/** CPT codes of visits used in the tests. */
export const VISIT_CPT = {
  officeEstablished: ['99213', 'Office or other outpatient visit, established patient'],
  telephone: ['98966', 'Telephone assessment and management service, 5-10 minutes'],
  portalMessage: ['99421', 'Online digital evaluation and management service, 5-10 minutes'],
  remoteMonitoring: ['99457', 'Remote physiologic monitoring treatment management services, first 20 minutes'],
  transitionalCare: ['99495', 'Transitional care management services, moderate complexity'],
  psychotherapy: ['90834', 'Psychotherapy, 45 minutes'],
  depressionScreenVisit: ['99214', 'Office or other outpatient visit, established patient'],
} as const;

/**
 * An outpatient visit on `date` (class AMB by default, CPT office visit type). `dx` is its principal
 * diagnosis (reasonCode, read as principal when no Encounter.diagnosis is listed); `practitioner`
 * a participant reference (e.g. `PractitionerRole/psych-1`).
 */
export function visit(
  date: string,
  opts: {
    id?: string;
    classCode?: string | null;
    cpt?: readonly [string, string] | null;
    status?: fhir4.Encounter['status'];
    dx?: readonly [string, string];
    practitioner?: string;
    system?: string;
  } = {},
): fhir4.Encounter {
  const enc: fhir4.Encounter = {
    resourceType: 'Encounter',
    id: opts.id ?? nextId('visit'),
    status: opts.status ?? 'finished',
    class:
      opts.classCode === null
        ? { system: ACT_CODE, code: 'UNKNOWN-CLASS' }
        : { system: ACT_CODE, code: opts.classCode ?? 'AMB', display: 'ambulatory' },
    subject: { display: 'the patient under test' },
    period: { start: `${date}T09:00:00Z`, end: `${date}T09:30:00Z` },
  };
  const cpt = opts.cpt === undefined ? VISIT_CPT.officeEstablished : opts.cpt;
  if (cpt) {
    enc.type = [{ coding: [{ system: opts.system ?? CPT, code: cpt[0], display: cpt[1] }] }];
  }
  if (opts.dx) {
    enc.reasonCode = [{ coding: [{ system: ICD10CM, code: opts.dx[0], display: opts.dx[1] }] }];
  }
  if (opts.practitioner) {
    enc.participant = [{ individual: { reference: opts.practitioner } }];
  }
  return enc;
}

/** A visit on `date` with principal diagnosis `dx` and, optionally, a secondary one (Encounter.diagnosis + Conditions). */
export function visitWithDiagnoses(
  date: string,
  principal: readonly [string, string],
  secondary?: readonly [string, string],
  opts: { id?: string } = {},
): fhir4.Resource[] {
  return withDiagnoses(visit(date, opts), { principal, ...(secondary ? { secondary } : {}) });
}

/** An instrument total (PHQ-9 44261-6 by default) on `date`, value in the given shape. */
export function scoreObservation(
  date: string,
  score: number,
  opts: {
    id?: string;
    loinc?: string;
    shape?: 'quantity' | 'integer' | 'string';
    status?: fhir4.Observation['status'];
  } = {},
): fhir4.Observation {
  const o: fhir4.Observation = {
    resourceType: 'Observation',
    id: opts.id ?? nextId('score'),
    status: opts.status ?? 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: {
      coding: [
        { system: LOINC, code: opts.loinc ?? '44261-6', display: 'Patient Health Questionnaire 9 item total score' },
      ],
    },
    subject: { display: 'the patient under test' },
    effectiveDateTime: date,
  };
  const shape = opts.shape ?? 'quantity';
  if (shape === 'quantity') {
    o.valueQuantity = { value: score, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' };
  } else if (shape === 'integer') {
    o.valueInteger = score;
  } else {
    o.valueString = String(score);
  }
  return o;
}

/** A coded CMS2 depression screening result (adult 73832-8 by default). */
export function codedScreening(
  date: string,
  result: 'positive' | 'negative',
  opts: { id?: string; loinc?: string } = {},
): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id: opts.id ?? nextId('screen'),
    status: 'final',
    code: {
      coding: [{ system: LOINC, code: opts.loinc ?? '73832-8', display: 'Adult depression screening assessment' }],
    },
    subject: { display: 'the patient under test' },
    effectiveDateTime: date,
    valueCodeableConcept: {
      coding: [
        {
          system: SNOMED,
          code: result === 'positive' ? '428181000124104' : '428171000124102',
          display: `Depression screening ${result} (finding)`,
        },
      ],
    },
  };
}

/** Gravity SDOH category system. */
export const SDOHCC = 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';

/** A referral (ServiceRequest) authored on `date`. */
export function referral(
  date: string,
  opts: {
    id?: string;
    category?: string;
    snomed?: readonly [string, string];
    status?: fhir4.ServiceRequest['status'];
  } = {},
): fhir4.ServiceRequest {
  const sr: fhir4.ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: opts.id ?? nextId('sr'),
    status: opts.status ?? 'active',
    intent: 'order',
    subject: { display: 'the patient under test' },
    authoredOn: date,
  };
  if (opts.category) {
    sr.category = [{ coding: [{ system: SDOHCC, code: opts.category }] }];
  }
  if (opts.snomed) {
    sr.code = { coding: [{ system: SNOMED, code: opts.snomed[0], display: opts.snomed[1] }] };
  }
  return sr;
}

/** A completed Procedure performed on `date`. */
export function procedure(
  date: string,
  snomed: readonly [string, string],
  opts: { id?: string; status?: fhir4.Procedure['status'] } = {},
): fhir4.Procedure {
  return {
    resourceType: 'Procedure',
    id: opts.id ?? nextId('proc'),
    status: opts.status ?? 'completed',
    subject: { display: 'the patient under test' },
    code: { coding: [{ system: SNOMED, code: snomed[0], display: snomed[1] }] },
    performedDateTime: date,
  };
}

/** A hand-made MeasureResult (so the gap tests do not depend on the measures' logic). */
export function measureResult(id: string, status: MeasureStatus, extra: Partial<MeasureResult> = {}): MeasureResult {
  return {
    id,
    measureUrl: `https://example.org/fhir/Measure/${id}`,
    version: '1.0.0',
    title: `Measure ${id}`,
    status,
    populations: { ...STATUS_COUNTS[status] },
    evidence: [],
    ...extra,
  };
}

/** Options of {@link runFamily}. */
export interface RunOptions {
  asOf: string;
  period?: { start: string; end: string };
  measures?: MeasureResult[];
  /** Completeness overrides per type (e.g. `{ Encounter: { status: 'partial' } }`). */
  completeness?: Record<string, TypeCompleteness>;
}

/** An evaluation context for `resources` (first one must be the Patient). */
export function contextFor(resources: readonly fhir4.Resource[], opts: RunOptions): EvaluationContext {
  const record = recordFromResources(resources);
  if (opts.completeness) {
    record.completeness = { ...record.completeness, ...opts.completeness };
  }
  return new EvaluationContext(record, opts.period ?? PERIOD, opts.asOf, builtinValueSets());
}

/** Evaluates one gap family and returns its gaps. */
export function runFamily(family: GapDefinition, resources: readonly fhir4.Resource[], opts: RunOptions): GapResult[] {
  return family.evaluate(contextFor(resources, opts), opts.measures ?? []);
}

/** The gap with `id` (throws when absent, so a test fails with a clear message). */
export function gap(gaps: readonly GapResult[], id: string): GapResult {
  const g = gaps.find((x) => x.id === id);
  if (!g) {
    throw new Error(`no gap ${id} in [${gaps.map((x) => x.id).join(', ')}]`);
  }
  return g;
}
