/**
 * Fault injection for Bulk Data exports and backend-service tokens, so clients can be tested
 * against what real servers do mid-export: rate-limited kick-off and status polls (429 with
 * Retry-After), a 500 or a cut-short body on a file download, a failed job, and access tokens that
 * expire before the export is done. Set per sandbox (`createSandbox({ bulkFaults })`,
 * `sandbox.setBulkFaults()`, or `SANDBOX_BULK_FAULTS` for `npm start`); each fault is bounded so a
 * client that retries completes.
 */

/** Bulk Data and backend-service faults. */
export interface BulkFaults {
  /** The first n kick-off requests (since the faults were set) answer 429 with Retry-After (server busy). */
  rateLimitKickoffs?: number;
  /** The first n status polls of every job answer 429 with Retry-After. */
  rateLimitPolls?: number;
  /** Seconds sent in Retry-After with an injected 429 (default 1). */
  retryAfterSec?: number;
  /** The first download of each of the first n output files answers 500 (transient OperationOutcome). */
  fileErrors?: number;
  /** One download of each of the first n output files is cut short: 200 with only the first half of its lines. */
  truncateFiles?: number;
  /** Every job fails: the status URL answers 500 with a (non-transient) OperationOutcome once the job is done. */
  failJobs?: boolean;
  /** Lifetime (seconds) of client_credentials access tokens (default 300, the spec's recommendation). */
  tokenLifetimeSec?: number;
  /**
   * With tokenLifetimeSec: the token response still says `expires_in: 300`, so the client only
   * learns the token expired from a 401 (a revoked token, or a server whose clock runs ahead).
   */
  tokenExpiresEarly?: boolean;
}

const NUMERIC = [
  'rateLimitKickoffs',
  'rateLimitPolls',
  'retryAfterSec',
  'fileErrors',
  'truncateFiles',
  'tokenLifetimeSec',
] as const;
const FLAGS = ['failJobs', 'tokenExpiresEarly'] as const;

/** Parses `rateLimitPolls=2&fileErrors=1&tokenLifetimeSec=2&tokenExpiresEarly=1` (unknown names are ignored). */
export function bulkFaultsFromParams(params: URLSearchParams): BulkFaults {
  const faults: BulkFaults = {};
  for (const name of NUMERIC) {
    const raw = params.get(name);
    const n = raw === null || raw.trim() === '' ? NaN : Number(raw);
    if (Number.isFinite(n) && n > 0) {
      faults[name] = Math.min(Math.floor(n), 3600);
    }
  }
  for (const name of FLAGS) {
    const raw = params.get(name);
    if (raw === '1' || raw === 'true') {
      faults[name] = true;
    }
  }
  return faults;
}
