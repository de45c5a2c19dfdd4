/**
 * Resources that belong to no patient — Medication, Practitioner, Organization, Location, … — kept
 * once and handed to every patient that references them. A MedicationRequest's
 * `medicationReference`, an Encounter's `participant`, a Coverage's `payor` resolve in the CLI as
 * they do against a FHIR server (CMS165's official case "DementiaMedicationRequestAsReference"
 * needs the Medication). Their bytes live in the run's {@link SpillStore} (on disk for a large
 * export); memory holds an index of ≈ 100 bytes per shared resource and a small cache.
 *
 * Before a batch of patients goes to the evaluator, {@link SharedResources.attach} finds the
 * references in each patient's raw JSON (no parse: the `"reference"` keys), resolves them — by
 * `Type/id` (relative, absolute or versioned) or, for `urn:uuid:<id>`, by id — follows the
 * references of the shared resources found (a Medication's manufacturer), and appends each needed
 * resource once to the batch. The same `Type/id` read twice is one resource, the last copy wins.
 */
import { BACKSLASH, COLON, QUOTE, isJsonSpace } from './json-bytes.ts';
import { LINE_SLOTS, type BatchPatient, type PatientBatch } from './shard-store.ts';
import type { SpillStore } from './spill-store.ts';

const REFERENCE_KEY = Buffer.from('"reference"');
/** A literal `Type/id` reference, relative or absolute, version suffix allowed (http://hl7.org/fhir/R4/references.html). */
const LITERAL = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
/** Bytes of shared resources cached in memory (the rest are read back from the store). */
const CACHE_BYTES = 8 * 1024 * 1024;
/** An id two shared resources of different types carry: `urn:uuid:<id>` cannot tell them apart. */
const AMBIGUOUS = -1;

/**
 * Calls `found` with every `reference` string value in the JSON text `buf[start, end)`: each
 * `"reference"` key followed by a string. A key cannot hide inside a string value (its quotes
 * would be escaped there), so on valid JSON this finds exactly the Reference.reference elements.
 */
export function forEachReference(buf: Buffer, start: number, end: number, found: (ref: string) => void): void {
  // a view of just this text: indexOf must not run on past `end`
  const v = buf.subarray(start, end);
  const n = v.length;
  let i = v.indexOf(REFERENCE_KEY);
  while (i !== -1) {
    let j = i + REFERENCE_KEY.length;
    while (j < n && isJsonSpace(v[j]!)) j++;
    if (v[j] === COLON) {
      j++;
      while (j < n && isJsonSpace(v[j]!)) j++;
      if (v[j] === QUOTE) {
        let k = j + 1;
        let escaped = false;
        while (k < n && v[k] !== QUOTE) {
          if (v[k] === BACKSLASH) {
            escaped = true;
            k++;
          }
          k++;
        }
        if (k < n) {
          if (!escaped) found(v.toString('utf8', j + 1, k));
          else {
            try {
              const value: unknown = JSON.parse(v.toString('utf8', j, k + 1));
              if (typeof value === 'string') found(value);
            } catch {
              // not a valid string: the evaluator reports the line
            }
          }
        }
        j = k;
      }
    }
    i = v.indexOf(REFERENCE_KEY, j);
  }
}

/** The shared resources of one run. */
export class SharedResources {
  private readonly slots = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  private offsets: number[] = [];
  private lengths: number[] = [];
  private files: number[] = [];
  private lineNumbers: number[] = [];
  /** Slots each shared resource references (computed once, when first attached). */
  private readonly refsOf = new Map<number, number[]>();
  private readonly cache = new Map<number, Buffer>();
  private cached = 0;

  constructor(private readonly store: SpillStore) {}

  /** Number of distinct shared resources. */
  get size(): number {
    return this.slots.size;
  }

  /** Keeps the JSON text `src[start, end)` of resource `type/id` (read at `file`:`line`); a later copy replaces it. */
  add(type: string, id: string, src: Uint8Array, start: number, end: number, file: number, line: number): void {
    const key = `${type}/${id}`;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.offsets.length;
      this.slots.set(key, slot);
      const other = this.byId.get(id);
      this.byId.set(id, other === undefined ? slot : AMBIGUOUS);
    } else {
      this.refsOf.delete(slot);
      const old = this.cache.get(slot);
      if (old) {
        this.cached -= old.length;
        this.cache.delete(slot);
      }
    }
    this.offsets[slot] = this.store.append(src, start, end);
    this.lengths[slot] = end - start;
    this.files[slot] = file;
    this.lineNumbers[slot] = line;
  }

  /** The slot a reference string resolves to, or undefined. */
  private resolve(ref: string): number | undefined {
    if (ref.startsWith('#')) return undefined;
    if (ref.startsWith('urn:uuid:')) {
      const slot = this.byId.get(ref.slice(9));
      return slot === undefined || slot === AMBIGUOUS ? undefined : slot;
    }
    const m = LITERAL.exec(ref);
    return m ? this.slots.get(`${m[1]}/${m[2]}`) : undefined;
  }

  /** The bytes of a slot (cached while the cache has room). */
  private bytesOf(slot: number): Buffer {
    let b = this.cache.get(slot);
    if (b) return b;
    b = Buffer.allocUnsafe(this.lengths[slot]!);
    this.store.read(this.offsets[slot]!, b.length, b, 0);
    if (this.cached + b.length <= CACHE_BYTES) {
      this.cache.set(slot, b);
      this.cached += b.length;
    }
    return b;
  }

  /** The slots a shared resource references itself. */
  private referencesOf(slot: number): number[] {
    let refs = this.refsOf.get(slot);
    if (!refs) {
      const out: number[] = [];
      const b = this.bytesOf(slot);
      forEachReference(b, 0, b.length, (ref) => {
        const s = this.resolve(ref);
        if (s !== undefined && s !== slot && !out.includes(s)) out.push(s);
      });
      this.refsOf.set(slot, (refs = out));
    }
    return refs;
  }

  /**
   * The batch with the shared resources its patients reference appended (each once, after every
   * patient's own lines; `BatchPatient.shared` lists a patient's), as a batch owning its bytes.
   * The batch itself when there is nothing to add.
   */
  attach(batch: PatientBatch): PatientBatch {
    if (!this.slots.size) return batch;
    const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
    const lineOfSlot = new Map<number, number>();
    const order: number[] = [];
    const ownLines = batch.lines.length / LINE_SLOTS;
    const patients: BatchPatient[] = [];
    let l = 0;
    for (const p of batch.patients) {
      const wanted: number[] = [];
      const want = (slot: number | undefined) => {
        if (slot !== undefined && !wanted.includes(slot)) wanted.push(slot);
      };
      for (const stop = l + p.lines; l < stop; l++) forEachReference(bytes, batch.lines[l * LINE_SLOTS]!, batch.lines[l * LINE_SLOTS + 1]!, (ref) => want(this.resolve(ref)));
      // follow references between shared resources (a Medication's Organization), each once
      for (let k = 0; k < wanted.length; k++) for (const s of this.referencesOf(wanted[k]!)) want(s);
      if (!wanted.length) {
        patients.push(p);
        continue;
      }
      const shared: number[] = [];
      for (const slot of wanted) {
        let line = lineOfSlot.get(slot);
        if (line === undefined) {
          line = ownLines + order.length;
          lineOfSlot.set(slot, line);
          order.push(slot);
        }
        shared.push(line);
      }
      patients.push({ ...p, shared });
    }
    if (!order.length) return batch;
    // the batch's own bytes (one range: its lines are contiguous), then each shared resource once
    const start = ownLines ? batch.lines[0]! : 0;
    const end = ownLines ? batch.lines[(ownLines - 1) * LINE_SLOTS + 1]! : 0;
    let total = end - start;
    for (const slot of order) total += this.lengths[slot]!;
    const out = new Uint8Array(total);
    out.set(bytes.subarray(start, end));
    const lines = new Int32Array((ownLines + order.length) * LINE_SLOTS);
    lines.set(batch.lines);
    for (let k = 0; k < ownLines * LINE_SLOTS; k += LINE_SLOTS) {
      lines[k]! -= start;
      lines[k + 1]! -= start;
    }
    let at = end - start;
    order.forEach((slot, k) => {
      const b = this.bytesOf(slot);
      out.set(b, at);
      const i = (ownLines + k) * LINE_SLOTS;
      lines[i] = at;
      lines[i + 1] = at += b.length;
      lines[i + 2] = this.files[slot]!;
      lines[i + 3] = this.lineNumbers[slot]!;
    });
    return { bytes: out, lines, patients, ...(batch.large ? { large: true } : {}) };
  }
}
