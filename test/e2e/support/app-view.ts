/**
 * Browser-test support: reading what the app shows (identity, counts, completeness) from the page
 * or from the EHR chart's iframe, and what a complete fetch should show according to the sandbox.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { FETCHED_TYPES } from '../../../src/fhir/fetched-types.ts';
import { localIsoDate, summarisePatient } from '../../../src/app/patient-summary.ts';
import type { RunningSandbox } from './sandbox.ts';

/** Either the top page (standalone launch) or the app's iframe inside the EHR chart. */
export type AppScope = Page | FrameLocator;

/** What the record overview shows. */
export interface ShownRecord {
  name: string;
  age: string;
  sex: string;
  counts: Record<string, number>;
  statuses: Record<string, string>;
}

/**
 * Waits until every type has settled and returns what the record details area (collapsed at the
 * end of the page: identity and counts are not repeated on the first screen) says.
 */
export async function readOverview(app: AppScope, timeout = 45_000): Promise<ShownRecord> {
  await app
    .locator('[data-testid="record-details"] [data-testid="patient-name"]')
    .waitFor({ timeout, state: 'attached' });
  for (const t of FETCHED_TYPES) {
    await app
      .locator(`[data-testid="record-details"] [data-testid="count-${t}"]:not([data-status="loading"])`)
      .waitFor({ timeout, state: 'attached' });
  }
  const text = async (id: string) => (await app.locator(`[data-testid="${id}"]`).textContent())?.trim() ?? '';
  const counts: Record<string, number> = {};
  const statuses: Record<string, string> = {};
  for (const t of FETCHED_TYPES) {
    counts[t] = Number(await text(`count-${t}`));
    statuses[t] = (await app.locator(`[data-testid="count-${t}"]`).getAttribute('data-status')) ?? '';
  }
  return {
    name: await text('patient-name'),
    age: await text('patient-age'),
    sex: await text('patient-sex'),
    counts,
    statuses,
  };
}

/** What the overview must show for `patientId` after a complete fetch. */
export function expectedOverview(running: RunningSandbox, patientId: string) {
  const patient = running.sandbox.resourcesFor(patientId).find((r): r is fhir4.Patient => r.resourceType === 'Patient');
  if (!patient) {
    throw new Error(`sandbox has no Patient ${patientId}`);
  }
  const summary = summarisePatient(patient, localIsoDate(new Date()));
  const all = running.sandbox.countsFor(patientId) as Record<string, number | undefined>;
  const counts = Object.fromEntries(FETCHED_TYPES.map((t) => [t, all[t] ?? 0]));
  return { name: summary.name, age: String(summary.age ?? 'unknown'), sex: summary.sex, counts };
}

/** Opens the sandbox EHR chart for a patient with launch options; returns the app's frame. */
export async function openChart(
  page: Page,
  running: RunningSandbox,
  params: Record<string, string>,
): Promise<FrameLocator> {
  const url = new URL('/ehr/chart', running.origin);
  for (const [k, v] of Object.entries(params)) {
    url.searchParams.set(k, v);
  }
  await page.goto(url.href);
  return page.frameLocator('iframe');
}

/** A typical patient of the seeded panel (not a named edge case) with some observations. */
export function typicalPatientId(running: RunningSandbox): string {
  const named = new Set(['empty', 'heavy', 'malformed']);
  const p = running.sandbox
    .patients()
    .find((x) => !named.has(x.id) && !x.label && (running.sandbox.countsFor(x.id).Observation ?? 0) > 5);
  if (!p) {
    throw new Error('no typical patient');
  }
  return p.id;
}

/** Opens the population view from the sandbox EHR page (practitioner launch); returns the app's frame and the view. */
export async function openPopulationView(
  page: Page,
  origin: string,
): Promise<{ app: FrameLocator; view: ReturnType<FrameLocator['locator']> }> {
  await page.goto(`${origin}/ehr/`);
  await page.locator('[data-testid="open-population"]').click();
  const app = page.frameLocator('#app-frame');
  return { app, view: app.locator('[data-testid="population-view"]') };
}
