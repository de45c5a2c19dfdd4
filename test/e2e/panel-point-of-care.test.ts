/**
 * The care panel inside the sandbox EHR, at the real clock (nothing pinned): what a clinician sees
 * for named synthetic patients, and closing gaps at the point of care during today's visit (the
 * sandbox checks the patient in and launches with that in-progress encounter) — a PHQ-9 written
 * back is attached to today's visit and counts "when this visit is closed"; a positive one asks for
 * the follow-up plan, which then meets CMS2; an SDOH screening with food insecurity meets the SDOH
 * measure and opens the positive-screen follow-up; a launch without write scope offers no write.
 * Screenshots: panel-screenshots.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/app/patient-summary.ts';
import { formatDay } from '../../src/features/care-panel/display-date.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { openChartDuringVisit, statusOf, todaysVisitOf, waitForPanel, waitForStatus } from './support/panel-view.ts';
import { useSandbox } from './support/sandbox.ts';

const RESULTS = resolve(import.meta.dirname, '..', '..', 'test-results');
mkdirSync(RESULTS, { recursive: true });

const sandbox = useSandbox();

/** Answers a PHQ-2 of 0 + 1 (negative) in the open form and confirms the write; returns the form. */
async function answerNegativePhq2(app: FrameLocator) {
  const form = app.locator('[data-testid="workspace-phq"]');
  await form.locator('[data-testid="phq-item-1"] input[value="0"]').check();
  await form.locator('[data-testid="phq-item-2"] input[value="1"]').check();
  await form.locator('[data-testid="phq-review"]').click();
  await form.locator('[data-testid="confirm-write-button"]').click();
  return form;
}
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
    expect(await app.locator('[data-testid="measure-cms2"]').textContent()).toMatch(
      /Positive depression screen on .*no follow-up plan documented yet — due by/,
    );
    expect(await statusOf(app, 'gap-cms2')).toBe('open');
    expect(await app.locator('[data-testid="measure-sdoh-screening"]').count()).toBe(1);
    const evalMs = Number(await app.locator('[data-testid="care-panel"]').getAttribute('data-eval-ms'));
    console.info(`[panel] evaluation of the complete record took ${evalMs} ms in Chromium`);
    expect(await app.locator('[data-testid="care-panel"]').getAttribute('data-eval-where')).toBe('worker');
    expect(evalMs).toBeLessThan(100); // one frame is 16 ms; the bound leaves room for a loaded CI machine

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
    const app = await openChartDuringVisit(browser.page, sandbox(), 'heavy');
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
  it('writes a positive PHQ-9 for Marcus Bell at today’s visit: attached to it, the screen counts and the follow-up plan is asked for; a referral then meets CMS2 when the visit is closed', async () => {
    const running = sandbox();
    const app = await openChartDuringVisit(browser.page, running, 'screen-due');
    await waitForPanel(app);
    const visit = todaysVisitOf(running, 'screen-due');
    const today = localIsoDate(new Date());
    expect(visit.period?.start?.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10)); // checked in at the real clock
    expect(await app.locator('[data-testid="visit-in-context"]').getAttribute('data-state')).toBe('open');
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
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );
    expect(await form.locator('[data-testid="phq-score"]').textContent()).toContain(
      'PHQ-9 total 14 of 27 (moderate) — positive screen',
    );
    await browser.page.setViewportSize({ width: 400, height: 2600 });
    await browser.page.screenshot({ path: resolve(RESULTS, 'panel-phq9-form-400.png') });
    await browser.page.setViewportSize({ width: 1280, height: 720 });
    await form.locator('[data-testid="phq-review"]').click();
    expect(await form.locator('[data-testid="confirm-write"]').textContent()).toContain(
      'Depression screening result: positive (PHQ-9 14)',
    );
    // The confirmation names the visit and the date the results carry.
    const attachment = (await form.locator('[data-testid="write-attachment"]').textContent()) ?? '';
    expect(attachment).toContain(
      `Attached to today’s visit (Office or other outpatient visit, established patient, 20 minutes, ${formatDay(visit.period!.start)}, in progress)`,
    );
    expect(attachment).toMatch(new RegExp(`dated ${formatDay(today)}, \\d{2}:\\d{2}`));
    await form.locator('[data-testid="confirm-write-button"]').click();
    await form.locator('[data-testid="write-saved"]').waitFor();

    const created = running.sandbox.created() as fhir4.Observation[];
    const result = created.find((r) => r.code?.coding?.[0]?.code === '73832-8');
    expect(result?.valueCodeableConcept?.coding?.[0]?.code).toBe('428181000124104');
    expect(result?.subject?.reference).toBe('Patient/screen-due');
    expect(result?.encounter?.reference).toBe(`Encounter/${visit.id}`);
    expect(result?.effectiveDateTime?.slice(0, 10)).toBe(today);
    expect(result?.performer?.[0]?.reference).toBeTruthy();
    expect(created.find((r) => r.code?.coding?.[0]?.code === '44261-6')?.valueQuantity?.value).toBe(14);
    expect(created.every((r) => r.encounter?.reference === `Encounter/${visit.id}`)).toBe(true);

    // Without a reload, at the real clock: today's screen counts (once the visit is closed), so what
    // is missing now is the follow-up plan — and the panel says so after the save.
    const outcome = form.locator('[data-testid="write-outcome"]');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.getAttribute('data-closed')).toBe('false');
    expect(await outcome.textContent()).toMatch(
      /Screening for Depression and Follow-Up Plan \(CMS2\) is still open: Document a follow-up plan for the positive screen of \d+ \w{3} \d{4}/,
    );
    await app
      .locator('[data-testid="measure-cms2"]', { hasText: 'no follow-up plan documented yet' })
      .waitFor({ timeout: 20_000 });
    expect(await statusOf(app, 'gap-cms2')).toBe('open');
    expect(await app.locator('[data-testid="gap-cms2"] .closes').textContent()).toMatch(/follow-up plan/);

    await app.locator('[data-testid="workspace-close"]').click();
    await app.locator('[data-testid="gap-cms2"] [data-testid="gap-action-follow-up"]').click();
    const fu = app.locator('[data-testid="workspace-follow-up"]');
    await fu.locator('[data-testid="follow-up-code"]').selectOption({ label: 'Referral to psychologist' });
    await fu.locator('[data-testid="follow-up-review"]').click();
    expect(await fu.locator('[data-testid="write-attachment"]').textContent()).toContain('Attached to today’s visit');
    await fu.locator('[data-testid="confirm-write-button"]').click();
    await fu.locator('[data-testid="write-saved"]').waitFor();
    const referral = running.sandbox
      .created()
      .filter((r): r is fhir4.ServiceRequest => r.resourceType === 'ServiceRequest');
    expect(referral).toHaveLength(1);
    expect(referral[0]?.encounter?.reference).toBe(`Encounter/${visit.id}`);
    await waitForStatus(app, 'measure-cms2', 'met');
    await waitForStatus(app, 'gap-cms2', 'closed');
    expect(await app.locator('[data-testid="measure-cms2"]').getAttribute('data-visit-effect')).toBe('met-when-closed');
    expect(await app.locator('[data-testid="measure-cms2"] .badge').textContent()).toContain(
      'Met when this visit is closed',
    );
    expect(await app.locator('[data-testid="gap-cms2"]').getAttribute('data-visit-effect')).toBe('closes-when-closed');
    const closed = fu.locator('[data-testid="write-outcome"]');
    await closed.waitFor({ timeout: 20_000 });
    expect(await closed.getAttribute('data-closed')).toBe('true');
    expect(await closed.textContent()).toContain(
      'Screening for Depression and Follow-Up Plan (CMS2) closes once today’s visit is closed.',
    );
  });

  it('writes a negative PHQ-2 for Marcus Bell: CMS2 reads "met when this visit is closed", never "not met", and no depression-screening action is left', async () => {
    const running = sandbox();
    const app = await openChartDuringVisit(browser.page, running, 'screen-due');
    await waitForPanel(app);
    expect(await app.locator('[data-testid="action-cms2"]').count()).toBe(1);
    await app.locator('[data-testid="gap-cms2"] [data-testid="gap-action-phq"]').click();
    const form = await answerNegativePhq2(app);
    const outcome = form.locator('[data-testid="write-outcome"]');
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.textContent()).toContain('closes once today’s visit is closed');
    expect(await statusOf(app, 'measure-cms2')).toBe('met');
    expect(await app.locator('[data-testid="measure-cms2"] .badge').textContent()).toContain(
      'Met when this visit is closed',
    );
    expect(await app.locator('[data-testid="measure-cms2"]').textContent()).not.toContain('Not met');
    expect(await app.locator('[data-testid="action-cms2"]').count()).toBe(0);
    expect(await app.locator('[data-testid="actions"]').textContent()).not.toMatch(/PHQ-9 due|depression screening/i);
  });

  it('writes an SDOH screening with food insecurity for Marcus Bell: the SDOH measure is met and a food follow-up gap opens', async () => {
    const running = sandbox();
    const app = await openChartDuringVisit(browser.page, running, 'screen-due');
    await waitForPanel(app);
    expect(await statusOf(app, 'measure-sdoh-screening')).toBe('not-met');
    await app.locator('[data-testid="gap-sdoh-screening"] [data-testid="gap-action-hrsn"]').click();
    const form = app.locator('[data-testid="workspace-hrsn"]');
    const answer = async (loinc: string, code: string) =>
      form.locator(`[data-testid="hrsn-${loinc}"] input[value="${code}"]`).check();
    await answer('71802-3', 'LA31993-1');
    await answer('96778-6', 'LA9-3');
    await answer('88122-7', 'LA28397-0'); // often true → food insecurity
    await answer('88123-5', 'LA6729-3');
    await answer('93030-5', 'LA32-8');
    await answer('96779-4', 'LA32-8');
    for (const item of ['95618-5', '95617-7', '95616-9', '95615-1']) {
      await answer(item, 'LA6270-8');
    }
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
        await route.fulfill({
          status: 500,
          contentType: 'application/fhir+json',
          body: JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'exception', diagnostics: 'EHR database unavailable' }],
          }),
        });
        return;
      }
      await route.fallback();
    });
    await app.locator('[data-testid="open-form-phq"]').click();
    const form = await answerNegativePhq2(app);
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
      if (/\.(c|write|cud|\*)$/.test(scope)) {
        await box.uncheck();
      }
    }
    await frame.locator('button[value="approve"]').click();
    await waitForPanel(frame);
    expect(await frame.locator('[data-testid="no-write"]').textContent()).toContain(
      'Writing to the EHR is not allowed in this launch',
    );
    expect(await frame.locator('[data-testid="print-summary"]').count()).toBe(1);
    expect(await frame.locator('[data-testid^="gap-action-"]').count()).toBe(0);
    expect(await frame.locator('[data-testid^="open-form-"]').count()).toBe(0);
    expect(running.sandbox.created()).toHaveLength(0);
  });
});
