/**
 * The population's records from one FHIR Bulk Data `Group/[id]/$export` (Bulk Data Access IG
 * 2.0.0, which allows user-level export: the practitioner's `user/` read scopes authorize it)
 * instead of a dozen searches per patient: kick-off, status polling, the ndjson files (count checked
 * against the manifest, 429/5xx retried), resources grouped by patient into the engine's records.
 * Exported types are complete; types the token cannot read are missing (the engine says
 * "unknown"); when the server reports errors in the export, every exported type is partial.
 */
import type { PatientRecord, TypeCompleteness } from '../../engine/index.ts';
import { FETCHED_TYPES } from '../../fhir/fetched-types.ts';
import { BulkExportError, type BulkManifest, type ManifestFile } from '../../fhir/bulk-export/bulk-manifest.ts';
import { outcomeOf, type BulkResponse } from '../../fhir/bulk-export/bulk-responses.ts';
import { exportKickoffUrl } from '../../fhir/bulk-export/kickoff-url.ts';
import { pollDelayMs } from '../../fhir/bulk-export/poll-delay.ts';
import {
  cancelExport,
  startExport,
  waitForManifest,
  type BulkEvent,
  type BulkTransport,
} from '../../fhir/bulk-export/run-bulk-export.ts';
import { operationOutcomeText, parseRetryAfter } from '../../fhir/fhir-http-error.ts';
import type { GrantedScopes } from '../../smart/scopes.ts';
import { sleep } from '../../fhir/retry-policy.ts';
import { patientIdOfReference } from './population-members.ts';

/** Attempts per file before the export is given up (and the view falls back to searches). */
const FILE_ATTEMPTS = 4;

/** Elements naming the patient a resource belongs to, tried in order. */
const PATIENT_ELEMENTS = ['subject', 'patient', 'beneficiary'] as const;

/**
 * The types to export when the grant allows a user-level (or system) read of each, unrestricted:
 * the Patient plus every fetched type the token can read at all; undefined when some readable type
 * is only readable per patient or through a granular query (then per-patient searches apply).
 */
export function bulkExportTypes(granted: GrantedScopes): string[] | undefined {
  const readable = ['Patient', ...FETCHED_TYPES.filter((t) => granted.canRead(t))];
  const population = (type: string) =>
    granted.resourceScopes.some(
      (s) =>
        s.context !== 'patient' && (s.type === type || s.type === '*') && s.permissions.includes('r') && s.query === '',
    );
  return readable.every(population) ? readable : undefined;
}

/** Whether a CapabilityStatement offers `Group/[id]/$export`. */
export function offersGroupExport(cs: fhir4.CapabilityStatement | undefined): boolean {
  return Boolean(
    cs?.rest?.some((r) =>
      r.resource?.some(
        (x) =>
          x.type === 'Group' &&
          x.operation?.some((o) => o.name === 'export' || /\/group-export$/.test(o.definition ?? '')),
      ),
    ),
  );
}

/** The patient a resource belongs to. */
function patientOf(r: fhir4.Resource): string | undefined {
  if (r.resourceType === 'Patient') {
    return r.id;
  }
  const o = r as unknown as Record<string, { reference?: string } | undefined>;
  for (const el of PATIENT_ELEMENTS) {
    const id = patientIdOfReference(o[el]?.reference);
    if (id) {
      return id;
    }
  }
  return undefined;
}

/** One file's resources: retried on 429/5xx/short bodies, checked against `count`. */
async function downloadNdjson(t: BulkTransport, file: ManifestFile, signal?: AbortSignal): Promise<fhir4.Resource[]> {
  let problem = '';
  for (let attempt = 1; attempt <= FILE_ATTEMPTS; attempt++) {
    let res: BulkResponse;
    try {
      res = await t.send({
        method: 'GET',
        url: file.url,
        headers: { Accept: 'application/fhir+ndjson' },
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if ((e as { name?: string }).name === 'AbortError' || e instanceof BulkExportError) {
        throw e;
      }
      problem = (e as Error).message;
      await sleep(pollDelayMs(undefined, attempt), signal);
      continue;
    }
    if (res.status === 429 || res.status >= 500) {
      problem = `HTTP ${res.status}`;
      await sleep(pollDelayMs(parseRetryAfter(res.headers.get('Retry-After'), Date.now()), attempt), signal);
      continue;
    }
    if (res.status !== 200) {
      const outcome = outcomeOf(res.body);
      throw new BulkExportError(
        `file ${file.type}: HTTP ${res.status}${outcome ? `: ${operationOutcomeText(outcome)}` : ''}`,
        res.status,
      );
    }
    const resources = res.body
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as fhir4.Resource);
    if (file.count === undefined || resources.length === file.count) {
      return resources;
    }
    problem = `${resources.length} of ${file.count} resources`;
  }
  throw new BulkExportError(`file ${file.type} could not be downloaded (${problem})`);
}

/** The records of an export, handed out once each (then forgotten, to free memory). */
export interface ExportedRecords {
  /** Patients in the export, in the Patient files' order. */
  patientIds: string[];
  /** The record of a patient (undefined if not in the export); removed from memory when taken. */
  take(patientId: string): PatientRecord | undefined;
}

/** Builds records: one per Patient, the exported types complete (or partial), the rest missing. */
export function recordsFromExport(
  resources: Iterable<fhir4.Resource>,
  exported: readonly string[],
  granted: GrantedScopes,
  problems: readonly string[],
): ExportedRecords {
  const byPatient = new Map<string, { patient?: fhir4.Patient; resources: Record<string, fhir4.Resource[]> }>();
  const order: string[] = [];
  for (const r of resources) {
    const id = patientOf(r);
    if (!id) {
      continue;
    } // Practitioner, Organization, …: not part of a patient's record
    let entry = byPatient.get(id);
    if (!entry) {
      byPatient.set(id, (entry = { resources: {} }));
    }
    if (r.resourceType === 'Patient') {
      entry.patient = r as fhir4.Patient;
      order.push(id);
    } else {
      (entry.resources[r.resourceType] ??= []).push(r);
    }
  }
  const completeness: Record<string, TypeCompleteness> = {};
  for (const type of FETCHED_TYPES) {
    if (!exported.includes(type)) {
      completeness[type] = { status: 'missing', reason: `scope ${granted.readScopeName(type)} not granted` };
    } else {
      completeness[type] = problems.length
        ? { status: 'partial', reason: `the Bulk Data export reported errors (${problems.slice(0, 3).join('; ')})` }
        : { status: 'complete' };
    }
  }
  return {
    patientIds: order,
    take(patientId) {
      const entry = byPatient.get(patientId);
      byPatient.delete(patientId);
      if (!entry?.patient) {
        return undefined;
      }
      return { patient: entry.patient, resources: entry.resources, completeness: { ...completeness } };
    },
  };
}

/** Options of {@link exportGroupRecords}. */
export interface GroupExportOptions {
  transport: BulkTransport;
  /** Transport for files when the manifest says they need no token (their own access control). */
  plainTransport?: BulkTransport;
  fhirBase: string;
  groupId: string;
  types: readonly string[];
  granted: GrantedScopes;
  signal?: AbortSignal;
  onEvent?: (e: BulkEvent | { kind: 'downloaded'; files: number; of: number }) => void;
}

/** Runs the Group export and returns the population's records. Throws BulkExportError. */
export async function exportGroupRecords(o: GroupExportOptions): Promise<ExportedRecords> {
  const run = { ...(o.signal ? { signal: o.signal } : {}), ...(o.onEvent ? { onEvent: o.onEvent } : {}) };
  const statusUrl = await startExport(
    o.transport,
    exportKickoffUrl(o.fhirBase, { groupId: o.groupId, types: o.types }),
    run,
  );
  let manifest: BulkManifest;
  try {
    manifest = await waitForManifest(o.transport, statusUrl, run);
  } catch (e) {
    if (o.signal?.aborted) {
      await cancelExport(o.transport, statusUrl);
    }
    throw e;
  }
  const files = manifest.requiresAccessToken ? o.transport : (o.plainTransport ?? o.transport);
  const resources: fhir4.Resource[] = [];
  const problems: string[] = [];
  let done = 0;
  for (const file of manifest.output) {
    for (const r of await downloadNdjson(files, file, o.signal)) {
      resources.push(r);
    }
    o.onEvent?.({ kind: 'downloaded', files: ++done, of: manifest.output.length });
  }
  for (const file of manifest.error) {
    for (const outcome of (await downloadNdjson(
      files,
      { type: file.type, url: file.url },
      o.signal,
    )) as fhir4.OperationOutcome[]) {
      const severe = outcome.issue?.filter((i) => i.severity === 'error' || i.severity === 'fatal') ?? [];
      if (severe.length) {
        problems.push(operationOutcomeText({ ...outcome, issue: severe }));
      }
    }
  }
  await cancelExport(o.transport, statusUrl); // done with the files: the server may delete them
  return recordsFromExport(resources, o.types, o.granted, problems);
}
