/**
 * Small factories for CMS2 test patients: plain FHIR R4 JSON exactly as an EHR would send it (no
 * QI-Core meta.profile). Codes are taken from the project's value-set catalog so the tests follow
 * the catalog, and the age-specific codes are chosen as the ones only one kind's value set holds.
 */
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources, type PatientRecord } from '../../../src/engine/record.ts';
import type { MeasureResult, PatientEvaluation } from '../../../src/engine/types.ts';
import type { ValueSetDef } from '../../../src/engine/valuesets/value-set.ts';
import {
  ADOLESCENT_DEPRESSION_MEDICATIONS,
  ADULT_DEPRESSION_MEDICATIONS,
  BIPOLAR_DISORDER,
  ENCOUNTER_TO_SCREEN_FOR_DEPRESSION,
  FOLLOW_UP_FOR_ADULT_DEPRESSION,
  MEDICAL_REASON,
  REFERRAL_FOR_ADOLESCENT_DEPRESSION,
  REFERRAL_FOR_ADULT_DEPRESSION,
} from '../../../src/engine/valuesets/catalog/index.ts';
import {
  CMS2_KINDS,
  SCREEN_DECLINED,
  SCREEN_NEGATIVE,
  SCREEN_POSITIVE,
} from '../../../src/engine/measures/cms2-terminology.ts';
import { QICORE_NOT_DONE_REASON } from '../../../src/engine/measures/cms2-exclusions-exceptions.ts';
import { CONDITION_CATEGORY, SNOMED } from '../../../src/engine/codes/code-systems.ts';

/** The 2026 measurement period. */
export const PERIOD = { start: '2026-01-01', end: '2026-12-31' } as const;

/** One tool family. */
export type Kind = 'adolescent' | 'adult';

function coding(vs: ValueSetDef, not?: ValueSetDef): fhir4.Coding {
  const other = new Set((not?.codes ?? []).map(([s, c]) => `${s}|${c}`));
  const hit = vs.codes.find(([s, c]) => !other.has(`${s}|${c}`));
  if (!hit) {
    throw new Error(`no code in ${vs.name}${not ? ` outside ${not.name}` : ''}`);
  }
  return { system: hit[0], code: hit[1], display: hit[2] };
}

/** A referral code held only by the kind's referral value set. */
export const REFERRAL_CODE: Record<Kind, fhir4.Coding> = {
  adolescent: coding(REFERRAL_FOR_ADOLESCENT_DEPRESSION, REFERRAL_FOR_ADULT_DEPRESSION),
  adult: coding(REFERRAL_FOR_ADULT_DEPRESSION, REFERRAL_FOR_ADOLESCENT_DEPRESSION),
};
/** Medication codes: every adolescent medication is also an adult one; the adult one is adult-only. */
export const MEDICATION_CODE: Record<Kind, fhir4.Coding> = {
  adolescent: coding(ADOLESCENT_DEPRESSION_MEDICATIONS),
  adult: coding(ADULT_DEPRESSION_MEDICATIONS, ADOLESCENT_DEPRESSION_MEDICATIONS),
};
/** A follow-up procedure code (the two follow-up value sets hold the same codes). */
export const FOLLOW_UP_PROCEDURE_CODE = coding(FOLLOW_UP_FOR_ADULT_DEPRESSION);
/** An office-visit type from Encounter to Screen for Depression. */
export const VISIT_CODE = coding(ENCOUNTER_TO_SCREEN_FOR_DEPRESSION);
/** A bipolar diagnosis code. */
export const BIPOLAR_CODE = coding(BIPOLAR_DISORDER);
/** A medical reason for not screening. */
export const MEDICAL_REASON_CODE = coding(MEDICAL_REASON);

/** A patient born on `birthDate` (omit it to test a missing birth date). */
export function patient(id: string, birthDate?: string): fhir4.Patient {
  return { resourceType: 'Patient', id, ...(birthDate ? { birthDate } : {}), gender: 'female' };
}

/** A finished office visit from `start` to `end` (default: 15 minutes, same instant zone). */
export function visit(id: string, start: string, end?: string, extra: Partial<fhir4.Encounter> = {}): fhir4.Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ coding: [VISIT_CODE] }],
    period: { start, end: end ?? start.replace(/T(\d\d):(\d\d)/, (_, h: string) => `T${h}:15`) },
    ...extra,
  };
}

/** A coded depression screening of a kind, effective at `when`, with result positive/negative. */
export function screening(
  id: string,
  kind: Kind,
  when: string,
  result: 'positive' | 'negative',
  extra: Partial<fhir4.Observation> = {},
): fhir4.Observation {
  const code = CMS2_KINDS[kind].screening;
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: { coding: [{ system: code.system, code: code.code, display: code.display ?? '' }] },
    effectiveDateTime: when,
    valueCodeableConcept: { coding: [{ ...(result === 'positive' ? SCREEN_POSITIVE : SCREEN_NEGATIVE) }] },
    ...extra,
  };
}

/** A screening not done (status cancelled + QI-Core notDoneReason), recorded (`issued`) at `issued`. */
export function notDone(
  id: string,
  kind: Kind,
  issued: string,
  reason: 'declined' | 'medical',
  extra: Partial<fhir4.Observation> = {},
): fhir4.Observation {
  const code = CMS2_KINDS[kind].screening;
  return {
    resourceType: 'Observation',
    id,
    status: 'cancelled',
    extension: [
      {
        url: QICORE_NOT_DONE_REASON,
        valueCodeableConcept: {
          coding: [reason === 'declined' ? { system: SNOMED, code: SCREEN_DECLINED.code } : MEDICAL_REASON_CODE],
        },
      },
    ],
    code: { coding: [{ system: code.system, code: code.code }] },
    issued,
    ...extra,
  };
}

/** A referral of a kind authored at `authoredOn`. */
export function referral(
  id: string,
  kind: Kind,
  authoredOn: string,
  extra: Partial<fhir4.ServiceRequest> = {},
): fhir4.ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { display: 'the patient under test' },
    code: { coding: [REFERRAL_CODE[kind]] },
    authoredOn,
    ...extra,
  };
}

/** A completed follow-up procedure performed at `performed`. */
export function followUpProcedure(
  id: string,
  performed: string,
  extra: Partial<fhir4.Procedure> = {},
): fhir4.Procedure {
  return {
    resourceType: 'Procedure',
    id,
    status: 'completed',
    subject: { display: 'the patient under test' },
    code: { coding: [FOLLOW_UP_PROCEDURE_CODE] },
    performedDateTime: performed,
    ...extra,
  };
}

/** An antidepressant order authored at `authoredOn` with a 30-day expected supply. */
export function antidepressant(
  id: string,
  kind: Kind,
  authoredOn: string,
  extra: Partial<fhir4.MedicationRequest> = {},
): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { display: 'the patient under test' },
    medicationCodeableConcept: { coding: [MEDICATION_CODE[kind]] },
    authoredOn,
    dispenseRequest: {
      expectedSupplyDuration: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
    },
    ...extra,
  };
}

/** A bipolar diagnosis on the problem list with onset `onset`. */
export function bipolar(id: string, onset: string, extra: Partial<fhir4.Condition> = {}): fhir4.Condition {
  return {
    resourceType: 'Condition',
    id,
    subject: { display: 'the patient under test' },
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: { coding: [BIPOLAR_CODE] },
    onsetDateTime: onset,
    ...extra,
  };
}

/** Evaluates CMS2 alone over a record. */
export function cms2Of(record: PatientRecord): MeasureResult & { issues: PatientEvaluation['issues'] } {
  const evaluation = evaluatePatient(record, { period: { ...PERIOD }, only: ['cms2'] });
  const m = evaluation.measures.find((r) => r.id === 'cms2');
  if (!m) {
    throw new Error('cms2 not evaluated');
  }
  return { ...m, issues: evaluation.issues };
}

/** Evaluates CMS2 for a patient and their resources (every type read completely). */
export function cms2(resources: fhir4.Resource[]): MeasureResult & { issues: PatientEvaluation['issues'] } {
  return cms2Of(recordFromResources(resources));
}

/** Population counts as a compact string `IP DEN DENEX NUM DENEXCEP`, e.g. `11010`. */
export function counts(m: MeasureResult): string {
  const p = m.populations;
  return `${p['initial-population']}${p.denominator}${p['denominator-exclusion']}${p.numerator}${p['denominator-exception']}`;
}
