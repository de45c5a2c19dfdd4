/**
 * Which patient a resource read by the CLI belongs to: a Patient by its id, any other resource by
 * the Patient it references (`subject`, `patient`, `beneficiary`; relative, absolute or Bundle
 * `urn:uuid:` references). Resources that reference no patient (Organization, Practitioner, …) are
 * not part of any patient's record. Grouping itself is streamed (patient-shards.ts); the same
 * `Type/id` seen twice is one resource, the last copy read wins (evaluate-batch.ts).
 */
import type { LocatedResource } from './read-inputs.ts';

/** Elements that point at the patient a resource is about, in the order they are tried. */
export const PATIENT_REFERENCE_ELEMENTS: readonly string[] = ['subject', 'patient', 'beneficiary'];

/** The patient id a reference string denotes, or undefined when it is not a Patient reference. */
export function patientIdOfReference(ref: string, fullUrls?: ReadonlyMap<string, string>): string | undefined {
  const resolved = fullUrls?.get(ref) ?? ref;
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(resolved);
  return m?.[1];
}

/** The patient a resource belongs to, or undefined. */
export function patientIdOf(located: LocatedResource): string | undefined {
  const r = located.resource as unknown as Record<string, unknown>;
  if (r.resourceType === 'Patient') return typeof r.id === 'string' ? r.id : undefined;
  for (const el of PATIENT_REFERENCE_ELEMENTS) {
    const ref = (r[el] as { reference?: unknown } | undefined)?.reference;
    if (typeof ref === 'string') {
      const id = patientIdOfReference(ref, located.fullUrls);
      if (id) return id;
    }
  }
  return undefined;
}
