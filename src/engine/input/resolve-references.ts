/**
 * `urn:uuid:` references resolved within one patient's resources. Exporters that write a record as
 * a transaction Bundle or as ndjson (Synthea, several EHRs' Bulk exports) refer to resources by
 * `urn:uuid:<id>` instead of `Type/id`; the rules compare references by `Type/id` (an
 * Observation's encounter, a MedicationRequest's Medication, an Encounter's diagnosis). A
 * `urn:uuid:X` denotes the resource whose id is X (FHIR R4 §3.1.3 "Resolving references in
 * Bundles": the fullUrl of such an entry is `urn:uuid:` + its id as these exporters write it), so
 * each such reference is rewritten to `Type/X` when exactly one resource of the list has id X.
 * References that resolve to nothing, or to two resources of different types, are left as written.
 * Inputs are never mutated: a resource with a rewritten reference is a copy (along the changed path
 * only). The walk is iterative: no nesting depth can exhaust the call stack.
 */

type Json = Record<string, unknown>;

const URN_UUID = 'urn:uuid:';

/** The same resources with each resolvable `urn:uuid:` reference written as `Type/id`. */
export function resolveUuidReferences(resources: readonly fhir4.Resource[]): fhir4.Resource[] {
  const byId = new Map<string, string | null>();
  for (const r of resources) {
    if (typeof r.id !== 'string') {
      continue;
    }
    const target = `${r.resourceType}/${r.id}`;
    const seen = byId.get(r.id);
    byId.set(r.id, seen === undefined || seen === target ? target : null);
  }
  return resources.map((r) => rewrite(r as unknown as Json, byId) as unknown as fhir4.Resource);
}

/** `value` with its resolvable references rewritten (itself when none is). */
function rewrite(value: Json, byId: ReadonlyMap<string, string | null>): Json {
  // pass 1: find the containers holding a reference to rewrite, remembering each one's parent
  const parents = new Map<object, { parent: object; key: string | number }>();
  const changed: Json[] = [];
  const stack: object[] = [value];
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === 'object') {
          parents.set(x, { parent: v, key: i });
          stack.push(x);
        }
      }
      continue;
    }
    for (const k in v as Json) {
      const x = (v as Json)[k];
      if (k === 'reference' && typeof x === 'string' && x.startsWith(URN_UUID) && byId.get(x.slice(URN_UUID.length))) {
        changed.push(v as Json);
      } else if (x !== null && typeof x === 'object') {
        parents.set(x, { parent: v, key: k });
        stack.push(x);
      }
    }
  }
  if (!changed.length) {
    return value;
  }
  // pass 2: copy each changed container and every container above it, once
  const copies = new Map<object, Json | unknown[]>();
  const copyOf = (o: object): Json | unknown[] => {
    // the containers from `o` up to the root or to one already copied, copied top-down
    const chain: object[] = [];
    for (let cur: object | undefined = o; cur && !copies.has(cur); cur = parents.get(cur)?.parent) {
      chain.push(cur);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      const c = Array.isArray(node) ? [...(node as unknown[])] : { ...(node as Json) };
      copies.set(node, c);
      const up = parents.get(node);
      if (up) {
        (copies.get(up.parent) as Record<string | number, unknown>)[up.key] = c;
      }
    }
    return copies.get(o)!;
  };
  for (const o of changed) {
    const ref = o.reference as string;
    (copyOf(o) as Json).reference = byId.get(ref.slice(URN_UUID.length))!;
  }
  return copyOf(value) as Json;
}
