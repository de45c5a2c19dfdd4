/**
 * The period a MedicationRequest covers, exactly as CumulativeMedicationDuration 6.0.000
 * `medicationRequestPeriod()` computes it:
 *   start = date of (boundsPeriod.start ?? authoredOn ?? dispenseRequest.validityPeriod.start);
 *   days  = (expectedSupplyDuration in days ?? quantity / (dose × doses per day)) × (1 + refills);
 *   period = [start, start + days − 1], else [start, end of boundsPeriod], else none.
 * Only the numeric values of dose and quantity are used, so a non-UCUM unit ("tablet") is fine
 * (the reference engine throws on it; we must not).
 * Spec: CumulativeMedicationDuration 6.0.000 (MedicationRequestPeriod, ToDaily).
 */
import { dayOf, parseFhirDateTime } from './dates.ts';
import { quantityValue } from './quantities.ts';

/** The covered days (inclusive), or `undefined` when CMD yields null. */
export interface MedicationPeriodDays {
  start: number;
  end: number;
}

/** Hours in one period unit, as CMD `ToDaily` divides (30-day month, 365-day year). */
const HOURS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1 / 3600, second: 1 / 3600, seconds: 1 / 3600,
  min: 1 / 60, minute: 1 / 60, minutes: 1 / 60,
  h: 1, hour: 1, hours: 1,
  d: 24, day: 24, days: 24,
  wk: 24 * 7, week: 24 * 7, weeks: 24 * 7,
  mo: 24 * 30, month: 24 * 30, months: 24 * 30,
  a: 24 * 365, year: 24 * 365, years: 24 * 365,
};

/** Days in one unit of `expectedSupplyDuration` (CQL `convert … to days`; UCUM mo = 30.4375 d, a = 365.25 d). */
const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  d: 1, day: 1, days: 1,
  wk: 7, week: 7, weeks: 7,
  h: 1 / 24, hour: 1 / 24, hours: 1 / 24,
  mo: 30.4375, month: 30.4375, months: 30.4375,
  a: 365.25, year: 365.25, years: 365.25,
};

/** CMD `ToDaily(frequency, period)`: doses per day, or `undefined` (null) for an unknown unit. */
export function dosesPerDayOf(frequency: number | undefined, period: number | undefined, unit: string | undefined): number | undefined {
  if (frequency === undefined || period === undefined || !period || unit === undefined) return undefined;
  const hours = HOURS_PER_UNIT[unit];
  return hours === undefined ? undefined : (frequency * 24) / period / hours;
}

function singleton<T>(list: T[] | undefined): T | undefined | 'many' {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.length === 1 ? list[0] : 'many';
}

function supplyDays(q: fhir4.Duration | undefined): number | undefined {
  const v = quantityValue(q);
  if (v === undefined) return undefined;
  const unit = (q?.code ?? q?.unit ?? '').trim();
  const per = DAYS_PER_UNIT[unit];
  return per === undefined ? undefined : v * per;
}

/**
 * CMD `medicationRequestPeriod()` in epoch days (dates taken in the evaluation zone). Returns
 * `undefined` where CMD returns null, including more than one dosageInstruction / doseAndRate
 * (CMD's `singleton from` would raise an error there).
 */
export function medicationRequestPeriod(req: fhir4.MedicationRequest, tzOffsetMin = 0): MedicationPeriodDays | undefined {
  const dosage = singleton(req.dosageInstruction);
  if (dosage === 'many') return undefined;
  const doseAndRate = singleton(dosage?.doseAndRate);
  if (doseAndRate === 'many') return undefined;
  const repeat = dosage?.timing?.repeat;
  const frequency = repeat?.frequencyMax ?? repeat?.frequency;
  const dose = quantityValue(doseAndRate?.doseRange?.high) ?? quantityValue(doseAndRate?.doseQuantity);
  // Count(timeOfDay) is 0, never null, when ToDaily is null: CMD then divides by zero (→ null)
  const dosesPerDay = dosesPerDayOf(frequency, repeat?.period, repeat?.periodUnit) ?? (repeat?.timeOfDay?.length ?? 0);
  const bounds = repeat?.boundsPeriod;
  const dayOfText = (text: string | undefined) => dayOf(parseFhirDateTime(text), tzOffsetMin);
  const start =
    dayOfText(bounds?.start) ?? dayOfText(req.authoredOn) ?? dayOfText(req.dispenseRequest?.validityPeriod?.start);
  if (start === undefined) return undefined;
  const refills = req.dispenseRequest?.numberOfRepeatsAllowed;
  const quantity = quantityValue(req.dispenseRequest?.quantity);
  const computed = quantity !== undefined && dose !== undefined && dose * dosesPerDay !== 0 ? quantity / (dose * dosesPerDay) : undefined;
  const days = supplyDays(req.dispenseRequest?.expectedSupplyDuration) ?? computed;
  if (days !== undefined) {
    const total = days * (1 + (typeof refills === 'number' && Number.isFinite(refills) ? refills : 0));
    // Date + Quantity(decimal days) keeps the whole days
    return { start, end: start + Math.trunc(total - 1) };
  }
  const boundsEnd = dayOfText(bounds?.end);
  return boundsEnd !== undefined ? { start, end: boundsEnd } : undefined;
}
