/**
 * The sandbox EHR as one web-standard handler: `createSandbox(opts).handle(request)` answers the
 * FHIR API (`/fhir/**`), the SMART authorization server (`/auth/**`), the EHR pages (`/ehr/**`) and
 * OIDC discovery. msw unit tests and the real HTTP server (server.ts) share this one fake EHR.
 */
import { consent, authorizeRequest, pickPatient } from './auth/authorize.ts';
import type { AutoApprovable } from './auth/consent-policy.ts';
import { faultSeed, FaultInjector, type FaultOptions } from './auth/faults.ts';
import { IdTokenSigner } from './auth/id-token.ts';
import type { BulkFaults } from './bulk/bulk-faults.ts';
import { bulkState, configureBulk, resetBulk, type BulkActivity, type BulkOptions } from './bulk/bulk-state.ts';
import { parseResourceScope, splitScopes } from './auth/scopes.ts';
import { openidConfiguration, SMART_STYLE } from './auth/smart-configuration.ts';
import { tokenEndpoint } from './auth/token-endpoint.ts';
import { REFRESH_LIFETIME_MS, TokenStore, type Grant, type QuirkProfile } from './auth/token-store.ts';
import { directoryResources, DEFAULT_USER_ID } from './data/directory.ts';
import { DEFAULT_PATIENT_COUNT, DEFAULT_SEED, generatePanel, todayUtc } from './data/generate-panel.ts';
import { handleEhr } from './ehr/ehr-pages.ts';
import { handleFhir } from './fhir/fhir-api.ts';
import { ResourceStore } from './fhir/resource-store.ts';
import { SnapshotCache } from './fhir/search-bundle.ts';
import { jsonResponse, outcomeResponse } from './http-responses.ts';
import {
  corsHeaders,
  PUBLIC_CORS,
  type GrantInput,
  type PatientSummary,
  type SandboxContext,
} from './sandbox-context.ts';

export type { FaultOptions } from './auth/faults.ts';
export type { QuirkProfile } from './auth/token-store.ts';
export type { AutoApprovable } from './auth/consent-policy.ts';
export type { PatientSummary } from './sandbox-context.ts';
export type { BulkFaults } from './bulk/bulk-faults.ts';

/** Options of createSandbox. */
export interface SandboxOptions extends BulkOptions {
  /** Origin the sandbox is reached at, e.g. http://127.0.0.1:8080 (links and `aud` use it). */
  origin: string;
  seed?: number;
  /** Number of generated panel patients besides the named ones (default 200). */
  patientCount?: number;
  /** YYYY-MM-DD: "today" of the data (default: today, UTC). */
  anchorDate?: string;
  /** Default access-token lifetime in seconds (default 3600). */
  tokenLifetimeSec?: number;
  /** Clock (ms since epoch), injectable for expiry tests. */
  now?: () => number;
  /** Sleep used for injected latency, injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * What an EHR launch may grant without the consent page besides reads: `write` scopes and/or
   * `offline_access` (default: neither — the user is asked).
   */
  autoApprove?: readonly AutoApprovable[];
  /** Lifetime of refresh tokens from the sign-in, in seconds (default 8 h; rotation never extends it). */
  refreshTokenLifetimeSec?: number;
}

/** Options of issueToken (mint a token directly, skipping the browser flow). */
export interface IssueTokenOptions {
  patient?: string;
  scope: string;
  profile?: QuirkProfile;
  faults?: FaultOptions;
  lifetimeSec?: number;
  withRefresh?: boolean;
  encounter?: string;
  needPatientBanner?: boolean;
}

/** A minted token, shaped like the token endpoint's response. */
export interface IssuedToken {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  patient?: string;
  token_type: 'Bearer';
}

/** One fake EHR. */
export interface Sandbox {
  origin: string;
  fhirBase: string;
  anchorDate: string;
  /** FHIR base of a quirk profile (generic = fhirBase). */
  fhirBaseFor(profile: QuirkProfile): string;
  handle(request: Request): Promise<Response>;
  issueToken(opts: IssueTokenOptions): IssuedToken;
  /** Registers an EHR launch and returns its opaque handle (what /ehr/chart does). */
  createLaunch(opts: {
    patient?: string;
    encounter?: string;
    profile?: QuirkProfile;
    faults?: FaultOptions;
    needPatientBanner?: boolean;
    skipConsent?: boolean;
  }): string;
  patients(): PatientSummary[];
  countsFor(patientId: string): Record<string, number>;
  resourcesFor(patientId: string): fhir4.Resource[];
  created(): fhir4.Resource[];
  /** Replaces the Bulk Data / backend-service faults (bulk/bulk-faults.ts); kick-off counts restart. */
  setBulkFaults(faults: BulkFaults): void;
  /** Bulk Data counters: kick-offs (and by which client), polls, downloads, cancellations. */
  bulkActivity(): BulkActivity;
  reset(): void;
}

function ownOriginsOf(origin: string): Set<string> {
  const u = new URL(origin);
  const set = new Set([u.origin]);
  if (u.hostname === 'localhost') {
    set.add(`${u.protocol}//127.0.0.1${u.port ? `:${u.port}` : ''}`);
  }
  if (u.hostname === '127.0.0.1') {
    set.add(`${u.protocol}//localhost${u.port ? `:${u.port}` : ''}`);
  }
  return set;
}

/** Creates a sandbox EHR with its synthetic panel loaded. */
export function createSandbox(opts: SandboxOptions): Sandbox {
  const origin = new URL(opts.origin).origin;
  const seed = opts.seed ?? DEFAULT_SEED;
  const anchorDate = opts.anchorDate ?? todayUtc();
  const now = opts.now ?? Date.now;
  const baseResources: fhir4.Resource[] = [];
  const directory: PatientSummary[] = [];
  for (const p of generatePanel({ seed, count: opts.patientCount ?? DEFAULT_PATIENT_COUNT, anchorDate })) {
    const patient = p.resources[0] as fhir4.Patient;
    const name = patient.name?.[0];
    directory.push({
      id: p.id,
      name: name?.text ?? `${name?.given?.join(' ') ?? ''} ${name?.family ?? ''}`.trim(),
      birthDate: patient.birthDate ?? '',
      gender: patient.gender ?? 'unknown',
      ...(p.label ? { label: p.label } : {}),
    });
    baseResources.push(...p.resources);
  }
  baseResources.push(...directoryResources(directory.map((d) => d.id)));
  // Every seeded resource was "last updated" when the sandbox loaded it: Bulk Data `_since` then
  // returns exactly what was written afterwards (created resources get their own lastUpdated).
  const loadedAt = new Date(now()).toISOString();
  for (const r of baseResources) {
    r.meta = { ...r.meta, lastUpdated: r.meta?.lastUpdated ?? loadedAt };
  }

  const signer = new IdTokenSigner();
  const snapshots = new SnapshotCache();
  const ctx: SandboxContext = {
    origin,
    ownOrigins: ownOriginsOf(origin),
    fhirBase: `${origin}/fhir`,
    seed,
    anchorDate,
    tokenLifetimeSec: opts.tokenLifetimeSec ?? 3600,
    now,
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    store: new ResourceStore(),
    tokens: new TokenStore(now, (opts.refreshTokenLifetimeSec ?? REFRESH_LIFETIME_MS / 1000) * 1000),
    directory,
    created: [],
    autoApprove: new Set(opts.autoApprove ?? []),
    makeGrant(input: GrantInput): Grant {
      const denied = new Set(input.faults.denyScopes ?? []);
      const scopes = input.scopes.filter((s) => {
        const parsed = parseResourceScope(s);
        return !parsed || !denied.has(parsed.type);
      });
      const grant: Grant = {
        clientId: input.clientId,
        scopes,
        profile: input.profile,
        faults: input.faults,
        injector: new FaultInjector(input.faults, faultSeed(seed, input.patient)),
        needPatientBanner: input.needPatientBanner,
        user: input.user ?? DEFAULT_USER_ID,
        lifetimeSec:
          input.lifetimeSec ??
          input.faults.tokenLifetimeSec ??
          input.faults.refreshableLifetimeSec ??
          ctx.tokenLifetimeSec,
        withRefresh: input.withRefresh ?? false,
        deniedTypes: denied,
      };
      if (input.patient !== undefined) {
        grant.patient = input.patient;
      }
      if (input.encounter !== undefined) {
        grant.encounter = input.encounter;
      }
      return grant;
    },
  };
  const load = () => {
    for (const r of baseResources) {
      ctx.store.put(r);
    }
  };
  load();
  configureBulk(ctx, opts);

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/fhir' || path.startsWith('/fhir/')) {
      return handleFhir(ctx, snapshots, request, url);
    }
    if (path === '/auth/authorize' && request.method === 'GET') {
      return authorizeRequest(ctx, url);
    }
    if (path === '/auth/pick' && request.method === 'POST') {
      return pickPatient(ctx, request);
    }
    if (path === '/auth/consent' && request.method === 'POST') {
      return consent(ctx, request);
    }
    if (path === '/auth/token') {
      return tokenEndpoint(ctx, signer, request);
    }
    if (path === '/auth/jwks.json') {
      return jsonResponse(await signer.jwks(), 200, PUBLIC_CORS, 'application/json');
    }
    if (path === '/auth/smart-style.json') {
      return jsonResponse(SMART_STYLE, 200, { ...PUBLIC_CORS, 'Cache-Control': 'max-age=3600' }, 'application/json');
    }
    if (path === '/.well-known/openid-configuration') {
      return jsonResponse(openidConfiguration(origin), 200, PUBLIC_CORS, 'application/json');
    }
    if (path === '/ehr' || path.startsWith('/ehr/')) {
      return handleEhr(ctx, url);
    }
    return outcomeResponse(
      404,
      'not-found',
      `No sandbox route for ${request.method} ${path}`,
      corsHeaders(ctx, request),
    );
  }

  return {
    origin,
    fhirBase: ctx.fhirBase,
    anchorDate,
    fhirBaseFor: (profile) => (profile === 'generic' ? ctx.fhirBase : `${ctx.fhirBase}/${profile}`),
    async handle(request) {
      try {
        return await route(request);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return outcomeResponse(500, 'exception', `Sandbox error: ${message}`, corsHeaders(ctx, request));
      }
    },
    issueToken(o) {
      const scopes = splitScopes(o.scope);
      const input: GrantInput = {
        clientId: 'caregap-panel',
        scopes,
        profile: o.profile ?? 'generic',
        faults: o.faults ?? {},
        needPatientBanner: o.needPatientBanner ?? true,
        withRefresh: o.withRefresh ?? false,
      };
      if (o.patient !== undefined) {
        input.patient = o.patient;
      }
      if (o.encounter !== undefined) {
        input.encounter = o.encounter;
      }
      if (o.lifetimeSec !== undefined) {
        input.lifetimeSec = o.lifetimeSec;
      }
      const grant = ctx.makeGrant(input);
      const minted = ctx.tokens.mint(grant);
      const out: IssuedToken = {
        access_token: minted.accessToken,
        token_type: 'Bearer',
        expires_in: minted.expiresIn,
        scope: grant.scopes.join(' '),
      };
      if (minted.refreshToken) {
        out.refresh_token = minted.refreshToken;
      }
      if (grant.patient) {
        out.patient = grant.patient;
      }
      return out;
    },
    createLaunch(o) {
      return ctx.tokens.createLaunch({
        ...(o.patient ? { patient: o.patient } : {}),
        ...(o.encounter ? { encounter: o.encounter } : {}),
        profile: o.profile ?? 'generic',
        faults: o.faults ?? {},
        needPatientBanner: o.needPatientBanner ?? false,
        skipConsent: o.skipConsent ?? true,
        user: DEFAULT_USER_ID,
      });
    },
    patients: () => directory.map((d) => ({ ...d })),
    countsFor(patientId) {
      const counts: Record<string, number> = {};
      for (const r of ctx.store.compartment(patientId)) {
        counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
      }
      return counts;
    },
    resourcesFor: (patientId) => structuredClone(ctx.store.compartment(patientId)),
    created: () => structuredClone(ctx.created),
    setBulkFaults(faults) {
      const state = bulkState(ctx);
      state.faults = { ...faults };
      state.kickoffAttempts = 0; // "the first n kick-offs" count from now
    },
    bulkActivity: () => structuredClone(bulkState(ctx).activity),
    reset() {
      resetBulk(ctx);
      ctx.store = new ResourceStore();
      ctx.created.length = 0;
      ctx.tokens.clear();
      snapshots.clear();
      load();
    },
  };
}
