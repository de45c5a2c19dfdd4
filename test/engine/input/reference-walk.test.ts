/**
 * The dangling-reference check of record validation walks every element of every resource: each
 * reference is reported once, in document order, with its path — an element's own reference
 * before the references inside it, wherever its `reference` key is written — and never for the
 * resource's own subject/patient or for contained resources.
 */
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../src/engine/input/validate-record.ts';

const PATIENT: fhir4.Patient = { resourceType: 'Patient', id: 'p' };
/** Every type read completely (a reference to a type that was not fetched is not reported). */
const COMPLETE = {
  Encounter: { status: 'complete' },
  Observation: { status: 'complete' },
  Condition: { status: 'complete' },
} as const;

function dangling(resource: Record<string, unknown>): string[] {
  const { issues } = validateRecord({
    patient: PATIENT,
    resources: { [resource.resourceType as string]: [resource as unknown as fhir4.Resource] },
    completeness: COMPLETE,
  });
  return issues
    .filter((i) => i.message.includes('not in the record'))
    .map((i) => `${i.field} → ${i.message.split(' ')[2]!.replace(/,$/, '')}`);
}

describe('reference walk', () => {
  it('reports the references of an element in document order, its own first', () => {
    const obs = {
      resourceType: 'Observation',
      id: 'o',
      status: 'final',
      subject: { reference: 'Patient/p' },
      // the element's own reference is written after an element that holds another reference
      encounter: { identifier: { assigner: { reference: 'Encounter/inner' } }, reference: 'Encounter/outer' },
      hasMember: [
        { reference: 'Observation/m1' },
        { display: 'x' },
        { reference: 'Observation/m2', extension: [{ valueReference: { reference: 'Condition/c' } }] },
      ],
      focus: [[{ reference: 'Observation/nested' }]],
      contained: [{ resourceType: 'Observation', id: 'c', hasMember: [{ reference: 'Observation/in-contained' }] }],
    };
    expect(dangling(obs)).toEqual([
      'encounter → Encounter/outer',
      'encounter.identifier.assigner → Encounter/inner',
      'hasMember[0] → Observation/m1',
      'hasMember[2] → Observation/m2',
      'hasMember[2].extension[0].valueReference → Condition/c',
      'focus[0][0] → Observation/nested',
    ]);
  });

  it('reads a reference written after plain values and leaves non-string references alone', () => {
    const obs = {
      resourceType: 'Observation',
      id: 'o',
      status: 'final',
      encounter: { display: 'visit', type: 'Encounter', reference: 'Encounter/e' },
      focus: [{ reference: { reference: 'Condition/deep' } }, { reference: 7 }],
    };
    expect(dangling(obs)).toEqual(['encounter → Encounter/e', 'focus[0].reference → Condition/deep']);
  });

  it('does not report a reference to a resource in the record, or to a type the record does not hold', () => {
    const enc = { resourceType: 'Encounter', id: 'e', status: 'finished', subject: { reference: 'Patient/p' } };
    const obs = {
      resourceType: 'Observation',
      id: 'o',
      status: 'final',
      encounter: { reference: 'Encounter/e' },
      performer: [{ reference: 'Practitioner/x' }],
    };
    const { issues } = validateRecord({
      patient: PATIENT,
      resources: { Encounter: [enc as fhir4.Resource], Observation: [obs as fhir4.Resource] },
      completeness: COMPLETE,
    });
    expect(issues).toEqual([]);
  });
});
