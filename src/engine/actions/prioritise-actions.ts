/**
 * Builds the ordered "do this visit" list (at most 5, one action per need — visit-needs.ts) and,
 * apart from it, the follow-up windows that can no longer be met.
 *
 * Ordering, tier by tier (issues 5, 12 §4, 13 §2):
 *  0. suicide risk — same-day safety assessment and safety plan (history only: ask today);
 *  1. the other high-severity needs: recent psychiatric discharge, severe depression without a
 *     plan, interpersonal violence. Tiers 0–1 hold at most four needs, so they are never pushed
 *     out of the five;
 *  2. time-critical: a need whose nearest running gap is a follow-up window (FUH / FUM / FUA / TCM /
 *     SDOH referral) due within 7 days, or any gap due 1–7 days ahead (a period about to close);
 *     without asOf, every follow-up window;
 *  3. other open gaps closable today;
 *  4. flags with an action and no need above covering them, high before moderate (never info).
 * Within tier 1: in the order issue 12 §4 lists them (SAFETY_ORDER); within tiers 2–3: by due date
 * (none last), then priority (a measure's `action.priority`, else NEED_PRIORITY), then by source id; tier 4 by severity, then id. A need's due date is its earliest running gap's. A gap whose due date has passed is never
 * an action: it is a missed window ("can no longer be met"), one line per gap family.
 */
import type { FlagResult, GapResult, IsoDate, MeasureResult, VisitAction } from '../types.ts';
import { displayDay } from '../flags/statement-format.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import { MEASURES } from '../measures/index.ts';
import { gapActionText } from './measure-actions.ts';
import {
  NEED_PRIORITY,
  SAFETY_ORDER,
  UNRANKED_PRIORITY,
  TIME_CRITICAL_DAYS,
  TIME_CRITICAL_GAP_FAMILIES,
  gapFamily,
} from './action-catalog.ts';
import { calendarDay, familyOfGap as family, windowMissedOn } from './missed-window.ts';
import { visitNeeds, type Need } from './visit-needs.ts';
import type { VisitFacts } from './visit-facts.ts';

/** At most this many actions are suggested for one visit. */
export const MAX_ACTIONS = 5;

/** Options of the ordering. */
export interface PrioritiseOptions {
  /** The evaluation's asOf day: enables "due in N days", the 7-day test and missed windows. */
  asOf?: IsoDate;
  /** Measure results (the SDOH screening action names the domains the measure says are missing). */
  measures?: readonly MeasureResult[];
  /** Facts of the record (latest depression score, plan since) — visit-facts.ts. */
  facts?: VisitFacts;
  /** The definitions the measures come from (their gap ids, actions, priorities); default MEASURES. */
  definitions?: readonly MeasureDefinition[];
}

/** Orders two due dates as days (cql/calendar-days.ts); a missing one counts as day `none`. */
function byDue(a: string | undefined, b: string | undefined, none: number): number {
  const x = calendarDay(a) ?? none;
  const y = calendarDay(b) ?? none;
  return x < y ? -1 : x > y ? 1 : 0;
}

function closedOn(due: string | undefined): string {
  const day = calendarDay(due);
  return day === undefined ? (due ?? 'earlier') : displayDay(day);
}

/** `String.prototype.localeCompare` without arguments, with its collator made once. */
const collate = new Intl.Collator().compare;

function duePhrase(days: number): string {
  return days === 0 ? 'due today' : days === 1 ? 'due tomorrow' : `due in ${days} days`;
}

interface Placed {
  need: Need;
  tier: number;
  text: string;
  due?: IsoDate;
  order: number;
}

/** Tier, due date and text of a need from its nearest running gap. */
function place(need: Need, asOfDay: number | undefined): Placed {
  const gaps = [...need.gaps].sort((a, b) => byDue(a.due, b.due, Infinity) || collate(a.id, b.id));
  const nearest = gaps[0];
  const safety = SAFETY_ORDER.indexOf(need.key);
  const priority =
    need.tier <= 1
      ? safety < 0
        ? UNRANKED_PRIORITY
        : safety
      : (need.priority ?? NEED_PRIORITY[need.key.split(':')[0]!] ?? UNRANKED_PRIORITY);
  const order = need.tier === 4 ? (need.severityRank ?? 1) : priority;
  // the action is named after its nearest running gap when it comes from gaps
  const source = nearest && need.gaps.some((g) => g.id === need.source) ? nearest.id : need.source;
  const placed: Placed = {
    need: { ...need, source },
    tier: need.tier,
    text: need.text,
    order,
    ...(nearest?.due ? { due: nearest.due } : {}),
  };
  if (!nearest) {
    return placed;
  }
  const critical = gaps.some((g) => TIME_CRITICAL_GAP_FAMILIES.includes(family(g)));
  const day = calendarDay(nearest.due);
  if (asOfDay === undefined) {
    if (critical && need.tier >= 2) {
      return { ...placed, tier: 2, text: nearest.due ? `${need.text} due ${nearest.due}` : need.text };
    }
    return placed;
  }
  if (day === undefined) {
    return placed;
  }
  const left = day - asOfDay;
  // a gap past its own due day that is still actionable (not a window): no due date to show
  if (left < 0) {
    const { due: _passed, ...rest } = placed;
    return rest;
  }
  const windowSoon = TIME_CRITICAL_GAP_FAMILIES.includes(family(nearest)) && left <= TIME_CRITICAL_DAYS;
  if (windowSoon) {
    return { ...placed, tier: Math.min(need.tier, 2), text: `${need.text} ${duePhrase(left)}` };
  }
  if (left > 0 && left <= TIME_CRITICAL_DAYS) {
    return {
      ...placed,
      tier: Math.min(need.tier, 2),
      text: `${need.text} — ${left === 1 ? '1 day' : `${left} days`} left`,
    };
  }
  return placed;
}

function toAction(p: Placed, rank: number): VisitAction {
  const { need } = p;
  return {
    rank,
    source: need.source,
    text: p.text,
    ...(p.due ? { due: p.due } : {}),
    kind: p.tier === 2 && need.kind !== 'safety' ? 'window' : need.kind === 'window' ? 'gap' : need.kind,
    ...(need.gaps.length ? { gaps: need.gaps.map((g) => g.id) } : {}),
    ...(need.flags.length ? { flags: need.flags } : {}),
    ...(need.form ? { form: need.form } : {}),
  };
}

/** Splits open gaps into running ones and missed windows (the rule: missed-window.ts). */
function splitOpen(gaps: readonly GapResult[], asOfDay: number | undefined) {
  const open = gaps.filter((g) => g.status === 'open');
  const passed = (g: GapResult) => windowMissedOn(g, asOfDay);
  return { running: open.filter((g) => !passed(g)), passed: open.filter(passed) };
}

/** Orders the visit's needs into at most {@link MAX_ACTIONS} actions (rule in the file comment). */
export function prioritiseActions(
  flags: readonly FlagResult[],
  gaps: readonly GapResult[],
  options: PrioritiseOptions = {},
): VisitAction[] {
  const asOfDay = calendarDay(options.asOf);
  const { running } = splitOpen(gaps, asOfDay);
  const closed = new Set(gaps.filter((g) => g.status === 'closed').map((g) => g.id));
  const needs = visitNeeds({
    flags,
    running,
    closed,
    measures: options.measures ?? [],
    definitions: options.definitions ?? MEASURES,
    ...(options.facts ? { facts: options.facts } : {}),
  });
  const placed = needs.map((n) => place(n, asOfDay));
  placed.sort(
    (a, b) =>
      a.tier - b.tier ||
      (a.tier === 4 || a.tier <= 1 ? a.order - b.order : 0) ||
      byDue(a.due, b.due, Infinity) ||
      a.order - b.order ||
      collate(a.need.source, b.need.source),
  );
  return placed.slice(0, MAX_ACTIONS).map((p, i) => toAction(p, i + 1));
}

/**
 * Follow-up windows that have passed ("can no longer be met"), one per gap family — the window
 * that closed last — listed apart from the actions. None without asOf.
 */
export function missedWindows(
  gaps: readonly GapResult[],
  options: { asOf?: IsoDate; definitions?: readonly MeasureDefinition[] } = {},
): VisitAction[] {
  const asOfDay = calendarDay(options.asOf);
  const { passed } = splitOpen(gaps, asOfDay);
  const byFamily = new Map<string, GapResult>();
  for (const g of passed) {
    const key = gapFamily(g.id);
    const cur = byFamily.get(key);
    if (!cur || byDue(g.due, cur.due, -Infinity) > 0) {
      byFamily.set(key, g);
    }
  }
  return [...byFamily.values()]
    .sort((a, b) => byDue(b.due, a.due, -Infinity) || collate(a.id, b.id))
    .map((g, i) => {
      const label = gapActionText(g.id, options.definitions ?? MEASURES) ?? g.title;
      const window = /-(\d+)$/.exec(g.id)?.[1];
      return {
        rank: i + 1,
        source: g.id,
        text: `${label}${window ? ` (${window}-day window)` : ''}: window closed ${closedOn(g.due)} — can no longer be met`,
        ...(g.due ? { due: g.due } : {}),
        kind: 'missed' as const,
        gaps: [g.id],
      };
    });
}
