/**
 * Streaming per-patient grouping of the CLI's input through a temporary directory of shards, so
 * that memory does not grow with the number of patients (a Bulk Data export of 200,000 lives is
 * read in constant memory, apart from one small id → ordinal entry per patient).
 *
 * Pass 1 reads every input once, in order: ndjson in large chunks split into lines by hand (a Bulk
 * `$export` directory holds one resource type per file), JSON files whole. An ndjson line's patient
 * is read off its raw bytes without parsing it (scanPatientId in group-by-patient.ts); a line the
 * scanner is not sure about (a Bundle, anything odd) is parsed as before. The patient gets an
 * ordinal on first sight, and the resource's bytes are appended, with the file and line they came
 * from, to shard `floor(ordinal / patientsPerShard)`. Patient files (`Patient.ndjson`,
 * `Patient.000.ndjson`, …) are read first, so that ordinals, and therefore the output, follow the
 * order of the Patient file. Appends are buffered per shard and flushed when a shard's buffer or
 * all buffers together get large, so buffering is bounded too.
 * Pass 2 reads one shard at a time, groups its lines by ordinal and hands out batches of patients
 * (bytes + line index, cheap to transfer to a worker thread), each line still unparsed: it is parsed
 * exactly once, by the evaluator, which also reports a line that is not valid JSON (as file:line).
 * Peak memory is one shard (a few hundred patients), whatever the input size.
 */
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { patientIdOf, scanPatientId } from './group-by-patient.ts';
import { isNdjson, jsonMessage, readFileResources, resourcesOf, type InputProblem } from './read-inputs.ts';

/** Patients per shard: a shard of this many synthetic patients is about 10 MB of JSON. */
export const PATIENTS_PER_SHARD = 250;
/** Bytes buffered per shard before it is appended to its file. */
const SHARD_BUFFER_BYTES = 256 * 1024;
/** Flush every buffer beyond this many bytes buffered in total. */
const TOTAL_BUFFER_BYTES = 4 * 1024 * 1024;
/** Bytes read from an ndjson file at a time (grown for a longer line). */
export const READ_CHUNK_BYTES = 1024 * 1024;
/** Shard record header: ordinal, file index, line number, byte length (each 32-bit little-endian). */
const HEADER = 16;
/** Int32 slots per line of a {@link PatientBatch}: start, end, file index, line number. */
export const LINE_SLOTS = 4;

/** A batch of patients for the evaluator: their resources' JSON texts as bytes, not yet parsed. */
export interface PatientBatch {
  /** UTF-8 JSON texts (the whole shard, or just this batch's lines when compact). */
  bytes: Uint8Array;
  /** Per line, {@link LINE_SLOTS} numbers: start and end in `bytes`, index of the file (in {@link PatientShards.files}) and line number (0 when not from an ndjson line). Patient after patient, input order within a patient. */
  lines: Int32Array;
  /** The patients, in ordinal order, with their number of lines. */
  patients: { ordinal: number; id: string; lines: number }[];
}

/** One patient's resources as JSON texts, in input order (see {@link PatientShards.patients}). */
export interface PatientLines {
  /** Position of the patient in the input (0-based). */
  ordinal: number;
  /** Patient id. */
  id: string;
  /** One JSON resource per element. */
  lines: string[];
}

/** Whether a file is (one part of) a Bulk export's Patient file. */
export function isPatientFile(file: string): boolean {
  return /^Patient([._-]|$)/i.test(basename(file)) && /\.(nd)?jsonl?$/i.test(file);
}

/** The temporary shard store of one run; call {@link PatientShards.dispose} when done. */
export class PatientShards {
  private readonly dir = mkdtempSync(join(tmpdir(), 'caregap-shards-'));
  private readonly ordinals = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly buffers = new Map<number, { buf: Buffer; used: number }>();
  private buffered = 0;
  private shardCount = 0;
  /** Input files in reading order; a line's file index points here. */
  readonly files: string[] = [];
  /** Sort keys (file index, line) of the problems found in pass 1, by problem (see {@link orderProblems}). */
  readonly problemKeys = new Map<InputProblem, [number, number]>();

  constructor(private readonly patientsPerShard = PATIENTS_PER_SHARD) {}

  /** Number of patients seen. */
  get patientCount(): number {
    return this.ids.length;
  }

  private shardPath(shard: number): string {
    return join(this.dir, `${shard}.shard`);
  }

  /** Appends one resource's JSON text to its patient's shard. */
  add(patientId: string, json: string, file = -1, line = 0): void {
    const bytes = Buffer.from(json, 'utf8');
    this.addBytes(patientId, bytes, 0, bytes.length, file, line);
  }

  /** Appends the JSON text `src[start, end)` (one resource, UTF-8) read from line `line` of file `file` to its patient's shard. */
  addBytes(patientId: string, src: Uint8Array, start: number, end: number, file: number, line: number): void {
    let ordinal = this.ordinals.get(patientId);
    if (ordinal === undefined) {
      ordinal = this.ids.length;
      this.ordinals.set(patientId, ordinal);
      this.ids.push(patientId);
    }
    const shard = Math.floor(ordinal / this.patientsPerShard);
    if (shard >= this.shardCount) this.shardCount = shard + 1;
    const size = HEADER + end - start;
    let b = this.buffers.get(shard);
    if (b && b.used + size > b.buf.length) this.flushShard(shard);
    if (size > SHARD_BUFFER_BYTES) {
      // a resource larger than a buffer goes straight to the file
      const rec = Buffer.allocUnsafe(size);
      writeHeader(rec, 0, ordinal, file, line, end - start);
      rec.set(src.subarray(start, end), HEADER);
      appendFileSync(this.shardPath(shard), rec);
      return;
    }
    b = this.buffers.get(shard);
    if (!b) this.buffers.set(shard, (b = { buf: Buffer.allocUnsafe(SHARD_BUFFER_BYTES), used: 0 }));
    writeHeader(b.buf, b.used, ordinal, file, line, end - start);
    b.buf.set(src.subarray(start, end), b.used + HEADER);
    b.used += size;
    this.buffered += size;
    if (this.buffered > TOTAL_BUFFER_BYTES) this.flush();
  }

  private flushShard(shard: number): void {
    const b = this.buffers.get(shard);
    if (!b) return;
    if (b.used) appendFileSync(this.shardPath(shard), b.buf.subarray(0, b.used));
    this.buffered -= b.used;
    this.buffers.delete(shard);
  }

  /** Writes every buffer out. */
  flush(): void {
    for (const shard of [...this.buffers.keys()]) this.flushShard(shard);
  }

  /**
   * Pass 2: every patient, in ordinal order, in batches of at most `size` patients (a batch never
   * spans two shards), one shard in memory at a time. `compact` batches own their bytes (just their
   * lines), so they can be transferred to a worker thread; otherwise a batch's bytes are its shard's.
   */
  *batches(size: number, compact = false): Generator<PatientBatch> {
    this.flush();
    const per = this.patientsPerShard;
    for (let shard = 0; shard < this.shardCount; shard++) {
      let buf: Buffer;
      try {
        buf = readFileSync(this.shardPath(shard));
      } catch {
        continue;
      }
      const base = shard * per;
      // counting sort of the records by ordinal, input order kept within a patient
      const first = new Int32Array(per + 1);
      let records = 0;
      for (let pos = 0; pos < buf.length; pos += HEADER + buf.readUInt32LE(pos + 12)) {
        first[buf.readUInt32LE(pos) - base + 1]!++;
        records++;
      }
      for (let k = 1; k <= per; k++) first[k]! += first[k - 1]!;
      const next = first.slice(0, per);
      const index = new Int32Array(records * LINE_SLOTS);
      for (let pos = 0; pos < buf.length; ) {
        const len = buf.readUInt32LE(pos + 12);
        const at = next[buf.readUInt32LE(pos) - base]!++ * LINE_SLOTS;
        index[at] = pos + HEADER;
        index[at + 1] = pos + HEADER + len;
        index[at + 2] = buf.readInt32LE(pos + 4);
        index[at + 3] = buf.readUInt32LE(pos + 8);
        pos += HEADER + len;
      }
      let local = 0;
      while (local < per) {
        const patients: PatientBatch['patients'] = [];
        const from = first[local]!;
        for (; local < per && patients.length < size; local++) {
          const n = first[local + 1]! - first[local]!;
          if (n) patients.push({ ordinal: base + local, id: this.ids[base + local]!, lines: n });
        }
        const to = first[local]!;
        if (!patients.length) continue;
        if (!compact) {
          yield { bytes: buf, lines: index.subarray(from * LINE_SLOTS, to * LINE_SLOTS), patients };
          continue;
        }
        let total = 0;
        for (let l = from; l < to; l++) total += index[l * LINE_SLOTS + 1]! - index[l * LINE_SLOTS]!;
        const bytes = new Uint8Array(total);
        const lines = index.slice(from * LINE_SLOTS, to * LINE_SLOTS);
        let at = 0;
        for (let l = 0; l < to - from; l++) {
          const s = lines[l * LINE_SLOTS]!;
          const e = lines[l * LINE_SLOTS + 1]!;
          bytes.set(buf.subarray(s, e), at);
          lines[l * LINE_SLOTS] = at;
          lines[l * LINE_SLOTS + 1] = at += e - s;
        }
        yield { bytes, lines, patients };
      }
    }
  }

  /** Pass 2 as strings: every patient's lines, in ordinal order (for tests and small tools). */
  *patients(): Generator<PatientLines> {
    for (const b of this.batches(this.patientsPerShard)) {
      let l = 0;
      for (const p of b.patients) {
        const lines: string[] = [];
        for (let k = 0; k < p.lines; k++, l++) lines.push(decodeLine(b, l));
        yield { ordinal: p.ordinal, id: p.id, lines };
      }
    }
  }

  /** Removes the temporary directory. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
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
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8', batch.lines[l * LINE_SLOTS]!, batch.lines[l * LINE_SLOTS + 1]!);
}

/**
 * Reads a file's lines as byte ranges, synchronously, in chunks of `chunkBytes`: a line ends at
 * `\n`, `\r\n` or a lone `\r` (as node:readline splits them), the last line may lack its newline.
 * `onLine` gets a buffer valid only during the call, the line's `[start, end)` without its line
 * ending, and its 1-based number. Lines are split on bytes, so a multi-byte UTF-8 character split
 * across two chunks stays whole. Throws when the file cannot be read.
 */
export function readLines(file: string, onLine: (buf: Buffer, start: number, end: number, line: number) => void, onBytes: (n: number) => void = () => {}, chunkBytes = READ_CHUNK_BYTES): void {
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(chunkBytes);
    let len = 0;
    let line = 0;
    for (let eof = false; !eof; ) {
      if (len === buf.length) {
        // a line longer than the buffer: grow it
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const n = readSync(fd, buf, len, buf.length - len, null);
      onBytes(n);
      eof = n === 0;
      len += n;
      const view = buf.subarray(0, len);
      let pos = 0;
      let nl = view.indexOf(10, 0);
      let cr = view.indexOf(13, 0);
      while (pos < len) {
        if (nl !== -1 && nl < pos) nl = view.indexOf(10, pos);
        if (cr !== -1 && cr < pos) cr = view.indexOf(13, pos);
        let stop: number;
        let next: number;
        if (cr !== -1 && (nl === -1 || cr < nl)) {
          // CRLF or a lone CR; a CR at the end of the data needs the next byte to tell
          if (cr + 1 < len) next = view[cr + 1] === 10 ? cr + 2 : cr + 1;
          else if (eof) next = cr + 1;
          else break;
          stop = cr;
        } else if (nl !== -1) {
          stop = nl;
          next = nl + 1;
        } else if (eof) stop = next = len;
        else break;
        onLine(view, pos, stop, ++line);
        pos = next;
      }
      // keep the unfinished line for the next read
      if (pos > 0) {
        buf.copy(buf, 0, pos, len);
        len -= pos;
      }
    }
  } finally {
    closeSync(fd);
  }
}

const isAsciiSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** Pass 1 of one ndjson file: each line's patient scanned off its bytes, or the line parsed when the scanner declines. */
function shardNdjson(file: string, fileIndex: number, shards: PatientShards, problems: InputProblem[], onBytes: (n: number) => void): void {
  try {
    readLines(
      file,
      (buf, start, end, n) => {
        while (start < end && isAsciiSpace(buf[start]!)) start++;
        while (end > start && isAsciiSpace(buf[end - 1]!)) end--;
        const pid = scanPatientId(buf, start, end);
        if (pid !== undefined) return shards.addBytes(pid, buf, start, end, fileIndex, n);
        const text = buf.toString('utf8', start, end).trim();
        if (!text) return;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (e) {
          problems.push({ file, line: n, message: jsonMessage(e) });
          return;
        }
        for (const located of resourcesOf(value, file, n, problems)) {
          const id = patientIdOf(located);
          if (id) shards.add(id, located.resource === value ? text : JSON.stringify(located.resource), fileIndex, n);
        }
      },
      onBytes,
    );
  } catch (e) {
    problems.push({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
}

/** Pass 1 over every input file (Patient files first); returns the shard store. */
export async function shardInputs(files: readonly string[], problems: InputProblem[], onBytes: (n: number) => void = () => {}): Promise<PatientShards> {
  const shards = new PatientShards();
  shards.files.push(...files.filter(isPatientFile), ...files.filter((f) => !isPatientFile(f)));
  try {
    for (const [index, file] of shards.files.entries()) {
      const before = problems.length;
      if (isNdjson(file)) shardNdjson(file, index, shards, problems, onBytes);
      else {
        await readFileResources(file, problems, (located) => {
          const pid = patientIdOf(located);
          if (pid) shards.add(pid, JSON.stringify(located.resource), index);
        });
        onBytes(fileSize(file));
      }
      // an ndjson problem without a line (the file stopped being readable) comes after its lines
      for (const p of problems.slice(before)) shards.problemKeys.set(p, [index, isNdjson(file) ? (p.line ?? Infinity) : -1]);
    }
    shards.flush();
  } catch (e) {
    shards.dispose();
    throw e;
  }
  return shards;
}

/** A problem found in pass 2: line `line` of file `file` (an index into {@link PatientShards.files}). */
export interface LineProblem {
  file: number;
  line: number;
  message: string;
}

/**
 * Every problem of a run in input order, whichever pass (or worker) found it: problems found before
 * pass 1 (missing inputs) first, then by file in reading order and line, pass 1's own order kept on ties.
 */
export function orderProblems(problems: readonly InputProblem[], late: readonly LineProblem[], shards: PatientShards): InputProblem[] {
  const keyed = problems.map((p, seq) => ({ p, key: shards.problemKeys.get(p) ?? [-1, 0], seq }));
  for (const [k, l] of late.entries()) keyed.push({ p: { file: shards.files[l.file] ?? '?', line: l.line, message: l.message }, key: [l.file, l.line], seq: problems.length + k });
  keyed.sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.seq - b.seq);
  return keyed.map((k) => k.p);
}

/** Size of a file in bytes (0 when unreadable). */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
