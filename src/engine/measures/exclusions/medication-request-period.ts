/**
 * CumulativeMedicationDuration `medicationRequestPeriod()` as the interval type the shared
 * exclusion libraries compare with. The computation itself lives in one place,
 * `src/engine/fhir/medication-request-period.ts` (also used by CMS2's medication follow-up).
 * Spec: CumulativeMedicationDuration 6.0.000.
 */
import { medicationRequestPeriod as coveredDays } from '../../fhir/medication-request-period.ts';
import { dayInterval, type DayIv } from './cql-interval.ts';

/** The prescription's period as days, or `undefined` (CQL null) when it cannot be computed. */
export function medicationRequestPeriod(r: fhir4.MedicationRequest, tz: number): DayIv | undefined {
  const p = coveredDays(r, tz);
  return p ? dayInterval(p.start, p.end) : undefined;
}
