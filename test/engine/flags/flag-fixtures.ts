/**
 * Small fixture factories for the risk-flag tests: named synthetic patients, fixed dates
 * (asOf 2026-11-23), resources shaped as a US EHR sends them.
 */
import { EvaluationContext } from '../../../src/engine/evaluation-context.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { builtinValueSets } from '../../../src/engine/valuesets/index.ts';
import { epochDay, isoDay } from '../../../src/engine/cql/calendar-days.ts';
import { ACT_CODE, HCPCS, ICD10CM, LOINC, RXNORM, SNOMED } from '../../../src/engine/codes/code-systems.ts';
import type { FlagDefinition } from '../../../src/engine/measure-definition.ts';
import type { FlagResult } from '../../../src/engine/types.ts';
import { FLAG_FAMILIES } from '../../../src/engine/flags/index.ts';

/** The fixed "today" of every flag test. */
export const AS_OF = '2026-11-23';
/** Measurement period around AS_OF. */
export const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

/** The ISO day `n` days before AS_OF. */
export function daysBefore(n: number): string {
  return isoDay(epochDay(AS_OF) - n);
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${++seq}`;

/** A named synthetic patient. */
export function patient(id: string, given: string, family: string): fhir4.Patient {
  return { resourceType: 'Patient', id, name: [{ given: [given], family }], birthDate: '1970-05-14', gender: 'female' };
}

/** A problem-list Condition coded in ICD-10-CM (or SNOMED when `system` says so). */
export function condition(
  code: string,
  display: string,
  opts: {
    system?: string;
    clinicalStatus?: string | null;
    verificationStatus?: string;
    onset?: string;
    id?: string;
  } = {},
): fhir4.Condition {
  const c: fhir4.Condition = {
    resourceType: 'Condition',
    id: opts.id ?? nextId('cond'),
    subject: { reference: 'Patient/p' },
    code: { coding: [{ system: opts.system ?? ICD10CM, code, display }] },
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] },
    ],
  };
  if (opts.clinicalStatus !== null) {
    c.clinicalStatus = {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: opts.clinicalStatus ?? 'active' },
      ],
    };
  }
  if (opts.verificationStatus) {
    c.verificationStatus = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: opts.verificationStatus }],
    };
  }
  if (opts.onset) {
    c.onsetDateTime = opts.onset;
  }
  return c;
}

/** A finished emergency-department visit on `date`. */
export function edVisit(date: string, opts: { id?: string; reason?: [string, string] } = {}): fhir4.Encounter {
  const e: fhir4.Encounter = {
    resourceType: 'Encounter',
    id: opts.id ?? nextId('ed'),
    status: 'finished',
    class: { system: ACT_CODE, code: 'EMER', display: 'emergency' },
    subject: { reference: 'Patient/p' },
    period: { start: `${date}T14:00:00Z`, end: `${date}T19:00:00Z` },
  };
  if (opts.reason) {
    e.reasonCode = [{ coding: [{ system: ICD10CM, code: opts.reason[0], display: opts.reason[1] }] }];
  }
  return e;
}

/** An inpatient stay admitted on `admit`, discharged on `discharge`, with an optional principal diagnosis. */
export function inpatientStay(
  admit: string,
  discharge: string | undefined,
  opts: {
    id?: string;
    dx?: [string, string];
    admitSource?: string;
    classCode?: string;
    status?: fhir4.Encounter['status'];
  } = {},
): fhir4.Encounter {
  const e: fhir4.Encounter = {
    resourceType: 'Encounter',
    id: opts.id ?? nextId('ip'),
    status: opts.status ?? (discharge ? 'finished' : 'in-progress'),
    class: { system: ACT_CODE, code: opts.classCode ?? 'IMP', display: 'inpatient encounter' },
    subject: { reference: 'Patient/p' },
    period: { start: admit, ...(discharge ? { end: discharge } : {}) },
  };
  if (opts.dx) {
    e.reasonCode = [{ coding: [{ system: ICD10CM, code: opts.dx[0], display: opts.dx[1] }] }];
  }
  if (opts.admitSource) {
    e.hospitalization = {
      admitSource: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/admit-source', code: opts.admitSource }],
      },
    };
  }
  return e;
}

const ITEM_ANSWERS = [
  ['LA6568-5', 'Not at all'],
  ['LA6569-3', 'Several days'],
  ['LA6570-1', 'More than half the days'],
  ['LA6571-9', 'Nearly every day'],
] as const;

/** A PHQ-9 item 9 answer (0–3) on `date`. */
export function phq9Item9(date: string, points: 0 | 1 | 2 | 3, id = nextId('item9')): fhir4.Observation {
  const [code, display] = ITEM_ANSWERS[points];
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: {
      coding: [
        {
          system: LOINC,
          code: '44260-8',
          display: 'Thoughts that you would be better off dead, or of hurting yourself',
        },
      ],
    },
    subject: { reference: 'Patient/p' },
    effectiveDateTime: date,
    valueCodeableConcept: { coding: [{ system: LOINC, code, display }] },
  };
}

/** A scored total (PHQ-9 44261-6 by default) on `date`. */
export function scoreTotal(date: string, score: number, code = '44261-6', id = nextId('score')): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: { coding: [{ system: LOINC, code }] },
    subject: { reference: 'Patient/p' },
    effectiveDateTime: date,
    valueQuantity: { value: score, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
  };
}

/** A GAD-7 total on `date`. */
export function gad7Total(date: string, score: number): fhir4.Observation {
  return scoreTotal(date, score, '70274-6');
}

/** An active MedicationRequest for an RxNorm code. */
export function medication(
  rxnorm: string,
  display: string,
  opts: { status?: fhir4.MedicationRequest['status']; intent?: fhir4.MedicationRequest['intent']; id?: string } = {},
): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: opts.id ?? nextId('med'),
    status: opts.status ?? 'active',
    intent: opts.intent ?? 'order',
    subject: { reference: 'Patient/p' },
    authoredOn: '2026-06-01',
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: rxnorm, display }] },
  };
}

/** `n` distinct active medications (fake RxNorm-shaped codes). */
export function medications(n: number): fhir4.MedicationRequest[] {
  return Array.from({ length: n }, (_, i) => medication(String(900000 + i), `Medication ${i + 1} 10 MG Oral Tablet`));
}

/** A DeviceRequest for an HCPCS or SNOMED device code. */
export function deviceRequest(code: string, display: string, system = HCPCS): fhir4.DeviceRequest {
  return {
    resourceType: 'DeviceRequest',
    id: nextId('dev'),
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p' },
    authoredOn: '2026-05-02',
    codeCodeableConcept: { coding: [{ system, code, display }] },
  };
}

/** SNOMED system, re-exported for tests that write SNOMED codes. */
export { SNOMED };

/** Builds the evaluation context for a patient's resources (every type complete unless `partial`). */
export function contextFor(
  resources: fhir4.Resource[],
  opts: { asOf?: string; partial?: string[] } = {},
): EvaluationContext {
  const p = resources.find((r) => r.resourceType === 'Patient') ?? patient('p', 'Test', 'Patient');
  const record = recordFromResources([p, ...resources.filter((r) => r.resourceType !== 'Patient')]);
  for (const t of opts.partial ?? []) {
    record.completeness[t] = { status: 'partial', reason: 'page 2 failed' };
  }
  return new EvaluationContext(record, PERIOD, opts.asOf ?? AS_OF, builtinValueSets());
}

/** Runs flag families (default: all the engine's) and returns the flags. */
export function flagsFor(
  resources: fhir4.Resource[],
  opts: { asOf?: string; partial?: string[]; families?: readonly FlagDefinition[] } = {},
): FlagResult[] {
  const ctx = contextFor(resources, opts);
  return (opts.families ?? FLAG_FAMILIES).flatMap((f) => f.evaluate(ctx));
}

/** The flag with an id, or undefined. */
export function flag(flags: readonly FlagResult[], id: string): FlagResult | undefined {
  return flags.find((f) => f.id === id);
}

/** An SDOH screening answer: a LOINC question answered with a LOINC answer code (or a number). */
export function sdohAnswer(
  date: string,
  question: string,
  answer: string | number,
  id = nextId('sdoh'),
): fhir4.Observation {
  const obs: fhir4.Observation = {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history' }] },
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] },
    ],
    code: { coding: [{ system: LOINC, code: question }] },
    subject: { reference: 'Patient/p' },
    effectiveDateTime: date,
  };
  if (typeof answer === 'number') {
    obs.valueInteger = answer;
  } else {
    obs.valueCodeableConcept = { coding: [{ system: LOINC, code: answer }] };
  }
  return obs;
}
