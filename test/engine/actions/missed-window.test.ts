/**
 * Which open gaps are missed follow-up windows (src/engine/actions/missed-window.ts): an
 * event-anchored window (FUH / FUM / FUA / TCM / TCM contact / SDOH referral) whose last day is
 * before asOf — the day before, of and after the due day — and never a period gap past its due
 * day, a closed or unknown gap, a gap without a readable due day, or any gap without asOf. The
 * visit's missed-window list and the public `isMissedWindow` agree.
 */
import { describe, expect, it } from 'vitest';
import { isMissedWindow } from '../../../src/engine/index.ts';
import { missedWindows } from '../../../src/engine/actions/prioritise-actions.ts';
import type { GapResult } from '../../../src/engine/types.ts';

const gap = (id: string, due: string | undefined, extra: Partial<GapResult> = {}): GapResult => ({
  id,
  title: `${id} title`,
  status: 'open',
  why: `${id} why`,
  evidence: [],
  ...(due ? { due } : {}),
  ...extra,
});

describe('isMissedWindow', () => {
  it('a follow-up window is running on its last day and missed the day after', () => {
    const fuh7 = gap('fuh-7', '2026-11-22');
    expect(isMissedWindow(fuh7, '2026-11-21')).toBe(false);
    expect(isMissedWindow(fuh7, '2026-11-22')).toBe(false);
    expect(isMissedWindow(fuh7, '2026-11-23')).toBe(true);
  });
  it('covers every event-anchored family, the SDOH referral by its domain-suffixed id included', () => {
    for (const id of [
      'fuh-30',
      'fum-7',
      'fua-30',
      'tcm-7',
      'tcm-14',
      'tcm-contact-2d',
      'sdoh-positive-follow-up:food',
    ]) {
      expect([id, isMissedWindow(gap(id, '2026-11-17'), '2026-12-03')]).toEqual([id, true]);
    }
  });
  it('never calls a period gap missed: CMS2 or CMS165 past their due day can still be closed', () => {
    expect(isMissedWindow(gap('cms2', '2026-11-05'), '2026-12-03')).toBe(false);
    expect(isMissedWindow(gap('cms165', '2026-11-30'), '2026-12-03')).toBe(false);
  });
  it('only open gaps: a closed or unknown window is not missed', () => {
    expect(isMissedWindow(gap('fuh-7', '2026-11-22', { status: 'closed' }), '2026-12-03')).toBe(false);
    expect(isMissedWindow(gap('fuh-7', '2026-11-22', { status: 'unknown' }), '2026-12-03')).toBe(false);
  });
  it('says nothing without asOf or a readable due day', () => {
    expect(isMissedWindow(gap('fuh-7', '2026-11-22'), undefined)).toBe(false);
    expect(isMissedWindow(gap('fuh-7', undefined), '2026-12-03')).toBe(false);
    expect(isMissedWindow(gap('fuh-7', '2026-11'), '2026-12-03')).toBe(false);
  });
  it('agrees with the missed windows the visit lists apart from its actions', () => {
    const gaps = [gap('fuh-7', '2026-11-22'), gap('fuh-30', '2026-12-15'), gap('tcm-contact-2d', '2026-11-17')];
    const listed = missedWindows(gaps, { asOf: '2026-12-03' }).flatMap((m) => m.gaps ?? []);
    expect(listed.sort()).toEqual(
      gaps
        .filter((g) => isMissedWindow(g, '2026-12-03'))
        .map((g) => g.id)
        .sort(),
    );
  });
});
