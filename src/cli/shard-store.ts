/**
 * Per-patient grouping of the CLI's input through a {@link SpillStore}, so that memory does not
 * grow with the number of patients (a Bulk Data export of 200,000 lives is read in bounded memory,
 * apart from ≈ 40 bytes per patient: its id, ordinal, size and line count).
 *
 * Pass 1 appends each resource's JSON bytes, with the file and line they came from, to the shard of
 * its patient: patient `ordinal` (its position in first-seen order) lives in shard
 * `floor(ordinal / patientsPerShard)`. Appends are buffered per shard and flushed as segments of the
 * store when a shard's buffer or all buffers together get large. A patient whose bytes pass
 * `maxPatientBytes` is cut off there: nothing more of it is stored, and pass 2 skips it.
 * Pass 2 reads one shard at a time — or, for a shard larger than the read budget (patients far
 * bigger than estimated), one run of its patients at a time — lays each patient's lines out
 * contiguously, input order kept, and hands out batches of patients: bytes plus a line index,
 * still unparsed, cheap to transfer to a worker thread.
 */
import { copyBytes, type SpillStore } from './spill-store.ts';

/** Bytes buffered per shard before it is appended to the store. */
const SHARD_BUFFER_BYTES = 256 * 1024;
/** Flush every buffer beyond this many bytes buffered in total. */
const TOTAL_BUFFER_BYTES = 16 * 1024 * 1024;
/** Shard record header: ordinal, file index, line number, byte length (each 32-bit little-endian). */
const HEADER = 16;
/** Int32 slots per line of a {@link PatientBatch}: start, end, file index, line number. */
export const LINE_SLOTS = 4;

/** One patient of a batch. */
export interface BatchPatient {
  ordinal: number;
  id: string;
  /** Its own lines: the next `lines` lines of the batch, in input order. */
  lines: number;
  /** Lines of the batch holding shared resources it references (shared-resources.ts). */
  shared?: number[];
}

/** A batch of patients for the evaluator: their resources' JSON texts as bytes, not yet parsed. */
export interface PatientBatch {
  /** UTF-8 JSON texts. */
  bytes: Uint8Array;
  /** Per line, {@link LINE_SLOTS} numbers: start and end in `bytes`, file index (-1: not from a file) and line number (0 when not from an ndjson line). Patient after patient, then shared resources. */
  lines: Int32Array;
  patients: BatchPatient[];
  /** One patient larger than the large-patient threshold: evaluated apart, with more memory. */
  large?: boolean;
}

/** Shard store options. */
export interface PatientShardsOptions {
  store: SpillStore;
  /** Patients per shard (see {@link patientsPerShardFor}). */
  patientsPerShard: number;
  /** A patient whose JSON passes this many bytes is cut off (reported by the caller) and skipped. */
  maxPatientBytes: number;
}

/** How a resource was taken by {@link PatientShards.add}. */
export type AddResult = 'stored' | 'patient-now-too-large' | 'patient-too-large';

/** Batch sizing for pass 2. */
export interface BatchOptions {
  /** Patients per batch at most. */
  patients: number;
  /** JSON bytes per batch at most (a larger patient is a batch of its own). */
  bytes: number;
  /** A patient with more JSON bytes than this is a `large` batch of its own. */
  largeBytes: number;
  /** Batches own their bytes (transferable to a worker) instead of viewing the shard's. */
  compact: boolean;
  /** Bytes of one shard read at once at most (a bigger shard is read one run of patients at a time). */
  readBudget: number;
}

/** Patients per shard that make a shard about `targetBytes` when the average patient has `avgPatientBytes` (8 to 250). */
export function patientsPerShardFor(avgPatientBytes: number, targetBytes = 8 * 1024 * 1024): number {
  if (!(avgPatientBytes > 0)) {
    return 250;
  }
  return Math.max(8, Math.min(250, Math.floor(targetBytes / avgPatientBytes)));
}

/** Grows a typed array to hold index `i`. */
function ensure<T extends Float64Array | Uint32Array | Uint8Array>(a: T, i: number, make: (n: number) => T): T {
  if (i < a.length) {
    return a;
  }
  const b = make(Math.max(i + 1, a.length * 2));
  b.set(a);
  return b;
}

/** The temporary per-patient store of one run. */
export class PatientShards {
  private readonly ordinals = new Map<string, number>();
  private readonly ids: string[] = [];
  private bytesOf = new Float64Array(1024);
  private linesOf = new Uint32Array(1024);
  private tooLarge = new Uint8Array(1024);
  private readonly buffers = new Map<number, { buf: Buffer; used: number }>();
  /** Per shard: its segments in the store, as [offset, length] pairs. */
  private readonly segments: number[][] = [];
  private buffered = 0;
  private readonly header = Buffer.allocUnsafe(HEADER);

  constructor(private readonly opts: PatientShardsOptions) {}

  /** Number of patients seen. */
  get patientCount(): number {
    return this.ids.length;
  }

  /** Number of patients cut off for size. */
  get tooLargeCount(): number {
    let n = 0;
    for (let o = 0; o < this.ids.length; o++) {
      n += this.tooLarge[o]!;
    }
    return n;
  }

  /** Appends the JSON text `src[start, end)` (one resource, UTF-8) read from line `line` of file `file` to its patient's shard. */
  add(patientId: string, src: Uint8Array, start: number, end: number, file: number, line: number): AddResult {
    let ordinal = this.ordinals.get(patientId);
    if (ordinal === undefined) {
      ordinal = this.ids.length;
      this.ordinals.set(patientId, ordinal);
      this.ids.push(patientId);
      this.bytesOf = ensure(this.bytesOf, ordinal, (n) => new Float64Array(n));
      this.linesOf = ensure(this.linesOf, ordinal, (n) => new Uint32Array(n));
      this.tooLarge = ensure(this.tooLarge, ordinal, (n) => new Uint8Array(n));
    }
    if (this.tooLarge[ordinal]) {
      return 'patient-too-large';
    }
    const len = end - start;
    if (this.bytesOf[ordinal]! + len > this.opts.maxPatientBytes) {
      this.tooLarge[ordinal] = 1;
      return 'patient-now-too-large';
    }
    this.bytesOf[ordinal]! += len;
    this.linesOf[ordinal]!++;
    const shard = Math.floor(ordinal / this.opts.patientsPerShard);
    while (this.segments.length <= shard) {
      this.segments.push([]);
    }
    const size = HEADER + len;
    let b = this.buffers.get(shard);
    if (b && b.used + size > b.buf.length) {
      this.flushShard(shard);
    }
    if (size > SHARD_BUFFER_BYTES) {
      // a resource larger than a buffer goes straight to the store, as its own segment
      writeHeader(this.header, 0, ordinal, file, line, len);
      const at = this.opts.store.append(this.header, 0, HEADER);
      this.opts.store.append(src, start, end);
      this.segments[shard]!.push(at, size);
      return 'stored';
    }
    b = this.buffers.get(shard);
    if (!b) {
      this.buffers.set(shard, (b = { buf: Buffer.allocUnsafe(SHARD_BUFFER_BYTES), used: 0 }));
    }
    writeHeader(b.buf, b.used, ordinal, file, line, len);
    copyBytes(src, start, end, b.buf, b.used + HEADER);
    b.used += size;
    this.buffered += size;
    if (this.buffered > TOTAL_BUFFER_BYTES) {
      this.flush();
    }
    return 'stored';
  }

  private flushShard(shard: number): void {
    const b = this.buffers.get(shard);
    if (!b) {
      return;
    }
    if (b.used) {
      this.segments[shard]!.push(this.opts.store.append(b.buf, 0, b.used), b.used);
    }
    this.buffered -= b.used;
    this.buffers.delete(shard);
  }

  /** Writes every buffer out to the store. */
  flush(): void {
    for (const shard of [...this.buffers.keys()]) {
      this.flushShard(shard);
    }
  }

  /**
   * Pass 2: every patient still within the size limit, in ordinal order, in batches (a batch
   * never spans two shards), one shard — or one read-budget's worth of it — in memory at a time.
   */
  *batches(o: BatchOptions): Generator<PatientBatch> {
    this.flush();
    const per = this.opts.patientsPerShard;
    let segBuf = Buffer.allocUnsafe(SHARD_BUFFER_BYTES + HEADER);
    for (let shard = 0; shard < this.segments.length; shard++) {
      const first = shard * per;
      const last = Math.min(first + per, this.ids.length);
      for (let a = first; a < last;) {
        // the run [a, b) of patients read at once: within the read budget, at least one patient
        let b = a;
        let runBytes = 0;
        let runLines = 0;
        while (b < last && (b === a || runBytes + this.sizeOf(b) <= o.readBudget)) {
          runBytes += this.sizeOf(b);
          runLines += this.tooLarge[b] ? 0 : this.linesOf[b]!;
          b++;
        }
        // where each patient's lines and bytes go
        const n = b - a;
        const lineAt = new Int32Array(n + 1);
        const byteAt = new Float64Array(n + 1);
        for (let k = 0; k < n; k++) {
          const skip = this.tooLarge[a + k] === 1;
          lineAt[k + 1] = lineAt[k]! + (skip ? 0 : this.linesOf[a + k]!);
          byteAt[k + 1] = byteAt[k]! + (skip ? 0 : this.bytesOf[a + k]!);
        }
        const bytes = Buffer.allocUnsafe(runBytes);
        const index = new Int32Array(runLines * LINE_SLOTS);
        const lineNext = lineAt.slice(0, n);
        const byteNext = byteAt.slice(0, n);
        const segs = this.segments[shard]!;
        for (let s = 0; s < segs.length; s += 2) {
          const len = segs[s + 1]!;
          if (segBuf.length < len) {
            segBuf = Buffer.allocUnsafe(len);
          }
          this.opts.store.read(segs[s]!, len, segBuf, 0);
          for (let pos = 0; pos < len;) {
            const ordinal = segBuf.readUInt32LE(pos);
            const size = segBuf.readUInt32LE(pos + 12);
            const k = ordinal - a;
            if (k >= 0 && k < n && !this.tooLarge[ordinal]) {
              const at = byteNext[k]!;
              segBuf.copy(bytes, at, pos + HEADER, pos + HEADER + size);
              const l = lineNext[k]!++ * LINE_SLOTS;
              index[l] = at;
              index[l + 1] = at + size;
              index[l + 2] = segBuf.readInt32LE(pos + 4);
              index[l + 3] = segBuf.readUInt32LE(pos + 8);
              byteNext[k] = at + size;
            }
            pos += HEADER + size;
          }
        }
        yield* this.batchesOfRun(a, n, bytes, index, lineAt, byteAt, o);
        a = b;
      }
    }
  }

  /** Bytes of patient `ordinal` that pass 2 reads (none for a patient cut off for size). */
  private sizeOf(ordinal: number): number {
    return this.tooLarge[ordinal] ? 0 : this.bytesOf[ordinal]!;
  }

  /** Cuts one run of laid-out patients into batches. */
  private *batchesOfRun(
    a: number,
    n: number,
    bytes: Buffer,
    index: Int32Array,
    lineAt: Int32Array,
    byteAt: Float64Array,
    o: BatchOptions,
  ): Generator<PatientBatch> {
    let k = 0;
    while (k < n) {
      const patients: BatchPatient[] = [];
      const from = k;
      let size = 0;
      for (; k < n && patients.length < o.patients; k++) {
        const lines = lineAt[k + 1]! - lineAt[k]!;
        if (!lines) {
          continue;
        }
        const own = byteAt[k + 1]! - byteAt[k]!;
        if (own > o.largeBytes || (patients.length && size + own > o.bytes)) {
          break;
        }
        patients.push({ ordinal: a + k, id: this.ids[a + k]!, lines });
        size += own;
      }
      if (patients.length) {
        yield this.cut(bytes, index, lineAt[from]!, lineAt[k]!, patients, o.compact);
      }
      if (k < n && !patients.length) {
        // a large patient (or one over the batch bytes by itself): a batch of its own
        const lines = lineAt[k + 1]! - lineAt[k]!;
        const own = byteAt[k + 1]! - byteAt[k]!;
        // (a large patient's batch always owns its bytes: it goes to a worker of its own)
        const large = own > o.largeBytes;
        const batch = this.cut(
          bytes,
          index,
          lineAt[k]!,
          lineAt[k + 1]!,
          [{ ordinal: a + k, id: this.ids[a + k]!, lines }],
          o.compact || large,
        );
        if (large) {
          batch.large = true;
        }
        yield batch;
        k++;
      }
    }
  }

  /** The batch of lines [from, to) of a run: a view of the run's bytes, or (compact) its own copy. */
  private cut(
    bytes: Buffer,
    index: Int32Array,
    from: number,
    to: number,
    patients: BatchPatient[],
    compact: boolean,
  ): PatientBatch {
    if (!compact) {
      return { bytes, lines: index.subarray(from * LINE_SLOTS, to * LINE_SLOTS), patients };
    }
    const start = from < to ? index[from * LINE_SLOTS]! : 0;
    const end = from < to ? index[(to - 1) * LINE_SLOTS + 1]! : 0;
    const own = new Uint8Array(end - start);
    own.set(bytes.subarray(start, end));
    const lines = index.slice(from * LINE_SLOTS, to * LINE_SLOTS);
    for (let l = 0; l < lines.length; l += LINE_SLOTS) {
      lines[l]! -= start;
      lines[l + 1]! -= start;
    }
    return { bytes: own, lines, patients };
  }
}

function writeHeader(buf: Buffer, at: number, ordinal: number, file: number, line: number, length: number): void {
  buf.writeUInt32LE(ordinal, at);
  buf.writeInt32LE(file, at + 4);
  buf.writeUInt32LE(line, at + 8);
  buf.writeUInt32LE(length, at + 12);
}

/** The JSON text of line `l` of a batch. */
export function decodeLine(batch: PatientBatch, l: number): string {
  const b = batch.bytes;
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString(
    'utf8',
    batch.lines[l * LINE_SLOTS]!,
    batch.lines[l * LINE_SLOTS + 1]!,
  );
}
