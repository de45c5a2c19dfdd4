/**
 * Evaluation at the visit in context: a screening recorded during today's still-open visit counts
 * as "met when this visit is closed", never "not met"; a patient whose only missing criterion was
 * a visit this year reads what today's visit adds; nothing changes when the visit is finished, not
 * in the record, or not one that can count. Clinic data at −05:00 (US Eastern standard time), as
 * the sandbox EHR and most US EHRs write it.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAtVisit } from '../../../src/engine/visit/evaluate-at-visit.ts';
import { populationReason } from '../../../src/engine/visit/population-eligibility.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import {
  DEPRESSION_SCREEN_RESULT,
  LOINC_ADULT_DEPRESSION_SCREENING,
} from '../../../src/engine/codes/screening-instruments.ts';
import { CPT, LOINC, SNOMED } from '../../../src/engine/codes/code-systems.ts';
import {
  DIABETES,
  ESSENTIAL_HYPERTENSION,
  HBA1C_LABORATORY_TEST,
  REFERRAL_FOR_ADULT_DEPRESSION,
} from '../../../src/engine/valuesets/catalog/index.ts';
import type { ValueSetDef } from '../../../src/engine/valuesets/value-set.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
/** Today: Thursday 3 December 2026; the clinic is at −05:00. */
const TODAY = '2026-12-03';
const OPTIONS = { period: PERIOD, asOf: TODAY };

const first = (vs: ValueSetDef): fhir4.Coding => ({
  system: vs.codes[0]![0],
  code: vs.codes[0]![1],
  display: vs.codes[0]![2],
});
const OFFICE_VISIT = {
  system: CPT,
  code: '99213',
  display: 'Office or other outpatient visit, established patient, 20 minutes',
};
const ED_VISIT = {
  system: CPT,
  code: '99284',
  display: 'Emergency department visit, moderate medical decision making',
};

/** Marcus Bell, 44, seen on 19 Nov (finished) and in clinic today (in progress since 09:00). */
const marcus: fhir4.Patient = { resourceType: 'Patient', id: 'marcus', gender: 'male', birthDate: '1982-10-27' };
function encounter(
  id: string,
  status: fhir4.Encounter['status'],
  period: fhir4.Period,
  type = OFFICE_VISIT,
  patient = 'marcus',
): fhir4.Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status,
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ coding: [type], text: type.display }],
    subject: { reference: `Patient/${patient}` },
    period,
  };
}
const november = encounter('nov-19', 'finished', {
  start: '2026-11-19T10:00:00-05:00',
  end: '2026-11-19T10:40:00-05:00',
});
const today = (status: fhir4.Encounter['status'] = 'in-progress', type = OFFICE_VISIT, patient = 'marcus') =>
  encounter('today', status, { start: `${TODAY}T09:00:00-05:00` }, type, patient);

function screen(id: string, when: string, result: 'positive' | 'negative', encounterId = 'today'): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
    code: {
      coding: [
        { system: LOINC, code: LOINC_ADULT_DEPRESSION_SCREENING, display: 'Adult depression screening assessment' },
      ],
    },
    subject: { reference: 'Patient/marcus' },
    encounter: { reference: `Encounter/${encounterId}` },
    effectiveDateTime: when,
    valueCodeableConcept: { coding: [{ ...DEPRESSION_SCREEN_RESULT[result] }] },
  };
}
function referral(id: string, authoredOn: string): fhir4.ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/marcus' },
    encounter: { reference: 'Encounter/today' },
    code: { coding: [first(REFERRAL_FOR_ADULT_DEPRESSION)] },
    authoredOn,
  };
}
const at = (resources: fhir4.Resource[], encounterId: string | null = 'today', options = OPTIONS) =>
  evaluateAtVisit(recordFromResources([marcus, ...resources]), options, encounterId ?? undefined);

describe('a depression screening recorded at today’s open visit', () => {
  it('reads "met when this visit is closed" for a negative screen, not "not met"', () => {
    const r = at([november, today(), screen('s', `${TODAY}T09:20:00-05:00`, 'negative')]);
    expect(r.visit).toMatchObject({ state: 'open', reference: 'Encounter/today', date: TODAY, status: 'in-progress' });
    expect(r.recorded.measures.find((m) => m.id === 'cms2')?.status).toBe('not-met');
    expect(r.measures.cms2).toMatchObject({ recorded: 'not-met', shown: 'met', effect: 'met-when-closed' });
    expect(r.gaps.cms2).toMatchObject({ recorded: 'open', shown: 'closed', effect: 'closes-when-closed' });
    expect(r.evaluation.measures.find((m) => m.id === 'cms2')?.evidence.map((e) => e.reference)).toContain(
      'Encounter/today',
    );
  });

  it('asks for the follow-up plan after a positive screen today, then reads met-when-closed once a referral is written today', () => {
    const positive = at([november, today(), screen('s', `${TODAY}T09:20:00-05:00`, 'positive')]);
    expect(positive.measures.cms2).toMatchObject({ shown: 'not-met', effect: 'none' });
    expect(positive.evaluation.measures.find((m) => m.id === 'cms2')?.closes?.what).toMatch(/follow-up plan/);
    const referred = at([
      november,
      today(),
      screen('s', `${TODAY}T09:20:00-05:00`, 'positive'),
      referral('r', `${TODAY}T09:40:00-05:00`),
    ]);
    expect(referred.measures.cms2).toMatchObject({ recorded: 'not-met', shown: 'met', effect: 'met-when-closed' });
  });

  it('counts a follow-up procedure performed later the same day, within the visit closed on its date', () => {
    const procedure: fhir4.Procedure = {
      resourceType: 'Procedure',
      id: 'p',
      status: 'completed',
      subject: { reference: 'Patient/marcus' },
      code: { coding: [{ system: SNOMED, code: '75516001', display: 'Psychotherapy' }] },
      performedDateTime: `${TODAY}T16:30:00-05:00`,
    };
    expect(
      at([november, today(), screen('s', `${TODAY}T09:20:00-05:00`, 'positive'), procedure]).measures.cms2?.shown,
    ).toBe('met');
  });

  it('credits a screen from 14 days before today (the CMS2 look-back) but not from 15 days before', () => {
    const fourteen = at([today(), screen('s', '2026-11-19T15:00:00-05:00', 'negative', 'nov-19x')]);
    expect(fourteen.measures.cms2).toMatchObject({
      recorded: 'not-in-population',
      shown: 'met',
      effect: 'met-when-closed',
    });
    const fifteen = at([today(), screen('s', '2026-11-18T15:00:00-05:00', 'negative', 'nov-18x')]);
    expect(fifteen.measures.cms2).toMatchObject({
      recorded: 'not-in-population',
      shown: 'not-met',
      effect: 'enters-with-visit',
    });
  });

  it('gives the same answer where it is already 4 December (+14:00): the visit is closed on its own written day', () => {
    const r = at([november, today(), screen('s', `${TODAY}T09:20:00-05:00`, 'negative')], 'today', {
      ...OPTIONS,
      asOf: '2026-12-04',
    });
    expect(r.measures.cms2?.effect).toBe('met-when-closed');
  });

  it('never changes the record it was given', () => {
    const resources = [november, today(), screen('s', `${TODAY}T09:20:00-05:00`, 'negative')];
    const record = recordFromResources([marcus, ...resources]);
    const before = structuredClone(record);
    evaluateAtVisit(record, OPTIONS, 'today');
    expect(record).toEqual(before);
  });
});

describe('a visit in context that cannot be projected', () => {
  it('leaves a finished visit as it is (one evaluation, no effects)', () => {
    const r = at([
      november,
      encounter('today', 'finished', { start: `${TODAY}T09:00:00-05:00`, end: `${TODAY}T09:30:00-05:00` }),
      screen('s', `${TODAY}T09:20:00-05:00`, 'negative'),
    ]);
    expect(r.visit.state).toBe('finished');
    expect(r.evaluation).toBe(r.recorded);
    expect(r.measures.cms2).toMatchObject({ shown: 'met', effect: 'none' });
  });
  it.each([['planned'], ['cancelled'], ['entered-in-error']] as const)('does not count a %s visit', (status) => {
    const r = at([november, today(status), screen('s', `${TODAY}T09:20:00-05:00`, 'negative')]);
    expect(r.visit.state).toBe('not-countable');
    expect(r.measures.cms2).toMatchObject({ shown: 'not-met', effect: 'none' });
  });
  it('says when the encounter in context is not in the record, and when there is none', () => {
    expect(at([november], 'elsewhere').visit).toEqual({ state: 'not-in-record', reference: 'Encounter/elsewhere' });
    expect(at([november], null).visit).toEqual({ state: 'no-visit-in-context' });
  });
  it('dates an open visit without a period on the as-of day', () => {
    const noPeriod = today();
    delete noPeriod.period;
    expect(at([noPeriod, screen('s', `${TODAY}T09:20:00-05:00`, 'negative')]).measures.cms2).toMatchObject({
      shown: 'met',
      effect: 'met-when-closed',
    });
  });
});

/** Walter Brennan, 74: diabetes, hypertension, daily home BPs, no visit this year. */
const walter: fhir4.Patient = { resourceType: 'Patient', id: 'walter', gender: 'male', birthDate: '1952-10-27' };
const dx = (id: string, vs: ValueSetDef, onset: string): fhir4.Condition => ({
  resourceType: 'Condition',
  id,
  subject: { reference: 'Patient/walter' },
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [first(vs)] },
  onsetDateTime: onset,
});
const homeBp = (id: string, when: string, sys: number, dia: number): fhir4.Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/walter' },
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
  ],
  code: { coding: [{ system: LOINC, code: '85354-9' }] },
  effectiveDateTime: when,
  component: [
    {
      code: { coding: [{ system: LOINC, code: '8480-6' }] },
      valueQuantity: { value: sys, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    },
    {
      code: { coding: [{ system: LOINC, code: '8462-4' }] },
      valueQuantity: { value: dia, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    },
  ],
});
const a1c = (id: string, when: string, value: number): fhir4.Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/walter' },
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
  ],
  code: { coding: [first(HBA1C_LABORATORY_TEST)] },
  effectiveDateTime: when,
  valueQuantity: { value, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
});
const walterData: fhir4.Resource[] = [
  walter,
  dx('htn', ESSENTIAL_HYPERTENSION, '2019-06-01'),
  dx('dm', DIABETES, '2020-03-01'),
  homeBp('bp1', '2026-12-01T07:30:00-05:00', 152, 94),
  homeBp('bp2', '2026-12-02T07:30:00-05:00', 148, 92),
  a1c('a1c', '2026-09-10T09:00:00-05:00', 7.4),
];
const walterToday = today('in-progress', OFFICE_VISIT, 'walter');

describe('"not in population", explained', () => {
  it('says a visit is all that is missing, and what today’s visit adds: BP not controlled, HbA1c in control', () => {
    const r = evaluateAtVisit(recordFromResources([...walterData, walterToday]), OPTIONS, 'today');
    expect(r.measures.cms165).toMatchObject({
      recorded: 'not-in-population',
      shown: 'not-met',
      effect: 'enters-with-visit',
      notInPopulation: { kind: 'no-qualifying-visit', visitInContext: 'brings-in' },
    });
    expect(r.gaps.cms165).toMatchObject({ recorded: 'not-applicable', shown: 'open', effect: 'opens-with-visit' });
    // CMS122 is inverse: in control (7.4 %) is the good outcome, which holds once the visit is closed
    expect(r.measures.cms122).toMatchObject({
      recorded: 'not-in-population',
      shown: 'not-met',
      effect: 'met-when-closed',
    });
    expect(r.measures.cms2).toMatchObject({ shown: 'not-met', effect: 'enters-with-visit' });
  });
  it('without a visit in context: CMS2 lacks only a visit; CMS165 needs hypertension and a visit; no measure reads as simply absent', () => {
    const r = evaluateAtVisit(recordFromResources(walterData), OPTIONS, undefined);
    expect(r.measures.cms2?.notInPopulation).toEqual({ kind: 'no-qualifying-visit', visitInContext: 'none' });
    expect(r.measures.cms165?.notInPopulation).toEqual({
      kind: 'criteria',
      ages: { low: 18, high: 85 },
      who: 'with hypertension diagnosed by 30 June of the year',
    });
    for (const m of r.evaluation.measures) {
      if (m.status === 'not-in-population') {
        expect(r.measures[m.id]?.notInPopulation, m.id).toBeDefined();
      }
    }
  });
  it('an ED visit in context is not a qualifying visit: CMS2 still lacks one, and says the visit in context does not qualify', () => {
    const r = evaluateAtVisit(
      recordFromResources([...walterData, today('in-progress', ED_VISIT, 'walter')]),
      OPTIONS,
      'today',
    );
    expect(r.measures.cms2?.notInPopulation).toEqual({ kind: 'no-qualifying-visit', visitInContext: 'not-qualifying' });
  });
  it('names the age band at its boundaries: 85 at the end of the year is in CMS165, 86 is not', () => {
    const aged = (birthDate: string) =>
      evaluateAtVisit(
        recordFromResources([{ ...walter, birthDate } as fhir4.Patient, ...walterData.slice(1), walterToday]),
        OPTIONS,
        'today',
      );
    expect(aged('1941-12-31').measures.cms165?.shown).toBe('not-met'); // 85 on 31 Dec 2026
    expect(aged('1940-12-31').measures.cms165?.notInPopulation).toEqual({
      kind: 'age',
      age: 86,
      ages: { low: 18, high: 85 },
      ageOn: 'period-end',
    });
  });
  it('takes the SDOH age on the date of the visit (#487): 18 today is in, 18 tomorrow is not, and says so', () => {
    const bornOn = (birthDate: string) =>
      evaluateAtVisit(recordFromResources([{ ...walter, birthDate } as fhir4.Patient, walterToday]), OPTIONS, 'today');
    expect(bornOn('2008-12-03').measures['sdoh-screening']).toMatchObject({
      recorded: 'not-in-population',
      shown: 'not-met',
      effect: 'enters-with-visit',
    });
    const seventeen = bornOn('2008-12-04').measures['sdoh-screening'];
    expect(seventeen?.shown).toBe('not-in-population');
    expect(seventeen?.notInPopulation).toEqual({ kind: 'age', age: 17, ages: { low: 18 }, ageOn: 'visit-date' });
    // without a visit in context the age is taken on the period's last day (the oldest at any visit of the year)
    const born = { ...walter, birthDate: '2009-01-01' };
    expect(populationReason('sdoh-screening', born, PERIOD, { entersWithVisit: false, visitOpen: false })).toEqual({
      kind: 'age',
      age: 17,
      ages: { low: 18 },
      ageOn: 'period-end',
    });
  });
  it('decides the age band from a year-only birth date when every possible age is in or out of it (CQL AgeInYearsAt)', () => {
    const reason = (id: string, birthDate: string) =>
      populationReason(id, { ...walter, birthDate }, PERIOD, { entersWithVisit: false, visitOpen: false });
    // CMS2 takes the age on 1 Jan 2026: born in 2013 → 12 or 13, born in 2014 → 11 or 12, born in 2015 → 10 or 11
    expect(reason('cms2', '2013')).toEqual({ kind: 'no-qualifying-visit', visitInContext: 'none' });
    expect(reason('cms2', '2014')).toEqual({ kind: 'age-unknown' });
    expect(reason('cms2', '2015')).toEqual({
      kind: 'age',
      age: 10,
      ageUpTo: 11,
      ages: { low: 12 },
      ageOn: 'period-start',
    });
    // CMS165 on 31 Dec 2026: anyone born in 1941 is 85 (in 18–85), anyone born in 1940 is 86
    expect(reason('cms165', '1941')).toMatchObject({ kind: 'criteria' });
    expect(reason('cms165', '1940')).toEqual({
      kind: 'age',
      age: 86,
      ages: { low: 18, high: 85 },
      ageOn: 'period-end',
    });
    expect(reason('cms165', '1941-06')).toMatchObject({ kind: 'criteria' });
  });
  it('leaves a measure unknown (not "not in population") when the birth date is missing, and can say why', () => {
    const { birthDate: _b, ...noBirth } = walter;
    const r = evaluateAtVisit(recordFromResources([noBirth, ...walterData.slice(1), walterToday]), OPTIONS, 'today');
    expect(r.evaluation.measures.find((m) => m.id === 'cms2')?.status).toBe('unknown');
    expect(populationReason('cms165', noBirth, PERIOD, { entersWithVisit: false, visitOpen: true })).toEqual({
      kind: 'age-unknown',
    });
  });
});
