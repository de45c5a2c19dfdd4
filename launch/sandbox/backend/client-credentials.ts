/**
 * The `client_credentials` grant of SMART Backend Services (SMART App Launch 2.x backend-services
 * §"Obtain access token"): the client authenticates with a `private_key_jwt` assertion, asks for
 * `system/` scopes, and gets a short-lived bearer token (`expires_in` ≤ 300, no refresh token)
 * limited to the scopes it was pre-authorized for. Errors follow RFC 6749 §5.2.
 */
import { parseResourceScope, splitScopes } from '../auth/scopes.ts';
import { jsonResponse } from '../http-responses.ts';
import type { SandboxContext } from '../sandbox-context.ts';
import { bulkState } from '../bulk/bulk-state.ts';
import { verifyClientAssertion } from './client-assertion.ts';

/** `client_assertion_type` of a JWT client assertion (RFC 7523 §2.2). */
export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Access-token lifetime the spec recommends and caps at: five minutes. */
export const BACKEND_TOKEN_LIFETIME_SEC = 300;

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function oauthError(error: string, description: string, status = 400): Response {
  return jsonResponse({ error, error_description: description }, status, NO_STORE, 'application/json');
}

/** The token endpoint URLs of this sandbox (localhost and 127.0.0.1 on the same port are one server). */
export function tokenUrls(ctx: SandboxContext): string[] {
  return [...ctx.ownOrigins].map((o) => `${o}/auth/token`);
}

/**
 * The requested scopes this client may have: `system/` resource scopes whose type and permissions
 * are inside a pre-authorized scope (`system/*.rs` covers `system/Observation.rs`, v1
 * `system/Observation.read` and `system/*.rs`). Anything else is dropped.
 */
export function grantableScopes(requested: readonly string[], preAuthorized: readonly string[]): string[] {
  const allowed = preAuthorized.map(parseResourceScope).filter((s) => s !== undefined);
  return requested.filter((raw) => {
    const s = parseResourceScope(raw);
    if (!s || s.context !== 'system') {
      return false;
    }
    return allowed.some(
      (a) =>
        a.context === 'system' &&
        (a.type === '*' || a.type === s.type) &&
        [...s.permissions].every((p) => a.permissions.has(p)),
    );
  });
}

/** POST /auth/token with grant_type=client_credentials (the form is already parsed). */
export async function clientCredentialsGrant(ctx: SandboxContext, form: URLSearchParams): Promise<Response> {
  const state = bulkState(ctx);
  if (form.get('client_assertion_type') !== JWT_BEARER_ASSERTION) {
    return oauthError('invalid_client', `client_assertion_type must be ${JWT_BEARER_ASSERTION} (private_key_jwt)`, 401);
  }
  const assertion = form.get('client_assertion');
  if (!assertion) {
    return oauthError('invalid_client', 'client_assertion is required', 401);
  }
  const verified = await verifyClientAssertion(assertion, {
    clients: state.clients,
    tokenUrls: tokenUrls(ctx),
    clientId: form.get('client_id'),
    nowMs: ctx.now(),
    replay: state.replay,
  });
  if (!verified.ok) {
    return oauthError('invalid_client', verified.reason, 401);
  }
  const requested = splitScopes(form.get('scope'));
  if (!requested.length) {
    return oauthError('invalid_scope', 'scope is required (system/ scopes, e.g. system/Observation.rs)');
  }
  const scopes = grantableScopes(requested, verified.client.preAuthorized);
  if (!scopes.length) {
    return oauthError(
      'invalid_scope',
      `none of the requested scopes is within what ${verified.client.clientId} is pre-authorized for (${verified.client.preAuthorized.join(' ')})`,
    );
  }
  const faults = state.faults;
  const lifetimeSec = Math.min(faults.tokenLifetimeSec ?? BACKEND_TOKEN_LIFETIME_SEC, BACKEND_TOKEN_LIFETIME_SEC);
  const grant = ctx.makeGrant({
    clientId: verified.client.clientId,
    user: `client:${verified.client.clientId}`,
    scopes,
    profile: 'generic',
    faults: {},
    needPatientBanner: false,
    lifetimeSec,
    withRefresh: false,
  });
  const minted = ctx.tokens.mint(grant);
  // tokenExpiresEarly: the response claims the usual lifetime, so only a 401 tells the client
  const expiresIn = faults.tokenExpiresEarly ? BACKEND_TOKEN_LIFETIME_SEC : minted.expiresIn;
  return jsonResponse(
    { access_token: minted.accessToken, token_type: 'bearer', expires_in: expiresIn, scope: scopes.join(' ') },
    200,
    NO_STORE,
    'application/json',
  );
}
