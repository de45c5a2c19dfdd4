/**
 * Browser-test support for the care panel: open a chart "during the visit" (the browser clock set
 * to the encounter in context, so what the panel writes falls inside that visit as it would in
 * real use), wait for the panel to settle, and read statuses from it.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { openChart } from './app-view.ts';
import type { RunningSandbox } from './sandbox.ts';

/** Start of the latest encounter the sandbox holds for a patient (what the chart puts in context). */
export function latestEncounterStart(running: RunningSandbox, patientId: string): Date {
  const starts = running.sandbox
    .resourcesFor(patientId)
    .filter((r): r is fhir4.Encounter => r.resourceType === 'Encounter' && !!(r as fhir4.Encounter).period?.start)
    .map((e) => new Date(e.period!.start!));
  const latest = starts.sort((a, b) => b.getTime() - a.getTime())[0];
  if (!latest) throw new Error(`${patientId} has no encounter`);
  return latest;
}

/** Opens the chart with the browser's clock fixed 20 minutes into the patient's latest visit. */
export async function openChartDuringVisit(page: Page, running: RunningSandbox, patientId: string, params: Record<string, string> = {}): Promise<FrameLocator> {
  const start = latestEncounterStart(running, patientId);
  await page.context().clock.setFixedTime(new Date(start.getTime() + 20 * 60_000));
  return openChart(page, running, { patient: patientId, ...params });
}

/** Waits until the panel is shown and no type is still loading (generous: Vite's first load bundles dependencies). */
export async function waitForPanel(app: FrameLocator, timeout = 90_000): Promise<void> {
  await app.locator('[data-testid="care-panel"]').waitFor({ timeout });
  await app.locator('[data-testid="record-fetched"]').waitFor({ timeout });
}

/** `data-status` of a panel element (measure-<id>, gap-<id>). */
export async function statusOf(app: FrameLocator, testId: string): Promise<string | null> {
  const el = app.locator(`[data-testid="${testId}"]`);
  if ((await el.count()) === 0) return null;
  return el.first().getAttribute('data-status');
}

/** Waits until an element has a status (polling, for after a write-back refresh; closed gaps sit in a collapsed list). */
export async function waitForStatus(app: FrameLocator, testId: string, status: string, timeout = 20_000): Promise<void> {
  await app.locator(`[data-testid="${testId}"][data-status="${status}"]`).first().waitFor({ timeout, state: 'attached' });
}
