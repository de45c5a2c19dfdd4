/**
 * Security in a real EHR launch (threat model: src/smart/README.md): hostile FHIR text is shown as
 * text and never runs; no PHI in request URLs, console or localStorage; tokens only in the tab's
 * sessionStorage; two tabs with two patients never mix; a launch from an unregistered server
 * shows an error and goes nowhere.
 */
import type { Frame, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { openChartDuringVisit, waitForPanel, statusOf } from './support/panel-view.ts';
import { useSandbox, type RunningSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

/** An <img> whose onerror would set window.__xss if any FHIR string reached the DOM as HTML. */
const XSS_PAYLOAD = '<img src=x onerror=window.__xss=1>';
/** ICD-10-CM F31.0 (Bipolar disorder, current episode hypomanic), in the CMS2 exclusion value set. */
const BIPOLAR_F31_0 = { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F31.0' };

/** Posts a bipolar Condition whose texts carry the payload, through the sandbox FHIR API. */
async function addHostileCondition(running: RunningSandbox, patientId: string): Promise<void> {
  const token = running.sandbox.issueToken({ patient: patientId, scope: 'patient/Condition.c' });
  const condition: fhir4.Condition = {
    resourceType: 'Condition',
    subject: { reference: `Patient/${patientId}` },
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    code: { coding: [{ ...BIPOLAR_F31_0, display: XSS_PAYLOAD }] },
    onsetDateTime: '2024-05-01',
    note: [{ text: `<script>window.__xss=2</script>${XSS_PAYLOAD}` }],
    text: {
      status: 'generated',
      div: `<div xmlns="http://www.w3.org/1999/xhtml">${XSS_PAYLOAD}<script>window.__xss=3</script></div>`,
    },
  };
  const res = await fetch(`${running.fhirBase}/Condition`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/fhir+json' },
    body: JSON.stringify(condition),
  });
  expect(res.status).toBe(201);
}

function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame() && new URL(f.url()).pathname.endsWith('/index.html'));
  if (!frame) {
    throw new Error('no app frame');
  }
  return frame;
}

/** The ways a birth date could be written into a URL (ISO, US, compact). */
function birthDateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [iso, `${m}/${d}/${y}`, `${m}%2F${d}%2F${y}`, `${y}${m}${d}`];
}

describe('security in the browser', () => {
  it('shows a hostile Condition display as text, runs none of it, and leaks no PHI into URLs, console or localStorage', async () => {
    const running = sandbox();
    const id = 'screen-due';
    await addHostileCondition(running, id);
    const person = running.sandbox.patients().find((p) => p.id === id)!;
    const { page, logs } = tab();
    const urls: string[] = [];
    page.on('request', (r: Request) => urls.push(r.url()));

    const app = await openChartDuringVisit(page, running, id);
    await waitForPanel(app);
    // Marcus Bell's bipolar history excludes him from CMS2; the exclusion's evidence is the hostile Condition.
    expect(await statusOf(app, 'measure-cms2')).toBe('excluded');
    await app.locator('[data-testid="measure-cms2"] .evidence button').click();
    const evidence = app.locator('[data-testid="measure-cms2"] [data-testid="evidence-list"]');
    expect(await evidence.textContent()).toContain(XSS_PAYLOAD);
    const frame = appFrame(page);
    expect(await frame.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(
      await frame.evaluate(() => document.querySelectorAll('img[src="x"], [data-testid="care-panel"] script').length),
    ).toBe(0);

    // No PHI in any URL the browser requested (FHIR searches go by id, never by name or birth date).
    const [given, family] = person.name.split(' ');
    const phi = [given!, family!, ...birthDateForms(person.birthDate)];
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      for (const value of phi) {
        expect(decodeURIComponent(url), url).not.toContain(value);
      }
    }
    for (const line of logs) {
      for (const value of phi) {
        expect(line).not.toContain(value);
      }
    }

    // Tokens and the record live only in this tab's sessionStorage (fhirclient) and memory.
    const storage = await frame.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      caches: 'caches' in window ? await caches.keys() : [],
      databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    }));
    expect(storage.local).toBe('{}');
    expect(storage.session).toContain('access_token');
    expect(storage.caches).toEqual([]);
    expect(storage.databases).toEqual([]);
    for (const value of phi) {
      expect(storage.session).not.toContain(value);
    }
  });

  it('keeps two patients in two tabs apart, also after a refresh and a reload of the first tab', async () => {
    const running = sandbox();
    const tab1 = tab().page;
    const tab2 = await tab1.context().newPage();
    try {
      const appA = await openChartDuringVisit(tab1, running, 'screened-negative');
      await waitForPanel(appA);
      expect(await appA.locator('[data-testid="patient-name"]').textContent()).toBe('Henry Lindqvist');
      const appB = await openChartDuringVisit(tab2, running, 'sdoh-food-positive');
      await waitForPanel(appB);
      expect(await appB.locator('[data-testid="patient-name"]').textContent()).toBe('Tanya Whitfield');

      await appA.locator('[data-testid="refresh-record"]').click();
      await waitForPanel(appA);
      expect(await appA.locator('[data-testid="patient-name"]').textContent()).toBe('Henry Lindqvist');
      await appFrame(tab1).evaluate(() => location.reload());
      await waitForPanel(appA, 30_000);
      expect(await appA.locator('[data-testid="patient-name"]').textContent()).toBe('Henry Lindqvist');
      expect(await statusOf(appA, 'measure-cms2')).not.toBeNull();
      expect(await appB.locator('[data-testid="patient-name"]').textContent()).toBe('Tanya Whitfield');
    } finally {
      await tab2.close();
    }
  });

  it('refuses a launch from an unregistered FHIR server with an error and no redirect', async () => {
    const running = sandbox();
    const { page } = tab();
    const requested: string[] = [];
    page.on('request', (r: Request) => requested.push(r.url()));
    const launchUrl = `${running.origin}/launch/index.html?iss=${encodeURIComponent('https://evil.example/fhir')}&launch=abc`;
    await page.goto(launchUrl);
    const error = page.locator('[data-testid="launch-error"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('data-kind')).toBe('configuration');
    expect(page.url()).toBe(launchUrl);
    expect(requested.filter((u) => !u.startsWith(running.origin))).toEqual([]);
    expect(requested.some((u) => u.includes('/auth/authorize'))).toBe(false);
  });
});
