/**
 * EHR launch in the sandbox EHR's iframe: the app authenticates (PKCE, state) inside the frame
 * and shows the patient's name, age, sex and one count per resource type equal to the sandbox's.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { expectedOverview, openChart, readOverview, typicalPatientId } from './support/app-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

describe('EHR launch inside the chart iframe', () => {
  it('shows a typical patient’s identity and every resource count the EHR holds', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    const app = await openChart(tab().page, running, { patient: id });
    const shown = await readOverview(app);
    const expected = expectedOverview(running, id);
    expect({ name: shown.name, age: shown.age, sex: shown.sex, counts: shown.counts }).toEqual(expected);
    expect(Object.values(shown.statuses).every((s) => s === 'complete')).toBe(true);
    // Inside the EHR the EHR's banner identifies the patient (need_patient_banner=false).
    expect(await app.locator('[data-testid="patient-banner"]').count()).toBe(0);
    await expect(app.locator('[data-testid="record-fetched"]').textContent()).resolves.toMatch(
      /Record fetched \d\d:\d\d/,
    );
  });

  it('keeps tokens out of localStorage and the console', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    const app = await openChart(tab().page, running, { patient: id });
    await readOverview(app);
    const frame = tab()
      .page.frames()
      .find((f) => f.url().includes('/index.html'));
    expect(frame).toBeDefined();
    const storage = await frame!.evaluate(() => ({
      local: Object.keys(localStorage).length,
      session: Object.keys(sessionStorage).length,
    }));
    expect(storage.local).toBe(0);
    expect(storage.session).toBeGreaterThan(0); // fhirclient keeps the session per tab
    expect(tab().logs.filter((l) => /access_token|Bearer /i.test(l))).toEqual([]);
    expect(tab().logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
    // The EHR's smart_style_url was adopted as CSS variables.
    const background = await frame!.evaluate(() =>
      document.documentElement.style.getPropertyValue('--smart-color-background'),
    );
    expect(background).toBe('#f4f6f8');
  });

  it('shows the empty patient with zero of everything but today’s visit, not an error', async () => {
    const running = sandbox();
    const app = await openChart(tab().page, running, { patient: 'empty' });
    const shown = await readOverview(app);
    // opening the chart checked her in: the only resource is today's in-progress visit
    expect(shown.counts).toEqual({ ...Object.fromEntries(Object.keys(shown.counts).map((t) => [t, 0])), Encounter: 1 });
    expect(await app.locator('[data-testid="completeness-warning"]').count()).toBe(0);
  });
});

describe('launch pages without a launch', () => {
  it('explains the launch page opened without iss/launch instead of redirecting', async () => {
    const running = sandbox();
    await tab().page.goto(`${running.origin}/launch/index.html`);
    const error = tab().page.locator('[data-testid="launch-error"]');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('no-launch-params');
    expect(await error.textContent()).toMatch(/start CareGap Panel from there/);
    expect(new URL(tab().page.url()).pathname).toBe('/launch/index.html');
  });

  it('explains the app page opened directly', async () => {
    const running = sandbox();
    await tab().page.goto(`${running.origin}/index.html`);
    const error = tab().page.locator('[data-testid="launch-error"]');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('no-launch-params');
  });
});
