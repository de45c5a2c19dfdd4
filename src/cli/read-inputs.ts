/**
 * Reads FHIR resources from the CLI's inputs: expands directories (recursive, sorted) into files and
 * reads JSON files — a Bundle (any type, nested Bundles flattened) or a single resource. ndjson files
 * (one resource per line, as a Bulk Data export writes them) are streamed by patient-shards.ts.
 * Unreadable input never stops the run: each problem is recorded with its file and line, and every
 * readable resource is still delivered.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonErrorLine } from './json-error-position.ts';

/** One unreadable piece of input, located by file and (when known) line. */
export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

/** A resource with where it came from (for messages). */
export interface LocatedResource {
  resource: fhir4.Resource;
  file: string;
  line?: number;
  /** Bundle `fullUrl` → `Type/id` of the enclosing Bundle, to resolve `urn:uuid:` references. */
  fullUrls?: ReadonlyMap<string, string>;
}

/** File extensions read as ndjson (one resource per line). */
export const NDJSON_EXTENSIONS: readonly string[] = ['.ndjson', '.jsonl'];
/** File extensions picked up when walking a directory. */
export const DIRECTORY_EXTENSIONS: readonly string[] = ['.json', ...NDJSON_EXTENSIONS];

/** The R4 Bundle.type codes (http://hl7.org/fhir/R4/valueset-bundle-type.html). */
export const BUNDLE_TYPES: readonly string[] = [
  'document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection',
];

/** Bundle types whose entries may carry no resource. */
const BUNDLES_WITHOUT_RESOURCES: readonly string[] = ['history', 'transaction-response', 'batch-response'];

/** Whether a file is read as ndjson (by its extension). */
export const isNdjson = (file: string): boolean => NDJSON_EXTENSIONS.some((e) => file.toLowerCase().endsWith(e));

/** Formats a problem as `file:line: message`. */
export function formatProblem(p: InputProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

/** Expands directories (recursively, sorted) into files; reports paths that cannot be read. */
export async function expandInputs(paths: readonly string[], problems: InputProblem[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (path: string, explicit: boolean): Promise<void> => {
    let s;
    try {
      s = await stat(path);
    } catch (e) {
      problems.push({ file: path, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    if (s.isDirectory()) {
      let names: string[];
      try {
        names = (await readdir(path)).sort();
      } catch (e) {
        problems.push({ file: path, message: `cannot list directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
        return;
      }
      for (const n of names) await walk(join(path, n), false);
    } else if (explicit || DIRECTORY_EXTENSIONS.some((e) => path.toLowerCase().endsWith(e))) out.push(path);
  };
  for (const p of paths) await walk(p, true);
  return out;
}

/** The problem message for text that JSON.parse rejected (one line, the parser's own words). */
export const jsonMessage = (err: unknown): string => `invalid JSON (${err instanceof Error ? err.message.replace(/\s+/g, ' ') : String(err)})`;

/**
 * The resources of one parsed JSON value: a resource, or a Bundle's entries (recursively).
 * Problems (not an object, no resourceType, Bundle.entry not an array, entry without a resource)
 * are reported with the given line.
 */
export function resourcesOf(value: unknown, file: string, line: number | undefined, problems: InputProblem[]): LocatedResource[] {
  const at = line !== undefined ? { line } : {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file, ...at, message: 'not a FHIR resource (expected a JSON object)' });
    return [];
  }
  const r = value as Record<string, unknown>;
  if (typeof r.resourceType !== 'string') {
    problems.push({ file, ...at, message: 'not a FHIR resource (no resourceType)' });
    return [];
  }
  if (r.resourceType !== 'Bundle') return [{ resource: r as unknown as fhir4.Resource, file, ...at }];
  if (typeof r.type !== 'string' || !BUNDLE_TYPES.includes(r.type)) {
    // an unknown Bundle.type means we cannot tell what its entries are: read none of them
    problems.push({ file, ...at, message: `Bundle of the wrong type: ${JSON.stringify(r.type ?? null)} (expected one of ${BUNDLE_TYPES.join(', ')}); its entries were not read` });
    return [];
  }
  if (r.entry === undefined) return [];
  if (!Array.isArray(r.entry)) {
    problems.push({ file, ...at, message: 'Bundle of the wrong shape: entry is not an array' });
    return [];
  }
  const fullUrls = new Map<string, string>();
  for (const e of r.entry as unknown[]) {
    const res = (e as { resource?: { resourceType?: unknown; id?: unknown } } | null)?.resource;
    const full = (e as { fullUrl?: unknown } | null)?.fullUrl;
    if (typeof full === 'string' && res && typeof res.resourceType === 'string' && typeof res.id === 'string')
      fullUrls.set(full, `${res.resourceType}/${res.id}`);
  }
  const out: LocatedResource[] = [];
  (r.entry as unknown[]).forEach((e, i) => {
    const res = (e as { resource?: unknown } | null)?.resource;
    if (!e || typeof e !== 'object' || !res) {
      // a history or response entry may legitimately have no resource (a DELETE, an outcome-less response)
      if (!BUNDLES_WITHOUT_RESOURCES.includes(String(r.type)))
        problems.push({ file, ...at, message: `Bundle of the wrong shape: entry[${i}] has no resource` });
      return;
    }
    for (const x of resourcesOf(res, file, line, problems)) out.push(x.fullUrls ? x : { ...x, fullUrls });
  });
  return out;
}

/**
 * Reads one JSON file (a Bundle or a single resource) and delivers each resource to `sink`.
 * ndjson files are read line by line by patient-shards.ts (readLines + the byte scanner).
 */
export async function readFileResources(file: string, problems: InputProblem[], sink: (r: LocatedResource) => void): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    problems.push({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const line = jsonErrorLine(text);
    problems.push({ file, ...(line !== undefined ? { line } : {}), message: jsonMessage(e) });
    return;
  }
  for (const r of resourcesOf(value, file, undefined, problems)) sink(r);
}
