/**
 * The population table after a run whose results arrived in many batches (160 patients): every
 * row is reachable by scrolling the virtualised table, once, in the order a from-scratch sort gives
 * (rows are merged in per batch, not re-sorted), and the filter counts equal the engine's own
 * evaluation of the sandbox's records (open gaps only — missed windows apart; search text).
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evaluatePatient, isMissedWindow, recordFromResources } from '../../src/engine/index.ts';
import { sortEntries } from '../../src/features/population/population-table-model.ts';
import { openPopulationView } from './support/app-view.ts';
import { useBrowser } from './support/browser.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox({ patientCount: 150 });
const tab = useBrowser();

interface ShownRow {
  index: number;
  id: string;
  name: string;
}

async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('#app-frame').elementHandle())?.contentFrame();
  if (!frame) {
    throw new Error('no app frame');
  }
  return frame;
}

/** Scrolls the table from top to bottom, half a viewport at a time, collecting every row rendered. */
async function scrollThrough(frame: Frame): Promise<ShownRow[]> {
  const rows = await frame.evaluate(async () => {
    const el = document.querySelector<HTMLElement>('[data-testid="population-table"]');
    if (!el) {
      throw new Error('no table');
    }
    const seen = new Map<number, { index: number; id: string; name: string }>();
    const settle = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    for (let top = 0; ; top += Math.max(1, Math.floor(el.clientHeight / 2))) {
      el.scrollTop = top;
      await settle();
      for (const row of el.querySelectorAll<HTMLElement>('[role="rowgroup"] [role="row"]')) {
        const index = Number(row.getAttribute('aria-rowindex'));
        const id = (row.dataset.testid ?? '').replace(/^population-row-/, '');
        seen.set(index, { index, id, name: row.querySelector('button')?.textContent ?? '' });
      }
      if (top >= el.scrollHeight - el.clientHeight) {
        break;
      }
    }
    el.scrollTop = 0;
    return [...seen.values()];
  });
  return rows.sort((a, b) => a.index - b.index);
}

describe('population table at scale (results arriving in batches)', () => {
  it('shows every patient once, in sorted order, reachable by scrolling; filter counts match the engine', async () => {
    const running = sandbox();
    const { page } = tab();
    const { app, view } = await openPopulationView(page, running.origin);
    await app.locator('[data-testid="population-view"][data-phase="done"]').waitFor({ timeout: 150_000 });
    const memberIds = running.sandbox.patients().map((p) => p.id);
    const total = memberIds.length;
    expect(await app.locator('[data-testid="population-row-count"]').textContent()).toContain(
      `${total} of ${total} shown`,
    );
    const frame = await appFrame(page);

    // Every row reachable, each patient once, aria-rowindex 2…N+1 without holes.
    const rows = await scrollThrough(frame);
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: total }, (_, i) => i + 2));
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(memberIds));
    // The order (default: name ascending) is what sorting the finished list from scratch gives.
    const expectedOrder = sortEntries(
      rows.map((r) => ({ patientId: r.id, name: r.name })),
      { key: 'name', direction: 'asc' },
    ).map((e) => e.patientId);
    expect(rows.map((r) => r.id)).toEqual(expectedOrder);

    // Open gaps only: the engine over the sandbox's records, with the view's clock (a follow-up
    // window that passed unmet is missed, not open: it can no longer be closed).
    const period = {
      start: (await view.getAttribute('data-period-start')) ?? '',
      end: (await view.getAttribute('data-period-end')) ?? '',
    };
    const asOf = (await view.getAttribute('data-as-of')) ?? '';
    const withOpenGap = memberIds.filter((id) =>
      evaluatePatient(recordFromResources(running.sandbox.resourcesFor(id)), { period, asOf }).gaps.some(
        (g) => g.status === 'open' && !isMissedWindow(g, asOf),
      ),
    );
    expect(withOpenGap.length).toBeGreaterThan(0);
    expect(withOpenGap.length).toBeLessThan(total);
    await app.locator('[data-testid="filter-open-gaps"]').check();
    expect(await app.locator('[data-testid="population-row-count"]').textContent()).toContain(
      `${withOpenGap.length} of ${total} shown`,
    );
    const filtered = await scrollThrough(frame);
    expect(new Set(filtered.map((r) => r.id))).toEqual(new Set(withOpenGap));
    await app.locator('[data-testid="filter-open-gaps"]').uncheck();

    // Search text, typed key by key: name or id contains it, case-insensitively.
    const word = 'ar';
    await app.locator('[data-testid="filter-text"]').pressSequentially(word.toUpperCase());
    const matching = rows.filter((r) => `${r.name} ${r.id}`.toLowerCase().includes(word));
    expect(matching.length).toBeGreaterThan(0);
    expect(await app.locator('[data-testid="population-row-count"]').textContent()).toContain(
      `${matching.length} of ${total} shown`,
    );
    expect((await scrollThrough(frame)).map((r) => r.id)).toEqual(matching.map((r) => r.id));
    expect(tab().logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  }, 240_000);
});
