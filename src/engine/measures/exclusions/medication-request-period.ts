/**
 * CumulativeMedicationDuration `medicationRequestPeriod()`: the days a prescription covers, from
 * its start (bounds start, else authoredOn, else validity start) for the days supplied (expected
 * supply duration, else quantity ÷ daily dose) times (1 + refills), or to the bounds end.
 * Spec: CumulativeMedicationDuration 6.0.000 (ecqm-content-qicore-2025 input/cql/CumulativeMedicationDuration.cql).
 */
import { pointOfText, dayInterval, type DayIv } from './cql-interval.ts';

/** Days per unit of a timing period (CMD `ToDaily`, 30-day months, 365-day years). */
const UNIT_DAYS: Record<string, number> = {
  s: 1 / 86_400, second: 1 / 86_400, seconds: 1 / 86_400,
  min: 1 / 1440, minute: 1 / 1440, minutes: 1 / 1440,
  h: 1 / 24, hour: 1 / 24, hours: 1 / 24,
  d: 1, day: 1, days: 1,
  wk: 7, week: 7, weeks: 7,
  mo: 30, month: 30, months: 30,
  a: 365, year: 365, years: 365,
};

/** Doses per day from `frequency` per `period periodUnit`; `undefined` when either is missing. */
function toDaily(frequency: number | undefined, period: number | undefined, unit: string | undefined): number | undefined {
  if (frequency === undefined || period === undefined || !unit) return undefined;
  const days = UNIT_DAYS[unit];
  if (days === undefined || period === 0) return undefined;
  return frequency / (period * days);
}

/** Supply duration in days (UCUM or calendar units); `undefined` when not convertible. */
function durationDays(q: fhir4.Duration | undefined): number | undefined {
  if (!q || typeof q.value !== 'number') return undefined;
  const days = UNIT_DAYS[q.code ?? q.unit ?? ''];
  return days === undefined ? undefined : q.value * days;
}

/** The prescription's period as days, or `undefined` (CQL null) when it cannot be computed. */
export function medicationRequestPeriod(r: fhir4.MedicationRequest, tz: number): DayIv | undefined {
  // singleton from: more than one dosage instruction / doseAndRate has no defined period
  const dosages = r.dosageInstruction ?? [];
  if (dosages.length > 1) return undefined;
  const dosage = dosages[0];
  const doseAndRates = dosage?.doseAndRate ?? [];
  if (doseAndRates.length > 1) return undefined;
  const doseAndRate = doseAndRates[0];
  const repeat = dosage?.timing?.repeat;
  const frequency = repeat?.frequencyMax ?? repeat?.frequency;
  const dose = doseAndRate?.doseRange?.high?.value ?? doseAndRate?.doseQuantity?.value;
  // Coalesce(ToDaily(...), Count(timeOfDay), 1.0): Count of an absent list is 0, never null
  const dosesPerDay = toDaily(frequency, repeat?.period, repeat?.periodUnit) ?? (repeat?.timeOfDay?.length ?? 0);
  const bounds = repeat?.boundsPeriod;
  const daysSupply = durationDays(r.dispenseRequest?.expectedSupplyDuration);
  const quantity = r.dispenseRequest?.quantity?.value;
  const refills = r.dispenseRequest?.numberOfRepeatsAllowed ?? 0;
  const start =
    pointOfText(bounds?.start, tz) ?? pointOfText(r.authoredOn, tz) ?? pointOfText(r.dispenseRequest?.validityPeriod?.start, tz);
  const perFill =
    daysSupply ?? (quantity !== undefined && dose !== undefined && dose * dosesPerDay !== 0 ? quantity / (dose * dosesPerDay) : undefined);
  const total = perFill === undefined ? undefined : perFill * (1 + refills);
  if (start && total !== undefined) return dayInterval(start.lo, start.lo + Math.trunc(total - 1));
  const end = pointOfText(bounds?.end, tz);
  if (start && end) return dayInterval(start.lo, end.lo);
  return undefined;
}
