/**
 * The `private_key_jwt` client assertion of SMART Backend Services (SMART App Launch 2.x
 * client-confidential-asymmetric §"Authenticating to the Token endpoint"), signed with node:crypto
 * so the CLI needs no JOSE library: header {alg RS384|ES384, kid, typ JWT}; claims iss = sub =
 * client_id, aud = the token URL, exp ≤ 5 minutes ahead, a fresh random jti. The key file is a
 * private JWK (or a JWK Set holding one), or a PKCS#8/PEM key with `--key-id`.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The two algorithms SMART requires clients to support. */
export type AssertionAlgorithm = 'RS384' | 'ES384';

/** A signing key ready for assertions. */
export interface SigningKey {
  key: KeyObject;
  kid: string;
  alg: AssertionAlgorithm;
}

/** Assertion lifetime (s): the spec's maximum is 300; a little less leaves room for clock skew. */
export const ASSERTION_LIFETIME_SEC = 240;

/** Unusable key material: the message says what is wrong with the file. */
export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/** RS384 for RSA keys, ES384 for P-384 EC keys (what SMART names); anything else is refused. */
function algorithmFor(key: KeyObject, declared: unknown, file: string): AssertionAlgorithm {
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const alg: AssertionAlgorithm | undefined =
    type === 'rsa' ? 'RS384' : type === 'ec' && (curve === 'secp384r1' || curve === 'P-384') ? 'ES384' : undefined;
  if (!alg) {
    throw new KeyFileError(
      `${file}: the key must be RSA (RS384) or EC P-384 (ES384), found ${type ?? 'unknown'}${curve ? ` ${curve}` : ''}`,
    );
  }
  if (declared !== undefined && declared !== alg) {
    throw new KeyFileError(
      `${file}: the JWK says alg ${String(declared)}, but an ${type?.toUpperCase()} key signs ${alg} here`,
    );
  }
  return alg;
}

/** Loads a private signing key from a JWK / JWK Set / PEM file. */
export async function loadSigningKey(file: string, keyId?: string): Promise<SigningKey> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new KeyFileError(
      `${file}: cannot read the private key (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  if (text.trimStart().startsWith('-----BEGIN')) {
    if (!keyId) {
      throw new KeyFileError(
        `${file}: a PEM key has no kid; pass --key-id (the kid of its public key in the registered JWK Set)`,
      );
    }
    let key: KeyObject;
    try {
      key = createPrivateKey(text);
    } catch (e) {
      throw new KeyFileError(`${file}: not a readable private key (${(e as Error).message})`);
    }
    return { key, kid: keyId, alg: algorithmFor(key, undefined, file) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyFileError(`${file}: neither a JWK (JSON) nor a PEM private key`);
  }
  const set = json as { keys?: unknown };
  const candidates = (Array.isArray(set.keys) ? set.keys : [json]) as Record<string, unknown>[];
  const privates = candidates.filter(
    (k) => k && typeof k === 'object' && typeof k.d === 'string' && (!keyId || k.kid === keyId),
  );
  if (privates.length !== 1) {
    throw new KeyFileError(
      `${file}: expected one private JWK${keyId ? ` with kid ${keyId}` : ''} (with "d"), found ${privates.length}`,
    );
  }
  const jwk = privates[0]!;
  const kid = keyId ?? jwk.kid;
  if (typeof kid !== 'string' || !kid) {
    throw new KeyFileError(`${file}: the JWK has no kid; add one or pass --key-id`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: jwk as unknown as import('node:crypto').JsonWebKey, format: 'jwk' });
  } catch (e) {
    throw new KeyFileError(`${file}: not a usable private JWK (${(e as Error).message})`);
  }
  return { key, kid, alg: algorithmFor(key, jwk.alg, file) };
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** Claims of one assertion (exposed for tests). */
export interface AssertionClaims {
  clientId: string;
  tokenUrl: string;
  nowSec: number;
  jti?: string;
  lifetimeSec?: number;
}

/** A signed, one-time client assertion (compact JWS). */
export function signClientAssertion(k: SigningKey, c: AssertionClaims): string {
  const header = { alg: k.alg, kid: k.kid, typ: 'JWT' };
  const payload = {
    iss: c.clientId,
    sub: c.clientId,
    aud: c.tokenUrl,
    exp: c.nowSec + (c.lifetimeSec ?? ASSERTION_LIFETIME_SEC),
    iat: c.nowSec,
    jti: c.jti ?? randomUUID(),
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  // JWS ES384 is the raw r||s pair (RFC 7518 §3.4), not DER: ieee-p1363 encoding
  const signature = sign(
    'sha384',
    Buffer.from(input),
    k.alg === 'ES384' ? { key: k.key, dsaEncoding: 'ieee-p1363' } : k.key,
  );
  return `${input}.${b64url(signature)}`;
}
