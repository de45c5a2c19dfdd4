/**
 * How deep a resource may nest. A real FHIR resource stays within a few dozen levels (nested
 * QuestionnaireResponse groups, extensions of extensions, contained resources); hostile input nests
 * thousands of levels, which overflows the stack of any recursive reader — a structured clone to a
 * Web Worker fails from ≈1,500 levels in Chromium, and the panel then waited forever. The engine
 * walks each resource at most to this depth (validate-record.ts) and turns a deeper one into one
 * data issue; `capResourceDepth` lets a data layer keep such a resource small enough to move
 * around (clone, cache, post to a Worker) while the engine still sees it as too deep, at the same
 * element path.
 */

/** Deepest element path (element names and list positions from the resource root) a resource may have. */
export const MAX_RESOURCE_DEPTH = 64;

/** Whether `v`, found at path length `depth`, holds an object or array deeper than the limit. */
function exceeds(v: unknown, depth: number): boolean {
  if (v === null || typeof v !== 'object') {
    return false;
  }
  if (depth > MAX_RESOURCE_DEPTH) {
    return true;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (exceeds(v[i], depth + 1)) {
        return true;
      }
    }
    return false;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (exceeds(o[k], depth + 1)) {
      return true;
    }
  }
  return false;
}

/** A copy of `v` (at path length `depth`) keeping every object down to the limit + 1, empty there. */
function cut(v: unknown, depth: number): unknown {
  if (v === null || typeof v !== 'object') {
    return v;
  }
  if (depth > MAX_RESOURCE_DEPTH) {
    return Array.isArray(v) ? [] : {};
  }
  if (Array.isArray(v)) {
    return v.map((x) => cut(x, depth + 1));
  }
  const out: Record<string, unknown> = {};
  const o = v as Record<string, unknown>;
  for (const k in o) {
    out[k] = cut(o[k], depth + 1);
  }
  return out;
}

/**
 * The resource itself when it is within {@link MAX_RESOURCE_DEPTH}; otherwise a copy cut one level
 * below the limit, which the engine still rejects as too deep (with the same field path). Bounded
 * recursion: never deeper than the limit + 1, whatever the input.
 */
export function capResourceDepth<T>(resource: T): T {
  return exceeds(resource, 0) ? (cut(resource, 0) as T) : resource;
}
