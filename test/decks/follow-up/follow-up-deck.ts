/**
 * The follow-up deck: hand-written patients, one per rule boundary of the period measures `fuh`,
 * `fum`, `fua` and `tcm` (measurement period 2026), each with the event counts expected per rate,
 * written from the rules (../shared/design/measures.md §5, §5.1; HEDIS FUH/FUM/FUA; CMS TCM) —
 * never computed by the engine. Real-shaped: US offsets (−05:00 / −04:00, midday so the day is the
 * same in every zone), references `Patient/<id>`, diagnoses as Conditions referenced by
 * Encounter.diagnosis (rank 1 = principal) or as reasonCode, dispositions in HL7 or NUBC codes.
 * Run through the engine (follow-up-deck.test.ts) and through the CLI (test/cli/follow-up-measures.test.ts).
 */

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const CPT = 'http://www.ama-assn.org/go/cpt';
const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';
const ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const DISPOSITION = 'http://terminology.hl7.org/CodeSystem/discharge-disposition';
const NUBC = 'https://www.nubc.org/CodeSystem/PatDischargeStatus';

type R = fhir4.Resource & { id: string };
/** Expected counts of one rate: [initial population, denominator, denominator exclusion, numerator]. */
export type Counts = readonly [number, number, number, number];
/** Expected result of one measure for one case. */
export interface MeasureExpectation {
  groups: Readonly<Record<string, Counts>>;
  /** Expected `unknown` events per rate (default 0). */
  unknown?: number;
}
/** One case: a patient and what each measure must count. */
export interface DeckCase {
  id: string;
  /** The rule the case tests, in a sentence. */
  rule: string;
  resources: R[];
  expect: Partial<Record<'fuh' | 'fum' | 'fua' | 'tcm', MeasureExpectation>>;
}

const DX = {
  depression: ['F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
  schizophrenia: ['F20.9', 'Schizophrenia, unspecified'],
  pneumonia: ['J18.9', 'Pneumonia, unspecified organism'],
  opioid: ['F11.20', 'Opioid dependence, uncomplicated'],
  acetaminophenOd: [
    'T39.1X1A',
    'Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter',
  ],
  heartFailure: ['I50.9', 'Heart failure, unspecified'],
  hypertension: ['I10', 'Essential (primary) hypertension'],
} as const;
type Dx = readonly [string, string];

const at = (day: string, time = '12:00:00-05:00') => `${day}T${time}`;

/** Builders bound to one patient id. */
function chart(pid: string, birthDate = '1975-04-10', extra: Partial<fhir4.Patient> = {}) {
  const subject = { reference: `Patient/${pid}` };
  let n = 0;
  const id = (k: string) => `${pid}-${k}${++n}`;
  const out: R[] = [{ resourceType: 'Patient', id: pid, birthDate, ...extra } as R];
  const withDx = (enc: fhir4.Encounter, principal?: Dx, secondary?: Dx) => {
    for (const [dx, rank] of [
      [principal, 1],
      [secondary, 2],
    ] as const) {
      if (!dx) {
        continue;
      }
      const c: R = {
        resourceType: 'Condition',
        id: id('dx'),
        subject,
        code: { coding: [{ system: ICD, code: dx[0], display: dx[1] }] },
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' },
            ],
          },
        ],
      } as R;
      out.push(c);
      (enc.diagnosis ??= []).push({ condition: { reference: `Condition/${c.id}` }, rank });
    }
  };
  return {
    out,
    /** An inpatient stay (class IMP unless `cls`), discharged with an HL7 disposition code or [system, code]. */
    stay(
      admit: string,
      discharge: string | undefined,
      o: { dx?: Dx; cls?: string; disposition?: string | readonly [string, string] | null } = {},
    ) {
      const enc = {
        resourceType: 'Encounter',
        id: id('stay'),
        status: discharge ? 'finished' : 'in-progress',
        subject,
        class: { system: ACT, code: o.cls ?? 'IMP' },
        period: { start: at(admit, '10:00:00-05:00'), ...(discharge ? { end: at(discharge, '11:00:00-05:00') } : {}) },
      } as fhir4.Encounter & R;
      const disp = o.disposition === undefined ? 'home' : o.disposition;
      if (disp) {
        const [system, code] = typeof disp === 'string' ? [DISPOSITION, disp] : disp;
        enc.hospitalization = { dischargeDisposition: { coding: [{ system, code }] } };
      }
      withDx(enc, o.dx);
      out.push(enc);
      return this;
    },
    /** An ED visit (class EMER). */
    ed(day: string, principal: Dx, secondary?: Dx) {
      const enc = {
        resourceType: 'Encounter',
        id: id('ed'),
        status: 'finished',
        subject,
        class: { system: ACT, code: 'EMER' },
        period: { start: at(day, '13:00:00-05:00'), end: at(day, '17:00:00-05:00') },
      } as fhir4.Encounter & R;
      withDx(enc, principal, secondary);
      out.push(enc);
      return this;
    },
    /** An office visit (CPT 99213 unless `cpt`), principal diagnosis `dx` as reasonCode. */
    visit(day: string, o: { dx?: Dx; cpt?: string; cls?: string } = {}) {
      out.push({
        resourceType: 'Encounter',
        id: id('visit'),
        status: 'finished',
        subject,
        class: { system: ACT, code: o.cls ?? 'AMB' },
        type: [{ coding: [{ system: CPT, code: o.cpt ?? '99213' }] }],
        ...(o.dx ? { reasonCode: [{ coding: [{ system: ICD, code: o.dx[0], display: o.dx[1] }] }] } : {}),
        period: { start: at(day, '09:30:00-05:00'), end: at(day, '10:00:00-05:00') },
      } as R);
      return this;
    },
    /** A buprenorphine/naloxone prescription authored on `day`. */
    moud(day: string) {
      out.push({
        resourceType: 'MedicationRequest',
        id: id('rx'),
        status: 'active',
        intent: 'order',
        subject,
        authoredOn: at(day),
        medicationCodeableConcept: {
          coding: [{ system: RXNORM, code: '1010604', display: 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film' }],
        },
      } as R);
      return this;
    },
    /** A hospice encounter (SNOMED 183919006) on `day`. */
    hospice(day: string) {
      out.push({
        resourceType: 'Encounter',
        id: id('hospice'),
        status: 'finished',
        subject,
        class: { system: ACT, code: 'HH' },
        type: [{ coding: [{ system: SNOMED, code: '183919006', display: 'Urgent admission to hospice (procedure)' }] }],
        period: { start: at(day), end: at(day, '13:00:00-05:00') },
      } as R);
      return this;
    },
    /** A telephone follow-up recorded as a Procedure (SNOMED 386473003). */
    call(day: string) {
      out.push({
        resourceType: 'Procedure',
        id: id('call'),
        status: 'completed',
        subject,
        performedDateTime: at(day),
        code: { coding: [{ system: SNOMED, code: '386473003', display: 'Telephone follow-up (procedure)' }] },
      } as R);
      return this;
    },
    /** A naltrexone depot injection (HCPCS J2315). */
    injection(day: string) {
      out.push({
        resourceType: 'Procedure',
        id: id('inj'),
        status: 'completed',
        subject,
        performedDateTime: at(day),
        code: { coding: [{ system: HCPCS, code: 'J2315' }] },
      } as R);
      return this;
    },
  };
}

const c = (
  id: string,
  rule: string,
  build: (b: ReturnType<typeof chart>) => unknown,
  expect: DeckCase['expect'],
  birthDate?: string,
  extra?: Partial<fhir4.Patient>,
): DeckCase => {
  const b = chart(id, birthDate, extra);
  build(b);
  return { id, rule, resources: b.out, expect };
};
const fuh = (seven: Counts, thirty: Counts, unknown?: number): DeckCase['expect'] => ({
  fuh: { groups: { '7-day': seven, '30-day': thirty }, ...(unknown ? { unknown } : {}) },
});
const fum = (seven: Counts, thirty: Counts): DeckCase['expect'] => ({
  fum: { groups: { '7-day': seven, '30-day': thirty } },
});
const fua = (seven: Counts, thirty: Counts): DeckCase['expect'] => ({
  fua: { groups: { '7-day': seven, '30-day': thirty } },
});
const tcm = (seven: Counts, fourteen: Counts, unknown?: number): DeckCase['expect'] => ({
  tcm: { groups: { '7-day': seven, '14-day': fourteen }, ...(unknown ? { unknown } : {}) },
});
const NONE: Counts = [0, 0, 0, 0];
const DEN: Counts = [1, 1, 0, 0];
const NUM: Counts = [1, 1, 0, 1];
const EXCL: Counts = [1, 1, 1, 0];
const MH = { dx: DX.depression };

/** FUH cases (discharges 1 Jan – 1 Dec; visit day 1..7 / 1..30; MH follow-up; readmissions; age ≥ 6; hospice, death). */
export const FUH_CASES: readonly DeckCase[] = [
  c(
    'fuh-dec-1',
    'A discharge on Dec 1 is in the index period; MH visit the next day',
    (b) => b.stay('2026-11-27', '2026-12-01', MH).visit('2026-12-02', MH),
    fuh(NUM, NUM),
  ),
  c(
    'fuh-dec-2',
    'A discharge on Dec 2 is after the index period',
    (b) => b.stay('2026-11-28', '2026-12-02', MH).visit('2026-12-03', MH),
    fuh(NONE, NONE),
  ),
  c(
    'fuh-jan-1',
    'A discharge on Jan 1 counts; visit on day 7 closes both rates',
    (b) => b.stay('2025-12-28', '2026-01-01', MH).visit('2026-01-08', MH),
    fuh(NUM, NUM),
  ),
  c(
    'fuh-prev-dec-31',
    'A discharge on Dec 31 of the previous year is not in this period',
    (b) => b.stay('2025-12-27', '2025-12-31', MH).visit('2026-01-02', MH),
    fuh(NONE, NONE),
  ),
  c(
    'fuh-day-8',
    'A visit on day 8 misses the 7-day rate and meets the 30-day rate',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-09', MH),
    fuh(DEN, NUM),
  ),
  c(
    'fuh-day-30',
    'A visit on day 30 meets the 30-day rate',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-31', MH),
    fuh(DEN, NUM),
  ),
  c(
    'fuh-day-31',
    'A visit on day 31 meets neither rate',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-04-01', MH),
    fuh(DEN, DEN),
  ),
  c(
    'fuh-same-day',
    'A visit on the discharge day does not count',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-01', MH),
    fuh(DEN, DEN),
  ),
  c(
    'fuh-routine-check-up',
    'A routine check-up two days after a depression discharge does not close FUH',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-03', { cpt: '99396' }),
    fuh(DEN, DEN),
  ),
  c(
    'fuh-psychotherapy',
    'A psychotherapy visit (90834, a mental-health service) closes FUH',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-03', { cpt: '90834' }),
    fuh(NUM, NUM),
  ),
  c(
    'fuh-secondary-dx-visit',
    'A visit with a non-MH principal diagnosis does not close FUH',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-03', { dx: DX.hypertension }),
    fuh(DEN, DEN),
  ),
  c(
    'fuh-readmit-mh-day-30',
    'An acute MH readmission on day 30 moves the anchor: one event, counted from the later discharge',
    (b) =>
      b
        .stay('2026-02-25', '2026-03-01', MH)
        .visit('2026-03-03', MH)
        .stay('2026-03-31', '2026-04-03', { dx: DX.schizophrenia })
        .visit('2026-04-05', MH),
    fuh(NUM, NUM),
  ),
  c(
    'fuh-readmit-mh-day-31',
    'An MH admission on day 31 is a second event, not a readmission',
    (b) =>
      b
        .stay('2026-02-25', '2026-03-01', MH)
        .visit('2026-03-03', MH)
        .stay('2026-04-01', '2026-04-03', { dx: DX.schizophrenia }),
    fuh([2, 2, 0, 1], [2, 2, 0, 1]),
  ),
  c(
    'fuh-readmit-non-mh-day-30',
    'A non-MH acute readmission on day 30 removes the index discharge',
    (b) =>
      b
        .stay('2026-02-25', '2026-03-01', MH)
        .visit('2026-03-03', MH)
        .stay('2026-03-31', '2026-04-03', { dx: DX.pneumonia }),
    fuh(NONE, NONE),
  ),
  c(
    'fuh-readmit-non-mh-day-31',
    'A non-MH admission on day 31 leaves the index discharge',
    (b) =>
      b
        .stay('2026-02-25', '2026-03-01', MH)
        .visit('2026-03-03', MH)
        .stay('2026-04-01', '2026-04-03', { dx: DX.pneumonia }),
    fuh(NUM, NUM),
  ),
  c(
    'fuh-nonacute-transfer',
    'A direct transfer to a nonacute stay (class NONAC) removes the index discharge',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).stay('2026-03-01', '2026-03-20', { cls: 'NONAC', dx: DX.depression }),
    fuh(NONE, NONE),
  ),
  c(
    'fuh-chain-ends-after-dec-1',
    'A readmission chain whose last discharge is after Dec 1 is not counted',
    (b) => b.stay('2026-11-20', '2026-11-25', MH).stay('2026-11-28', '2026-12-03', MH).visit('2026-12-04', MH),
    fuh(NONE, NONE),
  ),
  c(
    'fuh-two-discharges',
    'Every qualifying discharge is an event (episode-based)',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-05', MH).stay('2026-06-01', '2026-06-05', MH),
    fuh([2, 2, 0, 1], [2, 2, 0, 1]),
  ),
  c(
    'fuh-age-6-on-discharge',
    'A child who turns 6 on the discharge day counts',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-02', MH),
    fuh(NUM, NUM),
    '2020-03-01',
  ),
  c(
    'fuh-age-5',
    'A child who turns 6 the day after discharge does not',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-02', MH),
    fuh(NONE, NONE),
    '2020-03-02',
  ),
  c(
    'fuh-hospice',
    'A member in hospice during the year is excluded (every event)',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).hospice('2026-09-10'),
    fuh(EXCL, EXCL),
  ),
  c(
    'fuh-died',
    'A member who died during the year is excluded',
    (b) => b.stay('2026-02-25', '2026-03-01', MH).visit('2026-03-02', MH),
    fuh(EXCL, EXCL),
    undefined,
    { deceasedDateTime: '2026-10-01T08:00:00-04:00' },
  ),
  c(
    'fuh-deceased-no-date',
    'Deceased without a date: whether the death fell in the year is unknown',
    (b) => b.stay('2026-02-25', '2026-03-01', MH),
    fuh(NONE, NONE, 1),
    undefined,
    { deceasedBoolean: true },
  ),
];

/** FUM cases (ED visits 1 Jan – 1 Dec; ED date counts; admission within 30 days; 31-day periods; age ≥ 6). */
export const FUM_CASES: readonly DeckCase[] = [
  c(
    'fum-day-7',
    'An MH visit on day 7 meets both rates (the ED date is day 0)',
    (b) => b.ed('2026-04-01', DX.schizophrenia).visit('2026-04-08', { dx: DX.schizophrenia }),
    fum(NUM, NUM),
  ),
  c(
    'fum-day-8',
    'An MH visit on day 8 meets only the 30-day rate',
    (b) => b.ed('2026-04-01', DX.schizophrenia).visit('2026-04-09', { dx: DX.schizophrenia }),
    fum(DEN, NUM),
  ),
  c(
    'fum-ed-day',
    'An MH visit on the ED date counts',
    (b) => b.ed('2026-04-01', DX.schizophrenia).visit('2026-04-01', { dx: DX.schizophrenia }),
    fum(NUM, NUM),
  ),
  c(
    'fum-no-mh-dx',
    'A follow-up without an MH diagnosis does not count',
    (b) => b.ed('2026-04-01', DX.schizophrenia).visit('2026-04-03', { dx: DX.hypertension }),
    fum(DEN, DEN),
  ),
  c(
    'fum-dec-1',
    'An ED visit on Dec 1 is in the index period',
    (b) => b.ed('2026-12-01', DX.schizophrenia),
    fum(DEN, DEN),
  ),
  c('fum-dec-2', 'An ED visit on Dec 2 is not', (b) => b.ed('2026-12-02', DX.schizophrenia), fum(NONE, NONE)),
  c(
    'fum-admitted-day-30',
    'An ED visit followed by an admission on day 30 is not an index visit',
    (b) => b.ed('2026-04-01', DX.schizophrenia).stay('2026-05-01', '2026-05-03', { dx: DX.pneumonia }),
    fum(NONE, NONE),
  ),
  c(
    'fum-admitted-day-31',
    'An admission on day 31 leaves the ED visit an index visit',
    (b) => b.ed('2026-04-01', DX.schizophrenia).stay('2026-05-02', '2026-05-04', { dx: DX.pneumonia }),
    fum(DEN, DEN),
  ),
  c(
    'fum-repeat-day-30',
    'A second ED visit on day 30 is in the same 31-day period: one event',
    (b) => b.ed('2026-04-01', DX.schizophrenia).ed('2026-05-01', DX.schizophrenia),
    fum(DEN, DEN),
  ),
  c(
    'fum-repeat-day-31',
    'A second ED visit on day 31 starts a new period: two events',
    (b) => b.ed('2026-04-01', DX.schizophrenia).ed('2026-05-02', DX.schizophrenia),
    fum([2, 2, 0, 0], [2, 2, 0, 0]),
  ),
  c(
    'fum-age-6',
    'A 6-year-old on the ED date counts',
    (b) => b.ed('2026-04-01', DX.schizophrenia),
    fum(DEN, DEN),
    '2020-04-01',
  ),
  c(
    'fum-age-5',
    'A 5-year-old on the ED date does not',
    (b) => b.ed('2026-04-01', DX.schizophrenia),
    fum(NONE, NONE),
    '2020-04-02',
  ),
];

/** FUA cases (SUD or overdose ED visits; SUD / overdose / MOUD follow-up; age ≥ 13). */
export const FUA_CASES: readonly DeckCase[] = [
  c(
    'fua-moud-day-7',
    'A buprenorphine prescription on day 7 meets both rates',
    (b) => b.ed('2026-05-10', DX.opioid).moud('2026-05-17'),
    fua(NUM, NUM),
  ),
  c(
    'fua-injection-day-30',
    'A naltrexone depot injection on day 30 meets the 30-day rate',
    (b) => b.ed('2026-05-10', DX.opioid).injection('2026-06-09'),
    fua(DEN, NUM),
  ),
  c(
    'fua-overdose-secondary',
    'An acetaminophen overdose as a secondary diagnosis is an index visit; SUD visit day 2',
    (b) => b.ed('2026-05-10', DX.pneumonia, DX.acetaminophenOd).visit('2026-05-12', { dx: DX.opioid }),
    fua(NUM, NUM),
  ),
  c(
    'fua-mh-only-follow-up',
    'A follow-up with only a mental-health diagnosis does not count for FUA',
    (b) => b.ed('2026-05-10', DX.opioid).visit('2026-05-12', { dx: DX.depression }),
    fua(DEN, DEN),
  ),
  c(
    'fua-age-13',
    'A 13-year-old on the ED date counts',
    (b) => b.ed('2026-05-10', DX.opioid),
    fua(DEN, DEN),
    '2013-05-10',
  ),
  c(
    'fua-age-12',
    'A 12-year-old on the ED date does not',
    (b) => b.ed('2026-05-10', DX.opioid),
    fua(NONE, NONE),
    '2013-05-11',
  ),
];

/** TCM cases (community discharges whose 14-day window ends in the period; 7- and 14-day face-to-face visits; death). */
export const TCM_CASES: readonly DeckCase[] = [
  c(
    'tcm-day-7',
    'A face-to-face visit on day 7 meets both rates',
    (b) => b.stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure }).visit('2026-06-12'),
    tcm(NUM, NUM),
  ),
  c(
    'tcm-day-8',
    'A visit on day 8 meets only the 14-day rate',
    (b) => b.stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure }).visit('2026-06-13'),
    tcm(DEN, NUM),
  ),
  c(
    'tcm-day-15',
    'A visit on day 15 meets neither',
    (b) => b.stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure }).visit('2026-06-20'),
    tcm(DEN, DEN),
  ),
  c(
    'tcm-phone-only',
    'A telephone visit is not face to face',
    (b) =>
      b
        .stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure })
        .visit('2026-06-08', { cpt: '98966' })
        .call('2026-06-06'),
    tcm(DEN, DEN),
  ),
  c(
    'tcm-dec-17',
    'A discharge on Dec 17 (window ends Dec 31) counts',
    (b) => b.stay('2026-12-14', '2026-12-17', { dx: DX.heartFailure }),
    tcm(DEN, DEN),
  ),
  c(
    'tcm-dec-18',
    'A discharge on Dec 18 (window ends next year) does not',
    (b) => b.stay('2026-12-14', '2026-12-18', { dx: DX.heartFailure }),
    tcm(NONE, NONE),
  ),
  c(
    'tcm-prev-dec-20',
    'A discharge on Dec 20 of the previous year (window ends Jan 3) counts',
    (b) => b.stay('2025-12-16', '2025-12-20', { dx: DX.heartFailure }).visit('2025-12-23'),
    tcm(NUM, NUM),
  ),
  c(
    'tcm-snf',
    'A discharge to a skilled nursing facility is not a TCM discharge',
    (b) => b.stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure, disposition: 'snf' }),
    tcm(NONE, NONE),
  ),
  c(
    'tcm-nubc-home',
    'NUBC 01 (home or self-care) is a community discharge',
    (b) => b.stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure, disposition: [NUBC, '01'] }).visit('2026-06-09'),
    tcm(NUM, NUM),
  ),
  c(
    'tcm-no-disposition',
    'No discharge disposition: unknown, not counted',
    (b) => b.stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure, disposition: null }),
    tcm(NONE, NONE, 1),
  ),
  c(
    'tcm-died-day-29',
    'Death on day 29 (inside the 30-day service period) excludes the discharge',
    (b) => b.stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure }),
    tcm(EXCL, EXCL),
    undefined,
    { deceasedDateTime: '2026-07-04' },
  ),
  c(
    'tcm-died-day-30',
    'Death on day 30 (after the service period) does not',
    (b) => b.stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure }),
    tcm(DEN, DEN),
    undefined,
    { deceasedDateTime: '2026-07-05' },
  ),
  c(
    'tcm-snf-then-home',
    'A hospital discharge to a SNF, then the SNF discharge home: one event from the SNF discharge',
    (b) =>
      b
        .stay('2026-06-01', '2026-06-05', { dx: DX.heartFailure, disposition: 'snf' })
        .stay('2026-06-05', '2026-06-25', { cls: 'NONAC' })
        .visit('2026-06-30'),
    tcm(NUM, NUM),
  ),
];

/** Every case. */
export const DECK: readonly DeckCase[] = [...FUH_CASES, ...FUM_CASES, ...FUA_CASES, ...TCM_CASES];

/** Expected summary counts of a measure over the deck: the sums per rate. */
export function expectedTotals(measure: 'fuh' | 'fum' | 'fua' | 'tcm'): Record<string, Counts> {
  const out: Record<string, number[]> = {};
  for (const k of DECK) {
    const e = k.expect[measure];
    if (!e) {
      continue;
    }
    for (const [g, counts] of Object.entries(e.groups)) {
      out[g] = (out[g] ?? [0, 0, 0, 0]).map((n, i) => n + counts[i]!);
    }
  }
  return out as unknown as Record<string, Counts>;
}
