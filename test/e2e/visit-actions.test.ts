/**
 * "Do this visit" in the sandbox EHR, at the real clock (no pinned browser clock), as a clinician
 * uses it today (issue 13 §2): suicide risk is the first action and links to its flag; an action
 * that a form records opens that form; every action names one need.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { waitForPanel } from './support/panel-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
let browser: TestBrowser;
beforeEach(async () => {
  sandbox().sandbox.reset();
  browser = await launchBrowser();
});
afterEach(async () => browser?.close());

describe('"Do this visit" at the real clock', () => {
  it('puts Caleb Nakamura’s suicide-risk safety plan first and links it to the flag', async () => {
    const app = await openChart(browser.page, sandbox(), { patient: 'suicide-risk' });
    await waitForPanel(app);
    const first = app.locator('[data-testid="actions"] ol.action-list > li').first();
    expect(await first.getAttribute('data-testid')).toBe('action-suicide-risk');
    expect(await first.getAttribute('data-kind')).toBe('safety');
    expect(await first.textContent()).toContain('Same-day safety assessment (C-SSRS) and safety plan');
    await first.locator('[data-testid="action-flag-suicide-risk"]').click();
    expect(await app.locator('[data-testid="flag-suicide-risk"]').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    const texts = await app.locator('[data-testid="actions"] ol.action-list > li').allTextContents();
    expect(texts.length).toBeLessThanOrEqual(5);
    expect(new Set(texts).size).toBe(texts.length);
  }, 150_000);

  it('opens the PHQ form from Marcus Bell’s "PHQ-9 due" action', async () => {
    const app = await openChart(browser.page, sandbox(), { patient: 'screen-due' });
    await waitForPanel(app);
    const phq = app.locator('[data-testid="actions"] li', { hasText: 'PHQ-9 due' });
    expect(await phq.count()).toBe(1);
    await phq.locator('[data-testid^="action-form-"]').click();
    await app.locator('[data-testid="workspace-phq"]').waitFor({ timeout: 30_000 });
  }, 150_000);
});
