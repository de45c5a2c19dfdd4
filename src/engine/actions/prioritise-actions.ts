/**
 * Builds the ordered "what to do in this visit" list (at most 5) from flags and open gaps.
 *
 * Ordering rule (issue 5), tier by tier:
 *  1. clinical safety — `suicide-risk` → same-day safety assessment (C-SSRS) and safety plan;
 *  2. time-critical windows — open follow-up windows (FUH / FUM / FUA / TCM / SDOH referral) due
 *     within 7 days of asOf, and any other open gap whose due date falls 1–7 days ahead (a
 *     measurement period about to close; a gap "due today" that is not a window, such as PHQ-9
 *     monitoring, is ordinary work of tier 3); without asOf, every open follow-up window;
 *  3. measure gaps closable today — every other open gap whose window has not passed;
 *  4. the rest — flags with an action and no open gap covering them (high before moderate; info
 *     flags never), then open gaps whose window has already passed (they can no longer close).
 * Within tiers 1–3: by due date (none last), then by GAP_PRIORITY (behavioral health, SDOH, chronic
 * disease, cancer screening), then by id. Tier 4: high flags, moderate flags, passed windows, each by id.
 * De-duplication: the window variants of one gap (`fuh-7`, `fuh-30`) give one action — the
 * still-running variant with the nearest due date; a flag covered by an open gap gives none.
 */
import type { FlagResult, GapResult, IsoDate, VisitAction } from '../types.ts';
import { singleDay } from '../cql/calendar-days.ts';
import { parseDateTime } from '../cql/date-time.ts';
import {
  FLAG_ACTION_TEXT, FLAG_COVERED_BY_GAPS, GAP_PRIORITY, gapActionText, SAFETY_ACTION_TEXT, TIME_CRITICAL_DAYS,
  TIME_CRITICAL_GAP_FAMILIES, gapFamily,
} from './action-catalog.ts';

/** At most this many actions are suggested for one visit. */
export const MAX_ACTIONS = 5;

/** Options of the ordering. */
export interface PrioritiseOptions {
  /** The evaluation's asOf day: enables "due in N days" and the 7-day time-critical test. */
  asOf?: IsoDate;
}

interface Candidate {
  tier: 1 | 2 | 3 | 4;
  source: string;
  text: string;
  due?: IsoDate | undefined;
  /** Secondary order inside a tier (gap priority in tiers 2–3; severity, then passed windows, in tier 4). */
  order: number;
}

/** Epoch day of an ISO calendar date; `undefined` for anything else (bad data never throws here). */
function calendarDay(iso: string | undefined): number | undefined {
  const v = parseDateTime(iso);
  return v && v.f.length === 3 ? singleDay(v) : undefined;
}

/** `String.prototype.localeCompare` without arguments, with its collator made once. */
const collate = new Intl.Collator().compare;

function dueDay(g: GapResult): number | undefined {
  return calendarDay(g.due);
}

function duePhrase(days: number): string {
  return days === 0 ? 'due today' : days === 1 ? 'due tomorrow' : `due in ${days} days`;
}

/** One gap per family: the still-running variant with the nearest due date. */
function dedupeGaps(open: readonly GapResult[], asOfDay: number | undefined): GapResult[] {
  const best = new Map<string, GapResult>();
  const passed = (g: GapResult) => asOfDay !== undefined && (dueDay(g) ?? Infinity) < asOfDay;
  for (const g of open) {
    const fam = gapFamily(g.id);
    const cur = best.get(fam);
    if (!cur) { best.set(fam, g); continue; }
    const better =
      passed(cur) !== passed(g) ? !passed(g)
      : (dueDay(g) ?? Infinity) !== (dueDay(cur) ?? Infinity) ? (dueDay(g) ?? Infinity) < (dueDay(cur) ?? Infinity)
      : g.id < cur.id;
    if (better) best.set(fam, g);
  }
  return [...best.values()];
}

/** Orders flags and open gaps into at most {@link MAX_ACTIONS} visit actions (rule in the file comment). */
export function prioritiseActions(flags: readonly FlagResult[], gaps: readonly GapResult[], options: PrioritiseOptions = {}): VisitAction[] {
  const asOfDay = calendarDay(options.asOf);
  const candidates: Candidate[] = [];

  if (flags.some((f) => f.id === 'suicide-risk')) candidates.push({ tier: 1, source: 'suicide-risk', text: SAFETY_ACTION_TEXT, order: 0 });

  const open = dedupeGaps(gaps.filter((g) => g.status === 'open'), asOfDay);
  const openFamilies = new Set(open.map((g) => gapFamily(g.id)));
  const PASSED = 10;
  for (const g of open) {
    const fam = gapFamily(g.id.split(':')[0]!);
    const day = dueDay(g);
    const label = gapActionText(g);
    const priority = GAP_PRIORITY.indexOf(fam);
    const order = priority < 0 ? GAP_PRIORITY.length : priority;
    const due = g.due ? g.due : undefined;
    if (asOfDay !== undefined && day !== undefined && day < asOfDay) {
      candidates.push({ source: g.id, due, tier: 4, order: PASSED, text: `${label} (window passed ${g.due})` });
    } else if (asOfDay !== undefined && day !== undefined && day - asOfDay <= TIME_CRITICAL_DAYS &&
      (TIME_CRITICAL_GAP_FAMILIES.includes(fam) || day > asOfDay)) {
      const left = day - asOfDay;
      const when = TIME_CRITICAL_GAP_FAMILIES.includes(fam) ? ` ${duePhrase(left)}` : ` — ${left === 1 ? '1 day' : `${left} days`} left`;
      candidates.push({ source: g.id, due, tier: 2, order, text: `${label}${when}` });
    } else if (asOfDay === undefined && TIME_CRITICAL_GAP_FAMILIES.includes(fam)) {
      candidates.push({ source: g.id, due, tier: 2, order, text: g.due ? `${label} due ${g.due}` : label });
    } else {
      candidates.push({ source: g.id, due, tier: 3, order, text: label });
    }
  }

  const severityRank = { high: 0, moderate: 1, info: 2 } as const;
  for (const f of flags) {
    if (f.id === 'suicide-risk' || f.severity === 'info') continue;
    const text = FLAG_ACTION_TEXT[f.id];
    if (!text) continue;
    if ((FLAG_COVERED_BY_GAPS[f.id] ?? []).some((fam) => openFamilies.has(fam))) continue;
    candidates.push({ tier: 4, source: f.id, text, order: severityRank[f.severity] });
  }

  candidates.sort((a, b) =>
    a.tier - b.tier ||
    (a.tier === 4 ? a.order - b.order : 0) ||
    collate(a.due ?? '9999-12-31', b.due ?? '9999-12-31') ||
    a.order - b.order ||
    collate(a.source, b.source));
  return candidates.slice(0, MAX_ACTIONS).map((c, i) => ({
    rank: i + 1,
    source: c.source,
    text: c.text,
    ...(c.due ? { due: c.due } : {}),
  }));
}
