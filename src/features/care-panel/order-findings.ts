/**
 * Orders what the panel lists so the clinician reads the most important first: risk flags by
 * severity with suicide risk always on top (a safety finding needs same-day action), open gaps
 * with those closable in this visit (from the panel itself) first, then by due date.
 */
import { measureGapForms, type FlagResult, type GapResult, type MeasureResult } from '../../engine/index.ts';
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
 * The panel actions that close a gap in this visit, most likely first: a measure's own gap takes
 * the forms of the step its result names (measure definitions: CMS2 screening — PHQ, or after a
 * positive screen its follow-up plan first; SDOH screening — AHC HRSN); PHQ-9 monitoring and
 * coding a score take the PHQ. A CMS2 gap that asks for a screen offers no follow-up plan: CMS2
 * counts a plan only after a positive screen (cms2-action.ts).
 */
export function gapActions(gap: GapResult, measures: readonly MeasureResult[] = []): GapAction[] {
  if (gap.status !== 'open') {
    return [];
  }
  const forms = measureGapForms(gap, measures);
  if (forms.length) {
    return [...forms];
  }
  if (gap.id === 'phq9-monitoring' || gap.id === 'depression-screening-coding') {
    return ['phq'];
  }
  return [];
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
