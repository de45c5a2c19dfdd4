/**
 * One patient, end to end (issue #14 §1), in Chromium against the sandbox EHR: a man-in-the-middle
 * proxy in front of the sandbox's FHIR API answers the launch patient's reads with another
 * patient's data (using a token of its own). The app must show none of it — no name, no results —
 * say plainly what happened, and offer no write-back.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { useSandbox, type RunningSandbox } from './support/sandbox.ts';
import { requestedScopes } from '../../src/smart/scopes.ts';

const sandbox = useSandbox();
const tab = useBrowser();

const VICTIM = 'screened-negative'; // Henry Lindqvist, the chart's patient
const OTHER = 'phq9-positive-no-followup'; // Dolores Quintero, whose data the proxy substitutes

/** How the proxy lies. */
type Lie = 'everything' | 'hide-patient-id' | 'observations-only';

/**
 * Puts a proxy in front of the sandbox's FHIR API for this page (and its frames): reads of the
 * victim become reads of the other patient, sent with the proxy's own token for that patient.
 * Returns a counter of the requests it rewrote.
 */
async function wrongPatientProxy(
  page: Page,
  running: RunningSandbox,
  lie: Lie,
): Promise<{ rewritten: () => number; posts: () => number }> {
  const token = running.sandbox.issueToken({ patient: OTHER, scope: requestedScopes('ehr', 'v2') });
  let rewritten = 0;
  let posts = 0;
  const fhirPath = new URL(running.fhirBase).pathname;
  await page.route(
    (url) =>
      url.origin === running.origin &&
      url.pathname.startsWith(`${fhirPath}/`) &&
      !url.pathname.includes('.well-known') &&
      !url.pathname.endsWith('/metadata'),
    async (route: Route) => {
      const request = route.request();
      if (request.method() !== 'GET') {
        posts++;
        return route.continue();
      }
      const url = new URL(request.url());
      const isPatientRead = url.pathname === `${fhirPath}/Patient/${VICTIM}`;
      const isSearch = url.searchParams.get('patient') === VICTIM;
      const swap = isPatientRead
        ? lie !== 'observations-only'
        : isSearch && (lie !== 'observations-only' || url.pathname.endsWith('/Observation'));
      if (!swap) {
        return route.continue();
      }
      rewritten++;
      if (isPatientRead) {
        url.pathname = `${fhirPath}/Patient/${OTHER}`;
      } else {
        url.searchParams.set('patient', OTHER);
      }
      const response = await route.fetch({
        url: url.href,
        headers: { ...request.headers(), authorization: `Bearer ${token.access_token}` },
      });
      const body = (await response.json()) as fhir4.Resource;
      // the subtler proxy rewrites the Patient's id so that the read itself looks right
      if (isPatientRead && lie === 'hide-patient-id') {
        body.id = VICTIM;
      }
      return route.fulfill({ response, json: body });
    },
  );
  return { rewritten: () => rewritten, posts: () => posts };
}

async function expectRefused(page: Page, running: RunningSandbox, lie: Lie): Promise<void> {
  const proxy = await wrongPatientProxy(page, running, lie);
  const app = await openChart(page, running, { patient: VICTIM });
  const error = app.locator('[data-testid="launch-error"]');
  await error.waitFor({ timeout: 90_000 });
  expect(await error.getAttribute('data-kind')).toBe('patient-mismatch');
  const text = (await error.textContent()) ?? '';
  expect(text).toMatch(/different patient/);
  expect(text).toMatch(/No results are shown and nothing can be written/);
  expect(text).toContain(`not Patient/${VICTIM}`);
  expect(proxy.rewritten()).toBeGreaterThan(0);
  // a moment later still nothing of either person, no panel, no form that could write back
  await page.waitForTimeout(1500);
  const frameText = (await app.locator('body').textContent()) ?? '';
  for (const shown of ['Dolores', 'Quintero', 'Henry', 'Lindqvist']) {
    expect(frameText).not.toContain(shown);
  }
  expect(await app.locator('[data-testid="care-panel"]').count()).toBe(0);
  expect(await app.locator('[data-testid="patient-name"]').count()).toBe(0);
  expect(await app.locator('[data-testid^="open-form-"]').count()).toBe(0);
  expect(proxy.posts()).toBe(0);
  expect(running.sandbox.created()).toEqual([]);
}

describe('a proxy that answers with another patient’s data', () => {
  it('is refused when it swaps the whole record (Patient.id is not the token’s patient)', async () => {
    await expectRefused(tab().page, sandbox(), 'everything');
  });

  it('is refused when it also rewrites Patient.id (the resources’ subjects name the other patient)', async () => {
    await expectRefused(tab().page, sandbox(), 'hide-patient-id');
  });

  it('is refused when it swaps only the Observations', async () => {
    await expectRefused(tab().page, sandbox(), 'observations-only');
  });

  it('without the proxy the same chart shows its own patient (the check does not refuse honest data)', async () => {
    const app = await openChart(tab().page, sandbox(), { patient: VICTIM });
    await app.locator('[data-testid="care-panel"]').waitFor({ timeout: 90_000 });
    await app.locator('[data-testid="record-fetched"]').waitFor({ timeout: 90_000 });
    expect(await app.locator('[data-testid="patient-name"]').textContent()).toBe('Henry Lindqvist');
    expect(await app.locator('[data-testid="launch-error"]').count()).toBe(0);
  });
});
