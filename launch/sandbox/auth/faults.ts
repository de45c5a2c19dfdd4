/**
 * Per-launch fault injection carried in the access token: latency, a share of 500s and 429s, one
 * resource type that always fails, denied scopes and short token lifetimes. Decisions come from a
 * seeded RNG per token so a run is reproducible, and the same request never fails more than
 * MAX_CONSECUTIVE_FAILURES times in a row, so a client that retries (≤ 4 attempts) completes.
 */
import { hashSeed, seededRandom, type SeededRandom } from '../seeded-random.ts';

/** Fault options of one launch. */
export interface FaultOptions {
  /** Delay added to every FHIR response, in ms. */
  latencyMs?: number;
  /** Share (0..1) of FHIR requests answered 500 with an OperationOutcome. */
  errorRate?: number;
  /** Share (0..1) of FHIR requests answered 429 with Retry-After: 1. */
  rateLimitRate?: number;
  /** A resource type whose searches always fail with 500. */
  failType?: string;
  /** With failType: fail only pages from this 0-based page index on (default 0: every page). */
  failFromPage?: number;
  /** Resource types whose scopes are not granted at token time. */
  denyScopes?: string[];
  /** Access-token lifetime in seconds; with it set, no refresh token is issued, so expiry is final. */
  tokenLifetimeSec?: number;
  /** Access-token lifetime in seconds that still comes with a refresh token (online_access): expiry mid-session is recoverable. */
  refreshableLifetimeSec?: number;
  /** Seed of the fault RNG (default: derived from the sandbox seed and the patient). */
  seed?: number;
}

/** The most times in a row one request (method + URL) is failed by errorRate/rateLimitRate. */
export const MAX_CONSECUTIVE_FAILURES = 2;

/** What to do with one request. */
export type FaultDecision = { kind: 'pass' } | { kind: 'error' } | { kind: 'rate-limit' };

/** Seeded, bounded fault decisions for one token (shared by tokens refreshed from it). */
export class FaultInjector {
  private readonly rng: SeededRandom;
  private readonly streak = new Map<string, number>();

  constructor(
    readonly faults: FaultOptions,
    seed: number,
  ) {
    this.rng = seededRandom(faults.seed ?? seed);
  }

  /** Decides the fate of one request, keyed by method and URL. */
  decide(requestKey: string): FaultDecision {
    const errorRate = this.faults.errorRate ?? 0;
    const rateLimitRate = this.faults.rateLimitRate ?? 0;
    if (errorRate <= 0 && rateLimitRate <= 0) {
      return { kind: 'pass' };
    }
    const roll = this.rng.next();
    const streak = this.streak.get(requestKey) ?? 0;
    if (streak >= MAX_CONSECUTIVE_FAILURES || roll >= errorRate + rateLimitRate) {
      this.streak.delete(requestKey);
      return { kind: 'pass' };
    }
    this.streak.set(requestKey, streak + 1);
    return roll < errorRate ? { kind: 'error' } : { kind: 'rate-limit' };
  }
}

/** Derives a reproducible fault seed for a launch. */
export function faultSeed(sandboxSeed: number, patient: string | undefined): number {
  return hashSeed(sandboxSeed, 'faults', patient ?? '');
}

/** Reads fault options from URL/form parameters (the EHR page and chart URL use these names). */
export function faultsFromParams(params: URLSearchParams): FaultOptions {
  const num = (name: string): number | undefined => {
    const v = params.get(name);
    if (v === null || v.trim() === '') {
      return undefined;
    }
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const faults: FaultOptions = {};
  const latency = num('latencyMs');
  if (latency !== undefined && latency > 0) {
    faults.latencyMs = Math.min(latency, 30_000);
  }
  const errorRate = num('errorRate');
  if (errorRate !== undefined && errorRate > 0) {
    faults.errorRate = Math.min(errorRate, 1);
  }
  const rateLimit = num('rateLimitRate');
  if (rateLimit !== undefined && rateLimit > 0) {
    faults.rateLimitRate = Math.min(rateLimit, 1);
  }
  const failType = params.get('failType');
  if (failType && /^[A-Z][A-Za-z]+$/.test(failType)) {
    faults.failType = failType;
  }
  const failFromPage = num('failFromPage');
  if (failFromPage !== undefined && failFromPage > 0) {
    faults.failFromPage = Math.floor(failFromPage);
  }
  const deny = params
    .getAll('denyScopes')
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter((s) => /^[A-Z][A-Za-z]+$/.test(s));
  if (deny.length) {
    faults.denyScopes = [...new Set(deny)];
  }
  const lifetime = num('tokenLifetimeSec');
  if (lifetime !== undefined && lifetime > 0) {
    faults.tokenLifetimeSec = Math.floor(lifetime);
  }
  const refreshable = num('refreshableLifetimeSec');
  if (refreshable !== undefined && refreshable > 0) {
    faults.refreshableLifetimeSec = Math.floor(refreshable);
  }
  const seed = num('faultSeed');
  if (seed !== undefined) {
    faults.seed = seed;
  }
  return faults;
}
