/**
 * Counting a patient's follow-up episodes into the populations of one rate (population basis
 * Encounter: every index event in the period counts, HEDIS-style — a patient with three qualifying
 * discharges contributes three). Per episode and rate (cqf-measures proportion precedence:
 * exclusion before numerator):
 * - eligible → initial population and denominator; numerator when the window holds a follow-up;
 * - excluded (hospice, death) → initial population, denominator and denominator exclusion;
 * - not counted yet (`inProgress`): a pending readmission, or asOf before the window's last day or
 *   before the episode settles (a readmission / post-ED admission could still remove it) — with
 *   asOf at the period end (the default) every index event of the index period is settled;
 * - `unknown`: the record cannot tell whether the event counts; not in the populations;
 * - ineligible (not an index event under the rules): nowhere.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { FollowUpEpisode } from '../gaps/episode-types.ts';
import type { MeasureGroupResult, MeasureStatus, PopulationCounts } from '../types.ts';

/** Zero counts. */
export function zeroPopulations(): PopulationCounts {
  return {
    'initial-population': 0,
    denominator: 0,
    'denominator-exclusion': 0,
    'denominator-exception': 0,
    numerator: 0,
  };
}

/** Status of one rate for one patient from its counts. */
export function groupStatus(c: PopulationCounts, unknown: number): MeasureStatus {
  if (!c['initial-population']) {
    return unknown ? 'unknown' : 'not-in-population';
  }
  if (c['denominator-exclusion'] === c.denominator) {
    return 'excluded';
  }
  return c.numerator === c.denominator - c['denominator-exclusion'] ? 'met' : 'not-met';
}

/** How one episode counts in one rate. */
export type EpisodeCount = 'numerator' | 'denominator' | 'excluded' | 'in-progress' | 'unknown' | 'not-counted';

/** How one episode counts in the rate `groupId` on asOf. */
export function countOf(ctx: EvaluationContext, e: FollowUpEpisode, groupId: string): EpisodeCount {
  if (e.status === 'ineligible') {
    return 'not-counted';
  }
  if (e.status === 'pending') {
    return 'in-progress';
  }
  const w = e.windows.find((x) => x.groupId === groupId);
  if (!w) {
    return 'not-counted';
  }
  if (ctx.asOfDay < Math.max(w.last, e.settlesOn)) {
    return 'in-progress';
  }
  if (e.status === 'unknown') {
    return 'unknown';
  }
  if (e.status === 'excluded') {
    return 'excluded';
  }
  return w.followUp ? 'numerator' : 'denominator';
}

/** The rate `groupId` over a patient's episodes. */
export function tallyGroup(
  ctx: EvaluationContext,
  episodes: readonly FollowUpEpisode[],
  groupId: string,
): MeasureGroupResult {
  const populations = zeroPopulations();
  let inProgress = 0;
  let unknown = 0;
  for (const e of episodes) {
    const count = countOf(ctx, e, groupId);
    if (count === 'in-progress') {
      inProgress++;
    } else if (count === 'unknown') {
      unknown++;
    } else if (count !== 'not-counted') {
      populations['initial-population']++;
      populations.denominator++;
      if (count === 'excluded') {
        populations['denominator-exclusion']++;
      }
      if (count === 'numerator') {
        populations.numerator++;
      }
    }
  }
  return { id: groupId, status: groupStatus(populations, unknown), populations, inProgress, unknown };
}

/** The patient's overall status over the rates: not met if any rate is, else met, else excluded, else unknown, else not in population. */
export function overallStatus(groups: readonly MeasureGroupResult[]): MeasureStatus {
  for (const s of ['not-met', 'met', 'excluded', 'unknown'] as const) {
    if (groups.some((g) => g.status === s)) {
      return s;
    }
  }
  return 'not-in-population';
}
