/**
 * Finds the token endpoint of a FHIR server (SMART App Launch 2.x §Conformance: `[base]/.well-known/
 * smart-configuration`, appended to the base even when it has a path; endpoints SHALL be absolute,
 * relative ones are resolved against the base), falling back to the CapabilityStatement's
 * deprecated oauth-uris extension. Also reads which scope syntax the server speaks and which
 * resource types it serves (to keep the default `_type` list to types the server has).
 */
import { BulkExportError } from '../../fhir/bulk-export/bulk-manifest.ts';

/** What the CLI needs to know about the server. */
export interface ServerInfo {
  tokenEndpoint: string;
  /** SMART v2 scope syntax (`.rs`) when the server advertises `permission-v2`, else v1 (`.read`). */
  scopeSyntax: 'v1' | 'v2';
  /** Warnings worth showing (e.g. private_key_jwt not advertised). */
  warnings: string[];
}

/** A `fetch` (injectable for tests). */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
/** Per-request time limit for discovery documents. */
const DISCOVERY_TIMEOUT_MS = 30_000;

async function getJson(fetchImpl: FetchLike, url: string, accept: string): Promise<unknown> {
  const res = await fetchImpl(url, { headers: { Accept: accept }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
  if (!res.ok) {
    throw new BulkExportError(`GET ${url} answered HTTP ${res.status}`, res.status);
  }
  return res.json();
}

/** The token endpoint from a CapabilityStatement (rest.security oauth-uris extension), if any. */
function tokenFromCapabilities(cs: fhir4.CapabilityStatement): string | undefined {
  for (const rest of cs.rest ?? []) {
    const ext = rest.security?.extension?.find((e) => e.url === OAUTH_URIS);
    const token = ext?.extension?.find((e) => e.url === 'token')?.valueUri;
    if (token) {
      return token;
    }
  }
  return undefined;
}

/** Discovery for a FHIR base. Throws BulkExportError when no token endpoint can be found. */
export async function discoverServer(fhirBase: string, fetchImpl: FetchLike = fetch): Promise<ServerInfo> {
  const base = fhirBase.replace(/\/+$/, '');
  const warnings: string[] = [];
  let config: Record<string, unknown> | undefined;
  try {
    config = (await getJson(fetchImpl, `${base}/.well-known/smart-configuration`, 'application/json')) as Record<
      string,
      unknown
    >;
  } catch (e) {
    warnings.push(
      `.well-known/smart-configuration unavailable (${(e as Error).message}); trying the CapabilityStatement`,
    );
  }
  let token = typeof config?.token_endpoint === 'string' ? config.token_endpoint : undefined;
  if (!token) {
    try {
      token = tokenFromCapabilities(
        (await getJson(fetchImpl, `${base}/metadata`, 'application/fhir+json')) as fhir4.CapabilityStatement,
      );
    } catch (e) {
      warnings.push(`CapabilityStatement unavailable (${(e as Error).message})`);
    }
  }
  if (!token) {
    throw new BulkExportError(
      `no token endpoint found for ${base} (neither .well-known/smart-configuration nor the CapabilityStatement names one)`,
    );
  }
  const methods = config?.token_endpoint_auth_methods_supported;
  if (Array.isArray(methods) && !methods.includes('private_key_jwt')) {
    warnings.push('the server does not advertise private_key_jwt client authentication; trying anyway');
  }
  const capabilities = Array.isArray(config?.capabilities) ? (config.capabilities as unknown[]) : [];
  return {
    tokenEndpoint: new URL(token, `${base}/`).href,
    scopeSyntax: capabilities.includes('permission-v2') ? 'v2' : 'v1',
    warnings,
  };
}

/** Resource types the server's CapabilityStatement lists (undefined when it cannot be read). */
export async function servedTypes(fhirBase: string, fetchImpl: FetchLike = fetch): Promise<Set<string> | undefined> {
  try {
    const cs = (await getJson(
      fetchImpl,
      `${fhirBase.replace(/\/+$/, '')}/metadata`,
      'application/fhir+json',
    )) as fhir4.CapabilityStatement;
    const types = new Set((cs.rest ?? []).flatMap((r) => (r.resource ?? []).map((x) => x.type)));
    return types.size ? types : undefined;
  } catch {
    return undefined;
  }
}
