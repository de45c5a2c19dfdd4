/**
 * Attacks on the launch itself (issue #14 §2), in Chromium against the sandbox EHR: a crafted
 * launch URL that adds fhirclient's override parameters, an allow-listed "FHIR server" that offers
 * no authorization at all (fhirclient would skip OAuth and open whatever patient the URL names),
 * look-alike issuers, and a crafted OAuth error link.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { useBrowser } from './support/browser.ts';
import { E2E_ANCHOR, type RunningSandbox } from './support/sandbox.ts';

const tab = useBrowser();
let running: RunningSandbox | undefined;
const sandbox = (): RunningSandbox => {
  if (!running) {
    throw new Error('sandbox not started');
  }
  return running;
};

/**
 * An "open" FHIR server on 127.0.0.1 (so `http://127.0.0.1:*` in launch/clients.json matches it):
 * its discovery has no authorization endpoint, and it serves any Patient it is asked for.
 */
let openServer: Server;
let openBase = '';
const openServerHits: string[] = [];
beforeAll(async () => {
  openServer = createServer((req, res) => {
    openServerHits.push(req.url ?? '');
    const headers = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': '*',
      'Content-Type': 'application/json',
    };
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'OPTIONS') {
      return void res.writeHead(204, headers).end();
    }
    if (path.endsWith('/.well-known/smart-configuration')) {
      return void res.writeHead(200, headers).end(JSON.stringify({ capabilities: ['launch-ehr'] }));
    }
    if (path.endsWith('/metadata')) {
      return void res.writeHead(200, headers).end(
        JSON.stringify({
          resourceType: 'CapabilityStatement',
          status: 'active',
          kind: 'instance',
          fhirVersion: '4.0.1',
          format: ['json'],
          rest: [{ mode: 'server' }],
        }),
      );
    }
    const m = /\/Patient\/([^/?]+)$/.exec(path);
    if (m) {
      return void res.writeHead(200, headers).end(
        JSON.stringify({
          resourceType: 'Patient',
          id: m[1],
          name: [{ given: ['Attacker'], family: 'Chosen' }],
          birthDate: '1970-01-01',
        }),
      );
    }
    res.writeHead(200, headers).end(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: [] }));
  });
  await new Promise<void>((resolve) => openServer.listen(0, '127.0.0.1', () => resolve()));
  openBase = `http://127.0.0.1:${(openServer.address() as AddressInfo).port}/fhir`;
  // the app pages may call the open server (an EHR the host listed), so only the launch logic can refuse it
  running = await startSandbox({
    port: 0,
    serveApp: 'vite',
    seed: 42,
    patientCount: 4,
    anchorDate: E2E_ANCHOR,
    autoApprove: ['write'],
    connectSrc: [new URL(openBase).origin],
  });
}, 120_000);
afterAll(async () => {
  await running?.close();
  await new Promise<void>((resolve) => openServer.close(() => resolve()));
});

describe('the launch URL cannot swap the client, the patient or the server', () => {
  it('ignores clientId, patientId and fhirServiceUrl in the launch URL and removes them from the address bar', async () => {
    const running = sandbox();
    const { page } = tab();
    const authorize: URL[] = [];
    page.on('request', (r: Request) => {
      if (r.url().includes('/auth/authorize')) {
        authorize.push(new URL(r.url()));
      }
    });
    const handle = running.sandbox.createLaunch({ patient: 'screened-negative' });
    const crafted = new URL('/launch/index.html', running.origin);
    crafted.search = new URLSearchParams({
      iss: running.fhirBase,
      launch: handle,
      clientId: 'evil-client',
      patientId: 'sdoh-food-positive',
      fhirServiceUrl: 'http://127.0.0.1:9/fhir',
    }).toString();
    await page.goto(crafted.href);
    await page.locator('[data-testid="patient-name"]').waitFor({ timeout: 90_000, state: 'attached' });
    expect(await page.locator('[data-testid="patient-name"]').textContent()).toBe('Henry Lindqvist');
    expect(authorize).toHaveLength(1);
    expect(authorize[0]!.searchParams.get('client_id')).toBe('caregap-panel');
    expect(authorize[0]!.searchParams.get('aud')).toBe(running.fhirBase);
    expect(authorize[0]!.searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(page.url()).search).toBe('');
  });

  it('refuses an allow-listed server whose discovery offers no authorization, and opens no patient from it', async () => {
    const running = sandbox();
    const { page } = tab();
    openServerHits.length = 0;
    const launchUrl = `${running.origin}/launch/index.html?iss=${encodeURIComponent(openBase)}&launch=x&patientId=victim-chosen-by-attacker`;
    await page.goto(launchUrl);
    const error = page.locator('[data-testid="launch-error"]');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.getAttribute('data-kind')).toBe('insecure-server');
    expect(await error.textContent()).toMatch(/authorization endpoint/);
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/launch/index.html'); // never redirected to the app
    expect(openServerHits.some((u) => u.includes('/Patient/'))).toBe(false);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k !== 'caregap.launch'))).toEqual([]);
  });

  it('refuses look-alike issuers before sending anything anywhere', async () => {
    const running = sandbox();
    const { page } = tab();
    for (const iss of [
      'http://localhost:80@evil.example/fhir',
      'http://127.0.0.1:80@evil.example/fhir',
      'https://evil.example/.127.0.0.1/fhir',
    ]) {
      const requested: string[] = [];
      const onRequest = (r: Request) => requested.push(r.url());
      page.on('request', onRequest);
      await page.goto(`${running.origin}/launch/index.html?iss=${encodeURIComponent(iss)}&launch=x`);
      const error = page.locator('[data-testid="launch-error"]');
      await error.waitFor({ timeout: 60_000 });
      expect(['invalid-server', 'configuration'], iss).toContain(await error.getAttribute('data-kind'));
      page.off('request', onRequest);
      expect(
        requested.filter((u) => !u.startsWith(running.origin)),
        iss,
      ).toEqual([]);
    }
  });
});

describe('an OAuth error link that this tab did not ask for', () => {
  it('shows nothing of the crafted error_description', async () => {
    const running = sandbox();
    const { page } = tab();
    const lure = 'Your account is locked. Call 555-0100 and give your password';
    await page.goto(
      `${running.origin}/index.html?error=access_denied&error_description=${encodeURIComponent(lure)}&state=forged`,
    );
    const error = page.locator('[data-testid="launch-error"]');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.getAttribute('data-kind')).toBe('unexpected-redirect');
    expect(await page.locator('body').textContent()).not.toContain('555-0100');
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('a request blocked by the app’s own Content-Security-Policy (issue #13 §5)', () => {
  it('names the configuration (connect-src and the blocked origin), not the network', async () => {
    const running = sandbox();
    const { page } = tab();
    // allow-listed (http://127.0.0.1:*) but not in the page's connect-src: the browser refuses the discovery request
    await page.goto(
      `${running.origin}/launch/index.html?iss=${encodeURIComponent('http://127.0.0.1:9/fhir')}&launch=x`,
    );
    const error = page.locator('[data-testid="launch-error"]');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.getAttribute('data-kind')).toBe('csp-blocked');
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Blocked by connect-src: http://127.0.0.1:9');
    expect(text).toMatch(/Content-Security-Policy/);
    expect(text).not.toMatch(/check your network connection/i);
  });
});
