/**
 * A period-level, episode-based follow-up measure (`fuh`, `fum`, `fua`, `tcm`; issue #15 §1) built
 * on the SAME episodes as the point-of-care gaps (gaps/follow-up-episodes.ts). Every index event of
 * the index period counts (population basis Encounter), one group per rate.
 * Index period (the period is the measurement year in HEDIS; any period works):
 * - FUH, FUM, FUA (`hedis`): index events from the first day of the period to 30 days before its
 *   last day — "January 1 – December 1", so the 30-day window closes inside the year
 *   (measures.md §5). An FUH readmission chain whose last discharge falls after that day is not
 *   counted ("exclude both … if the last discharge occurs after December 1").
 * - TCM (`window-ends-in-period`): discharges whose 14-day window ends in the period (discharge
 *   day from 14 days before the period to 14 days before its end).
 * The patient-level result: `groups` holds each rate; `populations` repeats the first rate;
 * `status` is not-met if any rate is, else met, else excluded, else unknown, else not in
 * population; `unknown` also when an input the rules read is missing or partial (the counts are
 * then provisional, as for the other measures). `detail.events` lists every index event of the
 * period with how it counted, and `evidence` carries the resources behind each.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { MeasureAction, MeasureDefinition } from '../measure-definition.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { incompleteInputs } from '../measures/proportion.ts';
import { DEFAULT_GAP_POLICY, type GapPolicy } from '../gaps/gap-policy.ts';
import { followUpEpisodes } from '../gaps/follow-up-episodes.ts';
import type { FollowUpEpisode, FollowUpFamily, IndexRange } from '../gaps/episode-types.ts';
import type { Evidence, MeasureResult } from '../types.ts';
import { countOf, overallStatus, tallyGroup } from './episode-tally.ts';

/** How the index period is derived from the measurement period (see the file comment). */
export type IndexPeriodRule = 'hedis' | 'window-ends-in-period';

/** What defines one episode measure. */
export interface EpisodeMeasureSpec {
  id: string;
  title: string;
  url: string;
  version: string;
  family: FollowUpFamily;
  indexPeriod: IndexPeriodRule;
  policy?: GapPolicy;
  /** The visit action of its open window gaps (a step per gap family, e.g. TCM's `tcm-contact-2d`). */
  action?: MeasureAction;
}

/** The longest rate window of a family, in days. */
function longestWindow(family: FollowUpFamily): number {
  return Math.max(...family.windows.filter((w) => w.groupId).map((w) => w.days ?? 0));
}

/** The index days of a measure for the evaluation's period. */
export function indexRange(
  ctx: EvaluationContext,
  spec: Pick<EpisodeMeasureSpec, 'family' | 'indexPeriod'>,
): IndexRange {
  const longest = longestWindow(spec.family);
  return spec.indexPeriod === 'hedis'
    ? { from: ctx.periodStartDay, to: ctx.periodEndDay - longest }
    : { from: ctx.periodStartDay - longest, to: ctx.periodEndDay - longest };
}

function afterIndexPeriod(e: FollowUpEpisode, range: IndexRange): FollowUpEpisode {
  return {
    ...e,
    status: 'ineligible',
    reason: `The follow-up windows start on ${isoDay(e.anchor.day)}, after the index period ends on ${isoDay(range.to)}: not counted in this period.`,
    windows: [],
  };
}

/** Evidence of one episode: its resources, each follow-up per rate, and (when it does not count) why. */
function episodeEvidence(ctx: EvaluationContext, e: FollowUpEpisode): Evidence[] {
  const out = e.evidence.map((ev, i) =>
    i === 0 && e.status !== 'eligible' ? { ...ev, value: `${e.status}: ${e.reason ?? ''}`.trim() } : ev,
  );
  for (const w of e.windows) {
    if (!w.groupId || !w.followUp || countOf(ctx, e, w.groupId) !== 'numerator') {
      continue;
    }
    out.push({
      reference: w.followUp.reference,
      rule: `follow-up-${w.groupId}`,
      date: isoDay(w.followUp.day),
      ...(w.followUp.display ? { display: w.followUp.display } : {}),
    });
  }
  return out;
}

/** One event of `detail.events`. */
function eventDetail(ctx: EvaluationContext, e: FollowUpEpisode, groupIds: readonly string[]): Record<string, unknown> {
  return {
    index: e.index.reference,
    indexDate: isoDay(e.index.day),
    anchor: e.anchor.reference,
    anchorDate: isoDay(e.anchor.day),
    status: e.status,
    ...(e.reason ? { reason: e.reason } : {}),
    counts: Object.fromEntries(groupIds.map((g) => [g, countOf(ctx, e, g)])),
    followUps: Object.fromEntries(
      e.windows
        .filter((w) => w.groupId && w.followUp)
        .map((w) => [w.groupId, { reference: w.followUp!.reference, date: isoDay(w.followUp!.day) }]),
    ),
  };
}

/** The measure definition of an episode measure. */
export function episodeMeasure(spec: EpisodeMeasureSpec): MeasureDefinition {
  const policy = spec.policy ?? DEFAULT_GAP_POLICY;
  const groupIds = spec.family.windows.flatMap((w) => (w.groupId ? [w.groupId] : []));
  return {
    id: spec.id,
    title: spec.title,
    url: spec.url,
    version: spec.version,
    requires: spec.family.requires,
    gapIds: spec.family.windows.map((w) => w.gapId),
    populationBasis: 'Encounter',
    ...(spec.action ? { action: spec.action } : {}),
    evaluate(ctx: EvaluationContext): MeasureResult {
      const range = indexRange(ctx, spec);
      const episodes = followUpEpisodes(ctx, spec.family, policy, range).map((e) =>
        e.status !== 'ineligible' && e.anchor.day > range.to ? afterIndexPeriod(e, range) : e,
      );
      const groups = groupIds.map((g) => tallyGroup(ctx, episodes, g));
      const inputs = incompleteInputs(ctx, spec.family.requires);
      const unknownReasons = episodes.filter((e) => e.status === 'unknown' && e.reason).map((e) => e.reason!);
      const status = inputs.length ? 'unknown' : overallStatus(groups);
      const result: MeasureResult = {
        id: spec.id,
        measureUrl: spec.url,
        version: spec.version,
        title: spec.title,
        status,
        populations: { ...groups[0]!.populations },
        evidence: episodes.flatMap((e) => episodeEvidence(ctx, e)),
        populationBasis: 'Encounter',
        groups,
        detail: {
          populationBasis: 'Encounter',
          indexPeriod: { start: isoDay(range.from), end: isoDay(range.to) },
          events: episodes.map((e) => eventDetail(ctx, e, groupIds)),
        },
      };
      if (status === 'unknown') {
        result.reasons = inputs.length ? inputs : [...new Set(unknownReasons)];
      }
      return result;
    },
  };
}
