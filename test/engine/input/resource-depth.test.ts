/**
 * Hostile nesting (issue #14 §4): a resource nested thousands of levels deep is one data issue
 * naming the resource and the field; it is left out, its type becomes partial (it might be the
 * very screening a measure looks for, so results that read the type are unknown), and everything
 * else is still evaluated. The engine's walk is bounded: no RangeError at any depth.
 */
import { describe, expect, it } from 'vitest';
import {
  capResourceDepth,
  evaluatePatient,
  MAX_RESOURCE_DEPTH,
  type PatientRecord,
} from '../../../src/engine/index.ts';
import { validateRecord } from '../../../src/engine/input/validate-record.ts';

const PATIENT: fhir4.Patient = { resourceType: 'Patient', id: 'p', birthDate: '1970-05-01', gender: 'female' };
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

/** `{a: {a: … {leaf: 1}}}` whose innermost object sits at path length `levels` below `field`. */
function chain(levels: number): Record<string, unknown> {
  let v: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < levels; i++) {
    v = { a: v };
  }
  return v;
}

/** An Observation with `extra` merged in. */
function observation(id: string, extra: Record<string, unknown>): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: { reference: 'Patient/p' },
    code: { text: 'x' },
    effectiveDateTime: '2026-02-01',
    ...extra,
  } as fhir4.Observation;
}

function record(observations: fhir4.Observation[], patient: fhir4.Patient = PATIENT): PatientRecord {
  const condition: fhir4.Condition = {
    resourceType: 'Condition',
    id: 'c1',
    subject: { reference: 'Patient/p' },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }] },
    onsetDateTime: '2020-01-01',
  };
  return {
    patient,
    resources: { Observation: observations, Condition: [condition] },
    completeness: { Observation: { status: 'complete' }, Condition: { status: 'complete' } },
  };
}

describe('a resource nested beyond the limit', () => {
  it('an Observation nested 2,000 levels deep is one issue naming it and the field; the rest is kept', () => {
    const deep = observation('deep', { valueQuantity: { value: 1, nested: chain(2000) } });
    const { record: clean, issues } = validateRecord(record([deep, observation('ok', {})]));
    expect(issues).toEqual([
      {
        resourceType: 'Observation',
        id: 'deep',
        field: 'valueQuantity.nested.a.a.a.a…',
        message: `nested more than ${MAX_RESOURCE_DEPTH} levels deep (no FHIR resource is): ignored; results that read Observation are unknown`,
        severity: 'error',
      },
    ]);
    expect(clean.resources.Observation?.map((o) => o.id)).toEqual(['ok']);
    expect(clean.resources.Condition?.map((c) => c.id)).toEqual(['c1']);
    expect(clean.completeness.Observation).toMatchObject({
      status: 'partial',
      reason: expect.stringContaining('Observation/deep valueQuantity.nested'),
    });
    expect(clean.completeness.Condition).toEqual({ status: 'complete' });
  });

  it('the limit is exact: an element at depth 64 is fine, one at 65 is not', () => {
    // the chain under `valueQuantity` starts at path length 1, so `levels` objects reach path length `levels`
    const at = (levels: number) => validateRecord(record([observation('o', { valueQuantity: chain(levels) })])).issues;
    expect(at(MAX_RESOURCE_DEPTH)).toEqual([]);
    expect(at(MAX_RESOURCE_DEPTH + 1)).toHaveLength(1);
  });

  it('evaluates the whole patient without a RangeError at 200,000 levels, in contained, subject or a list', () => {
    const variants = [
      observation('list', { extension: [{ url: 'x', extension: [chain(200_000)] }] }),
      observation('contained', { contained: [{ resourceType: 'Observation', id: 'c', code: chain(5_000) }] }),
      observation('subject', { subject: { reference: 'Patient/p', extension: [chain(5_000)] } }),
    ];
    const evaluation = evaluatePatient(record([...variants, observation('ok', {})]), {
      period: PERIOD,
      asOf: '2026-03-02',
    });
    const deepIssues = evaluation.issues.filter((i) => i.message.startsWith('nested more than'));
    expect(deepIssues.map((i) => `${i.id} ${i.field}`)).toEqual([
      'list extension[0].extension[0].a.a…',
      'contained contained[0].code.a.a.a…',
      'subject subject.extension[0].a.a.a…',
    ]);
    expect(evaluation.measures.length).toBeGreaterThan(0);
  });

  it('a Patient nested too deep loses only the too-deep element, with one issue', () => {
    const patient = {
      ...PATIENT,
      extension: [{ url: 'http://example.org/deep', extension: [chain(3_000)] }],
    } as unknown as fhir4.Patient;
    const { record: clean, issues } = validateRecord(record([], patient));
    expect(issues).toEqual([
      expect.objectContaining({
        resourceType: 'Patient',
        id: 'p',
        field: 'extension[0].extension[0].a.a…',
        severity: 'error',
      }),
    ]);
    expect(clean.patient.birthDate).toBe('1970-05-01');
    expect(clean.patient.extension).toBeUndefined();
  });
});

describe('capResourceDepth (what the data layer keeps of such a resource)', () => {
  it('returns a resource within the limit unchanged (the same object)', () => {
    const o = observation('o', { valueQuantity: { value: 1, nested: chain(MAX_RESOURCE_DEPTH - 1) } });
    expect(capResourceDepth(o)).toBe(o);
  });

  it('cuts a deep one small enough to clone, still rejected by the engine with the same issue', () => {
    const deep = observation('deep', { valueQuantity: { value: 1, nested: chain(20_000) } });
    const capped = capResourceDepth(deep);
    expect(() => structuredClone(capped)).not.toThrow();
    expect(JSON.stringify(capped).length).toBeLessThan(2_000);
    expect(validateRecord(record([capped])).issues).toEqual(validateRecord(record([deep])).issues);
  });
});
