/**
 * CMS165's blood-pressure readings: which US Core blood-pressure observations qualify (not taken
 * during an inpatient stay or ED visit), the most recent day with a reading, and the lowest
 * systolic and diastolic values on that day (each may come from a different reading).
 * Spec: CMS165FHIRControllingHighBloodPressure 0.5.000 "Qualifying Systolic/Diastolic Blood
 * Pressure Reading", "Most Recent Blood Pressure Day", "Lowest … Reading on Most Recent Blood
 * Pressure Day" (ecqm-content-qicore-2025); US Core blood pressure profile
 * (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-blood-pressure.html).
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { LOINC } from '../../codes/code-systems.ts';
import { EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT } from '../../valuesets/catalog/emergency-department-evaluation-and-management-visit.ts';
import { ENCOUNTER_INPATIENT } from '../../valuesets/catalog/encounter-inpatient.ts';
import { DAY, distinctDates, type CqlDateTime } from '../../cql/date-time.ts';
import { sameAs } from '../../cql/date-time-compare.ts';
import { latest } from '../../cql/fhir-intervals.ts';
import { contains } from '../../cql/interval.ts';
import { isTrue } from '../../cql/logic.ts';
import { sortAscending } from '../../cql/sort.ts';
import { singleDay } from '../../cql/calendar-days.ts';
import { conceptHas } from './concept-match.ts';
import { ucumUnitOf } from './observation-values.ts';
import { encountersIn } from './qicore-retrieve.ts';
import { isEncounterPerformed, isObservationPerformed } from './status-filters.ts';

/** LOINC "Blood pressure panel with all children optional" (the US Core BP profile's code). */
export const BP_PANEL = '85354-9';
/** Profile URLs that mark an Observation as a blood pressure. */
export const BP_PROFILES = [
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure',
  'http://hl7.org/fhir/StructureDefinition/bp',
] as const;
/** LOINC "Systolic blood pressure". */
export const SYSTOLIC_BP = '8480-6';
/** LOINC "Diastolic blood pressure". */
export const DIASTOLIC_BP = '8462-4';
/** Encounter classes (v3 ActCode) whose readings do not count: emergency, inpatient, acute, non-acute, pre-admission, short stay. */
export const DISQUALIFYING_ENCOUNTER_CLASSES = ['EMER', 'IMP', 'ACUTE', 'NONAC', 'PRENC', 'SS'] as const;
/** The unit both thresholds are written in. */
export const MM_HG = 'mm[Hg]';

/** One qualifying reading. */
export interface BpReading {
  obs: fhir4.Observation;
  /** `effective.latest()`. */
  latest: CqlDateTime;
  /** mm[Hg]; `undefined` when the component is absent or not in mm[Hg] (CQL null). */
  systolic?: number;
  diastolic?: number;
}

/** Whether an Observation is a blood pressure (US Core BP code or profile). */
export function isBloodPressure(o: fhir4.Observation): boolean {
  return (
    conceptHas(o.code, LOINC, BP_PANEL) ||
    (o.meta?.profile ?? []).some((p) => (BP_PROFILES as readonly string[]).includes(p.split('|')[0] ?? ''))
  );
}

function componentValue(ctx: EvaluationContext, o: fhir4.Observation, code: string): number | undefined {
  const comps = (o.component ?? []).filter((c) => conceptHas(c.code, LOINC, code));
  if (comps.length > 1) {
    ctx.issue({
      resourceType: 'Observation',
      id: o.id,
      field: 'component',
      message: `more than one ${code} component: the first is used`,
      severity: 'warning',
    });
  }
  const q = comps[0]?.valueQuantity;
  if (!q || typeof q.value !== 'number') {
    return undefined;
  }
  const unit = ucumUnitOf(q);
  if (unit !== MM_HG && unit !== 'mmHg') {
    ctx.issue({
      resourceType: 'Observation',
      id: o.id,
      field: 'component.valueQuantity',
      message: `unit ${unit} is not mm[Hg]`,
      severity: 'warning',
    });
    return undefined;
  }
  return q.value;
}

/**
 * "Qualifying … Blood Pressure Reading": performed BP observations that either do not fall on
 * the day(s) of an inpatient or ED encounter, or fall in the measurement period and are not
 * attached to an encounter of a disqualifying class — the CQL's union, kept exactly (the first
 * branch has no period bound).
 */
export function qualifyingBpReadings(ctx: EvaluationContext): BpReading[] {
  const mp = ctx.measurementPeriod;
  const disqualifying = [
    ...encountersIn(ctx, ENCOUNTER_INPATIENT),
    ...encountersIn(ctx, EMERGENCY_DEPARTMENT_EVALUATION_AND_MANAGEMENT_VISIT),
  ]
    .filter(isEncounterPerformed)
    .map((e) => ctx.periodOf(e).interval);
  const encounterById = new Map(ctx.ofType<fhir4.Encounter>('Encounter').map((e) => [e.id, e] as const));
  const out: BpReading[] = [];
  for (const o of ctx.ofType<fhir4.Observation>('Observation')) {
    if (!isBloodPressure(o) || !isObservationPerformed(o)) {
      continue;
    }
    const at = latest(ctx.effectiveOf(o).interval);
    if (!at) {
      continue;
    }
    // without … such that effective.latest() during day of DisqualifyingEncounter.period
    const notDuringStay = !disqualifying.some((iv) => isTrue(contains(iv, at, DAY)));
    const refId = o.encounter?.reference?.split('/').pop();
    const cls = refId ? encounterById.get(refId)?.class?.code : undefined;
    const outpatientInPeriod =
      !(DISQUALIFYING_ENCOUNTER_CLASSES as readonly string[]).includes(cls ?? '') && isTrue(contains(mp, at, DAY));
    if (!notDuringStay && !outpatientInPeriod) {
      continue;
    }
    out.push({
      obs: o,
      latest: at,
      systolic: componentValue(ctx, o, SYSTOLIC_BP),
      diastolic: componentValue(ctx, o, DIASTOLIC_BP),
    });
  }
  return out;
}

/** The most recent BP day and its lowest systolic / diastolic (CQL sorts a missing value first). */
export interface MostRecentBp {
  /** "Most Recent Blood Pressure Day" (a Date, possibly coarser than a day). */
  date: CqlDateTime;
  /** Its epoch day when it is a whole day. */
  day?: number;
  readings: BpReading[];
  /** `undefined` when any reading that day lacks the value (null sorts lowest in CQL). */
  systolic?: number;
  diastolic?: number;
}

/**
 * "Most Recent Blood Pressure Day": the last of the readings' `date from effective.latest()`
 * (distinct, sorted as cql-execution sorts Dates), then the lowest systolic and diastolic among
 * the readings `same day as` it; `undefined` when there is no reading.
 */
export function mostRecentBp(readings: readonly BpReading[]): MostRecentBp | undefined {
  // "Blood Pressure Days": the diastolic and systolic lists are the same readings here, so their
  // intersection is their distinct dates (a Date equals another only with the same fields: its text)
  const dates = distinctDates(readings.map((r) => r.latest));
  if (!dates.length) {
    return undefined;
  }
  const sorted = sortAscending(dates, (d) => d);
  const date = sorted[sorted.length - 1]!;
  const sameDay = readings.filter((r) => isTrue(sameAs(r.latest, date, DAY)));
  const lowest = (vals: (number | undefined)[]) =>
    vals.some((v) => v === undefined) ? undefined : Math.min(...(vals as number[]));
  const out: MostRecentBp = { date, readings: sameDay };
  const day = singleDay(date);
  if (day !== undefined) {
    out.day = day;
  }
  const s = lowest(sameDay.map((r) => r.systolic));
  const d = lowest(sameDay.map((r) => r.diastolic));
  if (sameDay.length && s !== undefined) {
    out.systolic = s;
  }
  if (sameDay.length && d !== undefined) {
    out.diastolic = d;
  }
  return out;
}
