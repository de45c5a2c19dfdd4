/**
 * The record as it stood on the as-of day, for an as-of inside the measurement period ("where do we
 * stand on 30 Jun"): a resource whose event began after the as-of day is left out, so nothing dated
 * later counts for measures, gaps, flags or actions (#12 §4: "Nothing dated after the as-of date
 * counts"). Without this, a September visit and screening would close the CMS2 gap "as of 30 Jun".
 *
 * The event date per type is the one the measures and rules read (QICore / FHIRHelpers timing
 * elements): Encounter.period.start, Observation and DiagnosticReport effective[x] (else issued),
 * Procedure.performed[x], Condition onset[x] and recordedDate (a condition recorded later was not
 * known yet), MedicationRequest / ServiceRequest / DeviceRequest authoredOn, QuestionnaireResponse
 * authored, AllergyIntolerance recordedDate / onset[x], ImagingStudy started, Coverage period.start.
 * A value is after the as-of day only when its earliest possible day is (a value dated "2026-07"
 * is kept as of 15 Jul); an undated resource is kept. Dates are read as written (the engine's
 * calendar-day convention, cql/calendar-days.ts), so the answer does not depend on a time zone.
 *
 * When the as-of day is the period end or later, nothing is left out: the measures then follow the
 * CQL in full, which counts e.g. a CMS2 follow-up on the day after a 31 Dec visit.
 */
import { daySpan } from '../cql/calendar-days.ts';
import { parseDateTime } from '../cql/date-time.ts';
import type { PatientRecord } from '../record.ts';

/** Per type: the elements whose date says when the resource's event began (first readable wins, except Condition). */
const EVENT_DATES: Readonly<Record<string, readonly string[]>> = {
  Encounter: ['period.start'],
  Observation: ['effectiveDateTime', 'effectiveInstant', 'effectivePeriod.start', 'issued'],
  DiagnosticReport: ['effectiveDateTime', 'effectivePeriod.start', 'issued'],
  Procedure: ['performedDateTime', 'performedPeriod.start'],
  MedicationRequest: ['authoredOn'],
  ServiceRequest: ['authoredOn'],
  DeviceRequest: ['authoredOn'],
  QuestionnaireResponse: ['authored'],
  ImagingStudy: ['started'],
  Coverage: ['period.start'],
};

/** Types where every listed date must be on or before the as-of day (known and begun). */
const ALL_DATES: Readonly<Record<string, readonly string[]>> = {
  Condition: ['onsetDateTime', 'onsetPeriod.start', 'recordedDate'],
  AllergyIntolerance: ['onsetDateTime', 'onsetPeriod.start', 'recordedDate'],
};

/** The text at a dotted path (`period.start`), when it is a string. */
function textAt(resource: object, path: string): string | undefined {
  let v: unknown = resource;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') {
      return undefined;
    }
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'string' ? v : undefined;
}

/** The earliest day a date text can mean; undefined when absent or unreadable. */
function earliestDay(text: string | undefined): number | undefined {
  const v = parseDateTime(text);
  return v ? daySpan(v).low : undefined;
}

/** Whether the resource's event began (or it was recorded) after the as-of day. */
export function datedAfter(resource: fhir4.Resource, asOfDay: number): boolean {
  const all = ALL_DATES[resource.resourceType];
  if (all) {
    return all.some((path) => (earliestDay(textAt(resource, path)) ?? -Infinity) > asOfDay);
  }
  for (const path of EVENT_DATES[resource.resourceType] ?? []) {
    const day = earliestDay(textAt(resource, path));
    if (day !== undefined) {
      return day > asOfDay;
    }
  }
  return false;
}

/** What {@link recordAsOf} left out, by resource type. */
export type LeftOut = Partial<Record<string, number>>;

/**
 * The record without the resources dated after `asOfDay` (the same record object when there are
 * none), and how many of each type were left out. Completeness is kept as it was.
 */
export function recordAsOf(record: PatientRecord, asOfDay: number): { record: PatientRecord; leftOut: LeftOut } {
  const leftOut: LeftOut = {};
  let resources: PatientRecord['resources'] | undefined;
  for (const [type, list] of Object.entries(record.resources)) {
    if (!list) {
      continue;
    }
    const kept = list.filter((r) => !datedAfter(r, asOfDay));
    if (kept.length !== list.length) {
      resources ??= { ...record.resources };
      resources[type] = kept;
      leftOut[type] = list.length - kept.length;
    }
  }
  return resources ? { record: { ...record, resources }, leftOut } : { record, leftOut };
}
