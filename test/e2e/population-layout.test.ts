/**
 * The population view as an ACO quality lead sees it, at 1200 and 400 px, in Chromium against the
 * sandbox (data anchored today, the view at the real clock):
 * - every column header sits over its column (bounding boxes), also when the table is scrolled
 *   sideways on a narrow screen, and the sort indicator agrees with the order of the rows;
 * - rows identify the person (birth date and MRN under the name, the attributed clinician), and
 *   two patients with the same name are told apart;
 * - the flag filter offers labels, not ids; a column chooser keeps the table to the measures by
 *   default; the clinician table and filter, the monthly closure chart (and its table) and the
 *   worklist download equal the engine's own figures for the sandbox's records.
 * Screenshots: test-results/population-1200.png and population-400.png.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../launch/sandbox/server.ts';
import {
  ClosureTally,
  evaluatePatient,
  measureClosures,
  patientIdentity,
  previousPeriod,
  recordFromResources,
  toSummaryMeasureReports,
  worklistLines,
  worklistRows,
  type PatientEvaluation,
  type PatientIdentity,
  type WorklistRow,
} from '../../src/engine/index.ts';
import { flagLabel, measureLabel } from '../../src/features/population/finding-labels.ts';
import { closureSentence } from '../../src/features/population/monthly-closure-chart.tsx';
import { formatRate } from '../../src/features/population/population-summary.ts';
import { openPopulationView } from './support/app-view.ts';
import { useBrowser } from './support/browser.ts';

type Running = Awaited<ReturnType<typeof startSandbox>>;
let running: Running | undefined;
// seed 3 gives two pairs of patients who share a name (checked below, not assumed)
beforeAll(async () => {
  running = await startSandbox({ port: 0, serveApp: 'vite', seed: 3, patientCount: 24 });
});
afterAll(async () => {
  await running?.close();
});
const tab = useBrowser();

async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('#app-frame').elementHandle())?.contentFrame();
  if (!frame) {
    throw new Error('no app frame');
  }
  return frame;
}

/** Opens the view at `width` px and waits for the run to finish; returns the frame and the view's clock. */
async function openAt(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  const { app, view } = await openPopulationView(page, running!.origin);
  await app.locator('[data-testid="population-view"][data-phase="done"]').waitFor({ timeout: 150_000 });
  const period = {
    start: (await view.getAttribute('data-period-start')) ?? '',
    end: (await view.getAttribute('data-period-end')) ?? '',
  };
  const asOf = (await view.getAttribute('data-as-of')) ?? '';
  return { app, frame: await appFrame(page), period, asOf };
}

/** For every column: scrolls it into view beside the sticky patient column and measures header vs first-row cell. */
async function columnBoxes(frame: Frame) {
  return frame.evaluate(async () => {
    const settle = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    const table = document.querySelector<HTMLElement>('[data-testid="population-table"]')!;
    const headers = [...table.querySelectorAll<HTMLElement>('.pop-head [role="columnheader"]')];
    const row = () => table.querySelector<HTMLElement>('[role="rowgroup"] [role="row"][aria-rowindex="2"]')!;
    const out: Array<{
      label: string;
      header: DOMRect;
      cell: DOMRect;
      table: DOMRect;
      sticky: DOMRect;
      scrollWidth: number;
    }> = [];
    for (let i = 0; i < headers.length; i++) {
      table.scrollLeft = 0;
      await settle();
      const cells = [...row().querySelectorAll<HTMLElement>('[role="cell"]')];
      const sticky = cells[0]!.getBoundingClientRect();
      if (i > 0) {
        table.scrollLeft = cells[i]!.getBoundingClientRect().left - sticky.right;
      }
      await settle();
      const now = [...row().querySelectorAll<HTMLElement>('[role="cell"]')];
      out.push({
        label: headers[i]!.textContent ?? '',
        header: headers[i]!.getBoundingClientRect().toJSON(),
        cell: now[i]!.getBoundingClientRect().toJSON(),
        table: table.getBoundingClientRect().toJSON(),
        sticky: now[0]!.getBoundingClientRect().toJSON(),
        scrollWidth: table.scrollWidth,
      });
    }
    table.scrollLeft = 0;
    return out;
  });
}

/** The rows rendered at the top of the table: index, id and cell texts. */
async function topRows(frame: Frame) {
  return frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="population-table"] [role="rowgroup"] [role="row"]')]
      .map((r) => ({
        index: Number(r.getAttribute('aria-rowindex')),
        id: (r.dataset.testid ?? '').replace(/^population-row-/, ''),
        cells: [...r.querySelectorAll('[role="cell"]')].map((c) => c.textContent ?? ''),
        name: r.querySelector('.pop-open')?.textContent ?? '',
      }))
      .sort((a, b) => a.index - b.index),
  );
}

/** The engine over the sandbox's records with the view's clock: evaluations, identities, previous-period closures. */
function engineView(period: { start: string; end: string }, asOf: string) {
  const prev = previousPeriod(period);
  const out: Array<{
    id: string;
    ev: PatientEvaluation;
    who: PatientIdentity;
    previous: ReturnType<typeof measureClosures>;
  }> = [];
  for (const p of running!.sandbox.patients()) {
    const record = recordFromResources(running!.sandbox.resourcesFor(p.id));
    const ev = evaluatePatient(record, { period, asOf });
    const previous = measureClosures(
      evaluatePatient(record, { period: prev, asOf: prev.end, only: ev.measures.map((m) => m.id) }),
    );
    out.push({ id: p.id, ev, who: patientIdentity(record, ev), previous });
  }
  return out;
}

describe('population view layout and quality-lead figures', () => {
  for (const width of [1200, 400]) {
    it(`at ${width} px: headers over their columns, sort indicator = order, identity in rows, screenshot`, async () => {
      const { page } = tab();
      const { app, frame } = await openAt(page, width);

      // Headers line up with their columns, each readable when scrolled to.
      const boxes = await columnBoxes(frame);
      expect(boxes.map((b) => b.label.replace(/\s*[▲▼].*$/, '').trim()).slice(0, 4)).toEqual([
        'Patient',
        'Clinician',
        'Flags',
        'Open gaps',
      ]);
      expect(boxes.length).toBeGreaterThanOrEqual(4 + 6);
      for (const b of boxes) {
        expect(Math.abs(b.header.x - b.cell.x), `${b.label} x`).toBeLessThanOrEqual(1);
        expect(Math.abs(b.header.width - b.cell.width), `${b.label} width`).toBeLessThanOrEqual(1);
        expect(b.header.x, `${b.label} visible`).toBeGreaterThanOrEqual(b.table.x - 1);
        expect(b.header.x + b.header.width, `${b.label} inside the table`).toBeLessThanOrEqual(
          b.table.x + b.table.width + 1,
        );
      }
      // the measures-only default keeps the table narrow (was 16,900 px with every gap column)
      expect(boxes[0]!.scrollWidth).toBeLessThan(2000);
      // the page itself never scrolls sideways: wide tables scroll inside their own box
      expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

      // Flags: first click ▼ most first, rows in that order; second click ▲ fewest first.
      const flagsOf = async () => (await topRows(frame)).slice(0, 12).map((r) => Number(r.cells[2]));
      await app.locator('[data-testid="sort-flags"]').click();
      expect(await app.locator('[data-testid="header-flags"]').getAttribute('aria-sort')).toBe('descending');
      expect(await app.locator('[data-testid="header-flags"] [data-testid="sort-indicator"]').textContent()).toContain(
        '▼',
      );
      const down = await flagsOf();
      expect(down).toEqual([...down].sort((a, b) => b - a));
      expect(down[0]).toBeGreaterThan(down.at(-1)!);
      await app.locator('[data-testid="sort-flags"]').click();
      expect(await app.locator('[data-testid="header-flags"]').getAttribute('aria-sort')).toBe('ascending');
      expect(await app.locator('[data-testid="header-flags"] [data-testid="sort-indicator"]').textContent()).toContain(
        '▲',
      );
      const up = await flagsOf();
      expect(up).toEqual([...up].sort((a, b) => a - b));
      // Patient: ▲ A to Z
      await app.locator('[data-testid="sort-name"]').click();
      expect(await app.locator('[data-testid="header-name"] [data-testid="sort-indicator"]').textContent()).toContain(
        '▲',
      );
      // (by name alone: same-name patients follow in id order, whatever their birth dates)
      const names = (await topRows(frame)).map((r) => r.name.toLowerCase());
      expect(names).toEqual([...names].sort());

      // Rows identify the person; same-name patients differ in birth date / MRN.
      const directory = running!.sandbox.patients();
      const byName = new Map<string, string[]>();
      for (const p of directory) {
        byName.set(p.name, [...(byName.get(p.name) ?? []), p.id]);
      }
      const twins = [...byName.values()].filter((ids) => ids.length > 1);
      expect(twins.length).toBeGreaterThan(0);
      for (const ids of twins) {
        // the search brings both into the rendered window of the virtualised table
        await app.locator('[data-testid="filter-text"]').fill(directory.find((p) => p.id === ids[0])!.name);
        const lines = await Promise.all(
          ids.map((id) =>
            app.locator(`[data-testid="population-row-${id}"] [data-testid="population-row-identity"]`).textContent(),
          ),
        );
        for (const l of lines) {
          expect(l).toMatch(/^b\. \d{1,2} [A-Z][a-z]{2} \d{4} · MRN/); // the panel's date format
        }
        expect(new Set(lines).size).toBe(ids.length);
      }
      await app.locator('[data-testid="filter-text"]').fill('');

      // Screenshot of the whole view at this width (opened and read as a quality lead would).
      const height = await frame.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width, height: Math.min(height + 120, 8000) });
      await page.screenshot({ path: `test-results/population-${width}.png`, fullPage: true });
      expect(tab().logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
    }, 240_000);
  }

  it('flag labels, column chooser, clinician table and filter, monthly chart and worklist equal the engine’s', async () => {
    const { page } = tab();
    const { app, period, asOf } = await openAt(page, 1200);
    const engine = engineView(period, asOf);

    // Flag filter: every flag the engine raised is offered by its label; no option reads as an id.
    const options = await app
      .locator('[data-testid="filter-flag"] option')
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const raised = new Set(engine.flatMap((e) => e.ev.flags.map((f) => f.id)));
    expect(raised.size).toBeGreaterThan(3);
    for (const id of raised) {
      expect(options).toContainEqual({ value: id, text: flagLabel(id) });
    }
    for (const o of options) {
      expect(o.text).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(:[a-z-]+)?$/);
    }

    // Column chooser: measures by default; "All" adds every gap column; one checkbox toggles one column.
    const headerCount = () => app.locator('.pop-head [role="columnheader"]').count();
    const measures = new Set(engine.flatMap((e) => e.ev.measures.map((m) => m.id))).size;
    const gaps = new Set(engine.flatMap((e) => e.ev.gaps.map((g) => g.id))).size;
    expect(await headerCount()).toBe(4 + measures);
    await app.locator('[data-testid="column-chooser"] summary').click();
    await app.locator('[data-testid="columns-all"]').click();
    expect(await headerCount()).toBe(4 + measures + gaps);
    await app.locator('[data-testid="columns-measures"]').click();
    await app.locator('[data-testid="column-gap:phq9-monitoring"]').check();
    expect(await headerCount()).toBe(4 + measures + 1);
    await app.locator('[data-testid="column-chooser"] summary').click();

    // Clinician table = the clinician strata of the engine's summary MeasureReports.
    const reports = toSummaryMeasureReports(
      engine.map((e) => ({ ...e.ev, ...(e.who.clinician ? { clinician: e.who.clinician } : {}) })),
      { period, date: '2026-01-01T00:00:00Z' },
    );
    const cms2 = reports.find((r) => r.id === 'cms2-summary')!;
    const count = (pops: fhir4.MeasureReportGroupPopulation[] | undefined, code: string) =>
      pops!.find((p) => p.code!.coding![0]!.code === code)!.count!;
    for (const s of cms2.group![0]!.stratifier![0]!.stratum!) {
      const key = s.value!.coding![0]!.code!;
      const row = app.locator(`[data-testid="clinician-row-${key}"]`);
      const scored =
        count(s.population, 'denominator') -
        count(s.population, 'denominator-exclusion') -
        count(s.population, 'denominator-exception');
      const text = (await row.locator('[data-measure="cms2"]').textContent()) ?? '';
      if (scored) {
        expect(text).toContain(`${formatRate(s.measureScore?.value)} (${count(s.population, 'numerator')}/${scored})`);
      }
      const patients = engine.filter((e) => (e.who.clinician?.reference ?? 'unattributed') === key).length;
      expect(Number(await row.locator('[data-col="patients"]').textContent())).toBe(patients);
      // "Show patients" filters the table to that panel
      await row.locator(`[data-testid="clinician-show-${key}"]`).click();
      expect(await app.locator('[data-testid="population-row-count"]').textContent()).toContain(
        `${patients} of ${engine.length} shown`,
      );
    }
    await app.locator('[data-testid="filter-clinician"]').selectOption('');
    expect(await app.locator('[data-testid="population-row-count"]').textContent()).toContain(
      `${engine.length} of ${engine.length} shown`,
    );

    // Monthly closure: the sentence and the table are the engine's series, this period and last.
    const tally = new ClosureTally();
    for (const e of engine) {
      tally.add(measureClosures(e.ev), e.previous);
    }
    const series = tally.series(period, asOf).find((x) => x.id === 'cms2')!;
    expect(await app.locator('[data-testid="monthly-sentence"]').textContent()).toBe(
      closureSentence(series, measureLabel('cms2', series.title), asOf),
    );
    expect(await app.locator('[data-testid="monthly-closure"] svg').getAttribute('aria-label')).toBe(
      closureSentence(series, measureLabel('cms2', series.title), asOf),
    );
    const rates = await app
      .locator('[data-testid="monthly-table"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector('[data-col="rate"]')?.textContent,
          r.querySelector('[data-col="previous-rate"]')?.textContent,
        ]),
      );
    expect(rates).toEqual(series.points.map((p) => [formatRate(p.rate), formatRate(p.previousRate)]));

    // The worklist download is the engine's worklist (the CLI's --format worklist) for these records.
    const download = page.waitForEvent('download');
    await app.locator('[data-testid="export-worklist"]').click();
    const text = readFileSync(await (await download).path(), 'utf8');
    const rows: WorklistRow[] = engine.flatMap((e) => worklistRows(e.ev, e.who));
    expect(rows.length).toBeGreaterThan(0);
    expect(text).toBe(`${worklistLines(rows).join('\r\n')}\r\n`);
    expect(tab().logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  }, 240_000);
});
