/**
 * Evaluation at the point of care: the record as the EHR holds it, and — when the launch's visit
 * is still open — the same record with that visit counted as closed on its date. The second is
 * what the panel shows; every measure and gap whose result differs says so, so a screening
 * recorded at today's visit reads "met when this visit is closed" rather than "not met", and a
 * patient whose only missing criterion was a visit this year reads what today's visit adds.
 * Pure: runs the engine twice at most; measure logic is not touched.
 */
import { evaluatePatient } from '../evaluate-patient.ts';
import type { EvaluationOptions } from '../evaluation-context.ts';
import { GAP_FAMILIES } from '../gaps/index.ts';
import { MEASURES } from '../measures/index.ts';
import type { PatientRecord } from '../record.ts';
import type { GapStatus, MeasureResult, MeasureStatus, PatientEvaluation } from '../types.ts';
import { populationReason, type PopulationReason } from './population-eligibility.ts';
import { recordWithVisitClosed, visitInContext, type VisitInContext } from './visit-in-context.ts';

/**
 * How the open visit changes a measure:
 * `none` — same result either way;
 * `met-when-closed` — the good outcome (met; for an inverse measure, in control) holds only once the visit is closed;
 * `enters-with-visit` — without the visit the patient is not in the measure; with it, they are (result not yet good);
 * `changes-when-closed` — any other difference (e.g. a screen at this visit now asks for a follow-up plan).
 */
export type VisitEffect = 'none' | 'met-when-closed' | 'enters-with-visit' | 'changes-when-closed';

/** How the open visit changes a gap: `closes-when-closed`, `opens-with-visit`, `changes-when-closed` or `none`. */
export type GapVisitEffect = 'none' | 'closes-when-closed' | 'opens-with-visit' | 'changes-when-closed';

/** One measure at the visit. */
export interface MeasureAtVisit {
  /** Status of the record as held. */
  recorded: MeasureStatus;
  /** Status with the open visit closed (= recorded when nothing is open). */
  shown: MeasureStatus;
  effect: VisitEffect;
  /** For a measure the patient is not in (as shown): why. */
  notInPopulation?: PopulationReason;
}

/** One gap at the visit. */
export interface GapAtVisit {
  /** Status of the record as held (undefined when the gap exists only with the visit). */
  recorded?: GapStatus;
  shown: GapStatus;
  effect: GapVisitEffect;
}

/** Everything the point-of-care panel needs: what to show and how the visit in context changes it. */
export interface VisitEvaluation {
  /** What the panel shows: with the open visit in context counted as closed (or as recorded). */
  evaluation: PatientEvaluation;
  /**
   * The record exactly as the EHR holds it: `evaluation` itself unless the visit is open; then its
   * measures and gaps only (flags and actions are not compared, so they are not computed twice).
   */
  recorded: PatientEvaluation;
  visit: VisitInContext;
  /** By measure id. */
  measures: Record<string, MeasureAtVisit>;
  /** By gap id. */
  gaps: Record<string, GapAtVisit>;
}

/** What the record as held is evaluated for when the visit is open: every measure and gap (no flags). */
const COMPARED_IDS: readonly string[] = [...MEASURES.map((m) => m.id), ...GAP_FAMILIES.flatMap((g) => g.ids)];

/** The good outcome of a measure: met, or for an inverse measure (CMS122) in the denominator and in control. */
export function isGoodOutcome(m: Pick<MeasureResult, 'status' | 'inverse'>): boolean {
  return m.inverse ? m.status === 'not-met' : m.status === 'met';
}

function measureEffect(recorded: MeasureResult | undefined, shown: MeasureResult): VisitEffect {
  if (!recorded || recorded.status === shown.status) {
    return 'none';
  }
  if (isGoodOutcome(shown)) {
    return 'met-when-closed';
  }
  if (recorded.status === 'not-in-population') {
    return 'enters-with-visit';
  }
  return 'changes-when-closed';
}

function gapEffect(recorded: GapStatus | undefined, shown: GapStatus): GapVisitEffect {
  const was = recorded ?? 'not-applicable';
  if (was === shown) {
    return 'none';
  }
  if (shown === 'closed') {
    return 'closes-when-closed';
  }
  if (shown === 'open' && was === 'not-applicable') {
    return 'opens-with-visit';
  }
  return 'changes-when-closed';
}

/**
 * Evaluates the patient at the visit in context (`encounterId` from the SMART launch; undefined for
 * a launch without one). Options as for {@link evaluatePatient}; `asOf` should be today.
 */
export function evaluateAtVisit(
  record: PatientRecord,
  options: EvaluationOptions,
  encounterId: string | undefined,
): VisitEvaluation {
  const asOf = options.asOf ?? options.period.end;
  const visit = visitInContext(record, encounterId, asOf);
  const closed = visit.state === 'open' ? recordWithVisitClosed(record, encounterId, asOf) : undefined;
  const evaluation = evaluatePatient(closed ?? record, options);
  const recorded = closed ? evaluatePatient(record, { ...options, only: options.only ?? COMPARED_IDS }) : evaluation;

  const recordedMeasures = new Map(recorded.measures.map((m) => [m.id, m]));
  const measures: Record<string, MeasureAtVisit> = {};
  for (const m of evaluation.measures) {
    const before = recordedMeasures.get(m.id);
    const effect = measureEffect(before, m);
    const entry: MeasureAtVisit = { recorded: before?.status ?? m.status, shown: m.status, effect };
    const notIn = m.status === 'not-in-population' || (before?.status === 'not-in-population' && effect !== 'none');
    if (notIn) {
      entry.notInPopulation = populationReason(m.id, record.patient, options.period, {
        entersWithVisit: m.status !== 'not-in-population',
        visitOpen: visit.state === 'open',
        visitDate: visit.date,
      });
    }
    measures[m.id] = entry;
  }
  const recordedGaps = new Map(recorded.gaps.map((g) => [g.id, g.status]));
  const gaps: Record<string, GapAtVisit> = {};
  for (const g of evaluation.gaps) {
    const before = recordedGaps.get(g.id);
    gaps[g.id] = { ...(before ? { recorded: before } : {}), shown: g.status, effect: gapEffect(before, g.status) };
  }
  return { evaluation, recorded, visit, measures, gaps };
}
