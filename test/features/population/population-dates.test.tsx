// @vitest-environment jsdom
/**
 * One date format for people in the population view, the panel's ("3 Dec 2026",
 * care-panel/display-date.ts): the period line, each row's and each opened patient's birth date,
 * the monthly chart's sentence, legend and table; the search box finds a patient by the date as
 * shown and as typed from a chart. The exports stay ISO (they are for machines).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MonthlyClosureSeries, PatientIdentity } from '../../../src/engine/index.ts';
import { identityLine, mrnText } from '../../../src/features/population/identity-line.ts';
import { closureSentence, MonthlyClosureChart } from '../../../src/features/population/monthly-closure-chart.tsx';
import { populationCsv, populationWorklistCsv } from '../../../src/features/population/population-export.ts';
import { filterEntries } from '../../../src/features/population/population-table-model.ts';
import { periodLine } from '../../../src/features/population/population-view.tsx';
import { cms2, entry, gap } from './fixtures.ts';

afterEach(cleanup);

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

const marcus: PatientIdentity = {
  patient: 'Patient/marcus',
  name: 'Marcus Bell',
  birthDate: '1961-03-14',
  mrn: '7781',
  clinician: { reference: 'Practitioner/dr-rivera', display: 'Dr. Ana Rivera', source: 'general-practitioner' },
};

describe('dates in the population view', () => {
  it('writes the period and as-of day as the panel does', () => {
    const line = periodLine('Attributed patients', { start: '2026-01-01', end: '2026-12-31' }, '2026-12-03');
    expect(line).toBe('Attributed patients · measurement period 1 Jan 2026 – 31 Dec 2026 · as of 3 Dec 2026');
    expect(periodLine(undefined, { start: '2026-01-01', end: '2026-12-31' }, '2026-03-02')).toBe(
      'measurement period 1 Jan 2026 – 31 Dec 2026 · as of 2 Mar 2026',
    );
  });

  it('writes a row’s and an opened patient’s birth date as "14 Mar 1961"; a year-only one as "1979"', () => {
    expect(identityLine(marcus)).toBe('b. 14 Mar 1961 · MRN 7781');
    expect(identityLine(marcus, { clinician: true })).toBe('b. 14 Mar 1961 · MRN 7781 · Dr. Ana Rivera');
    expect(identityLine({ ...marcus, birthDate: '1979', mrn: 'MRN-0042' })).toBe('b. 1979 · MRN-0042');
    expect(identityLine(undefined)).toBe('');
    expect(mrnText(undefined)).toBeUndefined();
  });

  it('finds a patient by the birth date as shown and as typed from a chart', () => {
    const rows = [
      { ...entry('marcus', 'Marcus Bell', { measures: [cms2('not-met')] }), identity: marcus },
      entry('henry', 'Henry Lindqvist', { measures: [cms2('met')] }),
    ];
    expect(filterEntries(rows, { text: '14 Mar 1961' }).map((e) => e.patientId)).toEqual(['marcus']);
    expect(filterEntries(rows, { text: '1961-03-14' }).map((e) => e.patientId)).toEqual(['marcus']);
    // a query without a digit does not search the month names of birth dates ("ar" is not "Mar")
    expect(filterEntries(rows, { text: 'mar' }).map((e) => e.patientId)).toEqual(['marcus']);
    expect(filterEntries(rows, { text: 'ar' }).map((e) => e.patientId)).toEqual(['marcus']);
    expect(filterEntries([{ ...rows[1]!, identity: { ...marcus, patient: 'Patient/henry' } }], { text: 'ar' })).toEqual(
      [],
    );
  });

  const series: MonthlyClosureSeries = {
    id: 'cms2',
    title: 'Depression screening',
    scored: 10,
    previousScored: 8,
    points: [
      {
        month: '2026-01',
        closed: 2,
        closedInMonth: 2,
        rate: 0.2,
        previousMonth: '2025-01',
        previousClosed: 1,
        previousRate: 0.125,
      },
      {
        month: '2026-02',
        closed: 3,
        closedInMonth: 1,
        rate: 0.3,
        previousMonth: '2025-02',
        previousClosed: 2,
        previousRate: 0.25,
      },
      {
        month: '2026-03',
        closed: 5,
        closedInMonth: 2,
        rate: 0.5,
        previousMonth: '2025-03',
        previousClosed: 4,
        previousRate: 0.5,
      },
    ],
  };

  it('says in the monthly chart’s sentence, legend and table "2 Mar 2026" and "Mar 2025", never an ISO date', () => {
    expect(closureSentence(series, 'Depression screening', '2026-03-02')).toBe(
      'Depression screening: 50% closed by 2 Mar 2026 (5 of 10 eligible patients), against 50% by the end of Mar 2025 (4 of 8).',
    );
    render(<MonthlyClosureChart series={[series]} asOf="2026-03-02" />);
    const chart = screen.getByTestId('monthly-closure');
    expect(chart.textContent).toContain('this period (to 2 Mar 2026)');
    const firstRow = within(screen.getByTestId('monthly-table')).getAllByRole('row')[1]!;
    expect(firstRow.textContent).toMatch(/^Jan 2026.*Jan 2025/);
    expect(chart.textContent).not.toMatch(ISO_DAY);
    expect(chart.querySelector('svg')?.getAttribute('aria-label')).not.toMatch(ISO_DAY);
  });

  it('keeps ISO dates in the CSV exports (for machines)', () => {
    const rows = [
      {
        ...entry('marcus', 'Marcus Bell', {
          measures: [cms2('not-met')],
          gaps: [{ ...gap('cms2', 'open'), due: '2026-12-31' }],
        }),
        identity: marcus,
      },
    ];
    expect(populationCsv(rows)).toContain('1961-03-14');
    expect(populationCsv(rows)).not.toContain('14 Mar 1961');
    expect(populationWorklistCsv(rows)).toContain('2026-12-31');
  });
});
