/**
 * Streaming per-patient grouping of the CLI's input through a temporary directory of shards, so
 * that memory does not grow with the number of patients (a Bulk Data export of 200,000 lives is
 * read in constant memory, apart from one small id → ordinal entry per patient).
 *
 * Pass 1 reads every input once, in order: ndjson line by line (a Bulk `$export` directory holds
 * one resource type per file), JSON files whole. Each resource is parsed once to find its patient
 * (see group-by-patient.ts); the patient gets an ordinal on first sight, and the resource's JSON
 * text is appended as `ordinal<TAB>json` to shard `floor(ordinal / patientsPerShard)`. Patient
 * files (`Patient.ndjson`, `Patient.000.ndjson`, …) are read first, so that ordinals, and
 * therefore the output, follow the order of the Patient file. Appends are buffered per shard and
 * flushed when a shard's buffer or all buffers together get large, so buffering is bounded too.
 * Pass 2 reads one shard at a time, groups its lines by ordinal and yields each patient's JSON
 * lines in ordinal order: peak memory is one shard (a few hundred patients), whatever the input size.
 */
import { appendFileSync, createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { patientIdOf } from './group-by-patient.ts';
import { readFileResources, resourcesOf, type InputProblem } from './read-inputs.ts';

/** Patients per shard: a shard of this many synthetic patients is a few MB of JSON. */
export const PATIENTS_PER_SHARD = 250;
/** Flush one shard's buffer beyond this many characters. */
const SHARD_BUFFER_CHARS = 64 * 1024;
/** Flush every buffer beyond this many characters buffered in total. */
const TOTAL_BUFFER_CHARS = 4 * 1024 * 1024;

/** One patient's resources as JSON texts, in input order. */
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

const isNdjson = (file: string): boolean => /\.(ndjson|jsonl)$/i.test(file);

/** The temporary shard store of one run; call {@link PatientShards.dispose} when done. */
export class PatientShards {
  private readonly dir = mkdtempSync(join(tmpdir(), 'caregap-shards-'));
  private readonly ordinals = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly buffers = new Map<number, string[]>();
  private readonly bufferChars = new Map<number, number>();
  private buffered = 0;
  private shardCount = 0;

  constructor(private readonly patientsPerShard = PATIENTS_PER_SHARD) {}

  /** Number of patients seen. */
  get patientCount(): number {
    return this.ids.length;
  }

  private shardPath(shard: number): string {
    return join(this.dir, `${shard}.shard`);
  }

  /** Appends one resource's JSON text to its patient's shard. */
  add(patientId: string, json: string): void {
    let ordinal = this.ordinals.get(patientId);
    if (ordinal === undefined) {
      ordinal = this.ids.length;
      this.ordinals.set(patientId, ordinal);
      this.ids.push(patientId);
    }
    const shard = Math.floor(ordinal / this.patientsPerShard);
    if (shard >= this.shardCount) this.shardCount = shard + 1;
    let buf = this.buffers.get(shard);
    if (!buf) this.buffers.set(shard, (buf = []));
    const text = `${ordinal}\t${json}\n`;
    buf.push(text);
    const chars = (this.bufferChars.get(shard) ?? 0) + text.length;
    this.bufferChars.set(shard, chars);
    this.buffered += text.length;
    if (chars > SHARD_BUFFER_CHARS) this.flushShard(shard);
    else if (this.buffered > TOTAL_BUFFER_CHARS) this.flush();
  }

  private flushShard(shard: number): void {
    const buf = this.buffers.get(shard);
    if (!buf?.length) return;
    appendFileSync(this.shardPath(shard), buf.join(''));
    this.buffered -= this.bufferChars.get(shard) ?? 0;
    this.buffers.delete(shard);
    this.bufferChars.delete(shard);
  }

  /** Writes every buffer out. */
  flush(): void {
    for (const shard of [...this.buffers.keys()]) this.flushShard(shard);
  }

  /** Pass 2: every patient's lines, in ordinal order, one shard in memory at a time. */
  *patients(): Generator<PatientLines> {
    this.flush();
    for (let shard = 0; shard < this.shardCount; shard++) {
      let text: string;
      try {
        text = readFileSync(this.shardPath(shard), 'utf8');
      } catch {
        continue;
      }
      const groups = new Map<number, string[]>();
      let start = 0;
      while (start < text.length) {
        const tab = text.indexOf('\t', start);
        const end = text.indexOf('\n', tab);
        const ordinal = Number(text.slice(start, tab));
        let g = groups.get(ordinal);
        if (!g) groups.set(ordinal, (g = []));
        g.push(text.slice(tab + 1, end));
        start = end + 1;
      }
      for (const ordinal of [...groups.keys()].sort((a, b) => a - b)) yield { ordinal, id: this.ids[ordinal]!, lines: groups.get(ordinal)! };
    }
  }

  /** Removes the temporary directory. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Pass 1 of one ndjson file: each line parsed once, its raw text kept when it is a single resource. */
async function shardNdjson(file: string, shards: PatientShards, problems: InputProblem[], onBytes: (n: number) => void): Promise<void> {
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    let n = 0;
    for await (const raw of lines) {
      n++;
      onBytes(raw.length + 1);
      const text = raw.trim();
      if (!text) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        problems.push({ file, line: n, message: `invalid JSON (${e instanceof Error ? e.message.replace(/\s+/g, ' ') : String(e)})` });
        continue;
      }
      for (const located of resourcesOf(value, file, n, problems)) {
        const pid = patientIdOf(located);
        if (pid) shards.add(pid, located.resource === value ? text : JSON.stringify(located.resource));
      }
    }
  } catch (e) {
    problems.push({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
}

/** Pass 1 over every input file (Patient files first); returns the shard store. */
export async function shardInputs(files: readonly string[], problems: InputProblem[], onBytes: (n: number) => void = () => {}): Promise<PatientShards> {
  const shards = new PatientShards();
  const ordered = [...files.filter(isPatientFile), ...files.filter((f) => !isPatientFile(f))];
  try {
    for (const file of ordered) {
      if (isNdjson(file)) await shardNdjson(file, shards, problems, onBytes);
      else {
        await readFileResources(file, problems, (located) => {
          const pid = patientIdOf(located);
          if (pid) shards.add(pid, JSON.stringify(located.resource));
        });
        onBytes(fileSize(file));
      }
    }
    shards.flush();
  } catch (e) {
    shards.dispose();
    throw e;
  }
  return shards;
}

/** Size of a file in bytes (0 when unreadable). */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
