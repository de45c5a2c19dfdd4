/**
 * The period a MedicationRequest covers, exactly as CumulativeMedicationDuration 6.0.000
 * `medicationRequestPeriod()` computes it, as an interval of CQL Dates:
 *   start = date from (start of boundsPeriod ?? authoredOn ?? dispenseRequest.validityPeriod.start)
 *           — the date as written, at whatever precision it was written;
 *   days  = (expectedSupplyDuration in days ?? quantity / (dose × doses per day)) × (1 + refills);
 *   period = [start, start + (days − 1) days], else [start, date from end of boundsPeriod], else null.
 * Only the numeric values of dose and quantity are used, so a non-UCUM unit ("tablet") is fine
 * (the reference engine throws on it; we must not).
 * Spec: CumulativeMedicationDuration 6.0.000 (MedicationRequestPeriod, ToDaily).
 */
import { quantityValue } from '../fhir/quantities.ts';
import { DAY, dateFrom, type CqlDateTime } from './date-time.ts';
import { add } from './date-time-arithmetic.ts';
import { endOf, interval, startOf, type CqlInterval } from './interval.ts';
import { periodInterval } from './fhir-intervals.ts';
import { parseDateTime } from './date-time.ts';

/** Hours in one period unit, as CMD `ToDaily` divides (30-day month, 365-day year). */
const HOURS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1 / 3600,
  second: 1 / 3600,
  seconds: 1 / 3600,
  min: 1 / 60,
  minute: 1 / 60,
  minutes: 1 / 60,
  h: 1,
  hour: 1,
  hours: 1,
  d: 24,
  day: 24,
  days: 24,
  wk: 24 * 7,
  week: 24 * 7,
  weeks: 24 * 7,
  mo: 24 * 30,
  month: 24 * 30,
  months: 24 * 30,
  a: 24 * 365,
  year: 24 * 365,
  years: 24 * 365,
};

/** Days in one unit of `expectedSupplyDuration` (CQL `convert … to days`; UCUM mo = 30.4375 d, a = 365.25 d). */
const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  d: 1,
  day: 1,
  days: 1,
  wk: 7,
  week: 7,
  weeks: 7,
  h: 1 / 24,
  hour: 1 / 24,
  hours: 1 / 24,
  mo: 30.4375,
  month: 30.4375,
  months: 30.4375,
  a: 365.25,
  year: 365.25,
  years: 365.25,
};

/** CMD `ToDaily(frequency, period)`: doses per day, or `undefined` (null) for an unknown unit. */
export function dosesPerDayOf(
  frequency: number | undefined,
  period: number | undefined,
  unit: string | undefined,
): number | undefined {
  if (frequency === undefined || period === undefined || !period || unit === undefined) {
    return undefined;
  }
  const hours = HOURS_PER_UNIT[unit];
  return hours === undefined ? undefined : (frequency * 24) / period / hours;
}

function singleton<T>(list: T[] | undefined): T | undefined | 'many' {
  if (!Array.isArray(list) || list.length === 0) {
    return undefined;
  }
  return list.length === 1 ? list[0] : 'many';
}

function supplyDays(q: fhir4.Duration | undefined): number | undefined {
  const v = quantityValue(q);
  if (v === undefined) {
    return undefined;
  }
  const unit = (q?.code ?? q?.unit ?? '').trim();
  const per = DAYS_PER_UNIT[unit];
  return per === undefined ? undefined : v * per;
}

/** `date from` a dateTime text, or null. */
function dateOfText(text: unknown): CqlDateTime | null {
  const v = parseDateTime(text);
  return v ? dateFrom(v) : null;
}

/**
 * `date + (days) days` as cql-execution adds a decimal quantity of days to a Date (luxon: whole
 * days, then the fraction as elapsed time, then cut back to the day).
 */
function addDays(start: CqlDateTime, days: number): CqlDateTime | null {
  const whole = Math.trunc(days);
  const fraction = days - whole;
  const moved = add(start, whole, DAY);
  if (!moved || fraction === 0 || moved.f.length <= DAY) {
    return moved;
  }
  // a negative fraction of a day reaches back into the previous day
  return fraction < 0 ? add(moved, -1, DAY) : moved;
}

/**
 * CMD `medicationRequestPeriod()` as an interval of Dates. `null` where CMD returns null,
 * including more than one dosageInstruction / doseAndRate (CMD's `singleton from` would raise an
 * error there).
 */
export function medicationRequestPeriod(req: fhir4.MedicationRequest): CqlInterval | null {
  const dosage = singleton(req.dosageInstruction);
  if (dosage === 'many') {
    return null;
  }
  const doseAndRate = singleton(dosage?.doseAndRate);
  if (doseAndRate === 'many') {
    return null;
  }
  const repeat = dosage?.timing?.repeat;
  const frequency = repeat?.frequencyMax ?? repeat?.frequency;
  const dose = quantityValue(doseAndRate?.doseRange?.high) ?? quantityValue(doseAndRate?.doseQuantity);
  // Count(timeOfDay) is 0, never null, when ToDaily is null: CMD then divides by zero (→ null)
  const dosesPerDay = dosesPerDayOf(frequency, repeat?.period, repeat?.periodUnit) ?? repeat?.timeOfDay?.length ?? 0;
  const bounds = periodInterval(repeat?.boundsPeriod);
  const boundsStart = startOf(bounds);
  const start =
    (boundsStart ? dateFrom(boundsStart) : null) ??
    dateOfText(req.authoredOn) ??
    dateOfText(req.dispenseRequest?.validityPeriod?.start);
  if (!start) {
    return null;
  }
  const refills = req.dispenseRequest?.numberOfRepeatsAllowed;
  const quantity = quantityValue(req.dispenseRequest?.quantity);
  const computed =
    quantity !== undefined && dose !== undefined && dose * dosesPerDay !== 0
      ? quantity / (dose * dosesPerDay)
      : undefined;
  const days = supplyDays(req.dispenseRequest?.expectedSupplyDuration) ?? computed;
  if (days !== undefined) {
    const total = days * (1 + (typeof refills === 'number' && Number.isFinite(refills) ? refills : 0));
    return interval(start, addDays(start, total - 1));
  }
  // boundsPeriod."high" is not null
  const boundsEnd = bounds?.high ? endOf(bounds) : null;
  return boundsEnd ? interval(start, dateFrom(boundsEnd)) : null;
}
