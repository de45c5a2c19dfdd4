/**
 * Population summary for the view: per measure the summed population counts and the performance
 * rate, per gap the open / closed / unknown counts and the closure rate. The sums come from the
 * engine's PopulationAccumulator (the same tallies as the exported summary MeasureReports and the
 * CLI), so the screen and the exports can never disagree; this module only shapes them for display.
 * Spec: https://build.fhir.org/ig/HL7/cqf-measures/measure-conformance.html#proportion-measure-scoring
 */
import { PopulationAccumulator, measureScore } from '../../engine/report/summary-measure-report.ts';
import { episodeScore } from '../../engine/index.ts';
import type { PopulationCounts } from '../../engine/types.ts';
import type { PopulationEntry } from './run-population.ts';

/** One measure across the population. */
export interface MeasureSummary {
  id: string;
  title: string;
  inverse: boolean;
  /** Counts summed over patients with a verdict (an `unknown` patient's counts are provisional, not summed). */
  counts: PopulationCounts;
  /** Patients whose status is `unknown` (incomplete data). */
  unknown: number;
  /** numerator / (denominator − exclusions − exceptions); undefined when that is 0. Lower is better for inverse measures. */
  performanceRate?: number;
}

/** One gap across the population. */
export interface GapSummary {
  id: string;
  title: string;
  open: number;
  closed: number;
  unknown: number;
  notApplicable: number;
  /** closed / (open + closed); undefined when no patient has the gap open or closed. */
  closureRate?: number;
}

/** Both summaries of the evaluated entries (entries without an evaluation are skipped). */
export function summarisePopulation(entries: readonly PopulationEntry[]): { measures: MeasureSummary[]; gaps: GapSummary[] } {
  const acc = new PopulationAccumulator();
  for (const e of entries) if (e.evaluation) acc.add(e.evaluation);
  return summaryOfAccumulator(acc);
}

/**
 * Both summaries from an accumulator already holding the patients (O(measures + gaps), whatever
 * the number of patients: the population view adds each batch once and reads the summary per batch).
 */
export function summaryOfAccumulator(acc: PopulationAccumulator): { measures: MeasureSummary[]; gaps: GapSummary[] } {
  const measures = acc.measures().flatMap((t): MeasureSummary[] => {
    // episode measures (fuh, fum, fua, tcm): one row per rate, counting index events
    if (t.groups)
      return t.groups.map((g) => {
        const rate = episodeScore(g.counts);
        return { id: `${t.id}/${g.id}`, title: `${t.title}, ${g.id} rate (index events)`, inverse: false, counts: { ...g.counts }, unknown: t.statuses.unknown, ...(rate !== undefined ? { performanceRate: rate } : {}) };
      });
    const rate = measureScore(t.counts);
    return [{ id: t.id, title: t.title, inverse: t.inverse === true, counts: { ...t.counts }, unknown: t.statuses.unknown, ...(rate !== undefined ? { performanceRate: rate } : {}) }];
  });
  const gaps = acc.gaps().map((t): GapSummary => {
    const { open, closed, unknown } = t.counts;
    const base = { id: t.id, title: t.title, open, closed, unknown, notApplicable: t.counts['not-applicable'] };
    return open + closed > 0 ? { ...base, closureRate: closed / (open + closed) } : base;
  });
  return { measures, gaps };
}

/** A rate as a whole percentage ("67%"), or "—" when there is none. */
export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}
