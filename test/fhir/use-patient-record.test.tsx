// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../src/app/query-client.ts';
import { FETCHED_TYPES } from '../../src/fhir/fetched-types.ts';
import { usePatientRecord } from '../../src/fhir/use-patient-record.ts';
import { parseGrantedScopes } from '../../src/smart/scopes.ts';
import { clientFor, sandboxHarness, type TokenOptions } from './sandbox-harness.ts';

const h = sandboxHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  h.server.resetHandlers();
});
afterAll(() => h.server.close());

/** Renders the hook for a freshly launched session on the sandbox. */
function renderRecord(patient: string, token: Partial<TokenOptions> = {}) {
  const { client, scope } = clientFor(h.sandbox, patient, token);
  const source = { client, patientId: patient, fhirBase: client.state.serverUrl, granted: parseGrantedScopes(scope) };
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(() => usePatientRecord(source), { wrapper });
}

describe('usePatientRecord', () => {
  it('starts with every type loading, then holds the full record with a fetch time', async () => {
    const id = h.sandbox.patients().find((p) => !p.label && (h.sandbox.countsFor(p.id).Observation ?? 0) > 0)!.id;
    const { result } = renderRecord(id);
    expect(result.current.record).toBeUndefined();
    expect(result.current.loadingTypes).toEqual([...FETCHED_TYPES]);
    expect(result.current.progress).toEqual({ done: 0, total: FETCHED_TYPES.length + 1 });
    await waitFor(() => expect(result.current.loadingTypes).toEqual([]));
    const { record, fetchedAt, progress } = result.current;
    expect(record?.patient.id).toBe(id);
    expect(record?.resources.Observation?.length).toBe(h.sandbox.countsFor(id).Observation);
    expect(record?.completeness.Encounter).toEqual({ status: 'complete' });
    expect(fetchedAt).toBeInstanceOf(Date);
    expect(progress.done).toBe(progress.total);
  });

  it('refetches every type on demand and keeps the record meanwhile', async () => {
    const { result } = renderRecord('empty');
    await waitFor(() => expect(result.current.loadingTypes).toEqual([]));
    const before = h.requests.length;
    await result.current.refetch();
    await waitFor(() => expect(result.current.refreshing).toBe(false));
    expect(h.requests.length - before).toBe(FETCHED_TYPES.length + 1);
    expect(result.current.record?.patient.id).toBe('empty');
  });

  it('reports the session as over (401) when the token has expired', async () => {
    const { result } = renderRecord('empty', { lifetimeSec: -1 });
    await waitFor(() => expect(result.current.error).toBeDefined());
    expect((result.current.error as { status?: number }).status).toBe(401);
  });
});
