/**
 * Verifies a `private_key_jwt` client assertion (SMART App Launch 2.x client-confidential-asymmetric
 * §"Signature Verification", RFC 7523 §3): header `alg` RS384 or ES384, `kid` and `typ: JWT`; a
 * `jku` only when it equals the registered JWK Set URL; the key chosen by `kid` and a `kty`
 * matching `alg` (exactly one candidate); `iss` = `sub` = a registered client_id (and = the form's
 * `client_id` when sent); `aud` = this token endpoint; `exp` present, not passed and at most five
 * minutes ahead; `jti` not seen before for this `iss` while the assertion could still be used.
 * Every failure is an `invalid_client` (the spec's required error) with a reason naming the claim.
 */
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import type { BackendClient } from './backend-clients.ts';

/** Signature algorithms accepted (the two SMART names; others such as RS256 or `none` are refused). */
export const ASSERTION_ALGORITHMS = ['RS384', 'ES384'] as const;

/** Longest allowed assertion lifetime: `exp` "SHALL be no more than five minutes in the future". */
export const MAX_ASSERTION_LIFETIME_SEC = 300;

/** Clock skew tolerated on `exp` (seconds), so a client a little ahead or behind still authenticates. */
export const CLOCK_SKEW_SEC = 5;

/** Why an assertion was refused (the `error_description`), or the authenticated client. */
export type AssertionResult =
  { ok: true; client: BackendClient; jti: string; exp: number } | { ok: false; reason: string };

/** `jti` values seen per issuer, kept until the assertion that carried them has expired. */
export class JtiReplayCache {
  private readonly seen = new Map<string, number>();

  /** Records `iss`+`jti` until `expSec`; false when it was already recorded (a replay). */
  remember(iss: string, jti: string, expSec: number, nowSec: number): boolean {
    for (const [key, until] of this.seen) {
      if (until < nowSec) {
        this.seen.delete(key);
      }
    }
    const key = `${iss}\u0000${jti}`;
    if (this.seen.has(key)) {
      return false;
    }
    this.seen.set(key, expSec + CLOCK_SKEW_SEC);
    return true;
  }
}

/** What a verification needs besides the assertion. */
export interface VerifyOptions {
  clients: readonly BackendClient[];
  /** URLs this token endpoint answers at (the assertion's `aud` must be one of them). */
  tokenUrls: readonly string[];
  /** The form's `client_id`, when the client sent one. */
  clientId?: string | null;
  nowMs: number;
  replay: JtiReplayCache;
}

const KTY_FOR_ALG: Record<(typeof ASSERTION_ALGORITHMS)[number], string> = { RS384: 'RSA', ES384: 'EC' };

function isAlgorithm(alg: unknown): alg is (typeof ASSERTION_ALGORITHMS)[number] {
  return typeof alg === 'string' && (ASSERTION_ALGORITHMS as readonly string[]).includes(alg);
}

/** Verifies one client assertion. Never throws. */
export async function verifyClientAssertion(assertion: string, o: VerifyOptions): Promise<AssertionResult> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch {
    return { ok: false, reason: 'client_assertion is not a signed JWT (compact JWS)' };
  }
  if (!isAlgorithm(header.alg)) {
    return { ok: false, reason: `client_assertion alg '${String(header.alg)}' is not accepted; use RS384 or ES384` };
  }
  if (header.typ !== 'JWT') {
    return { ok: false, reason: "client_assertion header typ must be 'JWT'" };
  }
  if (typeof header.kid !== 'string' || !header.kid) {
    return { ok: false, reason: 'client_assertion header has no kid' };
  }
  const iss = claims.iss;
  if (typeof iss !== 'string') {
    return { ok: false, reason: 'client_assertion has no iss (the client_id)' };
  }
  const client = o.clients.find((c) => c.clientId === iss);
  if (!client) {
    return { ok: false, reason: `client_assertion iss '${iss}' is not a registered client` };
  }
  if (claims.sub !== iss) {
    return { ok: false, reason: 'client_assertion sub must equal iss (both the client_id)' };
  }
  if (o.clientId && o.clientId !== iss) {
    return { ok: false, reason: 'client_id does not match the client_assertion iss' };
  }
  if (header.jku !== undefined && header.jku !== client.jwksUri) {
    return { ok: false, reason: 'client_assertion jku is not the JWK Set URL registered for this client' };
  }
  const kty = KTY_FOR_ALG[header.alg];
  const candidates = client.jwks.keys.filter((k: JWK) => k.kid === header.kid && k.kty === kty);
  if (candidates.length !== 1) {
    return { ok: false, reason: `no single registered ${kty} key with kid '${header.kid}' for ${iss}` };
  }
  let verified: Awaited<ReturnType<typeof jwtVerify>>;
  try {
    const key = await importJWK(candidates[0]!, header.alg);
    verified = await jwtVerify(assertion, key, {
      algorithms: [header.alg],
      issuer: iss,
      subject: iss,
      audience: [...o.tokenUrls],
      typ: 'JWT',
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(o.nowMs),
      clockTolerance: CLOCK_SKEW_SEC,
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const claim = (error as { claim?: string }).claim;
    if (code === 'ERR_JWT_EXPIRED') {
      return { ok: false, reason: 'client_assertion has expired (exp)' };
    }
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      return { ok: false, reason: 'client_assertion signature does not verify with the registered key' };
    }
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
      return {
        ok: false,
        reason: `client_assertion claim '${claim ?? '?'}' is invalid${claim === 'aud' ? ': aud must be this token endpoint URL' : ''}`,
      };
    }
    return { ok: false, reason: `client_assertion rejected: ${(error as Error).message}` };
  }
  const { exp, jti } = verified.payload;
  const nowSec = Math.floor(o.nowMs / 1000);
  if (typeof exp !== 'number') {
    return { ok: false, reason: 'client_assertion has no exp' };
  }
  if (exp - nowSec > MAX_ASSERTION_LIFETIME_SEC + CLOCK_SKEW_SEC) {
    return { ok: false, reason: 'client_assertion exp is more than five minutes in the future' };
  }
  if (typeof jti !== 'string' || !jti) {
    return { ok: false, reason: 'client_assertion has no jti' };
  }
  if (!o.replay.remember(iss, jti, exp, nowSec)) {
    return { ok: false, reason: 'client_assertion jti was already used (replay)' };
  }
  return { ok: true, client, jti, exp };
}
