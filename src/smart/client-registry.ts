/**
 * Client registrations per EHR: each EHR issues its own client_id for the app, so the launch page
 * picks the registration whose `iss` pattern matches the launching FHIR server
 * (launch/clients.json, documented in the README). Pattern semantics and why they are strict:
 * issuer-pattern.ts.
 */
import {
  compileIssuerPattern,
  type IssuerPattern,
  IssuerPatternError,
  issuerMatchScore,
  normaliseIssuer,
} from './issuer-pattern.ts';

/**
 * Scope overrides per kind of launch. A standalone launch must ask for `launch/patient` (the EHR
 * then asks who the patient is), an EHR launch for `launch` (the EHR sends the chart's context).
 */
export interface ScopesByLaunch {
  ehr?: string;
  standalone?: string;
  /** The practitioner's population view (user/ scopes, no patient), either launch mode. */
  population?: string;
}

/** One registration: which issuer(s) it covers and the client_id that EHR assigned. */
export interface ClientRegistration {
  /**
   * Exact FHIR base, a prefix of it (on a path-segment boundary), a host/port glob
   * (`https://*.ehr.example/fhir`, `http://localhost:*`), or `*` for any issuer.
   */
  iss: string;
  clientId: string;
  /**
   * Overrides the app's default scope request for this EHR: per kind of launch, or one string for
   * the patient panel in both launch modes (checked per mode when the launch starts).
   */
  scopes?: string | ScopesByLaunch;
  /** Overrides the redirect URI (default: the app's index.html next to the launch page). */
  redirectUri?: string;
}

/** The shape of launch/clients.json. */
export interface ClientRegistry {
  clients: ClientRegistration[];
}

/** Thrown when clients.json is not a valid registry (a deployment mistake, not a user error). */
export class ClientRegistryError extends Error {
  override name = 'ClientRegistryError';
}

/** Compiled patterns, one per registration (registrations are immutable once parsed). */
const COMPILED = new WeakMap<ClientRegistration, IssuerPattern>();

/** The scopes field: a string or an object of strings keyed by launch kind. */
function parseScopes(value: unknown, i: number): string | ScopesByLaunch | undefined {
  if (value === undefined || typeof value === 'string') {
    return value;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ClientRegistryError(`clients.json entry ${i}: "scopes" must be a string or an object`);
  }
  const out: ScopesByLaunch = {};
  for (const [k, v] of Object.entries(value)) {
    if (k !== 'ehr' && k !== 'standalone' && k !== 'population') {
      throw new ClientRegistryError(
        `clients.json entry ${i}: unknown launch kind "${k}" in "scopes" (ehr, standalone, population)`,
      );
    }
    if (typeof v !== 'string') {
      throw new ClientRegistryError(`clients.json entry ${i}: scopes.${k} must be a string`);
    }
    out[k] = v;
  }
  return out;
}

/** Validates the parsed JSON of clients.json (including every `iss` pattern). */
export function parseClientRegistry(json: unknown): ClientRegistry {
  const clients = (json as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(clients)) {
    throw new ClientRegistryError('clients.json must have a "clients" array');
  }
  return {
    clients: clients.map((c: unknown, i) => {
      const r = c as Partial<Record<keyof ClientRegistration, unknown>> | null;
      if (!r || typeof r.iss !== 'string' || typeof r.clientId !== 'string' || !r.iss || !r.clientId) {
        throw new ClientRegistryError(`clients.json entry ${i} needs string "iss" and "clientId"`);
      }
      let pattern: IssuerPattern;
      try {
        pattern = compileIssuerPattern(r.iss);
      } catch (error) {
        throw new ClientRegistryError(
          `clients.json entry ${i}: ${error instanceof IssuerPatternError ? error.message : String(error)}`,
        );
      }
      const scopes = parseScopes(r.scopes, i);
      const registration: ClientRegistration = {
        iss: r.iss,
        clientId: r.clientId,
        ...(scopes !== undefined ? { scopes } : {}),
        ...(typeof r.redirectUri === 'string' ? { redirectUri: r.redirectUri } : {}),
      };
      COMPILED.set(registration, pattern);
      return registration;
    }),
  };
}

/** The compiled pattern of a registration (compiled here when it did not come from parseClientRegistry). */
function patternOf(c: ClientRegistration): IssuerPattern {
  let p = COMPILED.get(c);
  if (!p) {
    p = compileIssuerPattern(c.iss);
    COMPILED.set(c, p);
  }
  return p;
}

/**
 * The registration for an issuer: exact match first, then the longest prefix/glob, then `*`.
 * An issuer that is not a plain http(s) URL (userinfo, query, fragment) matches nothing.
 */
export function findClientRegistration(registry: ClientRegistry, iss: string): ClientRegistration | undefined {
  const url = normaliseIssuer(iss);
  if (!url) {
    return undefined;
  }
  let best: ClientRegistration | undefined;
  let bestScore = 0;
  for (const c of registry.clients) {
    const score = issuerMatchScore(patternOf(c), url);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
