/**
 * The population view's two data paths in Chromium against the sandbox EHR over real HTTP: where
 * the server offers Group $export, the practitioner's launch runs one export with its user/ token
 * (kick-off, polling, files, DELETE — seen by the sandbox) and evaluates every member; where it
 * does not, the view reads patient by patient and still evaluates every member, with the same
 * summary counts either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { openPopulationView } from './support/app-view.ts';
import { useBrowser } from './support/browser.ts';
import { E2E_ANCHOR } from './support/sandbox.ts';

type Running = Awaited<ReturnType<typeof startSandbox>>;
const tab = useBrowser();
let withExport: Running;
let withoutExport: Running;

beforeAll(async () => {
  withExport = await startSandbox({ port: 0, serveApp: 'vite', seed: 42, patientCount: 12, anchorDate: E2E_ANCHOR });
  withoutExport = await startSandbox({
    port: 0,
    serveApp: 'vite',
    seed: 42,
    patientCount: 12,
    anchorDate: E2E_ANCHOR,
    bulkExport: false,
  });
});
afterAll(async () => {
  await withExport?.close();
  await withoutExport?.close();
});

/** Runs the view to the end and returns the summary row of every measure (populations as shown). */
async function runView(running: Running): Promise<Record<string, string>> {
  const { page } = tab();
  const { app } = await openPopulationView(page, running.origin);
  await app.locator('[data-testid="population-view"][data-phase="done"]').waitFor({ timeout: 120_000 });
  const total = running.sandbox.patients().length;
  expect(await app.locator('[data-testid="population-progress-text"]').textContent()).toContain(
    `${total} of ${total} patients`,
  );
  const rows = app.locator('[data-testid^="measure-summary-"]');
  const summary: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    summary[(await row.getAttribute('data-testid')) ?? `row-${i}`] = ((await row.textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  expect(tab().logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  return summary;
}

describe('population view data source in the browser', () => {
  it('uses Group $export when offered and per-patient searches when not, with the same results', async () => {
    const bulk = await runView(withExport);
    const activity = withExport.sandbox.bulkActivity();
    expect(activity.clients).toEqual(['caregap-panel']); // the app's own (user-level) token
    expect(activity.kickoffs).toBe(1);
    expect(activity.polls).toBeGreaterThanOrEqual(1);
    expect(activity.downloads).toBeGreaterThanOrEqual(2);
    expect(activity.cancelled).toBe(1); // DELETE once the files are read
    const searched = await runView(withoutExport);
    expect(withoutExport.sandbox.bulkActivity().kickoffs).toBe(0);
    expect(Object.keys(bulk).length).toBeGreaterThan(0);
    expect(searched).toEqual(bulk);
  }, 240_000);
});
