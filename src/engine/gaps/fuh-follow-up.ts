/**
 * FUH — follow-up after hospitalization for mental illness (HEDIS; ../shared/design/measures.md §5,
 * §5.1): index = discharge from an acute inpatient stay whose principal diagnosis is a mental
 * illness or intentional self-harm, patient 6 or older on the discharge day; readmission rules in
 * discharge-episodes.ts; windows 7 and 30 days after discharge, the discharge day itself does not
 * count; the follow-up is with a mental-health practitioner or carries a principal mental-health
 * diagnosis (follow-up-visits.ts). Gaps `fuh-7`, `fuh-30`; measure `fuh` (groups `7-day`, `30-day`).
 */
import type { GapDefinition } from '../measure-definition.ts';
import {
  DEFAULT_GAP_POLICY,
  FIRST_FOLLOW_UP_DAY,
  FOLLOW_UP_MIN_AGE,
  FUH_WINDOW_DAYS,
  type GapPolicy,
} from './gap-policy.ts';
import { fuhCandidates } from './discharge-episodes.ts';
import { closesFuh, followUpVisits } from './follow-up-visits.ts';
import { followUpGaps } from './follow-up-gaps.ts';
import type { FollowUpFamily } from './episode-types.ts';

const VISIT_LABEL =
  'a visit with a mental-health practitioner, or any visit whose principal diagnosis is mental health';

/** The FUH follow-up family. */
export const FUH_FAMILY: FollowUpFamily = {
  id: 'fuh',
  short: 'FUH',
  indexLabel: 'discharge from a mental-health inpatient stay',
  firstDay: FIRST_FOLLOW_UP_DAY.fuh,
  minAge: FOLLOW_UP_MIN_AGE.fuh,
  exclusions: 'hedis',
  requires: ['Encounter', 'Condition'],
  windows: Object.entries(FUH_WINDOW_DAYS).map(([gapId, days]) => ({
    gapId,
    groupId: `${days}-day`,
    days,
    closedBy: 'follow-up' as const,
    title: `Follow-up within ${days} days after mental-health hospitalization (FUH)`,
    visitLabel: VISIT_LABEL,
  })),
  candidates: fuhCandidates,
  followUps: (ctx) => followUpVisits(ctx).filter((v) => closesFuh(ctx, v)),
};

/** The FUH gap family (`fuh-7`, `fuh-30`) under a policy. */
export function fuhGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return followUpGaps(FUH_FAMILY, policy);
}
