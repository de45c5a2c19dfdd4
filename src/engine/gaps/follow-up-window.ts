/**
 * One follow-up window of an episode, as a gap. The window runs from its first to its last day,
 * both inclusive (follow-up-episodes.ts computes them and the first follow-up inside):
 * - a follow-up inside the window → `closed`;
 * - none yet and the window still running on asOf → `open`, due the window's last day;
 * - none and the window over → `open` with "missed" in `why`: a passed window can no longer be
 *   closed for the measure, but the patient still needs to be seen, so it stays visible (until the
 *   index event leaves the look-back) rather than disappearing.
 * Incomplete input data turn an open result into `unknown` (a visit may exist that was not read);
 * a closed result stands, because the follow-up that closes it was read. An episode whose
 * eligibility is unknown (e.g. TCM without a discharge disposition) is `unknown` unless closed.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { incompleteInputs } from '../measures/proportion.ts';
import type { Evidence, GapResult } from '../types.ts';
import type { EpisodeWindow } from './episode-types.ts';

/** What one window gap is. */
export interface WindowSpec {
  id: string;
  title: string;
  /** Plain-language index event, e.g. "discharge from a mental-health inpatient stay". */
  indexLabel: string;
  /** Kind of follow-up that closes the gap, e.g. "an outpatient visit with a mental-health diagnosis". */
  visitLabel: string;
  /** Plain-language length, e.g. "7 days", "2 business days". */
  lengthLabel: string;
  /** Whether a follow-up on the index day counts. */
  indexDayCounts: boolean;
}

/** The index event a window starts from. */
export interface WindowIndex {
  day: number;
  evidence: Evidence[];
  /** Extra sentence for `why` (e.g. "Readmitted …; the window runs from the later discharge."). */
  note?: string;
  /** Set when whether the episode counts is unknown: the reason, said instead of "open". */
  unknownReason?: string;
}

/** The gap of one window of an episode. */
export function windowGap(
  ctx: EvaluationContext,
  spec: WindowSpec,
  index: WindowIndex,
  window: EpisodeWindow,
  requires: readonly string[],
): GapResult {
  const due = isoDay(window.last);
  const indexDate = isoDay(index.day);
  const note = index.note ? ` ${index.note}` : '';
  const base = { id: spec.id, title: spec.title };
  const visit = window.followUp;
  if (visit) {
    return {
      ...base,
      status: 'closed',
      why: `Followed up on ${isoDay(visit.day)}, ${visit.day - index.day} day(s) after the ${spec.indexLabel} of ${indexDate}.${note}${index.unknownReason ? ` (${index.unknownReason})` : ''}`,
      evidence: [
        ...index.evidence,
        {
          reference: visit.reference,
          rule: visit.rule,
          date: isoDay(visit.day),
          ...(visit.display ? { display: visit.display } : {}),
        },
      ],
    };
  }
  const closes = `${capitalise(spec.visitLabel)} by ${due}`;
  const reasons = incompleteInputs(ctx, requires);
  if (index.unknownReason || reasons.length) {
    return {
      ...base,
      status: 'unknown',
      due,
      closes,
      why: index.unknownReason
        ? `${index.unknownReason} If it applies: no follow-up yet after the ${spec.indexLabel} of ${indexDate}.`
        : `No follow-up found after the ${spec.indexLabel} of ${indexDate}, but the data may be incomplete: ${reasons.join('; ')}.`,
      evidence: index.evidence,
    };
  }
  const sameDay = spec.indexDayCounts ? ' (a visit that day counts)' : ' (a visit on that day does not count)';
  if (ctx.asOfDay <= window.last) {
    return {
      ...base,
      status: 'open',
      due,
      closes,
      why: `${capitalise(spec.indexLabel)} on ${indexDate}${sameDay}; no follow-up yet — ${window.last - ctx.asOfDay} day(s) left.${note}`,
      evidence: index.evidence,
    };
  }
  return {
    ...base,
    status: 'open',
    due,
    closes: `See the patient as soon as possible (the ${spec.lengthLabel} window closed on ${due})`,
    why: `Missed: no follow-up within ${spec.lengthLabel} of the ${spec.indexLabel} of ${indexDate}; the window closed on ${due} and can no longer be met.${note}`,
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
  evidence: Evidence[] = [],
): GapResult {
  const reasons = incompleteInputs(ctx, requires);
  if (reasons.length) {
    return {
      id: spec.id,
      title: spec.title,
      status: 'unknown',
      why: `Cannot tell whether there was a ${spec.indexLabel}: ${reasons.join('; ')}.`,
      evidence: [],
    };
  }
  return {
    id: spec.id,
    title: spec.title,
    status: 'not-applicable',
    why: why ?? `No ${spec.indexLabel} in the last ${lookbackDays} days.`,
    evidence,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
