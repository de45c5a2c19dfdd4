/**
 * The export folder: one ndjson file per resource type (`Observation.ndjson`, then
 * `Observation.2.ndjson` … when the server splits a type), the server's messages under `errors/`,
 * and a hidden state file (`.caregap-export-state`, no .json extension so `caregap evaluate DIR`
 * does not read it) recording what the folder holds. Files are downloaded into a hidden staging
 * folder and moved into place only when every file is complete, so an interrupted export never
 * leaves a half-updated folder. A folder that is neither empty nor a caregap export is refused.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExportUsageError } from './export-args.ts';

/** Name of the state file inside the folder. */
export const STATE_FILE = '.caregap-export-state';
/** Name of the staging folder inside the folder. */
export const STAGING_DIR = '.caregap-export-staging';
/** Sub-folder of the server's error/warning files (OperationOutcome ndjson). */
export const ERRORS_DIR = 'errors';

/** One file the folder holds, relative to it. */
export interface FolderFile {
  path: string;
  type: string;
  count: number;
}

/** What the folder holds (the state file). */
export interface FolderState {
  version: 1;
  fhirBase: string;
  groupId?: string;
  /** `_type` of the full export (undefined = the server's default). */
  types?: string[];
  /** transactionTime of the newest export merged in: the `--since` of the next update. */
  transactionTime: string;
  /** The `--since` of each incremental update merged in, oldest first. */
  updates: string[];
  files: FolderFile[];
  errors: FolderFile[];
}

/** A folder ready to receive an export. */
export interface PreparedFolder {
  dir: string;
  staging: string;
  previous?: FolderState;
}

/** Creates or checks the folder and empties its staging area. Throws ExportUsageError when it cannot be used. */
export async function prepareFolder(dir: string): Promise<PreparedFolder> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new ExportUsageError(
      `--out ${dir}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const entries = (await readdir(dir)).filter((n) => n !== STAGING_DIR);
  let previous: FolderState | undefined;
  if (entries.includes(STATE_FILE)) {
    try {
      previous = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as FolderState;
    } catch (e) {
      throw new ExportUsageError(
        `--out ${dir}: ${STATE_FILE} is unreadable (${(e as Error).message}); use an empty folder`,
      );
    }
    if (previous?.version !== 1 || !Array.isArray(previous.files)) {
      throw new ExportUsageError(`--out ${dir}: ${STATE_FILE} is not a caregap export state; use an empty folder`);
    }
  } else if (entries.length) {
    throw new ExportUsageError(`--out ${dir} is not empty and holds no caregap export; choose an empty or new folder`);
  }
  const staging = join(dir, STAGING_DIR);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  return { dir, staging, ...(previous ? { previous } : {}) };
}

/** `Type.ndjson`, `Type.2.ndjson`, … — the first name not in `taken` (which it extends). */
export function nextName(type: string, taken: Set<string>, folder = ''): string {
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? `${type}.ndjson` : `${type}.${n}.ndjson`);
    if (!taken.has(path)) {
      taken.add(path);
      return path;
    }
  }
}

/** Writes the state file (atomically: a temporary file renamed over it). */
export async function writeState(dir: string, state: FolderState): Promise<void> {
  const tmp = join(dir, `${STATE_FILE}.tmp`);
  await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
  await rename(tmp, join(dir, STATE_FILE));
}

/** A downloaded file waiting in staging. */
export interface StagedFile {
  staged: string;
  type: string;
  count: number;
}

/** Moves staged files into the folder under fresh names (extending `taken`). */
export async function placeFiles(
  dir: string,
  staged: readonly StagedFile[],
  taken: Set<string>,
  folder = '',
): Promise<FolderFile[]> {
  if (folder && staged.length) {
    await mkdir(join(dir, folder), { recursive: true });
  }
  const placed: FolderFile[] = [];
  for (const s of staged) {
    const path = nextName(s.type, taken, folder);
    await rename(s.staged, join(dir, path));
    placed.push({ path, type: s.type, count: s.count });
  }
  return placed;
}

/** Removes files of an earlier state (missing ones are fine). */
export async function removeFiles(dir: string, files: readonly FolderFile[]): Promise<void> {
  for (const f of files) {
    await rm(join(dir, f.path), { force: true });
  }
}

/** Replaces the folder's content with a full export. */
export async function finishFull(
  folder: PreparedFolder,
  state: Omit<FolderState, 'files' | 'errors'>,
  output: readonly StagedFile[],
  errors: readonly StagedFile[],
): Promise<FolderState> {
  if (folder.previous) {
    await removeFiles(folder.dir, [...folder.previous.files, ...folder.previous.errors]);
  }
  const taken = new Set<string>();
  const files = await placeFiles(folder.dir, output, taken);
  const errorFiles = await placeFiles(folder.dir, errors, taken, ERRORS_DIR);
  const next: FolderState = { ...state, files, errors: errorFiles };
  await writeState(folder.dir, next);
  await rm(folder.staging, { recursive: true, force: true });
  return next;
}
