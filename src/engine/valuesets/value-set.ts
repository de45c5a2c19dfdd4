/**
 * The project's own compact value-set format, a registry with O(1) membership tests, and a loader
 * for FHIR ValueSet expansions (an organisation with a VSAC licence can update value sets at run
 * time without a new release).
 */
import { normalizeSystem } from '../codes/code-systems.ts';

/** One code: system URI, code, display. */
export type ValueSetCode = readonly [system: string, code: string, display: string];

/** A value set as authored in this project (facts from the measure specification). */
export interface ValueSetDef {
  /** Canonical URL, e.g. `http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.600.1916`. */
  url: string;
  oid: string;
  name: string;
  /** VSAC expansion version the codes were taken from. */
  version: string;
  codes: readonly ValueSetCode[];
}

/** Builds the canonical VSAC URL of an OID. */
export function vsacUrl(oid: string): string {
  return `http://cts.nlm.nih.gov/fhir/ValueSet/${oid}`;
}

/**
 * The versioned canonical `url|version` a measure looks its value set up by: the expansion the
 * measure pins. Two measures may pin different expansions of one OID (Telephone Visits: CMS2
 * 20210220, the ACO measures 20250205).
 */
export function pinnedRef(def: ValueSetDef): string {
  return def.version ? `${def.url}|${def.version}` : def.url;
}

/** Membership index over a set of value sets. */
export class ValueSetRegistry {
  private readonly members = new Map<string, Set<string>>();
  private readonly defs = new Map<string, ValueSetDef>();

  constructor(defs: Iterable<ValueSetDef> = []) {
    for (const d of defs) {
      this.add(d);
    }
  }

  /**
   * Adds or replaces a value set, keyed by `url|version` and, unless a newer version of it is
   * already loaded, by URL and by OID.
   */
  add(def: ValueSetDef): void {
    const set = new Set<string>();
    for (const [system, code] of def.codes) {
      set.add(key(system, code));
    }
    const current = this.defs.get(def.url);
    const newest = !current || current.version <= def.version;
    for (const k of newest ? [pinnedRef(def), def.url, def.oid] : [pinnedRef(def)]) {
      this.members.set(k, set);
      this.defs.set(k, def);
    }
  }

  /** The members under a reference; a `url|version` not loaded falls back to the URL's newest version. */
  private membersOf(ref: string): Set<string> | undefined {
    const exact = this.members.get(ref);
    if (exact) {
      return exact;
    }
    const bar = ref.indexOf('|');
    return bar < 0 ? undefined : this.members.get(ref.slice(0, bar));
  }

  /** The definition for a `url|version`, URL or OID. */
  get(ref: string): ValueSetDef | undefined {
    return this.defs.get(ref) ?? (ref.includes('|') ? this.defs.get(ref.slice(0, ref.indexOf('|'))) : undefined);
  }

  /** Whether a single coding is in the value set. */
  hasCoding(urlOrOid: string, coding: fhir4.Coding | undefined): boolean {
    if (!coding || typeof coding.code !== 'string' || typeof coding.system !== 'string') {
      return false;
    }
    const set = this.membersOf(urlOrOid);
    if (!set) {
      throw new Error(`value set not loaded: ${urlOrOid}`);
    }
    return set.has(internedKey(coding.system, coding.code));
  }

  /**
   * Whether any of these membership keys ({@link membershipKeyOf}) is in the value set; throws,
   * like {@link hasCoding}, when the value set is not loaded and there is a coding to test.
   */
  hasAnyKey(urlOrOid: string, keys: readonly string[]): boolean {
    if (!keys.length) {
      return false;
    }
    const set = this.membersOf(urlOrOid);
    if (!set) {
      throw new Error(`value set not loaded: ${urlOrOid}`);
    }
    for (const k of keys) {
      if (set.has(k)) {
        return true;
      }
    }
    return false;
  }

  /** The membership keys ({@link membershipKeyOf}) of a value set; throws when it is not loaded. */
  memberKeys(urlOrOid: string): ReadonlySet<string> {
    const set = this.membersOf(urlOrOid);
    if (!set) {
      throw new Error(`value set not loaded: ${urlOrOid}`);
    }
    return set;
  }

  /** Whether any coding of a CodeableConcept is in the value set. */
  hasConcept(urlOrOid: string, concept: fhir4.CodeableConcept | undefined): boolean {
    const codings = concept?.coding;
    if (!Array.isArray(codings)) {
      return false;
    }
    for (const c of codings) {
      if (this.hasCoding(urlOrOid, c)) {
        return true;
      }
    }
    return false;
  }

  /** Every loaded definition, once each. */
  all(): ValueSetDef[] {
    return [...new Set(this.defs.values())];
  }
}

/**
 * The key under which a coding is tested for membership (normalised system and trimmed code);
 * `undefined` for a coding that can be in no value set (no string system or code).
 */
export function membershipKeyOf(coding: fhir4.Coding | undefined): string | undefined {
  if (!coding || typeof coding.code !== 'string' || typeof coding.system !== 'string') {
    return undefined;
  }
  return internedKey(coding.system, coding.code);
}

/**
 * Membership keys by raw system, then raw code: a pure function, memoised (bounded) because the
 * same codes recur in every record; a lookup builds no text and allocates nothing.
 */
const KEYS = new Map<string, Map<string, string>>();
const KEYS_MAX = 100_000;
let keyCount = 0;

/** {@link key} of a raw system and code, from the memo when seen before. */
export function internedKey(system: string, code: string): string {
  let codes = KEYS.get(system);
  let k = codes?.get(code);
  if (k !== undefined) {
    return k;
  }
  if (keyCount >= KEYS_MAX) {
    KEYS.clear();
    keyCount = 0;
    codes = undefined;
  }
  if (codes === undefined) {
    KEYS.set(system, (codes = new Map()));
  }
  k = key(system, code);
  codes.set(code, k);
  keyCount++;
  return k;
}

function key(system: string, code: string): string {
  return `${normalizeSystem(system)}|${code.trim()}`;
}

/**
 * Reads a FHIR ValueSet with an `expansion.contains` (nested contains flattened) into the
 * project's format. Throws an error naming the field when the expansion is absent.
 */
export function fromFhirExpansion(vs: fhir4.ValueSet): ValueSetDef {
  const contains = vs.expansion?.contains;
  if (!Array.isArray(contains)) {
    throw new Error(`ValueSet/${vs.id ?? '?'}: expansion.contains is missing`);
  }
  const codes: ValueSetCode[] = [];
  const walk = (items: fhir4.ValueSetExpansionContains[]) => {
    for (const c of items) {
      if (c.system && c.code) {
        codes.push([c.system, c.code, c.display ?? '']);
      }
      if (c.contains) {
        walk(c.contains);
      }
    }
  };
  walk(contains);
  const oid = (vs.url ?? '').split('/').pop() ?? vs.id ?? '';
  return { url: vs.url ?? vsacUrl(oid), oid, name: vs.name ?? vs.title ?? oid, version: vs.version ?? '', codes };
}
