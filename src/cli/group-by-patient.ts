/**
 * Groups resources read by the CLI into one resource list per patient: a Patient by its id, any
 * other resource by the Patient it references (`subject`, `patient`, `beneficiary`; relative,
 * absolute or Bundle `urn:uuid:` references). The same `Type/id` seen twice is one resource (the
 * last copy read wins). Resources that reference no patient (Organization, Practitioner, …) are
 * not part of any patient's record.
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

/** Accumulates resources per patient, de-duplicating by `Type/id`. */
export class PatientGroups {
  private readonly groups = new Map<string, Map<string, fhir4.Resource>>();
  private anonymous = 0;

  /** Adds one resource; returns false when it belongs to no patient. */
  add(located: LocatedResource): boolean {
    const pid = patientIdOf(located);
    if (!pid) return false;
    let g = this.groups.get(pid);
    if (!g) this.groups.set(pid, (g = new Map()));
    const r = located.resource;
    g.set(`${r.resourceType}/${typeof r.id === 'string' ? r.id : `#anonymous-${this.anonymous++}`}`, r);
    return true;
  }

  /** Patient ids in first-seen order. */
  patientIds(): string[] {
    return [...this.groups.keys()];
  }

  /** The resources of one patient (undefined when unknown). */
  resourcesOf(patientId: string): fhir4.Resource[] | undefined {
    const g = this.groups.get(patientId);
    return g ? [...g.values()] : undefined;
  }

  /** Whether the group holds the Patient resource itself. */
  hasPatient(patientId: string): boolean {
    return this.groups.get(patientId)?.has(`Patient/${patientId}`) ?? false;
  }
}
