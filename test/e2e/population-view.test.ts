/**
 * Population view from a practitioner launch: the sandbox EHR's "Population view" launches the app
 * without a patient (user/ scopes); the app evaluates every member of Group/attributed with a
 * progress bar, and the summary equals the engine's own sums over the same patients' records
 * (evaluatePatient over sandbox.resourcesFor(id)); the CSV export downloads the table, each row
 * naming the patient (name, birth date, MRN, attributed clinician).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evaluatePatient,
  recordFromResources,
  type PopulationCode,
  type PopulationCounts,
} from '../../src/engine/index.ts';
import { openPopulationView } from './support/app-view.ts';
import { useBrowser } from './support/browser.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

const CODES: PopulationCode[] = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'denominator-exception',
  'numerator',
];

describe('population view (practitioner launch, attributed Group)', () => {
  it('evaluates the attributed population with progress, matches the engine’s sums, and exports CSV', async () => {
    const running = sandbox();
    const { page } = tab();
    const { app, view } = await openPopulationView(page, running.origin);
    await view.waitFor({ timeout: 45_000 });
    const memberIds = running.sandbox.patients().map((p) => p.id);
    const total = memberIds.length;

    // Progress shows n of N while it runs and N of N when done.
    await app.locator('[data-testid="population-progress-text"]').waitFor({ timeout: 30_000 });
    await app.locator('[data-testid="population-view"][data-phase="done"]').waitFor({ timeout: 120_000 });
    expect(await app.locator('[data-testid="population-progress-text"]').textContent()).toContain(
      `${total} of ${total} patients`,
    );
    expect(await app.locator('[data-testid="population-row-count"]').textContent()).toContain(
      `${total} of ${total} shown`,
    );

    // Expected: the engine over the sandbox's own records, with the clock the view used.
    const period = {
      start: (await view.getAttribute('data-period-start')) ?? '',
      end: (await view.getAttribute('data-period-end')) ?? '',
    };
    const asOf = (await view.getAttribute('data-as-of')) ?? '';
    const expected = new Map<string, PopulationCounts>();
    for (const id of memberIds) {
      const ev = evaluatePatient(recordFromResources(running.sandbox.resourcesFor(id)), { period, asOf });
      for (const m of ev.measures) {
        // episode measures (fuh, fum, fua, tcm) have one summary row per rate: `fuh/7-day` …
        for (const [key, populations] of m.groups
          ? m.groups.map((g) => [`${m.id}/${g.id}`, g.populations] as const)
          : [[m.id, m.populations] as const]) {
          const sum = expected.get(key) ?? {
            'initial-population': 0,
            denominator: 0,
            'denominator-exclusion': 0,
            'denominator-exception': 0,
            numerator: 0,
          };
          if (m.status !== 'unknown') {
            for (const c of CODES) {
              sum[c] += populations[c];
            }
          }
          expected.set(key, sum);
        }
      }
    }
    expect([...expected.values()].some((c) => c['initial-population'] > 0 && c.numerator > 0)).toBe(true);
    for (const [id, counts] of expected) {
      const row = app.locator(`[data-testid="measure-summary-${id}"]`);
      const shown: Record<string, number> = {};
      for (const c of CODES) {
        shown[c] = Number(await row.locator(`[data-pop="${c}"]`).textContent());
      }
      expect({ id, ...shown }).toEqual({ id, ...counts });
    }
    // gap closure: the bar's figure is closed ÷ (open + closed) of that row
    const gapRow = app.locator('[data-testid="gap-summary-cms2"]');
    const [open, closed] = [
      Number(await gapRow.locator('[data-pop="open"]').textContent()),
      Number(await gapRow.locator('[data-pop="closed"]').textContent()),
    ];
    expect(await gapRow.locator('[data-pop="closure"]').textContent()).toBe(
      `${Math.round((closed / (open + closed)) * 100)}%`,
    );

    // CSV download of the table: a header plus one row per patient × measure and gap.
    const download = page.waitForEvent('download');
    await app.locator('[data-testid="export-csv"]').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe(
      'patient,name,birth-date,mrn,clinician,id,title,kind,status,initial-population,denominator,denominator-exclusion,denominator-exception,numerator,due,closes',
    );
    // every row says who the patient is: name, birth date, MRN and clinician as the sandbox has them
    const directory = new Map(running.sandbox.patients().map((p) => [`Patient/${p.id}`, p]));
    for (const line of csv.slice(1, 40)) {
      const [ref, name, birthDate, mrn, clinician] = line.split(',');
      expect(name).toBe(directory.get(ref!)?.name);
      expect(birthDate).toBe(directory.get(ref!)?.birthDate);
      expect(mrn).toMatch(/^MRN/);
      expect(clinician).toMatch(/^(Dr\.|NP) /);
    }
    const patientsInCsv = new Set(csv.slice(1).map((line) => line.split(',')[0]));
    expect(patientsInCsv.size).toBe(total);

    // Click-through: the patient's record is fetched afresh (the run keeps no records) and the panel
    // shows when it was fetched; Back returns to the whole table.
    const firstRow = app.locator('[role="row"][data-testid^="population-row-"]').first();
    const rowId = ((await firstRow.getAttribute('data-testid')) ?? '').replace(/^population-row-/, '');
    expect(memberIds).toContain(rowId);
    await firstRow.locator('button.pop-open').click();
    await app.locator('[data-testid="care-panel"]').waitFor({ timeout: 30_000 });
    expect(await app.locator('[data-testid="panel-header"]').textContent()).toMatch(/record fetched \d\d:\d\d/);
    expect(await app.locator('#pop-patient-title').textContent()).toBeTruthy();
    await app.locator('[data-testid="population-back"]').click();
    expect(await app.locator('[data-testid="population-row-count"]').textContent()).toContain(
      `${total} of ${total} shown`,
    );
    expect(tab().logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  }, 180_000);
});
