/**
 * Reads the in-context Patient by id (FHIR R4 http.html#read), with the same retry policy as
 * searches. The record cannot exist without it, so failures throw FhirHttpError.
 */
import type { FhirRequestClient } from './fhir-request-client.ts';
import { FhirHttpError } from './fhir-http-error.ts';
import { assertSamePatient } from './patient-identity.ts';
import { capResourceDepth } from '../engine/index.ts';
import { type RetryOptions, withRetry } from './retry-policy.ts';

/** Options for {@link fetchPatient}. */
export interface FetchPatientOptions {
  signal?: AbortSignal;
  retry?: RetryOptions;
}

/**
 * Reads `Patient/{id}`; throws FhirHttpError when it cannot be read or is not a Patient, and
 * PatientMismatchError when the server answers with another Patient (patient-identity.ts).
 */
export async function fetchPatient(
  client: FhirRequestClient,
  patientId: string,
  options: FetchPatientOptions = {},
): Promise<fhir4.Patient> {
  const url = `Patient/${encodeURIComponent(patientId)}`;
  const read = await withRetry(
    () => client.request<fhir4.Patient>({ url, ...(options.signal ? { signal: options.signal } : {}) }),
    { ...options.retry, ...(options.signal ? { signal: options.signal } : {}) },
  );
  // cut a hostile nesting so nothing downstream overflows (the engine reports it; resource-depth.ts)
  const patient = read ? capResourceDepth(read) : read;
  if (patient?.resourceType !== 'Patient') {
    throw new FhirHttpError(200, `the server did not return a Patient for ${url}`);
  }
  assertSamePatient(patient, patientId);
  return patient;
}
