/**
 * Retry with exponential back-off for transient FHIR failures: 429 Too Many Requests and 5xx
 * overload/unavailable answers, honouring Retry-After (RFC 9110 §10.2.3, RFC 6585 §4). Other 4xx
 * mean the request itself is wrong (or not permitted) and are never retried.
 */
import { type FhirHttpError, toFhirHttpError } from './fhir-http-error.ts';

/** Statuses worth another attempt; 0 = network failure. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([0, 429, 500, 502, 503, 504]);

/** How retries behave; defaults suit an interactive panel (≤ 4 attempts, ≈ 0.25 s → 2 s). */
export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Longest wait we accept, even when Retry-After asks for more. */
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Injected for tests; defaults to setTimeout-based sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected clock for Retry-After HTTP-dates. */
  now?: () => number;
  /** Called before each retry, e.g. to count attempts. */
  onRetry?: (error: FhirHttpError, attempt: number, delayMs: number) => void;
}

/** Default maximum number of attempts per request. */
export const DEFAULT_MAX_ATTEMPTS = 4;

/** Whether a failure is transient. */
export function isRetryable(error: FhirHttpError): boolean {
  return RETRYABLE_STATUSES.has(error.status);
}

/** Delay before retry number `attempt` (1-based): Retry-After when given, else base·2^(n-1). */
export function retryDelayMs(error: FhirHttpError, attempt: number, base: number, max: number): number {
  const backoff = base * 2 ** (attempt - 1);
  return Math.min(max, error.retryAfterMs ?? backoff);
}

/** Abortable sleep. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      return reject(signal.reason);
    }
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** True for an AbortError (the caller cancelled; never retried, never recorded as a failure). */
export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** Runs `attempt` until it succeeds, fails permanently, or attempts run out; throws FhirHttpError. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const max = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const base = options.baseDelayMs ?? 250;
  const cap = options.maxDelayMs ?? 8_000;
  const wait = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (raw) {
      if (isAbort(raw)) {
        throw raw;
      }
      const error = toFhirHttpError(raw, now());
      if (!isRetryable(error) || n >= max) {
        throw error;
      }
      const delay = retryDelayMs(error, n, base, cap);
      options.onRetry?.(error, n, delay);
      await wait(delay, options.signal);
    }
  }
}
