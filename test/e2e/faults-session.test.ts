/**
 * Session faults in a real EHR launch: a scope the EHR did not grant (the panel says which data
 * are missing) and a token that expires mid-session (a clear "launch again" message).
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { expectedOverview, openChart, readOverview, typicalPatientId } from './support/app-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

describe('session faults', () => {
  it('names Observation as missing when its scope was not granted, and still shows the rest', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    const app = await openChart(tab().page, running, { patient: id, denyScopes: 'Observation' });
    const shown = await readOverview(app);
    const warning = app.locator('[data-testid="completeness-Observation"]');
    expect(await warning.getAttribute('data-status')).toBe('missing');
    expect(await warning.textContent()).toMatch(/Observation.*not granted/);
    expect(shown.statuses.Observation).toBe('missing');
    expect(shown.counts.Condition).toBe(expectedOverview(running, id).counts.Condition);
  });

  it('tells the clinician to launch again when the token expires mid-session', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    const app = await openChart(tab().page, running, { patient: id, tokenLifetimeSec: '4' });
    await readOverview(app);
    await new Promise((r) => setTimeout(r, 5_000));
    await app.locator('[data-testid="refresh-record"]').click();
    const error = app.locator('[data-testid="launch-error"]');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.getAttribute('data-kind')).toBe('token-expired');
    expect(await error.textContent()).toMatch(/Launch CareGap Panel again from the chart/);
  });
});
