/**
 * What an export contains (Bulk Data Access IG 2.0.0 export.html): for `Patient/$export` every
 * patient, for `Group/[id]/$export` the Group's active members, for `$export` the whole server.
 * Patient-level exports hold the Patient compartment types, plus the Practitioners and
 * Organizations the exported resources reference (the IG's "MAY also be returned … helpful in
 * interpreting the patient data"). `_type` filters types; `_since` keeps resources whose
 * `meta.lastUpdated` is after it (resources without one are kept, as the IG allows). Only types the
 * token may read are exported; the resources are taken by reference at kick-off (the snapshot
 * is the state at `transactionTime`: the store never mutates a stored resource).
 */
import { SERVED_TYPES } from '../auth/smart-configuration.ts';
import type { ResourceStore } from '../fhir/resource-store.ts';
import { PATIENT_COMPARTMENT } from '../fhir/resource-store.ts';

/** The kind of export. */
export type ExportLevel = 'system' | 'patient' | 'group';

/** Non-compartment types sent along with patient-level exports when referenced. */
export const SUPPORTING_TYPES = ['Practitioner', 'Organization'] as const;

/** Types a patient- or group-level export can hold. */
export const PATIENT_LEVEL_TYPES: readonly string[] = [
  ...SERVED_TYPES.filter((t) => PATIENT_COMPARTMENT[t]),
  ...SUPPORTING_TYPES,
];

/** Types each level can export. */
export function exportableTypes(level: ExportLevel): readonly string[] {
  return level === 'system' ? SERVED_TYPES : PATIENT_LEVEL_TYPES;
}

/** Active patient members of a Group (`inactive` members left out). */
export function groupMemberIds(group: fhir4.Group): string[] {
  const ids = new Set<string>();
  for (const m of group.member ?? []) {
    if (m.inactive) {
      continue;
    }
    const id = /(?:^|\/)Patient\/([^/]+)$/.exec(m.entity?.reference ?? '')?.[1];
    if (id) {
      ids.add(id);
    }
  }
  return [...ids];
}

/** Whether a resource changed after `sinceMs` (no lastUpdated → kept). */
function changedSince(resource: fhir4.Resource, sinceMs: number | undefined): boolean {
  if (sinceMs === undefined) {
    return true;
  }
  const at = Date.parse(resource.meta?.lastUpdated ?? '');
  return Number.isNaN(at) || at > sinceMs;
}

/** `Type/id` of every Practitioner/Organization reference in a resource (any depth). */
function supportingReferences(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) {
      supportingReferences(v, into);
    }
    return;
  }
  if (!value || typeof value !== 'object') {
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === 'reference' && typeof v === 'string') {
      const m = /(?:^|\/)((?:Practitioner|Organization)\/[^/]+)$/.exec(v);
      if (m?.[1]) {
        into.add(m[1]);
      }
    } else if (typeof v === 'object') {
      supportingReferences(v, into);
    }
  }
}

/** What to select. */
export interface SnapshotQuery {
  level: ExportLevel;
  /** Patients of a patient/group export. */
  patientIds?: readonly string[];
  types: readonly string[];
  sinceMs?: number;
}

/** The resources of an export, by type, in the order of `types` (types with nothing left out). */
export function selectResources(store: ResourceStore, q: SnapshotQuery): Map<string, fhir4.Resource[]> {
  const out = new Map<string, fhir4.Resource[]>();
  const add = (type: string, resources: fhir4.Resource[]) => {
    const kept = resources.filter((r) => changedSince(r, q.sinceMs));
    if (kept.length) {
      out.set(type, kept);
    }
  };
  if (q.level === 'system') {
    for (const type of q.types) {
      add(type, store.all(type));
    }
    return out;
  }
  const patients = q.patientIds ?? [];
  const referenced = new Set<string>();
  const wantSupporting = q.types.some((t) => (SUPPORTING_TYPES as readonly string[]).includes(t));
  for (const type of q.types) {
    if ((SUPPORTING_TYPES as readonly string[]).includes(type)) {
      continue;
    }
    const resources =
      type === 'Patient'
        ? patients.map((id) => store.read('Patient', id)).filter((r) => r !== undefined)
        : patients.flatMap((id) => store.forPatient(id, type));
    if (wantSupporting) {
      for (const r of resources) {
        supportingReferences(r, referenced);
      }
    }
    add(type, resources);
  }
  for (const type of SUPPORTING_TYPES) {
    if (!q.types.includes(type)) {
      continue;
    }
    add(
      type,
      [...referenced]
        .filter((ref) => ref.startsWith(`${type}/`))
        .map((ref) => store.read(type, ref.slice(type.length + 1)))
        .filter((r) => r !== undefined),
    );
  }
  // keep the order of q.types
  return new Map(q.types.filter((t) => out.has(t)).map((t) => [t, out.get(t)!]));
}
