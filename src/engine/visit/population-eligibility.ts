/**
 * Why a patient is not in a measure, in the measure's own terms: who the measure is for (age band,
 * and for the ACO measures the diagnosis or sex), and whether only a qualifying visit is missing.
 * The facts are the measures' own (each definition's `eligibility`); the wording is for clinicians.
 * Spec: each measure's "Initial Population" define — CMS2 0.4.001 (age ≥ 12 at period start + a
 * qualifying encounter), MIPS #487 as the SDOH measure implements it (≥ 18 on the date of a
 * qualifying encounter), CMS165 0.5.000 (18–85 at period end, essential hypertension overlapping
 * the first six months, a qualifying encounter), CMS122 0.5.000 (18–75, diabetes, encounter),
 * CMS130 0.4.000 (46–75, encounter), CMS125 0.4.000 (women 42–74, encounter).
 * Ages are CQL `AgeInYearsAt` (cql/age.ts): a birth date known only to the year or month gives an
 * age range, and the band is decided only when every age in the range is in it or none is.
 */
import { ageInYearsAt, ageWithin, exactAge } from '../cql/age.ts';
import type { UncertainNumber } from '../cql/date-time-arithmetic.ts';
import { parseDate } from '../cql/date-time.ts';
import type { MeasureEligibility } from '../measure-definition.ts';
import { MEASURES } from '../measures/index.ts';
import type { DayPeriod, IsoDate } from '../types.ts';

/** Who a measure is for (declared by each measure's definition). */
export type Eligibility = MeasureEligibility;

/** Eligibility of the measures the engine ships, by measure id (from their definitions). */
export const ELIGIBILITY: Readonly<Record<string, Eligibility>> = Object.fromEntries(
  MEASURES.flatMap((d) => (d.eligibility ? [[d.id, d.eligibility] as const] : [])),
);

/** Why a patient is not in a measure. */
export type PopulationReason =
  /** Outside the age band (age on the day the measure takes it). */
  /** `ageUpTo`: a birth date known only to the year or month gives an age from `age` to `ageUpTo`. */
  | { kind: 'age'; age: number; ageUpTo?: number; ages: { low: number; high?: number }; ageOn: Eligibility['ageOn'] }
  /** The birth date is missing or too imprecise to tell the age. */
  | { kind: 'age-unknown' }
  /** Only a qualifying visit in the period is missing (proved by the visit projection, or the measure needs nothing else). */
  | { kind: 'no-qualifying-visit'; visitInContext: 'brings-in' | 'not-qualifying' | 'none' }
  /** Age fits; the other criteria (diagnosis, sex, a qualifying visit) are not all met. */
  | { kind: 'criteria'; ages: { low: number; high?: number }; women?: true; who?: string }
  /** A measure without an eligibility entry. */
  | { kind: 'other' };

/** The day a measure takes the age on (`visitDate`: the visit in context's day, for `visit-date`). */
function ageDay(period: DayPeriod, e: Eligibility, visitDate: IsoDate | undefined): IsoDate {
  if (e.ageOn === 'period-start') {
    return period.start;
  }
  return e.ageOn === 'visit-date' && visitDate ? visitDate : period.end;
}

/**
 * The patient's age on the day a measure takes it (`null` without a birth date; a range for a
 * birth date known only to the year or month) and whether it is in the band (three-valued: `null`
 * when it cannot be told).
 */
export function ageFor(
  birthDate: string | undefined,
  period: DayPeriod,
  e: Eligibility,
  visitDate?: IsoDate,
): { age: UncertainNumber | null; inBand: boolean | null } {
  const on = parseDate(ageDay(period, e, visitDate));
  const age = on ? ageInYearsAt(birthDate, on) : null;
  return { age, inBand: ageWithin(age, e.ages.low, e.ages.high ?? Infinity) };
}

/**
 * Why the patient is not in measure `measureId`. `entersWithVisit` says whether closing the visit
 * in context puts the patient in (then only a visit was missing); `visitOpen` whether there is an
 * open visit in context at all (without one, a measure that needs only age and a visit is still
 * known to lack the visit).
 */
export function populationReason(
  measureId: string,
  patient: fhir4.Patient,
  period: DayPeriod,
  projection: { entersWithVisit: boolean; visitOpen: boolean; visitDate?: IsoDate | undefined },
): PopulationReason {
  const e = ELIGIBILITY[measureId];
  if (projection.entersWithVisit) {
    return { kind: 'no-qualifying-visit', visitInContext: 'brings-in' };
  }
  if (!e) {
    return { kind: 'other' };
  }
  const { age, inBand } = ageFor(patient.birthDate, period, e, projection.visitDate);
  if (inBand === null || !age) {
    return { kind: 'age-unknown' };
  }
  if (inBand === false) {
    // a visit-date age taken without a visit in context is the age on the period's last day
    const ageOn = e.ageOn === 'visit-date' && !projection.visitDate ? 'period-end' : e.ageOn;
    return {
      kind: 'age',
      age: age.low,
      ...(exactAge(age) === undefined ? { ageUpTo: age.high } : {}),
      ages: e.ages,
      ageOn,
    };
  }
  // Age fits and nothing but a visit is required: the visit is what is missing — and an open visit
  // in context that did not bring the patient in is not of a qualifying type.
  if (!e.who && !e.women) {
    return { kind: 'no-qualifying-visit', visitInContext: projection.visitOpen ? 'not-qualifying' : 'none' };
  }
  return { kind: 'criteria', ages: e.ages, ...(e.women ? { women: e.women } : {}), ...(e.who ? { who: e.who } : {}) };
}
