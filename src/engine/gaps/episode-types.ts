/**
 * The shapes the follow-up episode builder works with. An *episode* is one index event (an FUH or
 * TCM discharge, an FUM or FUA ED visit) with what the published rules make of it: where its
 * follow-up windows start (the anchor: the last discharge of a readmission chain), whether it
 * counts, and the first follow-up in each window. The point-of-care gaps show the latest episode;
 * the period measures count every episode of the period — the same episodes, built once.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { Evidence } from '../types.ts';
import type { GapPolicy } from './gap-policy.ts';
import type { FollowUpEvent } from './follow-up-visits.ts';

/** The four follow-up families. */
export type FollowUpFamilyId = 'fuh' | 'fum' | 'fua' | 'tcm';

/** One encounter an episode starts from or moves through. */
export interface IndexEvent {
  encounter: fhir4.Encounter;
  reference: string;
  /** Discharge day (stays) or start day (ED visits). */
  day: number;
  /** Evidence rule name, e.g. `mental-health-discharge`, `readmission-discharge`, `fum-ed-visit`. */
  rule: string;
}

/**
 * - `eligible`: counts (initial population, denominator);
 * - `excluded`: counts, then a denominator exclusion applies (hospice, death);
 * - `ineligible`: not an index event under the rules (kept as evidence, with the reason);
 * - `unknown`: the record cannot tell whether it counts (e.g. no discharge disposition for TCM);
 * - `pending`: readmitted and still in hospital on asOf — the windows start at that discharge.
 */
export type EpisodeStatus = 'eligible' | 'excluded' | 'ineligible' | 'unknown' | 'pending';

/** An index event and what the family's index rules make of it (before age and exclusions). */
export interface EpisodeCandidate {
  index: IndexEvent;
  /** Where the windows start (the index itself unless a readmission chain moved it). */
  anchor: IndexEvent;
  /** Readmissions / transfers followed from the index (evidence). */
  chain: IndexEvent[];
  status: Exclude<EpisodeStatus, 'excluded'>;
  /** Why the status is not `eligible` (plain language, citing the rule). */
  reason?: string;
  /** Extra sentence for `why` texts, e.g. "Readmitted within 30 days; the window runs from the later discharge." */
  note?: string;
  /**
   * Last day on which later data can still change the episode (a readmission or an admission
   * after the ED visit): a period measure counts it only when asOf has reached this day.
   */
  settlesOn: number;
}

/** One follow-up window of an episode. */
export interface EpisodeWindow {
  /** Gap id (`fuh-7`, `tcm-contact-2d`). */
  gapId: string;
  /** Measure group id (`7-day`, `30-day`, `14-day`); absent for a gap-only window. */
  groupId?: string;
  /** First and last day a follow-up counts (inclusive). */
  first: number;
  last: number;
  /** The first follow-up inside the window, if any (on or before asOf). */
  followUp?: FollowUpEvent;
}

/** An episode with its exclusions applied and its windows read. */
export interface FollowUpEpisode extends Omit<EpisodeCandidate, 'status'> {
  family: FollowUpFamilyId;
  status: EpisodeStatus;
  /** Index, chain and exclusion evidence. */
  evidence: Evidence[];
  windows: EpisodeWindow[];
}

/** Index days an episode may start on (inclusive epoch days). */
export interface IndexRange {
  from: number;
  to: number;
}

/** One follow-up window of a family. */
export interface FollowUpWindowDef {
  gapId: string;
  groupId?: string;
  /** Calendar days after the anchor day (inclusive) … */
  days?: number;
  /** … or business days after the anchor day (business-days.ts). */
  businessDays?: number;
  /** What closes it: the family's follow-ups, or a TCM interactive contact. */
  closedBy: 'follow-up' | 'contact';
  title: string;
  /** Kind of event that closes it, e.g. "an outpatient or telehealth visit with a mental-health diagnosis". */
  visitLabel: string;
}

/** A follow-up family: its index rules, windows, follow-ups and exclusions. */
export interface FollowUpFamily {
  id: FollowUpFamilyId;
  short: string;
  /** Plain-language index event, e.g. "discharge from a mental-health inpatient stay". */
  indexLabel: string;
  /** First day after the anchor on which a follow-up counts (0 = the anchor day counts). */
  firstDay: number;
  /** Minimum age on the anchor day. */
  minAge: number;
  /** `hedis`: hospice or death in the measurement year exclude every episode; `tcm`: death within the 30-day service period. */
  exclusions: 'hedis' | 'tcm';
  requires: readonly string[];
  windows: readonly FollowUpWindowDef[];
  /** Candidate episodes whose index day lies in `range`. */
  candidates(ctx: EvaluationContext, policy: GapPolicy, range: IndexRange): EpisodeCandidate[];
  /** Events that close the `follow-up` windows, oldest first. */
  followUps(ctx: EvaluationContext): readonly FollowUpEvent[];
}
