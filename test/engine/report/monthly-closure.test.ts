/**
 * Month-by-month closure for 2026 as of 2026-05-20, against the same months of 2025: a closure is
 * dated by the latest evidence that is not a denominator criterion (a March PHQ-9 closes CMS2 in
 * March, whatever the visit dates); earlier evidence counts from January; the series is cumulative
 * over the patients scored and stops at the as-of month; inverse measures close when not met.
 */
import { describe, expect, it } from 'vitest';
import { ClosureTally, measureClosures, monthsOf, previousPeriod } from '../../../src/engine/index.ts';
import type { Evidence, MeasureResult, MeasureStatus, PatientEvaluation } from '../../../src/engine/types.ts';

const P2026 = { start: '2026-01-01', end: '2026-12-31' };
const P2025 = { start: '2025-01-01', end: '2025-12-31' };
const ZERO = {
  'initial-population': 1,
  denominator: 1,
  'denominator-exclusion': 0,
  'denominator-exception': 0,
  numerator: 0,
};
function result(id: string, status: MeasureStatus, evidence: Evidence[], inverse = false): MeasureResult {
  return {
    id,
    measureUrl: id,
    version: '1',
    title: id.toUpperCase(),
    status,
    populations: ZERO,
    evidence,
    ...(inverse ? { inverse: true } : {}),
  };
}
const visit = (date: string): Evidence => ({ reference: 'Encounter/v', rule: 'qualifying-encounter', date });
const screen = (date: string): Evidence => ({ reference: 'Observation/o', rule: 'most-recent-screening', date });
function ev(
  period: typeof P2026,
  asOf: string,
  measures: MeasureResult[],
): Pick<PatientEvaluation, 'measures' | 'period' | 'asOf'> {
  return { period, asOf, measures };
}

describe('monthly closure', () => {
  it('dates a CMS2 closure by the screening (March), not by the later visit', () => {
    const [c] = measureClosures(
      ev(P2026, '2026-05-20', [result('cms2', 'met', [visit('2026-04-30'), screen('2026-03-31T23:30:00-05:00')])]),
    );
    expect(c).toEqual({ id: 'cms2', title: 'CMS2', scored: true, closed: true, closedMonth: '2026-03' });
  });

  it('counts evidence from before the period from January, and undated closure from the as-of month', () => {
    const [early] = measureClosures(
      ev(P2026, '2026-05-20', [
        result('cms130', 'met', [
          visit('2026-02-02'),
          { reference: 'Procedure/c', rule: 'screening', date: '2019-06-01' },
        ]),
      ]),
    );
    expect(early!.closedMonth).toBe('2026-01');
    const [undated] = measureClosures(ev(P2026, '2026-05-20', [result('cms130', 'met', [visit('2026-02-02')])]));
    expect(undated!.closedMonth).toBe('2026-05');
  });

  it('closes an inverse measure (CMS122) when it is not met, and scores neither excluded nor unknown patients', () => {
    const closures = measureClosures(
      ev(P2026, '2026-05-20', [
        result(
          'cms122',
          'not-met',
          [{ reference: 'Observation/a1c', rule: 'most-recent-glycemic-status', date: '2026-02-10' }],
          true,
        ),
        result('cms2', 'excluded', [screen('2026-02-01')]),
        result('cms165', 'unknown', []),
      ]),
    );
    expect(closures.map((c) => [c.id, c.scored, c.closed, c.closedMonth])).toEqual([
      ['cms122', true, true, '2026-02'],
      ['cms2', false, false, undefined],
      ['cms165', false, false, undefined],
    ]);
  });

  it('leaves measures with several rates (episode-based) out of the patient-level chart', () => {
    const fuh: MeasureResult = {
      ...result('fuh', 'met', []),
      populationBasis: 'Encounter',
      groups: [{ id: '7-day', status: 'met', populations: ZERO, inProgress: 0, unknown: 0 }],
    };
    expect(measureClosures(ev(P2026, '2026-05-20', [fuh]))).toEqual([]);
  });

  it('builds cumulative rates to the as-of month, beside the same months of the previous period', () => {
    const tally = new ClosureTally();
    const now = (status: MeasureStatus, date?: string) =>
      measureClosures(ev(P2026, '2026-05-20', [result('cms2', status, date ? [screen(date)] : [])]));
    const then = (status: MeasureStatus, date?: string) =>
      measureClosures(ev(P2025, '2025-12-31', [result('cms2', status, date ? [screen(date)] : [])]));
    tally.add(now('met', '2026-01-15'), then('met', '2025-02-01'));
    tally.add(now('met', '2026-03-02'), then('met', '2025-11-30'));
    tally.add(now('not-met'), then('not-met'));
    tally.add(now('not-met'), then('not-in-population'));
    const [s] = tally.series(P2026, '2026-05-20');
    expect([s!.scored, s!.previousScored]).toEqual([4, 3]);
    expect(s!.points).toHaveLength(12);
    expect(s!.points.slice(0, 6).map((p) => [p.month, p.closed, p.rate])).toEqual([
      ['2026-01', 1, 0.25],
      ['2026-02', 1, 0.25],
      ['2026-03', 2, 0.5],
      ['2026-04', 2, 0.5],
      ['2026-05', 2, 0.5],
      ['2026-06', undefined, undefined],
    ]);
    expect(s!.points.map((p) => p.previousClosedInMonth)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(s!.points[10]).toMatchObject({
      month: '2026-11',
      previousMonth: '2025-11',
      previousClosed: 2,
      previousRate: 2 / 3,
    });
  });

  it('has no previous series when the previous period was not evaluated', () => {
    const tally = new ClosureTally();
    tally.add(measureClosures(ev(P2026, '2026-05-20', [result('cms2', 'met', [screen('2026-01-15')])])));
    const [s] = tally.series(P2026, '2026-05-20');
    expect(s!.previousScored).toBeUndefined();
    expect(s!.points[0]!.previousRate).toBeUndefined();
  });

  it('shifts the period back a year (29 Feb to 28 Feb) and lists its months', () => {
    expect(previousPeriod({ start: '2024-02-29', end: '2025-02-28' })).toEqual({
      start: '2023-02-28',
      end: '2024-02-28',
    });
    expect(previousPeriod(P2026)).toEqual(P2025);
    expect(monthsOf({ start: '2025-11-15', end: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
