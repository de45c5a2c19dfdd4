/**
 * `caregap export`: discovery → backend-services token → `$export` kick-off → status polling →
 * downloads → the folder (full, or an incremental `--since` merged into an earlier export) → a
 * DELETE telling the server the files may go. Follows the Bulk Data Access IG 2.0.0, not any one
 * server. Progress goes to stderr; Ctrl-C cancels the job on the server (DELETE) and leaves the
 * folder as it was.
 */
import { rm } from 'node:fs/promises';
import { RECORD_TYPES } from '../../engine/index.ts';
import { BulkExportError } from '../../fhir/bulk-export/bulk-manifest.ts';
import { exportKickoffUrl } from '../../fhir/bulk-export/kickoff-url.ts';
import { DEFAULT_POLL_POLICY, type PollPolicy } from '../../fhir/bulk-export/poll-delay.ts';
import { cancelExport, startExport, waitForManifest, type BulkEvent } from '../../fhir/bulk-export/run-bulk-export.ts';
import { BackendTokenSource } from './backend-token.ts';
import { KeyFileError, loadSigningKey } from './client-assertion.ts';
import { downloadAll, type Wanted } from './download-all.ts';
import { EXPORT_USAGE, ExportUsageError, parseExportArgs, type ExportOptions } from './export-args.ts';
import { finishFull, prepareFolder, type FolderState, type PreparedFolder } from './export-folder.ts';
import { reportServerMessages } from './export-messages.ts';
import { finishIncremental } from './merge-update.ts';
import { NodeTransport } from './node-transport.ts';
import { discoverServer, servedTypes, type FetchLike } from './smart-discovery.ts';

/** Types exported by default: the Patient, clinicians (attribution) and every type the engine reads. */
export const DEFAULT_EXPORT_TYPES: readonly string[] = ['Patient', 'Practitioner', ...RECORD_TYPES];

/** Where the command writes and what it may replace (tests inject fetch, clock and sleep). */
export interface ExportIo {
  stderr: (line: string) => void;
  fetch?: FetchLike;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  now?: () => number;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** The `_type` list: as given, else the defaults the server lists (all defaults when it lists none). */
async function exportTypes(o: ExportOptions, fetchImpl: FetchLike): Promise<string[]> {
  if (o.types) {
    return o.types;
  }
  const served = await servedTypes(o.fhirBase, fetchImpl);
  return served ? DEFAULT_EXPORT_TYPES.filter((t) => served.has(t)) : [...DEFAULT_EXPORT_TYPES];
}

/** One progress line per bulk event. */
function describeEvent(e: BulkEvent): string {
  if (e.kind === 'accepted') {
    return `accepted; status URL ${e.statusUrl}`;
  }
  if (e.kind === 'in-progress') {
    return `in progress${e.progress ? `: ${e.progress}` : ''}; next poll in ${Math.round(e.waitMs / 100) / 10} s`;
  }
  return `${e.reason}; retrying in ${Math.round(e.waitMs / 100) / 10} s (attempt ${e.failures + 1})`;
}

/** Where an export in progress stands (so an interrupted one can be cancelled on the server). */
interface Job {
  transport?: NodeTransport;
  statusUrl?: string;
}

/** Discovery → token → kick-off → manifest → downloads → folder; returns the exit status. */
async function exportInto(
  o: ExportOptions,
  io: ExportIo,
  folder: PreparedFolder,
  job: Job,
  say: (s: string) => void,
): Promise<number> {
  const fetchImpl = io.fetch ?? fetch;
  const started = performance.now();
  const key = await loadSigningKey(o.privateKey, o.keyId);
  const previous = folder.previous;
  const incremental = o.since !== undefined && previous !== undefined;
  const server = await discoverServer(o.fhirBase, fetchImpl);
  for (const w of server.warnings) {
    say(`warning: ${w}`);
  }
  const types = await exportTypes(o, fetchImpl);
  const scope = types.map((t) => `system/${t}.${server.scopeSyntax === 'v2' ? 'rs' : 'read'}`).join(' ');
  const tokens = new BackendTokenSource({
    tokenEndpoint: server.tokenEndpoint,
    clientId: o.clientId,
    key,
    scope,
    fetch: fetchImpl,
    ...(io.now ? { now: io.now } : {}),
    onToken: (t) =>
      say(
        t.renewals === 0
          ? `token from ${server.tokenEndpoint} (${key.alg}, expires in ${t.expiresInSec} s; scope ${t.scope})`
          : `new access token (renewal ${t.renewals}, expires in ${t.expiresInSec} s)`,
      ),
  });
  await tokens.get();
  const transport = (job.transport = new NodeTransport(o.fhirBase, tokens, fetchImpl));
  const policy: PollPolicy = { ...DEFAULT_POLL_POLICY, maxMs: o.maxPollIntervalMs };
  const run = {
    policy,
    ...(io.signal ? { signal: io.signal } : {}),
    ...(io.sleep ? { sleep: io.sleep } : {}),
    ...(io.now ? { now: io.now } : {}),
    onEvent: (e: BulkEvent) => say(describeEvent(e)),
  };
  const kickoffUrl = exportKickoffUrl(o.fhirBase, {
    ...(o.groupId !== undefined ? { groupId: o.groupId } : {}),
    types,
    ...(o.since ? { since: o.since } : {}),
  });
  say(`kick-off GET ${kickoffUrl}`);
  const statusUrl = (job.statusUrl = await startExport(transport, kickoffUrl, run));
  const manifest = await waitForManifest(transport, statusUrl, run);
  const total = manifest.output.reduce((n, f) => n + (f.count ?? 0), 0);
  say(
    `manifest: ${manifest.output.length} file(s)${total ? `, ${total} resources` : ''}, ${manifest.error.length} message file(s)${manifest.deleted.length ? `, ${manifest.deleted.length} deleted-resource file(s)` : ''}; transactionTime ${manifest.transactionTime}`,
  );
  const wanted: Wanted[] = [
    ...manifest.output.map((file) => ({ file, kind: 'output' as const })),
    ...manifest.error.map((file) => ({ file, kind: 'error' as const })),
    ...manifest.deleted.map((file) => ({ file, kind: 'deleted' as const })),
  ];
  // requiresAccessToken false: the files are on a server with its own access control (e.g. signed URLs)
  const fetchFile = manifest.requiresAccessToken
    ? (url: string, init: RequestInit & { headers: Record<string, string> }) => transport.authorizedFetch(url, init)
    : (url: string, init: RequestInit) => fetchImpl(url, init);
  const got = await downloadAll(wanted, {
    staging: folder.staging,
    parallel: o.parallel,
    fetchFile,
    policy,
    ...(io.signal ? { signal: io.signal } : {}),
    ...(io.sleep ? { sleep: io.sleep } : {}),
    onFile: (w, r, done, all) =>
      say(
        `[${done}/${all}] ${w.kind === 'output' ? '' : `${w.kind} `}${w.file.type}: ${r.lines} resources, ${mb(r.bytes)}${r.attempts > 1 ? ` (${r.attempts} attempts${r.resumed ? `, resumed ${r.resumed}×` : ''})` : ''}`,
      ),
    onRetry: (w, reason, attempt, waitMs) =>
      say(
        `retrying ${w.file.type} (${w.file.url}) in ${Math.round(waitMs / 100) / 10} s, attempt ${attempt}: ${reason}`,
      ),
  });
  const base = {
    version: 1 as const,
    fhirBase: o.fhirBase,
    ...(o.groupId !== undefined ? { groupId: o.groupId } : {}),
    ...(o.types ? { types } : {}),
    transactionTime: manifest.transactionTime,
    updates: o.since && !previous ? [o.since] : [],
  };
  const state: FolderState = incremental
    ? await finishIncremental(
        { ...folder, previous },
        { transactionTime: manifest.transactionTime, since: o.since! },
        got.output,
        got.deleted,
        got.error,
      )
    : await finishFull(folder, base, got.output, got.error);
  await cancelExport(transport, statusUrl); // the IG: a DELETE after completion tells the server the files may go
  const errors = await reportServerMessages(o.out, state.errors, io.stderr);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(
    `${incremental ? 'merged' : 'wrote'} ${got.output.length} file(s), ${got.resources} resources, ${mb(got.bytes)} in ${seconds} s into ${o.out}`,
  );
  if (o.since && !previous) {
    say(`note: ${o.out} holds only what changed since ${o.since}; evaluate it together with the export it updates`);
  }
  say(`evaluate it: caregap evaluate ${o.out}; next update: --since ${manifest.transactionTime}`);
  return errors ? 1 : 0;
}

/** Runs an export; returns the exit status (0 ok, 1 failed or server errors, 2 usage). */
export async function runExport(o: ExportOptions, io: ExportIo): Promise<number> {
  const say = (s: string) => {
    if (!o.quiet) {
      io.stderr(`caregap export: ${s}`);
    }
  };
  const folder = await prepareFolder(o.out);
  const previous = folder.previous;
  const job: Job = {};
  try {
    if (o.since !== undefined && previous && (previous.fhirBase !== o.fhirBase || previous.groupId !== o.groupId)) {
      throw new ExportUsageError(
        `--out ${o.out} holds an export of ${previous.fhirBase}${previous.groupId ? ` Group/${previous.groupId}` : ''}; a --since update must come from the same server and group`,
      );
    }
    return await exportInto(o, io, folder, job, say);
  } catch (e) {
    await rm(folder.staging, { recursive: true, force: true });
    if (io.signal?.aborted && job.transport && job.statusUrl) {
      const cancelled = await cancelExport(job.transport, job.statusUrl, AbortSignal.timeout(5000));
      say(cancelled ? 'interrupted: the export job was cancelled on the server' : 'interrupted');
    }
    throw e;
  }
}

/** `caregap export …` entry: parses the arguments, runs, maps errors to exit statuses. */
export async function exportMain(
  args: readonly string[],
  io: ExportIo = { stderr: (s) => process.stderr.write(s + '\n') },
): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(EXPORT_USAGE + '\n');
    return 0;
  }
  let interrupt: AbortController | undefined;
  const onSignal = () => interrupt?.abort(new BulkExportError('interrupted'));
  try {
    const options = parseExportArgs(args);
    if (!io.signal) {
      interrupt = new AbortController();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    }
    return await runExport(options, { ...io, ...(interrupt ? { signal: interrupt.signal } : {}) });
  } catch (e) {
    if (e instanceof ExportUsageError || e instanceof KeyFileError) {
      io.stderr(`caregap export: ${e.message}\nRun "caregap export --help" for usage.`);
      return 2;
    }
    if (e instanceof BulkExportError) {
      io.stderr(`caregap export: ${e.message}`);
      return interrupt?.signal.aborted ? 130 : 1;
    }
    io.stderr(`caregap export: ${(e as Error).stack ?? String(e)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
