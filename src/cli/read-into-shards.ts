/**
 * Pass 1 of `caregap evaluate`: reads every input file once, in order (Bulk export Patient files
 * first, so that patients, and therefore the output, follow the Patient file) and files each
 * resource's JSON bytes under its patient (shard-store.ts) or, when it belongs to no patient,
 * among the shared resources (shared-resources.ts).
 *
 * An ndjson line's patient is read off its raw bytes (patient-id-scanner.ts), a .json file's
 * Bundle is split into entries off its raw bytes (bundle-scanner.ts); whatever those decline is
 * parsed (parsed-resources.ts). Limits: a line, or a whole .json file, longer than
 * `maxLineBytes` is skipped without being held; nesting beyond the depth limit rejects one
 * resource; a patient whose JSON passes `maxPatientBytes` is cut off. Each problem is filed with
 * its position and reason, never with input content.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { RECORD_TYPES, REFERENCED_TYPES } from '../engine/index.ts';
import { FileReader, ReadBuffer } from './file-reader.ts';
import type { SplitText } from './parsed-resources.ts';
import type { ProblemLog } from './problem-log.ts';
import { isNdjson, isPatientFile, type InputFile } from './read-inputs.ts';
import { PatientShards, patientsPerShardFor } from './shard-store.ts';
import { SharedResources } from './shared-resources.ts';
import { SpillStore } from './spill-store.ts';

/** Pass-1 settings. */
export interface ReadOptions {
  /** Longest ndjson line, and largest .json file, read (bytes). */
  maxLineBytes: number;
  /** Largest patient record (bytes of JSON) kept. */
  maxPatientBytes: number;
  /** Input bytes kept in memory before the temporary file is used. */
  memoryBytes: number;
  /** Progress: `n` more input bytes read. */
  onBytes?: (n: number) => void;
  /** Texts longer than this (characters) are parsed by `parseApart` when it is given. */
  parseHereMaxBytes?: number;
  /** Parses and splits a text on another thread (undefined: it ran out of memory there). */
  parseApart?: (text: string, multiline: boolean) => Promise<SplitText | undefined>;
}

/** Everything pass 1 read, for pass 2. */
export interface ReadInput {
  /** Input files in reading order; a line's file index points here. */
  files: string[];
  shards: PatientShards;
  shared: SharedResources;
  store: SpillStore;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** An estimate of the patients in the input: lines of the Patient files (from their first 64 kB), else one per .json file. */
function estimatePatients(files: readonly InputFile[]): number {
  const patientFiles = files.filter((f) => isPatientFile(f.path));
  if (!patientFiles.length) {
    return files.filter((f) => !isNdjson(f.path)).length;
  }
  let patients = 0;
  const head = Buffer.allocUnsafe(65536);
  for (const f of patientFiles) {
    let fd = -1;
    try {
      fd = openSync(f.path, 'r');
      const n = readSync(fd, head, 0, head.length, 0);
      let lines = 0;
      for (let i = head.indexOf(10); i !== -1 && i < n; i = head.indexOf(10, i + 1)) {
        lines++;
      }
      patients += lines ? Math.round((f.size * lines) / n) : 1;
    } catch {
      // unreadable: reported when read
    } finally {
      if (fd >= 0) {
        closeSync(fd);
      }
    }
  }
  return patients;
}

/** Files read between two yields to the event loop (a Ctrl-C is handled promptly). */
const FILES_PER_TURN = 64;

/** Pass 1 over every input file; returns what was read (dispose `store` when done). */
export async function readIntoShards(
  inputFiles: readonly InputFile[],
  problems: ProblemLog,
  opts: ReadOptions,
): Promise<ReadInput> {
  const ordered = [
    ...inputFiles.filter((f) => isPatientFile(f.path)),
    ...inputFiles.filter((f) => !isPatientFile(f.path)),
  ];
  const files = ordered.map((f) => f.path);
  const store = new SpillStore({ memoryBytes: opts.memoryBytes });
  const totalBytes = ordered.reduce((n, f) => n + f.size, 0);
  const shards = new PatientShards({
    store,
    patientsPerShard: patientsPerShardFor(totalBytes / Math.max(1, estimatePatients(ordered))),
    maxPatientBytes: opts.maxPatientBytes,
  });
  const shared = new SharedResources(store, new Set<string>([...RECORD_TYPES, ...REFERENCED_TYPES]));
  const input: ReadInput = { files, shards, shared, store };
  const buffer = new ReadBuffer();
  try {
    for (const [index, file] of ordered.entries()) {
      const reader = new FileReader(file, index, input, problems, opts, buffer);
      if (isNdjson(file.path)) {
        await reader.readNdjson();
      } else {
        await reader.readJsonFile();
        if (index % FILES_PER_TURN === FILES_PER_TURN - 1) {
          await nextTurn();
        }
      }
    }
    shards.flush();
  } catch (e) {
    store.dispose();
    throw e;
  }
  return input;
}

export { formatBytes, printableId } from './file-reader.ts';
