/**
 * In-memory authorization state: EHR launch handles (single use, expiring), pending authorize
 * requests, single-use authorization codes, access tokens and rotating refresh tokens whose
 * lifetime is fixed at the first grant (rotation never extends it: OAuth 2.0 for Browser-Based
 * Apps, refresh tokens). Every grant carries its quirk profile and fault options, so one sandbox
 * can serve an Epic-like launch and a generic launch at the same time.
 */
import type { FaultInjector, FaultOptions } from './faults.ts';

/** Server behaviour profiles selectable per launch. */
export type QuirkProfile = 'generic' | 'epic-like' | 'v1-only';

/** All quirk profiles. */
export const QUIRK_PROFILES: readonly QuirkProfile[] = ['generic', 'epic-like', 'v1-only'];

/** What an EHR launch handle stands for (never sent to the app: the handle is opaque). */
export interface LaunchContext {
  patient?: string;
  encounter?: string;
  profile: QuirkProfile;
  faults: FaultOptions;
  needPatientBanner: boolean;
  skipConsent: boolean;
  user: string;
}

/** What the user (or a test) granted: the basis of every access token. */
export interface Grant {
  clientId: string;
  patient?: string;
  encounter?: string;
  scopes: string[];
  profile: QuirkProfile;
  faults: FaultOptions;
  injector: FaultInjector;
  needPatientBanner: boolean;
  user: string;
  lifetimeSec: number;
  withRefresh: boolean;
  /** When the refresh tokens of this grant stop working (set at the first mint, kept across rotations). */
  refreshExpiresAt?: number;
  /** Resource types denied by a fault even where a wildcard scope would allow them. */
  deniedTypes: Set<string>;
}

/** A live access token. */
export interface AccessToken {
  grant: Grant;
  expiresAt: number;
}

/** A pending authorize request, between the first GET and the user's decision. */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  requestedScopes: string[];
  aud: string;
  launch?: LaunchContext;
  patient?: string;
  profile: QuirkProfile;
  createdAt: number;
}

/** An issued authorization code. */
export interface AuthorizationCode {
  grant: Grant;
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
  used: boolean;
}

/** Authorization codes live one minute (RFC 6749 §4.1.2 recommends ≤ 10 minutes). */
export const CODE_LIFETIME_MS = 60_000;

/** An EHR launch handle must be used within five minutes, once. */
export const LAUNCH_LIFETIME_MS = 5 * 60_000;

/** Refresh tokens (online_access / offline_access) stop working 8 hours after the sign-in, however often rotated. */
export const REFRESH_LIFETIME_MS = 8 * 3_600_000;

/** A refresh token and its grant. */
export interface RefreshToken {
  grant: Grant;
  expiresAt: number;
}

/** A URL-safe random string with 192 bits of entropy. */
export function randomToken(bytes = 24): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Buffer.from(buf).toString('base64url');
}

/** All authorization state of one sandbox. */
export class TokenStore {
  private readonly launches = new Map<string, { context: LaunchContext; expiresAt: number }>();
  readonly pending = new Map<string, PendingAuthorization>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();

  constructor(
    private readonly now: () => number,
    private readonly refreshLifetimeMs: number = REFRESH_LIFETIME_MS,
  ) {}

  /** Registers a launch context and returns its opaque handle (valid once, for {@link LAUNCH_LIFETIME_MS}). */
  createLaunch(context: LaunchContext): string {
    const handle = randomToken(12);
    this.launches.set(handle, { context, expiresAt: this.now() + LAUNCH_LIFETIME_MS });
    return handle;
  }

  /** The launch context of a handle, used up by this call; undefined when unknown, used or expired. */
  consumeLaunch(handle: string): LaunchContext | undefined {
    const found = this.launches.get(handle);
    this.launches.delete(handle);
    if (!found || found.expiresAt <= this.now()) {
      return undefined;
    }
    return found.context;
  }

  /** The grant of a refresh token, used up by this call (rotation); undefined when unknown, used or expired. */
  consumeRefreshToken(token: string): { grant: Grant } | { expired: true } | undefined {
    const found = this.refreshTokens.get(token);
    if (!found) {
      return undefined;
    }
    this.refreshTokens.delete(token);
    return found.expiresAt <= this.now() ? { expired: true } : { grant: found.grant };
  }

  /** Stores a pending authorization and returns its id. */
  createPending(p: Omit<PendingAuthorization, 'createdAt'>): string {
    const id = randomToken(12);
    this.pending.set(id, { ...p, createdAt: this.now() });
    return id;
  }

  /** Issues a single-use code. */
  createCode(grant: Grant, redirectUri: string, codeChallenge: string): string {
    const code = randomToken();
    this.codes.set(code, { grant, redirectUri, codeChallenge, expiresAt: this.now() + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** Mints an access token (and, when the grant allows, a fresh refresh token). */
  mint(grant: Grant): { accessToken: string; refreshToken?: string; expiresIn: number } {
    const accessToken = randomToken();
    this.accessTokens.set(accessToken, { grant, expiresAt: this.now() + grant.lifetimeSec * 1000 });
    if (!grant.withRefresh) {
      return { accessToken, expiresIn: grant.lifetimeSec };
    }
    const refreshToken = randomToken();
    grant.refreshExpiresAt ??= this.now() + this.refreshLifetimeMs;
    this.refreshTokens.set(refreshToken, { grant, expiresAt: grant.refreshExpiresAt });
    return { accessToken, refreshToken, expiresIn: grant.lifetimeSec };
  }

  /** Looks up a bearer token: the token, or why it is not usable. */
  check(token: string): { ok: true; token: AccessToken } | { ok: false; reason: 'invalid' | 'expired' } {
    const found = this.accessTokens.get(token);
    if (!found) {
      return { ok: false, reason: 'invalid' };
    }
    if (found.expiresAt <= this.now()) {
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, token: found };
  }

  /** Forgets everything. */
  clear(): void {
    this.launches.clear();
    this.pending.clear();
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }
}
