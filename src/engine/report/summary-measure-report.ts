/**
 * Population-level reports: the FHIR summary MeasureReport of each measure (counts summed over the
 * patients, `type: summary`, one `group` per Measure.group) and a collection Bundle of those
 * summaries plus, per measure, a `subject-list` MeasureReport whose populations point
 * (`subjectResults`) at Lists of the individual MeasureReports that are also in the Bundle.
 * Every group of every report is stratified by attributed clinician (`group.stratifier` /
 * `stratum`, see {@link stratifierOf}); stratum counts add up to the group's.
 * Spec: https://hl7.org/fhir/R4/measurereport.html (type summary / subject-list,
 * group.population.subjectResults, group.stratifier.stratum); scoring per cqf-measures proportion
 * scoring (https://build.fhir.org/ig/HL7/cqf-measures/measure-conformance.html#proportion-measure-scoring):
 * score = numerator / (denominator − denominator-exclusion − denominator-exception).
 * A patient whose measure status is `unknown` (inputs incomplete) has no verdict: the provisional
 * populations are not summed; such patients are counted in the {@link UNKNOWN_COUNT_EXTENSION}.
 */
import { MEASURE_POPULATION } from '../codes/code-systems.ts';
import type { DayPeriod, PatientEvaluation, PopulationCode, PopulationCounts } from '../types.ts';
import { deterministicUuid } from './deqm-gaps-bundle.ts';
import { toIndividualMeasureReport } from './measure-report.ts';
import {
  DEFAULT_GROUP_ID,
  PopulationAccumulator,
  POPULATION_CODES,
  measureScore,
  type GroupTally,
  type MeasureTally,
  type PopulationInput,
} from './population-accumulator.ts';
import { clinicianLabel, UNATTRIBUTED } from './patient-identity.ts';
import {
  IN_PROGRESS_EXTENSION,
  POPULATION_BASIS_EXTENSION,
  UNKNOWN_EVENT_EXTENSION,
} from './episode-measure-report.ts';

export { IN_PROGRESS_EXTENSION, POPULATION_BASIS_EXTENSION, UNKNOWN_EVENT_EXTENSION };

export {
  PopulationAccumulator,
  POPULATION_CODES,
  measureScore,
  measureGroupsOf,
  DEFAULT_GROUP_ID,
} from './population-accumulator.ts';
export type {
  GapTally,
  GroupTally,
  MeasureTally,
  PopulationInput,
  StratumTally,
  ClinicianTally,
} from './population-accumulator.ts';

/** Extension on a summary MeasureReport (and on a stratum): patients whose status was `unknown` (valueInteger). */
export const UNKNOWN_COUNT_EXTENSION = 'https://caregap.example.org/fhir/StructureDefinition/unknown-patient-count';

/** Code system of the project's stratifiers; code `attributed-clinician`. */
export const STRATIFIER_SYSTEM = 'https://caregap.example.org/fhir/CodeSystem/stratifier';
/** Code system of attributed-clinician stratum values: the code is the Practitioner(Role) reference, or `unattributed`. */
export const ATTRIBUTED_CLINICIAN_SYSTEM = 'https://caregap.example.org/fhir/CodeSystem/attributed-clinician';
/** Extension on a stratum: the attributed clinician as a FHIR Reference (R4 stratum.value is a CodeableConcept only). */
export const STRATUM_CLINICIAN_EXTENSION = 'https://caregap.example.org/fhir/StructureDefinition/stratum-clinician';
/** Stratifier id and code of the attributed-clinician stratification. */
export const CLINICIAN_STRATIFIER = 'attributed-clinician';

/** An episode measure's populations (it has no exceptions). */
const EPISODE_CODES: readonly PopulationCode[] = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'numerator',
];

/** Display of each population code (measure-population code system). */
export const POPULATION_DISPLAY: Readonly<Record<PopulationCode, string>> = {
  'initial-population': 'Initial Population',
  denominator: 'Denominator',
  'denominator-exclusion': 'Denominator Exclusion',
  'denominator-exception': 'Denominator Exception',
  numerator: 'Numerator',
};

/** Options of {@link toSummaryMeasureReports} and {@link toPopulationBundle}. */
export interface PopulationReportOptions {
  period: DayPeriod;
  /** When the report was calculated (ISO dateTime; callers pass it, the engine reads no clock). */
  date: string;
}

/**
 * The populations with their counts (and, for a subject list, the List each points at): the five
 * of a patient-based measure, or an episode measure's four; `idPrefix` gives them ids `<prefix>-<population>`.
 */
function populations(
  counts: PopulationCounts,
  episode: boolean,
  lists?: Partial<Record<PopulationCode, string>>,
  idPrefix?: string,
): fhir4.MeasureReportGroupPopulation[] {
  return (episode ? EPISODE_CODES : POPULATION_CODES).map((code) => {
    const p: fhir4.MeasureReportGroupPopulation = {
      ...(idPrefix ? { id: `${idPrefix}-${code}` } : {}),
      code: { coding: [{ system: MEASURE_POPULATION, code, display: POPULATION_DISPLAY[code] }] },
      count: counts[code],
    };
    const list = lists?.[code];
    if (list) {
      p.subjectResults = { reference: list };
    }
    return p;
  });
}

/**
 * The attributed-clinician stratifier of a group: one stratum per clinician (by label, the
 * unattributed last), its value a CodeableConcept whose code is the Practitioner reference and
 * display the clinician's name (`unattributed` when none), the Reference itself in
 * {@link STRATUM_CLINICIAN_EXTENSION}, its populations, score and unknown count.
 */
export function stratifierOf(g: GroupTally, episode = false): fhir4.MeasureReportGroupStratifier {
  const strata = [...g.strata.values()].sort(
    (a, b) =>
      (a.key === UNATTRIBUTED ? 1 : 0) - (b.key === UNATTRIBUTED ? 1 : 0) ||
      clinicianLabel(a.clinician).localeCompare(clinicianLabel(b.clinician)) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return {
    id: CLINICIAN_STRATIFIER,
    code: [
      {
        coding: [{ system: STRATIFIER_SYSTEM, code: CLINICIAN_STRATIFIER, display: 'Attributed clinician' }],
        text: 'Attributed clinician',
      },
    ],
    stratum: strata.map((s) => {
      const label = clinicianLabel(s.clinician);
      const code = s.clinician?.reference ?? (s.clinician ? label : UNATTRIBUTED);
      const stratum: fhir4.MeasureReportGroupStratifierStratum = {
        value: { coding: [{ system: ATTRIBUTED_CLINICIAN_SYSTEM, code, display: label }], text: label },
        population: populations(s.counts, episode),
      };
      const ext: fhir4.Extension[] = [];
      if (s.clinician) {
        ext.push({
          url: STRATUM_CLINICIAN_EXTENSION,
          valueReference: {
            ...(s.clinician.reference ? { reference: s.clinician.reference } : {}),
            ...(s.clinician.display ? { display: s.clinician.display } : {}),
          },
        });
      }
      ext.push({ url: UNKNOWN_COUNT_EXTENSION, valueInteger: s.unknown });
      stratum.extension = ext;
      const score = measureScore(s.counts);
      if (score !== undefined) {
        stratum.measureScore = { value: score };
      }
      return stratum;
    }),
  };
}

/** One report group: populations, score, (episode measures) basis and uncounted events, and the clinician strata. */
function reportGroup(
  g: GroupTally,
  episode: boolean,
  lists?: Partial<Record<PopulationCode, string>>,
): fhir4.MeasureReportGroup {
  const group: fhir4.MeasureReportGroup = { id: g.id };
  if (episode) {
    group.extension = [
      { url: POPULATION_BASIS_EXTENSION, valueCode: 'Encounter' },
      { url: IN_PROGRESS_EXTENSION, valueInteger: g.inProgress },
      { url: UNKNOWN_EVENT_EXTENSION, valueInteger: g.unknown },
    ];
  }
  group.population = populations(g.counts, episode, lists, episode ? g.id : undefined);
  // an episode measure has no exceptions, so this is numerator / (denominator − exclusions) there
  const score = measureScore(g.counts);
  if (score !== undefined) {
    group.measureScore = { value: score };
  }
  group.stratifier = [stratifierOf(g, episode)];
  return group;
}

/** The summary (or subject-list) MeasureReport of one tally; `lists` per group id. */
function reportOf(
  t: MeasureTally,
  opts: PopulationReportOptions,
  type: 'summary' | 'subject-list',
  lists?: ReadonlyMap<string, Partial<Record<PopulationCode, string>>>,
): fhir4.MeasureReport {
  const report: fhir4.MeasureReport = {
    resourceType: 'MeasureReport',
    id: `${t.id}-${type}`,
    // pending while any patient is unknown or any event is still in progress or undecidable
    status: t.statuses.unknown || t.groups.some((g) => g.inProgress > 0 || g.unknown > 0) ? 'pending' : 'complete',
    type,
    measure: `${t.measureUrl}|${t.version}`,
    date: opts.date,
    period: { start: opts.period.start, end: opts.period.end },
    group: t.groups.map((g) => reportGroup(g, t.populationBasis === 'Encounter', lists?.get(g.id))),
  };
  if (t.inverse) {
    report.improvementNotation = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation', code: 'decrease' }],
    };
  }
  report.extension = [{ url: UNKNOWN_COUNT_EXTENSION, valueInteger: t.statuses.unknown }];
  return report;
}

/** One summary MeasureReport per measure, from patients (with their clinician) or from an accumulator already fed. */
export function toSummaryMeasureReports(
  source: Iterable<PopulationInput> | PopulationAccumulator,
  opts: PopulationReportOptions,
): fhir4.MeasureReport[] {
  let acc: PopulationAccumulator;
  if (source instanceof PopulationAccumulator) {
    acc = source;
  } else {
    acc = new PopulationAccumulator();
    for (const ev of source) {
      acc.add(ev);
    }
  }
  return acc.measures().map((t) => reportOf(t, opts, 'summary'));
}

/** A patient's evaluation with its attributed clinician (what the population Bundle reads). */
export type PopulationBundleInput = PatientEvaluation & Pick<PopulationInput, 'clinician'>;

/**
 * A collection Bundle: per measure the summary MeasureReport, the subject-list MeasureReport whose
 * populations reference Lists, those Lists (one per non-empty population of each group, each item
 * an individual MeasureReport), and every individual MeasureReport. fullUrls are deterministic `urn:uuid:`s.
 */
export function toPopulationBundle(
  evaluations: Iterable<PopulationBundleInput>,
  opts: PopulationReportOptions,
): fhir4.Bundle {
  const acc = new PopulationAccumulator({ subjects: true });
  const url = (role: string) => `urn:uuid:${deterministicUuid(`population|${opts.date}|${role}`)}`;
  const individualUrl = (measureId: string, patient: string) => url(`individual|${measureId}|${patient}`);
  const individuals = new Map<string, fhir4.BundleEntry[]>();
  for (const ev of evaluations) {
    acc.add(ev);
    for (const m of ev.measures) {
      let list = individuals.get(m.id);
      if (!list) {
        individuals.set(m.id, (list = []));
      }
      list.push({
        fullUrl: individualUrl(m.id, ev.patient),
        resource: toIndividualMeasureReport(m, { subject: ev.patient, period: ev.period, date: opts.date }),
      });
    }
  }
  const entry: fhir4.BundleEntry[] = [];
  for (const t of acc.measures()) {
    entry.push({ fullUrl: url(`summary|${t.id}`), resource: reportOf(t, opts, 'summary') });
    const lists = new Map<string, Partial<Record<PopulationCode, string>>>();
    const listEntries: fhir4.BundleEntry[] = [];
    const single = !t.groups.some((g) => g.id !== DEFAULT_GROUP_ID);
    for (const g of t.groups) {
      const byCode: Partial<Record<PopulationCode, string>> = {};
      for (const code of POPULATION_CODES) {
        const subjects = g.subjects?.[code] ?? [];
        if (!subjects.length) {
          continue;
        }
        // a single-rate measure keeps the keys it always had; a measure with rates has `<group>-<population>`
        const key = single ? code : `${g.id}-${code}`;
        const listUrl = url(`list|${t.id}|${key}`);
        byCode[code] = listUrl;
        const list: fhir4.List = {
          resourceType: 'List',
          id: `${t.id}-${key}`,
          status: 'current',
          mode: 'snapshot',
          title: single ? `${t.title}: ${POPULATION_DISPLAY[code]}` : `${t.title}: ${g.id} ${POPULATION_DISPLAY[code]}`,
          date: opts.date,
          entry: subjects.map((p) => ({ item: { reference: individualUrl(t.id, p) } })),
        };
        listEntries.push({ fullUrl: listUrl, resource: list });
      }
      lists.set(g.id, byCode);
    }
    entry.push(
      { fullUrl: url(`subject-list|${t.id}`), resource: reportOf(t, opts, 'subject-list', lists) },
      ...listEntries,
      ...(individuals.get(t.id) ?? []),
    );
  }
  return {
    resourceType: 'Bundle',
    id: `population-${opts.period.start}-${opts.period.end}`,
    type: 'collection',
    timestamp: /T/.test(opts.date) ? opts.date : `${opts.date}T00:00:00Z`,
    entry,
  };
}
