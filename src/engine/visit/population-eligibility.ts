/**
 * Why a patient is not in a measure, in the measure's own terms: who the measure is for (age band,
 * and for the ACO measures the diagnosis or sex), and whether only a qualifying visit is missing.
 * The facts are the measures' own constants; the wording is for clinicians, not quality staff.
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
import { CMS122_AGE } from '../measures/cms122-glycemic-status-above-nine.ts';
import { CMS125_AGE } from '../measures/cms125-breast-cancer-screening.ts';
import { CMS130_AGE } from '../measures/cms130-colorectal-cancer-screening.ts';
import { CMS165_AGE } from '../measures/cms165-controlling-high-blood-pressure.ts';
import { MIN_AGE as CMS2_MIN_AGE } from '../measures/cms2-terminology.ts';
import { SDOH_MIN_AGE } from '../measures/sdoh-screening.ts';
import type { DayPeriod, IsoDate } from '../types.ts';

/** Who a measure is for. */
export interface Eligibility {
  /** Inclusive age band; `high` absent = no upper limit. */
  ages: { low: number; high?: number };
  /**
   * The day the age is taken on: the period's first or last day, or the date of the qualifying
   * visit (#487) — then the visit in context, else the period's last day (the oldest the patient
   * can be at a visit in the period).
   */
  ageOn: 'period-start' | 'period-end' | 'visit-date';
  /** Only women (CMS125 reads the US Core birth sex). */
  women?: true;
  /** The diagnosis the measure requires, in plain words ("with hypertension diagnosed by 30 June of the year"). */
  who?: string;
}

/** Eligibility of the measures the engine ships, by measure id. */
export const ELIGIBILITY: Readonly<Record<string, Eligibility>> = {
  cms2: { ages: { low: CMS2_MIN_AGE }, ageOn: 'period-start' },
  'sdoh-screening': { ages: { low: SDOH_MIN_AGE }, ageOn: 'visit-date' },
  cms165: { ages: CMS165_AGE, ageOn: 'period-end', who: 'with hypertension diagnosed by 30 June of the year' },
  cms122: { ages: CMS122_AGE, ageOn: 'period-end', who: 'with diabetes' },
  cms130: { ages: CMS130_AGE, ageOn: 'period-end' },
  cms125: { ages: CMS125_AGE, ageOn: 'period-end', women: true },
};

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
