/**
 * Population summary for the view: per measure (per rate, for a measure with several) the summed
 * population counts and the performance rate; per gap the open / closed / unknown counts and the
 * closure rate; per attributed clinician the patients, open gaps and each measure's rate. The sums
 * come from the engine's PopulationAccumulator (the same tallies — and the same clinician strata —
 * as the exported summary MeasureReports and the CLI), so the screen and the exports can never
 * disagree; this module only shapes them for display.
 * Spec: https://build.fhir.org/ig/HL7/cqf-measures/measure-conformance.html#proportion-measure-scoring
 */
import {
  clinicianLabel,
  measureScore,
  PopulationAccumulator,
  type AttributedClinician,
  type PopulationCounts,
} from '../../engine/index.ts';
import { MissedWindowTally } from './missed-windows.ts';
import type { PopulationEntry } from './run-population.ts';

/** One measure (or one rate of a measure with several) across the population. */
export interface MeasureSummary {
  /** The measure id, or `id/group` for one rate of several (`fuh/7-day`): what targets and clinician rates are keyed by. */
  id: string;
  /** The measure's id. */
  measureId: string;
  /** The rate's group id, for a measure with several rates (`7-day`, `30-day`). */
  groupId?: string;
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
  /** Open and still closable (missed windows apart). */
  open: number;
  /** Follow-up windows that passed unmet (missed-windows.ts): open in the engine, no longer closable. */
  missed: number;
  closed: number;
  unknown: number;
  notApplicable: number;
  /** closed / (open + missed + closed); undefined when no patient has the gap open, missed or closed. */
  closureRate?: number;
}

/** One measure rate of one clinician's panel. */
export interface ClinicianRate {
  numerator: number;
  /** denominator − exclusions − exceptions. */
  scored: number;
  rate?: number;
}

/** One attributed clinician's panel. */
export interface ClinicianSummary {
  /** clinicianKey (`unattributed` for none). */
  key: string;
  label: string;
  clinician?: AttributedClinician;
  patients: number;
  /** Open care gaps of the panel's patients that can still be closed (missed windows apart). */
  openGaps: number;
  /** Per measure rate (see {@link MeasureSummary.id}). */
  rates: Record<string, ClinicianRate>;
}

/** Everything the summary section shows. */
export interface PopulationSummary {
  measures: MeasureSummary[];
  gaps: GapSummary[];
  clinicians: ClinicianSummary[];
}

/** The key of a measure rate: the measure id, or `id/group` when the measure has several rates. */
export function measureKey(id: string, groupId?: string): string {
  return groupId ? `${id}/${groupId}` : id;
}

/** The summaries of the evaluated entries (entries without an evaluation are skipped). */
export function summarisePopulation(entries: readonly PopulationEntry[]): PopulationSummary {
  const acc = new PopulationAccumulator();
  const missed = new MissedWindowTally();
  for (const e of entries) {
    if (e.evaluation) {
      acc.add({ ...e.evaluation, ...(e.identity?.clinician ? { clinician: e.identity.clinician } : {}) });
      missed.add(e);
    }
  }
  return summaryOfAccumulator(acc, missed);
}

const scoredOf = (c: PopulationCounts) => c.denominator - c['denominator-exclusion'] - c['denominator-exception'];

/**
 * The summaries from an accumulator already holding the patients, and the missed windows of the
 * same patients (O(measures × clinicians + gaps), whatever the number of patients: the population
 * view adds each batch once and reads the summary per batch). The accumulator counts a missed
 * window as `open` (the engine's status): it is moved to `missed` here.
 */
export function summaryOfAccumulator(
  acc: PopulationAccumulator,
  missed: MissedWindowTally = new MissedWindowTally(),
): PopulationSummary {
  const measures: MeasureSummary[] = [];
  const clinicians = new Map<string, ClinicianSummary>();
  for (const c of acc.clinicians()) {
    clinicians.set(c.key, {
      key: c.key,
      label: clinicianLabel(c.clinician),
      ...(c.clinician ? { clinician: c.clinician } : {}),
      patients: c.patients,
      openGaps: 0,
      rates: {},
    });
  }
  for (const t of acc.measures()) {
    const several = t.groups.length > 1;
    for (const g of t.groups) {
      const groupId = several ? g.id : undefined;
      const key = measureKey(t.id, groupId);
      // an episode measure has no exceptions: this is numerator / (denominator − exclusions) there
      const rate = measureScore(g.counts);
      const title = groupId
        ? `${t.title}, ${groupId} rate${t.populationBasis === 'Encounter' ? ' (index events)' : ''}`
        : t.title;
      measures.push({
        id: key,
        measureId: t.id,
        ...(groupId ? { groupId } : {}),
        title,
        inverse: t.inverse === true,
        counts: { ...g.counts },
        unknown: t.statuses.unknown,
        ...(rate !== undefined ? { performanceRate: rate } : {}),
      });
      for (const s of g.strata.values()) {
        const c = clinicians.get(s.key);
        const r = measureScore(s.counts);
        if (c) {
          c.rates[key] = {
            numerator: s.counts.numerator,
            scored: scoredOf(s.counts),
            ...(r !== undefined ? { rate: r } : {}),
          };
        }
      }
    }
  }
  const gaps = acc.gaps().map((t): GapSummary => {
    for (const s of t.strata.values()) {
      const c = clinicians.get(s.key);
      if (c) {
        c.openGaps += s.counts.open;
      }
    }
    const { closed, unknown } = t.counts;
    const lapsed = missed.ofGap(t.id);
    const open = t.counts.open - lapsed;
    const base = {
      id: t.id,
      title: t.title,
      open,
      missed: lapsed,
      closed,
      unknown,
      notApplicable: t.counts['not-applicable'],
    };
    // a missed window is a gap that was not closed in time: it stays in the rate's denominator
    const due = open + lapsed + closed;
    return due > 0 ? { ...base, closureRate: closed / due } : base;
  });
  for (const c of clinicians.values()) {
    c.openGaps -= missed.ofClinician(c.key);
  }
  // by name, the unattributed last
  const byName = [...clinicians.values()].sort(
    (a, b) =>
      (a.key === 'unattributed' ? 1 : 0) - (b.key === 'unattributed' ? 1 : 0) ||
      a.label.localeCompare(b.label) ||
      (a.key < b.key ? -1 : 1),
  );
  return { measures, gaps, clinicians: byName };
}

/** A rate as a whole percentage ("67%"), or "—" when there is none. */
export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}
