/**
 * Per-sandbox state of Bulk Data export and SMART Backend Services: settings, faults, export jobs,
 * the registered backend clients and their `jti` replay cache. Kept beside the SandboxContext (a
 * WeakMap keyed by it), so the shared context type stays as it is.
 */
import { backendClients, type BackendClient } from '../backend/backend-clients.ts';
import { JtiReplayCache } from '../backend/client-assertion.ts';
import type { SandboxContext } from '../sandbox-context.ts';
import type { BulkFaults } from './bulk-faults.ts';

/** Bulk Data options of createSandbox. */
export interface BulkOptions {
  /** Offer `$export` (CapabilityStatement operations and the routes; default true). */
  bulkExport?: boolean;
  /** How long an export job takes before its manifest is ready, in ms (default 1000). */
  exportDurationMs?: number;
  /** Resources per output file; a type with more is split over several files (default: one file per type). */
  exportResourcesPerFile?: number;
  /** Faults (see bulk-faults.ts). */
  bulkFaults?: BulkFaults;
}

/** One output (or error) file of a job: its resources are kept by reference and serialized on download. */
export interface ExportFile {
  name: string;
  type: string;
  resources: readonly fhir4.Resource[];
  /** Download attempts so far (fault injection counts them). */
  attempts: number;
  truncated: boolean;
}

/** One export job, from kick-off to deletion or expiry. */
export interface ExportJob {
  id: string;
  clientId: string;
  user: string;
  base: string;
  /** The kick-off URL (manifest `request`). */
  request: string;
  transactionTime: string;
  createdAt: number;
  readyAt: number;
  expiresAt: number;
  /** Patients in the export (for X-Progress). */
  patientCount: number;
  types: string[];
  files: ExportFile[];
  errors: ExportFile[];
  polls: number;
  /** Earliest time (ms) a poll is not "too frequent" (half the advised Retry-After). */
  pollNotBefore: number;
}

/** Counters a test (or a benchmark) reads to see which path a client took. */
export interface BulkActivity {
  kickoffs: number;
  polls: number;
  downloads: number;
  cancelled: number;
  /** client_id of each accepted kick-off, in order. */
  clients: string[];
}

/** All bulk/backend state of one sandbox. */
export interface BulkState {
  enabled: boolean;
  durationMs: number;
  resourcesPerFile: number;
  faults: BulkFaults;
  jobs: Map<string, ExportJob>;
  /** Kick-off requests seen (accepted or not; the rateLimitKickoffs fault counts them). */
  kickoffAttempts: number;
  activity: BulkActivity;
  clients: BackendClient[];
  replay: JtiReplayCache;
}

/** Default time a job takes (ms): long enough that a client must poll at least once. */
export const DEFAULT_EXPORT_DURATION_MS = 1000;
/** How long a finished export stays downloadable (the manifest's Expires header). */
export const EXPORT_RETENTION_MS = 60 * 60 * 1000;
/** Jobs kept at once per sandbox (the oldest is dropped beyond this, bounding memory). */
export const MAX_JOBS = 20;

const states = new WeakMap<SandboxContext, BulkState>();

function emptyActivity(): BulkActivity {
  return { kickoffs: 0, polls: 0, downloads: 0, cancelled: 0, clients: [] };
}

/** Sets up the bulk state of a sandbox (createSandbox calls this once). */
export function configureBulk(ctx: SandboxContext, o: BulkOptions): BulkState {
  const state: BulkState = {
    enabled: o.bulkExport ?? true,
    durationMs: Math.max(0, o.exportDurationMs ?? DEFAULT_EXPORT_DURATION_MS),
    resourcesPerFile:
      o.exportResourcesPerFile && o.exportResourcesPerFile > 0
        ? Math.floor(o.exportResourcesPerFile)
        : Number.POSITIVE_INFINITY,
    faults: { ...(o.bulkFaults ?? {}) },
    jobs: new Map(),
    kickoffAttempts: 0,
    activity: emptyActivity(),
    clients: backendClients(),
    replay: new JtiReplayCache(),
  };
  states.set(ctx, state);
  return state;
}

/** The bulk state of a sandbox (configured with defaults on first use). */
export function bulkState(ctx: SandboxContext): BulkState {
  return states.get(ctx) ?? configureBulk(ctx, {});
}

/** Forgets jobs, counters and seen `jti`s (sandbox.reset()); settings and faults stay. */
export function resetBulk(ctx: SandboxContext): void {
  const s = bulkState(ctx);
  s.jobs.clear();
  s.kickoffAttempts = 0;
  s.activity = emptyActivity();
  s.replay = new JtiReplayCache();
}
