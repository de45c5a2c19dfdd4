/**
 * A fhirclient `Client` outside the browser (benchmarks, CLI, unit tests) from an already-issued
 * token — the same client class the app uses after `ready()`, so the fetchers run unchanged.
 * Never imported by the app bundle.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import smart from 'fhirclient';
import type Client from 'fhirclient/lib/Client';

/** Token response fields the client needs (what a SMART token endpoint returns). */
export interface NodeTokenResponse {
  access_token: string;
  scope?: string;
  patient?: string;
  encounter?: string;
  refresh_token?: string;
  expires_in?: number;
  id_token?: string;
}

/** In-memory stand-in for the session storage fhirclient keeps state in. */
function memoryStorage() {
  const data = new Map<string, unknown>();
  return {
    get: async (key: string) => data.get(key),
    set: async (key: string, value: unknown) => {
      data.set(key, value);
      return value;
    },
    unset: async (key: string) => data.delete(key),
  };
}

/**
 * Creates a Client for `serverUrl` carrying `tokenResponse`. The Node entry of fhirclient is a
 * factory over (request, response); neither is used for plain FHIR requests, so stubs suffice.
 */
export function clientForToken(serverUrl: string, tokenResponse: NodeTokenResponse, tokenUri?: string): Client {
  const req = { headers: { host: 'localhost' }, socket: {}, url: '/' } as unknown as IncomingMessage;
  const res = {} as ServerResponse;
  const expiresAt = tokenResponse.expires_in ? Math.floor(Date.now() / 1000) + tokenResponse.expires_in : undefined;
  return smart(req, res, memoryStorage()).client({
    serverUrl,
    tokenResponse,
    ...(expiresAt ? { expiresAt } : {}),
    ...(tokenUri ? { tokenUri } : {}),
  });
}
