/**
 * Fetches every resource of one type for the patient, recording how complete the result is
 * (`complete` / `partial` / `missing` with a reason) so the engine answers "unknown" instead of
 * guessing. Observation is searched per category on servers that require one (Epic).
 */
import type { TypeCompleteness } from '../engine/index.ts';
import type { FhirRequestClient, ReadPermissions } from './fhir-request-client.ts';
import type { FhirHttpError } from './fhir-http-error.ts';
import { type PagedSearchResult, searchAllPages } from './paged-search.ts';
import type { RetryOptions } from './retry-policy.ts';
import { OBSERVATION_CATEGORIES, OBSERVATION_CATEGORY_SYSTEM, SEARCH_PAGE_SIZE } from './fetched-types.ts';
import { defaultServerQuirks, type ServerQuirks } from './server-quirks.ts';
import { assertSubjects } from './patient-identity.ts';

/** One type's resources plus what the app knows about their completeness. */
export interface TypeFetchResult {
  type: string;
  resources: fhir4.Resource[];
  completeness: TypeCompleteness;
  /** Server warnings and notes worth showing (not failures). */
  warnings: string[];
  /** HTTP pages read (excluding retries). */
  pages: number;
}

/** Options for {@link fetchResourceType}. */
export interface FetchTypeOptions {
  patientId: string;
  signal?: AbortSignal;
  retry?: RetryOptions;
  pageSize?: number;
  /** Granted scopes; a type without read permission is not requested and recorded `missing`. */
  permissions?: ReadPermissions;
  /** Learned server behaviour (e.g. Observation needs `category`); defaults to a shared memo. */
  quirks?: ServerQuirks;
}

/** A 400 whose message says `category` is required (Epic: "category or code is required"). */
function saysCategoryRequired(error: FhirHttpError | undefined): boolean {
  return error?.status === 400 && /category/i.test(`${error.summary} ${error.message}`);
}

/** Thrown for failures that end the session (401), which no completeness flag can express. */
function rethrowSessionFailure(result: PagedSearchResult): void {
  if (result.failure?.status === 401) {
    throw result.failure;
  }
}

/** Completeness of one search result. */
function completenessOf(type: string, results: Array<{ label?: string; result: PagedSearchResult }>): TypeCompleteness {
  const problems = results
    .map(({ label, result }) => {
      const why = result.failure ? result.failure.summary : result.stoppedReason;
      return why ? `${label ? `${label}: ` : ''}${why}` : undefined;
    })
    .filter((s): s is string => s !== undefined);
  if (problems.length === 0) {
    return { status: 'complete' };
  }
  const anyRead = results.some(({ result }) => result.pages > 0);
  return {
    status: anyRead ? 'partial' : 'missing',
    reason: `${type} ${anyRead ? 'could only partly be read' : 'could not be read'} (${problems.join('; ')})`,
  };
}

/** Merges several searches' resources, each type/id once (an Observation can carry two categories). */
function merge(results: PagedSearchResult[]): fhir4.Resource[] {
  const byKey = new Map<string, fhir4.Resource>();
  for (const r of results) {
    for (const res of r.resources) {
      byKey.set(res.id ? `${res.resourceType}/${res.id}` : `#${byKey.size}`, res);
    }
  }
  return [...byKey.values()];
}

/** The search URL for one type (and optionally one Observation category). */
function searchUrl(type: string, patientId: string, pageSize: number, category?: string): string {
  const params = new URLSearchParams({ patient: patientId, _count: String(pageSize) });
  if (category) {
    params.set('category', `${OBSERVATION_CATEGORY_SYSTEM}|${category}`);
  }
  return `${type}?${params.toString()}`;
}

/**
 * Fetches all resources of `type` for the patient. Never throws for ordinary HTTP failures (they
 * become `partial`/`missing`); throws FhirHttpError 401 (session over), aborts, and
 * PatientMismatchError when a resource names another patient (patient-identity.ts).
 */
export async function fetchResourceType(
  client: FhirRequestClient,
  type: string,
  options: FetchTypeOptions,
): Promise<TypeFetchResult> {
  const permissions = options.permissions;
  if (permissions && !permissions.canRead(type)) {
    const scope = permissions.readScopeName?.(type) ?? `patient/${type}.rs`;
    return {
      type,
      resources: [],
      completeness: { status: 'missing', reason: `scope ${scope} not granted` },
      warnings: [],
      pages: 0,
    };
  }
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const quirks = options.quirks ?? defaultServerQuirks;
  const search = (category?: string) =>
    searchAllPages(client, searchUrl(type, options.patientId, pageSize, category), {
      resourceType: type,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
    });

  let labelled: Array<{ label?: string; result: PagedSearchResult }>;
  const warnings: string[] = [];
  const server = client.state.serverUrl;
  if (type === 'Observation' && quirks.observationNeedsCategory(server)) {
    labelled = await searchPerCategory(search);
  } else {
    const single = await search();
    if (type === 'Observation' && saysCategoryRequired(single.failure)) {
      // Learn it once per server so later fetches (refetch, next patient) go straight to categories.
      quirks.markObservationNeedsCategory(server);
      labelled = await searchPerCategory(search);
    } else {
      labelled = [{ result: single }];
    }
  }
  if (labelled.length > 1) {
    warnings.push(
      `this server requires a category for Observation searches; Observations outside ${OBSERVATION_CATEGORIES.join(', ')} cannot be fetched`,
    );
  }
  for (const { result } of labelled) {
    rethrowSessionFailure(result);
    warnings.push(...result.warnings);
  }
  const resources = merge(labelled.map((l) => l.result));
  const aliases = new Map(labelled.flatMap((l) => [...(l.result.aliases ?? [])]));
  assertSubjects(resources, options.patientId, client.state.serverUrl, aliases);
  let completeness = completenessOf(type, labelled);
  const restrictions = permissions?.readRestrictions?.(type) ?? [];
  if (completeness.status === 'complete' && restrictions.length > 0) {
    completeness = { status: 'partial', reason: `only ${type} matching ${restrictions.join(' or ')} was granted` };
  }
  return {
    type,
    resources,
    completeness,
    warnings: [...new Set(warnings)],
    pages: labelled.reduce((n, l) => n + l.result.pages, 0),
  };
}

/** All category searches at once (they do not depend on each other). */
async function searchPerCategory(
  search: (category?: string) => Promise<PagedSearchResult>,
): Promise<Array<{ label?: string; result: PagedSearchResult }>> {
  const results = await Promise.all(OBSERVATION_CATEGORIES.map((c) => search(c)));
  return results.map((result, i) => ({ label: `category ${OBSERVATION_CATEGORIES[i]}`, result }));
}
