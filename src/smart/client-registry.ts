/**
 * Client registrations per EHR: each EHR issues its own client_id for the app, so the launch page
 * picks the registration whose `iss` pattern matches the launching FHIR server
 * (launch/clients.json, documented in the README).
 */

/** One registration: which issuer(s) it covers and the client_id that EHR assigned. */
export interface ClientRegistration {
  /** Exact FHIR base, a prefix of it, a glob with `*` (`http://localhost:*`), or `*` for any issuer. */
  iss: string;
  clientId: string;
  /** Overrides the app's default scope request for this EHR (space-separated). */
  scopes?: string;
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

/** Validates the parsed JSON of clients.json. */
export function parseClientRegistry(json: unknown): ClientRegistry {
  const clients = (json as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(clients)) throw new ClientRegistryError('clients.json must have a "clients" array');
  return {
    clients: clients.map((c: unknown, i) => {
      const r = c as Partial<ClientRegistration> | null;
      if (!r || typeof r.iss !== 'string' || typeof r.clientId !== 'string' || !r.iss || !r.clientId) {
        throw new ClientRegistryError(`clients.json entry ${i} needs string "iss" and "clientId"`);
      }
      return {
        iss: r.iss,
        clientId: r.clientId,
        ...(typeof r.scopes === 'string' ? { scopes: r.scopes } : {}),
        ...(typeof r.redirectUri === 'string' ? { redirectUri: r.redirectUri } : {}),
      };
    }),
  };
}

/** Strips one trailing slash so `…/fhir` and `…/fhir/` name the same server. */
function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/** How specifically a pattern matches an issuer: exact 3, prefix/glob 2 (+length), `*` 1, no match 0. */
function matchScore(pattern: string, iss: string): number {
  const p = trimSlash(pattern);
  const i = trimSlash(iss);
  if (p === '*') return 1;
  if (p === i) return 3e6;
  if (p.includes('*')) {
    const escaped = p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${escaped.join('.*')}`).test(i) ? 2e6 + p.length : 0;
  }
  return i.startsWith(`${p}/`) ? 2e6 + p.length : 0;
}

/** The registration for an issuer: exact match first, then the longest prefix/glob, then `*`. */
export function findClientRegistration(registry: ClientRegistry, iss: string): ClientRegistration | undefined {
  let best: ClientRegistration | undefined;
  let bestScore = 0;
  for (const c of registry.clients) {
    const score = matchScore(c.iss, iss);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
