/** toInterval / prevalenceInterval readers as epoch-day bounds. */
import { describe, expect, it } from 'vitest';
import { epochDay } from '../../../src/engine/fhir/dates.ts';
import { choiceInterval, effectiveInterval, onsetStartDay, periodBounds, prevalenceDays } from '../../../src/engine/fhir/resource-dates.ts';

const d = (iso: string) => ({ low: epochDay(iso), high: epochDay(iso) });
const cond = (c: Partial<fhir4.Condition>): fhir4.Condition => ({ resourceType: 'Condition', subject: { reference: 'Patient/x' }, ...c });

describe('choiceInterval', () => {
  it('reads a dateTime as a one-day interval in the evaluation zone', () => {
    const r = effectiveInterval({ resourceType: 'Observation', status: 'final', code: {}, effectiveDateTime: '2026-06-21T23:30:00-05:00' }, 0);
    expect(r.bounds).toEqual({ start: d('2026-06-22'), end: d('2026-06-22') });
    expect(effectiveInterval({ resourceType: 'Observation', status: 'final', code: {}, effectiveDateTime: '2026-06-21T23:30:00-05:00' }, -300).bounds?.start).toEqual(d('2026-06-21'));
  });
  it('reads a month-precision value as a range of days', () => {
    expect(choiceInterval({ effectiveDateTime: '2026-02' }, 'effective').bounds?.start).toEqual({ low: epochDay('2026-02-01'), high: epochDay('2026-02-28') });
  });
  it('flags a malformed value with the field name', () => {
    expect(choiceInterval({ effectiveDateTime: '21/06/2026' }, 'effective')).toEqual({ malformed: 'effectiveDateTime' });
    expect(choiceInterval({ effectivePeriod: { start: 'soon' } }, 'effective')).toEqual({ malformed: 'effectivePeriod' });
  });
  it('a Period without an end never ends; without a start its start is unknown', () => {
    expect(periodBounds({ start: '2026-01-01' })?.bounds?.end?.low).toBe(Infinity);
    expect(periodBounds({ end: '2026-01-01' })?.bounds?.start).toBeUndefined();
  });
});

describe('prevalenceDays', () => {
  it('starts at the onset and, when active without abatement, never ends', () => {
    const r = prevalenceDays(cond({ onsetDateTime: '2020-05-05', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] } }), '1980-01-01');
    expect(r.bounds).toEqual({ start: d('2020-05-05'), end: { low: Infinity, high: Infinity } });
  });
  it('ends on the abatement day', () => {
    expect(prevalenceDays(cond({ onsetDateTime: '2020-05-05', abatementDateTime: '2021-01-01' }), undefined).bounds?.end).toEqual(d('2021-01-01'));
  });
  it('starts at the beginning of time without an onset', () => {
    expect(prevalenceDays(cond({}), undefined).bounds?.start?.low).toBe(-Infinity);
  });
  it('anchors an onset age on the birth date', () => {
    expect(onsetStartDay(cond({ onsetAge: { value: 30, code: 'a' } }), '1980-02-29').bounds?.start).toEqual(d('2010-02-28'));
  });
});
