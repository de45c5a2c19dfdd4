import { describe, expect, it } from 'vitest';
import { phq9MonitoringGaps } from '../../../src/engine/gaps/phq9-monitoring.ts';
import { SNOMED } from '../../../src/engine/codes/code-systems.ts';
import { condition, DX, gap, patient, runFamily, scoreObservation } from './gap-fixtures.ts';

const PHQ9 = phq9MonitoringGaps();
const ID = 'phq9-monitoring';
const AS_OF = '2026-11-23';
/** Exactly 4 calendar months before AS_OF. */
const FOUR_MONTHS = '2026-07-23';
const dana = patient('dana-phq', 'Dana', 'Kim', '1985-12-12');
const depression = () => condition(DX.majorDepression[0], DX.majorDepression[1], { id: 'dep', onset: '2025-02-01' });

describe('phq9-monitoring: a PHQ-9 at least every 4 months for active depression', () => {
  it('is closed by a PHQ-9 exactly 4 months before asOf', () => {
    const g = gap(
      runFamily(PHQ9, [dana, depression(), scoreObservation(FOUR_MONTHS, 8, { id: 'phq-edge' })], { asOf: AS_OF }),
      ID,
    );
    expect(g.status).toBe('closed');
    expect(g.evidence.map((e) => e.reference)).toEqual(['Condition/dep', 'Observation/phq-edge']);
  });

  it('is open, due today, when the last PHQ-9 was the day before that', () => {
    const g = gap(runFamily(PHQ9, [dana, depression(), scoreObservation('2026-07-22', 8)], { asOf: AS_OF }), ID);
    expect(g).toMatchObject({ status: 'open', due: AS_OF });
    expect(g.why).toContain('the last PHQ-9 was on 2026-07-22');
  });

  it('is open when there has never been a PHQ-9', () => {
    expect(gap(runFamily(PHQ9, [dana, depression()], { asOf: AS_OF }), ID).why).toContain('no PHQ-9 on record');
  });

  it('counts a PHQ-A (89204-2) and a PHQ-9 sent as valueString', () => {
    expect(
      gap(
        runFamily(PHQ9, [dana, depression(), scoreObservation('2026-10-01', 5, { loinc: '89204-2' })], { asOf: AS_OF }),
        ID,
      ).status,
    ).toBe('closed');
    expect(
      gap(
        runFamily(PHQ9, [dana, depression(), scoreObservation('2026-10-01', 5, { shape: 'string' })], { asOf: AS_OF }),
        ID,
      ).status,
    ).toBe('closed');
  });

  it('does not count a PHQ-2 or a PHQ-9 entered in error', () => {
    expect(
      gap(
        runFamily(PHQ9, [dana, depression(), scoreObservation('2026-10-01', 2, { loinc: '55758-7' })], { asOf: AS_OF }),
        ID,
      ).status,
    ).toBe('open');
    expect(
      gap(
        runFamily(PHQ9, [dana, depression(), scoreObservation('2026-10-01', 5, { status: 'entered-in-error' })], {
          asOf: AS_OF,
        }),
        ID,
      ).status,
    ).toBe('open');
  });

  it('applies to recurrent depression in SNOMED (Major Depression value set) with status recurrence', () => {
    const snomed = condition('36923009', 'Major depression, single episode', {
      system: SNOMED,
      clinicalStatus: 'recurrence',
    });
    expect(gap(runFamily(PHQ9, [dana, snomed], { asOf: AS_OF }), ID).status).toBe('open');
  });

  it('is not applicable for resolved, refuted, abated or future-onset depression, or none', () => {
    const cases = [
      condition('F33.1', 'Major depressive disorder, recurrent, moderate', { clinicalStatus: 'resolved' }),
      condition('F33.1', 'Major depressive disorder, recurrent, moderate', { verificationStatus: 'refuted' }),
      condition('F33.1', 'Major depressive disorder, recurrent, moderate', { abatement: '2026-11-01' }),
      condition('F33.1', 'Major depressive disorder, recurrent, moderate', { onset: '2026-11-24' }),
      condition('F41.1', 'Generalized anxiety disorder'),
    ];
    for (const c of cases) {
      expect(gap(runFamily(PHQ9, [dana, c], { asOf: AS_OF }), ID).status).toBe('not-applicable');
    }
  });

  it('is unknown when Conditions could not be read', () => {
    const g = gap(
      runFamily(PHQ9, [dana], {
        asOf: AS_OF,
        completeness: { Condition: { status: 'missing', reason: 'scope not granted' } },
      }),
      ID,
    );
    expect(g.status).toBe('unknown');
    expect(g.why).toContain('scope not granted');
  });

  it('is unknown, not open, when depression is active but Observations are partial', () => {
    const g = gap(
      runFamily(PHQ9, [dana, depression()], { asOf: AS_OF, completeness: { Observation: { status: 'partial' } } }),
      ID,
    );
    expect(g.status).toBe('unknown');
  });
});
