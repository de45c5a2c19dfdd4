/**
 * The patient's whole record without React (Node CLI, benchmarks, workers): the Patient plus every
 * fetched type, all searches issued at once, assembled into the engine's PatientRecord.
 */
import type { PatientRecord, TypeCompleteness } from '../engine/index.ts';
import type { FhirRequestClient, ReadPermissions } from './fhir-request-client.ts';
import { FETCHED_TYPES } from './fetched-types.ts';
import { fetchPatient } from './fetch-patient.ts';
import { fetchResourceType, type TypeFetchResult } from './fetch-resource-type.ts';
import type { RetryOptions } from './retry-policy.ts';
import type { ServerQuirks } from './server-quirks.ts';

/** Options for {@link fetchPatientRecord}. */
export interface FetchRecordOptions {
  /** Defaults to the client's patient context (`client.patient.id`). */
  patientId?: string;
  signal?: AbortSignal;
  retry?: RetryOptions;
  quirks?: ServerQuirks;
  pageSize?: number;
  /** Called as each type settles (progress reporting). */
  onType?: (result: TypeFetchResult) => void;
}

/** A fetched record plus the per-type warnings the UI may show. */
export interface FetchedRecord {
  record: PatientRecord;
  warnings: Record<string, string[]>;
  pages: number;
}

/** Client with an optional patient context, as fhirclient's Client has after a launch. */
type ContextClient = FhirRequestClient & { readonly patient?: { readonly id: string | null } };

/** Assembles a PatientRecord from the Patient and the settled type results. */
export function assembleRecord(patient: fhir4.Patient, results: readonly TypeFetchResult[]): PatientRecord {
  const resources: Record<string, fhir4.Resource[]> = {};
  const completeness: Record<string, TypeCompleteness> = {};
  for (const r of results) {
    resources[r.type] = r.resources;
    completeness[r.type] = r.completeness;
  }
  return { patient, resources, completeness };
}

/**
 * Fetches the Patient and every type in {@link FETCHED_TYPES} in parallel; types whose read scope
 * was not granted are recorded `missing`. Throws FhirHttpError when the Patient itself cannot be
 * read or the session ended (401).
 */
export async function fetchPatientRecord(
  client: ContextClient,
  granted: ReadPermissions,
  options: FetchRecordOptions = {},
): Promise<FetchedRecord> {
  const patientId = options.patientId ?? client.patient?.id ?? undefined;
  if (!patientId) {
    throw new Error('fetchPatientRecord: no patient in context');
  }
  const common = {
    patientId,
    permissions: granted,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.quirks ? { quirks: options.quirks } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  };
  const patientPromise = fetchPatient(client, patientId, common);
  const typePromises = FETCHED_TYPES.map((t) =>
    fetchResourceType(client, t, common).then((r) => {
      options.onType?.(r);
      return r;
    }),
  );
  const [patient, ...results] = await Promise.all([patientPromise, ...typePromises]);
  const warnings: Record<string, string[]> = {};
  for (const r of results) {
    if (r.warnings.length) {
      warnings[r.type] = r.warnings;
    }
  }
  return {
    record: assembleRecord(patient, results),
    warnings,
    pages: results.reduce((n, r) => n + r.pages, 1),
  };
}
