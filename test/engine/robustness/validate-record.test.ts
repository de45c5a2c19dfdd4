/**
 * Record validation and family isolation, as clinical sentences: another patient's data is left
 * out, duplicates are kept once, wrong JSON types and dangling references are reported once by
 * resource type, id and field, and a result that depended on an unreadable resource is `unknown`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { validateRecord } from '../../../src/engine/input/validate-record.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import { MEASURES } from '../../../src/engine/measures/index.ts';
import { cms2, patient, screening, visit } from '../measures/cms2-fixtures.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const ROSA = patient('rosa', '1975-07-07');
const VISIT = visit('v', '2026-06-21T08:00:00Z');
const NEGATIVE = screening('s', 'adult', '2026-06-21T08:05:00Z', 'negative');
const owned = <T extends fhir4.Resource>(r: T, who = 'rosa'): T => ({ ...r, subject: { reference: `Patient/${who}` } });

describe('record validation', () => {
  it("leaves out another patient's screening and says so once", () => {
    const foreign = owned({ ...NEGATIVE, id: 'theirs' }, 'omar');
    const m = cms2([ROSA, VISIT, foreign]);
    expect(m.status).toBe('not-met');
    expect(m.issues.filter((i) => i.id === 'theirs')).toEqual([
      expect.objectContaining({
        resourceType: 'Observation',
        field: 'subject',
        message: 'belongs to Patient/omar, not Patient/rosa: ignored',
      }),
    ]);
  });

  it('keeps a resource seen twice once, with one warning', () => {
    const { record, issues } = validateRecord({
      patient: ROSA,
      resources: { Observation: [owned(NEGATIVE), owned(NEGATIVE)] },
      completeness: {},
    });
    expect(record.resources.Observation).toHaveLength(1);
    expect(issues).toEqual([
      expect.objectContaining({ resourceType: 'Observation', id: 's', field: 'id', severity: 'warning' }),
    ]);
  });

  it('reports a screening whose code is a string once, and CMS2 is unknown rather than not-met', () => {
    const broken = { ...NEGATIVE, code: '73831-0' } as unknown as fhir4.Observation;
    const m = cms2([ROSA, VISIT, broken]);
    expect(m.status).toBe('unknown');
    expect(m.reasons?.join(' ')).toContain('Observation/s code');
    expect(m.issues.filter((i) => i.id === 's')).toEqual([
      expect.objectContaining({ resourceType: 'Observation', field: 'code', severity: 'error' }),
    ]);
  });

  it('reports a coding that is not an array, naming the field', () => {
    const broken = {
      ...NEGATIVE,
      code: { coding: { system: 'http://loinc.org', code: '73831-0' } },
    } as unknown as fhir4.Observation;
    const { issues, record } = validateRecord(recordFromResources([ROSA, VISIT, broken]));
    expect(issues).toEqual([expect.objectContaining({ resourceType: 'Observation', id: 's', field: 'code.coding' })]);
    expect(record.completeness.Observation?.status).toBe('partial');
  });

  it('makes CMS2 unknown, never met, when the only screening has an unreadable date', () => {
    const m = cms2([ROSA, VISIT, { ...NEGATIVE, effectiveDateTime: '2026-06-31' } as fhir4.Observation]);
    expect(m.status).toBe('unknown');
    expect(m.issues.filter((i) => i.id === 's' && i.field === 'effectiveDateTime')).toHaveLength(1);
  });

  it('reports a date that is a number once, without throwing', () => {
    const m = cms2([ROSA, VISIT, { ...NEGATIVE, effectiveDateTime: 20260621 } as unknown as fhir4.Observation]);
    expect(m.status).toBe('unknown');
    expect(m.issues.filter((i) => i.id === 's')).toHaveLength(1);
  });

  it('warns about an encounter diagnosis that points at a Condition not in the record', () => {
    const enc = { ...VISIT, diagnosis: [{ condition: { reference: 'Condition/gone' } }] };
    const { issues } = validateRecord(recordFromResources([ROSA, enc]));
    expect(issues).toEqual([
      expect.objectContaining({
        resourceType: 'Encounter',
        id: 'v',
        field: 'diagnosis[0].condition',
        severity: 'warning',
        message: 'refers to Condition/gone, which is not in the record',
      }),
    ]);
  });

  it('does not touch the record it was given', () => {
    const record = recordFromResources([ROSA, VISIT, { ...NEGATIVE, category: 7 } as unknown as fhir4.Observation]);
    const before = JSON.stringify(record);
    validateRecord(record);
    expect(JSON.stringify(record)).toBe(before);
  });

  it('survives a record that is not an object at all', () => {
    const e = evaluatePatient(null as unknown as Parameters<typeof evaluatePatient>[0], { period: PERIOD });
    expect(e.patient).toBe('Patient/unknown');
    expect(e.issues).toContainEqual(expect.objectContaining({ resourceType: 'Patient', field: 'patient' }));
  });
});

describe('family isolation', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a measure that throws is unknown with one issue naming it, and the others still evaluate', () => {
    const cms2Def = MEASURES.find((m) => m.id === 'cms2')!;
    vi.spyOn(cms2Def, 'evaluate').mockImplementation(() => {
      throw new TypeError('boom');
    });
    const e = evaluatePatient(recordFromResources([ROSA, VISIT, NEGATIVE]), { period: PERIOD });
    const failed = e.measures.find((m) => m.id === 'cms2')!;
    expect(failed.status).toBe('unknown');
    expect(failed.reasons).toEqual(['Measure cms2 could not be evaluated: boom']);
    expect(e.issues.filter((i) => i.field === 'evaluate')).toEqual([
      expect.objectContaining({ resourceType: 'Measure', id: 'cms2', severity: 'error' }),
    ]);
    expect(
      e.measures
        .filter((m) => m.id !== 'cms2')
        .every((m) => m.status !== 'unknown' || !m.reasons?.some((r) => r.includes('could not be evaluated'))),
    ).toBe(true);
    expect(e.measures).toHaveLength(MEASURES.length);
  });
});
