/**
 * Server behaviour in a real EHR launch: an epic-like server (category required, capped pages,
 * duplicates), a v1-only server (scope fallback) and injected 429/500 answers — the record must still be complete.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { expectedOverview, openChart, readOverview, typicalPatientId } from './support/app-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

describe('real EHR behaviour', () => {
  it('fetches all 5,000+ Observations of the heavy patient from an epic-like server', async () => {
    const running = sandbox();
    const app = await openChart(tab().page, running, { patient: 'heavy', profile: 'epic-like' });
    const shown = await readOverview(app, 90_000);
    expect(shown.counts).toEqual(expectedOverview(running, 'heavy').counts);
    expect(shown.counts.Observation).toBeGreaterThanOrEqual(5000);
    expect(shown.statuses.Observation).toBe('complete');
  });

  it('launches with v1 scopes against a server that does not advertise SMART v2', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    const app = await openChart(tab().page, running, { patient: id, profile: 'v1-only' });
    const shown = await readOverview(app);
    expect(shown.counts).toEqual(expectedOverview(running, id).counts);
    expect(Object.values(shown.statuses).every((s) => s === 'complete')).toBe(true);
  });

  it('ends with a complete record despite 30% 500s and 20% 429s', async () => {
    const running = sandbox();
    const id = typicalPatientId(running);
    const app = await openChart(tab().page, running, { patient: id, errorRate: '0.3', rateLimitRate: '0.2' });
    const shown = await readOverview(app, 90_000);
    expect(shown.counts).toEqual(expectedOverview(running, id).counts);
    expect(Object.values(shown.statuses).every((s) => s === 'complete')).toBe(true);
    expect(await app.locator('[data-testid="completeness-warning"]').count()).toBe(0);
  });
});
