/**
 * Backend-service clients registered with the sandbox authorization server (SMART App Launch 2.x
 * client-confidential-asymmetric §"Registering a client"): each has a client_id, the public JWK Set
 * it signs client assertions with (registered "directly", the option the spec allows when a client
 * cannot host a JWK Set URL) and the scopes it is pre-authorized for. The only one is
 * `caregap-backend`, whose key pair is the development-only pair in `launch/sandbox/dev-keys/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';

/** A registered backend-service (client_credentials) client. */
export interface BackendClient {
  clientId: string;
  name: string;
  /** The registered public JWK Set (kty/kid and bare key members on every key). */
  jwks: { keys: JWK[] };
  /** Registered JWK Set URL, if any; a `jku` header must match it exactly. */
  jwksUri?: string;
  /** Scopes the client is pre-authorized for; a token never carries more (backend-services §"Evaluate Requested Access"). */
  preAuthorized: readonly string[];
}

/** Client id of the CareGap CLI's sandbox registration. */
export const BACKEND_CLIENT_ID = 'caregap-backend';

/** Folder of the development-only key pair (never use these keys anywhere but the sandbox). */
export const DEV_KEYS_DIR = join(import.meta.dirname, '..', 'dev-keys');

/** The registered public JWK Set of `caregap-backend` (RS384 and ES384 keys). */
export function devJwks(): { keys: JWK[] } {
  return JSON.parse(readFileSync(join(DEV_KEYS_DIR, 'backend.jwks.json'), 'utf8')) as { keys: JWK[] };
}

/** The sandbox's backend clients (read once per sandbox). */
export function backendClients(): BackendClient[] {
  return [
    {
      clientId: BACKEND_CLIENT_ID,
      name: 'CareGap CLI (sandbox development key)',
      jwks: devJwks(),
      preAuthorized: ['system/*.rs'],
    },
  ];
}
