/**
 * Record assembly from real-shaped exports: `urn:uuid:` references resolved by id within the
 * patient's resources (an Observation's encounter, a MedicationRequest's Medication), inputs never
 * mutated, ambiguous or unknown ids left as written; validation that does not flag valid R4
 * (AllergyIntolerance.type/.category are codes) and that leaves out a resource about a Group or a
 * Device rather than the patient.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatient, recordFromResources, resolveUuidReferences } from '../../../src/engine/index.ts';
import { validateRecord } from '../../../src/engine/input/validate-record.ts';

const P = {
  resourceType: 'Patient',
  id: 'c0a8012e-0001-4a2b-9c3d-000000000001',
  birthDate: '1960-02-02',
  gender: 'female',
} as fhir4.Patient;
const SUBJ = { reference: `urn:uuid:${P.id}` };

describe('urn:uuid references', () => {
  it('resolves each urn:uuid: reference to Type/id when exactly one resource has that id, copying only what changes', () => {
    const enc = { resourceType: 'Encounter', id: 'e-1', status: 'finished', subject: SUBJ } as fhir4.Encounter;
    const med = {
      resourceType: 'Medication',
      id: 'm-1',
      code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '997221' }] },
    } as fhir4.Medication;
    const obs = {
      resourceType: 'Observation',
      id: 'o-1',
      status: 'final',
      subject: SUBJ,
      encounter: { reference: 'urn:uuid:e-1' },
      code: { text: 'x' },
      hasMember: [{ reference: 'urn:uuid:nowhere' }],
    } as fhir4.Observation;
    const rx = {
      resourceType: 'MedicationRequest',
      id: 'rx-1',
      status: 'active',
      intent: 'order',
      subject: SUBJ,
      medicationReference: { reference: 'urn:uuid:m-1' },
    } as fhir4.MedicationRequest;
    const before = JSON.stringify([P, enc, med, obs, rx]);
    const out = resolveUuidReferences([P, enc, med, obs, rx]);
    expect(JSON.stringify([P, enc, med, obs, rx])).toBe(before);
    expect((out[1] as fhir4.Encounter).subject?.reference).toBe(`Patient/${P.id}`);
    expect((out[3] as fhir4.Observation).encounter?.reference).toBe('Encounter/e-1');
    expect((out[3] as fhir4.Observation).hasMember?.[0]?.reference).toBe('urn:uuid:nowhere');
    expect((out[4] as fhir4.MedicationRequest).medicationReference?.reference).toBe('Medication/m-1');
    // a resource with nothing to rewrite is the same object; a rewritten one shares its untouched parts
    expect(out[2]).toBe(med);
    expect((out[3] as fhir4.Observation).code).toBe(obs.code);
  });

  it('leaves a reference whose id two resources of different types carry as written', () => {
    const a = { resourceType: 'Condition', id: 'same', subject: SUBJ } as fhir4.Condition;
    const b = {
      resourceType: 'Encounter',
      id: 'same',
      status: 'finished',
      subject: SUBJ,
      reasonReference: [{ reference: 'urn:uuid:same' }],
    } as fhir4.Encounter;
    const out = resolveUuidReferences([P, a, b]);
    expect((out[2] as fhir4.Encounter).reasonReference?.[0]?.reference).toBe('urn:uuid:same');
  });

  it('walks a resource nested 100,000 levels deep without exhausting the stack', () => {
    let deep: Record<string, unknown> = { reference: 'urn:uuid:e-1' };
    for (let k = 0; k < 100_000; k++) {
      deep = { x: deep };
    }
    const obs = { resourceType: 'Observation', id: 'o', extension: [deep] } as unknown as fhir4.Observation;
    const enc = { resourceType: 'Encounter', id: 'e-1' } as fhir4.Encounter;
    const out = resolveUuidReferences([obs, enc]);
    let v = (out[0] as unknown as { extension: Record<string, unknown>[] }).extension[0]!;
    for (let k = 0; k < 100_000; k++) {
      v = v.x as Record<string, unknown>;
    }
    expect(v.reference).toBe('Encounter/e-1');
  });
});

describe('validation of valid R4', () => {
  it('does not flag AllergyIntolerance.type (a code) and .category (codes) as malformed concepts', () => {
    const allergy = {
      resourceType: 'AllergyIntolerance',
      id: 'a1',
      patient: { reference: `Patient/${P.id}` },
      type: 'allergy',
      category: ['medication', 'food'],
      code: { coding: [{ system: 'http://snomed.info/sct', code: '91936005' }] },
    } as fhir4.AllergyIntolerance;
    const { issues, record } = validateRecord(recordFromResources([P, allergy]));
    expect(issues).toEqual([]);
    expect(record.completeness.AllergyIntolerance?.status).toBe('complete');
    // a concept element of the same name on another resource is still checked
    const obs = {
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      subject: { reference: `Patient/${P.id}` },
      code: { text: 'x' },
      category: ['vital-signs'],
    } as unknown as fhir4.Observation;
    expect(validateRecord(recordFromResources([P, obs])).issues).toEqual([
      expect.objectContaining({ resourceType: 'Observation', field: 'category[0]' }),
    ]);
  });

  it("leaves out an Observation whose subject is a Group or a Device: it is not the patient's", () => {
    const bp = (id: string, subject: string) =>
      ({
        resourceType: 'Observation',
        id,
        status: 'final',
        subject: { reference: subject },
        effectiveDateTime: '2026-06-01',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: 120, unit: 'mm[Hg]' },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: 70, unit: 'mm[Hg]' },
          },
        ],
      }) as fhir4.Observation;
    const { issues, record } = validateRecord(
      recordFromResources([
        P,
        bp('group-bp', 'Group/ward-3'),
        bp('device-bp', 'Device/cuff-9'),
        bp('mine', `Patient/${P.id}`),
      ]),
    );
    expect(record.resources.Observation?.map((o) => o.id)).toEqual(['mine']);
    expect(issues).toEqual([
      expect.objectContaining({
        resourceType: 'Observation',
        id: 'group-bp',
        field: 'subject',
        message: `is about Group/ward-3, not Patient/${P.id}: ignored`,
        severity: 'warning',
      }),
      expect.objectContaining({
        resourceType: 'Observation',
        id: 'device-bp',
        field: 'subject',
        message: `is about Device/cuff-9, not Patient/${P.id}: ignored`,
      }),
    ]);
    // and it counts for nothing: the patient's own evidence only
    const ev = evaluatePatient(recordFromResources([P, bp('group-bp', 'Group/ward-3')]), {
      period: { start: '2026-01-01', end: '2026-12-31' },
      only: ['cms165'],
    });
    expect(JSON.stringify(ev.measures[0]!.evidence)).not.toContain('group-bp');
  });
});
