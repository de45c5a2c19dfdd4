/**
 * Orders what the panel lists so the clinician reads the most important first: risk flags by
 * severity with suicide risk always on top (a safety finding needs same-day action), open gaps
 * with those closable in this visit (from the panel itself) first, then by due date.
 */
import type { FlagResult, GapResult } from '../../engine/index.ts';
import type { ScreeningFormKind } from '../screening-forms/screening-drafts.ts';

const SEVERITY_RANK: Readonly<Record<FlagResult['severity'], number>> = { high: 0, moderate: 1, info: 2 };

/** Flags: suicide-risk first, then high → moderate → info, otherwise in engine order. */
export function orderFlags(flags: readonly FlagResult[]): FlagResult[] {
  const rank = (f: FlagResult) => (f.id === 'suicide-risk' ? -1 : (SEVERITY_RANK[f.severity] ?? 3));
  return flags
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * Flags that call for action at this visit, shown before "Do this visit": suicide risk and
 * interpersonal safety whatever their severity, and — when high — a recent psychiatric admission
 * and severe depression (#12 §4: safety first). Long-standing risk (SMI, SUD, frequent ED use,
 * polypharmacy …) follows the visit's actions.
 */
export function isSafetyFlag(f: Pick<FlagResult, 'id' | 'severity'>): boolean {
  if (f.id === 'suicide-risk' || f.id === 'sdoh-need:safety') {
    return true;
  }
  return f.severity === 'high' && (f.id === 'psych-admission-recent' || f.id === 'depression-severity');
}

/** Which in-panel action closes a gap, if any (the screening form to open). */
export type GapAction = ScreeningFormKind;

/**
 * The panel actions that close a gap in this visit, most likely first: CMS2 screening (PHQ) or,
 * after a positive screen, its follow-up plan (then the PHQ too: a new screen replaces the old);
 * PHQ-9 monitoring (PHQ); SDOH screening (AHC HRSN). A CMS2 gap that asks for a screen offers no
 * follow-up plan: CMS2 counts a plan only after a positive screen, so it could not close the gap
 * (the header's "Screen now" still opens the plan form).
 */
export function gapActions(gap: GapResult): GapAction[] {
  if (gap.status !== 'open') {
    return [];
  }
  if (gap.id === 'cms2') {
    return needsFollowUp(gap) ? ['follow-up', 'phq'] : ['phq'];
  }
  if (gap.id === 'phq9-monitoring' || gap.id === 'depression-screening-coding') {
    return ['phq'];
  }
  if (gap.id === 'sdoh-screening') {
    return ['hrsn'];
  }
  return [];
}

/** True when an open CMS2 gap asks for a follow-up plan (a positive screen without one). */
export function needsFollowUp(gap: GapResult): boolean {
  // Only `closes` says what is missing (`why` repeats the measure title, which names the follow-up).
  return /follow[- ]?up plan/i.test(gap.closes ?? '');
}

/** Open gaps: closable in the panel first, then by due date (none last), then by title. */
export function orderOpenGaps(gaps: readonly GapResult[]): GapResult[] {
  return gaps
    .filter((g) => g.status === 'open')
    .sort(
      (a, b) =>
        Number(gapActions(b).length > 0) - Number(gapActions(a).length > 0) ||
        (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') ||
        a.title.localeCompare(b.title),
    );
}

/** Gaps that are closed (shown collapsed, with their closing evidence). */
export function closedGaps(gaps: readonly GapResult[]): GapResult[] {
  return gaps.filter((g) => g.status === 'closed');
}

/** Gaps that could not be decided (data missing). */
export function unknownGaps(gaps: readonly GapResult[]): GapResult[] {
  return gaps.filter((g) => g.status === 'unknown');
}
