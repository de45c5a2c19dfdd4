/**
 * "Qualifying Encounters", the one definition every measure here uses: finished Encounters whose
 * type is in one of the value sets (or is one of the direct-reference codes) and whose period
 * lies within the measurement period, `period during day of "Measurement Period"`.
 * Used by CMS2 ("Qualifying Encounter During Measurement Period"), the ACO measures
 * (AdultOutpatientEncounters 4.19.000 and CMS122's own list) and the SDOH screening measure.
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001; AdultOutpatientEncounters 4.19.000
 * (ecqm-content-qicore-2025 input/cql/AdultOutpatientEncounters.cql); Status 1.15.000
 * `isEncounterPerformed()`.
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import type { Evidence } from '../../types.ts';
import type { ValueSetDef } from '../../valuesets/value-set.ts';
import { dayBounds } from '../../cql/calendar-days.ts';
import { DAY } from '../../cql/date-time.ts';
import { includedIn, type CqlInterval } from '../../cql/interval.ts';
import { ANNUAL_WELLNESS_VISIT } from '../../valuesets/catalog/annual-wellness-visit.ts';
import { HOME_HEALTHCARE_SERVICES } from '../../valuesets/catalog/home-healthcare-services.ts';
import { OFFICE_VISIT } from '../../valuesets/catalog/office-visit.ts';
import { PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP } from '../../valuesets/catalog/preventive-care-services-established-office-visit-18-and-up.ts';
import { PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP } from '../../valuesets/catalog/preventive-care-services-initial-office-visit-18-and-up.ts';
import { TELEPHONE_VISITS } from '../../valuesets/catalog/telephone-visits.ts';
import { VIRTUAL_ENCOUNTER } from '../../valuesets/catalog/virtual-encounter.ts';
import { anyConceptHas } from './concept-match.ts';
import { displayOf, encountersIn, refOf } from './qicore-retrieve.ts';
import { isEncounterPerformed } from './status-filters.ts';

/** AdultOutpatientEncounters."Qualifying Encounters" value sets. */
export const ADULT_OUTPATIENT_ENCOUNTER_SETS: readonly ValueSetDef[] = [
  OFFICE_VISIT,
  ANNUAL_WELLNESS_VISIT,
  PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP,
  PREVENTIVE_CARE_SERVICES_INITIAL_OFFICE_VISIT_18_AND_UP,
  HOME_HEALTHCARE_SERVICES,
  VIRTUAL_ENCOUNTER,
  TELEPHONE_VISITS,
];

/** A direct-reference encounter type code (`system|code`). */
export interface DirectCode {
  system: string;
  code: string;
}

/** One qualifying encounter with its period read once (FHIRHelpers `ToInterval(period)`). */
export interface QualifyingEncounter {
  resource: fhir4.Encounter;
  reference: string;
  period: CqlInterval;
  /** The day view of the period, for rules written in days: the earliest day it can start, the latest it can end. */
  startDay: number;
  endDay: number;
}

/** The qualifying encounters (record order), and why the list may be short. */
export interface QualifyingEncounters {
  encounters: QualifyingEncounter[];
  /**
   * Finished candidates whose period could not be read, or whose dates are too coarse to tell
   * whether they lie in the period (CQL: unknown, so not counted, as the reference engine does).
   */
  doubtful: string[];
}

/** No direct codes (one constant, so the memo below finds calls without codes again). */
const NO_CODES: readonly DirectCode[] = [];

/**
 * Results per evaluation, then per value-set list and direct-code list (by identity: callers pass
 * module constants). CMS2, its coding gap, CMS165, CMS125 and CMS130 ask for the same lists.
 */
const FOUND = new WeakMap<
  EvaluationContext,
  Map<readonly ValueSetDef[], Map<readonly DirectCode[], QualifyingEncounters>>
>();

/**
 * Finds the qualifying encounters among the value sets' (and direct codes') encounters, once per
 * evaluation and lists; each call gets its own arrays (callers may extend them).
 */
export function qualifyingEncounters(
  ctx: EvaluationContext,
  sets: readonly ValueSetDef[],
  codes: readonly DirectCode[] = NO_CODES,
): QualifyingEncounters {
  let bySets = FOUND.get(ctx);
  if (!bySets) {
    FOUND.set(ctx, (bySets = new Map()));
  }
  let byCodes = bySets.get(sets);
  if (!byCodes) {
    bySets.set(sets, (byCodes = new Map()));
  }
  let found = byCodes.get(codes);
  if (!found) {
    byCodes.set(codes, (found = findQualifyingEncounters(ctx, sets, codes)));
  }
  return { encounters: found.encounters.slice(), doubtful: found.doubtful.slice() };
}

function findQualifyingEncounters(
  ctx: EvaluationContext,
  sets: readonly ValueSetDef[],
  codes: readonly DirectCode[],
): QualifyingEncounters {
  const candidates = new Set<fhir4.Encounter>();
  for (const vs of sets) {
    for (const e of encountersIn(ctx, vs)) {
      candidates.add(e);
    }
  }
  if (codes.length) {
    for (const e of ctx.ofType<fhir4.Encounter>('Encounter')) {
      if (codes.some((c) => anyConceptHas(e.type, c.system, c.code))) {
        candidates.add(e);
      }
    }
  }
  const encounters: QualifyingEncounter[] = [];
  const doubtful: string[] = [];
  for (const e of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!candidates.has(e) || !isEncounterPerformed(e)) {
      continue;
    }
    const reference = refOf(e);
    const read = ctx.periodOf(e);
    if (read.malformed) {
      ctx.issue({
        resourceType: 'Encounter',
        ...(e.id ? { id: e.id } : {}),
        field: 'period',
        message: 'period start or end is not a date/dateTime: read as unknown',
        severity: 'warning',
      });
    }
    // `period during day of "Measurement Period"`
    const during = includedIn(read.interval, ctx.measurementPeriod, DAY);
    if (during === true && read.interval) {
      const days = dayBounds(read.interval);
      encounters.push({
        resource: e,
        reference,
        period: read.interval,
        startDay: days.start!.low,
        endDay: days.end!.high,
      });
    } else if (during === null || read.malformed) {
      doubtful.push(`${reference} has a period that cannot be placed in the measurement period`);
    }
  }
  return { encounters, doubtful };
}

/** The encounters as `qualifying-encounter` evidence, oldest first. */
export function encounterEvidence(found: readonly QualifyingEncounter[]): Evidence[] {
  return found
    .map((q) => ({
      reference: q.reference,
      rule: 'qualifying-encounter',
      date: q.resource.period?.start,
      display: displayOf(q.resource.type?.[0]) ?? 'Visit',
    }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}
