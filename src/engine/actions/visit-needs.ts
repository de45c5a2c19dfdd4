/**
 * The needs of one visit, each ONE action however many flags and gaps express it (issue 13 §2):
 *  - `suicide-risk` (tier 0): same-day safety assessment and safety plan; history only → ask today.
 *  - tier 1, the other high-severity needs: a psychiatric discharge in the last 30 days (with its
 *    FUH / TCM windows and a safety plan), severe depression (PHQ-9 ≥ 20) without a documented
 *    plan, interpersonal violence (a positive interpersonal-safety screen not yet followed up).
 *  - follow-up windows (discharge: FUH + TCM + the 2-day contact are one need; FUM; FUA) and the
 *    other gaps: tier 2 when due within 7 days, else tier 3.
 *  - depression: a follow-up plan after a positive screen; coding a recent score as the CMS2 result;
 *    a PHQ-9 when screening or monitoring is due — never "PHQ-9 due" when a depression instrument
 *    was scored in the last 14 days (the CMS2 look-back: that score still counts).
 *  - a measure's own gap: its definition's action (text by the result's closing step, or the
 *    measure's own wording — SDOH screening names the domains not screened yet), at its priority.
 *  - tier 4: flags with an action that no need above covers.
 * Gaps whose window has passed are never actions: they are listed apart as missed windows.
 */
import type { FlagResult, GapResult, MeasureResult, VisitActionForm, VisitActionKind } from '../types.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import {
  DISCHARGE_GAP_FAMILIES,
  FLAG_ACTION_TEXT,
  FLAG_COVERED_BY_GAPS,
  GAP_ACTION_TEXT,
  PSYCH_DISCHARGE_ACTION_TEXT,
  SAFETY_ACTION_TEXT,
  SUICIDE_HISTORY_ACTION_TEXT,
  gapFamily,
} from './action-catalog.ts';
import { depressionNeeds } from './depression-needs.ts';
import { gapActionText, measureStep } from './measure-actions.ts';
import type { VisitFacts } from './visit-facts.ts';

/** One need before ordering. */
export interface Need {
  key: string;
  tier: 0 | 1 | 2 | 3 | 4;
  kind: VisitActionKind;
  text: string;
  source: string;
  gaps: GapResult[];
  flags: string[];
  form?: VisitActionForm;
  /** Severity rank for tier 4 (high 0, moderate 1). */
  severityRank?: number;
  /** Order among ties (a measure's `action.priority`); else NEED_PRIORITY by key. */
  priority?: number;
}

/** What the needs are built from. */
export interface NeedInputs {
  flags: readonly FlagResult[];
  /** Open gaps whose window is still running (passed windows are missed, not needs). */
  running: readonly GapResult[];
  /** Ids of closed gaps (a need already followed up). */
  closed: ReadonlySet<string>;
  measures: readonly MeasureResult[];
  /** The measure definitions the results come from (their gap ids, actions and kinds). */
  definitions: readonly MeasureDefinition[];
  facts?: VisitFacts;
}

const family = (g: GapResult) => gapFamily(g.id.split(':')[0]!);

function dischargeNeed(
  flags: readonly FlagResult[],
  running: readonly GapResult[],
  definitions: readonly MeasureDefinition[],
): Need | undefined {
  const gaps = running.filter((g) => DISCHARGE_GAP_FAMILIES.includes(family(g)));
  const psych = flags.find((f) => f.id === 'psych-admission-recent');
  const related = flags.filter((f) => f.id === 'psych-admission-recent' || f.id === 'readmission').map((f) => f.id);
  if (psych?.severity === 'high') {
    return {
      key: 'discharge',
      tier: 1,
      kind: 'safety',
      text: PSYCH_DISCHARGE_ACTION_TEXT,
      source: gaps[0]?.id ?? psych.id,
      gaps,
      flags: related,
    };
  }
  if (!gaps.length) {
    return undefined;
  }
  const fams = new Set(gaps.map(family));
  // named after the FUH window when there is one, else the TCM visit, else the 2-day contact
  const named = ['fuh', 'tcm', 'tcm-contact-2d'].map((f) => gaps.find((g) => family(g) === f)).find((g) => g)!;
  const text = gapActionText(named.id, definitions) ?? named.closes ?? named.title;
  return {
    key: 'discharge',
    tier: 3,
    kind: 'window',
    text,
    source: gaps[0]!.id,
    gaps,
    flags: related.filter((id) => (FLAG_COVERED_BY_GAPS[id] ?? []).some((f) => fams.has(f))),
  };
}

function sdohNeeds(flags: readonly FlagResult[], running: readonly GapResult[], closed: ReadonlySet<string>): Need[] {
  const out: Need[] = [];
  const domains = new Set([
    ...flags.filter((f) => f.id.startsWith('sdoh-need:')).map((f) => f.id.slice('sdoh-need:'.length)),
    ...running
      .filter((g) => g.id.startsWith('sdoh-positive-follow-up:'))
      .map((g) => g.id.slice('sdoh-positive-follow-up:'.length)),
  ]);
  for (const d of domains) {
    const flag = flags.find((f) => f.id === `sdoh-need:${d}`);
    const gaps = running.filter((g) => g.id === `sdoh-positive-follow-up:${d}`);
    const text = FLAG_ACTION_TEXT[`sdoh-need:${d}`] ?? gaps[0]?.closes ?? gaps[0]?.title ?? `Follow up the ${d} need`;
    // interpersonal violence is a high-severity need until its referral / intervention is documented
    const safety = d === 'safety' && flag?.severity === 'high' && !closed.has(`sdoh-positive-follow-up:${d}`);
    const base = { key: `sdoh-need:${d}`, text, gaps, flags: flag ? [flag.id] : [] };
    if (safety && flag) {
      out.push({ ...base, tier: 1, kind: 'safety', source: gaps[0]?.id ?? flag.id });
    } else if (gaps.length) {
      out.push({ ...base, tier: 3, kind: 'window', source: gaps[0]!.id });
    } else if (flag && flag.severity !== 'info') {
      out.push({ ...base, tier: 4, kind: 'flag', source: flag.id, severityRank: flag.severity === 'high' ? 0 : 1 });
    }
  }
  return out;
}

/** Every need of the visit (unordered; see the file comment). */
export function visitNeeds({ flags, running, closed, measures, definitions, facts }: NeedInputs): Need[] {
  const needs: Need[] = [];
  const suicide = flags.find((f) => f.id === 'suicide-risk');
  if (suicide) {
    needs.push({
      key: 'suicide-risk',
      tier: 0,
      kind: 'safety',
      text: suicide.severity === 'high' ? SAFETY_ACTION_TEXT : SUICIDE_HISTORY_ACTION_TEXT,
      source: suicide.id,
      gaps: [],
      flags: [suicide.id],
    });
  }
  const discharge = dischargeNeed(flags, running, definitions);
  if (discharge) {
    needs.push(discharge);
  }
  const depression = definitions.find((d) => d.kind === 'depression-screening');
  const depressionGapIds = depression?.gapIds ?? [];
  needs.push(...depressionNeeds(flags, running, facts, depression, measures));
  needs.push(...sdohNeeds(flags, running, closed));
  const handled = new Set(needs.flatMap((n) => n.gaps.map((g) => g.id)));
  for (const g of running) {
    if (handled.has(g.id) || [...depressionGapIds, 'phq9-monitoring', 'depression-screening-coding'].includes(g.id)) {
      continue;
    }
    const fam = family(g);
    const siblings = running.filter((x) => family(x) === fam && x.id.split(':')[0] === g.id.split(':')[0]);
    siblings.forEach((x) => handled.add(x.id));
    const def = definitions.find((d) => d.action && d.gapIds.includes(g.id));
    const result = def && measures.find((m) => m.id === def.id);
    const step = def && measureStep(def, result, g.id);
    const text = def?.action?.describe?.(result, g) ?? step?.text ?? GAP_ACTION_TEXT[fam] ?? g.closes ?? g.title;
    const form: VisitActionForm | undefined = step?.forms?.[0];
    needs.push({
      key: fam,
      tier: 3,
      kind: 'gap',
      text,
      source: g.id,
      gaps: siblings,
      flags: [],
      ...(form ? { form } : {}),
      ...(def?.action ? { priority: def.action.priority } : {}),
    });
  }
  const answered = new Set(needs.flatMap((n) => n.flags));
  const openFamilies = new Set(running.map(family));
  for (const f of flags) {
    if (answered.has(f.id) || f.severity === 'info' || f.id.startsWith('sdoh-need:')) {
      continue;
    }
    const text = FLAG_ACTION_TEXT[f.id];
    if (!text || (FLAG_COVERED_BY_GAPS[f.id] ?? []).some((fam) => openFamilies.has(fam))) {
      continue;
    }
    needs.push({
      key: `flag:${f.id}`,
      tier: 4,
      kind: 'flag',
      text,
      source: f.id,
      gaps: [],
      flags: [f.id],
      severityRank: f.severity === 'high' ? 0 : 1,
    });
  }
  return needs;
}
