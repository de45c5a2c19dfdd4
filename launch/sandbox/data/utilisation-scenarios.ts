/**
 * High-utilisation and high-needs histories for a share of the generated panel, so the risk flags
 * and follow-up gaps that need them have real input: frequent ED use (≈ 6 % of patients with
 * ≥ 4 ED visits in the last 12 months, some ≥ 8), unplanned readmissions (two stays admitted
 * through the ED 5–25 days apart), mobility-impairing diagnoses with home hospital beds or patient
 * lifts, and polypharmacy (5–9 or ≥ 10 active medications).
 * Each patient draws from its own random stream (see generate-patient.ts), so adding these
 * histories left the rest of the chart unchanged.
 */
import type { SeededRandom } from '../seeded-random.ts';
import { ADMIT_FROM_ED, DEVICE, DX, EXTRA_MEDS, MOBILITY_DX, VISIT, type Diagnosis } from './codes.ts';
import { type ChartWriter, clinicTime } from './resource-builders.ts';

/** What the scenarios need to know about the patient. */
export interface ScenarioPatient {
  dxs: readonly Diagnosis[];
  /** Age in whole years on the anchor day. */
  age: number;
  anchorDay: number;
}

/**
 * Share of patients who are frequent ED users (≈ 6.5 % overall: frequent ED use concentrates in
 * patients with substance use or serious mental illness), and the share of those with ≥ 8 visits.
 */
export const FREQUENT_ED_SHARE = { behavioral: 0.2, other: 0.04 } as const;
const VERY_FREQUENT_ED_SHARE = 0.3;
/** Share of patients with an unplanned readmission in the last year. */
export const READMISSION_SHARE = 0.035;
/** Share of patients with a mobility-impairing diagnosis, and of those with a frailty device order. */
export const MOBILITY_SHARE = 0.04;
const DEVICE_GIVEN_MOBILITY = 0.6;
/** Share of patients aged 75+ with a frailty device order but no mobility diagnosis. */
const DEVICE_ELDERLY_SHARE = 0.1;
/** Share of patients on ≥ 10 active medications, and of older / multimorbid patients on a few more. */
export const HYPER_POLYPHARMACY_SHARE = 0.04;
const EXTRA_MEDS_SHARE = 0.35;

const SUBSTANCE = [DX.ALCOHOL_USE, DX.OPIOID_USE];
const SMI = [DX.SCHIZOPHRENIA, DX.SCHIZOAFFECTIVE, DX.BIPOLAR];
const MEDICAL_ED_REASONS = [DX.ASTHMA, DX.COPD, DX.HYPERTENSION];
const MEDICAL_ADMISSION_REASONS = [DX.COPD, DX.DIABETES, DX.HYPERTENSION, DX.CKD3];

/** Distinct days in [from, to], sorted. */
export function distinctDays(rng: SeededRandom, n: number, from: number, to: number): number[] {
  const days = new Set<number>();
  for (let i = 0; i < n * 4 && days.size < n; i++) {
    days.add(rng.int(from, to));
  }
  return [...days].sort((a, b) => a - b);
}

/** Adds every utilisation scenario the patient draws. */
export function utilisationScenarios(w: ChartWriter, rng: SeededRandom, p: ScenarioPatient): void {
  const behavioral = p.dxs.some((d) => SUBSTANCE.includes(d) || SMI.includes(d));
  if (rng.chance(behavioral ? FREQUENT_ED_SHARE.behavioral : FREQUENT_ED_SHARE.other)) {
    frequentEdUse(w, rng, p);
  }
  if (rng.chance(READMISSION_SHARE)) {
    readmission(w, rng, p);
  }
  mobilityAndFrailty(w, rng, p);
  polypharmacy(w, rng, p);
}

/** Four to seven (or eight to eleven) ED visits in the last 12 months; substance-use patients' visits are mostly for their SUD. */
function frequentEdUse(w: ChartWriter, rng: SeededRandom, p: ScenarioPatient): void {
  const n = rng.chance(VERY_FREQUENT_ED_SHARE) ? rng.int(8, 11) : rng.int(4, 7);
  const sud = p.dxs.filter((d) => SUBSTANCE.includes(d));
  const mental = p.dxs.filter((d) => d.mental && !SUBSTANCE.includes(d));
  // the last visit falls in the last six weeks, so the FUM / FUA follow-up windows are live
  const days = [
    ...distinctDays(rng, n - 1, p.anchorDay - 364, p.anchorDay - 43),
    rng.int(p.anchorDay - 42, p.anchorDay - 1),
  ];
  days.forEach((day, i) => {
    // the most recent visit is for the patient's behavioral condition when there is one (FUA / FUM index visit)
    const last = i === days.length - 1;
    const principal =
      sud.length && (last || rng.chance(0.6))
        ? rng.pick(sud)
        : mental.length && (last || rng.chance(0.4))
          ? rng.pick(mental)
          : rng.pick(MEDICAL_ED_REASONS);
    w.encounter('EMER', VISIT.ED, day, { hour: rng.int(0, 23), diagnoses: [principal], reason: principal });
  });
}

/** Two stays admitted through the ED, the second 5–25 days after the first discharge, both in the last year. */
function readmission(w: ChartWriter, rng: SeededRandom, p: ScenarioPatient): void {
  const psych = p.dxs.filter((d) => d.mental && d !== DX.ANXIETY);
  const medical = p.dxs.filter((d) => MEDICAL_ADMISSION_REASONS.includes(d));
  const principal =
    psych.length && rng.chance(0.3) ? rng.pick(psych) : rng.pick(medical.length ? medical : MEDICAL_ADMISSION_REASONS);
  const firstAdmit = p.anchorDay - rng.int(45, 330);
  const firstDischarge = firstAdmit + rng.int(2, 6);
  const secondAdmit = firstDischarge + rng.int(5, 25);
  const secondDischarge = Math.min(secondAdmit + rng.int(2, 6), p.anchorDay - 1);
  for (const [admit, discharge] of [
    [firstAdmit, firstDischarge],
    [secondAdmit, secondDischarge],
  ] as const) {
    const edHour = rng.int(0, 6);
    w.encounter('EMER', VISIT.ED, admit, { hour: edHour, diagnoses: [principal], reason: principal });
    w.encounter('IMP', VISIT.INPATIENT, admit, {
      hour: edHour + 3,
      endDay: discharge,
      diagnoses: [principal],
      reason: principal,
      admitSource: ADMIT_FROM_ED,
    });
  }
}

/** A mobility-impairing diagnosis (often with a hospital bed or lift order), or equipment for the very old. */
function mobilityAndFrailty(w: ChartWriter, rng: SeededRandom, p: ScenarioPatient): void {
  const mobility = rng.chance(MOBILITY_SHARE) ? rng.pick(MOBILITY_DX) : undefined;
  if (mobility) {
    w.condition(mobility, p.anchorDay - rng.int(2 * 365, 15 * 365));
  }
  // a paraplegic patient needs a lift for transfers; otherwise the order is a home hospital bed
  const device = mobility === DX.PARAPLEGIA ? DEVICE.PATIENT_LIFT : DEVICE.HOSPITAL_BED;
  if ((mobility && rng.chance(DEVICE_GIVEN_MOBILITY)) || (p.age >= 75 && rng.chance(DEVICE_ELDERLY_SHARE))) {
    w.deviceRequest(device, clinicTime(p.anchorDay - rng.int(20, 700), 14));
  }
}

/** A few more active medications for older or multimorbid patients; ten or more for some. */
function polypharmacy(w: ChartWriter, rng: SeededRandom, p: ScenarioPatient): void {
  const chronic = p.dxs.filter((d) => !d.mental).length;
  let n = 0;
  if (rng.chance(HYPER_POLYPHARMACY_SHARE)) {
    n = rng.int(10, EXTRA_MEDS.length);
  } else if ((chronic >= 2 || p.age >= 65) && rng.chance(EXTRA_MEDS_SHARE)) {
    n = rng.int(2, 5);
  }
  const pool = [...EXTRA_MEDS];
  for (let i = 0; i < n && pool.length; i++) {
    const [m] = pool.splice(rng.int(0, pool.length - 1), 1);
    if (m) {
      w.medicationRequest(m, clinicTime(p.anchorDay - rng.int(10, 330), 11));
    }
  }
}
