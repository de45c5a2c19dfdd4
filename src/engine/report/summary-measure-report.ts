/**
 * Population-level reports: the FHIR summary MeasureReport of each measure (counts summed over the
 * patients, `type: summary`) and a collection Bundle of those summaries plus, per measure, a
 * `subject-list` MeasureReport whose populations point (`subjectResults`) at Lists of the
 * individual MeasureReports that are also in the Bundle.
 * Spec: https://hl7.org/fhir/R4/measurereport.html (type summary / subject-list,
 * group.population.subjectResults); scoring per cqf-measures proportion scoring
 * (https://build.fhir.org/ig/HL7/cqf-measures/measure-conformance.html#proportion-measure-scoring):
 * score = numerator / (denominator − denominator-exclusion − denominator-exception).
 * A patient whose measure status is `unknown` (inputs incomplete) has no verdict: the provisional
 * populations are not summed; such patients are counted in the {@link UNKNOWN_COUNT_EXTENSION}.
 * Sums are order-independent, so the {@link PopulationAccumulator} lets a streaming caller (the
 * CLI, the app's population view) add patients as they arrive without keeping them.
 */
import { MEASURE_POPULATION } from '../codes/code-systems.ts';
import type { DayPeriod, GapStatus, MeasureResult, MeasureStatus, PatientEvaluation, PopulationCode, PopulationCounts } from '../types.ts';
import { deterministicUuid } from './deqm-gaps-bundle.ts';
import { toIndividualMeasureReport } from './measure-report.ts';
import { addGroups, emptyGroupTallies, episodeReportGroups, episodeSubjectLists, hasUncountedEvents, type EpisodeGroupTally } from './episode-measure-report.ts';

/** Extension on a summary MeasureReport: number of patients whose status was `unknown` (valueInteger). */
export const UNKNOWN_COUNT_EXTENSION = 'https://caregap.example.org/fhir/StructureDefinition/unknown-patient-count';

/** The five population codes in report order (cqf-measures order). */
export const POPULATION_CODES: readonly PopulationCode[] = ['initial-population', 'denominator', 'denominator-exclusion', 'denominator-exception', 'numerator'];

/** Display of each population code (measure-population code system). */
export const POPULATION_DISPLAY: Readonly<Record<PopulationCode, string>> = {
  'initial-population': 'Initial Population',
  denominator: 'Denominator',
  'denominator-exclusion': 'Denominator Exclusion',
  'denominator-exception': 'Denominator Exception',
  numerator: 'Numerator',
};

/** What a summary needs of one patient (a full PatientEvaluation fits; evidence is not read). */
export type PopulationInput = Pick<PatientEvaluation, 'patient' | 'measures'> & Partial<Pick<PatientEvaluation, 'gaps'>>;

/** Running totals of one measure over the patients added. */
export interface MeasureTally {
  id: string;
  title: string;
  measureUrl: string;
  version: string;
  inverse?: boolean;
  /** Population counts summed over the patients with a verdict (status not `unknown`). */
  counts: PopulationCounts;
  /** Patients evaluated for this measure (including unknown). */
  patients: number;
  /** Patients per status. */
  statuses: Record<MeasureStatus, number>;
  /** Per population, the `Patient/ID`s counted in it (only when the accumulator keeps subjects). */
  subjects?: Record<PopulationCode, string[]>;
  /** Episode-based measures (population basis Encounter): the running totals of each rate (episode-measure-report.ts). */
  groups?: EpisodeGroupTally[];
}

/** Running totals of one care gap: patients per gap status. */
export interface GapTally {
  id: string;
  title: string;
  measureId?: string;
  counts: Record<GapStatus, number>;
}

/** Options of {@link toSummaryMeasureReports} and {@link toPopulationBundle}. */
export interface PopulationReportOptions {
  period: DayPeriod;
  /** When the report was calculated (ISO dateTime; callers pass it, the engine reads no clock). */
  date: string;
}

const zeroCounts = (): PopulationCounts => ({ 'initial-population': 0, denominator: 0, 'denominator-exclusion': 0, 'denominator-exception': 0, numerator: 0 });
const zeroStatuses = (): Record<MeasureStatus, number> => ({ met: 0, 'not-met': 0, excluded: 0, exception: 0, 'not-in-population': 0, unknown: 0 });
const emptySubjects = (): Record<PopulationCode, string[]> => ({ 'initial-population': [], denominator: [], 'denominator-exclusion': [], 'denominator-exception': [], numerator: [] });

/** Proportion score numerator / (denominator − exclusions − exceptions); undefined when nothing is scored. */
export function measureScore(counts: PopulationCounts): number | undefined {
  const scored = counts.denominator - counts['denominator-exclusion'] - counts['denominator-exception'];
  return scored > 0 ? counts.numerator / scored : undefined;
}

/** Incremental population totals: add patients one at a time (any order), read tallies at any point. */
export class PopulationAccumulator {
  private readonly measureTallies = new Map<string, MeasureTally>();
  private readonly gapTallies = new Map<string, GapTally>();
  private count = 0;

  /** `subjects: true` keeps, per measure and population, the patients counted (needed for subject lists). */
  constructor(private readonly options: { subjects?: boolean } = {}) {}

  /** Number of patients added. */
  get patients(): number {
    return this.count;
  }

  /** Adds one patient's measure and gap results. */
  add(ev: PopulationInput): void {
    this.count++;
    for (const m of ev.measures) this.addMeasure(ev.patient, m);
    for (const g of ev.gaps ?? []) {
      let t = this.gapTallies.get(g.id);
      if (!t) this.gapTallies.set(g.id, (t = { id: g.id, title: g.title, ...(g.measureId ? { measureId: g.measureId } : {}), counts: { open: 0, closed: 0, 'not-applicable': 0, unknown: 0 } }));
      t.counts[g.status]++;
    }
  }

  private addMeasure(patient: string, m: Pick<MeasureResult, 'id' | 'title' | 'measureUrl' | 'version' | 'inverse' | 'status' | 'populations' | 'groups'>): void {
    let t = this.measureTallies.get(m.id);
    if (!t) {
      t = { id: m.id, title: m.title, measureUrl: m.measureUrl, version: m.version, ...(m.inverse ? { inverse: true } : {}), counts: zeroCounts(), patients: 0, statuses: zeroStatuses() };
      if (this.options.subjects) t.subjects = emptySubjects();
      if (m.groups) t.groups = emptyGroupTallies(m.groups, Boolean(this.options.subjects));
      this.measureTallies.set(m.id, t);
    }
    t.patients++;
    t.statuses[m.status]++;
    // episode measures: an unknown patient's events are counted as unknown events (addGroups)
    if (m.groups && t.groups) addGroups(t.groups, m.groups, patient, m.status === 'unknown');
    // an unknown status has only provisional populations: no verdict to sum
    if (m.status === 'unknown') return;
    for (const c of POPULATION_CODES) {
      const n = m.populations[c];
      t.counts[c] += n;
      if (n > 0) t.subjects?.[c].push(patient);
    }
  }

  /** Measure tallies in first-seen order. */
  measures(): MeasureTally[] {
    return [...this.measureTallies.values()];
  }

  /** Gap tallies in first-seen order. */
  gaps(): GapTally[] {
    return [...this.gapTallies.values()];
  }
}

function populationGroup(counts: PopulationCounts, lists?: Partial<Record<PopulationCode, string>>): fhir4.MeasureReportGroup {
  const group: fhir4.MeasureReportGroup = {
    id: 'Group_1',
    population: POPULATION_CODES.map((code) => {
      const p: fhir4.MeasureReportGroupPopulation = { code: { coding: [{ system: MEASURE_POPULATION, code, display: POPULATION_DISPLAY[code] }] }, count: counts[code] };
      const list = lists?.[code];
      if (list) p.subjectResults = { reference: list };
      return p;
    }),
  };
  const score = measureScore(counts);
  if (score !== undefined) group.measureScore = { value: score };
  return group;
}

/** The summary (or subject-list) MeasureReport of one tally. */
function reportOf(
  t: MeasureTally,
  opts: PopulationReportOptions,
  type: 'summary' | 'subject-list',
  lists?: Partial<Record<PopulationCode, string>>,
  episodeLists?: Record<string, Partial<Record<PopulationCode, string>>>,
): fhir4.MeasureReport {
  const report: fhir4.MeasureReport = {
    resourceType: 'MeasureReport',
    id: `${t.id}-${type}`,
    status: t.statuses.unknown ? 'pending' : 'complete',
    type,
    measure: `${t.measureUrl}|${t.version}`,
    date: opts.date,
    period: { start: opts.period.start, end: opts.period.end },
    group: t.groups ? episodeReportGroups(t.groups, episodeLists) : [populationGroup(t.counts, lists)],
  };
  if (t.groups && hasUncountedEvents(t.groups)) report.status = 'pending';
  if (t.inverse) report.improvementNotation = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation', code: 'decrease' }] };
  report.extension = [{ url: UNKNOWN_COUNT_EXTENSION, valueInteger: t.statuses.unknown }];
  return report;
}

/** One summary MeasureReport per measure, from evaluations or from an accumulator already fed. */
export function toSummaryMeasureReports(source: Iterable<PopulationInput> | PopulationAccumulator, opts: PopulationReportOptions): fhir4.MeasureReport[] {
  let acc: PopulationAccumulator;
  if (source instanceof PopulationAccumulator) acc = source;
  else {
    acc = new PopulationAccumulator();
    for (const ev of source) acc.add(ev);
  }
  return acc.measures().map((t) => reportOf(t, opts, 'summary'));
}

/**
 * A collection Bundle: per measure the summary MeasureReport, the subject-list MeasureReport whose
 * populations reference Lists, those Lists (one per non-empty population, each item an individual
 * MeasureReport), and every individual MeasureReport. fullUrls are deterministic `urn:uuid:`s.
 */
export function toPopulationBundle(evaluations: Iterable<PatientEvaluation>, opts: PopulationReportOptions): fhir4.Bundle {
  const acc = new PopulationAccumulator({ subjects: true });
  const url = (role: string) => `urn:uuid:${deterministicUuid(`population|${opts.date}|${role}`)}`;
  const individualUrl = (measureId: string, patient: string) => url(`individual|${measureId}|${patient}`);
  const individuals = new Map<string, fhir4.BundleEntry[]>();
  for (const ev of evaluations) {
    acc.add(ev);
    for (const m of ev.measures) {
      let list = individuals.get(m.id);
      if (!list) individuals.set(m.id, (list = []));
      list.push({ fullUrl: individualUrl(m.id, ev.patient), resource: toIndividualMeasureReport(m, { subject: ev.patient, period: ev.period, date: opts.date }) });
    }
  }
  const entry: fhir4.BundleEntry[] = [];
  for (const t of acc.measures()) {
    entry.push({ fullUrl: url(`summary|${t.id}`), resource: reportOf(t, opts, 'summary') });
    const listEntries: fhir4.BundleEntry[] = [];
    const listOf = (key: string, title: string, subjects: readonly string[]): string | undefined => {
      if (!subjects.length) return undefined;
      const listUrl = url(`list|${t.id}|${key}`);
      const list: fhir4.List = {
        resourceType: 'List',
        id: `${t.id}-${key}`,
        status: 'current',
        mode: 'snapshot',
        title: `${t.title}: ${title}`,
        date: opts.date,
        entry: subjects.map((p) => ({ item: { reference: individualUrl(t.id, p) } })),
      };
      listEntries.push({ fullUrl: listUrl, resource: list });
      return listUrl;
    };
    const lists: Partial<Record<PopulationCode, string>> = {};
    // episode measures list the patients of each rate's populations instead
    if (!t.groups)
      for (const code of POPULATION_CODES) {
        const list = listOf(code, POPULATION_DISPLAY[code], t.subjects?.[code] ?? []);
        if (list) lists[code] = list;
      }
    const groupLists = t.groups && episodeSubjectLists(t.groups, listOf);
    entry.push({ fullUrl: url(`subject-list|${t.id}`), resource: reportOf(t, opts, 'subject-list', lists, groupLists) }, ...listEntries, ...(individuals.get(t.id) ?? []));
  }
  return { resourceType: 'Bundle', id: `population-${opts.period.start}-${opts.period.end}`, type: 'collection', timestamp: /T/.test(opts.date) ? opts.date : `${opts.date}T00:00:00Z`, entry };
}
