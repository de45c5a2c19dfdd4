import { describe, expect, it } from 'vitest';
import { gapStatusOfMeasure, measureGaps, measureGap } from '../../../src/engine/gaps/measure-gaps.ts';
import { MEASURES } from '../../../src/engine/measures/index.ts';
import { measureResult, patient, runFamily } from './gap-fixtures.ts';

describe('measure-derived gaps', () => {
  it('maps every status of a normal measure (truth table)', () => {
    const table = (['met', 'not-met', 'excluded', 'exception', 'not-in-population', 'unknown'] as const).map((s) => [
      s,
      gapStatusOfMeasure(measureResult('cms130', s)),
    ]);
    expect(table).toEqual([
      ['met', 'closed'],
      ['not-met', 'open'],
      ['excluded', 'not-applicable'],
      ['exception', 'not-applicable'],
      ['not-in-population', 'not-applicable'],
      ['unknown', 'unknown'],
    ]);
  });

  it('reads an inverse measure (CMS122) the right way round: numerator 1 is an open gap, numerator 0 in the denominator is closed', () => {
    const poorControl = measureGap(
      measureResult('cms122', 'met', {
        inverse: true,
        closes: { what: 'Repeat HbA1c; last was 9.6%', due: '2026-12-31' },
      }),
    );
    expect(poorControl).toMatchObject({
      id: 'cms122',
      status: 'open',
      closes: 'Repeat HbA1c; last was 9.6%',
      due: '2026-12-31',
      measureId: 'cms122',
    });
    const controlled = measureGap(measureResult('cms122', 'not-met', { inverse: true }));
    expect(controlled.status).toBe('closed');
    expect(controlled.why).toContain('outcome controlled');
    expect(gapStatusOfMeasure(measureResult('cms122', 'excluded', { inverse: true }))).toBe('not-applicable');
  });

  it('carries what closes an open gap and its due date, and none for a closed one', () => {
    const open = measureGap(
      measureResult('cms125', 'not-met', { closes: { what: 'Order a screening mammogram', due: '2026-12-31' } }),
    );
    expect(open).toMatchObject({ status: 'open', closes: 'Order a screening mammogram', due: '2026-12-31' });
    const closed = measureGap(measureResult('cms125', 'met', { closes: { what: 'ignored', due: '2026-12-31' } }));
    expect(closed.closes).toBeUndefined();
    expect(closed.due).toBeUndefined();
  });

  it('gives the measure reasons when the gap is unknown', () => {
    const g = measureGap(measureResult('cms165', 'unknown', { reasons: ['Observation is incomplete: page 3 failed'] }));
    expect(g.status).toBe('unknown');
    expect(g.why).toContain('page 3 failed');
  });

  it('keeps the measure evidence on the gap', () => {
    const evidence = [{ reference: 'Observation/bp-1', rule: 'most-recent-bp', date: '2026-06-01' }];
    expect(measureGap(measureResult('cms165', 'met', { evidence })).evidence).toEqual(evidence);
  });

  it('emits one gap per measure result with the same id, in order', () => {
    const measures = [
      measureResult('cms2', 'not-met'),
      measureResult('sdoh-screening', 'met'),
      measureResult('cms122', 'not-met', { inverse: true }),
    ];
    const gaps = runFamily(measureGaps(MEASURES), [patient('olga-mg', 'Olga', 'Petrova')], {
      asOf: '2026-11-23',
      measures,
    });
    expect(gaps.map((g) => [g.id, g.status])).toEqual([
      ['cms2', 'open'],
      ['sdoh-screening', 'closed'],
      ['cms122', 'closed'],
    ]);
  });
});
