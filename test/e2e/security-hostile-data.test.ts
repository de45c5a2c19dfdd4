/**
 * The browser under hostile data (issue #14 §4): an Observation nested 2,000 levels deep, stored in
 * the sandbox EHR, used to make the panel vanish without a word (the structured clone to the
 * engine's Worker is dropped from ≈1,500 levels, and the panel waited for an answer forever). Now
 * it is one reported data problem naming the resource and the field, and the panel shows
 * everything else.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { useSandbox, type RunningSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

/** JSON text of `{"a":{"a":…{"leaf":1}…}}`, `levels` objects deep (built as text: no recursion). */
function nestedJson(levels: number): string {
  return `${'{"a":'.repeat(levels - 1)}{"leaf":1}${'}'.repeat(levels - 1)}`;
}

/** Stores an Observation whose valueQuantity holds a 2,000-level chain; returns its id. */
async function addDeepObservation(running: RunningSandbox, patientId: string): Promise<string> {
  const token = running.sandbox.issueToken({ patient: patientId, scope: 'patient/Observation.c' });
  const body = `{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/${patientId}"},"code":{"text":"hostile"},"effectiveDateTime":"2026-01-15","valueQuantity":{"value":1,"nested":${nestedJson(2000)}}}`;
  const res = await fetch(`${running.fhirBase}/Observation`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/fhir+json' },
    body,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as fhir4.Observation).id!;
}

describe('a resource nested 2,000 levels deep', () => {
  it('is one data problem naming the resource and field; the panel still shows everything else', async () => {
    const running = sandbox();
    const id = 'screened-negative';
    const before = running.sandbox.countsFor(id).Observation ?? 0;
    const deepId = await addDeepObservation(running, id);
    const { page, logs } = tab();
    const app = await openChart(page, running, { patient: id });
    await app.locator('[data-testid="care-panel"]').waitFor({ timeout: 90_000 });
    await app.locator('[data-testid="record-fetched"]').waitFor({ timeout: 90_000 });

    const issues = app.locator('[data-testid="data-issue"]');
    await issues.first().waitFor({ timeout: 30_000 });
    expect(await issues.count()).toBe(1);
    const text = (await issues.first().textContent()) ?? '';
    expect(text).toContain(`Observation/${deepId}`);
    expect(text).toContain('valueQuantity.nested.a.a.a.a…');
    expect(text).toMatch(/nested more than 64 levels deep/);
    expect(await issues.first().getAttribute('data-severity')).toBe('error');

    // everything else is still there: identity, counts, flags, gaps and every measure with a status
    expect(await app.locator('[data-testid="patient-name"]').textContent()).toBe('Henry Lindqvist');
    expect(Number(await app.locator('[data-testid="count-Observation"]').textContent())).toBe(before + 1);
    expect(await app.locator('[data-testid^="measure-"][data-status]').count()).toBeGreaterThan(3);
    // results that read Observations are unknown (the bad one might have been the screening), and say why
    expect(await app.locator('[data-testid="unknown-results"]').textContent()).toContain(`Observation/${deepId}`);
    expect(await app.locator('[data-testid="evaluation-failed"]').count()).toBe(0);
    expect(logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  });
});
