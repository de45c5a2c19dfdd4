/**
 * OpenID Connect id_tokens for the `openid fhirUser` scopes: RS256 JWTs signed with a key pair
 * generated when first needed (jose). The JWKS is served so clients can verify signatures.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** Signs id_tokens with one lazily generated RSA key. */
export class IdTokenSigner {
  private keys?: Promise<{ pair: KeyPair; jwk: JWK }>;
  private readonly kid = `sandbox-${Math.random().toString(36).slice(2, 10)}`;

  private load(): Promise<{ pair: KeyPair; jwk: JWK }> {
    this.keys ??= (async () => {
      const pair = await generateKeyPair('RS256', { extractable: true });
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' };
      return { pair, jwk };
    })();
    return this.keys;
  }

  /** The public JWKS. */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.load()).jwk] };
  }

  /** An id_token for a user (`fhirUser` absolute or relative, as given). */
  async sign(claims: {
    iss: string;
    aud: string;
    sub: string;
    fhirUser: string;
    name?: string;
    nowSec: number;
  }): Promise<string> {
    const { pair } = await this.load();
    const payload: Record<string, unknown> = { fhirUser: claims.fhirUser };
    if (claims.name) {
      payload.name = claims.name;
    }
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(claims.iss)
      .setAudience(claims.aud)
      .setSubject(claims.sub)
      .setIssuedAt(claims.nowSec)
      .setExpirationTime(claims.nowSec + 3600)
      .sign(pair.privateKey);
  }
}
