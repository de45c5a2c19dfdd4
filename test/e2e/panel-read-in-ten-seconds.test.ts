/**
 * The panel read in ten seconds, in Chromium at the real clock (#13 §3): embedded in the EHR it does
 * not repeat the EHR's patient banner (identity and resource counts sit in a collapsed details
 * area); at 400 px "Do this visit" follows the safety flags on the first screen; a 1,300-reading
 * BP table hidden for screen readers takes no layout space; the text a clinician reads carries no
 * system URLs, codes, quality-staff words or ISO dates.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { useBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { waitForPanel } from './support/panel-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

/** Opens a chart at a viewport size and waits for the settled panel. */
async function chartAt(
  page: Page,
  patient: string,
  width: number,
  height: number,
  params: Record<string, string> = {},
): Promise<FrameLocator> {
  await page.setViewportSize({ width, height });
  const app = await openChart(page, sandbox(), { patient, ...params });
  await waitForPanel(app);
  return app;
}

/** The text a clinician sees in the panel (rendered text only: closed drawers and hidden tables excluded). */
async function visibleText(app: FrameLocator): Promise<string> {
  return app.locator('[data-testid="care-panel"]').innerText();
}

describe('embedded in the EHR', () => {
  it('does not repeat the EHR’s patient banner: identity and resource counts are in a collapsed details area', async () => {
    const app = await chartAt(tab().page, 'screen-due', 1200, 900);
    expect(await app.locator('[data-testid="patient-banner"]').count()).toBe(0);
    const details = app.locator('[data-testid="record-details"]');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await app.locator('[data-testid="patient-name"]').isVisible()).toBe(false);
    expect(await app.locator('[data-testid="count-Observation"]').isVisible()).toBe(false);
    // The details area comes after the panel, and opens on request.
    const panelBottom = (await app.locator('[data-testid="care-panel"]').boundingBox())!;
    expect((await details.boundingBox())!.y).toBeGreaterThan(panelBottom.y + panelBottom.height - 1);
    await details.locator('summary').click();
    expect(await app.locator('[data-testid="patient-name"]').textContent()).toBe('Marcus Bell');
    expect(await app.locator('[data-testid="count-Encounter"]').isVisible()).toBe(true);
  });

  it('shows its own compact banner when the EHR asks for one (need_patient_banner true)', async () => {
    const app = await chartAt(tab().page, 'screen-due', 1200, 900, { needBanner: '1' });
    expect(await app.locator('[data-testid="patient-banner"]').textContent()).toMatch(/Marcus Bell.*Male.*44 y/);
  });
});

describe('at 400 px', () => {
  it('puts "Do this visit" right after the safety flags, on the first screen, for a behavioural-health-heavy patient', async () => {
    const app = await chartAt(tab().page, 'bh-complex', 400, 800);
    const safety = app.locator('[data-testid="flags"]');
    const actions = app.locator('[data-testid="actions"]');
    expect(await safety.locator('li.flag').first().getAttribute('data-testid')).toBe('flag-suicide-risk');
    const s = (await safety.boundingBox())!;
    const a = (await actions.boundingBox())!;
    const other = (await app.locator('[data-testid="flags-other"]').boundingBox())!;
    expect(a.y).toBeGreaterThanOrEqual(s.y + s.height);
    expect(other.y).toBeGreaterThanOrEqual(a.y + a.height);
    // the heading and the first action are on the first 800 px screen
    const first = (await actions.locator('li').first().boundingBox())!;
    expect(first.y + first.height).toBeLessThan(800);
    // long-standing risk (SMI, SUD, frequent ED use, polypharmacy) follows the actions
    expect(await app.locator('[data-testid="flags-other"] [data-testid="flag-smi"]').count()).toBe(1);
    const axe = await new AxeBuilder({ page: tab().page }).include('iframe').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});

describe('hidden chart tables', () => {
  it('Walter Brennan’s 1,300 daily BP readings: the screen-reader table is there, and takes no layout space', async () => {
    const app = await chartAt(tab().page, 'heavy', 400, 800);
    const table = app.locator('[data-testid="chart-bp-table"]');
    await table.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(700);
    const box = (await table.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(1);
    const frame = tab()
      .page.frames()
      .find((f) => f.url().includes('/index.html'))!;
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    console.info(`[panel] heavy record at 400 px: page ${height} px tall`);
    expect(height).toBeLessThan(5000); // it was 18,000 px of blank page
  });
});

describe('plain language', () => {
  it.each([['bh-complex'], ['malformed'], ['heavy']])(
    '%s: no system URLs, codes, quality-staff words or ISO dates in what a clinician reads',
    async (patient) => {
      const app = await chartAt(tab().page, patient, 1200, 900);
      const text = await visibleText(app);
      expect(text).not.toMatch(/https?:|urn:/i);
      expect(text).not.toMatch(/[\w/]\|[\w.]/);
      expect(text).not.toMatch(/numerator|denominator|population/i);
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(text).not.toMatch(/\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?! \d{4})/);
      if (patient === 'bh-complex') {
        expect(text).toMatch(/suicidal ideation/i);
        expect(text).not.toMatch(/R45\.851|F20\.9/);
      }
    },
  );

  it('keeps the codes in the evidence drawer, after the display name', async () => {
    const app = await chartAt(tab().page, 'bh-complex', 1200, 900);
    const flag = app.locator('[data-testid="flag-suicide-risk"]');
    await flag.getByRole('button', { name: /Show evidence/ }).click();
    const evidence = (await flag.locator('[data-testid="evidence-list"]').textContent()) ?? '';
    expect(evidence).toContain('ICD-10-CM R45.851');
  });
});
