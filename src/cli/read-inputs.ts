/**
 * The CLI's input paths → the files to read. Directories are walked recursively in sorted order
 * (*.json, *.ndjson, *.jsonl). Symbolic links are followed, to files and to directories, but each
 * directory and each file is read at most once (known by device and inode), so a link loop — two
 * links to `.`, a link to a parent — ends the walk instead of exhausting memory. Inside a
 * directory only regular files are read (a FIFO or device would block or never end); a path named
 * on the command line is read whatever it is (`/dev/stdin`, a process substitution).
 */
import { readdir, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ProblemLog } from './problem-log.ts';

/** File extensions read as ndjson (one resource per line). */
export const NDJSON_EXTENSIONS: readonly string[] = ['.ndjson', '.jsonl'];
/** File extensions picked up when walking a directory. */
export const DIRECTORY_EXTENSIONS: readonly string[] = ['.json', ...NDJSON_EXTENSIONS];

/** Whether a file is read as ndjson (by its extension). */
export const isNdjson = (file: string): boolean => NDJSON_EXTENSIONS.some((e) => file.toLowerCase().endsWith(e));

/** Whether a file is (one part of) a Bulk export's Patient file. */
export function isPatientFile(file: string): boolean {
  return /^Patient([._-]|$)/i.test(basename(file)) && /\.(nd)?jsonl?$/i.test(file);
}

/** The reason of a failed file-system call (its error code), never more. */
export const fsReason = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'unknown error';

/** A file to read, with its size when it was listed (0: not a regular file). */
export interface InputFile {
  path: string;
  size: number;
}

/** Expands directories (recursively, sorted, links followed, each directory and file once) into files; reports paths that cannot be read. */
export async function expandInputs(paths: readonly string[], problems: ProblemLog): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const walk = async (path: string, explicit: boolean): Promise<void> => {
    let s;
    try {
      s = await stat(path);
    } catch (e) {
      problems.add({ file: path, message: `cannot read: ${fsReason(e)}` });
      return;
    }
    const identity = `${s.dev}:${s.ino}`;
    if (s.isDirectory()) {
      // a directory reached again (a link loop, or two links to one place): already read
      if (seen.has(identity)) {
        return;
      }
      seen.add(identity);
      let names: string[];
      try {
        names = (await readdir(path)).sort();
      } catch (e) {
        problems.add({ file: path, message: `cannot list directory: ${fsReason(e)}` });
        return;
      }
      for (const n of names) {
        await walk(join(path, n), false);
      }
      return;
    }
    if (!explicit && !DIRECTORY_EXTENSIONS.some((e) => path.toLowerCase().endsWith(e))) {
      return;
    }
    if (!explicit && !s.isFile()) {
      problems.add({ file: path, message: 'not a regular file: not read' });
      return;
    }
    if (s.isFile()) {
      if (seen.has(identity)) {
        return;
      }
      seen.add(identity);
    }
    out.push({ path, size: s.isFile() ? s.size : 0 });
  };
  for (const p of paths) {
    await walk(p, true);
  }
  return out;
}

/** A path as an {@link InputFile} (size 0 when unreadable or not a regular file). */
export function inputFile(path: string): InputFile {
  try {
    const s = statSync(path);
    return { path, size: s.isFile() ? s.size : 0 };
  } catch {
    return { path, size: 0 };
  }
}
