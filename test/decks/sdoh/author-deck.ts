/**
 * Authors the SDOH screening test deck (one folder per case: resource JSON files, an individual
 * expected-MeasureReport.json and case.json with the expected per-domain flags), in the shape of
 * the official CMS test cases. Expected results are written here by hand from the measure's
 * definition (measures/sdoh-screening.ts header) — never computed by the engine.
 * Run: `npx tsx test/decks/sdoh/author-deck.ts` (rewrites every case folder it owns).
 */
import { mkdirSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const LOINC = 'http://loinc.org';
const CPT = 'http://www.ama-assn.org/go/cpt';
const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const SNOMED = 'http://snomed.info/sct';
const DAR = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
const NOT_DONE = 'http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-notDoneReason';
const MEASURE = 'https://caregap.example.org/fhir/Measure/sdoh-screening|1.0.0';
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

type Domain = 'food' | 'housing' | 'transportation' | 'utilities' | 'safety';
type Flag = boolean | null;
type R = Record<string, unknown> & { resourceType: string; id: string };

/** Expected domain flags: `null` positive = screened but undecided; `screened: false` = not screened. */
type DomainExpectation = { screened: boolean; positive: Flag };

interface Case {
  name: string;
  title: string;
  description: string;
  resources: R[];
  /** IP, DEN, DENEX, NUM, DENEXCEP */
  pops: [number, number, number, number, number];
  domains: Record<Domain, DomainExpectation>;
}

// answer codes (LOINC LA) — written out here so the deck checks the engine's tables independently
const A = {
  steady: 'LA31993-1',
  worried: 'LA31994-9',
  noPlace: 'LA31995-6',
  mold: 'LA28580-1',
  pests: 'LA31996-4',
  none: 'LA9-3',
  often: 'LA28397-0',
  sometimes: 'LA6729-3',
  never: 'LA28398-8',
  atRisk: 'LA19952-3',
  noRisk: 'LA19983-8',
  yes: 'LA33-6',
  no: 'LA32-8',
  shutOff: 'LA32002-0',
  hNever: 'LA6270-8',
  hRarely: 'LA10066-1',
  hSometimes: 'LA10082-8',
  hFairly: 'LA16644-9',
  hFreq: 'LA6482-9',
  pHoused: 'LA30189-7',
  pNotHoused: 'LA30190-5',
  pFood: 'LA30125-1',
  pUtil: 'LA30124-4',
  pClothing: 'LA30126-9',
  pTransMed: 'LA30133-5',
  pTransNonMed: 'LA30134-3',
  unsure: 'LA14072-5',
} as const;
const HITS_CODES = ['95618-5', '95617-7', '95616-9', '95615-1'];
const HITS_ANSWER = [A.hNever, A.hRarely, A.hSometimes, A.hFairly, A.hFreq];

const negD = (): DomainExpectation => ({ screened: true, positive: false });
const posD = (): DomainExpectation => ({ screened: true, positive: true });
const noD = (): DomainExpectation => ({ screened: false, positive: null });
const allNeg = (): Record<Domain, DomainExpectation> => ({
  food: negD(),
  housing: negD(),
  transportation: negD(),
  utilities: negD(),
  safety: negD(),
});
const allNone = (): Record<Domain, DomainExpectation> => ({
  food: noD(),
  housing: noD(),
  transportation: noD(),
  utilities: noD(),
  safety: noD(),
});

/** A small builder for one case's resources. */
class Builder {
  readonly resources: R[] = [];
  private n = 0;
  constructor(
    readonly pid: string,
    birthDate: string,
  ) {
    this.resources.push({
      resourceType: 'Patient',
      id: pid,
      birthDate,
      gender: 'female',
      name: [{ family: 'Synthetic', given: [pid] }],
    });
  }
  private id(kind: string): string {
    return `${this.pid}-${kind}-${++this.n}`;
  }
  encounter(date: string, code = '99213', system = CPT, status = 'finished'): this {
    this.resources.push({
      resourceType: 'Encounter',
      id: this.id('enc'),
      status,
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [{ coding: [{ system, code }] }],
      subject: { reference: `Patient/${this.pid}` },
      period: { start: `${date}T09:00:00`, end: `${date}T09:30:00` },
    });
    return this;
  }
  /** One answered item; `answer` an LA code, a number, or undefined (no value). */
  item(code: string, answer: string | number | undefined, date: string, extra: Record<string, unknown> = {}): string {
    const id = this.id('obs');
    const value =
      typeof answer === 'string'
        ? { valueCodeableConcept: { coding: [{ system: LOINC, code: answer }] } }
        : typeof answer === 'number'
          ? { valueInteger: answer }
          : {};
    this.resources.push({
      resourceType: 'Observation',
      id,
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] },
      ],
      code: { coding: [{ system: LOINC, code }] },
      subject: { reference: `Patient/${this.pid}` },
      effectiveDateTime: date,
      ...value,
      ...extra,
    });
    return id;
  }
  panel(code: string, date: string, members: string[]): this {
    this.resources.push({
      resourceType: 'Observation',
      id: this.id('panel'),
      status: 'final',
      code: { coding: [{ system: LOINC, code }] },
      subject: { reference: `Patient/${this.pid}` },
      effectiveDateTime: date,
      hasMember: members.map((m) => ({ reference: `Observation/${m}` })),
    });
    return this;
  }
  /** The AHC HRSN core panel; `hits` are the four item points (1–5). */
  ahc(
    date: string,
    o: {
      housing?: string;
      quality?: string;
      food?: [string, string];
      transport?: string;
      utilities?: string;
      hits?: number[];
    } = {},
    skip: Domain[] = [],
  ): this {
    const m: string[] = [];
    if (!skip.includes('housing')) {
      m.push(this.item('71802-3', o.housing ?? A.steady, date));
      if (o.quality) {
        m.push(this.item('96778-6', o.quality, date));
      }
    }
    if (!skip.includes('food')) {
      for (const [i, c] of ['88122-7', '88123-5'].entries()) {
        m.push(this.item(c, o.food?.[i] ?? A.never, date));
      }
    }
    if (!skip.includes('transportation')) {
      m.push(this.item('93030-5', o.transport ?? A.no, date));
    }
    if (!skip.includes('utilities')) {
      m.push(this.item('96779-4', o.utilities ?? A.no, date));
    }
    if (!skip.includes('safety')) {
      (o.hits ?? [1, 1, 1, 1]).forEach((p, i) => m.push(this.item(HITS_CODES[i]!, HITS_ANSWER[p - 1]!, date)));
    }
    return this.panel('96777-8', date, m);
  }
  declined(date: string, how: 'not-done' | 'asked-declined' | 'snomed-value', code = '96777-8'): this {
    const base: R = {
      resourceType: 'Observation',
      id: this.id('declined'),
      status: 'final',
      code: { coding: [{ system: LOINC, code }] },
      subject: { reference: `Patient/${this.pid}` },
    };
    if (how === 'not-done') {
      Object.assign(base, {
        status: 'cancelled',
        issued: `${date}T10:00:00Z`,
        extension: [
          {
            url: NOT_DONE,
            valueCodeableConcept: {
              coding: [{ system: SNOMED, code: '105480006', display: 'Refusal of treatment by patient' }],
            },
          },
        ],
      });
    }
    if (how === 'asked-declined') {
      Object.assign(base, {
        effectiveDateTime: date,
        dataAbsentReason: { coding: [{ system: DAR, code: 'asked-declined' }] },
      });
    }
    if (how === 'snomed-value') {
      Object.assign(base, {
        effectiveDateTime: date,
        valueCodeableConcept: { coding: [{ system: SNOMED, code: '413311005' }] },
      });
    }
    this.resources.push(base);
    return this;
  }
}

const cases: Case[] = [];
const add = (
  name: string,
  title: string,
  description: string,
  b: Builder,
  pops: Case['pops'],
  domains: Record<Domain, DomainExpectation>,
) => cases.push({ name, title, description, resources: b.resources, pops, domains });
const MET: Case['pops'] = [1, 1, 0, 1, 0];
const NOT_MET: Case['pops'] = [1, 1, 0, 0, 0];
const EXCEPTION: Case['pops'] = [1, 1, 0, 0, 1];
const OUT: Case['pops'] = [0, 0, 0, 0, 0];

// --- numerator and per-domain positivity (AHC HRSN) ---
add(
  'ahc-all-negative',
  'AHC HRSN, all domains negative',
  'Ana, 45, office visit and AHC HRSN on 2026-03-10, every answer negative: screened for all five domains.',
  new Builder('ana', '1981-05-02').encounter('2026-03-10').ahc('2026-03-10'),
  MET,
  allNeg(),
);
add(
  'ahc-food-positive',
  'AHC HRSN, food insecurity positive',
  'Ben answers "Sometimes true" to 88123-5: food positive.',
  new Builder('ben', '1970-02-11').encounter('2026-04-01').ahc('2026-04-01', { food: [A.never, A.sometimes] }),
  MET,
  { ...allNeg(), food: posD() },
);
add(
  'ahc-food-often-true',
  'AHC HRSN, food "Often true"',
  'Cleo answers "Often true" to 88122-7: food positive.',
  new Builder('cleo', '1990-07-30').encounter('2026-04-02').ahc('2026-04-02', { food: [A.often, A.never] }),
  MET,
  { ...allNeg(), food: posD() },
);
add(
  'ahc-housing-worried',
  'AHC HRSN, worried about losing housing',
  'Dev has a place but is worried about losing it: housing positive.',
  new Builder('dev', '1962-12-01').encounter('2026-05-05').ahc('2026-05-05', { housing: A.worried }),
  MET,
  { ...allNeg(), housing: posD() },
);
add(
  'ahc-housing-no-steady-place',
  'AHC HRSN, no steady place to live',
  'Eli has no steady place: housing positive.',
  new Builder('eli', '1955-01-20').encounter('2026-05-06').ahc('2026-05-06', { housing: A.noPlace }),
  MET,
  { ...allNeg(), housing: posD() },
);
add(
  'ahc-housing-quality-mold',
  'AHC HRSN, steady housing with mold',
  'Fay is housed but reports mold (96778-6): housing positive.',
  new Builder('fay', '1988-03-14').encounter('2026-06-01').ahc('2026-06-01', { quality: A.mold }),
  MET,
  { ...allNeg(), housing: posD() },
);
add(
  'ahc-housing-quality-none',
  'AHC HRSN, housing quality "None of the above"',
  'Gus is housed with no problems: housing negative.',
  new Builder('gus', '1979-09-09').encounter('2026-06-02').ahc('2026-06-02', { quality: A.none }),
  MET,
  allNeg(),
);
add(
  'ahc-transportation-positive',
  'AHC HRSN, transportation need',
  'Hal lacked transportation (Yes): transportation positive.',
  new Builder('hal', '1948-04-04').encounter('2026-07-07').ahc('2026-07-07', { transport: A.yes }),
  MET,
  { ...allNeg(), transportation: posD() },
);
add(
  'ahc-utilities-already-shut-off',
  'AHC HRSN, utilities already shut off',
  'Ivy: "Already shut off": utilities positive.',
  new Builder('ivy', '1993-11-11').encounter('2026-08-08').ahc('2026-08-08', { utilities: A.shutOff }),
  MET,
  { ...allNeg(), utilities: posD() },
);
add(
  'ahc-utilities-threatened',
  'AHC HRSN, utility shut-off threatened',
  'Jon: utility company threatened shut-off (Yes): utilities positive.',
  new Builder('jon', '1985-10-10').encounter('2026-08-09').ahc('2026-08-09', { utilities: A.yes }),
  MET,
  { ...allNeg(), utilities: posD() },
);
add(
  'ahc-hits-sum-11-positive',
  'HITS sum 11 (first positive score)',
  'Kim scores 3+3+3+2 = 11 on HITS: safety positive.',
  new Builder('kim', '1977-06-06').encounter('2026-09-01').ahc('2026-09-01', { hits: [3, 3, 3, 2] }),
  MET,
  { ...allNeg(), safety: posD() },
);
add(
  'ahc-hits-sum-10-negative',
  'HITS sum 10 (last negative score)',
  'Lou scores 3+3+2+2 = 10 on HITS: safety negative.',
  new Builder('lou', '1966-08-15').encounter('2026-09-02').ahc('2026-09-02', { hits: [3, 3, 2, 2] }),
  MET,
  allNeg(),
);
add(
  'ahc-all-positive',
  'AHC HRSN, every domain positive',
  'Mae screens positive in all five domains.',
  new Builder('mae', '1959-02-28').encounter('2026-10-01').ahc('2026-10-01', {
    housing: A.noPlace,
    food: [A.often, A.often],
    transport: A.yes,
    utilities: A.yes,
    hits: [5, 5, 5, 5],
  }),
  MET,
  { food: posD(), housing: posD(), transportation: posD(), utilities: posD(), safety: posD() },
);
{
  const b = new Builder('ned', '1980-01-01').encounter('2026-03-03');
  b.ahc('2026-03-03', {}, ['safety']);
  b.item('95614-4', 11, '2026-03-03');
  add(
    'hits-total-11-positive',
    'HITS total 11 recorded alone',
    'Ned: AHC items for four domains, HITS total score 95614-4 = 11: safety screened and positive.',
    b,
    MET,
    { ...allNeg(), safety: posD() },
  );
}
{
  const b = new Builder('ola', '1980-01-01').encounter('2026-03-04');
  b.ahc('2026-03-04', {}, ['safety']);
  b.item('95614-4', 10, '2026-03-04');
  add(
    'hits-total-10-negative',
    'HITS total 10 recorded alone',
    'Ola: HITS total 95614-4 = 10: safety negative.',
    b,
    MET,
    allNeg(),
  );
}
{
  const b = new Builder('pat', '1975-05-05').encounter('2026-03-05');
  b.ahc('2026-03-05', {}, ['safety']);
  b.item('95618-5', A.hFreq, '2026-03-05');
  b.item('95617-7', A.hFreq, '2026-03-05');
  add(
    'hits-two-items-undecided',
    'HITS with only two items answered (sum 10)',
    'Pat answers two HITS items (5+5): safety is screened, but whether positive cannot be decided.',
    b,
    MET,
    { ...allNeg(), safety: { screened: true, positive: null } },
  );
}

// --- partial screening ---
add(
  'four-of-five-no-safety',
  'Four of five domains: safety not screened',
  'Quinn completes AHC without the HITS items: not met, safety unscreened.',
  new Builder('quinn', '1969-03-03').encounter('2026-02-02').ahc('2026-02-02', {}, ['safety']),
  NOT_MET,
  { ...allNeg(), safety: noD() },
);
add(
  'four-of-five-no-food',
  'Four of five domains: food not screened',
  'Rae completes AHC without the food items: not met.',
  new Builder('rae', '1969-03-03').encounter('2026-02-03').ahc('2026-02-03', { housing: A.worried }, ['food']),
  NOT_MET,
  { ...allNeg(), food: noD(), housing: posD() },
);
add(
  'four-of-five-no-utilities',
  'Four of five domains: utilities not screened',
  'Sam completes AHC without the utilities item: not met.',
  new Builder('sam', '1969-03-03').encounter('2026-02-04').ahc('2026-02-04', {}, ['utilities']),
  NOT_MET,
  { ...allNeg(), utilities: noD() },
);
add(
  'four-of-five-no-transport-no-housing',
  'Three of five domains',
  'Tia screens only food, utilities and safety: not met.',
  new Builder('tia', '1969-03-03').encounter('2026-02-05').ahc('2026-02-05', {}, ['transportation', 'housing']),
  NOT_MET,
  { ...allNeg(), transportation: noD(), housing: noD() },
);
add(
  'no-screening',
  'Qualifying visit, no screening at all',
  'Uma has an office visit and no SDOH screening: not met.',
  new Builder('uma', '1950-12-12').encounter('2026-11-11'),
  NOT_MET,
  allNone(),
);
{
  const b = new Builder('val', '1972-04-04').encounter('2026-04-04');
  b.ahc('2026-04-04', {}, ['transportation']);
  b.item('93030-5', undefined, '2026-04-04');
  add(
    'item-without-answer',
    'Transportation item recorded without an answer',
    'Val has a 93030-5 Observation with no value: an unanswered item does not count, not met.',
    b,
    NOT_MET,
    { ...allNeg(), transportation: noD() },
  );
}
{
  const b = new Builder('wes', '1972-04-04').encounter('2026-04-05');
  b.ahc('2026-04-05', {}, ['safety']);
  b.item('95614-4', 4, '2026-04-05', { status: 'entered-in-error' });
  add(
    'entered-in-error-does-not-count',
    'Safety total entered in error',
    "Wes's only safety result is entered-in-error: not met.",
    b,
    NOT_MET,
    { ...allNeg(), safety: noD() },
  );
}

// --- period boundaries for the screening ---
add(
  'screen-on-period-start',
  'Visit and screening on the first day of the period',
  'Xia: office visit and AHC on 2026-01-01: met.',
  new Builder('xia', '1960-06-06').encounter('2026-01-01').ahc('2026-01-01'),
  MET,
  allNeg(),
);
add(
  'screen-on-period-end',
  'Visit and screening on the last day of the period',
  'Yan: office visit and AHC on 2026-12-31: met.',
  new Builder('yan', '1960-06-06').encounter('2026-12-31').ahc('2026-12-31'),
  MET,
  allNeg(),
);
add(
  'screen-day-before-period',
  'Screening the day before the period starts',
  'Zoe screened on 2025-12-31, visit in March: not met.',
  new Builder('zoe', '1960-06-06').encounter('2026-03-01').ahc('2025-12-31', { food: [A.often, A.often] }),
  NOT_MET,
  allNone(),
);
add(
  'screen-day-after-period',
  'Screening the day after the period ends',
  'Abe screened on 2027-01-01: not met.',
  new Builder('abe', '1960-06-06').encounter('2026-12-01').ahc('2027-01-01'),
  NOT_MET,
  allNone(),
);

// --- age at the start of the measurement period ---
add(
  'age-17-on-period-start',
  'Turns 18 the day after the period starts, seen in May',
  'Bea (born 2008-01-02) is 17 on 2026-01-01 but 18 at her 2026-05-01 visit: in the population and screened (MIPS #487: aged 18 and older on the date of the encounter).',
  new Builder('bea', '2008-01-02').encounter('2026-05-01').ahc('2026-05-01'),
  MET,
  allNeg(),
);
add(
  'age-18-on-period-start',
  'Turns 18 on the first day of the period',
  'Cal (born 2008-01-01) is 18 on 2026-01-01: in the population, met.',
  new Builder('cal', '2008-01-01').encounter('2026-05-01').ahc('2026-05-01'),
  MET,
  allNeg(),
);
add(
  'age-16',
  'Adolescent',
  'Dot, 16, screened: not in the population.',
  new Builder('dot', '2010-03-03').encounter('2026-05-01').ahc('2026-05-01'),
  OUT,
  allNeg(),
);

// --- qualifying encounters ---
add(
  'encounter-day-before-period',
  'Only visit the day before the period',
  "Ed's only visit is 2025-12-31 (screened in 2026): not in the population.",
  new Builder('ed', '1960-06-06').encounter('2025-12-31').ahc('2026-01-05'),
  OUT,
  allNeg(),
);
add(
  'encounter-day-after-period',
  'Only visit the day after the period',
  "Flo's only visit is 2027-01-01: not in the population.",
  new Builder('flo', '1960-06-06').encounter('2027-01-01').ahc('2026-12-30'),
  OUT,
  allNeg(),
);
add(
  'encounter-cancelled',
  'Cancelled visit',
  "Gil's only visit was cancelled: not in the population.",
  new Builder('gil', '1960-06-06').encounter('2026-05-01', '99213', CPT, 'cancelled'),
  OUT,
  allNone(),
);
add(
  'encounter-emergency-department',
  'Emergency department visit only',
  'Hana has only an ED visit (99281), which is on the MIPS #487 encounter list, and screening: met.',
  new Builder('hana', '1960-06-06').encounter('2026-05-01', '99281').ahc('2026-05-01'),
  MET,
  allNeg(),
);
add(
  'encounter-preventive-18-up',
  'Preventive visit 99395',
  'Ian has a preventive visit: in the population, met.',
  new Builder('ian', '1996-06-06').encounter('2026-05-01', '99395').ahc('2026-05-01'),
  MET,
  allNeg(),
);
add(
  'encounter-annual-wellness',
  'Annual wellness visit G0438',
  'Jade has an AWV (HCPCS G0438) and no screening: not met.',
  new Builder('jade', '1950-06-06').encounter('2026-05-01', 'G0438', HCPCS),
  NOT_MET,
  allNone(),
);
add(
  'encounter-telephone',
  'Telephone-only visit (not on the #487 list)',
  'Kai has only a telephone E/M (99441); #487 allows telehealth forms of its listed visits, not telephone-only codes: not in the population although screened.',
  new Builder('kai', '1990-06-06').encounter('2026-05-01', '99441').ahc('2026-05-01'),
  OUT,
  allNeg(),
);
add(
  'encounter-virtual',
  'Online digital visit (not on the #487 list)',
  'Lea has only an online digital E/M (99421), not on the MIPS #487 encounter list: not in the population although screened.',
  new Builder('lea', '1990-06-06').encounter('2026-05-01', '99421').ahc('2026-05-01'),
  OUT,
  allNeg(),
);
add(
  'encounter-home-visit',
  'Home visit (not on the #487 list)',
  'Max has only a home visit (99347), which is not on the MIPS #487 encounter list as transcribed: not in the population although screened.',
  new Builder('max', '1940-06-06').encounter('2026-05-01', '99347').ahc('2026-05-01'),
  OUT,
  allNeg(),
);
add(
  'encounter-obstetric',
  'Routine obstetric care 59400',
  'Nia has obstetric care (59400) and screening: met.',
  new Builder('nia', '1998-06-06').encounter('2026-05-01', '59400').ahc('2026-05-01'),
  MET,
  allNeg(),
);

// --- exceptions ---
add(
  'declined-not-done',
  'Declined: cancelled panel with a not-done reason',
  'Oli declined the AHC screening (cancelled, notDoneReason refusal by patient): exception.',
  new Builder('oli', '1965-06-06').encounter('2026-06-06').declined('2026-06-06', 'not-done'),
  EXCEPTION,
  allNone(),
);
add(
  'declined-asked-declined',
  'Declined: data absent reason asked-declined',
  'Pia was asked and declined (dataAbsentReason asked-declined): exception.',
  new Builder('pia', '1965-06-06').encounter('2026-06-07').declined('2026-06-07', 'asked-declined'),
  EXCEPTION,
  allNone(),
);
add(
  'declined-snomed-value',
  'Declined: SNOMED declined situation as the value',
  "Rob's screening value is SNOMED 413311005 (declined intervention): exception.",
  new Builder('rob', '1965-06-06').encounter('2026-06-08').declined('2026-06-08', 'snomed-value'),
  EXCEPTION,
  allNone(),
);
add(
  'declined-after-partial',
  'Partial screening, then declined the rest',
  'Sue screened food, housing and utilities, declined the HITS items: exception.',
  new Builder('sue', '1965-06-06')
    .encounter('2026-06-09')
    .ahc('2026-06-09', {}, ['safety', 'transportation'])
    .declined('2026-06-09', 'asked-declined', '95614-4'),
  EXCEPTION,
  { ...allNeg(), transportation: noD(), safety: noD() },
);
add(
  'declined-but-later-screened',
  'Declined in spring, fully screened in autumn',
  'Tom declined in April, completed AHC in October: numerator (exceptions only when not screened).',
  new Builder('tom', '1965-06-06')
    .encounter('2026-04-01')
    .declined('2026-04-01', 'not-done')
    .encounter('2026-10-01')
    .ahc('2026-10-01'),
  MET,
  allNeg(),
);
add(
  'declined-before-period',
  'Declined the day before the period',
  'Uli declined on 2025-12-31: not an exception for 2026, not met.',
  new Builder('uli', '1965-06-06').encounter('2026-02-01').declined('2025-12-31', 'asked-declined'),
  NOT_MET,
  allNone(),
);

// --- other instruments and mixtures ---
{
  const b = new Builder('vic', '1982-08-08').encounter('2026-03-01');
  const m = [
    b.item('88122-7', A.sometimes, '2026-03-01'),
    b.item('88123-5', A.never, '2026-03-01'),
    b.item('88124-3', A.atRisk, '2026-03-01'),
  ];
  b.panel('88121-9', '2026-03-01', m);
  b.ahc('2026-06-15', {}, ['food']);
  add(
    'hunger-vital-sign-plus-ahc',
    'Hunger Vital Sign in March, AHC (no food) in June',
    'Vic: HVS at risk in March; other domains screened in June with AHC: met, food positive.',
    b,
    MET,
    { ...allNeg(), food: posD() },
  );
}
{
  const b = new Builder('wyn', '1982-08-08').encounter('2026-03-01');
  b.item('88124-3', A.noRisk, '2026-03-01');
  b.ahc('2026-03-01', {}, ['food']);
  add(
    'hvs-derived-only',
    'Only the derived HVS risk item for food',
    'Wyn: food screened by 88124-3 "No risk" alone (a derived code counts): met, food negative.',
    b,
    MET,
    allNeg(),
  );
}
{
  const b = new Builder('xan', '1978-02-02').encounter('2026-05-20');
  const d = '2026-05-20';
  const m = [
    b.item('71802-3', A.pNotHoused, d),
    b.item('93033-9', A.yes, d),
    b.item('93031-3', A.pFood, d),
    b.item('93030-5', A.pTransNonMed, d),
    b.item('93026-3', A.yes, d),
    b.item('76501-6', A.no, d),
  ];
  b.panel('93025-5', d, m);
  add(
    'prapare-full',
    'PRAPARE: housing, food, transportation positive',
    'Xan (PRAPARE): no housing, unable to get food, transportation kept from non-medical needs; feels safe, not afraid of partner; utilities via 93031-3 not selected.',
    b,
    MET,
    { food: posD(), housing: posD(), transportation: posD(), utilities: negD(), safety: negD() },
  );
}
{
  const b = new Builder('yoko', '1978-02-02').encounter('2026-05-21');
  const d = '2026-05-21';
  b.panel('93025-5', d, [
    b.item('71802-3', A.pHoused, d),
    b.item('93031-3', undefined, d),
    b.item('93030-5', A.no, d),
    b.item('93026-3', A.unsure, d),
  ]);
  add(
    'prapare-material-needs-none',
    'PRAPARE: material needs answered "none" (no value), safety unsure',
    'Yoko: 93031-3 recorded without a value screens food and utilities negative (NCQA FAQ); "Unsure" about safety is positive by policy.',
    b,
    MET,
    { food: negD(), housing: negD(), transportation: negD(), utilities: negD(), safety: posD() },
  );
}
{
  const b = new Builder('zed', '1978-02-02').encounter('2026-05-22');
  const d = '2026-05-22';
  b.panel('93025-5', d, [
    b.item('71802-3', A.pHoused, d),
    b.item('93031-3', A.pUtil, d),
    b.item('93030-5', A.pTransMed, d),
    b.item('76501-6', A.yes, d),
  ]);
  add(
    'prapare-utilities-partner-fear',
    'PRAPARE: utilities need, afraid of partner',
    'Zed: unable to get utilities; transportation kept from medical appointments; afraid of ex-partner: safety positive.',
    b,
    MET,
    { food: negD(), housing: negD(), transportation: posD(), utilities: posD(), safety: posD() },
  );
}
{
  const b = new Builder('amy', '1971-07-07').encounter('2026-02-10').encounter('2026-09-10');
  b.item('88122-7', A.never, '2026-02-10');
  b.item('71802-3', A.steady, '2026-04-01');
  b.item('93030-5', A.pTransMed, '2026-05-01');
  b.item('96779-4', A.no, '2026-07-01');
  b.item('95614-4', 6, '2026-09-10');
  add(
    'mixed-instruments-different-days',
    'Five domains on five different days, three instruments',
    'Amy: HVS food in February, AHC housing in April, PRAPARE transportation in May, AHC utilities in July, HITS total in September: met.',
    b,
    MET,
    { ...allNeg(), transportation: posD() },
  );
}
{
  const b = new Builder('bo', '1971-07-07').encounter('2026-03-01');
  b.ahc('2026-03-01', { food: [A.often, A.often] });
  b.ahc('2026-10-01', { food: [A.never, A.never] });
  add(
    'food-positive-then-negative',
    'Food positive in March, negative in October',
    'Bo: the most recent food screen (October) is negative: food negative.',
    b,
    MET,
    allNeg(),
  );
}
{
  // all items as components of a single panel Observation
  const d = '2026-08-20';
  const comp = (code: string, answer: string) => ({
    code: { coding: [{ system: LOINC, code }] },
    valueCodeableConcept: { coding: [{ system: LOINC, code: answer }] },
  });
  const b = new Builder('cy', '1964-04-04').encounter(d);
  b.resources.push({
    resourceType: 'Observation',
    id: 'cy-panel-components',
    status: 'final',
    code: { coding: [{ system: LOINC, code: '96777-8' }] },
    subject: { reference: 'Patient/cy' },
    effectiveDateTime: d,
    component: [
      comp('71802-3', A.steady),
      comp('88122-7', A.never),
      comp('88123-5', A.never),
      comp('93030-5', A.no),
      comp('96779-4', A.shutOff),
      comp('95618-5', A.hNever),
      comp('95617-7', A.hNever),
      comp('95616-9', A.hNever),
      comp('95615-1', A.hNever),
    ],
  });
  add(
    'panel-with-components',
    'AHC HRSN as one Observation with components',
    'Cy: all answers are components of the panel Observation: met, utilities positive.',
    b,
    MET,
    { ...allNeg(), utilities: posD() },
  );
}
{
  const d = '2026-08-21';
  const q = (linkId: string, code: string) => ({ linkId, answer: [{ valueCoding: { system: LOINC, code } }] });
  const b = new Builder('di', '1964-04-04').encounter(d);
  b.resources.push({
    resourceType: 'QuestionnaireResponse',
    id: 'di-qr-1',
    status: 'completed',
    questionnaire: 'http://loinc.org/q/96777-8',
    subject: { reference: 'Patient/di' },
    authored: `${d}T10:00:00Z`,
    item: [
      q('/71802-3', A.steady),
      q('/88122-7', A.sometimes),
      q('/88123-5', A.never),
      q('/93030-5', A.no),
      q('/96779-4', A.no),
      q('/95618-5', A.hFreq),
      q('/95617-7', A.hFreq),
      q('/95616-9', A.hNever),
      q('/95615-1', A.hNever),
    ],
  });
  add(
    'questionnaire-response-ahc',
    'AHC HRSN recorded as a QuestionnaireResponse',
    'Di: answers in a QuestionnaireResponse with LOINC linkIds; HITS 5+5+1+1 = 12: met, food and safety positive.',
    b,
    MET,
    { ...allNeg(), food: posD(), safety: posD() },
  );
}

// --- write ---
function measureReport(c: Case): unknown {
  const codes: [string, string, string, number][] = [
    ['InitialPopulation_1', 'initial-population', 'Initial Population', c.pops[0]],
    ['Denominator_1', 'denominator', 'Denominator', c.pops[1]],
    ['DenominatorExclusion_1', 'denominator-exclusion', 'Denominator Exclusion', c.pops[2]],
    ['Numerator_1', 'numerator', 'Numerator', c.pops[3]],
    ['DenominatorException_1', 'denominator-exception', 'Denominator Exception', c.pops[4]],
  ];
  const patient = c.resources.find((r) => r.resourceType === 'Patient')!;
  return {
    resourceType: 'MeasureReport',
    id: `expected-${c.name}`,
    extension: [
      {
        url: 'http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-testCaseDescription',
        valueMarkdown: c.description,
      },
    ],
    status: 'complete',
    type: 'individual',
    measure: MEASURE,
    subject: { reference: `Patient/${patient.id}` },
    period: PERIOD,
    group: [
      {
        id: 'Group_1',
        population: codes.map(([id, code, display, count]) => ({
          id,
          code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code, display }] },
          count,
        })),
      },
    ],
  };
}

for (const entry of readdirSync(HERE)) {
  if (statSync(join(HERE, entry)).isDirectory()) {
    rmSync(join(HERE, entry), { recursive: true });
  }
}
const names = new Set<string>();
for (const c of cases) {
  if (names.has(c.name)) {
    throw new Error(`duplicate case ${c.name}`);
  }
  names.add(c.name);
  const dir = join(HERE, c.name);
  mkdirSync(dir, { recursive: true });
  for (const r of c.resources) {
    writeFileSync(join(dir, `${r.resourceType}-${r.id}.json`), JSON.stringify(r, null, 2) + '\n');
  }
  writeFileSync(join(dir, 'expected-MeasureReport.json'), JSON.stringify(measureReport(c), null, 2) + '\n');
  writeFileSync(
    join(dir, 'case.json'),
    JSON.stringify({ title: c.title, description: c.description, domains: c.domains }, null, 2) + '\n',
  );
}
console.log(`wrote ${cases.length} SDOH cases to ${HERE}`);
