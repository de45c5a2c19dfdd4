/**
 * Follow-up windows that passed unmet, counted across the population: per gap, the patients whose
 * window is missed on their evaluation's asOf (the engine's `isMissedWindow`, the rule the panel
 * and the visit actions use), overall and per attributed clinician. The engine's accumulator counts
 * them as `open` (its status); the view shows them apart, as "Missed", because nobody can close
 * them any more this period.
 */
import { isMissedWindow } from '../../engine/index.ts';
import { entryClinicianKey } from './population-table-model.ts';
import type { PopulationEntry } from './run-population.ts';

/** Running counts of missed windows, each entry added once. */
export class MissedWindowTally {
  private readonly byGap = new Map<string, number>();
  private readonly byClinician = new Map<string, number>();

  /** Adds one patient's missed windows (none without an evaluation). */
  add(entry: PopulationEntry): void {
    const ev = entry.evaluation;
    if (!ev) {
      return;
    }
    for (const g of ev.gaps) {
      if (isMissedWindow(g, ev.asOf)) {
        this.byGap.set(g.id, (this.byGap.get(g.id) ?? 0) + 1);
        const key = entryClinicianKey(entry);
        this.byClinician.set(key, (this.byClinician.get(key) ?? 0) + 1);
      }
    }
  }

  /** Patients whose window of gap `id` is missed. */
  ofGap(id: string): number {
    return this.byGap.get(id) ?? 0;
  }

  /** Missed windows (any gap) of the patients attributed to the clinician with this key. */
  ofClinician(key: string): number {
    return this.byClinician.get(key) ?? 0;
  }
}
