/**
 * `fuh-7`, `fuh-30`: follow-up within 7 / 30 days after discharge from an acute inpatient stay
 * whose principal diagnosis is a mental illness or intentional self-harm (HEDIS FUH,
 * ../shared/design/measures.md §5). Visits on the discharge date do not count; a readmission or
 * direct transfer within 30 days moves the anchor to the later discharge. Diagnosis groups are the
 * open approximations in codes/diagnosis-groups.ts.
 */
import type { GapDefinition } from '../measure-definition.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import { conceptInGroup, isIntentionalSelfHarm, MENTAL_ILLNESS } from '../codes/diagnosis-groups.ts';
import { codingsOf } from '../fhir/codings.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { GapResult } from '../types.ts';
import { ACUTE_INPATIENT_CLASSES, DEFAULT_GAP_POLICY, FIRST_FOLLOW_UP_DAY, FUH_WINDOW_DAYS, type GapPolicy } from './gap-policy.ts';
import { principalDiagnosis } from './encounter-facts.ts';
import { dischargeAnchor, inpatientStays, type InpatientStay } from './index-events.ts';
import { followUpVisits } from './follow-up-visits.ts';
import { noIndexGap, windowGap, type WindowIndex } from './follow-up-window.ts';

const REQUIRES = ['Encounter', 'Condition'] as const;
const INDEX_LABEL = 'discharge from a mental-health inpatient stay';
const VISIT_LABEL = 'an outpatient, telehealth or behavioral-health follow-up visit';

/** Whether a diagnosis is a mental illness or intentional self-harm (FUH / FUM denominators). */
export function isMentalHealthDiagnosis(concept: fhir4.CodeableConcept | undefined): boolean {
  return conceptInGroup(MENTAL_ILLNESS, concept) || codingsOf(concept).some((c) => isIntentionalSelfHarm(c));
}

function title(days: number): string {
  return `Follow-up within ${days} days after mental-health hospitalization (FUH)`;
}

/** The FUH gap family under a policy. */
export function fuhGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return {
    ids: Object.keys(FUH_WINDOW_DAYS),
    requires: REQUIRES,
    evaluate(ctx: EvaluationContext): GapResult[] {
      const stays = inpatientStays(ctx, ACUTE_INPATIENT_CLASSES);
      const qualifies = (s: InpatientStay) => isMentalHealthDiagnosis(principalDiagnosis(ctx, s.encounter));
      const anchor = dischargeAnchor(ctx, stays, qualifies, policy);
      const visits = anchor.kind === 'discharged' ? followUpVisits(ctx) : [];
      return Object.entries(FUH_WINDOW_DAYS).map(([id, days]) => {
        const spec = { id, title: title(days), firstDay: FIRST_FOLLOW_UP_DAY.fuh, windowDays: days, indexLabel: INDEX_LABEL, visitLabel: VISIT_LABEL };
        if (anchor.kind === 'none') return noIndexGap(ctx, spec, REQUIRES, policy.lookbackDays);
        if (anchor.kind === 'readmitted')
          return noIndexGap(ctx, spec, REQUIRES, policy.lookbackDays,
            `Readmitted on ${isoDay(anchor.stay.admitDay)} after the mental-health discharge of ${isoDay(anchor.index.dischargeDay!)}; the follow-up window starts at the later discharge.`);
        const index: WindowIndex = {
          day: anchor.anchor.dischargeDay!,
          evidence: [{ reference: anchor.index.reference, rule: 'mental-health-discharge', date: isoDay(anchor.index.dischargeDay!) }],
        };
        if (anchor.anchor !== anchor.index) {
          index.evidence.push({ reference: anchor.anchor.reference, rule: 'readmission-discharge', date: isoDay(anchor.anchor.dischargeDay!) });
          index.note = `Readmitted within ${policy.readmissionDays} days; the window runs from the later discharge.`;
        }
        return windowGap(ctx, spec, index, visits, REQUIRES);
      });
    },
  };
}
