/**
 * CMS2 follow-up for a positive most-recent screening: a referral (ServiceRequest active or
 * completed), a follow-up Procedure (completed), or a depression medication ordered (active or
 * completed, an order intent, whose medicationRequestPeriod overlaps after the encounter) — each
 * of the age-appropriate kind. Timing: the start of the Procedure lies in the encounter period
 * (compared as instants), or the request is authored 2 days or less on or after the day the
 * encounter ends; and that date lies on a day of the measurement period.
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001, defines "Follow Up Intervention for
 * Positive … Depression Screening" and "Most Recent … Depression Screening Positive and Follow Up
 * Provided".
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { displayOf } from '../fhir/codings.ts';
import { add } from '../cql/date-time-arithmetic.ts';
import { DAY, parseDateTime, toDateTime, type CqlDateTime } from '../cql/date-time.ts';
import { choiceRead } from '../cql/fhir-intervals.ts';
import { contains, endOf, interval, overlapsAfter, startOf, type CqlInterval } from '../cql/interval.ts';
import { and3, isTrue, or3, type Tri } from '../cql/logic.ts';
import { medicationRequestPeriod } from '../cql/medication-request-period.ts';
import { medicationRequestsIn } from './cql-libraries/qicore-retrieve.ts';
import { pinnedRef } from '../valuesets/value-set.ts';
import type { QualifyingEncounter } from './cms2-qualifying-encounters.ts';
import { inLookback, type Screening } from './cms2-screening.ts';
import {
  CMS2_KINDS,
  FOLLOW_UP_DAYS_AFTER,
  ORDER_INTENTS,
  PROCEDURE_COMPLETED,
  REQUEST_STATUSES,
  type ScreeningKind,
} from './cms2-terminology.ts';

/** One follow-up intervention that satisfied the numerator. */
export interface FollowUp {
  resource: fhir4.MedicationRequest | fhir4.ServiceRequest | fhir4.Procedure;
  reference: string;
  /** `follow-up-referral`, `follow-up-procedure` or `follow-up-medication`. */
  rule: string;
  date?: string;
  display?: string;
  encounter: QualifyingEncounter;
}

/** A candidate intervention with the dates the timing rule reads. */
interface Candidate {
  resource: FollowUp['resource'];
  rule: string;
  /** `start of performed.toInterval()` (Procedure only). */
  performedStart: CqlDateTime | null;
  /** `authoredOn` (requests only). */
  authoredOn: CqlDateTime | null;
  display?: string;
}

function issueOf(ctx: EvaluationContext, r: fhir4.Resource, field: string): void {
  ctx.issue({
    resourceType: r.resourceType,
    ...(r.id ? { id: r.id } : {}),
    field,
    message: 'not a FHIR date/dateTime',
    severity: 'warning',
  });
}

function authored(ctx: EvaluationContext, r: fhir4.MedicationRequest | fhir4.ServiceRequest): CqlDateTime | null {
  if (r.authoredOn === undefined) {
    return null;
  }
  const v = parseDateTime(r.authoredOn);
  if (!v) {
    issueOf(ctx, r, 'authoredOn');
  }
  return v;
}

function candidate(
  resource: Candidate['resource'],
  rule: string,
  performedStart: CqlDateTime | null,
  authoredOn: CqlDateTime | null,
  display: string | undefined,
): Candidate {
  const c: Candidate = { resource, rule, performedStart, authoredOn };
  if (display) {
    c.display = display;
  }
  return c;
}

/**
 * `medicationRequestPeriod().toInterval()`: CMD's Interval<Date> converted to DateTimes; a null
 * period stays null (toInterval() of an interval without points is null).
 */
function medicationInterval(r: fhir4.MedicationRequest): CqlInterval | null {
  const p = medicationRequestPeriod(r);
  if (!p || (!p.low && !p.high)) {
    return null;
  }
  return interval(p.low && toDateTime(p.low), p.high && toDateTime(p.high), p.lowClosed, p.highClosed);
}

/** "Follow Up Intervention for Positive … Depression Screening" (before the timing join). */
function candidates(
  ctx: EvaluationContext,
  kind: ScreeningKind,
  mostRecent: Screening,
  encounters: readonly QualifyingEncounter[],
): Candidate[] {
  const terms = CMS2_KINDS[kind];
  const out: Candidate[] = [];
  const screenStart = startOf(mostRecent.effective);
  const positiveFor = (enc: QualifyingEncounter) => mostRecent.result === 'positive' && inLookback(screenStart, enc);
  for (const med of medicationRequestsIn(ctx, terms.medications)) {
    if (!REQUEST_STATUSES.includes(med.status) || !ORDER_INTENTS.includes(med.intent)) {
      continue;
    }
    const period = medicationInterval(med);
    // medicationRequestPeriod().toInterval() overlaps after day of QualifyingEncounter.period
    if (!encounters.some((enc) => positiveFor(enc) && isTrue(overlapsAfter(period, enc.period, DAY)))) {
      continue;
    }
    out.push(
      candidate(med, 'follow-up-medication', null, authored(ctx, med), displayOf(med.medicationCodeableConcept)),
    );
  }
  for (const sr of ctx.inValueSet<fhir4.ServiceRequest>(
    'ServiceRequest',
    pinnedRef(terms.referral),
    (s) => s.code,
    'code',
  )) {
    if (!REQUEST_STATUSES.includes(sr.status)) {
      continue;
    }
    out.push(candidate(sr, 'follow-up-referral', null, authored(ctx, sr), displayOf(sr.code)));
  }
  for (const proc of ctx.inValueSet<fhir4.Procedure>('Procedure', pinnedRef(terms.followUp), (p) => p.code, 'code')) {
    if (proc.status !== PROCEDURE_COMPLETED) {
      continue;
    }
    const read = choiceRead(proc, 'performed', ctx.record.patient.birthDate);
    if (read.malformed) {
      issueOf(ctx, proc, read.malformed);
    }
    out.push(candidate(proc, 'follow-up-procedure', startOf(read.interval), null, displayOf(proc.code)));
  }
  return out;
}

/** `Interval[end of QualifyingEncounter.period, end of … + 2 days]`; null without an end. */
function authoredWindow(enc: QualifyingEncounter): CqlInterval | null {
  const end = endOf(enc.period);
  return end ? interval(end, add(end, FOLLOW_UP_DAYS_AFTER, DAY)) : null;
}

/** The timing join for one candidate and one encounter (three-valued). */
function timely(ctx: EvaluationContext, c: Candidate, enc: QualifyingEncounter): Tri {
  // start of performed.toInterval() during QualifyingEncounter.period (no precision: instants)
  const duringEncounter = contains(enc.period, c.performedStart);
  // authoredOn 2 days or less on or after day of end of QualifyingEncounter.period
  const afterEncounter = contains(authoredWindow(enc), c.authoredOn, DAY);
  // Coalesce(start of performed.toInterval(), authoredOn) during day of "Measurement Period"
  const inPeriod = contains(ctx.measurementPeriod, c.performedStart ?? c.authoredOn, DAY);
  return and3(or3(duringEncounter, afterEncounter), inPeriod);
}

/**
 * "Most Recent … Depression Screening Positive and Follow Up Provided": the first intervention
 * (with the encounter it was timed against), or undefined.
 */
export function followUpFor(
  ctx: EvaluationContext,
  kind: ScreeningKind,
  mostRecent: Screening | undefined,
  encounters: readonly QualifyingEncounter[],
): FollowUp | undefined {
  if (!mostRecent || mostRecent.result !== 'positive') {
    return undefined;
  }
  const screenStart = startOf(mostRecent.effective);
  const matching = encounters.filter((enc) => inLookback(screenStart, enc));
  if (!matching.length) {
    return undefined;
  }
  for (const c of candidates(ctx, kind, mostRecent, encounters)) {
    for (const enc of matching) {
      if (timely(ctx, c, enc) !== true) {
        continue;
      }
      const f: FollowUp = {
        resource: c.resource,
        reference: `${c.resource.resourceType}/${c.resource.id ?? ''}`,
        rule: c.rule,
        encounter: enc,
      };
      const date =
        c.resource.resourceType === 'Procedure'
          ? (c.resource.performedDateTime ?? c.resource.performedPeriod?.start)
          : c.resource.authoredOn;
      if (date) {
        f.date = date;
      }
      if (c.display) {
        f.display = c.display;
      }
      return f;
    }
  }
  return undefined;
}

/**
 * The last day a follow-up for this positive screening still counts: the latest matching
 * encounter's end day + 2, but not after the measurement period. Undefined when no encounter matches.
 */
export function followUpDueDay(
  ctx: EvaluationContext,
  mostRecent: Screening,
  encounters: readonly QualifyingEncounter[],
): number | undefined {
  const screenStart = startOf(mostRecent.effective);
  let due: number | undefined;
  for (const enc of encounters) {
    if (inLookback(screenStart, enc)) {
      due = Math.max(due ?? -Infinity, enc.endDay + FOLLOW_UP_DAYS_AFTER);
    }
  }
  return due === undefined ? undefined : Math.min(due, ctx.periodEndDay);
}
