/**
 * Resources kept once per `Type/id`, in first-seen order with the last copy's content — the rule
 * of `recordFromResources` and of record validation. Keys are held as nested maps (type, then id)
 * so that no `Type/id` text is built per resource; the answers are exactly those of one map keyed
 * by the text `${type}/${id}` (a type with a `/` in it is split at its first `/`, as that text
 * would be).
 */
export class ResourceKeys<T> {
  private readonly byType = new Map<string, Map<string, number>>();
  /** The kept values, in the order their keys were first seen. */
  readonly values: T[] = [];

  /**
   * Keeps `value` under `type/id`: a new key is appended; a key seen before keeps its position and
   * takes this value. Returns whether the key had been seen before.
   */
  put(type: string, id: string, value: T): boolean {
    const slash = type.indexOf('/');
    if (slash >= 0) {
      id = `${type.slice(slash + 1)}/${id}`;
      type = type.slice(0, slash);
    }
    let ids = this.byType.get(type);
    if (ids === undefined) {
      this.byType.set(type, (ids = new Map()));
    }
    const at = ids.get(id);
    if (at !== undefined) {
      this.values[at] = value;
      return true;
    }
    ids.set(id, this.values.length);
    this.values.push(value);
    return false;
  }

  /** Whether `type/id` has been kept; `type` is a resource type name (no `/`). */
  has(type: string, id: string): boolean {
    return this.byType.get(type)?.has(id) ?? false;
  }
}
