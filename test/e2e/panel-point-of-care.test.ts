/**
 * The care panel inside the sandbox EHR: what a clinician sees for named synthetic patients, and
 * closing gaps at the point of care — a positive PHQ-9 written back closes the screening gap and
 * opens the follow-up; an SDOH screening with food insecurity meets the SDOH measure and opens the
 * positive-screen follow-up; a launch without write scope offers no write. Screenshots at 400 and
 * 1200 px go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { openChartDuringVisit, statusOf, waitForPanel, waitForStatus } from './support/panel-view.ts';
import { E2E_ANCHOR, useSandbox } from './support/sandbox.ts';

const RESULTS = resolve(import.meta.dirname, '..', '..', 'test-results');
mkdirSync(RESULTS, { recursive: true });

const sandbox = useSandbox();
let browser: TestBrowser;
beforeEach(async () => {
  sandbox().sandbox.reset();
  browser = await launchBrowser();
});
afterEach(async () => browser?.close());

describe('the panel for known synthetic patients', () => {
  it('shows Dolores Quintero’s positive PHQ-9 without follow-up: CMS2 not met, what is missing, flags and gaps', async () => {
    const app = await openChartDuringVisit(browser.page, sandbox(), 'phq9-positive-no-followup');
    await waitForPanel(app);
    expect(await statusOf(app, 'measure-cms2')).toBe('not-met');
    expect(await app.locator('[data-testid="measure-cms2"]').textContent()).toMatch(/Positive depression screen on .*no follow-up plan documented yet — due by/);
    expect(await statusOf(app, 'gap-cms2')).toBe('open');
    expect(await app.locator('[data-testid="measure-sdoh-screening"]').count()).toBe(1);
    const evalMs = Number(await app.locator('[data-testid="care-panel"]').getAttribute('data-eval-ms'));
    console.info(`[panel] evaluation of the complete record took ${evalMs} ms in Chromium`);
    expect(await app.locator('[data-testid="care-panel"]').getAttribute('data-eval-where')).toBe('worker');
    expect(evalMs).toBeLessThan(100); // one frame is 16 ms; the bound leaves room for a loaded CI machine

    for (const width of [400, 1200]) {
      // The chart's iframe is one viewport tall: make the viewport tall enough for the whole panel.
      await browser.page.setViewportSize({ width, height: width < 600 ? 3400 : 1700 });
      await browser.page.waitForTimeout(200);
      await browser.page.screenshot({ path: resolve(RESULTS, `panel-${width}.png`), fullPage: true });
    }
    const axe = await new AxeBuilder({ page: browser.page }).include('iframe').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }, 150_000);

  it('flags Ruth Castellanos’s frequent ED use in one plain line with its evidence a click away', async () => {
    const app = await openChartDuringVisit(browser.page, sandbox(), 'ed-frequent');
    await waitForPanel(app);
    const flag = app.locator('[data-testid="flag-ed-frequent"]');
    expect(await flag.textContent()).toMatch(/ED/);
    // Keyboard only: focus the evidence button and press Enter.
    await flag.getByRole('button', { name: /Show evidence/ }).focus();
    await browser.page.keyboard.press('Enter');
    expect(await flag.locator('[data-testid="evidence-list"] li').count()).toBeGreaterThanOrEqual(4);
    expect(await flag.locator('[data-testid="evidence-list"]').textContent()).toContain('Encounter');
  });

  it('evaluates Walter Brennan’s 5,000+ Observations off the main thread and still shows the panel', async () => {
    await browser.page.context().clock.setFixedTime(new Date(`${E2E_ANCHOR}T12:00:00Z`)); // remote monitoring up to the data's "today"
    const app = await openChart(browser.page, sandbox(), { patient: 'heavy' });
    await waitForPanel(app);
    const panel = app.locator('[data-testid="care-panel"]');
    await app.locator('[data-testid="chart-bp"]').waitFor({ timeout: 30_000 });
    expect(await panel.getAttribute('data-eval-where')).toBe('worker');
    console.info(`[panel] heavy record: evaluation took ${await panel.getAttribute('data-eval-ms')} ms in the worker`);
  }, 120_000);

  it('puts suicide risk first for Caleb Nakamura', async () => {
    const app = await openChartDuringVisit(browser.page, sandbox(), 'suicide-risk');
    await waitForPanel(app);
    const first = app.locator('[data-testid="flags"] li.flag').first();
    expect(await first.getAttribute('data-testid')).toBe('flag-suicide-risk');
  });
});

describe('closing gaps at the point of care', () => {
  it('writes a positive PHQ-9 for Marcus Bell: Observation created, screening gap closes, follow-up gap opens; then a referral meets CMS2', async () => {
    const running = sandbox();
    const app = await openChartDuringVisit(browser.page, running, 'screen-due');
    await waitForPanel(app);
    expect(await statusOf(app, 'measure-cms2')).toBe('not-met');
    expect(await app.locator('[data-testid="gap-cms2"] .closes').textContent()).toMatch(/Screen for depression/);

    await app.locator('[data-testid="gap-cms2"] [data-testid="gap-action-phq"]').click();
    const form = app.locator('[data-testid="workspace-phq"]');
    // PHQ-2: 2 + 2 = 4 ≥ 3 → the PHQ-9 opens; items 3–9 → total 14, item 9 "several days".
    const points = [2, 2, 2, 2, 1, 1, 1, 2, 1];
    for (const [i, p] of points.entries()) {
      await form.locator(`[data-testid="phq-item-${i + 1}"] input[value="${p}"]`).check();
    }
    expect(await form.locator('[data-testid="safety-prompt"]').isVisible()).toBe(true);
    const axe = await new AxeBuilder({ page: browser.page }).include('iframe').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(await form.locator('[data-testid="phq-score"]').textContent()).toContain('PHQ-9 total 14 of 27 (moderate) — positive screen');
    await browser.page.setViewportSize({ width: 400, height: 2600 });
    await browser.page.screenshot({ path: resolve(RESULTS, 'panel-phq9-form-400.png') });
    await browser.page.setViewportSize({ width: 1280, height: 720 });
    await form.locator('[data-testid="phq-review"]').click();
    expect(await form.locator('[data-testid="confirm-write"]').textContent()).toContain('Depression screening result: positive (PHQ-9 14)');
    await form.locator('[data-testid="confirm-write-button"]').click();
    await form.locator('[data-testid="write-saved"]').waitFor();

    const created = running.sandbox.created() as fhir4.Observation[];
    const result = created.find((r) => r.code?.coding?.[0]?.code === '73832-8');
    expect(result?.valueCodeableConcept?.coding?.[0]?.code).toBe('428181000124104');
    expect(result?.subject?.reference).toBe('Patient/screen-due');
    expect(result?.encounter?.reference).toMatch(/^Encounter\//);
    expect(result?.performer?.[0]?.reference).toBeTruthy();
    expect(created.find((r) => r.code?.coding?.[0]?.code === '44261-6')?.valueQuantity?.value).toBe(14);

    // Without a reload: the screening part is done; what is missing now is the follow-up plan.
    await app.locator('[data-testid="measure-cms2"]', { hasText: 'no follow-up plan documented yet' }).waitFor({ timeout: 20_000 });
    expect(await statusOf(app, 'gap-cms2')).toBe('open');
    expect(await app.locator('[data-testid="gap-cms2"] .closes').textContent()).toMatch(/follow-up plan/);

    await app.locator('[data-testid="workspace-close"]').click();
    await app.locator('[data-testid="gap-cms2"] [data-testid="gap-action-follow-up"]').click();
    const fu = app.locator('[data-testid="workspace-follow-up"]');
    await fu.locator('[data-testid="follow-up-code"]').selectOption({ label: 'Referral to psychologist' });
    await fu.locator('[data-testid="follow-up-review"]').click();
    await fu.locator('[data-testid="confirm-write-button"]').click();
    await fu.locator('[data-testid="write-saved"]').waitFor();
    expect(running.sandbox.created().filter((r) => r.resourceType === 'ServiceRequest')).toHaveLength(1);
    await waitForStatus(app, 'measure-cms2', 'met');
    await waitForStatus(app, 'gap-cms2', 'closed');
  });

  it('writes an SDOH screening with food insecurity for Marcus Bell: the SDOH measure is met and a food follow-up gap opens', async () => {
    const running = sandbox();
    const app = await openChartDuringVisit(browser.page, running, 'screen-due');
    await waitForPanel(app);
    expect(await statusOf(app, 'measure-sdoh-screening')).toBe('not-met');
    await app.locator('[data-testid="gap-sdoh-screening"] [data-testid="gap-action-hrsn"]').click();
    const form = app.locator('[data-testid="workspace-hrsn"]');
    const answer = async (loinc: string, code: string) => form.locator(`[data-testid="hrsn-${loinc}"] input[value="${code}"]`).check();
    await answer('71802-3', 'LA31993-1');
    await answer('96778-6', 'LA9-3');
    await answer('88122-7', 'LA28397-0'); // often true → food insecurity
    await answer('88123-5', 'LA6729-3');
    await answer('93030-5', 'LA32-8');
    await answer('96779-4', 'LA32-8');
    for (const item of ['95618-5', '95617-7', '95616-9', '95615-1']) await answer(item, 'LA6270-8');
    expect(await form.locator('[data-testid="hrsn-score"]').textContent()).toContain('Food: ⚠ positive');
    await form.locator('[data-testid="hrsn-review"]').click();
    await form.locator('[data-testid="confirm-write-button"]').click();
    await form.locator('[data-testid="write-saved"]').waitFor();
    expect(running.sandbox.created().filter((r) => r.resourceType === 'Observation').length).toBeGreaterThanOrEqual(11);
    await waitForStatus(app, 'measure-sdoh-screening', 'met');
    await waitForStatus(app, 'gap-sdoh-positive-follow-up:food', 'open');
  });

  it('keeps what the clinician entered and shows the server error when the write fails, then retries without duplicates', async () => {
    const running = sandbox();
    const app = await openChartDuringVisit(browser.page, running, 'screen-due');
    await waitForPanel(app);
    let failNext = true;
    await browser.page.context().route('**/fhir/Observation', async (route) => {
      if (route.request().method() === 'POST' && failNext) {
        failNext = false;
        await route.fulfill({ status: 500, contentType: 'application/fhir+json', body: JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'EHR database unavailable' }] }) });
        return;
      }
      await route.fallback();
    });
    await app.locator('[data-testid="open-form-phq"]').click();
    const form = app.locator('[data-testid="workspace-phq"]');
    await form.locator('[data-testid="phq-item-1"] input[value="0"]').check();
    await form.locator('[data-testid="phq-item-2"] input[value="1"]').check();
    await form.locator('[data-testid="phq-review"]').click();
    await form.locator('[data-testid="confirm-write-button"]').click();
    const error = form.locator('[data-testid="write-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('EHR database unavailable');
    await form.getByRole('button', { name: 'Back to the form' }).click();
    expect(await form.locator('[data-testid="phq-item-2"] input[value="1"]').isChecked()).toBe(true);
    await form.locator('[data-testid="phq-review"]').click();
    await form.locator('[data-testid="confirm-write-button"]').click();
    await form.locator('[data-testid="write-saved"]').waitFor();
    const codes = running.sandbox.created().map((r) => (r as fhir4.Observation).code?.coding?.[0]?.code);
    expect(codes.filter((c) => c === '73832-8')).toHaveLength(1);
    expect(codes.filter((c) => c === '55758-7')).toHaveLength(1);
  });
});

describe('a launch without write scope', () => {
  it('offers no write: it says writing is not allowed and offers a printable summary', async () => {
    const running = sandbox();
    await openChart(browser.page, running, { patient: 'screen-due', consent: '1' });
    const frame = browser.page.frameLocator('iframe');
    await frame.locator('input[name="scope"]').first().waitFor();
    for (const box of await frame.locator('input[name="scope"]').all()) {
      const scope = (await box.getAttribute('value')) ?? '';
      if (/\.(c|write|cud|\*)$/.test(scope)) await box.uncheck();
    }
    await frame.locator('button[value="approve"]').click();
    await waitForPanel(frame);
    expect(await frame.locator('[data-testid="no-write"]').textContent()).toContain('Writing to the EHR is not allowed in this launch');
    expect(await frame.locator('[data-testid="print-summary"]').count()).toBe(1);
    expect(await frame.locator('[data-testid^="gap-action-"]').count()).toBe(0);
    expect(await frame.locator('[data-testid^="open-form-"]').count()).toBe(0);
    expect(running.sandbox.created()).toHaveLength(0);
  });
});
