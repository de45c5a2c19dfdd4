/**
 * The visit action of an open CMS2 gap, one step per way the numerator can still be met
 * (CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001 "Numerator": a negative screen, or a positive
 * screen with a follow-up plan). The measure's result names the step (`closingStep`), decided
 * from its screenings, never from its display text:
 *  - `follow-up`: the most recent screen is positive and has no follow-up plan;
 *  - `code`: a screening exists whose result is neither the positive nor the negative finding;
 *  - `screen`: no screening counts for a qualifying visit yet.
 */
import type { MeasureAction, MeasureStep } from '../measure-definition.ts';

/** The steps an open CMS2 gap can ask for. */
export type Cms2Step = 'follow-up' | 'code' | 'screen';

/** CMS2's action: the depression needs come early among the gaps (this panel is for behavioral health). */
export const CMS2_ACTION: MeasureAction & { steps: Readonly<Record<Cms2Step, MeasureStep>> } = {
  priority: 60,
  steps: {
    // A follow-up plan counts only after a positive screen ("Numerator": positive screen "and"
    // follow-up), so a gap that still asks for a screen (or its coding) offers the PHQ alone.
    default: { text: 'PHQ-9 due (depression screening)', forms: ['phq'] },
    screen: { text: 'PHQ-9 due (depression screening)', forms: ['phq'] },
    code: { text: 'Code the PHQ-9 result as a depression screen', forms: ['phq'] },
    'follow-up': { text: 'Document a follow-up plan for the positive depression screen', forms: ['follow-up', 'phq'] },
  },
};
