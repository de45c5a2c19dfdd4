/**
 * FHIR MeasureReports of the episode-based follow-up measures (`fuh`, `fum`, `fua`, `tcm`): one
 * `group` per rate, `group.id` = `7-day` / `30-day` (TCM `7-day` / `14-day`), populations
 * initial-population, denominator, denominator-exclusion and numerator counting index events, and
 * `measureScore` = numerator / (denominator − denominator-exclusion) (cqf-measures proportion
 * scoring; these measures have no exceptions).
 * The population basis (Encounter: the counts are events, not patients) is stated on every group
 * with the cqf-measures extension `cqfm-populationBasis` — the extension a Measure.group carries
 * (https://hl7.org/fhir/us/cqfmeasures/StructureDefinition-cqfm-populationBasis.html), as R4
 * MeasureReport has no element for it. Events not counted are stated too: still in progress on
 * asOf ({@link IN_PROGRESS_EXTENSION}) and undecidable from the record ({@link UNKNOWN_EVENT_EXTENSION});
 * either makes a summary `pending`.
 * Individual reports list the events' resources in `evaluatedResource`, each tagged with the
 * population(s) it supports (DEQM `extension-criteriaReference`, value `<group>-<population>`).
 */
import { MEASURE_POPULATION } from '../codes/code-systems.ts';
import type { DayPeriod, MeasureResult, PopulationCounts } from '../types.ts';

/** cqf-measures population basis extension (valueCode `Encounter`). */
export const POPULATION_BASIS_EXTENSION = 'http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-populationBasis';
/** DEQM criteria reference: which population of the report an evaluated resource supports. */
export const CRITERIA_REFERENCE_EXTENSION =
  'http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/extension-criteriaReference';
/** Extension on a group: index events not counted yet because their window was still running on asOf (valueInteger). */
export const IN_PROGRESS_EXTENSION = 'https://caregap.example.org/fhir/StructureDefinition/in-progress-event-count';
/** Extension on a group: index events the record cannot decide (valueInteger). */
export const UNKNOWN_EVENT_EXTENSION = 'https://caregap.example.org/fhir/StructureDefinition/unknown-event-count';

/** The populations of an episode measure's group, in report order. */
export const EPISODE_POPULATION_CODES = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'numerator',
] as const;
/** One of {@link EPISODE_POPULATION_CODES}. */
export type EpisodePopulationCode = (typeof EPISODE_POPULATION_CODES)[number];

const DISPLAY: Readonly<Record<EpisodePopulationCode, string>> = {
  'initial-population': 'Initial Population',
  denominator: 'Denominator',
  'denominator-exclusion': 'Denominator Exclusion',
  numerator: 'Numerator',
};

/** The counts of one rate: its populations and the events not counted. */
interface EpisodeGroupCounts {
  id: string;
  counts: PopulationCounts;
  inProgress: number;
  unknown: number;
}

/** Score numerator / (denominator − exclusions); undefined when nothing is scored. */
export function episodeScore(c: PopulationCounts): number | undefined {
  const scored = c.denominator - c['denominator-exclusion'];
  return scored > 0 ? c.numerator / scored : undefined;
}

function intExt(url: string, n: number): fhir4.Extension {
  return { url, valueInteger: n };
}

/** The report groups of an episode measure (summary, subject-list or individual). */
export function episodeReportGroups(
  groups: readonly EpisodeGroupCounts[],
  lists?: Readonly<Record<string, Partial<Record<EpisodePopulationCode, string>>>>,
): fhir4.MeasureReportGroup[] {
  return groups.map((g) => {
    const group: fhir4.MeasureReportGroup = {
      id: g.id,
      extension: [
        { url: POPULATION_BASIS_EXTENSION, valueCode: 'Encounter' },
        intExt(IN_PROGRESS_EXTENSION, g.inProgress),
        intExt(UNKNOWN_EVENT_EXTENSION, g.unknown),
      ],
      population: EPISODE_POPULATION_CODES.map((code) => {
        const p: fhir4.MeasureReportGroupPopulation = {
          id: `${g.id}-${code}`,
          code: { coding: [{ system: MEASURE_POPULATION, code, display: DISPLAY[code] }] },
          count: g.counts[code],
        };
        const list = lists?.[g.id]?.[code];
        if (list) {
          p.subjectResults = { reference: list };
        }
        return p;
      }),
    };
    const score = episodeScore(g.counts);
    if (score !== undefined) {
      group.measureScore = { value: score };
    }
    return group;
  });
}

/** The populations (`<group>-<population>`) each resource of an individual result supports. */
function criteriaOf(result: MeasureResult): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (ref: string, id: string) => {
    let s = out.get(ref);
    if (!s) {
      out.set(ref, (s = new Set()));
    }
    s.add(id);
  };
  const events = (result.detail?.events ?? []) as readonly {
    index: string;
    anchor: string;
    counts: Record<string, string>;
    followUps: Record<string, { reference: string }>;
  }[];
  for (const e of events) {
    for (const [groupId, count] of Object.entries(e.counts)) {
      if (count === 'in-progress' || count === 'unknown' || count === 'not-counted') {
        continue;
      }
      for (const ref of new Set([e.index, e.anchor])) {
        add(ref, `${groupId}-initial-population`);
        add(ref, `${groupId}-denominator`);
        if (count === 'excluded') {
          add(ref, `${groupId}-denominator-exclusion`);
        }
      }
      const f = e.followUps[groupId];
      if (count === 'numerator' && f) {
        add(f.reference, `${groupId}-numerator`);
      }
    }
  }
  return out;
}

/** The individual MeasureReport of one patient's episode-measure result. */
export function toEpisodeIndividualMeasureReport(
  result: MeasureResult,
  opts: { subject: string; period: DayPeriod; date?: string; id?: string },
  statusExtension?: fhir4.Extension,
): fhir4.MeasureReport {
  const groups = result.groups ?? [];
  const criteria = criteriaOf(result);
  const seen = new Set<string>();
  const evaluated: fhir4.Reference[] = [];
  for (const e of result.evidence) {
    if (seen.has(e.reference)) {
      continue;
    }
    seen.add(e.reference);
    const ids = [...(criteria.get(e.reference) ?? [])];
    evaluated.push({
      reference: e.reference,
      ...(ids.length
        ? { extension: ids.map((valueString) => ({ url: CRITERIA_REFERENCE_EXTENSION, valueString })) }
        : {}),
    });
  }
  const report: fhir4.MeasureReport = {
    resourceType: 'MeasureReport',
    id: opts.id ?? `${result.id}-${opts.subject.replace(/^Patient\//, '')}`,
    status:
      result.status === 'unknown' || groups.some((g) => g.inProgress > 0 || g.unknown > 0) ? 'pending' : 'complete',
    type: 'individual',
    measure: `${result.measureUrl}|${result.version}`,
    subject: { reference: opts.subject },
    period: { start: opts.period.start, end: opts.period.end },
    group: episodeReportGroups(
      groups.map((g) => ({ id: g.id, counts: g.populations, inProgress: g.inProgress, unknown: g.unknown })),
    ),
  };
  if (opts.date) {
    report.date = opts.date;
  }
  if (evaluated.length) {
    report.evaluatedResource = evaluated;
  }
  if (statusExtension) {
    report.extension = [statusExtension];
  }
  return report;
}
