/**
 * Running population totals for the summary MeasureReports, the CLI and the population view:
 * per measure and per Measure.group the five population counts, and the same counts per stratum
 * of attributed clinician; per care gap the patients per status, overall and per clinician.
 * Sums are order-independent, so a streaming caller adds patients as they arrive and keeps none.
 * A patient whose measure status is `unknown` (inputs incomplete) has no verdict: its provisional
 * populations are not summed (it is counted apart, overall and in its stratum), so every stratum's
 * counts add up to the group's. Episode-based measures (`groups`, population basis Encounter:
 * fuh, fum, fua, tcm) count index events; events still in progress on asOf and events the record
 * cannot decide are tallied per group beside the counts, and an unknown patient's would-be events
 * are added to the unknown events (the rule of the follow-up measures' reports).
 */
import type {
  GapStatus,
  MeasureGroupResult,
  MeasureResult,
  MeasureStatus,
  PatientEvaluation,
  PopulationCode,
  PopulationCounts,
} from '../types.ts';
import { clinicianKey, type AttributedClinician } from './patient-identity.ts';

/** The five population codes in report order (cqf-measures order). */
export const POPULATION_CODES: readonly PopulationCode[] = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'denominator-exception',
  'numerator',
];

/** Group id of a single-rate measure (as fqm-execution and MADiE name it). */
export const DEFAULT_GROUP_ID = 'Group_1';

/** What the accumulator needs of one patient (a full PatientEvaluation fits; evidence is not read). */
export type PopulationInput = Pick<PatientEvaluation, 'patient' | 'measures'> &
  Partial<Pick<PatientEvaluation, 'gaps'>> & {
    /** The patient's attributed clinician (stratifier); absent = unattributed. */
    clinician?: AttributedClinician;
  };

/** What the accumulator reads of a measure result. */
type MeasureInput = Pick<
  MeasureResult,
  'id' | 'title' | 'measureUrl' | 'version' | 'inverse' | 'status' | 'populations' | 'groups' | 'populationBasis'
>;

/** A group as the accumulator reads it: a single-rate measure's one group has no event counts. */
type GroupInput = Pick<MeasureGroupResult, 'id' | 'populations'> &
  Partial<Pick<MeasureGroupResult, 'inProgress' | 'unknown'>>;

/** Totals of one attributed clinician within a group (or a gap). */
export interface StratumTally {
  /** {@link clinicianKey} of the clinician (`unattributed` for none). */
  key: string;
  clinician?: AttributedClinician;
  counts: PopulationCounts;
  /** Patients evaluated for the measure in this stratum (including unknown). */
  patients: number;
  /** Patients in this stratum whose status was `unknown`. */
  unknown: number;
}

/** Totals of one Measure.group. */
export interface GroupTally {
  id: string;
  counts: PopulationCounts;
  /** Episode measures: index events not counted yet (window still running on asOf). */
  inProgress: number;
  /** Episode measures: index events the record cannot decide, plus the would-be events of unknown patients. */
  unknown: number;
  /** Per population, the `Patient/ID`s counted in it (only when the accumulator keeps subjects). */
  subjects?: Record<PopulationCode, string[]>;
  /** Per attributed clinician, in first-seen order. */
  strata: Map<string, StratumTally>;
}

/** Running totals of one measure over the patients added. */
export interface MeasureTally {
  id: string;
  title: string;
  measureUrl: string;
  version: string;
  inverse?: boolean;
  /** `Encounter` for an episode-based measure (its counts are index events). */
  populationBasis?: 'Encounter';
  /** The first group's counts (the only group of a single-rate measure). */
  counts: PopulationCounts;
  /** Patients evaluated for this measure (including unknown). */
  patients: number;
  /** Patients per status. */
  statuses: Record<MeasureStatus, number>;
  /** The first group's subjects (see {@link GroupTally.subjects}). */
  subjects?: Record<PopulationCode, string[]>;
  /** Every group, in first-seen order. */
  groups: GroupTally[];
}

/** Running totals of one care gap: patients per gap status, overall and per clinician. */
export interface GapTally {
  id: string;
  title: string;
  measureId?: string;
  counts: Record<GapStatus, number>;
  strata: Map<string, { key: string; clinician?: AttributedClinician; counts: Record<GapStatus, number> }>;
}

/** Patients attributed to one clinician. */
export interface ClinicianTally {
  key: string;
  clinician?: AttributedClinician;
  patients: number;
}

export const zeroCounts = (): PopulationCounts => ({
  'initial-population': 0,
  denominator: 0,
  'denominator-exclusion': 0,
  'denominator-exception': 0,
  numerator: 0,
});
const zeroStatuses = (): Record<MeasureStatus, number> => ({
  met: 0,
  'not-met': 0,
  excluded: 0,
  exception: 0,
  'not-in-population': 0,
  unknown: 0,
});
const zeroGapCounts = (): Record<GapStatus, number> => ({ open: 0, closed: 0, 'not-applicable': 0, unknown: 0 });
const emptySubjects = (): Record<PopulationCode, string[]> => ({
  'initial-population': [],
  denominator: [],
  'denominator-exclusion': [],
  'denominator-exception': [],
  numerator: [],
});

/**
 * The groups of a measure result: its `groups` when it has several rates, else one
 * {@link DEFAULT_GROUP_ID} group holding `populations`. The one place that knows the shape.
 */
export function measureGroupsOf(m: Pick<MeasureResult, 'populations' | 'groups'>): readonly GroupInput[] {
  return m.groups ?? [{ id: DEFAULT_GROUP_ID, populations: m.populations }];
}

/** Proportion score numerator / (denominator − exclusions − exceptions); undefined when nothing is scored. */
export function measureScore(counts: PopulationCounts): number | undefined {
  const scored = counts.denominator - counts['denominator-exclusion'] - counts['denominator-exception'];
  return scored > 0 ? counts.numerator / scored : undefined;
}

/** Incremental population totals: add patients one at a time (any order), read tallies at any point. */
export class PopulationAccumulator {
  private readonly measureTallies = new Map<string, MeasureTally>();
  private readonly gapTallies = new Map<string, GapTally>();
  private readonly clinicianTallies = new Map<string, ClinicianTally>();
  private count = 0;

  /** `subjects: true` keeps, per group and population, the patients counted (needed for subject lists). */
  constructor(private readonly options: { subjects?: boolean } = {}) {}

  /** Number of patients added. */
  get patients(): number {
    return this.count;
  }

  /** Adds one patient's measure and gap results. */
  add(ev: PopulationInput): void {
    this.count++;
    const key = clinicianKey(ev.clinician);
    const c = this.clinicianTallies.get(key) ?? {
      key,
      ...(ev.clinician ? { clinician: ev.clinician } : {}),
      patients: 0,
    };
    c.patients++;
    this.clinicianTallies.set(key, c);
    for (const m of ev.measures) {
      this.addMeasure(ev.patient, m, key, ev.clinician);
    }
    for (const g of ev.gaps ?? []) {
      let t = this.gapTallies.get(g.id);
      if (!t) {
        this.gapTallies.set(
          g.id,
          (t = {
            id: g.id,
            title: g.title,
            ...(g.measureId ? { measureId: g.measureId } : {}),
            counts: zeroGapCounts(),
            strata: new Map(),
          }),
        );
      }
      t.counts[g.status]++;
      let s = t.strata.get(key);
      if (!s) {
        t.strata.set(key, (s = { key, ...(ev.clinician ? { clinician: ev.clinician } : {}), counts: zeroGapCounts() }));
      }
      s.counts[g.status]++;
    }
  }

  private addMeasure(patient: string, m: MeasureInput, key: string, clinician: AttributedClinician | undefined): void {
    let t = this.measureTallies.get(m.id);
    if (!t) {
      t = {
        id: m.id,
        title: m.title,
        measureUrl: m.measureUrl,
        version: m.version,
        ...(m.inverse ? { inverse: true } : {}),
        ...(m.populationBasis ? { populationBasis: m.populationBasis } : {}),
        counts: zeroCounts(),
        patients: 0,
        statuses: zeroStatuses(),
        groups: [],
      };
      this.measureTallies.set(m.id, t);
    }
    t.patients++;
    t.statuses[m.status]++;
    const unknown = m.status === 'unknown';
    for (const g of measureGroupsOf(m)) {
      const gt = this.group(t, g);
      let s = gt.strata.get(key);
      if (!s) {
        gt.strata.set(
          key,
          (s = { key, ...(clinician ? { clinician } : {}), counts: zeroCounts(), patients: 0, unknown: 0 }),
        );
      }
      s.patients++;
      gt.inProgress += g.inProgress ?? 0;
      // an unknown status has only provisional populations: no verdict to sum (an episode
      // measure's would-be events become unknown events)
      if (unknown) {
        s.unknown++;
        gt.unknown += (g.unknown ?? 0) + (m.groups ? g.populations['initial-population'] : 0);
        continue;
      }
      gt.unknown += g.unknown ?? 0;
      for (const c of POPULATION_CODES) {
        const n = g.populations[c] ?? 0;
        gt.counts[c] += n;
        s.counts[c] += n;
        if (n > 0) {
          gt.subjects?.[c].push(patient);
        }
      }
    }
  }

  /** The tally of one group of a measure, created on first sight (the first group also backs `counts`). */
  private group(t: MeasureTally, g: GroupInput): GroupTally {
    let gt = t.groups.find((x) => x.id === g.id);
    if (gt) {
      return gt;
    }
    const first = t.groups.length === 0;
    gt = { id: g.id, counts: first ? t.counts : zeroCounts(), inProgress: 0, unknown: 0, strata: new Map() };
    if (this.options.subjects) {
      gt.subjects = emptySubjects();
      if (first) {
        t.subjects = gt.subjects;
      }
    }
    t.groups.push(gt);
    return gt;
  }

  /** Measure tallies in first-seen order. */
  measures(): MeasureTally[] {
    return [...this.measureTallies.values()];
  }

  /** Gap tallies in first-seen order. */
  gaps(): GapTally[] {
    return [...this.gapTallies.values()];
  }

  /** Patients per attributed clinician, in first-seen order. */
  clinicians(): ClinicianTally[] {
    return [...this.clinicianTallies.values()];
  }
}
