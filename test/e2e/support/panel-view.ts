/**
 * Browser-test support for the care panel: open a chart during today's visit (the sandbox checks
 * the patient in at the real clock and launches with that in-progress visit, as a clinic EHR does;
 * the browser's clock is never pinned), wait for the panel to settle, and read statuses from it.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { openChart } from './app-view.ts';
import type { RunningSandbox } from './sandbox.ts';

/** Opens the patient's chart: the launch carries today's in-progress visit (real clock). */
export async function openChartDuringVisit(
  page: Page,
  running: RunningSandbox,
  patientId: string,
  params: Record<string, string> = {},
): Promise<FrameLocator> {
  return openChart(page, running, { patient: patientId, ...params });
}

/** The id of the patient's visit today, as the sandbox checked them in (after the chart was opened). */
export function todaysVisitOf(running: RunningSandbox, patientId: string): fhir4.Encounter {
  const visit = running.sandbox
    .resourcesFor(patientId)
    .find(
      (r): r is fhir4.Encounter => r.resourceType === 'Encounter' && (r as fhir4.Encounter).status === 'in-progress',
    );
  if (!visit) {
    throw new Error(`${patientId} has no visit in progress (open the chart first)`);
  }
  return visit;
}

/** Waits until the panel is shown and no type is still loading (generous: Vite's first load bundles dependencies). */
export async function waitForPanel(app: FrameLocator, timeout = 90_000): Promise<void> {
  await app.locator('[data-testid="care-panel"]').waitFor({ timeout });
  await app.locator('[data-testid="record-fetched"]').waitFor({ timeout });
}

/** `data-status` of a panel element (measure-<id>, gap-<id>). */
export async function statusOf(app: FrameLocator, testId: string): Promise<string | null> {
  const el = app.locator(`[data-testid="${testId}"]`);
  if ((await el.count()) === 0) {
    return null;
  }
  return el.first().getAttribute('data-status');
}

/** Waits until an element has a status (polling, for after a write-back refresh; closed gaps sit in a collapsed list). */
export async function waitForStatus(
  app: FrameLocator,
  testId: string,
  status: string,
  timeout = 20_000,
): Promise<void> {
  await app
    .locator(`[data-testid="${testId}"][data-status="${status}"]`)
    .first()
    .waitFor({ timeout, state: 'attached' });
}
