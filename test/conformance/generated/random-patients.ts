/**
 * Seeded random patients for the differential tests against fqm-execution, one generator per
 * eCQM. Each patient is built to sit on the measure's date boundaries: ages that change on the
 * day before / of / after the age date, visits on the first and last day of the period and on
 * daylight-saving days, screenings 13–15 days before a visit, follow-ups 0–3 days after it,
 * readings and diagnoses on the day before / of / after each window edge — every date written
 * with its own offset, as a date only, without a zone, or to the month or year only.
 */
import { LOINC, OBSERVATION_CATEGORY, SNOMED, UCUM } from '../../../src/engine/codes/code-systems.ts';
import * as VS from '../../../src/engine/valuesets/catalog/index.ts';
import type { ValueSetDef } from '../../../src/engine/valuesets/value-set.ts';
import { DST_DAYS, dateText, day, near, rng, type Rng } from './random-dates.ts';
import { birthDate, code, codeFrom, condition, encounter, observation, patient, procedure } from './resource-shapes.ts';

const S = day('2026-01-01');
const E = day('2026-12-31');
const QICORE_NOT_DONE = 'http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-notDoneReason';

/** A day inside the period near one of its edges, a DST day or anywhere. */
function visitDay(r: Rng): number {
  const roll = r.next();
  if (roll < 0.3) {
    return near(r, S);
  }
  if (roll < 0.6) {
    return near(r, E);
  }
  if (roll < 0.8) {
    return r.pick(DST_DAYS);
  }
  return r.int(S, E);
}

/** One generated patient. */
export interface GeneratedPatient {
  id: string;
  resources: fhir4.FhirResource[];
}

/** CMS2: ages 11–18 around the period start, qualifying visits, screenings, follow-ups, bipolar, not-done reasons. */
export function cms2Patient(seed: number, i: number): GeneratedPatient {
  const r = rng(seed * 7919 + i);
  const id = `cms2-${seed}-${i}`;
  const age = r.pick([11, 12, 16, 17, 17, 18, 18, 45]);
  const adult = age >= 18 || (age === 17 && r.chance(0.5));
  const out: fhir4.FhirResource[] = [patient(id, birthDate(r, age, S), r.pick(['female', 'male'] as const))];
  const visits: number[] = [];
  for (let k = 0; k < r.int(1, 3); k++) {
    const d = visitDay(r);
    visits.push(d);
    out.push(
      encounter(
        r,
        `${id}-enc${k}`,
        id,
        r.pick([
          VS.ENCOUNTER_TO_SCREEN_FOR_DEPRESSION,
          VS.ENCOUNTER_TO_SCREEN_FOR_DEPRESSION,
          VS.PHYSICAL_THERAPY_EVALUATION,
          VS.TELEPHONE_VISITS,
        ]),
        d,
        d + (r.chance(0.85) ? 0 : 1),
      ),
    );
  }
  const screen = code(LOINC, adult ? '73832-8' : '73831-0');
  const results = ['428181000124104', '428171000124102', '428181000124104'];
  for (let k = 0; k < r.int(0, 3); k++) {
    const on = r.pick(visits) - r.pick([-1, 0, 0, 1, 7, 13, 14, 14, 15]);
    const value = r.chance(0.92)
      ? { valueCodeableConcept: code(SNOMED, r.pick(results)) }
      : r.chance(0.5)
        ? { valueString: 'see note' }
        : {};
    out.push(observation(r, `${id}-scr${k}`, id, screen, on, value));
  }
  // follow-ups: referral, procedure, medication 0–3 days after a visit (or on it)
  for (let k = 0; k < r.int(0, 2); k++) {
    const v = r.pick(visits);
    const on = v + r.pick([-1, 0, 0, 1, 2, 3]);
    const kind = r.int(0, 2);
    if (kind === 0) {
      out.push({
        resourceType: 'ServiceRequest',
        id: `${id}-ref${k}`,
        status: r.pick(['active', 'completed', 'revoked'] as const),
        intent: 'order',
        code: codeFrom(r, adult ? VS.REFERRAL_FOR_ADULT_DEPRESSION : VS.REFERRAL_FOR_ADOLESCENT_DEPRESSION),
        subject: { reference: `Patient/${id}` },
        authoredOn: dateText(r, on),
      });
    } else if (kind === 1) {
      out.push(
        procedure(
          r,
          `${id}-fup${k}`,
          id,
          adult ? VS.FOLLOW_UP_FOR_ADULT_DEPRESSION : VS.FOLLOW_UP_FOR_ADOLESCENT_DEPRESSION,
          on,
        ),
      );
    } else {
      out.push({
        resourceType: 'MedicationRequest',
        id: `${id}-med${k}`,
        status: r.pick(['active', 'completed', 'stopped'] as const),
        intent: r.pick(['order', 'order', 'plan'] as const),
        medicationCodeableConcept: codeFrom(
          r,
          adult ? VS.ADULT_DEPRESSION_MEDICATIONS : VS.ADOLESCENT_DEPRESSION_MEDICATIONS,
        ),
        subject: { reference: `Patient/${id}` },
        ...(r.chance(0.9) ? { authoredOn: dateText(r, on - r.pick([0, 0, 5, 40])) } : {}),
        ...(r.chance(0.8)
          ? {
              dispenseRequest: {
                expectedSupplyDuration: { value: r.pick([1, 2, 30]), unit: 'days', system: UCUM, code: 'd' },
              },
            }
          : {}),
      });
    }
  }
  if (r.chance(0.3)) {
    const v = r.pick(visits);
    out.push(condition(r, `${id}-bip`, id, VS.BIPOLAR_DISORDER, v + r.pick([-400, -1, 0, 1]), v + r.pick([-2, 0, 2])));
  }
  if (r.chance(0.25)) {
    const v = r.pick(visits);
    const reason = r.chance(0.6) ? code(SNOMED, '720834000') : codeFrom(r, VS.MEDICAL_REASON);
    out.push({
      resourceType: 'Observation',
      id: `${id}-nd`,
      status: r.pick(['cancelled', 'cancelled', 'final'] as const),
      code: screen,
      subject: { reference: `Patient/${id}` },
      issued: dateText(r, v + r.pick([-1, 0, 0, 1]), { imprecise: false, dateOnly: false }),
      extension: [{ url: QICORE_NOT_DONE, valueCodeableConcept: reason }],
    });
  }
  return { id, resources: out };
}

/** The shared ACO denominator exclusions (hospice, palliative care, frailty, advanced illness, nursing home), each now and then. */
function acoExclusions(r: Rng, id: string, out: fhir4.FhirResource[]): void {
  const pid = id;
  if (r.chance(0.08)) {
    out.push(encounter(r, `${id}-hosp`, pid, VS.HOSPICE_ENCOUNTER, near(r, r.pick([S, E])), near(r, r.pick([S, E]))));
  }
  if (r.chance(0.06)) {
    out.push(condition(r, `${id}-hospdx`, pid, VS.HOSPICE_DIAGNOSIS, near(r, r.pick([S, E])), near(r, S)));
  }
  if (r.chance(0.06)) {
    out.push(encounter(r, `${id}-pall`, pid, VS.PALLIATIVE_CARE_ENCOUNTER, near(r, r.pick([S, E])), near(r, E)));
  }
  if (r.chance(0.15)) {
    out.push(condition(r, `${id}-frail`, pid, VS.FRAILTY_DIAGNOSIS, near(r, r.pick([S - 200, S, E])), near(r, S)));
  }
  if (r.chance(0.08)) {
    out.push({
      resourceType: 'DeviceRequest',
      id: `${id}-dev`,
      status: 'active',
      intent: 'order',
      codeCodeableConcept: codeFrom(r, VS.FRAILTY_DEVICE),
      subject: { reference: `Patient/${pid}` },
      authoredOn: dateText(r, near(r, r.pick([S, E]))),
    });
  }
  if (r.chance(0.15)) {
    out.push(condition(r, `${id}-ill`, pid, VS.ADVANCED_ILLNESS, near(r, r.pick([S - 365, S, E]))));
  }
  if (r.chance(0.1)) {
    out.push({
      resourceType: 'MedicationRequest',
      id: `${id}-dem`,
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: codeFrom(r, VS.DEMENTIA_MEDICATIONS),
      subject: { reference: `Patient/${pid}` },
      ...(r.chance(0.8) ? { authoredOn: dateText(r, near(r, r.pick([S - 365, S - 400]))) } : {}),
      ...(r.chance(0.7)
        ? { dispenseRequest: { expectedSupplyDuration: { value: 30, unit: 'days', system: UCUM, code: 'd' } } }
        : {}),
    });
  }
  if (r.chance(0.1)) {
    out.push(
      observation(r, `${id}-house`, pid, code(LOINC, '71802-3'), near(r, r.pick([E, S])), {
        valueCodeableConcept: code(SNOMED, r.pick(['160734000', '160734000', '32911000'])),
      }),
    );
  }
}

/** An age band edge: the low age, one below, the high age, one above, or inside. */
function ageNear(r: Rng, low: number, high: number): number {
  return r.pick([low - 1, low, low, high, high, high + 1, Math.round((low + high) / 2), 66, 81]);
}

/** The patient, an outpatient visit or two, and the shared exclusions; the measure adds its own. */
function acoBase(
  r: Rng,
  id: string,
  low: number,
  high: number,
  female: boolean,
  visitSets: readonly ValueSetDef[],
): { out: fhir4.FhirResource[]; age: number } {
  const age = ageNear(r, low, high);
  const ext = female
    ? [{ url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex', valueCode: '248152002' }]
    : undefined;
  const out: fhir4.FhirResource[] = [patient(id, birthDate(r, age, E), female ? 'female' : 'male', ext)];
  for (let k = 0; k < r.int(1, 2); k++) {
    const d = visitDay(r);
    out.push(encounter(r, `${id}-enc${k}`, id, r.pick(visitSets), d, d + (r.chance(0.9) ? 0 : 1)));
  }
  acoExclusions(r, id, out);
  return { out, age };
}

const ADULT_OUTPATIENT = [
  VS.OFFICE_VISIT,
  VS.ANNUAL_WELLNESS_VISIT,
  VS.PREVENTIVE_CARE_SERVICES_ESTABLISHED_OFFICE_VISIT_18_AND_UP,
  VS.HOME_HEALTHCARE_SERVICES,
  VS.VIRTUAL_ENCOUNTER,
  VS.TELEPHONE_VISITS,
];

/** A blood pressure panel reading (mm[Hg] components) on `on`. */
function bloodPressure(r: Rng, id: string, pid: string, on: number): fhir4.Observation {
  const component = (c: string, v: number): fhir4.ObservationComponent => ({
    code: code(LOINC, c),
    valueQuantity: { value: v, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
  });
  return observation(r, id, pid, code(LOINC, '85354-9'), on, {
    category: [code(OBSERVATION_CATEGORY, 'vital-signs')],
    component: [component('8480-6', r.pick([118, 139, 140, 150])), component('8462-4', r.pick([70, 89, 90, 95]))],
  });
}

/** CMS165: hypertension overlapping the first six months, BP readings around the period end, some during an inpatient stay. */
export function cms165Patient(seed: number, i: number): GeneratedPatient {
  const r = rng(seed * 7907 + i);
  const id = `cms165-${seed}-${i}`;
  const { out } = acoBase(r, id, 18, 85, r.chance(0.5), ADULT_OUTPATIENT);
  out.push(
    condition(
      r,
      `${id}-htn`,
      id,
      VS.ESSENTIAL_HYPERTENSION,
      near(r, r.pick([S - 30, day('2026-06-30'), day('2026-07-01'), S])),
      near(r, r.pick([S, day('2026-06-30')])),
    ),
  );
  const days: number[] = [];
  for (let k = 0; k < r.int(1, 4); k++) {
    const on = k > 0 && r.chance(0.4) ? days[0]! : near(r, r.pick([E, E, S, day('2026-11-01')]));
    days.push(on);
    out.push(bloodPressure(r, `${id}-bp${k}`, id, on));
  }
  if (r.chance(0.25)) {
    const on = r.pick(days);
    out.push(encounter(r, `${id}-inp`, id, VS.ENCOUNTER_INPATIENT, on - r.int(0, 2), on + r.pick([-1, 0, 1])));
  }
  if (r.chance(0.08)) {
    out.push(condition(r, `${id}-preg`, id, VS.PREGNANCY, near(r, r.pick([S, E])), near(r, S)));
  }
  return { id, resources: out };
}

/** CMS122: diabetes, glycemic tests around 9% near the period end (some dated to the month), several on one day. */
export function cms122Patient(seed: number, i: number): GeneratedPatient {
  const r = rng(seed * 7901 + i);
  const id = `cms122-${seed}-${i}`;
  const { out } = acoBase(r, id, 18, 75, r.chance(0.5), [
    VS.OFFICE_VISIT,
    VS.ANNUAL_WELLNESS_VISIT,
    VS.HOME_HEALTHCARE_SERVICES,
    VS.NUTRITION_SERVICES,
    VS.TELEPHONE_VISITS,
  ]);
  out.push(condition(r, `${id}-dm`, id, VS.DIABETES, near(r, r.pick([S - 400, S, E])), near(r, S)));
  // a long-standing diagnosis as most records have one, so that most patients reach the numerator logic
  if (r.chance(0.6)) {
    out.push({
      ...condition(r, `${id}-dm2`, id, VS.DIABETES, S - 800),
      clinicalStatus: code('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    });
  }
  let last = near(r, E);
  for (let k = 0; k < r.int(0, 3); k++) {
    if (!(k > 0 && r.chance(0.4))) {
      last = near(r, r.pick([E, E, S, day('2026-06-15')]));
    }
    const value = r.chance(0.9)
      ? { valueQuantity: { value: r.pick([6.5, 8.9, 9, 9.1, 11]), unit: '%', system: UCUM, code: '%' } }
      : {};
    out.push(
      observation(r, `${id}-a1c${k}`, id, codeFrom(r, VS.HBA1C_LABORATORY_TEST), last, {
        category: [code(OBSERVATION_CATEGORY, 'laboratory')],
        ...value,
      }),
    );
  }
  return { id, resources: out };
}

/** CMS130: screenings at the edges of their look-backs (FOBT this year, sDNA-FIT 3, sigmoidoscopy / CT colonography 5, colonoscopy 10 years). */
export function cms130Patient(seed: number, i: number): GeneratedPatient {
  const r = rng(seed * 7883 + i);
  const id = `cms130-${seed}-${i}`;
  const { out } = acoBase(r, id, 46, 75, r.chance(0.5), ADULT_OUTPATIENT);
  const years = (n: number) => day(`${2026 - n}-01-01`);
  const kind = r.int(0, 5);
  if (kind === 0) {
    out.push(
      observation(r, `${id}-fobt`, id, codeFrom(r, VS.FECAL_OCCULT_BLOOD_TEST_FOBT), near(r, r.pick([S, E])), {
        valueCodeableConcept: code(SNOMED, '260385009'),
      }),
    );
  }
  if (kind === 1) {
    out.push(
      observation(r, `${id}-fit`, id, codeFrom(r, VS.SDNA_FIT_TEST), near(r, years(2)), {
        valueCodeableConcept: code(SNOMED, '260385009'),
      }),
    );
  }
  if (kind === 2) {
    out.push(procedure(r, `${id}-sig`, id, VS.FLEXIBLE_SIGMOIDOSCOPY, near(r, years(4))));
  }
  if (kind === 3) {
    out.push(
      observation(
        r,
        `${id}-ctc`,
        id,
        codeFrom(r, VS.CT_COLONOGRAPHY),
        near(r, years(4)),
        r.chance(0.85) ? { category: [code(OBSERVATION_CATEGORY, 'imaging')] } : {},
      ),
    );
  }
  if (kind === 4) {
    out.push(procedure(r, `${id}-col`, id, VS.COLONOSCOPY, near(r, years(9))));
  }
  if (r.chance(0.08)) {
    out.push(condition(r, `${id}-crc`, id, VS.MALIGNANT_NEOPLASM_OF_COLON, near(r, E)));
  }
  if (r.chance(0.06)) {
    out.push(procedure(r, `${id}-colect`, id, VS.TOTAL_COLECTOMY, near(r, E)));
  }
  return { id, resources: out };
}

/** CMS125: women 41–75, mammograms on the day before / of / after 1 October two years back and the period end. */
export function cms125Patient(seed: number, i: number): GeneratedPatient {
  const r = rng(seed * 7879 + i);
  const id = `cms125-${seed}-${i}`;
  const { out } = acoBase(r, id, 42, 74, r.chance(0.9), ADULT_OUTPATIENT);
  for (let k = 0; k < r.int(0, 2); k++) {
    out.push(
      observation(
        r,
        `${id}-mam${k}`,
        id,
        codeFrom(r, VS.MAMMOGRAPHY),
        near(r, r.pick([day('2024-10-01'), E, S])),
        r.chance(0.9) ? { category: [code(OBSERVATION_CATEGORY, 'imaging')] } : {},
      ),
    );
  }
  if (r.chance(0.08)) {
    out.push(procedure(r, `${id}-bimx`, id, VS.BILATERAL_MASTECTOMY, near(r, E)));
  }
  return { id, resources: out };
}
