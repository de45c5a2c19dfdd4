// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type Client from 'fhirclient/lib/Client';
import { CarePanel } from '../../../src/features/care-panel/care-panel.tsx';
import type { RecordState } from '../../../src/fhir/record-state.ts';
import { sessionFromClient } from '../../../src/smart/session.ts';
import { riveraRecord } from '../panel-fixtures.ts';

afterEach(cleanup);

/** A patient session over a client that is never asked for anything (the panel only reads). */
const session = sessionFromClient({
  patient: { id: riveraRecord.patient.id },
  encounter: { id: null },
  state: {
    serverUrl: 'https://ehr.example.org/fhir',
    scope: 'openid',
    tokenResponse: { scope: 'patient/*.rs', patient: riveraRecord.patient.id },
  },
  getFhirUser: () => 'Practitioner/dr-rivera',
  request: async () => ({}),
  refreshIfNeeded: async () => ({}),
} as unknown as Client);

const fetchedAt = new Date(2026, 2, 2, 9, 5);
const recordState: RecordState = {
  record: riveraRecord,
  loadingTypes: [],
  refreshing: false,
  fetchedAt,
  progress: { done: 1, total: 1 },
  refetch: async () => {},
  warnings: {},
};

describe('CarePanel: when the record was fetched', () => {
  it('says it in the panel header by default (the population view opens the panel without the app header)', async () => {
    render(<CarePanel session={session} recordState={recordState} />);
    expect((await screen.findByText(/record fetched 09:05/, undefined, { timeout: 15_000 })).textContent).toContain(
      'record fetched 09:05',
    );
  }, 20_000);
  it('leaves it to the app header when told to (the patient launch shows it beside Refresh)', async () => {
    render(<CarePanel session={session} recordState={recordState} showFetchedAt={false} />);
    const header = await screen.findByTestId('panel-header', undefined, { timeout: 15_000 });
    expect(header.textContent).toContain('Measurement period');
    expect(screen.queryByText(/record fetched/)).toBeNull();
  }, 20_000);
});
