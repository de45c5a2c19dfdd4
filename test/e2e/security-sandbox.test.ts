/**
 * The sandbox EHR with its safe defaults, in Chromium (issue #14 §5): the dev server's referrer
 * policy is in force before any script loads, so the authorization `code` and `state` on the app
 * page's URL never reach a Referer; and an EHR launch that asks to write shows the consent page
 * (the sandbox here is not configured to pre-approve writes).
 */
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox({ autoApprove: [] });
const tab = useBrowser();

describe('the sandbox EHR by default', () => {
  it('asks the user to consent to the app’s write scopes in an EHR launch, then launches for the chart’s patient', async () => {
    const { page } = tab();
    const referers: Array<{ url: string; referer: string | null }> = [];
    page.on('request', (r: Request) => {
      r.headerValue('referer').then(
        (referer) => referers.push({ url: r.url(), referer }),
        () => undefined,
      );
    });
    const app = await openChart(page, sandbox(), { patient: 'screened-negative' });
    await app.locator('#approve').waitFor({ timeout: 60_000 });
    expect(await app.locator('[data-testid="consent-patient"]').textContent()).toBe('Henry Lindqvist');
    const scopes = await app
      .locator('input[name="scope"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(scopes).toEqual(expect.arrayContaining(['patient/Observation.c', 'patient/QuestionnaireResponse.c']));
    await app.locator('#approve').click();
    await app.locator('[data-testid="care-panel"]').waitFor({ timeout: 90_000 });
    await app.locator('[data-testid="record-fetched"]').waitFor({ timeout: 90_000 });
    expect(await app.locator('[data-testid="patient-name"]').textContent()).toBe('Henry Lindqvist');

    // The app page was loaded as index.html?code=…&state=…, and its scripts (Vite's client and
    // React Refresh come before the page's referrer meta tag) never sent that URL as a Referer.
    const appPageLoads = referers.filter((r) => /\/index\.html\?code=/.test(r.url));
    expect(appPageLoads.length).toBe(1);
    await page.waitForTimeout(500);
    expect(referers.length).toBeGreaterThan(20);
    const leaking = referers.filter((r) => r.referer && /[?&](code|state)=/.test(r.referer));
    expect(leaking).toEqual([]);
    expect(referers.filter((r) => r.referer).map((r) => r.url)).toEqual([]);
  });
});
