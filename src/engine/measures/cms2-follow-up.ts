/**
 * CMS2 follow-up for a positive most-recent screening: a referral (ServiceRequest active or
 * completed), a follow-up Procedure (completed), or a depression medication ordered (active or
 * completed, an order intent, whose medicationRequestPeriod overlaps after the encounter) — each
 * of the age-appropriate kind. Timing: the Procedure starts during the encounter period, or the
 * request is authored on the encounter's end day or up to 2 days after; and that date falls in
 * the measurement period.
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001, defines "Follow Up Intervention for
 * Positive … Depression Screening" and "Most Recent … Depression Screening Positive and Follow Up
 * Provided".
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { displayOf } from '../fhir/codings.ts';
import { dayIn, and, or, sameOrBeforeDateTime, type Tri } from '../fhir/day-relations.ts';
import { dayRangeOf, parseFhirDateTime, type FhirDateTime } from '../fhir/dates.ts';
import { medicationRequestPeriod } from '../fhir/medication-request-period.ts';
import { performedInterval } from '../fhir/resource-dates.ts';
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
  performedStart?: FhirDateTime;
  /** `authoredOn` (requests only). */
  authoredOn?: FhirDateTime;
  display?: string;
}

/** A candidate with only the optional parts that are present (exactOptional-friendly). */
function candidate(resource: Candidate['resource'], rule: string, parts: { authoredOn?: FhirDateTime | undefined; performedStart?: FhirDateTime | undefined; display?: string | undefined }): Candidate {
  const c: Candidate = { resource, rule };
  if (parts.authoredOn) c.authoredOn = parts.authoredOn;
  if (parts.performedStart) c.performedStart = parts.performedStart;
  if (parts.display) c.display = parts.display;
  return c;
}

function issueOf(ctx: EvaluationContext, r: fhir4.Resource, field: string): void {
  ctx.issue({ resourceType: r.resourceType, ...(r.id ? { id: r.id } : {}), field, message: 'not a FHIR date/dateTime', severity: 'warning' });
}

function authored(ctx: EvaluationContext, r: fhir4.MedicationRequest | fhir4.ServiceRequest): FhirDateTime | undefined {
  if (r.authoredOn === undefined) return undefined;
  const v = parseFhirDateTime(r.authoredOn);
  if (!v) issueOf(ctx, r, 'authoredOn');
  return v;
}

/** "Follow Up Intervention for Positive … Depression Screening" (before the timing join). */
function candidates(ctx: EvaluationContext, kind: ScreeningKind, mostRecent: Screening, encounters: readonly QualifyingEncounter[]): Candidate[] {
  const terms = CMS2_KINDS[kind];
  const out: Candidate[] = [];
  const positiveFor = (enc: QualifyingEncounter) => mostRecent.result === 'positive' && inLookback(mostRecent.startDay, enc);
  for (const med of ctx.inValueSet<fhir4.MedicationRequest>('MedicationRequest', terms.medications, (m) => m.medicationCodeableConcept, 'medicationCodeableConcept')) {
    if (!REQUEST_STATUSES.includes(med.status) || !ORDER_INTENTS.includes(med.intent)) continue;
    const period = medicationRequestPeriod(med, ctx.tz);
    if (!period) continue;
    // medicationRequestPeriod() overlaps after day of the encounter period: starts by its end day, ends after it
    const overlapsAfter = (enc: QualifyingEncounter) => period.start <= enc.endDay && period.end > enc.endDay;
    if (!encounters.some((enc) => positiveFor(enc) && overlapsAfter(enc))) continue;
    out.push(candidate(med, 'follow-up-medication', { authoredOn: authored(ctx, med), display: displayOf(med.medicationCodeableConcept) }));
  }
  for (const sr of ctx.inValueSet<fhir4.ServiceRequest>('ServiceRequest', terms.referral, (s) => s.code, 'code')) {
    if (!REQUEST_STATUSES.includes(sr.status)) continue;
    out.push(candidate(sr, 'follow-up-referral', { authoredOn: authored(ctx, sr), display: displayOf(sr.code) }));
  }
  for (const proc of ctx.inValueSet<fhir4.Procedure>('Procedure', terms.followUp, (p) => p.code, 'code')) {
    if (proc.status !== PROCEDURE_COMPLETED) continue;
    const read = performedInterval(proc, ctx.tz);
    if (read.malformed) issueOf(ctx, proc, read.malformed);
    out.push(candidate(proc, 'follow-up-procedure', { performedStart: read.startValue, display: displayOf(proc.code) }));
  }
  return out;
}

/** The timing join for one candidate and one encounter. */
function timely(ctx: EvaluationContext, c: Candidate, enc: QualifyingEncounter): Tri {
  let duringEncounter: Tri = null;
  if (c.performedStart) {
    // start of performed during the encounter period, compared as CQL compares DateTimes
    duringEncounter = and(sameOrBeforeDateTime(enc.start, c.performedStart, ctx.tz), sameOrBeforeDateTime(c.performedStart, enc.end, ctx.tz));
  }
  let authoredWindow: Tri = null;
  if (c.authoredOn) authoredWindow = dayIn(dayRangeOf(c.authoredOn, ctx.tz), enc.endDay, enc.endDay + FOLLOW_UP_DAYS_AFTER);
  // Coalesce(start of performed, authoredOn) during day of "Measurement Period"
  const when = c.performedStart ?? c.authoredOn;
  const inPeriod = when ? dayIn(dayRangeOf(when, ctx.tz), ctx.periodStartDay, ctx.periodEndDay) : null;
  return and(or(duringEncounter, authoredWindow), inPeriod);
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
  if (!mostRecent || mostRecent.result !== 'positive') return undefined;
  const matching = encounters.filter((enc) => inLookback(mostRecent.startDay, enc));
  if (!matching.length) return undefined;
  for (const c of candidates(ctx, kind, mostRecent, encounters)) {
    for (const enc of matching) {
      if (timely(ctx, c, enc) !== true) continue;
      const f: FollowUp = { resource: c.resource, reference: `${c.resource.resourceType}/${c.resource.id ?? ''}`, rule: c.rule, encounter: enc };
      const date = (c.performedStart ?? c.authoredOn)?.text;
      if (date) f.date = date;
      if (c.display) f.display = c.display;
      return f;
    }
  }
  return undefined;
}

/**
 * The last day a follow-up for this positive screening still counts: the latest matching
 * encounter's end day + 2, but not after the measurement period. Undefined when no encounter matches.
 */
export function followUpDueDay(ctx: EvaluationContext, mostRecent: Screening, encounters: readonly QualifyingEncounter[]): number | undefined {
  let due: number | undefined;
  for (const enc of encounters) if (inLookback(mostRecent.startDay, enc)) due = Math.max(due ?? -Infinity, enc.endDay + FOLLOW_UP_DAYS_AFTER);
  return due === undefined ? undefined : Math.min(due, ctx.periodEndDay);
}
