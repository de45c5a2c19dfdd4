/**
 * The population view shows the period follow-up rates: one summary row per rate of each episode
 * measure (`fuh/7-day`, `fuh/30-day` …), counting index events, with the same figures as the
 * summary MeasureReport (both come from the engine's PopulationAccumulator).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatient, recordFromResources } from '../../../src/engine/index.ts';
import { summarisePopulation } from '../../../src/features/population/population-summary.ts';
import { DX, inpatientStay, patient, PERIOD, visit } from '../../engine/gaps/gap-fixtures.ts';

const entry = (id: string, resources: fhir4.Resource[]) => ({
  patientId: id,
  evaluation: evaluatePatient(recordFromResources(resources), { period: PERIOD, only: ['fuh'] }),
});
const stay = (discharge: string) =>
  inpatientStay('2026-03-01', discharge, { principal: DX.schizophrenia, disposition: 'home' });

describe('population summary: episode measure rates', () => {
  const { measures } = summarisePopulation([
    entry('omar', [
      patient('omar', 'Omar', 'Haddad'),
      ...stay('2026-03-04'),
      visit('2026-03-06', { dx: DX.schizophrenia }),
    ]),
    entry('lena', [
      patient('lena', 'Lena', 'Berg'),
      ...stay('2026-03-05'),
      visit('2026-03-20', { dx: DX.schizophrenia }),
    ]),
  ]);

  it('has one row per rate, titled with the rate, counting events', () => {
    expect(measures.map((m) => m.id)).toEqual(['fuh/7-day', 'fuh/30-day']);
    expect(measures[0]!.title).toContain('7-day rate (index events)');
  });

  it('rates 1 of 2 discharges followed up within 7 days and 2 of 2 within 30', () => {
    expect(measures[0]).toMatchObject({
      counts: { 'initial-population': 2, denominator: 2, numerator: 1 },
      performanceRate: 0.5,
    });
    expect(measures[1]).toMatchObject({ counts: { numerator: 2 }, performanceRate: 1 });
  });
});
