/**
 * #12 §4 "Nothing dated after the as-of date counts for flags, gaps or actions", through
 * evaluatePatient: a March visit with a September screening is an open CMS2 gap as of 30 Jun and a
 * met one as of 30 Sep (the day before, of and after the screening); what was left out is said.
 * At the period end the record is taken whole, as the CQL does.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatient, recordFromResources } from '../../../src/engine/index.ts';
import { PERIOD, patient, screening, visit } from '../measures/cms2-fixtures.ts';

const ADULT = patient('pia', '1985-02-02');
const record = recordFromResources([
  ADULT,
  visit('march', '2026-03-10T09:00:00-05:00'),
  visit('september', '2026-09-15T09:00:00-04:00'),
  screening('s', 'adult', '2026-09-15T09:30:00-04:00', 'negative'),
]);
const at = (asOf: string) => evaluatePatient(record, { period: { ...PERIOD }, asOf });

describe('the record as of a day inside the period', () => {
  it.each([
    ['2026-09-14', 'not-met', 'open'],
    ['2026-09-15', 'met', 'closed'],
    ['2026-09-16', 'met', 'closed'],
  ])('as of %s CMS2 is %s and its gap %s', (asOf, measure, gap) => {
    const ev = at(asOf);
    expect(ev.measures.find((m) => m.id === 'cms2')?.status).toBe(measure);
    expect(ev.gaps.find((g) => g.id === 'cms2')?.status).toBe(gap);
  });

  it('says what it left out, by type, and the later visit is not evidence', () => {
    const ev = at('2026-06-30');
    expect(ev.issues.filter((i) => i.field === 'date').map((i) => i.message)).toEqual([
      '1 Encounter resource dated after the as-of date not counted',
      '1 Observation resource dated after the as-of date not counted',
    ]);
    expect(ev.measures.find((m) => m.id === 'cms2')?.evidence.map((e) => e.reference)).not.toContain(
      'Encounter/september',
    );
  });

  it('takes the record whole at the period end (nothing left out, no warning)', () => {
    const ev = at('2026-12-31');
    expect(ev.issues.filter((i) => i.field === 'date')).toEqual([]);
    expect(ev.measures.find((m) => m.id === 'cms2')?.status).toBe('met');
  });
});
