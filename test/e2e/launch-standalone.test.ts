/**
 * Standalone launch: choose the FHIR server, pick the patient in the sandbox's picker, approve the
 * consent page — or deny it and get a clear message.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { expectedOverview, readOverview, typicalPatientId } from './support/app-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

/** Starts a standalone launch and picks the patient by the name the picker shows. */
async function launchAndPick(patientName: string) {
  const running = sandbox();
  const page = tab().page;
  await page.goto(`${running.origin}/launch/standalone.html`);
  expect(await page.locator('#iss').inputValue()).toBe(running.fhirBase);
  await page.click('#launch');
  await page.getByText(patientName, { exact: false }).first().click();
  await page.locator('#approve').waitFor();
}

describe('standalone launch with the patient picker', () => {
  it('launches for the picked patient and shows the banner, identity and counts', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    const expected = expectedOverview(running, id);
    await launchAndPick(running.sandbox.patients().find((p) => p.id === id)!.name);
    await tab().page.click('#approve');
    const shown = await readOverview(tab().page);
    expect({ name: shown.name, age: shown.age, sex: shown.sex, counts: shown.counts }).toEqual(expected);
    // Standalone: no EHR banner around us, so the app shows its own.
    await tab().page.locator('[data-testid="patient-banner"]').waitFor();
    // code and state were removed from the address bar after the exchange.
    expect(new URL(tab().page.url()).search).toBe('');
  });

  it('says access was not authorized when the user denies consent', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    await launchAndPick(running.sandbox.patients().find((p) => p.id === id)!.name);
    await tab().page.click('#deny');
    const error = tab().page.locator('[data-testid="launch-error"]');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('access-denied');
    // after a standalone launch the way back is the standalone page, not "the chart" (issue #13 §5)
    expect(await error.textContent()).toMatch(
      /Start again from the standalone launch page \(http:\/\/[^)]+\/launch\/standalone\.html\) and approve access/,
    );
    expect(await error.textContent()).not.toMatch(/from the chart/);
  });
});
