/**
 * The state every sandbox route works on: origin and FHIR bases, the resource store, the
 * authorization state, the clock and the directory of patients. Routes are functions of
 * (context, request) → Response, so unit tests (msw) and the HTTP server share them.
 */
import type { AutoApprovable } from './auth/consent-policy.ts';
import type { FaultOptions } from './auth/faults.ts';
import type { Grant, QuirkProfile, TokenStore } from './auth/token-store.ts';
import type { ResourceStore } from './fhir/resource-store.ts';

/** One row of the patient directory. */
export interface PatientSummary {
  id: string;
  name: string;
  birthDate: string;
  gender: string;
  label?: string;
}

/** Shared state of one sandbox instance. */
export interface SandboxContext {
  origin: string;
  /** Origins treated as "this sandbox" (localhost and 127.0.0.1 on the same port). */
  ownOrigins: Set<string>;
  fhirBase: string;
  seed: number;
  anchorDate: string;
  tokenLifetimeSec: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  store: ResourceStore;
  tokens: TokenStore;
  directory: PatientSummary[];
  created: fhir4.Resource[];
  /** Scopes an EHR launch may grant without showing the consent page (default: none but reads). */
  autoApprove: ReadonlySet<AutoApprovable>;
  /** Builds a grant (scope filtering for denied types, lifetime, fault RNG). */
  makeGrant(input: GrantInput): Grant;
}

/** What a grant is built from. */
export interface GrantInput {
  clientId: string;
  patient?: string;
  encounter?: string;
  scopes: string[];
  profile: QuirkProfile;
  faults: FaultOptions;
  needPatientBanner: boolean;
  user?: string;
  lifetimeSec?: number;
  withRefresh?: boolean;
}

/** FHIR base URL for a quirk profile: `/fhir` is generic; `/fhir/epic-like`, `/fhir/v1-only`. */
export function fhirBaseFor(origin: string, profile: QuirkProfile): string {
  return profile === 'generic' ? `${origin}/fhir` : `${origin}/fhir/${profile}`;
}

/** The CORS headers for a request from the app (reflects only this sandbox's own origins). */
export function corsHeaders(ctx: SandboxContext, request: Request): Record<string, string> {
  const origin = request.headers.get('Origin');
  if (!origin || !ctx.ownOrigins.has(origin)) {
    return { Vary: 'Origin' };
  }
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, If-None-Exist, Prefer',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Expose-Headers':
      'Location, Content-Location, Retry-After, X-Progress, Expires, WWW-Authenticate, ETag, Last-Modified',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

/** CORS headers for public discovery documents (any origin, per SMART 2.x §CORS). */
export const PUBLIC_CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
};
