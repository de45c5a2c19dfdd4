/**
 * Named edge-case and clinical-scenario patients with stable ids, for tests and demos (listed in
 * launch/sandbox/README.md). Dates are relative to the anchor date so the scenarios stay "current";
 * "this year" means the anchor date's calendar year (the default measurement period).
 */
import { hashSeed, seededRandom } from '../seeded-random.ts';
import {
  DX,
  EXTRA_MEDS,
  FOLLOW_UP,
  HVS_RISK,
  INSTRUMENT,
  MEDS,
  OBS_CAT,
  PHQ9_ITEM9_ANSWERS,
  SCREEN_RESULT,
  SDOH_ITEMS,
  SYS,
  VISIT,
  VITALS,
} from './codes.ts';
import { patientResource, type Person } from './demographics.ts';
import { ChartWriter, clinicTime, concept, dayOfIso, isoOfDay } from './resource-builders.ts';
import { PRACTITIONER_IDS } from './directory.ts';

/** A named patient's directory entry. */
export interface NamedPatient {
  id: string;
  given: string;
  family: string;
  gender: 'female' | 'male';
  /** Age in whole years on the anchor date (birthday falls 37 days before the anchor). */
  age: number;
  label: string;
  build: (w: ChartWriter, anchorDay: number, yearStartDay: number) => void;
}

const PRACTITIONER = `Practitioner/${PRACTITIONER_IDS[0]}`;
const BP = { panel: VITALS.BP_PANEL, sys: VITALS.SYSTOLIC, dia: VITALS.DIASTOLIC };

/** The visit day for "a qualifying visit this year": two weeks ago, but never before 1 January. */
const thisYearDay = (anchorDay: number, yearStartDay: number, daysAgo: number): number =>
  Math.max(yearStartDay, anchorDay - daysAgo);

/**
 * An office visit with a positive depression screen and no follow-up: PHQ-2 and PHQ-9 totals,
 * PHQ-9 item 9, the coded CMS2 result (positive) and a BP, all 20 minutes into the visit.
 */
function positiveScreenVisit(
  w: ChartWriter,
  day: number,
  hour: number,
  s: { phq2: number; phq9: number; item9: number; bp: [number, number] },
): { enc: fhir4.Encounter; at: string } {
  const enc = w.encounter('AMB', VISIT.OFFICE_ESTABLISHED[2]!, day, { hour });
  const at = clinicTime(day, hour, 20);
  w.score(INSTRUMENT.PHQ2_TOTAL, at, s.phq2, enc.id);
  w.score(INSTRUMENT.PHQ9_TOTAL, at, s.phq9, enc.id);
  w.answer(OBS_CAT.SURVEY, INSTRUMENT.PHQ9_ITEM9, at, PHQ9_ITEM9_ANSWERS[s.item9]!, enc.id);
  w.answer(OBS_CAT.SURVEY, INSTRUMENT.ADULT_DEPRESSION_SCREEN, at, SCREEN_RESULT.POSITIVE, enc.id);
  w.bloodPressure(at, s.bp[0], s.bp[1], enc.id, BP);
  return { enc, at };
}

/** Every named patient, in the order the EHR page lists them. */
export const NAMED_PATIENTS: readonly NamedPatient[] = [
  {
    id: 'empty',
    given: 'Evelyn',
    family: 'Marsh',
    gender: 'female',
    age: 52,
    label: 'No data (Patient only)',
    build: () => undefined,
  },
  {
    id: 'screen-due',
    given: 'Marcus',
    family: 'Bell',
    gender: 'male',
    age: 44,
    label: 'Visit this year, never screened',
    build: (w, anchor, yearStart) => {
      const day = thisYearDay(anchor, yearStart, 14);
      const enc = w.encounter('AMB', VISIT.OFFICE_ESTABLISHED[1]!, day, { hour: 10 });
      w.bloodPressure(clinicTime(day, 10, 10), 124, 78, enc.id, BP);
      w.encounter('AMB', VISIT.OFFICE_ESTABLISHED[0]!, anchor - 400, { hour: 9 });
    },
  },
  {
    id: 'phq9-positive-no-followup',
    given: 'Dolores',
    family: 'Quintero',
    gender: 'female',
    age: 58,
    label: 'Positive PHQ-9 this year, no follow-up',
    build: (w, anchor, yearStart) => {
      positiveScreenVisit(w, thisYearDay(anchor, yearStart, 10), 14, { phq2: 4, phq9: 14, item9: 0, bp: [132, 84] });
    },
  },
  {
    id: 'screened-negative',
    given: 'Henry',
    family: 'Lindqvist',
    gender: 'male',
    age: 67,
    label: 'Negative screen this year (met)',
    build: (w, anchor, yearStart) => {
      const day = thisYearDay(anchor, yearStart, 21);
      const enc = w.encounter('AMB', VISIT.OFFICE_ESTABLISHED[1]!, day, { hour: 9 });
      const at = clinicTime(day, 9, 15);
      w.score(INSTRUMENT.PHQ2_TOTAL, at, 0, enc.id);
      w.answer(OBS_CAT.SURVEY, INSTRUMENT.ADULT_DEPRESSION_SCREEN, at, SCREEN_RESULT.NEGATIVE, enc.id);
      w.condition(DX.HYPERTENSION, anchor - 900);
      w.bloodPressure(at, 136, 86, enc.id, BP);
    },
  },
  {
    id: 'sdoh-food-positive',
    given: 'Tanya',
    family: 'Whitfield',
    gender: 'female',
    age: 36,
    label: 'Food insecurity positive (Hunger Vital Sign)',
    build: (w, anchor, yearStart) => {
      const day = thisYearDay(anchor, yearStart, 7);
      const enc = w.encounter('AMB', VISIT.OFFICE_ESTABLISHED[1]!, day, { hour: 11 });
      const at = clinicTime(day, 11, 5);
      const cats = [OBS_CAT.SOCIAL_HISTORY, OBS_CAT.SURVEY, OBS_CAT.SDOH];
      for (const item of SDOH_ITEMS.filter((i) => i.instrument !== 'PRAPARE')) {
        w.answer(cats, item.question, at, item.domain === 'food_insecurity' ? item.positive : item.negative, enc.id);
      }
      w.answer([OBS_CAT.SOCIAL_HISTORY, OBS_CAT.SDOH], HVS_RISK.QUESTION, at, HVS_RISK.AT_RISK, enc.id);
    },
  },
  {
    id: 'psych-discharge-recent',
    given: 'Jordan',
    family: 'Achebe',
    gender: 'male',
    age: 29,
    label: 'Psychiatric discharge 3 days ago, no follow-up',
    build: (w, anchor) => {
      w.condition(DX.MDD_RECURRENT, anchor - 700);
      w.encounter('IMP', VISIT.INPATIENT_EMERGENCY, anchor - 9, {
        endDay: anchor - 3,
        diagnoses: [DX.MDD_RECURRENT, DX.ALCOHOL_USE],
        reason: DX.MDD_RECURRENT,
      });
      w.encounter('EMER', VISIT.ED, anchor - 10, { hour: 22, diagnoses: [DX.MDD_RECURRENT], reason: DX.MDD_RECURRENT });
    },
  },
  {
    id: 'ed-frequent',
    given: 'Ruth',
    family: 'Castellanos',
    gender: 'female',
    age: 61,
    label: '6 ED visits in the last 12 months',
    build: (w, anchor) => {
      w.condition(DX.COPD, anchor - 1500);
      w.condition(DX.ALCOHOL_USE, anchor - 1200);
      for (const ago of [20, 75, 130, 190, 250, 330]) {
        w.encounter('EMER', VISIT.ED, anchor - ago, {
          hour: 19,
          diagnoses: [ago % 2 === 0 ? DX.COPD : DX.ALCOHOL_USE],
          reason: DX.COPD,
        });
      }
    },
  },
  {
    id: 'suicide-risk',
    given: 'Caleb',
    family: 'Nakamura',
    gender: 'male',
    age: 23,
    label: 'Latest PHQ-9 item 9 = "Several days"',
    build: (w, anchor) => {
      w.condition(DX.MDD_SINGLE, anchor - 200);
      w.medicationRequest(
        {
          code: { system: SYS.RXNORM, code: '310385', display: 'fluoxetine 20 MG Oral Capsule' },
          doseUnit: 'capsule',
          class: 'antidepressant',
        },
        clinicTime(anchor - 200, 12),
      );
      for (const [ago, total, item9] of [
        [200, 16, 0],
        [110, 12, 0],
        [5, 18, 1],
      ] as const) {
        const enc = w.encounter('AMB', VISIT.PSYCHOTHERAPY, anchor - ago, { hour: 13 });
        const at = clinicTime(anchor - ago, 13, 30);
        w.score(INSTRUMENT.PHQ9_TOTAL, at, total, enc.id);
        w.answer(OBS_CAT.SURVEY, INSTRUMENT.PHQ9_ITEM9, at, PHQ9_ITEM9_ANSWERS[item9]!, enc.id);
      }
      w.procedure(FOLLOW_UP.PSYCHOTHERAPY, clinicTime(anchor - 110, 14));
    },
  },
  {
    id: 'heavy',
    given: 'Walter',
    family: 'Brennan',
    gender: 'male',
    age: 74,
    label: '5,000+ Observations (remote monitoring)',
    build: (w, anchor) => {
      w.condition(DX.DIABETES, anchor - 2000);
      w.condition(DX.HYPERTENSION, anchor - 2500);
      const glucose = { system: SYS.LOINC, code: '2339-0', display: 'Glucose [Mass/volume] in Blood' };
      const weight = { system: SYS.LOINC, code: '29463-7', display: 'Body weight' };
      const pulse = { system: SYS.LOINC, code: '8867-4', display: 'Heart rate' };
      const rng = seededRandom(hashSeed('heavy'));
      for (let ago = 1300; ago >= 1; ago--) {
        const at = clinicTime(anchor - ago, 7, 30);
        w.bloodPressure(at, rng.int(118, 162), rng.int(68, 96), undefined, BP);
        w.observation(OBS_CAT.VITAL_SIGNS, pulse, at, {
          valueQuantity: { value: rng.int(55, 98), unit: '/min', system: SYS.UCUM, code: '/min' },
        });
        w.observation(OBS_CAT.VITAL_SIGNS, weight, at, {
          valueQuantity: { value: 80 + rng.int(-30, 30) / 10, unit: 'kg', system: SYS.UCUM, code: 'kg' },
        });
        w.lab(glucose, at, rng.int(80, 240), 'mg/dL', 'mg/dL');
      }
      for (let ago = 1080; ago >= 0; ago -= 90) {
        w.lab(VITALS.HBA1C, clinicTime(anchor - ago, 9), 7 + rng.int(0, 20) / 10, '%', '%');
      }
    },
  },
  {
    id: 'malformed',
    given: 'Quinn',
    family: 'Oddly',
    gender: 'female',
    age: 47,
    label: 'Valid-but-odd data (partial dates, missing codes…)',
    build: buildMalformed,
  },
  {
    id: 'bh-complex',
    given: 'Darius',
    family: 'Keller',
    gender: 'male',
    age: 38,
    label: 'Behavioral-health heavy: SMI, SUD, suicidal ideation, psychiatric discharge, frequent ED',
    build: buildBehavioralHealthComplex,
  },
];

/**
 * A behavioural-health-heavy chart as a safety-net clinic sees it: schizophrenia, alcohol and opioid
 * dependence, suicidal ideation coded by the ED with an ICD-10-CM code and no display, a psychiatric
 * stay discharged 18 days ago, five ED visits this year, PHQ-9 21 with item 9 "more than half the
 * days" and no follow-up plan, food, housing and transportation needs, diabetes, hypertension and
 * a long medication list.
 */
function buildBehavioralHealthComplex(w: ChartWriter, anchor: number, yearStart: number): void {
  w.condition(DX.SCHIZOPHRENIA, anchor - 2000);
  w.condition(DX.ALCOHOL_USE, anchor - 900);
  w.condition(DX.OPIOID_USE, anchor - 600);
  w.condition(DX.DIABETES, anchor - 1500);
  w.condition(DX.HYPERTENSION, anchor - 1400);
  // The ED's problem-list entry: a bare ICD-10-CM code, no display, no text (real exports have these).
  w.add({
    resourceType: 'Condition',
    id: w.nextId('cond'),
    subject: w.subject,
    clinicalStatus: concept({ system: SYS.COND_CLINICAL, code: 'active', display: 'Active' }),
    code: { coding: [{ system: SYS.ICD10CM, code: 'R45.851' }] },
    onsetDateTime: isoOfDay(anchor - 31),
    recordedDate: clinicTime(anchor - 31, 23),
  } satisfies fhir4.Condition);
  for (const ago of [31, 95, 160, 240, 300]) {
    const day = Math.max(yearStart, anchor - ago);
    w.encounter('EMER', VISIT.ED, day, {
      hour: 23,
      diagnoses: [ago === 31 ? DX.SCHIZOPHRENIA : DX.ALCOHOL_USE],
      reason: DX.ALCOHOL_USE,
    });
  }
  w.encounter('IMP', VISIT.INPATIENT_EMERGENCY, anchor - 30, {
    endDay: anchor - 18,
    diagnoses: [DX.SCHIZOPHRENIA, DX.ALCOHOL_USE],
    reason: DX.SCHIZOPHRENIA,
  });
  const { enc, at } = positiveScreenVisit(w, thisYearDay(anchor, yearStart, 12), 15, {
    phq2: 6,
    phq9: 21,
    item9: 2,
    bp: [146, 92],
  });
  const cats = [OBS_CAT.SOCIAL_HISTORY, OBS_CAT.SURVEY, OBS_CAT.SDOH];
  for (const item of SDOH_ITEMS.filter((i) => i.instrument !== 'PRAPARE' && i.domain !== 'utilities')) {
    w.answer(cats, item.question, at, item.positive, enc.id);
  }
  const meds = [
    MEDS.OLANZAPINE,
    MEDS.BUPRENORPHINE_NALOXONE,
    MEDS.SERTRALINE,
    MEDS.METFORMIN,
    MEDS.LISINOPRIL,
    MEDS.ATORVASTATIN,
    ...EXTRA_MEDS.slice(0, 3),
  ];
  meds.forEach((m, i) => w.medicationRequest(m, clinicTime(anchor - 200 + i * 10, 11)));
}

/** Valid FHIR that real EHRs do send: partial dates, text-only codes, string scores, unknown systems. */
function buildMalformed(w: ChartWriter, anchor: number): void {
  const month = isoOfDay(anchor - 40).slice(0, 7);
  const enc = w.encounter('AMB', VISIT.OFFICE_ESTABLISHED[1]!, anchor - 40, { hour: 10 });
  delete enc.period?.end;
  w.observation(OBS_CAT.SURVEY, INSTRUMENT.PHQ9_TOTAL, month, { valueString: 'PHQ-9 score: 14' }, enc.id);
  const textOnly = w.observation(OBS_CAT.SURVEY, INSTRUMENT.ADULT_DEPRESSION_SCREEN, isoOfDay(anchor - 40), {});
  textOnly.code = { text: 'Depression screen (free text)' };
  textOnly.valueString = 'negative';
  w.observation(
    OBS_CAT.LABORATORY,
    { system: SYS.LOCAL_UNKNOWN, code: 'A1C-LOCAL', display: 'A1c (local code)' },
    isoOfDay(anchor - 60),
    { valueQuantity: { value: 8.1 } },
  );
  const noCategory = w.observation(OBS_CAT.VITAL_SIGNS, VITALS.BP_PANEL, clinicTime(anchor - 40, 10), {
    valueString: '128/82',
  });
  delete noCategory.category;
  const period = w.observation(OBS_CAT.SURVEY, INSTRUMENT.GAD7_TOTAL, clinicTime(anchor - 90, 9), { valueInteger: 11 });
  delete period.effectiveDateTime;
  period.effectivePeriod = { start: clinicTime(anchor - 90, 9), end: clinicTime(anchor - 90, 9, 20) };
  const noOnset = w.condition(DX.ANXIETY, anchor - 100);
  delete noOnset.onsetDateTime;
  delete noOnset.recordedDate;
  const yearOnly = w.condition(DX.HYPERTENSION, anchor - 3000);
  yearOnly.onsetDateTime = isoOfDay(anchor - 3000).slice(0, 4);
  // The same logical id under two resource types is legal FHIR (ids are unique per type only).
  w.add({
    resourceType: 'Condition',
    id: 'malformed-dup-1',
    clinicalStatus: concept({ system: SYS.COND_CLINICAL, code: 'active', display: 'Active' }),
    code: { text: 'Low mood' },
    subject: w.subject,
  } satisfies fhir4.Condition);
  w.add({
    resourceType: 'Observation',
    id: 'malformed-dup-1',
    status: 'final',
    code: concept({ system: 'urn:example:unknown-system', code: 'MOOD', display: 'Mood rating' }),
    subject: w.subject,
    effectiveDateTime: month,
    valueInteger: 3,
  } satisfies fhir4.Observation);
  w.serviceRequest(
    { system: SYS.SNOMED, code: '183524004', display: 'Referral to psychiatry service (procedure)' },
    month,
    undefined,
    'draft',
  );
}

/** Resources for one named patient (Patient first). */
export function generateNamedPatient(named: NamedPatient, anchorDate: string): fhir4.Resource[] {
  const anchorDay = dayOfIso(anchorDate);
  const yearStartDay = dayOfIso(`${anchorDate.slice(0, 4)}-01-01`);
  const birth = new Date(`${anchorDate}T00:00:00Z`);
  birth.setUTCFullYear(birth.getUTCFullYear() - named.age);
  birth.setUTCDate(birth.getUTCDate() - 37); // birthday a little over a month ago: age is stable around the anchor
  const person: Person = {
    id: named.id,
    given: named.given,
    family: named.family,
    gender: named.gender,
    birthDate: birth.toISOString().slice(0, 10),
    mrn: `MRN-${named.id.toUpperCase()}`,
  };
  const w = new ChartWriter(named.id, PRACTITIONER);
  const patient = patientResource(person, seededRandom(hashSeed('named', named.id)), PRACTITIONER);
  if (named.id === 'malformed') {
    patient.birthDate = birth.toISOString().slice(0, 4);
  }
  w.add(patient);
  named.build(w, anchorDay, yearStartDay);
  return w.resources;
}
