/**
 * Degraded EHRs in a real launch: a resource type that keeps failing (the panel names it missing
 * and CMS2, which needs it, is "unknown" — never a guessed met/not-met), a short-lived token that
 * comes with a refresh token (the app refreshes and carries on), and a slow server (2 s per
 * request: progress is shown at once and the page is never blank).
 */
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, useBrowser } from './support/browser.ts';
import { expectedOverview, openChart, readOverview, typicalPatientId } from './support/app-view.ts';
import { openChartDuringVisit, statusOf, waitForPanel } from './support/panel-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

describe('degraded EHR', () => {
  it('names Procedure as missing when its searches keep failing, and reports CMS2 as unknown for Marcus Bell', async () => {
    const app = await openChartDuringVisit(tab().page, sandbox(), 'screen-due', { failType: 'Procedure' });
    await waitForPanel(app);
    expect(await app.locator('[data-testid="count-Procedure"]').getAttribute('data-status')).toBe('missing');
    const warning = app.locator('[data-testid="completeness-Procedure"]');
    expect(await warning.getAttribute('data-status')).toBe('missing');
    expect(await warning.textContent()).toMatch(/Procedure/);
    // CMS2 needs Procedure (follow-up and exceptions): with it missing the answer is unknown, not "not met".
    expect(await statusOf(app, 'measure-cms2')).toBe('unknown');
    expect(await app.locator('[data-testid="count-Encounter"]').getAttribute('data-status')).toBe('complete');
  });

  it('refreshes an expiring access token with its refresh token and keeps reading the record', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    // Its own browser: the other tests fix the context's clock to a visit, and a frozen clock never expires a token.
    const own = await launchBrowser();
    const { page } = own;
    const refreshes: string[] = [];
    page.on('request', (r: Request) => {
      if (r.url().endsWith('/auth/token') && /grant_type=refresh_token/.test(r.postData() ?? '')) {
        refreshes.push(r.url());
      }
    });
    try {
      const app = await openChart(page, running, { patient: id, refreshableLifetimeSec: '12' });
      await readOverview(app);
      // fhirclient refreshes 10 s before expiry; after 13 s the first access token is expired at the EHR.
      await new Promise((r) => setTimeout(r, 13_000));
      const before = refreshes.length;
      await app.locator('[data-testid="refresh-record"]').click();
      await app.locator('[data-testid="refresh-record"]:not([disabled])').waitFor({ timeout: 30_000 });
      const shown = await readOverview(app);
      expect(shown.counts).toEqual(expectedOverview(running, id).counts);
      expect(await app.locator('[data-testid="launch-error"]').count()).toBe(0);
      expect(refreshes.length).toBeGreaterThan(before);
    } finally {
      await own.close();
    }
  });

  it('shows progress within a second and never a blank page while a slow server answers every request in 2 s', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    const app = await openChart(tab().page, running, { patient: id, latencyMs: '2000' });
    // The app page is up: from then on some loading or progress text must be visible at every look.
    await app.locator('#root').waitFor({ state: 'attached', timeout: 30_000 });
    const busy = app.locator('.app-loading, [data-testid="record-loading"], [data-testid="record-progress"]').first();
    await busy.waitFor({ state: 'visible', timeout: 1_000 });
    let sawProgress = false;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if ((await app.locator('[data-testid="record-fetched"]').count()) > 0) {
        break;
      }
      const text = (await app.locator('#root').innerText({ timeout: 1_000 })).trim();
      expect(text.length).toBeGreaterThan(0);
      if ((await app.locator('[data-testid="record-progress"]').count()) > 0) {
        sawProgress = true;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(sawProgress).toBe(true);
    const shown = await readOverview(app, 60_000);
    expect(shown.counts).toEqual(expectedOverview(running, id).counts);
  });
});
