/**
 * How long to wait before the next status poll or retry (Bulk Data Access IG 2.0.0 export.html
 * §"Bulk Data Status Request": clients SHOULD follow an exponential backoff, and SHOULD use the
 * server's Retry-After when given). Retry-After wins, capped so a bogus value cannot park the
 * client for a day; without it the wait grows from `initialMs` by `factor` up to `maxMs`.
 */

/** Polling and retry timing. */
export interface PollPolicy {
  initialMs: number;
  factor: number;
  /** Longest wait, with or without Retry-After. */
  maxMs: number;
}

/** Defaults: 1 s, ×1.5 per attempt, at most 2 minutes. */
export const DEFAULT_POLL_POLICY: PollPolicy = { initialMs: 1000, factor: 1.5, maxMs: 120_000 };

/** Wait before attempt `attempt` + 1 (`attempt` ≥ 1 counts the polls or failures so far). */
export function pollDelayMs(
  retryAfterMs: number | undefined,
  attempt: number,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
    return Math.min(policy.maxMs, Math.max(0, retryAfterMs));
  }
  return Math.min(policy.maxMs, Math.round(policy.initialMs * policy.factor ** Math.max(0, attempt - 1)));
}
