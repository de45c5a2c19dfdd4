/**
 * The point-of-care gaps of a follow-up family, from the shared episode builder
 * (follow-up-episodes.ts): one gap per window of the latest episode whose index event lies within
 * the look-back (INDEX_EVENT_LOOKBACK_DAYS before asOf).
 * - A deceased patient (Patient.deceased*, or a stay discharged "expired") has no follow-up gaps:
 *   every window is `not-applicable`, saying so.
 * - The latest episode that counts (eligible, excluded, unknown or pending) is shown; when the look-
 *   back holds only events that are not index events (an ED visit followed by an admission, a
 *   psychiatric discharge followed by a non-mental-health readmission, a discharge to a skilled-
 *   nursing facility for TCM …), the gap is `not-applicable` and says which rule removed it.
 * - Excluded (hospice, death) and pending (readmitted, still in hospital) episodes are
 *   `not-applicable` with the reason; an episode whose eligibility is unknown is `unknown` unless
 *   a follow-up already closed the window.
 */
import type { GapDefinition } from '../measure-definition.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { GapResult } from '../types.ts';
import type { GapPolicy } from './gap-policy.ts';
import type { FollowUpEpisode, FollowUpFamily, FollowUpWindowDef } from './episode-types.ts';
import { followUpEpisodes } from './follow-up-episodes.ts';
import { patientDeath } from './follow-up-exclusions.ts';
import { noIndexGap, windowGap, type WindowSpec } from './follow-up-window.ts';

function specOf(family: FollowUpFamily, w: FollowUpWindowDef): WindowSpec {
  return {
    id: w.gapId,
    title: w.title,
    indexLabel: family.indexLabel,
    visitLabel: w.visitLabel,
    lengthLabel: w.businessDays !== undefined ? `${w.businessDays} business days` : `${w.days} days`,
    indexDayCounts: w.businessDays === undefined && family.firstDay === 0,
  };
}

/** Data a window's verdict depends on: the family's inputs, plus Procedure for TCM contacts recorded as procedures. */
function requiresOf(family: FollowUpFamily, w: FollowUpWindowDef): readonly string[] {
  return w.closedBy === 'contact' ? [...family.requires, 'Procedure'] : family.requires;
}

/** The latest episode to show: one that counts, else the latest non-index event (for its reason). */
function currentEpisode(episodes: readonly FollowUpEpisode[], earliest: number): FollowUpEpisode | undefined {
  const recent = episodes.filter((e) => e.index.day >= earliest);
  for (let i = recent.length - 1; i >= 0; i--) {
    if (recent[i]!.status !== 'ineligible') {
      return recent[i];
    }
  }
  return recent[recent.length - 1];
}

function episodeGap(
  ctx: EvaluationContext,
  family: FollowUpFamily,
  w: FollowUpWindowDef,
  e: FollowUpEpisode,
  policy: GapPolicy,
): GapResult {
  const spec = specOf(family, w);
  if (e.status === 'ineligible' || e.status === 'pending' || e.status === 'excluded') {
    return noIndexGap(ctx, spec, family.requires, policy.lookbackDays, e.reason, e.evidence);
  }
  const window = e.windows.find((x) => x.gapId === w.gapId)!;
  return windowGap(
    ctx,
    spec,
    {
      day: e.anchor.day,
      evidence: e.evidence,
      ...(e.note ? { note: e.note } : {}),
      ...(e.status === 'unknown' && e.reason ? { unknownReason: e.reason } : {}),
    },
    window,
    requiresOf(family, w),
  );
}

/** The gap family of a follow-up family under a policy. */
export function followUpGaps(family: FollowUpFamily, policy: GapPolicy): GapDefinition {
  return {
    ids: family.windows.map((w) => w.gapId),
    requires: family.requires,
    evaluate(ctx: EvaluationContext): GapResult[] {
      const death = patientDeath(ctx);
      if (death) {
        const when = death.day !== undefined ? ` on ${isoDay(death.day)}` : '';
        return family.windows.map((w) => ({
          id: w.gapId,
          title: w.title,
          status: 'not-applicable',
          why: `The patient died${when}; follow-up after a ${family.indexLabel} no longer applies.`,
          evidence: [death.evidence],
        }));
      }
      const earliest = ctx.asOfDay - policy.lookbackDays;
      // ED families look further back so that a 31-day period that began before the look-back is respected
      const from = family.id === 'fum' || family.id === 'fua' ? earliest - policy.edEpisodeDays : earliest;
      const episode = currentEpisode(followUpEpisodes(ctx, family, policy, { from, to: ctx.asOfDay }), earliest);
      return family.windows.map((w) =>
        episode
          ? episodeGap(ctx, family, w, episode, policy)
          : noIndexGap(ctx, specOf(family, w), family.requires, policy.lookbackDays),
      );
    },
  };
}
