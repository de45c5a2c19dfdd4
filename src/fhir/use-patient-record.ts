/**
 * React hook combining the per-type queries into one RecordState. All queries start in the first
 * render (one wave, in parallel); the record appears as soon as the Patient is read and fills in
 * type by type.
 */
import { useCallback, useMemo } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TypeCompleteness } from '../engine/index.ts';
import { FETCHED_TYPES } from './fetched-types.ts';
import { patientQueryOptions, type RecordSource, recordKeys, resourceTypeQueryOptions } from './record-queries.ts';
import { type RecordState, STILL_LOADING } from './record-state.ts';
import { PatientMismatchError } from './patient-identity.ts';

/** The patient's record for a launched session (see {@link RecordState}). */
export function usePatientRecord(source: RecordSource): RecordState {
  const queryClient = useQueryClient();
  // Both hooks subscribe in the same render, so every request starts in the first wave.
  const patientQuery = useQuery(patientQueryOptions(source));
  const typeQueries = useQueries({ queries: FETCHED_TYPES.map((t) => resourceTypeQueryOptions(source, t)) });

  const refetch = useCallback(
    () => queryClient.refetchQueries({ queryKey: recordKeys.all(source), type: 'active' }),
    [queryClient, source.fhirBase, source.patientId],
  );

  const patient = patientQuery.data;
  const typeData = typeQueries.map((q) => q.data);
  const typeErrors = typeQueries.map((q) => q.error);
  const record = useMemo(() => {
    if (!patient) {
      return undefined;
    }
    const resources: Record<string, fhir4.Resource[]> = {};
    const completeness: Record<string, TypeCompleteness> = {};
    FETCHED_TYPES.forEach((type, i) => {
      const data = typeData[i];
      const error = typeErrors[i];
      if (data) {
        resources[type] = data.resources;
        completeness[type] = data.completeness;
      } else if (error) {
        completeness[type] = { status: 'missing', reason: `${type} could not be read (${(error as Error).message})` };
      } else {
        completeness[type] = { status: 'missing', reason: STILL_LOADING };
      }
    });
    return { patient, resources, completeness };
    // typeData/typeErrors are fresh arrays each render; their members are stable query results.
  }, [patient, ...typeData, ...typeErrors]);

  const all: Array<{ isPending: boolean; isFetching: boolean; error: unknown; dataUpdatedAt: number }> = [
    patientQuery,
    ...typeQueries,
  ];
  const loadingTypes = FETCHED_TYPES.filter((_, i) => typeQueries[i]?.isPending);
  const done = all.filter((q) => !q.isPending).length;
  // Errors that void the whole record: the session ended (401), or the server answered with
  // another patient's data (then nothing of this record may be shown or written).
  const mismatch = all.find((q) => q.error instanceof PatientMismatchError)?.error;
  const sessionError = mismatch ?? all.find((q) => (q.error as { status?: unknown } | null)?.status === 401)?.error;
  const error = sessionError ?? patientQuery.error ?? undefined;
  const lastUpdated = Math.max(...all.map((q) => q.dataUpdatedAt));
  const warnings: Record<string, string[]> = {};
  for (const d of typeData) {
    if (d && d.warnings.length) {
      warnings[d.type] = d.warnings;
    }
  }

  return {
    ...(record ? { record } : {}),
    loadingTypes,
    refreshing: all.some((q) => q.isFetching),
    ...(loadingTypes.length === 0 && lastUpdated > 0 ? { fetchedAt: new Date(lastUpdated) } : {}),
    progress: { done, total: all.length },
    refetch,
    ...(error ? { error } : {}),
    warnings,
  };
}
