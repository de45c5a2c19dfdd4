/**
 * TCM — transitional care management after a discharge to the community (CPT 99495 / 99496; CMS
 * MLN908628 and TCM FAQ; ../shared/design/measures.md §5, §5.1). Index rules in
 * discharge-episodes.ts (community discharges only; death, hospice and transfers are not; no
 * disposition → unknown); no age limit; death within the 30-day service period excludes.
 * - `tcm-7`, `tcm-14`: a face-to-face visit (office, home or real-time video) within 7 days
 *   (99496, high complexity) or 14 days (99495) of discharge; the discharge day does not count
 *   (a documented choice, FIRST_FOLLOW_UP_DAY.tcm). Measure `tcm` (groups `7-day`, `14-day`).
 * - `tcm-contact-2d`: an interactive contact (direct, telephone or electronic) within 2 business
 *   days following the discharge (business-days.ts, interactive-contacts.ts). A gap only.
 */
import type { GapDefinition } from '../measure-definition.ts';
import {
  DEFAULT_GAP_POLICY,
  FIRST_FOLLOW_UP_DAY,
  FOLLOW_UP_MIN_AGE,
  TCM_CONTACT_GAP_ID,
  TCM_WINDOW_DAYS,
  type GapPolicy,
} from './gap-policy.ts';
import { tcmCandidates } from './discharge-episodes.ts';
import { followUpVisits, isFaceToFace } from './follow-up-visits.ts';
import { followUpGaps } from './follow-up-gaps.ts';
import type { FollowUpFamily, FollowUpWindowDef } from './episode-types.ts';

function tcmWindows(contactBusinessDays: number): FollowUpWindowDef[] {
  return [
    ...Object.entries(TCM_WINDOW_DAYS).map(([gapId, days]) => ({
      gapId,
      groupId: `${days}-day`,
      days,
      closedBy: 'follow-up' as const,
      title: `Face-to-face visit within ${days} days of discharge (TCM)`,
      visitLabel: 'a face-to-face transitional-care visit (office, home or video)',
    })),
    {
      gapId: TCM_CONTACT_GAP_ID,
      businessDays: contactBusinessDays,
      closedBy: 'contact' as const,
      title: `Contact within ${contactBusinessDays} business days of discharge (TCM)`,
      visitLabel: 'an interactive contact with the patient or caregiver (telephone, video, portal or visit)',
    },
  ];
}

/** The TCM follow-up family under a policy (the contact window's length comes from the policy). */
export function tcmFamily(policy: GapPolicy = DEFAULT_GAP_POLICY): FollowUpFamily {
  return {
    id: 'tcm',
    short: 'TCM',
    indexLabel: 'discharge from hospital or facility care',
    firstDay: FIRST_FOLLOW_UP_DAY.tcm,
    minAge: FOLLOW_UP_MIN_AGE.tcm,
    exclusions: 'tcm',
    requires: ['Encounter'],
    windows: tcmWindows(policy.tcmContactBusinessDays),
    candidates: tcmCandidates,
    followUps: (ctx) => followUpVisits(ctx).filter((v) => isFaceToFace(ctx, v)),
  };
}

/** The TCM follow-up family under the default policy. */
export const TCM_FAMILY: FollowUpFamily = tcmFamily(DEFAULT_GAP_POLICY);

/** The TCM gap family (`tcm-7`, `tcm-14`, `tcm-contact-2d`) under a policy. */
export function tcmGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return followUpGaps(policy === DEFAULT_GAP_POLICY ? TCM_FAMILY : tcmFamily(policy), policy);
}
