/**
 * The CLI's client assertion (node:crypto, no JOSE library): RS384 and ES384 signatures verify with
 * jose against the public JWK Set; the header and claims are what SMART client-confidential-
 * asymmetric requires; key files are JWK, JWK Set or PEM (+ --key-id), and unusable ones say why.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_KEYS_DIR } from '../../../launch/sandbox/backend/backend-clients.ts';
import { loadSigningKey, signClientAssertion } from '../../../src/cli/export/client-assertion.ts';

const dir = mkdtempSync(join(tmpdir(), 'caregap-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const jwks = createLocalJWKSet(JSON.parse(readFileSync(join(DEV_KEYS_DIR, 'backend.jwks.json'), 'utf8')));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('client assertion', () => {
  it.each([
    ['backend.private.jwk.json', 'RS384'],
    ['backend-es384.private.jwk.json', 'ES384'],
  ])('%s signs %s assertions that verify against the registered JWK Set', async (file, alg) => {
    const key = await loadSigningKey(join(DEV_KEYS_DIR, file));
    expect(key.alg).toBe(alg);
    const nowSec = Math.floor(Date.now() / 1000);
    const a = signClientAssertion(key, {
      clientId: 'caregap-backend',
      tokenUrl: 'https://ehr.example/auth/token',
      nowSec,
    });
    const b = signClientAssertion(key, {
      clientId: 'caregap-backend',
      tokenUrl: 'https://ehr.example/auth/token',
      nowSec,
    });
    expect(decodeProtectedHeader(a)).toEqual({ alg, kid: key.kid, typ: 'JWT' });
    const { payload } = await jwtVerify(a, jwks, {
      algorithms: [alg],
      issuer: 'caregap-backend',
      subject: 'caregap-backend',
      audience: 'https://ehr.example/auth/token',
    });
    expect(payload.exp! - nowSec).toBeLessThanOrEqual(300);
    expect(payload.exp! - nowSec).toBeGreaterThan(60);
    const second = await jwtVerify(b, jwks);
    expect(second.payload.jti).not.toBe(payload.jti); // one-time: a fresh jti each time
  });

  it('reads a PEM key with --key-id, and a JWK Set holding the private key', async () => {
    const jwk = JSON.parse(readFileSync(join(DEV_KEYS_DIR, 'backend.private.jwk.json'), 'utf8')) as { kid: string };
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const pem = write('key.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    expect(await loadSigningKey(pem, 'my-kid')).toMatchObject({ kid: 'my-kid', alg: 'ES384' });
    const set = write('set.json', JSON.stringify({ keys: [jwk] }));
    expect(await loadSigningKey(set)).toMatchObject({ kid: jwk.kid, alg: 'RS384' });
  });

  it('says what is wrong with an unusable key file', async () => {
    const pub = JSON.parse(readFileSync(join(DEV_KEYS_DIR, 'backend.jwks.json'), 'utf8')) as { keys: unknown[] };
    const { privateKey: p256 } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rsa = JSON.parse(readFileSync(join(DEV_KEYS_DIR, 'backend.private.jwk.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const cases: [string, string | undefined, RegExp][] = [
      [join(dir, 'missing.json'), undefined, /cannot read the private key \(ENOENT\)/],
      [write('pub.json', JSON.stringify(pub)), undefined, /expected one private JWK .* found 0/],
      [
        write('p256.pem', p256.export({ type: 'pkcs8', format: 'pem' }) as string),
        'k',
        /RSA \(RS384\) or EC P-384 \(ES384\), found ec prime256v1/,
      ],
      [write('nokid.pem', p256.export({ type: 'pkcs8', format: 'pem' }) as string), undefined, /pass --key-id/],
      [write('garbage.txt', 'hello'), undefined, /neither a JWK \(JSON\) nor a PEM/],
      [
        write('es-claims-rs.json', JSON.stringify({ ...rsa, alg: 'ES384' })),
        undefined,
        /the JWK says alg ES384, but an RSA key signs RS384/,
      ],
      [write('nokid.json', JSON.stringify({ ...rsa, kid: undefined })), undefined, /has no kid/],
    ];
    for (const [file, kid, message] of cases) {
      await expect(loadSigningKey(file, kid), file).rejects.toThrow(message);
    }
  });
});
