/**
 * Merges an incremental export (`_since`) into a folder holding an earlier export of the same
 * server and group, so the folder stays one complete picture that `caregap evaluate DIR` can trust
 * (Bulk Data Access IG 2.0.0 export.html: `_since` returns resources changed after the instant;
 * `deleted` lists, as transaction Bundles of DELETE entries, resources removed since). A changed
 * resource replaces its earlier copy, a deleted one is removed, a new one is added. Patients who
 * joined the Group after the earlier export may bring older data the update does not contain (the
 * IG's "Group Membership Request Pattern"): for those, run a full export.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BulkExportError } from '../../fhir/bulk-export/bulk-manifest.ts';
import {
  ERRORS_DIR,
  placeFiles,
  writeState,
  type FolderFile,
  type FolderState,
  type PreparedFolder,
  type StagedFile,
} from './export-folder.ts';

/** `Type/id` keys to drop, by type. */
type Keys = Map<string, Set<string>>;

/** Calls `each` with every non-empty line of an ndjson file; a line that is not JSON names its file and line. */
async function forEachLine(file: string, each: (line: string) => void | Promise<void>): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) {
      continue;
    }
    try {
      await each(line);
    } catch (e) {
      if (e instanceof SyntaxError) {
        throw new BulkExportError(`${file}:${n}: not a JSON resource (${e.message}); cannot merge the update`);
      }
      throw e;
    }
  }
}

function add(keys: Keys, type: string, id: string): void {
  let set = keys.get(type);
  if (!set) {
    keys.set(type, (set = new Set()));
  }
  set.add(id);
}

/** The `Type/id` of a DELETE entry's request.url (relative, absolute, or with _history). */
export function deletedKey(url: string): { type: string; id: string } | undefined {
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(url.split('?')[0] ?? '');
  return m ? { type: m[1]!, id: m[2]! } : undefined;
}

/** Ids replaced by the update's output files and removed by its deleted files. */
async function keysToDrop(output: readonly StagedFile[], deleted: readonly StagedFile[]): Promise<Keys> {
  const keys: Keys = new Map();
  for (const f of output) {
    await forEachLine(f.staged, (line) => {
      const r = JSON.parse(line) as { resourceType?: unknown; id?: unknown };
      if (typeof r.id === 'string') {
        add(keys, typeof r.resourceType === 'string' ? r.resourceType : f.type, r.id);
      }
    });
  }
  for (const f of deleted) {
    await forEachLine(f.staged, (line) => {
      const bundle = JSON.parse(line) as fhir4.Bundle;
      for (const e of bundle.entry ?? []) {
        if (e.request?.method !== 'DELETE') {
          continue;
        }
        const key = deletedKey(e.request.url ?? '');
        if (key) {
          add(keys, key.type, key.id);
        }
      }
    });
  }
  return keys;
}

/** Rewrites one earlier file without the dropped ids; returns its new count (0 = file removed). */
async function rewriteWithout(dir: string, file: FolderFile, drop: Set<string>): Promise<number> {
  const path = join(dir, file.path);
  const tmp = `${path}.merge`;
  const out = createWriteStream(tmp);
  let count = 0;
  await forEachLine(path, async (line) => {
    const id = (JSON.parse(line) as { id?: unknown }).id;
    if (typeof id === 'string' && drop.has(id)) {
      return;
    }
    count++;
    if (!out.write(line + '\n')) {
      await new Promise<void>((r) => out.once('drain', () => r()));
    }
  });
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (count) {
    await rename(tmp, path);
  } else {
    await rm(tmp, { force: true });
    await rm(path, { force: true });
  }
  return count;
}

/** Merges staged update files into the folder; returns the new state. */
export async function finishIncremental(
  folder: PreparedFolder & { previous: FolderState },
  update: { transactionTime: string; since: string },
  output: readonly StagedFile[],
  deleted: readonly StagedFile[],
  errors: readonly StagedFile[],
): Promise<FolderState> {
  const { dir, previous } = folder;
  const drop = await keysToDrop(output, deleted);
  const kept: FolderFile[] = [];
  for (const f of previous.files) {
    const ids = drop.get(f.type);
    if (!ids?.size) {
      kept.push(f);
      continue;
    }
    const count = await rewriteWithout(dir, f, ids);
    if (count) {
      kept.push({ ...f, count });
    }
  }
  for (const f of previous.errors) {
    await rm(join(dir, f.path), { force: true });
  }
  const taken = new Set(kept.map((f) => f.path));
  const added = await placeFiles(dir, output, taken);
  const errorFiles = await placeFiles(dir, errors, taken, ERRORS_DIR);
  const next: FolderState = {
    ...previous,
    transactionTime: update.transactionTime,
    updates: [...previous.updates, update.since],
    files: [...kept, ...added],
    errors: errorFiles,
  };
  await writeState(dir, next);
  await rm(folder.staging, { recursive: true, force: true });
  return next;
}
