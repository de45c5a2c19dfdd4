/**
 * The patient record the engine evaluates: resources grouped by type, plus how complete each
 * type is. The fetcher (src/fhir) builds it from a live EHR; the CLI builds it from files.
 */
import { ResourceKeys } from './input/resource-keys.ts';

/** Resource types the record can hold. The fetcher requests the ones the measures need. */
export const RECORD_TYPES = [
  'Condition',
  'Encounter',
  'Observation',
  'Procedure',
  'ServiceRequest',
  'MedicationRequest',
  'QuestionnaireResponse',
  'Coverage',
  'DiagnosticReport',
  'DeviceRequest',
  'ImagingStudy',
  'AllergyIntolerance',
] as const;

/**
 * Resource types without a patient of their own that the rules read through a reference from the
 * patient's resources: a MedicationRequest's `medicationReference` (CQL `[MedicationRequest: vs]`
 * retrieves by the referenced Medication's code). Readers that assemble records from shared
 * resources (the CLI) hand a patient the ones it references of these types and of
 * {@link RECORD_TYPES}; Practitioner, Organization or Location are read by no rule.
 */
export const REFERENCED_TYPES = ['Medication'] as const;

/** One of {@link RECORD_TYPES}. */
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * How much of one resource type the record holds:
 * `complete` every page was read; `partial` some page failed (what is there is real, but more may
 * exist); `missing` nothing could be read (not granted, or every attempt failed).
 */
export type Completeness = 'complete' | 'partial' | 'missing';

/** Completeness of one resource type with the reason when it is not complete. */
export interface TypeCompleteness {
  status: Completeness;
  /** Human-readable reason, e.g. "scope patient/Observation.rs not granted". */
  reason?: string;
}

/** A patient's record as the engine sees it. */
export interface PatientRecord {
  patient: fhir4.Patient;
  /** Resources by type. A type absent here with no completeness entry is treated as `missing`. */
  resources: Partial<Record<string, fhir4.Resource[]>>;
  /** Completeness per type. Types not listed are `missing` unless resources were supplied. */
  completeness: Partial<Record<string, TypeCompleteness>>;
}

/**
 * Builds a record from a flat list of resources (CLI files, test decks). Every type present is
 * `complete`; the types listed in `assumeComplete` are `complete` even when empty (a file export
 * that simply has no Procedures). The same `type/id` seen twice is kept once (last wins).
 */
export function recordFromResources(
  resources: readonly fhir4.Resource[],
  assumeComplete: readonly string[] = RECORD_TYPES,
): PatientRecord {
  const patient = resources.find((r): r is fhir4.Patient => r.resourceType === 'Patient');
  if (!patient) {
    throw new Error('recordFromResources: no Patient resource in the input');
  }
  const kept = new ResourceKeys<fhir4.Resource>();
  let anonymous = 0;
  for (const r of resources) {
    if (r.resourceType === 'Patient') {
      continue;
    }
    const id: unknown = r.id ?? `#anon-${anonymous++}`;
    kept.put(`${r.resourceType}`, typeof id === 'string' ? id : `${id as string}`, r);
  }
  const grouped: Record<string, fhir4.Resource[]> = {};
  for (const r of kept.values) {
    (grouped[r.resourceType] ??= []).push(r);
  }
  const completeness: Record<string, TypeCompleteness> = {};
  for (const t of assumeComplete) {
    completeness[t] = { status: 'complete' };
  }
  for (const t of Object.keys(grouped)) {
    completeness[t] = { status: 'complete' };
  }
  return { patient, resources: grouped, completeness };
}

/** Completeness of one type in a record (absent → `missing`). */
export function completenessOf(record: PatientRecord, type: string): TypeCompleteness {
  const c = record.completeness[type];
  if (c) {
    return c;
  }
  if (record.resources[type]?.length) {
    return { status: 'complete' };
  }
  return { status: 'missing', reason: `${type} was not fetched` };
}
