// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CompletenessWarning } from '../../src/app/completeness-warning.tsx';
import { LaunchErrorView } from '../../src/app/launch-error-view.tsx';
import { FETCHED_TYPES } from '../../src/fhir/fetched-types.ts';
import { RecordOverview } from '../../src/app/record-overview.tsx';
import { AppHeader, clockTime } from '../../src/app/app-header.tsx';
import type { PatientRecord } from '../../src/engine/index.ts';
import type { RecordState } from '../../src/fhir/record-state.ts';
import { LaunchError } from '../../src/smart/launch-error.ts';

afterEach(cleanup);

const james: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'james',
  name: [{ given: ['James'], family: 'Okafor' }],
  gender: 'male',
  birthDate: '1971-06-01',
};
const summary = { name: 'James Okafor', age: 54, birthDate: '1971-06-01', sex: 'Male' };

/** James's record: conditions read, Observation not granted, Procedure partly read, Encounter loading. */
const record: PatientRecord = {
  patient: james,
  resources: {
    Condition: [{ resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/james' } } as fhir4.Condition],
    Procedure: [
      {
        resourceType: 'Procedure',
        id: 'p1',
        status: 'completed',
        subject: { reference: 'Patient/james' },
      } as fhir4.Procedure,
    ],
  },
  completeness: {
    Condition: { status: 'complete' },
    Observation: { status: 'missing', reason: 'scope patient/Observation.rs not granted' },
    Procedure: { status: 'partial', reason: 'Procedure could only partly be read (HTTP 500)' },
    Encounter: { status: 'missing', reason: 'still loading' },
  },
};

describe('completeness warning', () => {
  it('names each missing or partial type with its reason, but not types still loading', () => {
    render(<CompletenessWarning record={record} />);
    expect(screen.getByTestId('completeness-Observation').textContent).toMatch(
      /not available: scope patient\/Observation.rs not granted/,
    );
    expect(screen.getByTestId('completeness-Procedure').getAttribute('data-status')).toBe('partial');
    expect(screen.queryByTestId('completeness-Encounter')).toBeNull();
    expect(screen.getByTestId('completeness-warning').textContent).toMatch(/shown as unknown/);
  });

  it('says nothing when every type was read', () => {
    const complete: PatientRecord = {
      patient: james,
      resources: {},
      completeness: Object.fromEntries(FETCHED_TYPES.map((t) => [t, { status: 'complete' as const }])),
    };
    render(<CompletenessWarning record={complete} />);
    expect(screen.queryByTestId('completeness-warning')).toBeNull();
  });
});

describe('record overview', () => {
  it('shows identity and a count per type, with loading types marked', () => {
    render(<RecordOverview summary={summary} record={record} loadingTypes={['Encounter']} />);
    expect(screen.getByTestId('patient-name').textContent).toBe('James Okafor');
    expect(screen.getByTestId('patient-age').textContent).toBe('54');
    expect(screen.getByTestId('patient-sex').textContent).toBe('Male');
    expect(screen.getByTestId('count-Condition').textContent).toBe('1');
    expect(screen.getByTestId('count-Observation').getAttribute('data-status')).toBe('missing');
    expect(screen.getByTestId('count-Encounter').getAttribute('data-status')).toBe('loading');
  });

  it('renders FHIR strings as text, never as HTML', () => {
    render(
      <RecordOverview
        summary={{ ...summary, name: '<img src=x onerror=alert(1)>' }}
        record={record}
        loadingTypes={[]}
      />,
    );
    expect(screen.getByTestId('patient-name').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('header', () => {
  const state = (over: Partial<RecordState>): RecordState => ({
    loadingTypes: [],
    refreshing: false,
    progress: { done: 8, total: 8 },
    refetch: async () => {},
    warnings: {},
    ...over,
  });

  it('shows when the record was fetched and hides the banner when the EHR shows its own', () => {
    const fetchedAt = new Date(2026, 2, 2, 9, 5);
    render(<AppHeader summary={summary} showBanner={false} recordState={state({ fetchedAt })} />);
    expect(screen.getByTestId('record-fetched').textContent).toBe(`Record fetched ${clockTime(fetchedAt)}`);
    expect(clockTime(fetchedAt)).toBe('09:05');
    expect(screen.queryByTestId('patient-banner')).toBeNull();
  });

  it('shows the compact banner when asked, and progress while loading', () => {
    render(<AppHeader summary={summary} showBanner recordState={state({ progress: { done: 3, total: 8 } })} />);
    expect(screen.getByTestId('patient-banner').textContent).toMatch(/James Okafor.*Male.*54 y/);
    expect(screen.getByTestId('record-progress').textContent).toMatch(/3 of 8/);
  });
});

describe('launch error view', () => {
  it('tells the clinician what happened and what to do next', () => {
    render(
      <LaunchErrorView
        error={new LaunchError('token-expired', undefined, { launch: { mode: 'ehr', view: 'patient' } })}
      />,
    );
    const el = screen.getByRole('alert');
    expect(el.getAttribute('data-kind')).toBe('token-expired');
    expect(el.textContent).toMatch(/session has expired.*Launch CareGap Panel again from the chart/);
  });
});
