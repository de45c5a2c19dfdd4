/**
 * TanStack Query declarations for the record: one query for the Patient and one per resource
 * type (so a slow type does not hold the rest), keyed by FHIR base and patient id. Retries happen
 * inside the fetchers (per page, honouring Retry-After), so the queries themselves never retry.
 */
import { queryOptions } from '@tanstack/react-query';
import type { FhirRequestClient, ReadPermissions } from './fhir-request-client.ts';
import { fetchPatient } from './fetch-patient.ts';
import { fetchResourceType } from './fetch-resource-type.ts';

/** Where the record comes from (a SmartSession satisfies it). */
export interface RecordSource {
  client: FhirRequestClient;
  patientId: string;
  fhirBase: string;
  granted: ReadPermissions;
}

/** Query keys: everything for one patient on one server shares the prefix. */
export const recordKeys = {
  all: (source: Pick<RecordSource, 'fhirBase' | 'patientId'>) => ['fhir', source.fhirBase, source.patientId] as const,
  type: (source: Pick<RecordSource, 'fhirBase' | 'patientId'>, type: string) =>
    [...recordKeys.all(source), type] as const,
};

/** The record stays fresh for the visit; the clinician refreshes explicitly or after a write-back. */
const RECORD_STALE_MS = 30 * 60_000;

/** Query for the in-context Patient. */
export function patientQueryOptions(source: RecordSource) {
  return queryOptions({
    queryKey: recordKeys.type(source, 'Patient'),
    queryFn: ({ signal }) => fetchPatient(source.client, source.patientId, { signal }),
    retry: false,
    staleTime: RECORD_STALE_MS,
  });
}

/** Query for every resource of one type (never rejects for HTTP failures except 401). */
export function resourceTypeQueryOptions(source: RecordSource, type: string) {
  return queryOptions({
    queryKey: recordKeys.type(source, type),
    queryFn: ({ signal }) =>
      fetchResourceType(source.client, type, { patientId: source.patientId, permissions: source.granted, signal }),
    retry: false,
    staleTime: RECORD_STALE_MS,
  });
}
