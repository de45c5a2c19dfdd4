/** Reading the launch's visit and closing it on its own date, at every way a FHIR Period is written. */
import { describe, expect, it } from 'vitest';
import { closedPeriod, recordWithVisitClosed, visitInContext } from '../../../src/engine/visit/visit-in-context.ts';
import { recordFromResources } from '../../../src/engine/record.ts';

describe('closing an open visit on its date', () => {
  it.each([
    [
      'keeps the start’s own offset (US Eastern standard time)',
      { start: '2026-12-03T09:00:00-05:00' },
      '2026-12-03T23:59:59-05:00',
    ],
    [
      'on a daylight-saving day (clocks went forward at 02:00)',
      { start: '2026-03-08T10:15:00-04:00' },
      '2026-03-08T23:59:59-04:00',
    ],
    ['in UTC', { start: '2026-12-03T14:00:00.000Z' }, '2026-12-03T23:59:59Z'],
    ['without a zone', { start: '2026-12-03T09:00' }, '2026-12-03T23:59:59'],
    ['with a date only', { start: '2026-12-03' }, '2026-12-03'],
    [
      'ending at a stated end on the same day: the end of the day instead',
      { start: '2026-12-03T09:00:00-05:00', end: '2026-12-03T09:30:00-05:00' },
      '2026-12-03T23:59:59-05:00',
    ],
    [
      'keeping a stated end on a later day',
      { start: '2026-12-03T22:00:00-05:00', end: '2026-12-04T01:00:00-05:00' },
      '2026-12-04T01:00:00-05:00',
    ],
  ])('%s', (_name, period, end) => {
    expect(closedPeriod(period, '2026-12-03')).toEqual({ start: period.start, end });
  });
  it('dates a visit without a readable start on the as-of day', () => {
    expect(closedPeriod(undefined, '2026-12-03')).toEqual({ start: '2026-12-03', end: '2026-12-03' });
    expect(closedPeriod({ start: 'this morning' }, '2026-12-03')).toEqual({ start: '2026-12-03', end: '2026-12-03' });
  });
});

describe('the visit in context', () => {
  const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p' };
  const enc = (status: fhir4.Encounter['status']): fhir4.Encounter => ({
    resourceType: 'Encounter',
    id: 'v',
    status,
    class: { code: 'AMB' },
    period: { start: '2026-12-03T09:00:00-05:00' },
    type: [
      {
        coding: [
          { system: 'http://www.ama-assn.org/go/cpt', code: '99213', display: 'Office visit, established patient' },
        ],
      },
    ],
  });
  it('names an arrived visit as open, with its date and type', () => {
    expect(visitInContext(recordFromResources([patient, enc('arrived')]), 'v', '2026-12-03')).toEqual({
      state: 'open',
      reference: 'Encounter/v',
      status: 'arrived',
      date: '2026-12-03',
      type: 'Office visit, established patient',
    });
  });
  it('closes only the visit in context and only when it is open', () => {
    const other = { ...enc('in-progress'), id: 'other' };
    const record = recordFromResources([patient, enc('in-progress'), other]);
    const closed = recordWithVisitClosed(record, 'v', '2026-12-03');
    expect(closed?.resources.Encounter?.map((e) => (e as fhir4.Encounter).status)).toEqual(['finished', 'in-progress']);
    expect(recordWithVisitClosed(recordFromResources([patient, enc('planned')]), 'v', '2026-12-03')).toBeUndefined();
    expect(recordWithVisitClosed(record, undefined, '2026-12-03')).toBeUndefined();
  });
});
