/**
 * Columns, flag ids, summaries and monthly closure of a growing population, each batch added once
 * (O(batch)); a snapshot costs O(columns + flags + measures × clinicians), not O(patients). Equals
 * populationColumns / flagIds / summarisePopulation over every entry added.
 */
import {
  ClosureTally,
  measureClosures,
  PopulationAccumulator,
  type DayPeriod,
  type MonthlyClosureSeries,
} from '../../engine/index.ts';
import { MissedWindowTally } from './missed-windows.ts';
import { summaryOfAccumulator, type PopulationSummary } from './population-summary.ts';
import type { PopulationColumn } from './population-table-model.ts';
import type { PopulationEntry } from './run-population.ts';

/** Columns, flag ids, summaries and monthly closure of the entries so far. */
export interface PopulationDerived {
  columns: PopulationColumn[];
  flagIds: string[];
  summary: PopulationSummary;
  /** Per measure, month-by-month closure this period and the previous one. */
  monthly: MonthlyClosureSeries[];
}

/** Nothing evaluated yet. */
export const EMPTY_DERIVED: PopulationDerived = {
  columns: [],
  flagIds: [],
  summary: { measures: [], gaps: [], clinicians: [] },
  monthly: [],
};

/** The running tallies of one population run. */
export class PopulationTally {
  private readonly measures = new Map<string, string>();
  private readonly gaps = new Map<string, string>();
  private readonly flags = new Set<string>();
  private readonly acc = new PopulationAccumulator();
  private readonly closures = new ClosureTally();
  private readonly missed = new MissedWindowTally();
  private added = 0;
  private last: PopulationDerived = EMPTY_DERIVED;

  /** `clock` (period and asOf of the run) dates the monthly series; without it there is none. */
  constructor(private readonly clock?: { period: DayPeriod; asOf: string }) {}

  /** Entries added so far. */
  get size(): number {
    return this.added;
  }

  /** Adds a batch of entries. */
  add(batch: readonly PopulationEntry[]): void {
    for (const e of batch) {
      this.added++;
      const ev = e.evaluation;
      if (!ev) {
        continue;
      }
      for (const m of ev.measures) {
        if (!this.measures.has(m.id)) {
          this.measures.set(m.id, m.title);
        }
      }
      for (const g of ev.gaps) {
        if (!this.gaps.has(g.id)) {
          this.gaps.set(g.id, g.title);
        }
      }
      for (const f of ev.flags) {
        this.flags.add(f.id);
      }
      this.acc.add({
        patient: ev.patient,
        measures: ev.measures,
        gaps: ev.gaps,
        ...(e.identity?.clinician ? { clinician: e.identity.clinician } : {}),
      });
      this.missed.add(e);
      this.closures.add(measureClosures(ev), e.previous);
    }
  }

  /**
   * The current columns, flag ids, summary and monthly series (fresh summaries; the columns and
   * flag-id arrays are the previous snapshot's while they have not changed, so what depends on them
   * need not re-render).
   */
  snapshot(): PopulationDerived {
    const prev = this.last;
    const columns =
      prev.columns.length === this.measures.size + this.gaps.size
        ? prev.columns
        : [
            ...[...this.measures].map(([id, title]) => ({ kind: 'measure' as const, id, title })),
            ...[...this.gaps].map(([id, title]) => ({ kind: 'gap' as const, id, title })),
          ];
    const flagIds = prev.flagIds.length === this.flags.size ? prev.flagIds : [...this.flags].sort();
    const monthly = this.clock ? this.closures.series(this.clock.period, this.clock.asOf) : [];
    this.last = { columns, flagIds, summary: summaryOfAccumulator(this.acc, this.missed), monthly };
    return this.last;
  }
}
