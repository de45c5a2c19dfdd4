/**
 * The few facts of the record the visit actions need beyond flags and gaps, so that no action
 * contradicts recent data (issue 12 §4): the most recent depression instrument total (a "PHQ-9
 * due" five days after a PHQ-9 of 22 would be false) and whether a depression follow-up plan — a
 * referral, a follow-up procedure or an antidepressant order of the CMS2 follow-up value sets — was
 * documented on or after that score's day. Nothing dated after asOf counts.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { LOINC } from '../codes/code-systems.ts';
import { DEFAULT_DEPRESSION_INSTRUMENTS, type DepressionInstrument } from '../codes/screening-instruments.ts';
import { DEFAULT_RISK_POLICY } from '../config/risk-policy.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { readingsOf, type Reading } from '../flags/coded-readings.ts';
import { dateDay } from '../flags/event-days.ts';
import { phq9ItemSums } from '../flags/phq9-response-total.ts';
import type { IsoDate } from '../types.ts';
import {
  ADOLESCENT_DEPRESSION_MEDICATIONS,
  ADULT_DEPRESSION_MEDICATIONS,
  FOLLOW_UP_FOR_ADOLESCENT_DEPRESSION,
  FOLLOW_UP_FOR_ADULT_DEPRESSION,
  REFERRAL_FOR_ADOLESCENT_DEPRESSION,
  REFERRAL_FOR_ADULT_DEPRESSION,
} from '../valuesets/catalog/index.ts';

/** A depression instrument total. */
export interface DepressionScore {
  label: string;
  score: number;
  /** At or above the instrument's positive cut-off (PHQ-9 ≥ 10, PHQ-2 ≥ 3 …). */
  positive: boolean;
  /** PHQ-9 / PHQ-A in the severe band (≥ 20, the `high` depression-severity threshold). */
  severe: boolean;
  date: IsoDate;
  day: number;
  reference: string;
}

/** What the actions read from the record. */
export interface VisitFacts {
  /** The most recent depression instrument total up to asOf. */
  latestDepressionScore?: DepressionScore;
  /** The latest score lies within the CMS2 look-back (14 days before asOf): it still counts today. */
  depressionScoreIsRecent: boolean;
  /** A follow-up plan was documented on or after the latest score's day (up to asOf). */
  depressionPlanSinceScore: boolean;
}

/** CMS2: a screening counts for an encounter 14 days or less before it (gaps/gap-policy.ts SCREENING_LOOKBACK_DAYS). */
export const RECENT_SCORE_DAYS = 14;

const REQUEST_STATUSES = ['active', 'completed'];
const ORDER_INTENTS = ['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'plan'];
const SEVERE_MIN = Math.max(
  ...DEFAULT_RISK_POLICY.severity.phq9.filter((t) => t.severity === 'high').map((t) => t.min),
);

function latestScore(
  ctx: EvaluationContext,
  instruments: readonly DepressionInstrument[],
): DepressionScore | undefined {
  let best: { r: Reading; i: DepressionInstrument } | undefined;
  const consider = (r: Reading, i: DepressionInstrument) => {
    if (r.score === undefined || r.score < 0 || r.score > i.max || r.day > ctx.asOfDay) {
      return;
    }
    if (!best || r.day > best.r.day || (r.day === best.r.day && r.score > (best.r.score ?? 0))) {
      best = { r, i };
    }
  };
  for (const i of instruments) {
    for (const r of readingsOf(ctx, LOINC, i.totalLoinc)) {
      consider(r, i);
    }
  }
  const phq9 = instruments.find((i) => i.id === 'phq9');
  if (phq9) {
    for (const r of phq9ItemSums(ctx)) {
      consider(r, phq9);
    }
  }
  if (!best) {
    return undefined;
  }
  const { r, i } = best as { r: Reading; i: DepressionInstrument };
  const score = r.score!;
  return {
    label: i.label,
    score,
    positive: score >= i.cutoff,
    severe: (i.id === 'phq9' || i.id === 'phqa') && score >= SEVERE_MIN,
    date: isoDay(r.day),
    day: r.day,
    reference: r.reference,
  };
}

/** Whether a CMS2-kind follow-up intervention is dated on or after `day` (and not after asOf). */
function planSince(ctx: EvaluationContext, day: number): boolean {
  const inWindow = (d: number | undefined) => d !== undefined && d >= day && d <= ctx.asOfDay;
  for (const vs of [ADULT_DEPRESSION_MEDICATIONS.url, ADOLESCENT_DEPRESSION_MEDICATIONS.url]) {
    for (const mr of ctx.inValueSet<fhir4.MedicationRequest>(
      'MedicationRequest',
      vs,
      (m) => m.medicationCodeableConcept,
      'medicationCodeableConcept',
    )) {
      if (
        REQUEST_STATUSES.includes(mr.status) &&
        ORDER_INTENTS.includes(mr.intent) &&
        inWindow(dateDay(ctx, mr, 'authoredOn', mr.authoredOn))
      ) {
        return true;
      }
    }
  }
  for (const vs of [REFERRAL_FOR_ADULT_DEPRESSION.url, REFERRAL_FOR_ADOLESCENT_DEPRESSION.url]) {
    for (const sr of ctx.inValueSet<fhir4.ServiceRequest>('ServiceRequest', vs, (s) => s.code, 'code')) {
      if (REQUEST_STATUSES.includes(sr.status) && inWindow(dateDay(ctx, sr, 'authoredOn', sr.authoredOn))) {
        return true;
      }
    }
  }
  for (const vs of [FOLLOW_UP_FOR_ADULT_DEPRESSION.url, FOLLOW_UP_FOR_ADOLESCENT_DEPRESSION.url]) {
    for (const p of ctx.inValueSet<fhir4.Procedure>('Procedure', vs, (x) => x.code, 'code')) {
      const performed =
        dateDay(ctx, p, 'performedDateTime', p.performedDateTime) ??
        dateDay(ctx, p, 'performedPeriod.start', p.performedPeriod?.start);
      if (p.status === 'completed' && inWindow(performed)) {
        return true;
      }
    }
  }
  return false;
}

/** The visit facts of one evaluation. */
export function visitFacts(
  ctx: EvaluationContext,
  instruments: readonly DepressionInstrument[] = DEFAULT_DEPRESSION_INSTRUMENTS,
): VisitFacts {
  const latestDepressionScore = latestScore(ctx, instruments);
  return {
    ...(latestDepressionScore ? { latestDepressionScore } : {}),
    depressionScoreIsRecent: !!latestDepressionScore && ctx.asOfDay - latestDepressionScore.day <= RECENT_SCORE_DAYS,
    depressionPlanSinceScore: latestDepressionScore ? planSince(ctx, latestDepressionScore.day) : false,
  };
}
