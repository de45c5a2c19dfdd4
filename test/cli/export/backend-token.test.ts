/**
 * Backend-services tokens in the CLI: a token is reused until shortly before `expires_in` runs out,
 * then renewed with a fresh assertion (new jti); a token the server rejected (401) is replaced at
 * once, and parallel callers share one renewal; a refusal names the OAuth error. The token is only
 * sent over https, or over http to the FHIR server's own machine.
 */
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS_DIR } from '../../../launch/sandbox/backend/backend-clients.ts';
import { BackendTokenSource } from '../../../src/cli/export/backend-token.ts';
import { loadSigningKey } from '../../../src/cli/export/client-assertion.ts';
import { assertTokenDestination, NodeTransport } from '../../../src/cli/export/node-transport.ts';

const TOKEN_URL = 'https://ehr.example/auth/token';

async function source(expiresIn: number, clock: { t: number }, answer?: (n: number) => Response) {
  const key = await loadSigningKey(join(DEV_KEYS_DIR, 'backend.private.jwk.json'));
  const requests: URLSearchParams[] = [];
  const fetch = async (_url: string, init?: RequestInit) => {
    requests.push(new URLSearchParams(init?.body as URLSearchParams));
    return (
      answer?.(requests.length) ??
      Response.json({
        access_token: `token-${requests.length}`,
        token_type: 'bearer',
        expires_in: expiresIn,
        scope: 'system/Patient.rs',
      })
    );
  };
  return {
    requests,
    tokens: new BackendTokenSource({
      tokenEndpoint: TOKEN_URL,
      clientId: 'caregap-backend',
      key,
      scope: 'system/Patient.rs',
      fetch,
      now: () => clock.t,
    }),
  };
}

describe('BackendTokenSource', () => {
  it('reuses a token until 30 s (at most a quarter of its life) before expiry, then renews with a new assertion', async () => {
    const clock = { t: Date.parse('2026-03-02T15:00:00Z') };
    const { requests, tokens } = await source(300, clock);
    expect(await tokens.get()).toBe('token-1');
    clock.t += 269_000;
    expect(await tokens.get()).toBe('token-1');
    clock.t += 2_000;
    expect(await tokens.get()).toBe('token-2');
    expect(requests.map((r) => r.get('grant_type'))).toEqual(['client_credentials', 'client_credentials']);
    expect(requests[0]!.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const [a, b] = requests.map((r) => decodeJwt(r.get('client_assertion')!));
    expect(a).toMatchObject({ iss: 'caregap-backend', sub: 'caregap-backend', aud: TOKEN_URL });
    expect(a!.jti).not.toBe(b!.jti);
    // a 4 s token is renewed after 3 s
    const short = await source(4, clock);
    await short.tokens.get();
    clock.t += 3_100;
    await short.tokens.get();
    expect(short.requests).toHaveLength(2);
  });

  it('replaces a rejected token at once, one renewal for parallel callers', async () => {
    const clock = { t: 0 };
    const { requests, tokens } = await source(300, clock);
    const first = await tokens.get();
    const [x, y] = await Promise.all([tokens.replace(first), tokens.replace(first)]);
    expect([x, y]).toEqual(['token-2', 'token-2']);
    expect(requests).toHaveLength(2);
  });

  it('names the OAuth error when the token endpoint refuses', async () => {
    const { tokens } = await source(300, { t: 0 }, () =>
      Response.json({ error: 'invalid_client', error_description: 'unknown kid' }, { status: 401 }),
    );
    await expect(tokens.get()).rejects.toThrow(
      'the token endpoint refused client caregap-backend (HTTP 401) invalid_client: unknown kid',
    );
  });

  it('retries a request once with a new token after a 401', async () => {
    const clock = { t: 0 };
    const { tokens } = await source(300, clock);
    const seen: string[] = [];
    const transport = new NodeTransport('https://ehr.example/fhir', tokens, async (_url, init) => {
      const auth = (init?.headers as Record<string, string>).Authorization!;
      seen.push(auth);
      return new Response(null, { status: auth === 'Bearer token-1' ? 401 : 202 });
    });
    expect(
      (await transport.send({ method: 'GET', url: 'https://ehr.example/fhir/bulk-status/1', headers: {} })).status,
    ).toBe(202);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});

describe('where the token may go', () => {
  it('https anywhere; http only to the FHIR server itself (localhost and 127.0.0.1 on one port are one machine)', () => {
    expect(() => assertTokenDestination('https://files.example/1.ndjson', 'http://localhost:8080/fhir')).not.toThrow();
    expect(() =>
      assertTokenDestination('http://localhost:8080/fhir/bulk-status/1', 'http://127.0.0.1:8080/fhir'),
    ).not.toThrow();
    expect(() => assertTokenDestination('http://files.example/1.ndjson', 'http://localhost:8080/fhir')).toThrow(
      /refusing to send the access token to http:\/\/files.example over http/,
    );
    expect(() => assertTokenDestination('http://localhost:9090/x', 'http://localhost:8080/fhir')).toThrow(/refusing/);
  });
});
