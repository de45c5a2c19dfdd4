/**
 * Missed follow-up windows ("can no longer be met", issue 13 §2 — shown apart from what can still
 * be done): an open gap of an event-anchored follow-up family — HEDIS FUH / FUM / FUA, CMS TCM and
 * its 2-business-day contact, the 30-day SDOH referral (action-catalog.ts
 * `TIME_CRITICAL_GAP_FAMILIES`) — whose due day, the window's last day (gaps/follow-up-window.ts),
 * is before asOf. Those rules count a follow-up only inside the window (HEDIS FUH "within 7 / 30
 * days after discharge"; CMS TCM contact "within 2 business days of discharge"), so once it has
 * passed the gap cannot be closed for that event; the engine keeps it `open` ("Missed: …") because
 * the patient still needs to be seen. Any other gap stays actionable after its due day: a CMS2
 * follow-up past its 2-day window still needs a plan, and a screening at this visit can still meet
 * the measure. The visit actions (prioritise-actions.ts) and the panel's gap list use this one test.
 */
import type { GapResult, IsoDate } from '../types.ts';
import { singleDay } from '../cql/calendar-days.ts';
import { DAY, parseDateTime } from '../cql/date-time.ts';
import { TIME_CRITICAL_GAP_FAMILIES, gapFamily } from './action-catalog.ts';

/** Epoch day of an ISO calendar date; `undefined` for anything else (bad data never throws here). */
export function calendarDay(iso: string | undefined): number | undefined {
  const v = parseDateTime(iso);
  return v && v.f.length === DAY + 1 ? singleDay(v) : undefined;
}

/** The family of a gap result: `fuh-7` → `fuh`, `sdoh-positive-follow-up:food` → `sdoh-positive-follow-up`. */
export function familyOfGap(g: Pick<GapResult, 'id'>): string {
  return gapFamily(g.id.split(':')[0]!);
}

/** True when `gap` is a missed window on the epoch day `asOfDay` (none: never). */
export function windowMissedOn(gap: GapResult, asOfDay: number | undefined): boolean {
  return (
    asOfDay !== undefined &&
    gap.status === 'open' &&
    TIME_CRITICAL_GAP_FAMILIES.includes(familyOfGap(gap)) &&
    (calendarDay(gap.due) ?? Infinity) < asOfDay
  );
}

/** True when `gap` is a follow-up window that has passed unmet on `asOf` (rule in the file comment). */
export function isMissedWindow(gap: GapResult, asOf: IsoDate | undefined): boolean {
  return windowMissedOn(gap, calendarDay(asOf));
}
