/**
 * The population table as data: its columns (every measure and gap seen in the results, in
 * first-seen order), filtering (open gaps only, a flag, a measure, a clinician, text) and sorting.
 * Pure functions so they are tested without a DOM and stay fast at 10,000 rows.
 *
 * Results arrive in batches while the run goes on, so the view never recomputes from scratch per
 * batch (that would make a 10,000-patient run quadratic): population-tally.ts adds each batch once
 * to the columns, flag ids and summaries, and {@link updateRows} keys, filters and sorts only the
 * new entries and merges them into the rows already sorted. A sort change re-sorts once; a filter
 * change only re-filters the sorted list.
 */
import {
  clinicianKey,
  clinicianLabel,
  isMissedWindow,
  type GapStatus,
  type MeasureStatus,
} from '../../engine/index.ts';
import { formatDay } from '../care-panel/display-date.ts';
import type { PopulationEntry } from './run-population.ts';

/** One column of the table. */
export interface PopulationColumn {
  kind: 'measure' | 'gap';
  id: string;
  title: string;
}

/** Column key used for sorting: `name`, `clinician`, `flags`, `open-gaps`, `measure:<id>` or `gap:<id>`. */
export type SortKey = 'name' | 'clinician' | 'flags' | 'open-gaps' | `measure:${string}` | `gap:${string}`;

/** Sort order. */
export interface SortSpec {
  key: SortKey;
  direction: 'asc' | 'desc';
}

/** Row filters; every given one must hold. */
export interface PopulationFilter {
  /** Only patients with at least one open gap. */
  openGapsOnly?: boolean;
  /** Only patients with this flag id (`sdoh-need:food` also matches the base id `sdoh-need`). */
  flagId?: string;
  /** Only patients in this measure's population (any status but `not-in-population`)… */
  measureId?: string;
  /** …optionally with this status. */
  measureStatus?: MeasureStatus;
  /** Only patients attributed to this clinician (a clinicianKey; `unattributed` for none). */
  clinicianKey?: string;
  /** Name, id, MRN or birth date contains this text (case-insensitive). */
  text?: string;
}

/**
 * The direction of a column's first click: counts (flags, open gaps) most first, ▼; names and
 * statuses ascending, ▲ (for a status column "ascending" is the attention order: not met first).
 */
export function defaultDirection(key: SortKey): SortSpec['direction'] {
  return key === 'flags' || key === 'open-gaps' ? 'desc' : 'asc';
}

/** Columns: measures first, then gaps, each in first-seen order. */
export function populationColumns(entries: readonly PopulationEntry[]): PopulationColumn[] {
  const measures = new Map<string, string>();
  const gaps = new Map<string, string>();
  for (const e of entries) {
    for (const m of e.evaluation?.measures ?? []) {
      if (!measures.has(m.id)) {
        measures.set(m.id, m.title);
      }
    }
    for (const g of e.evaluation?.gaps ?? []) {
      if (!gaps.has(g.id)) {
        gaps.set(g.id, g.title);
      }
    }
  }
  return [
    ...[...measures].map(([id, title]) => ({ kind: 'measure' as const, id, title })),
    ...[...gaps].map(([id, title]) => ({ kind: 'gap' as const, id, title })),
  ];
}

/** Every flag id present, sorted (for the flag filter's options). */
export function flagIds(entries: readonly PopulationEntry[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    for (const f of e.evaluation?.flags ?? []) {
      ids.add(f.id);
    }
  }
  return [...ids].sort();
}

/** The patient's status for a measure, or undefined when the measure was not evaluated for them. */
export function measureStatusOf(entry: PopulationEntry, id: string): MeasureStatus | undefined {
  return entry.evaluation?.measures.find((m) => m.id === id)?.status;
}

/**
 * A gap as the table shows it: the engine's status, or `missed` for a follow-up window that passed
 * unmet (the engine's `isMissedWindow`: open in the engine, but no longer closable this period).
 */
export type GapState = GapStatus | 'missed';

/** The state of gap `id` of the entry (undefined when the patient has no such gap or was not evaluated). */
export function gapStateOf(entry: PopulationEntry, id: string): GapState | undefined {
  const ev = entry.evaluation;
  const g = ev?.gaps.find((x) => x.id === id);
  if (!ev || !g) {
    return undefined;
  }
  return isMissedWindow(g, ev.asOf) ? 'missed' : g.status;
}

/** Whether the entry has at least one open gap that can still be closed (missed windows are not). */
export function hasOpenGap(entry: PopulationEntry): boolean {
  const ev = entry.evaluation;
  return ev?.gaps.some((g) => g.status === 'open' && !isMissedWindow(g, ev.asOf)) ?? false;
}

/** Number of open gaps that can still be closed (missed windows apart); undefined when the patient was not evaluated. */
export function openGapCount(entry: PopulationEntry): number | undefined {
  const ev = entry.evaluation;
  if (!ev) {
    return undefined;
  }
  let n = 0;
  for (const g of ev.gaps) {
    if (g.status === 'open' && !isMissedWindow(g, ev.asOf)) {
      n++;
    }
  }
  return n;
}

/** The attributed clinician's key of an entry (`unattributed` for none). */
export function entryClinicianKey(entry: PopulationEntry): string {
  return clinicianKey(entry.identity?.clinician);
}

/** Whether the entry carries the flag (exact id, or the base id before `:`). */
export function hasFlag(entry: PopulationEntry, flagId: string): boolean {
  return entry.evaluation?.flags.some((f) => f.id === flagId || f.id.split(':')[0] === flagId) ?? false;
}

/** Starts the part of the search text that only a query with a digit searches (the birth date as shown). */
const SHOWN_DATE = '\u0000';

/**
 * Lower-cased text the search box matches against: name, id, MRN, the birth date as typed from a
 * chart (1961-03-14) and — only for a query with a digit, so that "ar" does not find everyone born
 * in March — the birth date as shown ("14 mar 1961").
 */
function searchTextOf(e: PopulationEntry): string {
  const born = e.identity?.birthDate;
  const shown = born ? `${SHOWN_DATE}${formatDay(born)}` : '';
  return `${e.name ?? ''} ${e.patientId} ${e.identity?.mrn ?? ''} ${born ?? ''}${shown}`.toLowerCase();
}

/** Whether the search text holds the query (see {@link searchTextOf}). */
function holds(haystack: string, text: string): boolean {
  const cut = /\d/.test(text) ? -1 : haystack.indexOf(SHOWN_DATE);
  return (cut === -1 ? haystack : haystack.slice(0, cut)).includes(text);
}

/** The normalised search text of a filter (undefined when there is none). */
function filterText(filter: PopulationFilter): string | undefined {
  return filter.text?.trim().toLowerCase() || undefined;
}

/** Whether an entry passes every filter; `text` is the normalised search, `haystack` the entry's search text. */
function passes(
  e: PopulationEntry,
  filter: PopulationFilter,
  text: string | undefined,
  haystack: () => string,
): boolean {
  if (filter.openGapsOnly && !hasOpenGap(e)) {
    return false;
  }
  if (filter.flagId && !hasFlag(e, filter.flagId)) {
    return false;
  }
  if (filter.clinicianKey && entryClinicianKey(e) !== filter.clinicianKey) {
    return false;
  }
  if (filter.measureId) {
    const s = measureStatusOf(e, filter.measureId);
    if (!s || s === 'not-in-population') {
      return false;
    }
    if (filter.measureStatus && s !== filter.measureStatus) {
      return false;
    }
  }
  if (text && !holds(haystack(), text)) {
    return false;
  }
  return true;
}

/** Whether a filter lets every entry through. */
function isEmptyFilter(filter: PopulationFilter): boolean {
  return !filter.openGapsOnly && !filter.flagId && !filter.measureId && !filter.clinicianKey && !filterText(filter);
}

/** The rows that pass every filter (input order kept; the input is not mutated). */
export function filterEntries(entries: readonly PopulationEntry[], filter: PopulationFilter): PopulationEntry[] {
  const text = filterText(filter);
  return entries.filter((e) => passes(e, filter, text, () => searchTextOf(e)));
}

/**
 * Sort rank of a measure status: what needs attention first (not met, unknown), then met,
 * then the rest; missing last.
 */
const MEASURE_RANK: Readonly<Record<MeasureStatus, number>> = {
  'not-met': 0,
  unknown: 1,
  met: 2,
  exception: 3,
  excluded: 4,
  'not-in-population': 5,
};
/** Sort rank of a gap status: open first, then unknown, closed, not applicable. */
const GAP_RANK: Readonly<Record<GapState, number>> = { open: 0, missed: 1, unknown: 2, closed: 3, 'not-applicable': 4 };
const MISSING_RANK = 9;

function sortValue(e: PopulationEntry, key: SortKey): string | number {
  if (key === 'name') {
    return (e.name ?? e.patientId).toLowerCase();
  }
  if (key === 'clinician') {
    return e.identity?.clinician ? clinicianLabel(e.identity.clinician).toLowerCase() : '\uffff';
  } // unattributed last
  // counts sort as numbers: ascending = fewest first (a patient not evaluated has −1, before 0)
  if (key === 'flags') {
    return e.evaluation?.flags.length ?? -1;
  }
  if (key === 'open-gaps') {
    return openGapCount(e) ?? -1;
  }
  if (key.startsWith('measure:')) {
    const s = measureStatusOf(e, key.slice('measure:'.length));
    return s ? MEASURE_RANK[s] : MISSING_RANK;
  }
  const s = gapStateOf(e, key.slice('gap:'.length));
  return s ? GAP_RANK[s] : MISSING_RANK;
}

/** An entry with its sort value, tie-break name and search text computed once. */
export interface KeyedRow {
  e: PopulationEntry;
  v: string | number;
  n: string;
  text: string;
}

function keyed(e: PopulationEntry, key: SortKey): KeyedRow {
  return { e, v: sortValue(e, key), n: (e.name ?? '').toLowerCase(), text: searchTextOf(e) };
}

/** The table order: the sort value, then name, then id (ids are unique, so the order is total). */
function comparator(direction: SortSpec['direction']): (a: KeyedRow, b: KeyedRow) => number {
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    if (a.v < b.v) {
      return -sign;
    }
    if (a.v > b.v) {
      return sign;
    }
    if (a.n !== b.n) {
      return a.n < b.n ? -1 : 1;
    }
    return a.e.patientId < b.e.patientId ? -1 : a.e.patientId > b.e.patientId ? 1 : 0;
  };
}

/** A sorted copy (stable; ties broken by name then id so the order is deterministic). */
export function sortEntries(entries: readonly PopulationEntry[], sort: SortSpec): PopulationEntry[] {
  return entries
    .map((e) => keyed(e, sort.key))
    .sort(comparator(sort.direction))
    .map((k) => k.e);
}

/** Merges two lists sorted by `cmp` into one (linear). */
function merge(a: readonly KeyedRow[], b: readonly KeyedRow[], cmp: (x: KeyedRow, y: KeyedRow) => number): KeyedRow[] {
  if (b.length === 0) {
    return a as KeyedRow[];
  }
  if (a.length === 0) {
    return b as KeyedRow[];
  }
  const out: KeyedRow[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  }
  while (i < a.length) {
    out[k++] = a[i++]!;
  }
  while (j < b.length) {
    out[k++] = b[j++]!;
  }
  return out;
}

/** The table rows of one (entries, filter, sort) and what is needed to update them cheaply. */
export interface RowsState {
  readonly entries: readonly PopulationEntry[];
  readonly filter: PopulationFilter;
  readonly sort: SortSpec;
  /** Every entry, in table order. */
  readonly sorted: readonly KeyedRow[];
  /** The sorted entries that pass the filter. */
  readonly shown: readonly KeyedRow[];
  /** What the table shows. */
  readonly rows: readonly PopulationEntry[];
  /** How many entries had their sort key computed by the update that made this state (its cost). */
  readonly keyedInUpdate: number;
}

function sameFilter(a: PopulationFilter, b: PopulationFilter): boolean {
  return (
    !!a.openGapsOnly === !!b.openGapsOnly &&
    a.flagId === b.flagId &&
    a.measureId === b.measureId &&
    a.measureStatus === b.measureStatus &&
    a.clinicianKey === b.clinicianKey &&
    filterText(a) === filterText(b)
  );
}

/** Whether `next` is `prev` with entries appended (how the run publishes its batches). */
function isAppend(prev: readonly PopulationEntry[], next: readonly PopulationEntry[]): boolean {
  if (next.length < prev.length) {
    return false;
  }
  return prev.length === 0 || (next[0] === prev[0] && next[prev.length - 1] === prev[prev.length - 1]);
}

/**
 * The rows for `entries` under `filter` and `sort`, reusing `prev` (pure: `prev` is not changed).
 * Entries appended since `prev` are keyed, sorted and merged in (O(batch·log batch + rows));
 * a filter change re-filters the sorted list without sorting; only a sort change (or a new run)
 * sorts everything. The result equals `sortEntries(filterEntries(entries, filter), sort)`.
 */
export function updateRows(
  prev: RowsState | undefined,
  entries: readonly PopulationEntry[],
  filter: PopulationFilter,
  sort: SortSpec,
): RowsState {
  const sortSame = !!prev && prev.sort.key === sort.key && prev.sort.direction === sort.direction;
  const filterSame = !!prev && sameFilter(prev.filter, filter);
  if (prev && prev.entries === entries && sortSame && filterSame) {
    return prev;
  }
  const cmp = comparator(sort.direction);
  const text = filterText(filter);
  const pass = (k: KeyedRow) => passes(k.e, filter, text, () => k.text);
  const everything = isEmptyFilter(filter);
  let sorted: readonly KeyedRow[];
  let shown: readonly KeyedRow[];
  let keyedInUpdate: number;
  if (prev && sortSame && isAppend(prev.entries, entries)) {
    const added = entries
      .slice(prev.entries.length)
      .map((e) => keyed(e, sort.key))
      .sort(cmp);
    keyedInUpdate = added.length;
    sorted = merge(prev.sorted, added, cmp);
    if (everything) {
      shown = sorted;
    } else if (filterSame) {
      shown = merge(prev.shown, added.filter(pass), cmp);
    } else {
      shown = sorted.filter(pass);
    }
  } else {
    keyedInUpdate = entries.length;
    sorted = entries.map((e) => keyed(e, sort.key)).sort(cmp);
    shown = everything ? sorted : sorted.filter(pass);
  }
  const rows = shown === prev?.shown ? prev.rows : shown.map((k) => k.e);
  return { entries, filter, sort, sorted, shown, rows, keyedInUpdate };
}
