/**
 * Downloads every file of a manifest into the staging folder, `parallel` at a time, with the
 * access token when the manifest says `requiresAccessToken` (and never otherwise). The first file
 * that cannot be completed stops the others: a partial export is never presented as complete.
 */
import { join } from 'node:path';
import type { ManifestFile } from '../../fhir/bulk-export/bulk-manifest.ts';
import type { PollPolicy } from '../../fhir/bulk-export/poll-delay.ts';
import { downloadFile, type DownloadResult, type FileFetch } from './download-file.ts';
import type { StagedFile } from './export-folder.ts';

/** One file to fetch, with the list it belongs to. */
export interface Wanted {
  file: ManifestFile;
  kind: 'output' | 'error' | 'deleted';
}

/** What the downloads produced, per manifest list. */
export interface Downloaded {
  output: StagedFile[];
  error: StagedFile[];
  deleted: StagedFile[];
  bytes: number;
  resources: number;
}

/** Options of {@link downloadAll}. */
export interface DownloadAllOptions {
  staging: string;
  parallel: number;
  fetchFile: FileFetch;
  policy?: PollPolicy;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onFile?: (w: Wanted, result: DownloadResult, done: number, total: number) => void;
  onRetry?: (w: Wanted, reason: string, attempt: number, waitMs: number) => void;
}

/** Downloads `wanted` (in manifest order in the result, whatever order they finish in). */
export async function downloadAll(wanted: readonly Wanted[], o: DownloadAllOptions): Promise<Downloaded> {
  const stop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  const staged: (StagedFile | undefined)[] = new Array(wanted.length);
  let next = 0;
  let done = 0;
  let bytes = 0;
  let resources = 0;
  let failure: unknown;
  const lane = async (): Promise<void> => {
    while (!signal.aborted && next < wanted.length) {
      const i = next++;
      const w = wanted[i]!;
      const dest = join(o.staging, `${i + 1}.${w.file.type}.staged`);
      try {
        // message files are not checked against `count`: the reference server puts the failed output
        // file's count there (one OperationOutcome, count 234), and a message file is not data
        const { count: _count, ...uncounted } = w.file;
        const result = await downloadFile({
          file: w.kind === 'error' ? uncounted : w.file,
          dest,
          fetchFile: o.fetchFile,
          signal,
          ...(o.policy ? { policy: o.policy } : {}),
          ...(o.sleep ? { sleep: o.sleep } : {}),
          onRetry: (reason, attempt, waitMs) => o.onRetry?.(w, reason, attempt, waitMs),
        });
        staged[i] = { staged: dest, type: w.file.type, count: result.lines };
        bytes += result.bytes;
        if (w.kind === 'output') {
          resources += result.lines;
        }
        o.onFile?.(w, result, ++done, wanted.length);
      } catch (e) {
        failure ??= e;
        stop.abort(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.parallel, wanted.length)) }, lane));
  if (failure) {
    throw failure;
  }
  if (o.signal?.aborted) {
    throw o.signal.reason;
  }
  const of = (kind: Wanted['kind']) => wanted.flatMap((w, i) => (w.kind === kind && staged[i] ? [staged[i]] : []));
  return { output: of('output'), error: of('error'), deleted: of('deleted'), bytes, resources };
}
