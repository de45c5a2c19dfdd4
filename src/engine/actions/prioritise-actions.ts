/**
 * Builds the ordered "what to do in this visit" list (at most 5) from flags and open gaps.
 * Ordering rule: clinical safety first, then time-critical windows, then measure gaps closable
 * today, then the rest.
 */
import type { FlagResult, GapResult, VisitAction } from '../types.ts';

/** At most this many actions are suggested for one visit. */
export const MAX_ACTIONS = 5;

/** Orders flags and open gaps into visit actions. */
export function prioritiseActions(flags: readonly FlagResult[], gaps: readonly GapResult[]): VisitAction[] {
  const candidates: Omit<VisitAction, 'rank'>[] = [];
  for (const f of flags) if (f.severity === 'high' && f.id === 'suicide-risk') candidates.push({ source: f.id, text: f.statement });
  const open = gaps.filter((g) => g.status === 'open');
  open.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  for (const g of open) candidates.push({ source: g.id, text: g.closes ?? g.title, ...(g.due ? { due: g.due } : {}) });
  return candidates.slice(0, MAX_ACTIONS).map((c, i) => ({ rank: i + 1, ...c }));
}
