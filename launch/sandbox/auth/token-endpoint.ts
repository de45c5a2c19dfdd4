/**
 * The token endpoint (SMART App Launch 2.x §"Obtain access token", RFC 6749 §4.1.3 and §6, RFC 7636
 * PKCE): authorization_code with S256 verification and single-use codes, and refresh_token with
 * rotation (each refresh token works once). Responses carry `Cache-Control: no-store`.
 */
import { createHash } from 'node:crypto';
import { clientCredentialsGrant } from '../backend/client-credentials.ts';
import { jsonResponse } from '../http-responses.ts';
import { corsHeaders, type SandboxContext } from '../sandbox-context.ts';
import type { IdTokenSigner } from './id-token.ts';
import type { Grant } from './token-store.ts';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function oauthError(error: string, description: string, headers: Record<string, string>, status = 400): Response {
  return jsonResponse(
    { error, error_description: description },
    status,
    { ...headers, ...NO_STORE },
    'application/json',
  );
}

/** base64url(SHA-256(verifier)), the S256 code challenge (RFC 7636 §4.2). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** The token response body for a grant (access token minted here). */
export async function tokenResponseBody(
  ctx: SandboxContext,
  signer: IdTokenSigner,
  grant: Grant,
): Promise<Record<string, unknown>> {
  const minted = ctx.tokens.mint(grant);
  const body: Record<string, unknown> = {
    access_token: minted.accessToken,
    token_type: 'Bearer',
    expires_in: minted.expiresIn,
    scope: grant.scopes.join(' '),
    need_patient_banner: grant.needPatientBanner,
    smart_style_url: `${ctx.origin}/auth/smart-style.json`,
  };
  if (grant.patient) {
    body.patient = grant.patient;
  }
  if (grant.encounter) {
    body.encounter = grant.encounter;
  }
  if (minted.refreshToken) {
    body.refresh_token = minted.refreshToken;
  }
  if (grant.scopes.includes('openid')) {
    // Epic sends fhirUser as an absolute URL, others relative; clients must handle both (client-js #105).
    const fhirUser =
      grant.profile === 'epic-like' ? `${ctx.fhirBase}/Practitioner/${grant.user}` : `Practitioner/${grant.user}`;
    body.id_token = await signer.sign({
      iss: ctx.origin,
      aud: grant.clientId,
      sub: grant.user,
      fhirUser,
      nowSec: Math.floor(ctx.now() / 1000),
    });
  }
  return body;
}

/** POST /auth/token. */
export async function tokenEndpoint(ctx: SandboxContext, signer: IdTokenSigner, request: Request): Promise<Response> {
  const cors = corsHeaders(ctx, request);
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204, headers: cors });
  }
  if (request.method !== 'POST') {
    return oauthError('invalid_request', 'Use POST', cors, 405);
  }
  const form = new URLSearchParams(await request.text());
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') {
    const code = ctx.tokens.codes.get(form.get('code') ?? '');
    if (!code) {
      return oauthError('invalid_grant', 'Unknown authorization code', cors);
    }
    if (code.used) {
      return oauthError('invalid_grant', 'Authorization code already used', cors);
    }
    code.used = true; // single use, even when the rest of the request fails (RFC 6749 §4.1.2)
    if (code.expiresAt <= ctx.now()) {
      return oauthError('invalid_grant', 'Authorization code expired', cors);
    }
    if (form.get('redirect_uri') !== code.redirectUri) {
      return oauthError('invalid_grant', 'redirect_uri does not match the authorization request', cors);
    }
    if (form.get('client_id') !== code.grant.clientId) {
      return oauthError('invalid_client', 'client_id does not match the authorization request', cors, 401);
    }
    const verifier = form.get('code_verifier');
    if (!verifier || s256(verifier) !== code.codeChallenge) {
      return oauthError('invalid_grant', 'PKCE verification failed: code_verifier does not match code_challenge', cors);
    }
    return jsonResponse(
      await tokenResponseBody(ctx, signer, code.grant),
      200,
      { ...cors, ...NO_STORE },
      'application/json',
    );
  }
  if (grantType === 'refresh_token') {
    // rotation: a refresh token works once; its lifetime ends with the sign-in's (never extended)
    const found = ctx.tokens.consumeRefreshToken(form.get('refresh_token') ?? '');
    if (!found) {
      return oauthError('invalid_grant', 'Unknown or already used refresh token', cors);
    }
    if ('expired' in found) {
      return oauthError('invalid_grant', 'Refresh token expired: sign in again', cors);
    }
    const { grant } = found;
    const clientId = form.get('client_id');
    if (clientId && clientId !== grant.clientId) {
      return oauthError('invalid_client', 'Refresh token was issued to another client', cors, 401);
    }
    return jsonResponse(await tokenResponseBody(ctx, signer, grant), 200, { ...cors, ...NO_STORE }, 'application/json');
  }
  if (grantType === 'client_credentials') {
    return clientCredentialsGrant(ctx, form);
  } // SMART Backend Services
  return oauthError('unsupported_grant_type', `grant_type '${grantType ?? ''}' is not supported`, cors);
}
