/**
 * SMART discovery: `{iss}/.well-known/smart-configuration` (app-launch.html#discovery-of-server-capabilities-and-configuration).
 * The app reads `capabilities` itself to choose v2 or v1 scopes; fhirclient reads the endpoints.
 */

/** The discovery fields the app uses. */
export interface SmartConfiguration {
  authorization_endpoint?: string;
  token_endpoint?: string;
  capabilities?: string[];
  code_challenge_methods_supported?: string[];
  scopes_supported?: string[];
}

/** The discovery URL: appended to the FHIR base even when the base has a path. */
export function smartConfigurationUrl(iss: string): string {
  return `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`;
}

/**
 * Fetches the discovery document; resolves `undefined` when the server has none (404, non-JSON)
 * so the caller can fall back to v1 scopes. Network failures reject.
 */
export async function fetchSmartConfiguration(
  iss: string,
  fetchImpl: typeof fetch = fetch,
): Promise<SmartConfiguration | undefined> {
  const res = await fetchImpl(smartConfigurationUrl(iss), { headers: { accept: 'application/json' } });
  if (!res.ok) {
    return undefined;
  }
  try {
    const json = (await res.json()) as unknown;
    return json && typeof json === 'object' ? (json as SmartConfiguration) : undefined;
  } catch {
    return undefined;
  }
}
