/**
 * One synthetic panel patient: a behavioral-health-heavy adult primary-care history over the three
 * years before the anchor date — diagnoses, visits with PHQ-2/PHQ-9/GAD-7 and SDOH screenings,
 * vitals and HbA1c, ED and inpatient (including psychiatric) stays, referrals and prescriptions.
 * Deterministic: the same (seed, index, anchorDate) always yields the same resources.
 */
import { hashSeed, seededRandom, type SeededRandom } from '../seeded-random.ts';
import {
  DX,
  FOLLOW_UP,
  HVS_RISK,
  INSTRUMENT,
  MEDS,
  OBS_CAT,
  PHQ9_ITEM9_ANSWERS,
  SCREEN_RESULT,
  SDOH_ITEMS,
  VISIT,
  VITALS,
  type Diagnosis,
  type Medication,
} from './codes.ts';
import { drawPerson, patientResource } from './demographics.ts';
import { ChartWriter, clinicTime, dayOfIso } from './resource-builders.ts';
import { PRACTITIONER_IDS } from './directory.ts';
import { utilisationScenarios } from './utilisation-scenarios.ts';
import { cancerScreenings } from './cancer-screenings.ts';

/** Days of history generated before the anchor date (three years). */
export const HISTORY_DAYS = 3 * 365;

/** Id of the index-th panel patient (stable across seeds). */
export function panelPatientId(index: number): string {
  return `pt-${String(index + 1).padStart(4, '0')}`;
}

/** Conditions a panel patient may carry, with their prevalence in this behavioral-health panel. */
const PREVALENCE: ReadonlyArray<[Diagnosis, number]> = [
  [DX.MDD_SINGLE, 0.2],
  [DX.MDD_RECURRENT, 0.15],
  [DX.ANXIETY, 0.3],
  [DX.SCHIZOPHRENIA, 0.05],
  [DX.SCHIZOAFFECTIVE, 0.03],
  [DX.BIPOLAR, 0.06],
  [DX.ALCOHOL_USE, 0.1],
  [DX.OPIOID_USE, 0.06],
  [DX.HYPERTENSION, 0.35],
  [DX.DIABETES, 0.15],
  [DX.HYPERLIPIDEMIA, 0.25],
  [DX.ASTHMA, 0.08],
  [DX.COPD, 0.05],
  [DX.OBESITY, 0.15],
  [DX.CKD3, 0.04],
];

const has = (dxs: Diagnosis[], ...wanted: Diagnosis[]): boolean => dxs.some((d) => wanted.includes(d));

/** Generates the index-th panel patient's resources (Patient first). */
export function generatePatient(seed: number, index: number, anchorDate: string): fhir4.Resource[] {
  const rng = seededRandom(hashSeed(seed, 'panel-patient', index));
  const anchorDay = dayOfIso(anchorDate);
  const id = panelPatientId(index);
  const practitionerRef = `Practitioner/${PRACTITIONER_IDS[index % PRACTITIONER_IDS.length]}`;
  const person = drawPerson(rng, id, anchorDay, `MRN${String(100000 + index)}`);
  const w = new ChartWriter(id, practitionerRef);
  w.add(patientResource(person, rng, practitionerRef));

  const dxs = PREVALENCE.filter(([, p]) => rng.chance(p)).map(([d]) => d);
  const firstDay = anchorDay - HISTORY_DAYS;
  for (const d of dxs) {
    w.condition(d, rng.int(firstDay - 5 * 365, anchorDay - 30));
  }
  prescribe(w, rng, dxs, firstDay, anchorDay);

  const visitDays = uniqueSortedDays(rng, rng.int(2, 12), firstDay, anchorDay - 1);
  visitDays.forEach((day, i) => outpatientVisit(w, rng, dxs, day, i === 0));
  emergencyVisits(w, rng, dxs, firstDay, anchorDay);
  inpatientStays(w, rng, dxs, firstDay, anchorDay);

  // A second stream per patient: these histories were added later, and drawing them from the main
  // stream would have reshuffled every chart generated before them.
  const extra = seededRandom(hashSeed(seed, 'panel-patient-scenarios', index));
  const age = ageOn(person.birthDate, anchorDate);
  utilisationScenarios(w, extra, { dxs, age, anchorDay });
  cancerScreenings(w, extra, {
    age,
    female: person.gender === 'female',
    anchorDay,
    yearStartDay: dayOfIso(`${anchorDate.slice(0, 4)}-01-01`),
  });
  return w.resources;
}

/** Whole years from a YYYY-MM-DD birth date to a YYYY-MM-DD day. */
function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

function uniqueSortedDays(rng: SeededRandom, n: number, from: number, to: number): number[] {
  const days = new Set<number>();
  for (let i = 0; i < n * 3 && days.size < n; i++) {
    days.add(rng.int(from, to));
  }
  return [...days].sort((a, b) => a - b);
}

function prescribe(w: ChartWriter, rng: SeededRandom, dxs: Diagnosis[], firstDay: number, anchorDay: number): void {
  const meds: Medication[] = [];
  if (has(dxs, DX.MDD_SINGLE, DX.MDD_RECURRENT) && rng.chance(0.7)) {
    meds.push(rng.pick([MEDS.FLUOXETINE, MEDS.SERTRALINE, MEDS.ESCITALOPRAM]));
  }
  if (has(dxs, DX.SCHIZOPHRENIA, DX.SCHIZOAFFECTIVE)) {
    meds.push(rng.pick([MEDS.OLANZAPINE, MEDS.RISPERIDONE]));
  }
  if (has(dxs, DX.BIPOLAR)) {
    meds.push(MEDS.LITHIUM);
  }
  if (has(dxs, DX.OPIOID_USE) && rng.chance(0.6)) {
    meds.push(MEDS.BUPRENORPHINE_NALOXONE);
  }
  if (has(dxs, DX.DIABETES)) {
    meds.push(MEDS.METFORMIN);
  }
  if (has(dxs, DX.HYPERTENSION)) {
    meds.push(MEDS.LISINOPRIL);
  }
  if (has(dxs, DX.HYPERLIPIDEMIA)) {
    meds.push(MEDS.ATORVASTATIN);
  }
  for (const m of meds) {
    // Annual renewals: older orders are completed, the latest is active.
    const start = rng.int(firstDay, firstDay + 200);
    for (let day = start; day < anchorDay; day += 365) {
      w.medicationRequest(m, clinicTime(day, 11), day + 365 < anchorDay ? 'completed' : 'active');
    }
  }
}

function outpatientVisit(w: ChartWriter, rng: SeededRandom, dxs: Diagnosis[], day: number, first: boolean): void {
  const mental = dxs.some((d) => d.mental);
  const type = first
    ? rng.pick(VISIT.OFFICE_NEW)
    : mental && rng.chance(0.25)
      ? rng.pick([VISIT.PSYCH_EVAL, VISIT.PSYCHOTHERAPY])
      : rng.pick(VISIT.OFFICE_ESTABLISHED);
  const hour = rng.int(8, 16);
  const enc = w.encounter('AMB', type, day, { hour });
  const at = clinicTime(day, hour, 15);
  if (rng.chance(0.85)) {
    const htn = has(dxs, DX.HYPERTENSION);
    w.bloodPressure(at, rng.int(htn ? 128 : 104, htn ? 168 : 138), rng.int(htn ? 78 : 62, htn ? 102 : 88), enc.id, {
      panel: VITALS.BP_PANEL,
      sys: VITALS.SYSTOLIC,
      dia: VITALS.DIASTOLIC,
    });
  }
  if (has(dxs, DX.DIABETES) && rng.chance(0.6)) {
    w.lab(VITALS.HBA1C, at, Math.round((6 + rng.next() * 4) * 10) / 10, '%', '%', enc.id);
  }
  if (rng.chance(0.55)) {
    depressionScreen(w, rng, dxs, day, at, enc.id);
  }
  if (has(dxs, DX.ANXIETY) && rng.chance(0.7)) {
    w.score(INSTRUMENT.GAD7_TOTAL, at, rng.int(2, 19), enc.id);
  }
  if (rng.chance(0.3)) {
    sdohScreen(w, rng, at, day, enc.id);
  }
}

function depressionScreen(
  w: ChartWriter,
  rng: SeededRandom,
  dxs: Diagnosis[],
  day: number,
  at: string,
  encId: string | undefined,
): void {
  const depressed = has(dxs, DX.MDD_SINGLE, DX.MDD_RECURRENT, DX.BIPOLAR);
  const phq2 = rng.int(0, depressed ? 6 : 3);
  w.score(INSTRUMENT.PHQ2_TOTAL, at, phq2, encId);
  let positive = phq2 >= 3;
  if (positive || depressed) {
    const phq9 = rng.int(depressed ? 6 : 3, depressed ? 24 : 14);
    positive = phq9 >= 10;
    w.score(INSTRUMENT.PHQ9_TOTAL, at, phq9, encId);
    const item9 = phq9 >= 15 ? rng.int(0, 3) : phq9 >= 10 ? rng.int(0, 1) : 0;
    w.answer(OBS_CAT.SURVEY, INSTRUMENT.PHQ9_ITEM9, at, PHQ9_ITEM9_ANSWERS[item9] ?? PHQ9_ITEM9_ANSWERS[0]!, encId);
    if (rng.chance(0.1)) {
      w.questionnaireResponse('http://loinc.org/q/44249-1', at, [
        {
          linkId: '44260-8',
          text: INSTRUMENT.PHQ9_ITEM9.display,
          answer: [{ valueCoding: { ...PHQ9_ITEM9_ANSWERS[item9]! } }],
        },
        { linkId: '44261-6', text: INSTRUMENT.PHQ9_TOTAL.display, answer: [{ valueInteger: phq9 }] },
      ]);
    }
  }
  // Only some EHR workflows also file the CMS2 coded result next to the instrument score.
  if (rng.chance(0.6)) {
    w.answer(
      OBS_CAT.SURVEY,
      INSTRUMENT.ADULT_DEPRESSION_SCREEN,
      at,
      positive ? SCREEN_RESULT.POSITIVE : SCREEN_RESULT.NEGATIVE,
      encId,
    );
  }
  if (positive && rng.chance(0.6)) {
    const followDay = day + rng.pick([0, 0, 3, 10, 25, 45]);
    const when = clinicTime(followDay, 15);
    const kind = rng.int(0, 2);
    if (kind === 0) {
      w.serviceRequest(rng.pick([FOLLOW_UP.REFERRAL_PSYCHIATRY, FOLLOW_UP.REFERRAL_COUNSELING]), when, DX.MDD_SINGLE);
    } else if (kind === 1) {
      w.procedure(rng.pick([FOLLOW_UP.PSYCHOTHERAPY, FOLLOW_UP.CBT, FOLLOW_UP.CARE_MANAGEMENT]), when);
    } else {
      w.medicationRequest(rng.pick([MEDS.FLUOXETINE, MEDS.SERTRALINE]), when);
    }
  }
}

function sdohScreen(w: ChartWriter, rng: SeededRandom, at: string, day: number, encId: string | undefined): void {
  const prapare = rng.chance(0.25);
  let foodRisk = false;
  for (const item of SDOH_ITEMS) {
    if ((item.instrument === 'PRAPARE') !== prapare && item.instrument !== 'HVS') {
      continue;
    }
    const positive = rng.chance(0.18);
    if (positive && item.domain === 'food_insecurity') {
      foodRisk = true;
    }
    w.answer(
      [OBS_CAT.SOCIAL_HISTORY, OBS_CAT.SURVEY, OBS_CAT.SDOH],
      item.question,
      at,
      positive ? item.positive : item.negative,
      encId,
    );
  }
  w.answer(
    [OBS_CAT.SOCIAL_HISTORY, OBS_CAT.SDOH],
    HVS_RISK.QUESTION,
    at,
    foodRisk ? HVS_RISK.AT_RISK : HVS_RISK.NO_RISK,
    encId,
  );
  if (foodRisk && rng.chance(0.5)) {
    w.serviceRequest(FOLLOW_UP.SOCIAL_WORK_REFERRAL, clinicTime(day, 16));
  }
}

function emergencyVisits(
  w: ChartWriter,
  rng: SeededRandom,
  dxs: Diagnosis[],
  firstDay: number,
  anchorDay: number,
): void {
  const risky = has(dxs, DX.ALCOHOL_USE, DX.OPIOID_USE, DX.SCHIZOPHRENIA, DX.SCHIZOAFFECTIVE, DX.BIPOLAR);
  const n = rng.int(0, risky ? 4 : 1);
  for (const day of uniqueSortedDays(rng, n, firstDay, anchorDay - 1)) {
    const mentalDx = dxs.filter((d) => d.mental);
    const principal =
      mentalDx.length && rng.chance(0.5) ? rng.pick(mentalDx) : rng.pick([DX.ASTHMA, DX.HYPERTENSION, DX.COPD]);
    w.encounter('EMER', VISIT.ED, day, { hour: rng.int(0, 23), diagnoses: [principal], reason: principal });
  }
}

function inpatientStays(
  w: ChartWriter,
  rng: SeededRandom,
  dxs: Diagnosis[],
  firstDay: number,
  anchorDay: number,
): void {
  const psych = dxs.filter((d) => d.mental && d !== DX.ANXIETY);
  if (psych.length && rng.chance(0.2)) {
    const admit = rng.int(firstDay, anchorDay - 20);
    const discharge = admit + rng.int(3, 12);
    const principal = rng.pick(psych);
    w.encounter('IMP', VISIT.INPATIENT_EMERGENCY, admit, {
      endDay: discharge,
      diagnoses: [principal, ...dxs.filter((d) => !d.mental).slice(0, 1)],
      reason: principal,
    });
    if (rng.chance(0.5)) {
      w.encounter('AMB', VISIT.PSYCHOTHERAPY, discharge + rng.int(2, 20), { hour: 10, diagnoses: [principal] });
    }
  } else if (rng.chance(0.05)) {
    const admit = rng.int(firstDay, anchorDay - 10);
    w.encounter('IMP', VISIT.INPATIENT, admit, {
      endDay: admit + rng.int(1, 5),
      diagnoses: [rng.pick([DX.COPD, DX.DIABETES, DX.HYPERTENSION])],
    });
  }
}
