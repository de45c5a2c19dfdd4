/**
 * What the clinician has entered in each form, held by the panel (not by the lazily loaded forms)
 * so that answers survive a failed write, closing the form, and a record refresh.
 */
import { EMPTY_FOLLOW_UP, type FollowUpDraft } from './follow-up-form.tsx';
import type { HrsnAnswers } from './hrsn-scoring.ts';
import type { PhqAnswers } from './phq-scoring.ts';

/** The three forms the panel can open. */
export type ScreeningFormKind = 'phq' | 'follow-up' | 'hrsn';

/** Drafts of every form. */
export interface ScreeningDrafts {
  phq: PhqAnswers;
  phqFull: boolean;
  hrsn: HrsnAnswers;
  followUp: FollowUpDraft;
}

/** Empty drafts. */
export const EMPTY_DRAFTS: ScreeningDrafts = { phq: [], phqFull: false, hrsn: {}, followUp: EMPTY_FOLLOW_UP };

/** Drafts with one form reset (after its data were saved). */
export function resetDraft(drafts: ScreeningDrafts, form: ScreeningFormKind): ScreeningDrafts {
  if (form === 'phq') {
    return { ...drafts, phq: [], phqFull: false };
  }
  if (form === 'hrsn') {
    return { ...drafts, hrsn: {} };
  }
  return { ...drafts, followUp: EMPTY_FOLLOW_UP };
}
