/**
 * The sandbox's HTTP server under hostile requests (issue #14 §5): a malformed percent-encoding is
 * a 400 (the server used to throw — and with `serveApp: 'dist'` die), static files never leave the
 * built folder (not a sibling `dist-x`, not through `..%2f`, not through a symlink), every response
 * carries the security headers, and a Host header that does not name the sandbox is refused.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { ANCHOR } from './sandbox-fixture.ts';

type Running = Awaited<ReturnType<typeof startSandbox>>;
let running: Running;
let root = '';

/** A raw GET (path sent exactly as written, Host chosen), resolving status, headers and body. */
function rawGet(
  path: string,
  host?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(running.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: 'GET', headers: { host: host ?? url.host } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'caregap-static-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'launch'), { recursive: true });
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><style>body{color:red}</style></head><body>app</body></html>',
  );
  writeFileSync(join(dist, 'launch', 'index.html'), '<!doctype html><title>launch</title>');
  mkdirSync(join(root, 'dist-x'));
  writeFileSync(join(root, 'dist-x', 'secret.txt'), 'SECRET-SIBLING');
  writeFileSync(join(root, 'outside.txt'), 'SECRET-OUTSIDE');
  symlinkSync(join(root, 'outside.txt'), join(dist, 'link.txt'));
  running = await startSandbox({
    port: 0,
    serveApp: 'dist',
    distDir: dist,
    seed: 42,
    patientCount: 2,
    anchorDate: ANCHOR,
    allowedHosts: ['ehr.test'],
  });
});
afterAll(async () => {
  await running?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('malformed paths', () => {
  it('answers 400 to a malformed percent-encoding, on app and sandbox paths, and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/fhir/%E0%A4%A', '/ehr/%ZZ', '/a%00b']) {
      expect((await rawGet(path)).status, path).toBe(400);
    }
    expect((await rawGet('/index.html')).status).toBe(200);
  });
});

describe('static files', () => {
  it('serves the built app, never a sibling folder, a parent or a symlink out of it', async () => {
    expect((await rawGet('/index.html')).body).toContain('app');
    expect((await rawGet('/launch/')).body).toContain('launch');
    for (const path of [
      '/..%2fdist-x%2fsecret.txt',
      '/%2e%2e/dist-x/secret.txt',
      '/..%2f..%2foutside.txt',
      '/../dist-x/secret.txt',
      '/link.txt',
      '/..%5cdist-x%5csecret.txt',
    ]) {
      const res = await rawGet(path);
      expect(res.status, path).not.toBe(200);
      expect(res.body, path).not.toMatch(/SECRET/);
    }
  });
});

describe('security headers on every response', () => {
  it('nosniff and no-referrer everywhere, and a CSP that fits each kind of response', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/index.html', /frame-ancestors 'self' http:\/\/127\.0\.0\.1:\d+.*|script-src 'self'/],
      ['/no-such-file.js', /script-src 'self'/],
      ['/fhir/metadata', /^default-src 'none'; frame-ancestors 'none'/],
      ['/fhir/Patient/screen-due', /^default-src 'none'; frame-ancestors 'none'/], // a 401 without a token
      ['/fhir/.well-known/smart-configuration', /^default-src 'none'; frame-ancestors 'none'/],
      ['/ehr/', /frame-ancestors 'none'/],
      ['/ehr/chart?patient=screen-due', /frame-src 'self'.*frame-ancestors 'none'/],
      ['/auth/authorize?client_id=nobody', /frame-ancestors 'self'/],
      ['/%E0%A4%A', /default-src 'none'/],
    ];
    for (const [path, csp] of cases) {
      const res = await rawGet(path);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(String(res.headers['content-security-policy']), path).toMatch(csp);
    }
    const page = await rawGet('/index.html');
    // the page's own inline style is allowed by hash, nothing else inline
    expect(String(page.headers['content-security-policy'])).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(String(page.headers['content-security-policy'])).not.toMatch(/unsafe-/);
  });
});

describe('the Host header', () => {
  it('refuses a host name that is not the sandbox (DNS rebinding), on every path', async () => {
    for (const host of ['evil.example', 'evil.example:80', 'localhost.evil.example', 'localhost@evil.example']) {
      for (const path of ['/ehr/', '/fhir/metadata', '/index.html']) {
        const res = await rawGet(path, host);
        expect(res.status, `${host} ${path}`).toBe(403);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    }
  });

  it('accepts localhost, 127.0.0.1 and configured host names', async () => {
    const port = new URL(running.origin).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `ehr.test:${port}`, 'EHR.TEST']) {
      expect((await rawGet('/ehr/', host)).status, host).toBe(200);
    }
  });
});
