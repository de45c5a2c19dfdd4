/**
 * CMS2 screening window, the most-recent rule, and the medical / patient-reason exceptions.
 * Every case: one visit on 2026-06-21 08:00–08:15 UTC.
 */
import { describe, expect, it } from 'vitest';
import { cms2, counts, notDone, patient, screening, visit } from './cms2-fixtures.ts';
import { QICORE_NOT_DONE_REASON_ALT } from '../../../src/engine/measures/cms2-exclusions-exceptions.ts';

const VISIT = visit('v', '2026-06-21T08:00:00Z');
const ADULT = patient('pia', '1985-02-02');
const TEEN = patient('quin', '2012-04-04');

describe('CMS2 screening window: 14 days or less on or before the day of the visit', () => {
  const table: [string, string, string][] = [
    ['15 days before the visit day does not count', '2026-06-06T12:00:00Z', 'not-met'],
    ['14 days before the visit day counts', '2026-06-07T00:00:00Z', 'met'],
    ['the visit day counts, even later that day than the visit', '2026-06-21T22:00:00Z', 'met'],
    ['the day after the visit does not count', '2026-06-22T00:00:00Z', 'not-met'],
    ['a date without a time on the visit day counts', '2026-06-21', 'met'],
    ['a screening recorded only to the month is too imprecise to count', '2026-06', 'not-met'],
  ];
  for (const [name, when, status] of table) {
    it(name, () => {
      expect(cms2([ADULT, VISIT, screening('s', 'adult', when, 'negative')]).status).toBe(status);
    });
  }

  it('counts a screening whose effective period ends within the window', () => {
    const s = screening('s', 'adult', '', 'negative', { effectivePeriod: { start: '2026-06-01', end: '2026-06-10' } });
    delete s.effectiveDateTime;
    expect(cms2([ADULT, VISIT, s]).status).toBe('met');
  });

  it('counts a corrected screening', () => {
    expect(
      cms2([ADULT, VISIT, screening('s', 'adult', '2026-06-15', 'negative', { status: 'corrected' })]).status,
    ).toBe('met');
  });

  it('does not count a preliminary or amended-but-not-final screening', () => {
    expect(
      cms2([ADULT, VISIT, screening('s', 'adult', '2026-06-15', 'negative', { status: 'preliminary' })]).status,
    ).toBe('not-met');
  });

  it('does not count a screening without a value', () => {
    const s = screening('s', 'adult', '2026-06-15', 'negative');
    delete s.valueCodeableConcept;
    expect(cms2([ADULT, VISIT, s]).status).toBe('not-met');
  });

  it('a screening with an uncoded value (valueBoolean) is a screening but neither positive nor negative', () => {
    const s = screening('s', 'adult', '2026-06-15', 'negative', { valueBoolean: true });
    delete s.valueCodeableConcept;
    const m = cms2([ADULT, VISIT, s]);
    expect(m.status).toBe('not-met');
    expect(m.closes?.what).toContain('Code the result');
  });

  it('a screening for a visit outside the period does not count for a visit inside it', () => {
    const m = cms2([
      ADULT,
      VISIT,
      visit('old', '2025-12-20T08:00:00Z'),
      screening('s', 'adult', '2025-12-19', 'negative'),
    ]);
    expect(m.status).toBe('not-met');
  });
});

describe('CMS2 the most recent screening decides', () => {
  it('negative then positive later: needs a follow-up for the positive one', () => {
    const m = cms2([
      ADULT,
      VISIT,
      screening('s1', 'adult', '2026-06-10', 'negative'),
      screening('s2', 'adult', '2026-06-18', 'positive'),
    ]);
    expect(counts(m)).toBe('11000');
    expect(m.closes).toEqual({ what: expect.stringContaining('positive screen of 2026-06-18'), due: '2026-06-23' });
    expect(m.detail).toMatchObject({
      mostRecentScreening: { date: '2026-06-18', result: 'positive', reference: 'Observation/s2' },
    });
  });

  it('positive then negative later: met', () => {
    const m = cms2([
      ADULT,
      VISIT,
      screening('s1', 'adult', '2026-06-10', 'positive'),
      screening('s2', 'adult', '2026-06-18', 'negative'),
    ]);
    expect(m.status).toBe('met');
    expect(m.evidence).toContainEqual(
      expect.objectContaining({ reference: 'Observation/s2', rule: 'most-recent-screening', value: 'negative' }),
    );
  });

  it('the most recent is taken across all visits of the period', () => {
    const m = cms2([
      ADULT,
      VISIT,
      visit('v2', '2026-10-01T09:00:00Z'),
      screening('s1', 'adult', '2026-06-20', 'negative'),
      screening('s2', 'adult', '2026-09-30', 'positive'),
    ]);
    expect(m.status).toBe('not-met');
    expect(m.closes?.due).toBe('2026-10-03');
  });

  it('a later screening outside every window does not displace the most recent', () => {
    const m = cms2([
      ADULT,
      VISIT,
      screening('s1', 'adult', '2026-06-20', 'negative'),
      screening('s2', 'adult', '2026-08-01', 'positive'),
    ]);
    expect(m.status).toBe('met');
  });
});

describe('CMS2 exceptions: a medical or patient reason for not screening', () => {
  it('a declined adult screening recorded on the visit day is an exception', () => {
    const m = cms2([ADULT, VISIT, notDone('d', 'adult', '2026-06-21T08:05:00Z', 'declined')]);
    expect(counts(m)).toBe('11001');
    expect(m.status).toBe('exception');
    expect(m.evidence).toContainEqual(
      expect.objectContaining({ reference: 'Observation/d', rule: 'exception-reason', value: 'patient declined' }),
    );
  });

  it('a medical reason on the visit day is an exception', () => {
    expect(cms2([TEEN, VISIT, notDone('d', 'adolescent', '2026-06-21T09:00:00Z', 'medical')]).status).toBe('exception');
  });

  it('a reason recorded the day after the visit is not', () => {
    expect(cms2([ADULT, VISIT, notDone('d', 'adult', '2026-06-22T00:00:00Z', 'declined')]).status).toBe('not-met');
  });

  it('a reason recorded the day before the visit is not', () => {
    expect(cms2([ADULT, VISIT, notDone('d', 'adult', '2026-06-20T23:59:00Z', 'declined')]).status).toBe('not-met');
  });

  it('a cancelled screening without a reason is not', () => {
    const o = notDone('d', 'adult', '2026-06-21T08:05:00Z', 'declined');
    delete o.extension;
    expect(cms2([ADULT, VISIT, o]).status).toBe('not-met');
  });

  it('reads the reason whatever the status, as the reference engines do (no profile to go by)', () => {
    expect(
      cms2([ADULT, VISIT, notDone('d', 'adult', '2026-06-21T08:05:00Z', 'declined', { status: 'final' })]).status,
    ).toBe('exception');
  });

  it('never reads a reason from a record entered in error', () => {
    expect(
      cms2([ADULT, VISIT, notDone('d', 'adult', '2026-06-21T08:05:00Z', 'declined', { status: 'entered-in-error' })])
        .status,
    ).toBe('not-met');
  });

  it('accepts the notDoneReason extension under its non-canonical URL', () => {
    const o = notDone('d', 'adult', '2026-06-21T08:05:00Z', 'declined');
    o.extension![0]!.url = QICORE_NOT_DONE_REASON_ALT;
    expect(cms2([ADULT, VISIT, o]).status).toBe('exception');
  });

  it('screened negative and declined: the screening wins (met, not an exception)', () => {
    const m = cms2([
      ADULT,
      VISIT,
      screening('s', 'adult', '2026-06-15', 'negative'),
      notDone('d', 'adult', '2026-06-21T08:05:00Z', 'declined'),
    ]);
    expect(counts(m)).toBe('11010');
  });

  it('screened positive without follow-up and declined: no exception, because a screening occurred', () => {
    const m = cms2([
      ADULT,
      VISIT,
      screening('s', 'adult', '2026-06-15', 'positive'),
      notDone('d', 'adult', '2026-06-21T08:05:00Z', 'declined'),
    ]);
    expect(counts(m)).toBe('11000');
  });

  it('as the CQL is written, an adult who declined the adolescent tool is also an exception', () => {
    expect(cms2([ADULT, VISIT, notDone('d', 'adolescent', '2026-06-21T08:05:00Z', 'declined')]).status).toBe(
      'exception',
    );
  });
});
