/**
 * Searchset Bundles with paging (R4 §3.1.1.6 paging): a search is snapshotted once, then served
 * page by page through `next` links on the same origin (`?_getpages=<id>&_offset=…&_count=…`),
 * so pages are stable while data change. Profile quirks live here: the generic profile adds an
 * OperationOutcome warning entry (search.mode = outcome) to Observation searches, and the
 * epic-like profile repeats the previous page's last entry at the top of each later page.
 */
import { randomToken, type QuirkProfile } from '../auth/token-store.ts';

/** Default and maximum page sizes. */
export const DEFAULT_COUNT = 50;
/** Largest page the sandbox serves (epic-like caps here too, like Epic). */
export const MAX_COUNT = 1000;

/** A snapshotted search. */
export interface SearchSnapshot {
  type: string;
  resources: fhir4.Resource[];
  /** Patient the token was restricted to (pages are only served to tokens for the same patient). */
  patient?: string;
  profile: QuirkProfile;
  base: string;
  createdAt: number;
}

/** Keeps recent search snapshots (bounded, oldest evicted). */
export class SnapshotCache {
  private readonly map = new Map<string, SearchSnapshot>();
  constructor(private readonly limit = 500) {}

  /** Stores a snapshot and returns its id. */
  add(s: SearchSnapshot): string {
    const id = randomToken(9);
    this.map.set(id, s);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) {
        this.map.delete(oldest);
      }
    }
    return id;
  }

  /** A snapshot by id. */
  get(id: string): SearchSnapshot | undefined {
    return this.map.get(id);
  }

  /** Forgets all snapshots. */
  clear(): void {
    this.map.clear();
  }
}

/** Parses `_count` (default 50, capped at 1000; 0 allowed = total only). */
export function pageSize(raw: string | null): number {
  if (raw === null || raw.trim() === '') {
    return DEFAULT_COUNT;
  }
  const n = Math.floor(Number(raw));
  if (!Number.isFinite(n) || n < 0) {
    return DEFAULT_COUNT;
  }
  return Math.min(n, MAX_COUNT);
}

/** One page of a snapshot as a searchset Bundle. */
export function searchsetPage(opts: {
  snapshot: SearchSnapshot;
  snapshotId: string;
  offset: number;
  count: number;
  selfUrl: string;
  lastUpdated: string;
}): fhir4.Bundle {
  const { snapshot, offset, count } = opts;
  const slice = snapshot.resources.slice(offset, offset + count);
  // Epic-like: the previous page's last entry shows up again (clients must de-duplicate).
  if (snapshot.profile === 'epic-like' && offset > 0 && count > 0) {
    const repeat = snapshot.resources[offset - 1];
    if (repeat) {
      slice.unshift(repeat);
    }
  }
  const entry: fhir4.BundleEntry[] = slice.map((resource) => ({
    fullUrl: `${snapshot.base}/${resource.resourceType}/${resource.id}`,
    resource: resource as fhir4.FhirResource,
    search: { mode: 'match' },
  }));
  if (snapshot.profile === 'generic' && snapshot.type === 'Observation' && offset === 0) {
    entry.push({
      resource: {
        resourceType: 'OperationOutcome',
        issue: [
          {
            severity: 'warning',
            code: 'informational',
            diagnostics:
              'Some Observations may be restricted by the sandbox; results are limited to data you are authorized to see.',
          },
        ],
      },
      search: { mode: 'outcome' },
    });
  }
  const link: fhir4.BundleLink[] = [{ relation: 'self', url: opts.selfUrl }];
  const nextOffset = offset + count;
  if (count > 0 && nextOffset < snapshot.resources.length) {
    link.push({
      relation: 'next',
      url: `${snapshot.base}?_getpages=${opts.snapshotId}&_offset=${nextOffset}&_count=${count}&_bundletype=searchset`,
    });
  }
  return {
    resourceType: 'Bundle',
    id: randomToken(9),
    meta: { lastUpdated: opts.lastUpdated },
    type: 'searchset',
    total: snapshot.resources.length,
    link,
    entry,
  };
}
