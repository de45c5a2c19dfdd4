/**
 * `tcm-7`, `tcm-14`: a face-to-face visit within 7 / 14 days of ANY inpatient discharge — the
 * windows of transitional care management CPT 99496 (high complexity, 7 days) and 99495
 * (moderate complexity, 14 days), ../shared/design/measures.md §5. The anchor is the most recent
 * discharge in the look-back (a readmission naturally becomes the later discharge); the visit must
 * fall after the discharge day (a documented choice, FIRST_FOLLOW_UP_DAY.tcm) and be face to face
 * (office, home or video — not telephone-only).
 */
import type { GapDefinition } from '../measure-definition.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { GapResult } from '../types.ts';
import { ANY_INPATIENT_CLASSES, DEFAULT_GAP_POLICY, FIRST_FOLLOW_UP_DAY, TCM_WINDOW_DAYS, type GapPolicy } from './gap-policy.ts';
import { dischargeAnchor, inpatientStays } from './index-events.ts';
import { faceToFaceVisits } from './follow-up-visits.ts';
import { noIndexGap, windowGap, type WindowIndex } from './follow-up-window.ts';

const REQUIRES = ['Encounter'] as const;
const INDEX_LABEL = 'inpatient discharge';
const VISIT_LABEL = 'a face-to-face transitional-care visit';

/** The TCM gap family under a policy. */
export function tcmGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return {
    ids: Object.keys(TCM_WINDOW_DAYS),
    requires: REQUIRES,
    evaluate(ctx: EvaluationContext): GapResult[] {
      const anchor = dischargeAnchor(ctx, inpatientStays(ctx, ANY_INPATIENT_CLASSES), () => true, policy);
      const visits = anchor.kind === 'discharged' ? faceToFaceVisits(ctx) : [];
      return Object.entries(TCM_WINDOW_DAYS).map(([id, days]) => {
        const spec = {
          id,
          title: `Face-to-face visit within ${days} days of discharge (TCM)`,
          firstDay: FIRST_FOLLOW_UP_DAY.tcm,
          windowDays: days,
          indexLabel: INDEX_LABEL,
          visitLabel: VISIT_LABEL,
        };
        if (anchor.kind === 'none') return noIndexGap(ctx, spec, REQUIRES, policy.lookbackDays);
        if (anchor.kind === 'readmitted')
          return noIndexGap(ctx, spec, REQUIRES, policy.lookbackDays,
            `In hospital since ${isoDay(anchor.stay.admitDay)}; the transitional-care window starts at discharge.`);
        const index: WindowIndex = {
          day: anchor.anchor.dischargeDay!,
          evidence: [{ reference: anchor.anchor.reference, rule: 'inpatient-discharge', date: isoDay(anchor.anchor.dischargeDay!) }],
        };
        return windowGap(ctx, spec, index, visits, REQUIRES);
      });
    },
  };
}
