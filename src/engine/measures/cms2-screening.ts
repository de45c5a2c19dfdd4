/**
 * CMS2 depression screenings: "Has Adolescent/Adult Depression Screening" and "Most Recent
 * Adolescent/Adult Depression Screening". A screening is an Observation coded 73831-0 / 73832-8,
 * status final or corrected, with any value, whose effective time ENDS 14 days or less on or
 * before the day a qualifying encounter starts. The most recent is the last when sorted by the
 * START of effective, as cql-execution sorts (by the written text).
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001, defines "Has … Depression Screening",
 * "Most Recent … Depression Screening", "Has Most Recent … Screening Negative".
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { hasCode } from '../fhir/codings.ts';
import { hasValue, valueDisplay } from '../fhir/quantities.ts';
import { add } from '../cql/date-time-arithmetic.ts';
import { DAY, type CqlDateTime } from '../cql/date-time.ts';
import { contains, endOf, interval, startOf, type CqlInterval } from '../cql/interval.ts';
import { isTrue } from '../cql/logic.ts';
import { sortAscending } from '../cql/sort.ts';
import type { QualifyingEncounter } from './cms2-qualifying-encounters.ts';
import {
  CMS2_KINDS,
  SCREEN_NEGATIVE,
  SCREEN_POSITIVE,
  SCREENING_LOOKBACK_DAYS,
  SCREENING_STATUSES,
  type ScreeningKind,
} from './cms2-terminology.ts';

/** The coded result of a screening: positive, negative, or some other value. */
export type ScreeningResult = 'positive' | 'negative' | 'other';

/** One screening that counts for at least one qualifying encounter. */
export interface Screening {
  resource: fhir4.Observation;
  reference: string;
  kind: ScreeningKind;
  /** `effective.toInterval()`. */
  effective: CqlInterval;
  result: ScreeningResult;
  /** The effective text, for evidence. */
  date?: string;
  display?: string;
}

/** What the screenings of one kind say. */
export interface ScreeningFindings {
  /** "Has … Depression Screening". */
  has: boolean;
  /** "Most Recent … Depression Screening" (undefined when none). */
  mostRecent?: Screening;
  /** Candidate screenings that could not be read (their effective time was malformed). */
  doubtful: string[];
}

/** Each encounter's look-back window, made once. */
const WINDOWS = new WeakMap<QualifyingEncounter, CqlInterval | null>();

/** `Interval[start of QualifyingEncounter.period - 14 days, start of QualifyingEncounter.period]`; null without a start. */
export function lookbackWindow(enc: QualifyingEncounter): CqlInterval | null {
  let w = WINDOWS.get(enc);
  if (w === undefined) {
    const start = startOf(enc.period);
    WINDOWS.set(enc, (w = start ? interval(add(start, -SCREENING_LOOKBACK_DAYS, DAY), start) : null));
  }
  return w;
}

/** `value 14 days or less on or before day of start of QualifyingEncounter.period`. */
export function inLookback(value: CqlDateTime | null, enc: QualifyingEncounter): boolean {
  return isTrue(contains(lookbackWindow(enc), value, DAY));
}

/** The screenings of one kind that count, and the most recent of them. */
export function screeningsOf(
  ctx: EvaluationContext,
  kind: ScreeningKind,
  encounters: readonly QualifyingEncounter[],
): ScreeningFindings {
  const code = CMS2_KINDS[kind].screening;
  const doubtful: string[] = [];
  const counted: Screening[] = [];
  for (const obs of ctx.ofType<fhir4.Observation>('Observation')) {
    if (!hasCode(obs.code, code)) {
      continue;
    }
    if (!SCREENING_STATUSES.includes(obs.status) || !hasValue(obs)) {
      continue;
    }
    const reference = `Observation/${obs.id ?? ''}`;
    const read = ctx.effectiveOf(obs);
    if (read.malformed) {
      ctx.issue({
        resourceType: 'Observation',
        ...(obs.id ? { id: obs.id } : {}),
        field: read.malformed,
        message: 'not a FHIR date/dateTime',
        severity: 'warning',
      });
      doubtful.push(`${reference} (${code.code}) has an unreadable effective time`);
      continue;
    }
    // `effective.toInterval() 14 days or less on or before day of start of` compares the END of effective
    const end = endOf(read.interval);
    if (!read.interval || !encounters.some((enc) => inLookback(end, enc))) {
      continue;
    }
    const screening: Screening = {
      resource: obs,
      reference,
      kind,
      effective: read.interval,
      result: hasCode(obs.valueCodeableConcept, SCREEN_POSITIVE)
        ? 'positive'
        : hasCode(obs.valueCodeableConcept, SCREEN_NEGATIVE)
          ? 'negative'
          : 'other',
    };
    const date =
      obs.effectiveDateTime ?? obs.effectiveInstant ?? obs.effectivePeriod?.start ?? obs.effectivePeriod?.end;
    if (date) {
      screening.date = date;
    }
    const display = valueDisplay(obs);
    if (display) {
      screening.display = display;
    }
    counted.push(screening);
  }
  // Last(… sort by start of effective.toInterval())
  const sorted = sortAscending(counted, (s) => startOf(s.effective));
  const findings: ScreeningFindings = { has: counted.length > 0, doubtful };
  const last = sorted[sorted.length - 1];
  if (last) {
    findings.mostRecent = last;
  }
  return findings;
}
