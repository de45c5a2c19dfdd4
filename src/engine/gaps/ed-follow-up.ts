/**
 * Follow-up after an emergency-department visit (HEDIS FUM and FUA, ../shared/design/measures.md
 * §5, §5.1); index rules in ed-episodes.ts, follow-up rules in follow-up-visits.ts / moud-events.ts.
 * - FUM (`fum-7`, `fum-30`; measure `fum`): mental-health or self-harm ED visit, age ≥ 6;
 * - FUA (`fua-7`, `fua-30`; measure `fua`): substance-use or overdose ED visit, age ≥ 13.
 * The ED date counts (days 0..7 and 0..30: "8 total days", "31 total days").
 */
import type { GapDefinition } from '../measure-definition.ts';
import {
  DEFAULT_GAP_POLICY,
  FIRST_FOLLOW_UP_DAY,
  FOLLOW_UP_MIN_AGE,
  FUA_WINDOW_DAYS,
  FUM_WINDOW_DAYS,
  type GapPolicy,
} from './gap-policy.ts';
import { edCandidates, isFuaIndexVisit, isFumIndexVisit } from './ed-episodes.ts';
import { closesFua, closesFum, followUpVisits, type FollowUpEvent } from './follow-up-visits.ts';
import { moudEvents } from './moud-events.ts';
import { followUpGaps } from './follow-up-gaps.ts';
import type { FollowUpFamily, FollowUpWindowDef } from './episode-types.ts';

function windows(
  byId: Readonly<Record<string, number>>,
  short: string,
  indexLabel: string,
  visitLabel: string,
): FollowUpWindowDef[] {
  return Object.entries(byId).map(([gapId, days]) => ({
    gapId,
    groupId: `${days}-day`,
    days,
    closedBy: 'follow-up' as const,
    title: `Follow-up within ${days} days after ${indexLabel} (${short})`,
    visitLabel,
  }));
}

/** The FUM follow-up family. */
export const FUM_FAMILY: FollowUpFamily = {
  id: 'fum',
  short: 'FUM',
  indexLabel: 'mental-health ED visit',
  firstDay: FIRST_FOLLOW_UP_DAY.fum,
  minAge: FOLLOW_UP_MIN_AGE.fum,
  exclusions: 'hedis',
  requires: ['Encounter', 'Condition'],
  windows: windows(
    FUM_WINDOW_DAYS,
    'FUM',
    'mental-health ED visit',
    'an outpatient, telehealth or behavioral-health visit with a mental-health diagnosis',
  ),
  candidates: (ctx, policy, range) => edCandidates(ctx, policy, range, isFumIndexVisit, 'fum-ed-visit'),
  followUps: (ctx) => followUpVisits(ctx).filter((v) => closesFum(ctx, v)),
};

const FUA_FOLLOW_UPS = new WeakMap<object, FollowUpEvent[]>();

/** The FUA follow-up family. */
export const FUA_FAMILY: FollowUpFamily = {
  id: 'fua',
  short: 'FUA',
  indexLabel: 'substance-use ED visit',
  firstDay: FIRST_FOLLOW_UP_DAY.fua,
  minAge: FOLLOW_UP_MIN_AGE.fua,
  exclusions: 'hedis',
  requires: ['Encounter', 'Condition', 'MedicationRequest', 'Procedure'],
  windows: windows(
    FUA_WINDOW_DAYS,
    'FUA',
    'substance-use ED visit',
    'a visit with a substance-use or overdose diagnosis, or addiction medication (MOUD) prescribed or given',
  ),
  candidates: (ctx, policy, range) => edCandidates(ctx, policy, range, isFuaIndexVisit, 'fua-ed-visit'),
  followUps: (ctx) => {
    let out = FUA_FOLLOW_UPS.get(ctx);
    if (!out) {
      out = [...followUpVisits(ctx).filter((v) => closesFua(ctx, v)), ...moudEvents(ctx)].sort(
        (a, b) => a.day - b.day || a.reference.localeCompare(b.reference),
      );
      FUA_FOLLOW_UPS.set(ctx, out);
    }
    return out;
  },
};

/** The FUM gap family (`fum-7`, `fum-30`) under a policy. */
export function fumGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return followUpGaps(FUM_FAMILY, policy);
}

/** The FUA gap family (`fua-7`, `fua-30`) under a policy. */
export function fuaGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return followUpGaps(FUA_FAMILY, policy);
}
