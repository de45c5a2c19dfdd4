/**
 * Who is in the population: the members of a FHIR `Group` (the practice's attributed list), or —
 * when there is no Group — every patient with an Encounter in the measurement period (the eCQM
 * initial populations all start from a qualifying encounter in the period).
 * Spec: https://hl7.org/fhir/R4/group.html (Group.member.entity), https://hl7.org/fhir/R4/search.html
 */
import type { FhirRequestClient } from '../../fhir/fhir-request-client.ts';
import { searchAllPages } from '../../fhir/paged-search.ts';
import type { DayPeriod } from '../../engine/index.ts';

/** The Group the sandbox EHR (and this app by default) uses for the attributed population. */
export const ATTRIBUTED_GROUP_ID = 'attributed';

/** Where the population came from and its patient ids (unique, in the source's order). */
export interface PopulationMembers {
  source: 'group' | 'encounter-search';
  label: string;
  patientIds: string[];
}

/** Patient id of a `Patient/x` (relative or absolute) reference; undefined for other types. */
export function patientIdOfReference(reference: string | undefined): string | undefined {
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(reference ?? '');
  return m?.[1];
}

/**
 * Active members of a Group as patient ids: `inactive` members and members whose membership
 * period ended before `onDay` are left out (Group.member.period / inactive).
 */
export function groupPatientIds(group: fhir4.Group, onDay?: string): string[] {
  const ids = new Set<string>();
  for (const m of group.member ?? []) {
    if (m.inactive) {
      continue;
    }
    if (onDay && m.period?.end && m.period.end.slice(0, 10) < onDay) {
      continue;
    }
    const id = patientIdOfReference(m.entity.reference);
    if (id) {
      ids.add(id);
    }
  }
  return [...ids];
}

/** Reads `Group/{id}` and returns its active patient members. */
export async function fetchGroupMembers(
  client: FhirRequestClient,
  groupId: string,
  options: { signal?: AbortSignal; onDay?: string } = {},
): Promise<PopulationMembers> {
  const group = await client.request<fhir4.Group>({
    url: `Group/${encodeURIComponent(groupId)}`,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    source: 'group',
    label: group.name ?? `Group/${groupId}`,
    patientIds: groupPatientIds(group, options.onDay),
  };
}

/** Patients with an Encounter overlapping the period (one paged search, subjects de-duplicated). */
export async function fetchEncounterPopulation(
  client: FhirRequestClient,
  period: DayPeriod,
  options: { signal?: AbortSignal } = {},
): Promise<PopulationMembers> {
  const url = `Encounter?date=ge${period.start}&date=le${period.end}&_count=1000`;
  const result = await searchAllPages(client, url, {
    resourceType: 'Encounter',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.failure) {
    throw result.failure;
  }
  const ids = new Set<string>();
  for (const e of result.resources as fhir4.Encounter[]) {
    const id = patientIdOfReference(e.subject?.reference);
    if (id) {
      ids.add(id);
    }
  }
  return {
    source: 'encounter-search',
    // the view's header gives the period's dates right after this label
    label: 'Patients with an encounter in the measurement period',
    patientIds: [...ids],
  };
}
