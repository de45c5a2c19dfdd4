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
import { decodeEscaped, forEachReference } from './reference-bytes.ts';
import { LINE_SLOTS, type BatchPatient, type PatientBatch } from './shard-store.ts';
import type { SpillStore } from './spill-store.ts';

/** A literal `Type/id` reference, relative or absolute, version suffix allowed (http://hl7.org/fhir/R4/references.html). */
const LITERAL = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
/** Bytes of shared resources cached in memory (the rest are read back from the store). */
const CACHE_BYTES = 8 * 1024 * 1024;
/** An id two shared resources of different types carry: `urn:uuid:<id>` cannot tell them apart. */
const AMBIGUOUS = -1;

const SLASH = 0x2f;
const HASH = 0x23;
const URN_UUID_PREFIX = Buffer.from('urn:uuid:');
const HISTORY = Buffer.from('_history');

/** The shared resources of one run. */
export class SharedResources {
  private readonly slots = new Map<string, number>();
  /** Ids of the attachable resources, for `urn:uuid:<id>`. */
  private readonly byId = new Map<string, number>();
  /** The attachable types as bytes (a reference to any other type is skipped before being decoded). */
  private readonly typeNames: Buffer[];
  private attachable = 0;
  private offsets: number[] = [];
  private lengths: number[] = [];
  private files: number[] = [];
  private lineNumbers: number[] = [];
  /** Slots each shared resource references (computed once, when first attached). */
  private readonly refsOf = new Map<number, number[]>();
  private readonly cache = new Map<number, Buffer>();
  private cached = 0;

  /**
   * `types`: the resource types handed to the patients that reference them (the ones the rules
   * read: the engine's REFERENCED_TYPES and RECORD_TYPES); the others are kept, not handed out.
   */
  constructor(
    private readonly store: SpillStore,
    private readonly types: ReadonlySet<string>,
  ) {
    this.typeNames = [...types].map((t) => Buffer.from(t, 'latin1'));
  }

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
      if (this.types.has(type)) {
        this.attachable++;
        const other = this.byId.get(id);
        this.byId.set(id, other === undefined ? slot : AMBIGUOUS);
      }
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

  /** The attachable slot the reference `b[s, e)` resolves to, or undefined (read off the bytes: most references are skipped undecoded). */
  private resolve(b: Buffer, s: number, e: number, escaped: boolean): number | undefined {
    if (escaped) {
      const ref = decodeEscaped(b, s, e);
      return ref === undefined ? undefined : this.resolveText(ref);
    }
    if (s === e || b[s] === HASH) {
      return undefined;
    }
    if (
      e - s > URN_UUID_PREFIX.length &&
      b.compare(URN_UUID_PREFIX, 0, URN_UUID_PREFIX.length, s, s + URN_UUID_PREFIX.length) === 0
    ) {
      return this.byIdSlot(b.toString('utf8', s + URN_UUID_PREFIX.length, e));
    }
    // [base/]Type/id[/_history/version]
    let idEnd = e;
    let slash = b.lastIndexOf(SLASH, e - 1);
    if (slash > s) {
      const before = b.lastIndexOf(SLASH, slash - 1);
      if (
        before >= s &&
        slash - before - 1 === HISTORY.length &&
        b.compare(HISTORY, 0, HISTORY.length, before + 1, slash) === 0
      ) {
        idEnd = before;
        slash = b.lastIndexOf(SLASH, before - 1);
      }
    }
    if (slash <= s) {
      return undefined;
    }
    const typeStart = Math.max(s, b.lastIndexOf(SLASH, slash - 1) + 1);
    const len = slash - typeStart;
    for (const t of this.typeNames) {
      if (t.length === len && b.compare(t, 0, len, typeStart, slash) === 0) {
        return this.slots.get(b.toString('utf8', typeStart, idEnd));
      }
    }
    return undefined;
  }

  /** The attachable slot a decoded reference string resolves to. */
  private resolveText(ref: string): number | undefined {
    if (ref.startsWith('#')) {
      return undefined;
    }
    if (ref.startsWith('urn:uuid:')) {
      return this.byIdSlot(ref.slice(9));
    }
    const m = LITERAL.exec(ref);
    return m && this.types.has(m[1]!) ? this.slots.get(`${m[1]}/${m[2]}`) : undefined;
  }

  private byIdSlot(id: string): number | undefined {
    const slot = this.byId.get(id);
    return slot === undefined || slot === AMBIGUOUS ? undefined : slot;
  }

  /** The bytes of a slot (cached while the cache has room). */
  private bytesOf(slot: number): Buffer {
    let b = this.cache.get(slot);
    if (b) {
      return b;
    }
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
      forEachReference(b, 0, b.length, (rb, rs, re, escaped) => {
        const s = this.resolve(rb, rs, re, escaped);
        if (s !== undefined && s !== slot && !out.includes(s)) {
          out.push(s);
        }
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
    if (!this.attachable) {
      return batch;
    }
    const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
    const lineOfSlot = new Map<number, number>();
    const order: number[] = [];
    const ownLines = batch.lines.length / LINE_SLOTS;
    const patients: BatchPatient[] = [];
    let l = 0;
    for (const p of batch.patients) {
      const wanted: number[] = [];
      const want = (slot: number | undefined) => {
        if (slot !== undefined && !wanted.includes(slot)) {
          wanted.push(slot);
        }
      };
      // the patient's lines are contiguous: one scan
      if (p.lines) {
        forEachReference(
          bytes,
          batch.lines[l * LINE_SLOTS]!,
          batch.lines[(l + p.lines - 1) * LINE_SLOTS + 1]!,
          (rb, rs, re, escaped) => want(this.resolve(rb, rs, re, escaped)),
        );
      }
      l += p.lines;
      // follow references between shared resources (a Medication's Organization), each once
      for (let k = 0; k < wanted.length; k++) {
        for (const s of this.referencesOf(wanted[k]!)) {
          want(s);
        }
      }
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
    if (!order.length) {
      return batch;
    }
    // the batch's own bytes (one range: its lines are contiguous), then each shared resource once
    const start = ownLines ? batch.lines[0]! : 0;
    const end = ownLines ? batch.lines[(ownLines - 1) * LINE_SLOTS + 1]! : 0;
    let total = end - start;
    for (const slot of order) {
      total += this.lengths[slot]!;
    }
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
