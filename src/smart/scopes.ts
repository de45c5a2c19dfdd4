/**
 * SMART scope negotiation: what the app asks for (least privilege, v2 syntax with a v1 fallback)
 * and what the authorization server actually granted (which may differ from the request).
 * Spec: https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html
 */
import { FETCHED_TYPES } from '../fhir/fetched-types.ts';

/** Resource types the panel reads: the Patient by id, the rest searched by patient (src/fhir). */
export const APP_READ_TYPES = ['Patient', ...FETCHED_TYPES] as const;

/** Resource types the panel creates (screening results, referrals, procedures). */
export const APP_WRITE_TYPES = ['Observation', 'QuestionnaireResponse', 'ServiceRequest', 'Procedure'] as const;

/** SMART 2.x capability that says the server understands v2 scope syntax (`.rs`, `.c`). */
export const PERMISSION_V2 = 'permission-v2';

/** Which launch flow the scopes are for: EHR launch carries `launch`, standalone asks for `launch/patient`. */
export type LaunchMode = 'ehr' | 'standalone';

/**
 * Who the launch is for: one patient (the point-of-care panel) or a practitioner's population
 * (no patient context; `user/` read scopes, no writes — quality staff review, they do not chart).
 */
export type LaunchView = 'patient' | 'population';

/** Types the population view reads besides the record types: the attributed-list Group. */
export const POPULATION_EXTRA_READ_TYPES = ['Group'] as const;

/** Scope syntax generation the server understands. */
export type ScopeSyntax = 'v1' | 'v2';

/**
 * Identity and session scopes. `online_access` (not `offline_access`): a refresh token only while
 * the clinician is online — a public browser client should not hold an offline token.
 */
const IDENTITY_SCOPES = ['openid', 'fhirUser'] as const;
const SESSION_SCOPE = 'online_access';

/**
 * Picks v2 or v1 scope syntax from `.well-known/smart-configuration` `capabilities`
 * (app-launch "Scopes for requesting clinical data": servers advertise `permission-v2`).
 */
export function scopeSyntaxFor(capabilities: readonly string[] | undefined): ScopeSyntax {
  return capabilities?.includes(PERMISSION_V2) ? 'v2' : 'v1';
}

/** The read scope for one type, e.g. `patient/Observation.rs` (v2) or `patient/Observation.read` (v1). */
export function readScope(type: string, syntax: ScopeSyntax, context: 'patient' | 'user' = 'patient'): string {
  return `${context}/${type}.${syntax === 'v2' ? 'rs' : 'read'}`;
}

/** The create scope for one type, e.g. `patient/Observation.c` (v2) or `patient/Observation.write` (v1). */
export function writeScope(type: string, syntax: ScopeSyntax): string {
  return `patient/${type}.${syntax === 'v2' ? 'c' : 'write'}`;
}

/** The full space-separated scope string the app requests for a launch. */
export function requestedScopes(mode: LaunchMode, syntax: ScopeSyntax, view: LaunchView = 'patient'): string {
  if (view === 'population') {
    // Practitioner launch (app-launch "launch context": no patient): user-level reads only.
    return [
      ...IDENTITY_SCOPES,
      ...(mode === 'ehr' ? ['launch'] : []),
      SESSION_SCOPE,
      ...[...APP_READ_TYPES, ...POPULATION_EXTRA_READ_TYPES].map((t) => readScope(t, syntax, 'user')),
    ].join(' ');
  }
  return [
    ...IDENTITY_SCOPES,
    mode === 'ehr' ? 'launch' : 'launch/patient',
    SESSION_SCOPE,
    ...APP_READ_TYPES.map((t) => readScope(t, syntax)),
    ...APP_WRITE_TYPES.map((t) => writeScope(t, syntax)),
  ].join(' ');
}

/** One parsed resource scope such as `patient/Observation.rs?category=laboratory`. */
export interface ResourceScope {
  raw: string;
  context: 'patient' | 'user' | 'system';
  /** Resource type or `*`. */
  type: string;
  /** Normalised v2 permission letters (`c r u d s`); v1 `read` → `rs`, `write` → `cud`, `*` → `cruds`. */
  permissions: string;
  /** v2 granular query restriction (`category=laboratory`), empty when unrestricted. */
  query: string;
}

/** What the server granted, with the questions the app asks of it. */
export interface GrantedScopes {
  /** The granted scope string as returned in the token response. */
  raw: string;
  resourceScopes: readonly ResourceScope[];
  /** True when any granted scope lets the app read or search this type (possibly restricted). */
  canRead(type: string): boolean;
  /** True when a granted scope lets the app create this type. */
  canWrite(type: string): boolean;
  /** Query restrictions when every read grant for the type is granular (`category=…`); empty = unrestricted. */
  readRestrictions(type: string): string[];
  /** The scope the app requested for reading this type, for "not granted" messages. */
  readScopeName(type: string): string;
}

const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(?:\?(.*))?$/;

/** Maps v1 permission words and v2 letters onto one normalised letter set. */
function normalisePermissions(p: string): string | undefined {
  if (p === 'read') {
    return 'rs';
  }
  if (p === 'write') {
    return 'cud';
  }
  if (p === '*') {
    return 'cruds';
  }
  return /^c?r?u?d?s?$/.test(p) && p.length > 0 ? p : undefined;
}

/** Parses one scope token; non-resource scopes (openid, launch…) and malformed ones → undefined. */
export function parseResourceScope(raw: string): ResourceScope | undefined {
  const m = RESOURCE_SCOPE.exec(raw);
  if (!m) {
    return undefined;
  }
  const permissions = normalisePermissions(m[3] ?? '');
  if (!permissions) {
    return undefined;
  }
  return {
    raw,
    context: m[1] as ResourceScope['context'],
    type: m[2] ?? '',
    permissions,
    query: m[4] ?? '',
  };
}

/**
 * Parses the token response `scope`. Granted ≠ requested (app-launch "Response"), so the app decides
 * from this what it may fetch and which results become "unknown".
 */
export function parseGrantedScopes(scope: string | undefined, syntax: ScopeSyntax = 'v2'): GrantedScopes {
  const raw = (scope ?? '').trim();
  const resourceScopes = raw
    .split(/\s+/)
    .map(parseResourceScope)
    .filter((s): s is ResourceScope => s !== undefined);
  const forType = (type: string) => resourceScopes.filter((s) => s.type === type || s.type === '*');
  const readers = (type: string) => forType(type).filter((s) => /[rs]/.test(s.permissions));
  return {
    raw,
    resourceScopes,
    canRead: (type) => readers(type).length > 0,
    canWrite: (type) => forType(type).some((s) => s.permissions.includes('c')),
    readRestrictions: (type) => {
      const r = readers(type);
      return r.length > 0 && r.every((s) => s.query !== '') ? r.map((s) => s.query) : [];
    },
    readScopeName: (type) => readScope(type, syntax),
  };
}
