/**
 * The population view's data source against the sandbox (msw): with a practitioner's user/ scopes
 * and a server offering Group $export, one export yields every member's record, and each record
 * evaluates exactly as the per-patient searches' record does; without $export, with a grant that
 * does not cover population-level reads, or when the export fails, it falls back to per-patient
 * searches and says why. Types the token cannot read stay `missing` (so results are "unknown").
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../launch/sandbox/sandbox.ts';
import { evaluatePatient } from '../../../src/engine/index.ts';
import { fetchGroupMembers } from '../../../src/features/population/population-members.ts';
import { choosePopulationSource } from '../../../src/features/population/population-source.ts';
import { fetchPatientRecord } from '../../../src/fhir/fetch-patient-record.ts';
import { clientForToken } from '../../../src/smart/node-client.ts';
import { parseGrantedScopes, requestedScopes } from '../../../src/smart/scopes.ts';
import type { PopulationSession } from '../../../src/smart/session.ts';

const ORIGIN = 'http://localhost:59998';
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
let sandbox: Sandbox;
const server = setupServer(http.all(`${ORIGIN}/*`, ({ request }) => sandbox.handle(request)));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(
  opts: Partial<SandboxOptions> = {},
  scope = requestedScopes('ehr', 'v2', 'population'),
  denyScopes?: string[],
): PopulationSession {
  sandbox = createSandbox({
    origin: ORIGIN,
    seed: 42,
    patientCount: 6,
    anchorDate: '2026-03-02',
    exportDurationMs: 0,
    ...opts,
  });
  const token = sandbox.issueToken({ scope, ...(denyScopes ? { faults: { denyScopes } } : {}) });
  return {
    client: clientForToken(sandbox.fhirBase, token),
    granted: parseGrantedScopes(token.scope),
    fhirBase: sandbox.fhirBase,
  };
}

async function source(session: PopulationSession) {
  const members = await fetchGroupMembers(session.client, 'attributed');
  return {
    members,
    chosen: await choosePopulationSource(session, members, 'attributed', new AbortController().signal),
  };
}

describe('population data source', () => {
  it('reads every member from one Group $export, and each record evaluates as the per-patient record does', async () => {
    const session = setup();
    const { members, chosen } = await source(session);
    expect(chosen.kind).toBe('bulk-export');
    expect(chosen.patientIds).toEqual(members.patientIds);
    expect(sandbox.bulkActivity()).toMatchObject({ kickoffs: 1, cancelled: 1, clients: ['caregap-panel'] });
    for (const id of members.patientIds) {
      const bulk = await chosen.load(id, new AbortController().signal);
      const searched = (await fetchPatientRecord(session.client, session.granted, { patientId: id })).record;
      expect(bulk.completeness, id).toEqual(searched.completeness);
      for (const [type, list] of Object.entries(searched.resources)) {
        expect(new Set((bulk.resources[type] ?? []).map((r) => r.id)), `${id} ${type}`).toEqual(
          new Set(list!.map((r) => r.id)),
        );
      }
      const options = { period: PERIOD, asOf: '2026-03-02' };
      expect(
        evaluatePatient(bulk, options).measures.map((m) => [m.id, m.status, m.populations]),
        id,
      ).toEqual(evaluatePatient(searched, options).measures.map((m) => [m.id, m.status, m.populations]));
    }
    // each record is handed out once (the run keeps evaluations, not records)
    await expect(chosen.load(members.patientIds[0]!, new AbortController().signal)).rejects.toThrow(
      /not in the Bulk Data export/,
    );
  });

  it('leaves a type the token cannot read missing, with the scope named', async () => {
    const session = setup({}, requestedScopes('ehr', 'v2', 'population'), ['Observation']);
    const { chosen } = await source(session);
    expect(chosen.kind).toBe('bulk-export');
    const record = await chosen.load('screen-due', new AbortController().signal);
    expect(record.resources.Observation).toBeUndefined();
    // the same words as the per-patient path's (src/fhir/fetch-resource-type.ts)
    const searched = (await fetchPatientRecord(session.client, session.granted, { patientId: 'screen-due' })).record;
    expect(record.completeness.Observation).toEqual(searched.completeness.Observation);
    expect(record.completeness.Observation).toMatchObject({
      status: 'missing',
      reason: expect.stringMatching(/Observation\.rs not granted/),
    });
    expect(record.completeness.Encounter).toEqual({ status: 'complete' });
  });

  it('falls back to per-patient searches when the server offers no $export', async () => {
    const { chosen } = await source(setup({ bulkExport: false }));
    expect(chosen).toMatchObject({ kind: 'per-patient', note: 'the server does not offer Group $export' });
    expect((await chosen.load('screen-due', new AbortController().signal)).patient.id).toBe('screen-due');
  });

  it('falls back when the grant does not allow a population-level read of every type', async () => {
    const scope =
      'openid fhirUser launch user/Patient.rs user/Group.rs user/Encounter.rs user/Observation.rs?category=laboratory';
    const { chosen } = await source(setup({}, scope));
    expect(chosen).toMatchObject({
      kind: 'per-patient',
      note: 'the grant does not allow a population-level read of every type',
    });
    expect(sandbox.bulkActivity().kickoffs).toBe(0);
  });

  it('falls back, saying why, when the export fails', async () => {
    const { chosen } = await source(setup({ bulkFaults: { failJobs: true } }));
    expect(chosen.kind).toBe('per-patient');
    expect(chosen.note).toMatch(/the Bulk Data export failed \(status request failed: HTTP 500: Injected fault/);
  });
});
