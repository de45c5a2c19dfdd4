/**
 * One FHIR search followed through every `next` page (FHIR R4 http.html#paging), with the
 * safeguards real EHRs need: retries per page, `next` links only under the FHIR base URL — same
 * origin AND under its path (SMART app-launch: never send the token to another server; another
 * path on the same host can be another server or another tenant) —, de-duplication across pages, and
 * OperationOutcome entries (`search.mode = outcome`) kept as warnings instead of data.
 */
import type { FhirRequestClient } from './fhir-request-client.ts';
import { FhirHttpError, operationOutcomeText } from './fhir-http-error.ts';
import { type RetryOptions, withRetry } from './retry-policy.ts';
import { MAX_PAGES_PER_SEARCH } from './fetched-types.ts';
import { capResourceDepth } from '../engine/index.ts';

/** Everything one search produced, including how it ended. */
export interface PagedSearchResult {
  /** Resources of the searched type, each `type/id` once. */
  resources: fhir4.Resource[];
  /** Server warnings (OperationOutcome entries) and paging notes. */
  warnings: string[];
  /** Set when a page could not be read; `resources` holds what came before it. */
  failure?: FhirHttpError;
  /** Set when paging stopped early for a reason other than an HTTP failure. */
  stoppedReason?: string;
  pages: number;
  /** `urn:uuid:` / `urn:oid:` fullUrls of the entries → `Type/id` (references may use them). */
  aliases?: Map<string, string>;
}

/** Options for {@link searchAllPages}. */
export interface PagedSearchOptions {
  signal?: AbortSignal;
  retry?: RetryOptions;
  maxPages?: number;
  /** Only entries of this type are kept (others, e.g. included resources, are ignored). */
  resourceType?: string;
}

/**
 * Whether a URL lies under the FHIR base: same origin, no userinfo, and a path equal to the base
 * path or below it on a segment boundary (`/fhir?_getpages=…`, `/fhir/Observation?…`; not
 * `/fhir-other/…` nor `/admin/…`). URLs are compared after parsing (dot segments resolved).
 */
export function isUnderFhirBase(url: URL, base: URL): boolean {
  if (url.origin !== base.origin || url.username || url.password) {
    return false;
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  return url.pathname === basePath || url.pathname === `${basePath}/` || url.pathname.startsWith(`${basePath}/`);
}

/**
 * Collects entries of one bundle into `into`, de-duplicated by type/id, and the `urn:` fullUrls
 * of its entries into `aliases`; returns outcome texts.
 */
function collectEntries(
  bundle: fhir4.Bundle,
  into: Map<string, fhir4.Resource>,
  aliases: Map<string, string>,
  resourceType?: string,
): string[] {
  const warnings: string[] = [];
  for (const entry of bundle.entry ?? []) {
    if (!entry.resource) {
      continue;
    }
    // A hostile resource nested thousands of levels deep would overflow every recursive reader
    // after this point (query cache, structured clone to the engine's Worker); cut it so that the
    // engine still rejects it as one data issue (engine input/resource-depth.ts).
    const r = capResourceDepth(entry.resource);
    if (typeof entry.fullUrl === 'string' && /^urn:(uuid|oid):/i.test(entry.fullUrl) && r.id) {
      aliases.set(entry.fullUrl, `${r.resourceType}/${r.id}`);
    }
    if (entry.search?.mode === 'outcome' || r.resourceType === 'OperationOutcome') {
      const text = r.resourceType === 'OperationOutcome' ? operationOutcomeText(r) : '';
      if (text) {
        warnings.push(text);
      }
      continue;
    }
    if (resourceType && r.resourceType !== resourceType) {
      continue;
    }
    // Resources without an id cannot be recognised on a later page; keep each one.
    into.set(r.id ? `${r.resourceType}/${r.id}` : `${r.resourceType}/#${into.size}`, r);
  }
  return warnings;
}

/**
 * Runs a search (relative to the FHIR base or absolute on its origin) and follows `next` links.
 * Never throws for HTTP failures: a failed page ends the search with `failure` set. Aborts rethrow.
 */
export async function searchAllPages(
  client: FhirRequestClient,
  firstUrl: string,
  options: PagedSearchOptions = {},
): Promise<PagedSearchResult> {
  const base = client.state.serverUrl.replace(/\/?$/, '/');
  const baseUrl = new URL(base);
  const maxPages = options.maxPages ?? MAX_PAGES_PER_SEARCH;
  const found = new Map<string, fhir4.Resource>();
  const aliases = new Map<string, string>();
  const warnings: string[] = [];
  let url: string | undefined = new URL(firstUrl, base).href;
  let pages = 0;
  while (url) {
    if (pages >= maxPages) {
      return {
        resources: [...found.values()],
        aliases,
        warnings,
        pages,
        stoppedReason: `stopped after ${maxPages} pages`,
      };
    }
    const pageUrl: string = url;
    let bundle: fhir4.Bundle;
    try {
      bundle = await withRetry(
        () => client.request<fhir4.Bundle>({ url: pageUrl, ...(options.signal ? { signal: options.signal } : {}) }),
        { ...options.retry, ...(options.signal ? { signal: options.signal } : {}) },
      );
    } catch (error) {
      if (!(error instanceof FhirHttpError)) {
        throw error;
      }
      return { resources: [...found.values()], aliases, warnings, pages, failure: error };
    }
    pages++;
    if (bundle?.resourceType !== 'Bundle') {
      const failure = new FhirHttpError(200, `expected a Bundle from ${new URL(pageUrl).pathname}`);
      return { resources: [...found.values()], aliases, warnings, pages, failure };
    }
    warnings.push(...collectEntries(bundle, found, aliases, options.resourceType));
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    url = undefined;
    if (next) {
      let nextUrl: URL | undefined;
      try {
        nextUrl = new URL(next, base);
      } catch {
        nextUrl = undefined;
      }
      if (!nextUrl || !isUnderFhirBase(nextUrl, baseUrl)) {
        const where = !nextUrl
          ? 'is not a URL'
          : nextUrl.origin !== baseUrl.origin
            ? `points to another origin (${nextUrl.origin})`
            : 'points outside the FHIR base URL';
        return {
          resources: [...found.values()],
          aliases,
          warnings,
          pages,
          stoppedReason: `the server's next-page link ${where}; not followed`,
        };
      }
      url = nextUrl.href;
    }
  }
  return { resources: [...found.values()], aliases, warnings, pages };
}
