/**
 * Month-by-month closure of each measure: of the patients scored for it (denominator, not excluded
 * or excepted, known status), the share whose gap was closed by the end of each month — for the
 * period so far and for the same months of the previous period, so quality staff see whether they
 * are ahead of last year.
 * When a patient's measure closed is read from its evidence: the month of the latest dated
 * evidence that is not a denominator criterion (qualifying visit, diagnosis) — the screening,
 * reading, test or follow-up that put the patient in the numerator (for an inverse measure such as
 * CMS122, the result that keeps them out of it). Evidence from before the period counts from the
 * period's first month (a colonoscopy of 2019 closes CMS130 from January); evidence without a
 * month counts from the as-of month. Each series is cumulative and ends at the measure's rate on
 * asOf. A measure with several rates (`groups`, episode-based) has no patient-level closure and is
 * not charted here.
 */
import { addMonths, epochDay, isoDay } from '../cql/calendar-days.ts';
import { MONTH as MONTH_FIELD, parseDateTime } from '../cql/date-time.ts';
import type { DayPeriod, PatientEvaluation } from '../types.ts';

/** One patient's closure of one measure. */
export interface MeasureClosure {
  id: string;
  title: string;
  inverse?: boolean;
  /** In the denominator with a verdict (met or not met). */
  scored: boolean;
  /** Scored and the gap closed (met; for an inverse measure, not met). */
  closed: boolean;
  /** `YYYY-MM` the gap closed, when closed. */
  closedMonth?: string;
}

/** Evidence rules that put a patient in the denominator rather than close the gap. */
const DENOMINATOR_RULES: ReadonlySet<string> = new Set(['qualifying-encounter', 'diagnosis']);

/** `YYYY-MM` of an evidence date as written (cql/date-time.ts); undefined when it has no month. */
function writtenMonth(date: string | undefined): string | undefined {
  const v = parseDateTime(date);
  return v && v.f.length > MONTH_FIELD
    ? `${String(v.f[0]).padStart(4, '0')}-${String(v.f[MONTH_FIELD]).padStart(2, '0')}`
    : undefined;
}

/** The period one year earlier (Feb 29 → Feb 28, as CQL adds years). */
export function previousPeriod(period: DayPeriod): DayPeriod {
  return { start: isoDay(addMonths(epochDay(period.start), -12)), end: isoDay(addMonths(epochDay(period.end), -12)) };
}

/** The `YYYY-MM` months of a period, first to last. */
export function monthsOf(period: DayPeriod): string[] {
  const out: string[] = [];
  let [y, m] = period.start.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.end.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) {
      return out;
    }
    if (++m > 12) {
      [y, m] = [y + 1, 1];
    }
  }
}

/** Each single-rate measure's closure for one evaluated patient. */
export function measureClosures(ev: Pick<PatientEvaluation, 'measures' | 'period' | 'asOf'>): MeasureClosure[] {
  const first = ev.period.start.slice(0, 7);
  const lastDay = epochDay(ev.asOf) < epochDay(ev.period.end) ? ev.asOf : ev.period.end;
  const last = lastDay.slice(0, 7);
  const out: MeasureClosure[] = [];
  for (const m of ev.measures) {
    if (m.groups) {
      continue;
    }
    const scored = m.status === 'met' || m.status === 'not-met';
    const closed = scored && (m.inverse ? m.status === 'not-met' : m.status === 'met');
    const c: MeasureClosure = { id: m.id, title: m.title, ...(m.inverse ? { inverse: true } : {}), scored, closed };
    if (closed) {
      let month: string | undefined;
      for (const e of m.evidence) {
        if (DENOMINATOR_RULES.has(e.rule)) {
          continue;
        }
        const mm = writtenMonth(e.date);
        if (mm && (!month || mm > month)) {
          month = mm;
        }
      }
      c.closedMonth = !month || month > last ? last : month < first ? first : month;
    }
    out.push(c);
  }
  return out;
}

/** Closures of one period of one measure. */
interface PeriodClosures {
  scored: number;
  byMonth: Map<string, number>;
}

/** One month of a measure's closure: cumulative closed and rate, this period and the same month of the previous one. */
export interface MonthlyClosurePoint {
  /** `YYYY-MM` of this period. */
  month: string;
  /** Cumulative closed by the month's end; undefined for months after asOf. */
  closed?: number;
  /** Closed during the month. */
  closedInMonth?: number;
  /** Cumulative closed / scored. */
  rate?: number;
  /** `YYYY-MM` of the same month of the previous period. */
  previousMonth: string;
  previousClosed?: number;
  previousClosedInMonth?: number;
  previousRate?: number;
}

/** A measure's monthly series. */
export interface MonthlyClosureSeries {
  id: string;
  title: string;
  inverse?: boolean;
  /** Patients scored this period (the rates' denominator). */
  scored: number;
  /** Patients scored in the previous period; undefined when it was not evaluated. */
  previousScored?: number;
  points: MonthlyClosurePoint[];
}

const emptyPeriod = (): PeriodClosures => ({ scored: 0, byMonth: new Map() });

function addTo(p: PeriodClosures, c: MeasureClosure): void {
  if (!c.scored) {
    return;
  }
  p.scored++;
  if (c.closed && c.closedMonth) {
    p.byMonth.set(c.closedMonth, (p.byMonth.get(c.closedMonth) ?? 0) + 1);
  }
}

/** Running monthly closures over the patients added (any order; O(measures) per patient). */
export class ClosureTally {
  private readonly tallies = new Map<
    string,
    { title: string; inverse?: boolean; current: PeriodClosures; previous?: PeriodClosures }
  >();

  /** Adds one patient: this period's closures and, when evaluated, the previous period's. */
  add(current: readonly MeasureClosure[], previous?: readonly MeasureClosure[]): void {
    for (const c of current) {
      addTo(this.tally(c).current, c);
    }
    for (const c of previous ?? []) {
      addTo((this.tally(c).previous ??= emptyPeriod()), c);
    }
  }

  private tally(c: MeasureClosure) {
    let t = this.tallies.get(c.id);
    if (!t) {
      this.tallies.set(c.id, (t = { title: c.title, ...(c.inverse ? { inverse: true } : {}), current: emptyPeriod() }));
    }
    return t;
  }

  /** Every measure's series over `period` (months after `asOf` left empty), in first-seen order. */
  series(period: DayPeriod, asOf: string): MonthlyClosureSeries[] {
    const months = monthsOf(period);
    const previousMonths = monthsOf(previousPeriod(period));
    const lastMonth = asOf.slice(0, 7);
    return [...this.tallies].map(([id, t]) => {
      let closed = 0;
      let previousClosed = 0;
      const points = months.map((month, i): MonthlyClosurePoint => {
        const previousMonth = previousMonths[i] ?? '';
        const p: MonthlyClosurePoint = { month, previousMonth };
        if (month <= lastMonth) {
          const n = t.current.byMonth.get(month) ?? 0;
          closed += n;
          Object.assign(p, {
            closed,
            closedInMonth: n,
            ...(t.current.scored ? { rate: closed / t.current.scored } : {}),
          });
        }
        if (t.previous) {
          const n = t.previous.byMonth.get(previousMonth) ?? 0;
          previousClosed += n;
          Object.assign(p, {
            previousClosed,
            previousClosedInMonth: n,
            ...(t.previous.scored ? { previousRate: previousClosed / t.previous.scored } : {}),
          });
        }
        return p;
      });
      return {
        id,
        title: t.title,
        ...(t.inverse ? { inverse: true } : {}),
        scored: t.current.scored,
        ...(t.previous ? { previousScored: t.previous.scored } : {}),
        points,
      };
    });
  }
}
