/**
 * The ONE follow-up episode builder: the point-of-care gaps (`fuh-7` …, follow-up-gaps.ts) and the
 * period measures (`fuh`, `fum`, `fua`, `tcm`, episode-measures/) both call it, so a visit that
 * closes a gap is the visit that puts the episode in the numerator, and an index event the gap
 * ignores is one the measure does not count.
 * Steps, for one family and a range of index days:
 * 1. the family's index rules (discharge-episodes.ts, ed-episodes.ts);
 * 2. age on the anchor day (HEDIS FUH/FUM ≥ 6, FUA ≥ 13; gap-policy.ts FOLLOW_UP_MIN_AGE) — a
 *    younger patient's event is not an index event, an unreadable birth date makes it unknown;
 * 3. exclusions (follow-up-exclusions.ts) — HEDIS: hospice, or death in the measurement year,
 *    excludes every episode; TCM: death within the 30-day service period;
 * 4. each window's first follow-up on or before asOf.
 * Memoised per evaluation, policy, family and range.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { ageInYearsOn, isoDay } from '../cql/calendar-days.ts';
import type { Evidence } from '../types.ts';
import { addBusinessDays } from './business-days.ts';
import type { GapPolicy } from './gap-policy.ts';
import { hospiceUntilAsOf, patientDeath } from './follow-up-exclusions.ts';
import { dayRangeOfValue } from './encounter-facts.ts';
import { interactiveContacts } from './interactive-contacts.ts';
import type { FollowUpEvent } from './follow-up-visits.ts';
import type {
  EpisodeCandidate,
  EpisodeStatus,
  EpisodeWindow,
  FollowUpEpisode,
  FollowUpFamily,
  IndexRange,
} from './episode-types.ts';

/** The CMS TCM service period: the discharge day and the next 29 days (CMS TCM FAQ). */
export const TCM_SERVICE_PERIOD_DAYS = 30;

const MEMO = new WeakMap<EvaluationContext, WeakMap<GapPolicy, Map<string, FollowUpEpisode[]>>>();

/** Every episode of a family whose index day lies in `range`, oldest first. */
export function followUpEpisodes(
  ctx: EvaluationContext,
  family: FollowUpFamily,
  policy: GapPolicy,
  range: IndexRange,
): readonly FollowUpEpisode[] {
  let byPolicy = MEMO.get(ctx);
  if (!byPolicy) {
    MEMO.set(ctx, (byPolicy = new WeakMap()));
  }
  let byKey = byPolicy.get(policy);
  if (!byKey) {
    byPolicy.set(policy, (byKey = new Map()));
  }
  const key = `${family.id}|${range.from}|${range.to}`;
  let out = byKey.get(key);
  if (!out) {
    const events = lazyEvents(ctx, family);
    byKey.set(key, (out = family.candidates(ctx, policy, range).map((c) => episodeOf(ctx, family, c, events))));
  }
  return out;
}

/** What closes each kind of window, read once per build and only when an episode needs it. */
type WindowEvents = (closedBy: 'follow-up' | 'contact') => readonly FollowUpEvent[];

function lazyEvents(ctx: EvaluationContext, family: FollowUpFamily): WindowEvents {
  const read = new Map<string, readonly FollowUpEvent[]>();
  return (closedBy) => {
    let events = read.get(closedBy);
    if (!events) {
      read.set(closedBy, (events = closedBy === 'contact' ? interactiveContacts(ctx) : family.followUps(ctx)));
    }
    return events;
  };
}

interface Verdict {
  status: EpisodeStatus;
  reason?: string;
  evidence?: Evidence[];
}

/**
 * Age rule (step 2). An imprecise birth date (a year, a month) is read as CQL reads an uncertain
 * age: the rule holds when every possible age satisfies it, fails when none does, else unknown.
 */
function ageVerdict(ctx: EvaluationContext, family: FollowUpFamily, day: number): Verdict | undefined {
  if (family.minAge <= 0) {
    return undefined;
  }
  const birth = dayRangeOfValue(ctx.record.patient.birthDate);
  const youngest = birth ? ageInYearsOn(isoDay(birth.high), day) : undefined;
  const oldest = birth ? ageInYearsOn(isoDay(birth.low), day) : undefined;
  if (youngest !== undefined && youngest >= family.minAge) {
    return undefined;
  }
  if (oldest !== undefined && oldest < family.minAge) {
    return {
      status: 'ineligible',
      reason: `The patient was ${oldest} on ${isoDay(day)}; ${family.short} counts patients aged ${family.minAge} and over.`,
    };
  }
  return {
    status: 'unknown',
    reason: `The birth date is missing or too imprecise to tell whether the patient was ${family.minAge} or older on ${isoDay(day)} (${family.short} counts patients aged ${family.minAge} and over).`,
  };
}

/** Exclusions (step 3). */
function exclusionVerdict(ctx: EvaluationContext, family: FollowUpFamily, anchorDay: number): Verdict | undefined {
  const death = patientDeath(ctx);
  if (family.exclusions === 'hedis') {
    if (death?.day === undefined && death) {
      return {
        status: 'unknown',
        reason: `The record says the patient died but not when: ${family.short} excludes members who die during the measurement year.`,
        evidence: [death.evidence],
      };
    }
    if (death && death.day! <= ctx.periodEndDay) {
      return {
        status: 'excluded',
        reason: `The patient died on ${isoDay(death.day!)}: ${family.short} excludes members who die during the measurement year.`,
        evidence: [death.evidence],
      };
    }
    const hospice = hospiceUntilAsOf(ctx);
    if (hospice.length) {
      return {
        status: 'excluded',
        reason: `Hospice care in the measurement period: ${family.short} excludes members in hospice or using hospice services.`,
        evidence: hospice,
      };
    }
    return undefined;
  }
  if (!death) {
    return undefined;
  }
  if (death.day === undefined) {
    return {
      status: 'unknown',
      reason:
        'The record says the patient died but not when: TCM cannot be reported when the patient dies within the 30-day service period.',
      evidence: [death.evidence],
    };
  }
  if (death.day <= anchorDay + TCM_SERVICE_PERIOD_DAYS - 1) {
    return {
      status: 'excluded',
      reason: `The patient died on ${isoDay(death.day)}, within the 30-day TCM service period (CMS: TCM cannot be reported).`,
      evidence: [death.evidence],
    };
  }
  return undefined;
}

function firstIn(events: readonly FollowUpEvent[], first: number, last: number): FollowUpEvent | undefined {
  return events.find((e) => e.day >= first && e.day <= last);
}

/** The family's windows from an anchor day (step 4). */
function windowsOf(family: FollowUpFamily, anchorDay: number, events: WindowEvents): EpisodeWindow[] {
  return family.windows.map((w) => {
    const first = w.businessDays !== undefined ? anchorDay + 1 : anchorDay + family.firstDay;
    const last = w.businessDays !== undefined ? addBusinessDays(anchorDay, w.businessDays) : anchorDay + (w.days ?? 0);
    const followUp = firstIn(events(w.closedBy), first, last);
    return {
      gapId: w.gapId,
      ...(w.groupId ? { groupId: w.groupId } : {}),
      first,
      last,
      ...(followUp ? { followUp } : {}),
    };
  });
}

function episodeOf(
  ctx: EvaluationContext,
  family: FollowUpFamily,
  c: EpisodeCandidate,
  events: WindowEvents,
): FollowUpEpisode {
  const evidence: Evidence[] = [c.index, ...c.chain].map((e) => ({
    reference: e.reference,
    rule: e.rule,
    date: isoDay(e.day),
  }));
  let verdict: Verdict = { status: c.status, ...(c.reason ? { reason: c.reason } : {}) };
  if (c.status === 'eligible' || c.status === 'unknown') {
    const age = ageVerdict(ctx, family, c.anchor.day);
    const excluded = age?.status === 'ineligible' ? undefined : exclusionVerdict(ctx, family, c.anchor.day);
    verdict = age?.status === 'ineligible' ? age : (excluded ?? age ?? verdict);
  }
  if (verdict.evidence) {
    evidence.push(...verdict.evidence);
  }
  const { status: _s, reason: _r, ...rest } = c;
  const counted = verdict.status === 'eligible' || verdict.status === 'excluded' || verdict.status === 'unknown';
  return {
    ...rest,
    family: family.id,
    status: verdict.status,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    evidence,
    windows: counted ? windowsOf(family, c.anchor.day, events) : [],
  };
}
