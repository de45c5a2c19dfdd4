/**
 * Where the population view gets each patient's record: one Bulk Data `Group/[id]/$export` when
 * the server offers it (CapabilityStatement) to this token (user/ read scopes for every type), or
 * else per-patient searches, 4 patients at a time. A failed export (refused, unsupported, a file
 * that cannot be read) falls back to the searches too, and says why.
 */
import type { PatientRecord } from '../../engine/index.ts';
import { BulkExportError } from '../../fhir/bulk-export/bulk-manifest.ts';
import type { BulkTransport } from '../../fhir/bulk-export/run-bulk-export.ts';
import { SessionTransport } from '../../fhir/bulk-export/session-transport.ts';
import { fetchPatientRecord } from '../../fhir/fetch-patient-record.ts';
import { isAbort } from '../../fhir/retry-policy.ts';
import type { PopulationSession } from '../../smart/session.ts';
import { bulkExportTypes, exportGroupRecords, offersGroupExport } from './bulk-population.ts';
import type { PopulationMembers } from './population-members.ts';

/** How the run reads records, and why. */
export interface PopulationSource {
  kind: 'bulk-export' | 'per-patient';
  /** Why per-patient searches are used (no $export offered, not allowed, or the export failed). */
  note?: string;
  /** Patients to evaluate (the members, in the Group's order). */
  patientIds: readonly string[];
  load(patientId: string, signal: AbortSignal): Promise<PatientRecord>;
}

/** Files whose manifest says they need no token: fetched without it (any origin). */
const plainTransport: BulkTransport = {
  async send(r) {
    const res = await fetch(r.url, { method: r.method, headers: r.headers, ...(r.signal ? { signal: r.signal } : {}) });
    return { status: res.status, headers: res.headers, body: await res.text() };
  },
};

/** Per-patient searches (the fallback, and the only path without a Group). */
function perPatient(session: PopulationSession, members: PopulationMembers, note?: string): PopulationSource {
  return {
    kind: 'per-patient',
    ...(note ? { note } : {}),
    patientIds: members.patientIds,
    load: async (id, signal) =>
      (await fetchPatientRecord(session.client, session.granted, { patientId: id, signal })).record,
  };
}

/** Chooses the source for a run (may run the whole export before returning). Abort propagates. */
export async function choosePopulationSource(
  session: PopulationSession,
  members: PopulationMembers,
  groupId: string,
  signal: AbortSignal,
): Promise<PopulationSource> {
  if (members.source !== 'group') {
    return perPatient(session, members);
  }
  const types = bulkExportTypes(session.granted);
  if (!types) {
    return perPatient(session, members, 'the grant does not allow a population-level read of every type');
  }
  try {
    const cs = await session.client.request<fhir4.CapabilityStatement>({ url: 'metadata', signal });
    if (!offersGroupExport(cs)) {
      return perPatient(session, members, 'the server does not offer Group $export');
    }
    const records = await exportGroupRecords({
      transport: new SessionTransport(session.client),
      plainTransport,
      fhirBase: session.fhirBase,
      groupId,
      types,
      granted: session.granted,
      signal,
    });
    return {
      kind: 'bulk-export',
      // the app's member list and order (membership periods applied); a member the export lacks shows as an error row
      patientIds: members.patientIds,
      async load(id) {
        const record = records.take(id);
        if (!record) {
          throw new Error(`Patient/${id} is not in the Bulk Data export`);
        }
        return record;
      },
    };
  } catch (e) {
    if (isAbort(e) || signal.aborted) {
      throw e;
    }
    return perPatient(
      session,
      members,
      `the Bulk Data export failed (${e instanceof BulkExportError ? e.message : (e as Error).message}); reading patient by patient`,
    );
  }
}
