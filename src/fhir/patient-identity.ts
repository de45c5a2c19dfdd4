/**
 * One patient, end to end: the record the app shows must be the launch's patient (the token's
 * `patient`). A server or a proxy that answers the reads with another person's data would
 * otherwise put that person's results under the chart's patient, and a write-back would land on
 * the token's patient. So the Patient read must carry the requested id, and every fetched resource
 * that names a patient (subject / patient / beneficiary) must name this one; anything else is a
 * {@link PatientMismatchError} and the app shows no results at all (threat model, src/smart/README.md).
 *
 * References are resolved as FHIR R4 references.html describes: relative `Patient/<id>`, absolute
 * `<FHIR base>/Patient/<id>` (an absolute reference to another server names another patient),
 * `urn:uuid:` / `urn:oid:` through the fullUrls of the same Bundle, `_history` suffixes ignored.
 * Resources that name no patient (Medication, Practitioner, a subject given only by identifier)
 * and subjects of other types (Group, Device) are not a mismatch.
 */

/** Elements that name the patient a resource is about (R4: subject, patient, Coverage.beneficiary). */
export const PATIENT_FIELDS = ['subject', 'patient', 'beneficiary'] as const;

/** One resource that names someone else. */
export interface PatientMismatch {
  resourceType: string;
  id?: string;
  /** The element, e.g. `subject`, or `id` for the Patient itself. */
  field: string;
  /** What it names instead, e.g. `Patient/pt-0002`, or why it cannot be confirmed. */
  names: string;
}

/** Thrown when the server's answers belong to another patient than the launch's. */
export class PatientMismatchError extends Error {
  override name = 'PatientMismatchError';
  readonly expected: string;
  readonly mismatches: readonly PatientMismatch[];

  constructor(expected: string, mismatches: readonly PatientMismatch[]) {
    const first = mismatches[0];
    super(
      first
        ? `${first.resourceType}${first.id ? `/${first.id}` : ''} ${first.field} names ${first.names}, not Patient/${expected}` +
            (mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : '')
        : `the record does not belong to Patient/${expected}`,
    );
    this.expected = expected;
    this.mismatches = mismatches;
  }
}

/** How a reference resolved: a patient id, another kind of target, or nothing provable. */
export type ResolvedSubject =
  { kind: 'patient'; id: string; foreign?: true } | { kind: 'other-type' } | { kind: 'unresolved'; why: string };

const TYPED = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * Resolves a reference string against the FHIR base and a Bundle's `fullUrl → Type/id` aliases.
 * An absolute URL outside the base is `foreign` (another server's patient is another patient).
 */
export function resolveSubject(
  reference: string,
  fhirBase: string,
  aliases?: ReadonlyMap<string, string>,
): ResolvedSubject {
  const ref = reference.trim();
  if (ref.startsWith('#')) {
    return { kind: 'unresolved', why: `the contained resource ${ref}` };
  }
  if (/^urn:(uuid|oid):/i.test(ref)) {
    const target = aliases?.get(ref);
    if (!target) {
      return { kind: 'unresolved', why: `${ref}, which no entry of the response resolves` };
    }
    return resolveSubject(target, fhirBase);
  }
  let local = ref;
  let foreign = false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
    let url: URL;
    let base: URL;
    try {
      url = new URL(ref);
      base = new URL(fhirBase.replace(/\/?$/, '/'));
    } catch {
      return { kind: 'unresolved', why: 'a reference that is not a URL' };
    }
    const rest =
      url.origin === base.origin && url.pathname.startsWith(base.pathname)
        ? url.pathname.slice(base.pathname.length)
        : undefined;
    if (rest === undefined) {
      foreign = true;
      local = /[A-Z][A-Za-z]+\/[^/]+(?:\/_history\/[^/]+)?$/.exec(url.pathname)?.[0] ?? '';
    } else {
      local = rest;
    }
  }
  const m = TYPED.exec(local);
  if (!m) {
    return { kind: 'unresolved', why: `“${ref.slice(0, 80)}”, which is not a FHIR reference` };
  }
  if (m[1] !== 'Patient') {
    return { kind: 'other-type' };
  }
  return foreign ? { kind: 'patient', id: m[2]!, foreign: true } : { kind: 'patient', id: m[2]! };
}

/** The mismatches of one resource (empty when it names this patient or no patient at all). */
export function subjectMismatches(
  resource: fhir4.Resource,
  patientId: string,
  fhirBase: string,
  aliases?: ReadonlyMap<string, string>,
): PatientMismatch[] {
  const out: PatientMismatch[] = [];
  const r = resource as unknown as Record<string, unknown>;
  for (const field of PATIENT_FIELDS) {
    const value = r[field];
    if (!value || typeof value !== 'object') {
      continue;
    }
    const reference = (value as { reference?: unknown }).reference;
    if (typeof reference !== 'string') {
      continue;
    } // identifier-only or display-only: nothing to compare
    const resolved = resolveSubject(reference, fhirBase, aliases);
    const names =
      resolved.kind === 'unresolved'
        ? resolved.why
        : resolved.kind === 'patient' && (resolved.id !== patientId || resolved.foreign)
          ? resolved.foreign
            ? `Patient/${resolved.id} on another server`
            : `Patient/${resolved.id}`
          : undefined;
    if (names) {
      out.push({ resourceType: resource.resourceType, ...(resource.id ? { id: resource.id } : {}), field, names });
    }
  }
  return out;
}

/** Throws PatientMismatchError unless the read Patient is the requested one. */
export function assertSamePatient(patient: fhir4.Patient, patientId: string): void {
  if (patient.id !== patientId) {
    throw new PatientMismatchError(patientId, [
      { resourceType: 'Patient', field: 'id', names: patient.id ? `Patient/${patient.id}` : 'a Patient without id' },
    ]);
  }
}

/** Throws PatientMismatchError when any resource names another patient (or one that cannot be confirmed). */
export function assertSubjects(
  resources: readonly fhir4.Resource[],
  patientId: string,
  fhirBase: string,
  aliases?: ReadonlyMap<string, string>,
): void {
  const found: PatientMismatch[] = [];
  for (const r of resources) {
    found.push(...subjectMismatches(r, patientId, fhirBase, aliases));
  }
  if (found.length) {
    throw new PatientMismatchError(patientId, found);
  }
}
