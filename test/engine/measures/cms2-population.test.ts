/**
 * CMS2 initial population: age at the start of the period, qualifying encounters, the
 * age-appropriate tool, time zones, and what happens when the record is incomplete or messy.
 */
import { describe, expect, it } from 'vitest';
import { recordFromResources } from '../../../src/engine/record.ts';
import { cms2, cms2Of, counts, patient, screening, visit } from './cms2-fixtures.ts';

const VISIT = '2026-06-21T08:00:00Z';
const SCREENED = '2026-06-15T08:00:00Z';

describe('CMS2 age at the start of the measurement period', () => {
  // birth dates relative to 2026-01-01, each with one visit and one negative screening of the tool named
  const table: [name: string, birthDate: string, kind: 'adolescent' | 'adult', expected: string, status: string][] = [
    ['Ava, 11 the day before she turns 12', '2014-01-02', 'adolescent', '00000', 'not-in-population'],
    ['Ben, 12 on the first day, adolescent tool', '2014-01-01', 'adolescent', '11010', 'met'],
    ['Ben, 12 on the first day, adult tool only', '2014-01-01', 'adult', '11000', 'not-met'],
    ['Cleo, 16, adolescent tool', '2009-01-02', 'adolescent', '11010', 'met'],
    ['Cleo, 16, adult tool only', '2009-01-02', 'adult', '11000', 'not-met'],
    ['Dev, 17, adolescent tool', '2009-01-01', 'adolescent', '11010', 'met'],
    ['Dev, 17, adult tool', '2009-01-01', 'adult', '11010', 'met'],
    ['Eve, 18 on the first day, adult tool', '2008-01-01', 'adult', '11010', 'met'],
    ['Eve, 18 on the first day, adolescent tool only', '2008-01-01', 'adolescent', '11000', 'not-met'],
    ['Finn, 17 turning 18 on the second day, adolescent tool', '2008-01-02', 'adolescent', '11010', 'met'],
  ];
  for (const [name, birthDate, kind, expected, status] of table) {
    it(`${name}: ${status}`, () => {
      const m = cms2([patient('p', birthDate), visit('v', VISIT), screening('s', kind, SCREENED, 'negative')]);
      expect(counts(m)).toBe(expected);
      expect(m.status).toBe(status);
    });
  }

  it('reports the age at the start of the period and the number of qualifying encounters', () => {
    const m = cms2([patient('gus', '2008-01-01'), visit('v1', VISIT), visit('v2', '2026-09-01T10:00:00Z')]);
    expect(m.detail).toMatchObject({ ageAtStart: 18, qualifyingEncounters: 2 });
  });
});

describe('CMS2 qualifying encounters', () => {
  const adult = patient('hana', '1980-05-05');
  const cases: [string, fhir4.Encounter, string][] = [
    ['a visit on the first day of the period qualifies', visit('v', '2026-01-01T00:00:00Z'), '11000'],
    [
      'a visit on the last day of the period qualifies',
      visit('v', '2026-12-31T23:00:00Z', '2026-12-31T23:45:00Z'),
      '11000',
    ],
    ['a visit the day before the period does not', visit('v', '2025-12-31T10:00:00Z'), '00000'],
    ['a visit the day after the period does not', visit('v', '2027-01-01T10:00:00Z'), '00000'],
    [
      'a visit that starts before the period and ends in it does not',
      visit('v', '2025-12-31T23:00:00Z', '2026-01-01T01:00:00Z'),
      '00000',
    ],
    ['a visit that is not finished does not', visit('v', VISIT, undefined, { status: 'in-progress' }), '00000'],
    ['a cancelled visit does not', visit('v', VISIT, undefined, { status: 'cancelled' }), '00000'],
    [
      'a visit type outside the three value sets does not',
      visit('v', VISIT, undefined, { type: [{ coding: [{ system: 'http://snomed.info/sct', code: '32485007' }] }] }),
      '00000',
    ],
    [
      'a telephone visit qualifies',
      visit('v', VISIT, undefined, { type: [{ coding: [{ system: 'http://snomed.info/sct', code: '185317003' }] }] }),
      '11000',
    ],
    [
      'a visit coded with HCPCS written the other way (http://www.cms.gov…) qualifies',
      visit('v', VISIT, undefined, {
        type: [{ coding: [{ system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'G0439' }] }],
      }),
      '11000',
    ],
    ['a date-only visit period qualifies', visit('v', '2026-06-21', '2026-06-21'), '11000'],
    [
      'a visit without an end does not (its period never ends)',
      visit('v', VISIT, undefined, { period: { start: VISIT } }),
      '00000',
    ],
  ];
  for (const [name, enc, expected] of cases) {
    it(name, () => {
      expect(counts(cms2([adult, enc]))).toBe(expected);
    });
  }
});

// CMS2 CQL: 'Qualifying Encounter During Measurement Period' — `period during day of "Measurement
// Period"` compares each value's date as written in its own offset (cql-execution, fqm-execution).
describe('CMS2 time zones: a visit at 23:30 on New Year’s Eve in New York (2026-12-31T23:30-05:00)', () => {
  const resources = [
    patient('ida', '1970-01-01'),
    visit('v', '2026-12-31T23:30:00-05:00', '2026-12-31T23:50:00-05:00'),
  ];
  it('is on 31 December, inside the period, wherever the engine runs', () => {
    expect(counts(cms2(resources))).toBe('11000');
  });
  it('the same visit written in UTC (2027-01-01T04:30Z) is on 1 January, outside the period', () => {
    expect(
      counts(cms2([patient('ida', '1970-01-01'), visit('v', '2027-01-01T04:30:00Z', '2027-01-01T04:50:00Z')])),
    ).toBe('00000');
  });
  it('a screening at 21:00 the same evening is 0 days before the visit day: the visit is met', () => {
    const m = cms2([...resources, screening('s', 'adult', '2026-12-31T21:00:00-05:00', 'negative')]);
    expect(m.status).toBe('met');
  });
});

describe('CMS2 with incomplete data', () => {
  const resources = [patient('jon', '1990-03-03'), visit('v', VISIT), screening('s', 'adult', SCREENED, 'negative')];

  it('is unknown, with the reason, when Procedures could not be read at all', () => {
    const record = recordFromResources(resources, [
      'Encounter',
      'Observation',
      'Condition',
      'ServiceRequest',
      'MedicationRequest',
    ]);
    const m = cms2Of(record);
    expect(m.status).toBe('unknown');
    expect(m.reasons).toEqual([expect.stringContaining('Procedure is missing')]);
  });

  it('is unknown when Observations were only partly read, and keeps the provisional counts', () => {
    const record = recordFromResources(resources);
    record.completeness.Observation = { status: 'partial', reason: 'page 3 failed' };
    const m = cms2Of(record);
    expect(m.status).toBe('unknown');
    expect(m.reasons).toEqual(['Observation is incomplete: page 3 failed']);
    expect(counts(m)).toBe('11010');
  });

  it('is unknown when the patient has no birth date', () => {
    const m = cms2([patient('kai'), visit('v', VISIT)]);
    expect(m.status).toBe('unknown');
    expect(m.reasons).toContain('Patient.birthDate missing');
  });

  it('is unknown when a birth date of year precision makes the age ambiguous', () => {
    const m = cms2([patient('lea', '2014'), visit('v', VISIT)]);
    expect(m.status).toBe('unknown');
  });

  it('reports an unreadable visit period as an issue and is unknown rather than not-in-population', () => {
    const m = cms2([patient('mo', '1990-03-03'), visit('v', 'June 21st')]);
    expect(m.status).toBe('unknown');
    expect(m.issues).toContainEqual(expect.objectContaining({ resourceType: 'Encounter', id: 'v', field: 'period' }));
  });

  it('reports an unreadable screening date as an issue and is unknown rather than not-met', () => {
    const m = cms2([
      patient('nia', '1990-03-03'),
      visit('v', VISIT),
      screening('s', 'adult', '15/06/2026', 'negative'),
    ]);
    expect(m.status).toBe('unknown');
    expect(m.issues).toContainEqual(
      expect.objectContaining({ resourceType: 'Observation', id: 's', field: 'effectiveDateTime' }),
    );
  });

  it('never throws on resources with missing or wrongly typed elements', () => {
    const junk = [
      { resourceType: 'Encounter', id: 'e1', status: 'finished', type: 'office' },
      { resourceType: 'Encounter', id: 'e2', status: 'finished', type: [{ coding: null }] },
      { resourceType: 'Observation', id: 'o1', status: 'final', code: {} },
      { resourceType: 'Observation', id: 'o2', status: 'cancelled', code: { coding: [{}] }, extension: [{}] },
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        status: 'active',
        intent: 'order',
        dosageInstruction: [{ doseAndRate: [{}] }],
      },
      { resourceType: 'Condition', id: 'c1', code: { coding: [{ system: 'http://snomed.info/sct' }] } },
    ] as unknown as fhir4.Resource[];
    expect(() => cms2([patient('oz', '1990-03-03'), visit('v', VISIT), ...junk])).not.toThrow();
  });
});

// CMS2 CQL: 'Qualifying Encounter During Measurement Period' — [Encounter: type in "Encounter to
// Screen for Depression"] union [Encounter: "Telephone Visits"] …, in the expansions the CMS2
// package pins (Encounter to Screen for Depression 20210220, Telephone Visits 20210220).
describe('CMS2 visit lists are the pinned expansions, not later VSAC releases', () => {
  const cpt = (code: string) => ({ type: [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code }] }] });
  const adult = patient('ida', '1970-01-01');
  it('a 2025 audio-video visit (98004) is not in CMS2’s pinned Encounter to Screen for Depression: no population (fqm-execution agrees)', () => {
    expect(counts(cms2([adult, visit('v', VISIT, undefined, cpt('98004'))]))).toBe('00000');
  });
  it('a 2025 audio-only visit (98012) is not in CMS2’s pinned Telephone Visits: no population', () => {
    expect(counts(cms2([adult, visit('v', VISIT, undefined, cpt('98012'))]))).toBe('00000');
  });
  it('a telephone E/M (99442) of the pinned 20210220 expansion qualifies', () => {
    expect(counts(cms2([adult, visit('v', VISIT, undefined, cpt('99442'))]))).toBe('11000');
  });
  it('an office visit (99213) qualifies', () => {
    expect(counts(cms2([adult, visit('v', VISIT, undefined, cpt('99213'))]))).toBe('11000');
  });
});
