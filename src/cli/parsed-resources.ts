/**
 * The resources of one parsed JSON text (the reference path of pass 1, for what the byte scanners
 * decline): a resource, or a Bundle's entries, nested Bundles flattened. Inside a Bundle, an entry
 * without an id takes it from its `fullUrl` (`urn:uuid:<id>`, `…/Type/<id>`: a transaction's POST
 * entries) and every reference to a `fullUrl` of the Bundle is rewritten to `Type/id`
 * (http://hl7.org/fhir/R4/bundle.html#references), so the resource means the same outside it.
 * Values nested deeper than the limit are rejected one resource at a time, before anything
 * recursive (JSON.stringify, the engine) sees them. Problems name the entry, never its content.
 */
import { BUNDLES_WITHOUT_RESOURCES, BUNDLE_TYPES } from './bundle-types.ts';
import { jsonError, jsonErrorPosition, type JsonErrorReason } from './json-error-position.ts';
import { FHIR_ID, patientIdOf } from './patient-id-scanner.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether `value` nests objects/arrays deeper than `limit` (itself at depth 1); iterative. */
export function nestingExceeds(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object' || limit === Infinity) {
    return false;
  }
  if (limit < 1) {
    return true;
  }
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    for (const k in v as object) {
      const x = (v as Json)[k];
      if (x === null || typeof x !== 'object') {
        continue;
      }
      if (d + 1 > limit) {
        return true;
      }
      stack.push([x, d + 1]);
    }
  }
  return false;
}

/** The id a Bundle fullUrl gives an entry of type `type` that has none. */
function idFromFullUrl(fullUrl: string, type: string): string | undefined {
  const id = fullUrl.startsWith('urn:uuid:')
    ? fullUrl.slice(9)
    : new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(fullUrl)?.[1];
  return id !== undefined && FHIR_ID.test(id) ? id : undefined;
}

/** Rewrites every `reference` of `value` found in `map` (iterative walk; depth already bounded). */
function rewriteReferences(value: Json, map: ReadonlyMap<string, string>): void {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop() as Json | unknown[];
    if (Array.isArray(v)) {
      for (const x of v) {
        if (x !== null && typeof x === 'object') {
          stack.push(x);
        }
      }
      continue;
    }
    for (const k in v) {
      const x = v[k];
      if (k === 'reference' && typeof x === 'string') {
        const to = map.get(x);
        if (to !== undefined) {
          v[k] = to;
        }
      } else if (x !== null && typeof x === 'object') {
        stack.push(x);
      }
    }
  }
}

/**
 * The resources of one parsed JSON value (whose root is at nesting depth 1 of its text). Problems
 * (not an object, no resourceType, a Bundle of the wrong type or shape, nesting beyond
 * `maxDepth`) go to `report`; every readable resource is returned.
 */
export function resourcesOf(value: unknown, maxDepth: number, report: (message: string) => void): fhir4.Resource[] {
  const out: fhir4.Resource[] = [];
  collect(value, 0, '', maxDepth, report, out);
  return out;
}

/** `value` sits at nesting depth `base + 1`; `where` names the entry (for messages). */
function collect(
  value: unknown,
  base: number,
  where: string,
  maxDepth: number,
  report: (message: string) => void,
  out: fhir4.Resource[],
): void {
  const prefix = where ? `${where}: ` : '';
  if (!isObject(value)) {
    return report(`${prefix}not a FHIR resource (expected a JSON object)`);
  }
  if (typeof value.resourceType !== 'string') {
    return report(`${prefix}not a FHIR resource (no resourceType)`);
  }
  if (value.resourceType !== 'Bundle') {
    if (nestingExceeds(value, maxDepth - base)) {
      return report(`${prefix}nested deeper than ${maxDepth} levels: not read`);
    }
    out.push(value as unknown as fhir4.Resource);
    return;
  }
  // an unknown Bundle.type means we cannot tell what its entries are: read none of them
  if (typeof value.type !== 'string' || !BUNDLE_TYPES.includes(value.type)) {
    return report(
      `${prefix}Bundle of the wrong type (Bundle.type must be one of ${BUNDLE_TYPES.join(', ')}); its entries were not read`,
    );
  }
  if (value.entry === undefined) {
    return;
  }
  if (!Array.isArray(value.entry)) {
    return report(`${prefix}Bundle of the wrong shape: entry is not an array`);
  }
  const entries = value.entry as unknown[];
  // entry resources sit at depth base + 4 (Bundle, entry array, entry, resource)
  if (base + 4 > maxDepth) {
    if (entries.length) {
      report(`${prefix}nested deeper than ${maxDepth} levels: not read`);
    }
    return;
  }
  const fullUrls = new Map<string, string>();
  for (const e of entries) {
    const res = isObject(e) ? e.resource : undefined;
    const full = isObject(e) ? e.fullUrl : undefined;
    if (typeof full !== 'string' || !isObject(res) || typeof res.resourceType !== 'string') {
      continue;
    }
    if (res.id === undefined) {
      const id = idFromFullUrl(full, res.resourceType);
      if (id !== undefined) {
        res.id = id;
      }
    }
    if (typeof res.id === 'string' && full !== `${res.resourceType}/${res.id}`) {
      fullUrls.set(full, `${res.resourceType}/${res.id}`);
    }
  }
  const from = out.length;
  entries.forEach((e, i) => {
    const res = isObject(e) ? e.resource : undefined;
    if (!isObject(e) || !res) {
      if (!BUNDLES_WITHOUT_RESOURCES.includes(value.type as string)) {
        report(`${prefix}Bundle of the wrong shape: entry[${i}] has no resource`);
      }
      return;
    }
    // problems inside a nested Bundle are named by the outermost entry that holds them
    collect(res, base + 3, where || `Bundle entry[${i}]`, maxDepth, report, out);
  });
  if (fullUrls.size) {
    for (let k = from; k < out.length; k++) {
      rewriteReferences(out[k] as unknown as Json, fullUrls);
    }
  }
}

/** One resource of a parsed text, ready to be filed. */
export interface SplitResource {
  /** Its JSON (re-serialised), or null when it is the whole text as read. */
  json: string | null;
  /** Its patient, when it has one. */
  patient?: string;
  type: string;
  id?: string;
}

/** A JSON text parsed and split into resources (structured-clonable: it may come from a worker thread). */
export interface SplitText {
  /** The text is not valid JSON: where (0-based offset; 1-based line and column) and why. */
  invalid?: { offset: number; line: number; column: number; reason: JsonErrorReason };
  /** Problems found in it (not a resource, a Bundle of the wrong type or shape, too deep). */
  problems: string[];
  resources: SplitResource[];
}

/** Parses a JSON text and splits it into its resources (the parse path of pass 1, in any thread). */
export function splitText(text: string, maxDepth: number, multiline: boolean): SplitText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (multiline) {
      const at = jsonErrorPosition(text);
      return { problems: [], resources: [], ...(at ? { invalid: { offset: -1, ...at } } : {}) };
    }
    const e = jsonError(text);
    return {
      problems: [],
      resources: [],
      ...(e ? { invalid: { offset: e.offset, line: 1, column: e.offset + 1, reason: e.reason } } : {}),
    };
  }
  const problems: string[] = [];
  const resources = resourcesOf(value, maxDepth, (m) => problems.push(m)).map((resource): SplitResource => {
    const r: SplitResource = {
      json: resource === value ? null : JSON.stringify(resource),
      type: resource.resourceType,
    };
    const patient = patientIdOf({ resource });
    if (patient !== undefined) {
      r.patient = patient;
    }
    if (typeof resource.id === 'string') {
      r.id = resource.id;
    }
    return r;
  });
  return { problems, resources };
}
