/**
 * The record as it stood on the as-of day (src/engine/input/record-as-of.ts): each type's event date
 * on the day before, of and after the as-of day; imprecise and undated values; offsets as written.
 */
import { describe, expect, it } from 'vitest';
import { datedAfter, recordAsOf } from '../../../src/engine/input/record-as-of.ts';
import { epochDay } from '../../../src/engine/index.ts';

const AS_OF = epochDay('2026-06-30');

const enc = (start: string): fhir4.Encounter => ({
  resourceType: 'Encounter',
  status: 'finished',
  class: { code: 'AMB' },
  period: { start },
});

describe('datedAfter', () => {
  it.each([
    ['2026-06-29', false],
    ['2026-06-30', false],
    ['2026-07-01', true],
  ])('an Encounter starting %s is after 30 Jun: %s', (start, after) => {
    expect(datedAfter(enc(start), AS_OF)).toBe(after);
  });

  it('reads a dateTime on the day it is written, whatever its offset', () => {
    expect(datedAfter(enc('2026-06-30T23:30:00-05:00'), AS_OF)).toBe(false);
    expect(datedAfter(enc('2026-07-01T00:30:00+09:00'), AS_OF)).toBe(true);
  });

  it('keeps a value that may still be on or before the day (month or year precision) and an undated one', () => {
    expect(datedAfter(enc('2026-06'), AS_OF)).toBe(false);
    expect(datedAfter(enc('2026'), AS_OF)).toBe(false);
    expect(datedAfter(enc('2026-07'), AS_OF)).toBe(true);
    expect(
      datedAfter({ resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' } } as fhir4.Encounter, AS_OF),
    ).toBe(false);
  });

  it('reads each type by its own event date', () => {
    const obs = (extra: Partial<fhir4.Observation>): fhir4.Observation => ({
      resourceType: 'Observation',
      status: 'final',
      code: {},
      ...extra,
    });
    expect(datedAfter(obs({ effectiveDateTime: '2026-07-01' }), AS_OF)).toBe(true);
    expect(datedAfter(obs({ effectivePeriod: { start: '2026-06-30', end: '2026-07-02' } }), AS_OF)).toBe(false);
    expect(datedAfter(obs({ issued: '2026-07-01T08:00:00Z' }), AS_OF)).toBe(true);
    const mr: fhir4.MedicationRequest = {
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      subject: {},
      authoredOn: '2027-01-05',
    };
    expect(datedAfter(mr, AS_OF)).toBe(true);
    const qr: fhir4.QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      authored: '2026-06-30',
    };
    expect(datedAfter(qr, AS_OF)).toBe(false);
  });

  it('leaves out a Condition that began or was recorded after the day', () => {
    const cond = (extra: Partial<fhir4.Condition>): fhir4.Condition => ({
      resourceType: 'Condition',
      subject: {},
      ...extra,
    });
    expect(datedAfter(cond({ onsetDateTime: '2026-07-01' }), AS_OF)).toBe(true);
    expect(datedAfter(cond({ onsetDateTime: '2020-01-01', recordedDate: '2026-07-01' }), AS_OF)).toBe(true);
    expect(datedAfter(cond({ onsetDateTime: '2020-01-01', recordedDate: '2026-06-30' }), AS_OF)).toBe(false);
    expect(datedAfter(cond({}), AS_OF)).toBe(false);
  });
});

describe('recordAsOf', () => {
  const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p' };
  it('returns the same record when nothing is later, and counts what it leaves out by type', () => {
    const record = { patient, resources: { Encounter: [enc('2026-03-01')] }, completeness: {} };
    expect(recordAsOf(record, AS_OF)).toEqual({ record, leftOut: {} });
    expect(recordAsOf(record, AS_OF).record).toBe(record);
    const later = { patient, resources: { Encounter: [enc('2026-03-01'), enc('2026-09-01')] }, completeness: {} };
    const out = recordAsOf(later, AS_OF);
    expect(out.leftOut).toEqual({ Encounter: 1 });
    expect(out.record.resources.Encounter).toHaveLength(1);
    expect(later.resources.Encounter).toHaveLength(2);
  });
});
