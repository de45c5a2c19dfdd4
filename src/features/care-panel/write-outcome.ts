/**
 * After a write-back, what happened to the gap the form came from, in one sentence: closed,
 * closing once the visit in context is closed, or still open — and then exactly why (what is
 * still missing, or that the results are not attached to a visit that can count).
 */
import { POINT_OF_CARE_MEASURES, type VisitEvaluation } from '../../engine/index.ts';
import type { ScreeningFormKind } from '../screening-forms/screening-drafts.ts';
import { clinicianClosing, measureOfGap } from './describe-status.ts';
import { populationText, visitName } from './describe-visit.ts';
import type { Plain } from './plain-language-context.ts';

/** The gap of the first measure with a step that records with `form` (CMS2: PHQ, follow-up; SDOH: HRSN). */
function gapOfForm(form: ScreeningFormKind): string {
  const def = POINT_OF_CARE_MEASURES.find((d) =>
    Object.values(d.action?.steps ?? {}).some((step) => step?.forms?.includes(form)),
  );
  return def?.gapIds[0] ?? form;
}

/** The gap a form closes when opened from the header rather than from a gap. */
export const DEFAULT_GAP_OF_FORM: Readonly<Record<ScreeningFormKind, string>> = {
  phq: gapOfForm('phq'),
  'follow-up': gapOfForm('follow-up'),
  hrsn: gapOfForm('hrsn'),
};

/** The outcome of a write for the gap it was meant to close. */
export interface WriteOutcome {
  gapId: string;
  /** Closed now, or once the visit in context is closed. */
  closed: boolean;
  text: string;
}

/** Why results written in this launch cannot count toward a visit (undefined when they can). */
function visitProblem(at: VisitEvaluation): string | undefined {
  switch (at.visit.state) {
    case 'no-visit-in-context':
      return 'The EHR launched the panel without a visit, so the results are not attached to one and cannot count toward a visit this year.';
    case 'not-in-record':
      return `The visit the EHR named (${at.visit.reference ?? 'unknown'}) was not found in the record read, so it cannot count yet.`;
    case 'not-countable':
      return `The visit the EHR named is ${at.visit.status ?? 'not one that took place'}, so it cannot count.`;
    default:
      return undefined;
  }
}

/** The outcome for `gapId` in the evaluation made after the write (the record re-read). */
export function writeOutcome(gapId: string, at: VisitEvaluation, plain: Plain, year: number): WriteOutcome {
  const gap = at.evaluation.gaps.find((g) => g.id === gapId);
  const title = gap?.title ?? gapId;
  if (!gap) {
    return { gapId, closed: false, text: `${title}: no result after the refresh.` };
  }
  if (gap.status === 'closed') {
    const pending = at.gaps[gapId]?.effect === 'closes-when-closed';
    return {
      gapId,
      closed: true,
      text: pending
        ? `${title} closes once ${visitName(at.visit, at.evaluation.asOf)} is closed.`
        : `${title} is closed.`,
    };
  }
  const problem = visitProblem(at);
  if (gap.status === 'open') {
    return {
      gapId,
      closed: false,
      text: `${title} is still open: ${plain(gap.closes ? clinicianClosing(measureOfGap(gap, at.evaluation.measures), gap.closes) : gap.why)}${problem ? ` ${problem}` : ''}`,
    };
  }
  if (gap.status === 'unknown') {
    const reasons = at.evaluation.measures.find((m) => m.id === gap.measureId)?.reasons;
    return {
      gapId,
      closed: false,
      text: `${title} cannot be decided: ${plain(reasons?.length ? reasons.join('; ') : gap.why)}.`,
    };
  }
  const reason = at.measures[gapId]?.notInPopulation;
  const why = reason ? populationText(reason, { visit: at.visit, asOf: at.evaluation.asOf }, year) : plain(gap.why);
  return { gapId, closed: false, text: `${title} does not apply: ${why}${problem ? ` ${problem}` : ''}` };
}
