// @vitest-environment jsdom
/**
 * The panel lists the period follow-up measures (fuh, fum, fua, tcm) apart from the LEAD / APP Plus
 * eCQMs, as per-event rates, and not at all when the patient has no index event this period.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MeasureList } from '../../../src/features/care-panel/measure-list.tsx';
import { evaluatePatient, recordFromResources } from '../../../src/engine/index.ts';
import { DX, inpatientStay, patient, PERIOD, visit } from '../../engine/gaps/gap-fixtures.ts';

afterEach(cleanup);

const measuresOf = (resources: fhir4.Resource[]) =>
  evaluatePatient(recordFromResources(resources), { period: PERIOD, only: ['cms130', 'fuh', 'fum'] }).measures;

describe('follow-up rates in the panel', () => {
  it('shows FUH as "1 of 2 events followed up" per rate, under its own heading', () => {
    const stay = (d: string) => inpatientStay('2026-03-01', d, { principal: DX.schizophrenia, disposition: 'home' });
    const measures = measuresOf([
      patient('mo', 'Mo', 'Reyes'),
      ...stay('2026-03-04'),
      visit('2026-03-06', { dx: DX.schizophrenia }),
      ...inpatientStay('2026-07-01', '2026-07-03', { principal: DX.schizophrenia }),
    ]);
    render(<MeasureList measures={measures} resources={{}} thisYear={2026} />);
    expect(screen.getByText('Follow-up rates this period (per event)')).toBeTruthy();
    const fuh = screen.getByTestId('measure-fuh');
    expect(within(fuh).getByText(/7-day: 1 of 2 events followed up · 30-day: 1 of 2 events followed up/)).toBeTruthy();
    expect(screen.queryByTestId('measure-fum')).toBeNull();
  });

  it('has no follow-up section for a patient without index events', () => {
    render(<MeasureList measures={measuresOf([patient('nia', 'Nia', 'Lee')])} resources={{}} thisYear={2026} />);
    expect(screen.queryByText('Follow-up rates this period (per event)')).toBeNull();
    expect(screen.getByTestId('measure-cms130')).toBeTruthy();
  });
});
