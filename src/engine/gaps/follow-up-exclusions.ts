/**
 * Patient-level facts that remove follow-up episodes: death and hospice.
 * - Death: `Patient.deceasedDateTime` on or before asOf, `Patient.deceasedBoolean` true (day not
 *   known), or a stay discharged "expired" (HL7 `exp`, NUBC 20/40/41/42) on or before asOf. A
 *   death after asOf has not happened yet as of asOf (nothing after asOf counts).
 *   HEDIS FUH/FUM/FUA exclude "members who die any time during the measurement year"; CMS TCM
 *   cannot be reported when the patient dies before the end of the 30-day service period
 *   (CMS TCM FAQ); a deceased patient has no point-of-care follow-up gaps (issue #12 §3).
 * - Hospice: HEDIS FUH/FUM/FUA exclude "members in hospice or using hospice services anytime during
 *   the measurement year" (measures.md §5) — read with the eCQM Hospice library's "Has Hospice
 *   Services" (hospice encounter, order, intervention, diagnosis, MDS item, discharge to hospice),
 *   plus a discharge disposition of hospice in HL7 or NUBC codes, keeping only evidence dated on or
 *   before asOf.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { hospiceEvidence } from '../measures/cql-libraries/hospice.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { Evidence } from '../types.ts';
import { dischargeDestination } from './discharge-disposition.ts';
import { dayOfValue, dayRangeOfValue, encounterDay, encounterRef, tookPlace } from './encounter-facts.ts';

/** The patient's death as of asOf. `day` is absent when the record says deceased without a date. */
export interface PatientDeath {
  day?: number;
  evidence: Evidence;
}

const DEATHS = new WeakMap<EvaluationContext, PatientDeath | null>();

/** The patient's death on or before asOf, or undefined when the record shows none (memoised per evaluation). */
export function patientDeath(ctx: EvaluationContext): PatientDeath | undefined {
  let death = DEATHS.get(ctx);
  if (death === undefined) {
    DEATHS.set(ctx, (death = readDeath(ctx) ?? null));
  }
  return death ?? undefined;
}

function readDeath(ctx: EvaluationContext): PatientDeath | undefined {
  const p = ctx.record.patient;
  const patientRef = ctx.patientRef;
  const candidates: PatientDeath[] = [];
  if (p.deceasedDateTime !== undefined) {
    const range = dayRangeOfValue(p.deceasedDateTime);
    if (!range) {
      dayOfValue(ctx, p.deceasedDateTime, { resourceType: 'Patient', id: p.id, field: 'deceasedDateTime' });
    }
    // died on or before asOf; an imprecise date (a year, a month) that may fall after asOf is not yet a death
    else if (range.high <= ctx.asOfDay) {
      const exact = range.low === range.high;
      candidates.push({
        ...(exact ? { day: range.low } : {}),
        evidence: {
          reference: patientRef,
          rule: 'patient-deceased',
          date: String(p.deceasedDateTime),
          display: 'Patient.deceasedDateTime',
        },
      });
    }
  }
  for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
    if (!tookPlace(enc) || dischargeDestination(enc) !== 'expired') {
      continue;
    }
    const day = encounterDay(ctx, enc, 'end');
    if (day !== undefined && day <= ctx.asOfDay) {
      candidates.push({
        day,
        evidence: {
          reference: encounterRef(enc),
          rule: 'discharged-expired',
          date: isoDay(day),
          display: 'Discharge disposition: expired',
        },
      });
    }
  }
  if (candidates.length) {
    return candidates.reduce((a, b) => ((b.day ?? Infinity) < (a.day ?? Infinity) ? b : a));
  }
  if (p.deceasedBoolean === true) {
    return {
      evidence: { reference: patientRef, rule: 'patient-deceased', display: 'Patient.deceasedBoolean true (no date)' },
    };
  }
  return undefined;
}

const HOSPICE = new WeakMap<EvaluationContext, Evidence[]>();

/** Hospice evidence in the measurement period dated on or before asOf (memoised per evaluation). */
export function hospiceUntilAsOf(ctx: EvaluationContext): Evidence[] {
  let out = HOSPICE.get(ctx);
  if (!out) {
    // undated hospice evidence (a hospice diagnosis without onset) holds from the start, as in CQL
    out = hospiceEvidence(ctx).filter((e) => (dayRangeOfValue(e.date)?.low ?? -Infinity) <= ctx.asOfDay);
    // a discharge to hospice coded in HL7 (`hosp`) or NUBC (50, 51), which the eCQM library (SNOMED only) does not read
    for (const enc of ctx.ofType<fhir4.Encounter>('Encounter')) {
      if (
        !tookPlace(enc) ||
        dischargeDestination(enc) !== 'hospice' ||
        out.some((e) => e.reference === encounterRef(enc))
      ) {
        continue;
      }
      const day = encounterDay(ctx, enc, 'end');
      if (day !== undefined && day >= ctx.periodStartDay && day <= Math.min(ctx.periodEndDay, ctx.asOfDay)) {
        out.push({
          reference: encounterRef(enc),
          rule: 'hospice',
          date: isoDay(day),
          display: 'Discharged to hospice care',
        });
      }
    }
    HOSPICE.set(ctx, out);
  }
  return out;
}
