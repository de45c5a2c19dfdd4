/**
 * One follow-up window after an index day, as a gap. The window runs from the index day plus
 * `firstDay` (1 when a visit on the index day does not count, 0 when it does) to the index day
 * plus `windowDays`, both inclusive:
 * - a follow-up visit inside the window → `closed`;
 * - none yet and the window still running on asOf → `open`, due the window's last day;
 * - none and the window over → `open` with "missed" in `why`: a passed window can no longer be
 *   closed for the measure, but the patient still needs to be seen, so it stays visible (until the
 *   index event leaves the look-back) rather than disappearing.
 * Incomplete input data turn an open result into `unknown` (a visit may exist that was not read);
 * a closed result stands, because the visit that closes it was read.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { incompleteInputs } from '../measures/proportion.ts';
import type { Evidence, GapResult } from '../types.ts';
import type { FollowUpVisit } from './follow-up-visits.ts';

/** What one window gap is. */
export interface WindowSpec {
  id: string;
  title: string;
  /** First day after the index day on which a visit counts (0 = the index day counts). */
  firstDay: number;
  windowDays: number;
  /** Plain-language index event, e.g. "discharge from a mental-health inpatient stay". */
  indexLabel: string;
  /** Kind of visit that closes the gap, e.g. "an outpatient, telehealth or behavioral-health follow-up visit". */
  visitLabel: string;
}

/** The index event a window starts from. */
export interface WindowIndex {
  day: number;
  evidence: Evidence[];
  /** Extra sentence for `why` (e.g. "Readmitted on …; the anchor moved to the later discharge."). */
  note?: string;
}

/** The gap of one window given the index event and the candidate visits. */
export function windowGap(
  ctx: EvaluationContext,
  spec: WindowSpec,
  index: WindowIndex,
  visits: readonly FollowUpVisit[],
  requires: readonly string[],
): GapResult {
  const first = index.day + spec.firstDay;
  const last = index.day + spec.windowDays;
  const due = isoDay(last);
  const indexDate = isoDay(index.day);
  const note = index.note ? ` ${index.note}` : '';
  const visit = visits.find((v) => v.day >= first && v.day <= last);
  const base = { id: spec.id, title: spec.title };
  if (visit) {
    return {
      ...base,
      status: 'closed',
      why: `Followed up on ${isoDay(visit.day)}, ${visit.day - index.day} day(s) after the ${spec.indexLabel} of ${indexDate}.${note}`,
      evidence: [...index.evidence, { reference: visit.reference, rule: 'follow-up-visit', date: isoDay(visit.day) }],
    };
  }
  const reasons = incompleteInputs(ctx, requires);
  const closes = `${capitalise(spec.visitLabel)} by ${due}`;
  if (reasons.length) {
    return {
      ...base,
      status: 'unknown',
      due,
      closes,
      why: `No follow-up found after the ${spec.indexLabel} of ${indexDate}, but the data may be incomplete: ${reasons.join('; ')}.`,
      evidence: index.evidence,
    };
  }
  const sameDay = spec.firstDay > 0 ? ' (a visit on that day does not count)' : ' (a visit that day counts)';
  if (ctx.asOfDay <= last) {
    return {
      ...base,
      status: 'open',
      due,
      closes,
      why: `${capitalise(spec.indexLabel)} on ${indexDate}${sameDay}; no follow-up visit yet — ${last - ctx.asOfDay} day(s) left.${note}`,
      evidence: index.evidence,
    };
  }
  return {
    ...base,
    status: 'open',
    due,
    closes: `See the patient as soon as possible (the ${spec.windowDays}-day window closed on ${due})`,
    why: `Missed: no follow-up visit within ${spec.windowDays} days of the ${spec.indexLabel} of ${indexDate}; the window closed on ${due} and can no longer be met.${note}`,
    evidence: index.evidence,
  };
}

/** A gap for a family with no index event in the look-back (or `unknown` when the data are incomplete). */
export function noIndexGap(
  ctx: EvaluationContext,
  spec: Pick<WindowSpec, 'id' | 'title' | 'indexLabel'>,
  requires: readonly string[],
  lookbackDays: number,
  why?: string,
): GapResult {
  const reasons = incompleteInputs(ctx, requires);
  if (reasons.length)
    return { id: spec.id, title: spec.title, status: 'unknown', why: `Cannot tell whether there was a ${spec.indexLabel}: ${reasons.join('; ')}.`, evidence: [] };
  return {
    id: spec.id,
    title: spec.title,
    status: 'not-applicable',
    why: why ?? `No ${spec.indexLabel} in the last ${lookbackDays} days.`,
    evidence: [],
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
