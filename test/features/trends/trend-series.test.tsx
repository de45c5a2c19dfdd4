// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { epochDay, type PatientRecord } from '../../../src/engine/index.ts';
import TrendsSection from '../../../src/features/trends/trends-section.tsx';
import { trendData } from '../../../src/features/trends/trend-series.ts';

const obs = (
  id: string,
  code: string,
  date: string,
  value: Partial<fhir4.Observation>,
  status: fhir4.Observation['status'] = 'final',
) =>
  ({
    resourceType: 'Observation',
    id,
    status,
    code: { coding: [{ system: 'http://loinc.org', code }] },
    effectiveDateTime: date,
    ...value,
  }) as fhir4.Observation;
const enc = (id: string, cls: string, start: string, end?: string) =>
  ({
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls },
    period: { start, ...(end ? { end } : {}) },
  }) as fhir4.Encounter;

/** Mr. Osei: three PHQ-9s (one entered in error), a BP panel, a string-valued HbA1c, ED visits either side of the 12-month line. */
const oseiRecord: PatientRecord = {
  patient: { resourceType: 'Patient', id: 'osei' },
  resources: {
    Observation: [
      obs('phq-1', '44261-6', '2026-01-10', { valueQuantity: { value: 18 } }),
      obs('phq-2', '44261-6', '2026-06-10', { valueInteger: 9 }),
      obs('phq-err', '44261-6', '2026-07-10', { valueInteger: 27 }, 'entered-in-error'),
      obs('bp-1', '85354-9', '2026-05-01', {
        component: [
          { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 150 } },
          { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 95 } },
        ],
      }),
      obs('a1c-1', '4548-4', '2026-04-01', { valueString: '9.4' }),
      obs('a1c-old', '4548-4', '2023-04-01', { valueQuantity: { value: 7 } }),
    ],
    Encounter: [
      enc('ed-in', 'EMER', '2025-11-04T12:00:00Z'), // first day of the 12 months as of 2026-11-04
      enc('ed-out', 'EMER', '2025-11-03T12:00:00Z'), // the day before: outside the timeline
      enc('ip-1', 'IMP', '2026-08-01', '2026-08-05'),
      enc('office', 'AMB', '2026-09-01'),
    ],
  },
  completeness: {},
};

afterEach(cleanup);

describe('trend data for Mr. Osei as of 4 Nov 2026', () => {
  const data = trendData(oseiRecord, epochDay('2026-11-04'));
  it('plots the PHQ-9 totals in date order and never one entered in error', () => {
    expect(data.phq9.map((p) => p.value)).toEqual([18, 9]);
  });
  it('reads systolic and diastolic from the BP panel components', () => {
    expect(data.systolic.map((p) => p.value)).toEqual([150]);
    expect(data.diastolic.map((p) => p.value)).toEqual([95]);
  });
  it('accepts a numeric string HbA1c and leaves out readings older than 24 months', () => {
    expect(data.hba1c.map((p) => p.value)).toEqual([9.4]);
  });
  it('keeps the ED visit on the first day of the 12-month timeline and drops the one the day before', () => {
    expect(data.encounters.map((e) => `${e.kind}:${e.reference}`)).toEqual([
      'ed:Encounter/ed-in',
      'inpatient:Encounter/ip-1',
    ]);
  });
});

describe('the trends section', () => {
  it('gives each chart a text alternative: a summary label and a table of the values', () => {
    render(<TrendsSection record={oseiRecord} asOf="2026-11-04" />);
    const phq = screen.getByTestId('chart-phq9');
    expect(phq.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'PHQ-9 total. PHQ-9: 2 values from 10 Jan 2026 to 10 Jun 2026, latest 9.',
    );
    expect(phq.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByTestId('chart-encounters').textContent).toContain(
      '1 ED visit and 1 inpatient stay in the last 12 months',
    );
    expect(screen.getByTestId('chart-bp').querySelector('svg')?.getAttribute('aria-label')).toContain(
      'Systolic: 1 value',
    );
  });
  it('labels the PHQ-9 severity bands in words, not by colour alone', () => {
    render(<TrendsSection record={oseiRecord} asOf="2026-11-04" />);
    const labels = [...screen.getByTestId('chart-phq9').querySelectorAll('.band-label')].map((t) => t.textContent);
    expect(labels).toEqual(['minimal', 'mild', 'moderate', 'moderately severe', 'severe']);
  });
});
