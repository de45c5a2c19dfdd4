/**
 * SDOH screening: what an incomplete record does to the verdict, what closes an open measure, and
 * the published Measure resource. (Populations and domains are covered case by case in sdoh-deck.)
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources, type PatientRecord } from '../../../src/engine/record.ts';
import { sdohMeasureResource } from '../../../src/engine/report/sdoh-measure-resource.ts';
import { toIndividualMeasureReport } from '../../../src/engine/report/measure-report.ts';

const LOINC = 'http://loinc.org';
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

/** Rosa, 52: office visit on 2026-06-10; answers for the listed items on the same day. */
function rosa(items: [string, string | number][]): fhir4.Resource[] {
  const subject = { reference: 'Patient/rosa' };
  return [
    { resourceType: 'Patient', id: 'rosa', birthDate: '1974-02-02' } as fhir4.Patient,
    {
      resourceType: 'Encounter',
      id: 'rosa-visit',
      status: 'finished',
      class: { code: 'AMB' },
      subject,
      type: [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99214' }] }],
      period: { start: '2026-06-10T10:00:00', end: '2026-06-10T10:40:00' },
    } as fhir4.Encounter,
    ...items.map(([code, answer], i): fhir4.Observation => ({
      resourceType: 'Observation',
      id: `rosa-${i}`,
      status: 'final',
      subject,
      effectiveDateTime: '2026-06-10',
      code: { coding: [{ system: LOINC, code }] },
      ...(typeof answer === 'number'
        ? { valueInteger: answer }
        : { valueCodeableConcept: { coding: [{ system: LOINC, code: answer }] } }),
    })),
  ];
}
const FULL: [string, string | number][] = [
  ['71802-3', 'LA31993-1'],
  ['88122-7', 'LA28398-8'],
  ['93030-5', 'LA32-8'],
  ['96779-4', 'LA32-8'],
  ['95614-4', 4],
];
const sdoh = (record: PatientRecord) =>
  evaluatePatient(record, { period: PERIOD, only: ['sdoh-screening'] }).measures[0]!;
const withCompleteness = (record: PatientRecord, type: string, status: 'partial' | 'missing'): PatientRecord => ({
  ...record,
  completeness: { ...record.completeness, [type]: { status, reason: `${type} search failed` } },
});

describe('SDOH screening with incomplete data', () => {
  it('is unknown when Observations were only partly read, even though the read part shows a full screen', () => {
    const r = sdoh(withCompleteness(recordFromResources(rosa(FULL)), 'Observation', 'partial'));
    expect(r.status).toBe('unknown');
    expect(r.reasons).toEqual(['Observation is incomplete: Observation search failed']);
  });
  it('is unknown when Encounters are missing', () => {
    expect(sdoh(withCompleteness(recordFromResources(rosa(FULL)), 'Encounter', 'missing')).status).toBe('unknown');
  });
  it('stays met when QuestionnaireResponses are missing but Observations already screen all five domains', () => {
    expect(sdoh(withCompleteness(recordFromResources(rosa(FULL)), 'QuestionnaireResponse', 'missing')).status).toBe(
      'met',
    );
  });
  it('is unknown when QuestionnaireResponses are missing and a domain is still unscreened', () => {
    const r = sdoh(withCompleteness(recordFromResources(rosa(FULL.slice(0, 4))), 'QuestionnaireResponse', 'missing'));
    expect(r.status).toBe('unknown');
    expect(r.reasons?.[0]).toMatch(/^QuestionnaireResponse is missing/);
  });
  it('is unknown when the birth date is missing', () => {
    const resources = rosa(FULL).map((r) =>
      r.resourceType === 'Patient' ? { resourceType: 'Patient', id: 'rosa' } : r,
    ) as fhir4.Resource[];
    expect(sdoh(recordFromResources(resources)).status).toBe('unknown');
  });
});

describe('SDOH screening not met', () => {
  it('names the unscreened domains and is due at the end of the period', () => {
    const r = sdoh(recordFromResources(rosa(FULL.slice(0, 3))));
    expect(r.status).toBe('not-met');
    expect(r.closes).toEqual({
      what: 'Screen for utility difficulties, interpersonal safety with a standardized tool (e.g. AHC HRSN)',
      due: '2026-12-31',
    });
  });
  it('cites the visit and each screening answer as evidence', () => {
    const r = sdoh(recordFromResources(rosa(FULL)));
    expect(r.evidence.map((e) => `${e.rule} ${e.reference}`)).toEqual([
      'qualifying-encounter Encounter/rosa-visit',
      'sdoh-food-screen Observation/rosa-1',
      'sdoh-housing-screen Observation/rosa-0',
      'sdoh-transportation-screen Observation/rosa-2',
      'sdoh-utilities-screen Observation/rosa-3',
      'sdoh-safety-screen Observation/rosa-4',
    ]);
  });
});

describe('SDOH Measure resource', () => {
  it('is a proportion, boolean-basis measure at the published url and version with the five populations', () => {
    const m = sdohMeasureResource();
    expect([m.url, m.version, m.scoring?.coding?.[0]?.code]).toEqual([
      'https://caregap.example.org/fhir/Measure/sdoh-screening',
      '1.0.0',
      'proportion',
    ]);
    expect(m.extension?.[0]?.valueCode).toBe('boolean');
    expect(m.group?.[0]?.population?.map((p) => p.code?.coding?.[0]?.code)).toEqual([
      'initial-population',
      'denominator',
      'denominator-exclusion',
      'numerator',
      'denominator-exception',
    ]);
    expect(m.group?.[0]?.population?.every((p) => (p.description ?? '').length > 10)).toBe(true);
  });
  it('is the canonical the individual MeasureReport points at', () => {
    const report = toIndividualMeasureReport(sdoh(recordFromResources(rosa(FULL))), {
      subject: 'Patient/rosa',
      period: PERIOD,
    });
    const m = sdohMeasureResource();
    expect(report.measure).toBe(`${m.url}|${m.version}`);
  });
});

/** Rosa's record with another birth date and visit. */
function rosaWith(
  birthDate: string,
  visit: { start: string; end: string; code?: string; system?: string },
): fhir4.Resource[] {
  return rosa(FULL).map((r) => {
    if (r.resourceType === 'Patient') {
      return { ...r, birthDate };
    }
    if (r.resourceType === 'Encounter') {
      return {
        ...r,
        period: { start: visit.start, end: visit.end },
        type: [{ coding: [{ system: visit.system ?? 'http://www.ama-assn.org/go/cpt', code: visit.code ?? '99214' }] }],
      };
    }
    return r;
  }) as fhir4.Resource[];
}
const populations = (resources: fhir4.Resource[]) =>
  sdoh(recordFromResources(resources)).populations['initial-population'];

// MIPS #487 denominator: "Patients aged 18 and older on date of encounter" AND a listed encounter
// during the performance period — AgeInYearsAt(date from start of Encounter.period) >= 18.
describe('SDOH screening: 18 or older on the date of the visit (MIPS #487)', () => {
  const visit = { start: '2026-06-10T10:00:00-04:00', end: '2026-06-10T10:40:00-04:00' };
  it.each([
    ['turned 18 the day before the visit', '2008-06-09', 1],
    ['turns 18 on the day of the visit', '2008-06-10', 1],
    ['turns 18 the day after the visit', '2008-06-11', 0],
  ])('a patient who %s is in the population: %i', (_s, birthDate, ip) => {
    expect(populations(rosaWith(birthDate, visit))).toBe(ip);
  });
  it('a patient who turns 18 in March is in the population for a June visit (no longer judged at the period start)', () => {
    expect(populations(rosaWith('2008-03-01', visit))).toBe(1);
  });
  it('the visit day is the date written with its own offset: 18 on 10 June at 23:30 −04:00 (already 11 June in UTC) is still 17 the day before the birthday', () => {
    expect(
      populations(rosaWith('2008-06-11', { start: '2026-06-10T23:30:00-04:00', end: '2026-06-10T23:50:00-04:00' })),
    ).toBe(0);
  });
  it('a birth date known only to the year still counts a 52-year-old (every possible age is 18 or more)', () => {
    expect(populations(rosaWith('1974', visit))).toBe(1);
  });
  it('a birth year that leaves 17 or 18 open on the visit day is unknown, not counted, and says why', () => {
    const r = sdoh(recordFromResources(rosaWith('2008', visit)));
    expect(r.populations['initial-population']).toBe(0);
    expect(r.status).toBe('unknown');
    expect(r.reasons?.join(' ')).toMatch(/birth date too imprecise/);
  });
});

// MIPS #487 "Patient encounter during the performance period (CPT or HCPCS)" — the measure's own list.
describe('SDOH screening: the MIPS #487 visit list', () => {
  const at = { start: '2026-06-10T10:00:00Z', end: '2026-06-10T10:40:00Z' };
  it.each([
    ['an office visit (99214)', '99214', 1],
    ['an emergency department visit (99283)', '99283', 1],
    ['a prenatal care package (59400)', '59400', 1],
    ['a psychotherapy session (90834)', '90834', 1],
    ['a Medicare annual wellness visit (G0439, HCPCS)', 'G0439', 1],
    ['a telephone-only E/M (99441), not on the list', '99441', 0],
    ['an online digital E/M (99421), not on the list', '99421', 0],
  ])('%s qualifies: %i', (_s, code, ip) => {
    const system = /^[A-Z]/.test(code)
      ? 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets'
      : 'http://www.ama-assn.org/go/cpt';
    expect(populations(rosaWith('1974-02-02', { ...at, code, system }))).toBe(ip);
  });
  it('a listed visit on 31 December at 21:00 −05:00 is in the period (the date written)', () => {
    expect(
      populations(rosaWith('1974-02-02', { start: '2026-12-31T21:00:00-05:00', end: '2026-12-31T21:30:00-05:00' })),
    ).toBe(1);
  });
});
