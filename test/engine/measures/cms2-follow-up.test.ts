/**
 * CMS2 follow-up for a positive screen (referral, procedure, medication, each age-appropriate and
 * in its window), the bipolar exclusion, and the precedence between populations. Every case: a
 * positive screening on 2026-06-15 and a visit on 2026-06-21 08:00–08:15 UTC.
 */
import { describe, expect, it } from 'vitest';
import {
  antidepressant,
  bipolar,
  cms2,
  counts,
  followUpProcedure,
  patient,
  referral,
  screening,
  visit,
} from './cms2-fixtures.ts';

const VISIT = visit('v', '2026-06-21T08:00:00Z');
const ROSA = patient('rosa', '1975-07-07'); // adult
const SAM = patient('sam', '2013-03-03'); // 12: adolescent
const POSITIVE_ADULT = screening('s', 'adult', '2026-06-15T10:00:00Z', 'positive');
const POSITIVE_TEEN = screening('s', 'adolescent', '2026-06-15T10:00:00Z', 'positive');

const adult = (...more: fhir4.Resource[]) => cms2([ROSA, VISIT, POSITIVE_ADULT, ...more]);
const teen = (...more: fhir4.Resource[]) => cms2([SAM, VISIT, POSITIVE_TEEN, ...more]);

describe('CMS2 referral follow-up: authored on the visit end day or up to 2 days after', () => {
  const table: [string, string, string][] = [
    ['the day before the visit', '2026-06-20T12:00:00Z', 'not-met'],
    ['during the visit', '2026-06-21T08:10:00Z', 'met'],
    ['later on the visit day', '2026-06-21T20:00:00Z', 'met'],
    ['2 days after the visit', '2026-06-23T23:00:00Z', 'met'],
    ['3 days after the visit', '2026-06-24T00:00:00Z', 'not-met'],
  ];
  for (const [when, authored, status] of table) {
    it(`counts a referral authored ${when}: ${status}`, () => {
      expect(adult(referral('r', 'adult', authored)).status).toBe(status);
    });
  }

  it('a completed referral counts; a draft or revoked one does not', () => {
    expect(adult(referral('r', 'adult', '2026-06-21', { status: 'completed' })).status).toBe('met');
    expect(adult(referral('r', 'adult', '2026-06-21', { status: 'draft' })).status).toBe('not-met');
    expect(adult(referral('r', 'adult', '2026-06-21', { status: 'revoked' })).status).toBe('not-met');
  });

  it('an adolescent-only referral code does not follow up an adult screen, and vice versa', () => {
    expect(adult(referral('r', 'adolescent', '2026-06-21')).status).toBe('not-met');
    expect(teen(referral('r', 'adult', '2026-06-21')).status).toBe('not-met');
    expect(teen(referral('r', 'adolescent', '2026-06-21')).status).toBe('met');
  });

  it('a referral authored 2 days after a visit on 31 December falls outside the period', () => {
    const m = cms2([
      ROSA,
      visit('v', '2026-12-31T09:00:00Z'),
      screening('s', 'adult', '2026-12-30', 'positive'),
      referral('r', 'adult', '2027-01-02'),
    ]);
    expect(m.status).toBe('not-met');
    expect(m.closes?.due).toBe('2026-12-31');
  });

  it('records the referral as evidence with its date', () => {
    const m = adult(referral('r', 'adult', '2026-06-22T09:00:00Z'));
    expect(m.evidence).toContainEqual(
      expect.objectContaining({
        reference: 'ServiceRequest/r',
        rule: 'follow-up-referral',
        date: '2026-06-22T09:00:00Z',
      }),
    );
    expect(m.evidence.map((e) => e.rule)).toEqual([
      'qualifying-encounter',
      'most-recent-screening',
      'follow-up-referral',
    ]);
  });
});

describe('CMS2 procedure follow-up: started during the visit', () => {
  it('counts a procedure performed during the visit', () => {
    expect(adult(followUpProcedure('p', '2026-06-21T08:10:00Z')).status).toBe('met');
  });
  it('counts a procedure performed at the visit start instant', () => {
    expect(adult(followUpProcedure('p', '2026-06-21T08:00:00Z')).status).toBe('met');
  });
  it('does not count a procedure an hour after the visit ended, the same day', () => {
    expect(adult(followUpProcedure('p', '2026-06-21T09:15:00Z')).status).toBe('not-met');
  });
  it('does not count a procedure the next day (procedures have no authoredOn window)', () => {
    expect(adult(followUpProcedure('p', '2026-06-22T08:10:00Z')).status).toBe('not-met');
  });
  it('does not count a procedure known only to the day (it may fall outside the visit)', () => {
    expect(adult(followUpProcedure('p', '2026-06-21')).status).toBe('not-met');
  });
  it('counts a procedure whose performed period starts during the visit', () => {
    const p = followUpProcedure('p', '', {
      performedPeriod: { start: '2026-06-21T08:05:00Z', end: '2026-06-21T09:00:00Z' },
    });
    delete p.performedDateTime;
    expect(adult(p).status).toBe('met');
  });
  it('does not count a procedure still in progress', () => {
    expect(adult(followUpProcedure('p', '2026-06-21T08:10:00Z', { status: 'in-progress' })).status).toBe('not-met');
  });
});

describe('CMS2 medication follow-up: an order whose supply runs past the visit', () => {
  it('counts an active order authored on the visit day with a 30-day supply', () => {
    expect(adult(antidepressant('m', 'adult', '2026-06-21T08:10:00Z')).status).toBe('met');
  });
  it('as the 2026 CQL is written, an order authored after the visit day does not count: its supply must overlap the visit', () => {
    expect(adult(antidepressant('m', 'adult', '2026-06-22')).status).toBe('not-met');
    expect(adult(antidepressant('m', 'adult', '2026-06-23')).status).toBe('not-met');
  });
  it('counts an order authored after the visit whose dispense starts earlier (validity period) … only via its start date', () => {
    // start date = Coalesce(bounds start, authoredOn, validity start): authoredOn wins, so still after the visit
    const m = antidepressant('m', 'adult', '2026-06-22', {
      dispenseRequest: { validityPeriod: { start: '2026-06-21' }, expectedSupplyDuration: { value: 30, code: 'd' } },
    });
    expect(adult(m).status).toBe('not-met');
  });
  it('counts an order authored 2 days after the visit whose dosage bounds start on the visit day', () => {
    const m = antidepressant('m', 'adult', '2026-06-23', {
      dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: '2026-06-21', end: '2026-07-21' } } } }],
      dispenseRequest: {},
    });
    expect(adult(m).status).toBe('met');
  });
  it('counts a completed order, not a stopped or draft one', () => {
    expect(adult(antidepressant('m', 'adult', '2026-06-21', { status: 'completed' })).status).toBe('met');
    expect(adult(antidepressant('m', 'adult', '2026-06-21', { status: 'stopped' })).status).toBe('not-met');
    expect(adult(antidepressant('m', 'adult', '2026-06-21', { status: 'draft' })).status).toBe('not-met');
  });
  it('counts order intents, not a plan or proposal', () => {
    for (const intent of ['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order'] as const) {
      expect(adult(antidepressant('m', 'adult', '2026-06-21', { intent })).status, intent).toBe('met');
    }
    for (const intent of ['plan', 'proposal'] as const) {
      expect(adult(antidepressant('m', 'adult', '2026-06-21', { intent })).status, intent).toBe('not-met');
    }
  });
  it('does not count an order whose supply cannot be computed (no dispense request, no dosage)', () => {
    const m = antidepressant('m', 'adult', '2026-06-21');
    delete m.dispenseRequest;
    expect(adult(m).status).toBe('not-met');
  });
  it('does not count a one-day supply that ends on the visit day (it must overlap after the visit)', () => {
    const m = antidepressant('m', 'adult', '2026-06-21', {
      dispenseRequest: { expectedSupplyDuration: { value: 1, code: 'd' } },
    });
    expect(adult(m).status).toBe('not-met');
  });
  it('counts a two-day supply computed from quantity and dose written in tablets, without throwing', () => {
    const m = antidepressant('m', 'adult', '2026-06-21', {
      dispenseRequest: { quantity: { value: 60, unit: 'tablet' } },
      dosageInstruction: [
        {
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }],
        },
      ],
    });
    expect(adult(m).status).toBe('met');
  });
  it('an adult-only antidepressant does not follow up an adolescent screen', () => {
    expect(teen(antidepressant('m', 'adult', '2026-06-21')).status).toBe('not-met');
    expect(teen(antidepressant('m', 'adolescent', '2026-06-21')).status).toBe('met');
  });
  it('an old prescription still active at the visit does not count (authored before the visit)', () => {
    expect(
      adult(
        antidepressant('m', 'adult', '2026-06-01', {
          dispenseRequest: { expectedSupplyDuration: { value: 90, code: 'd' } },
        }),
      ).status,
    ).toBe('not-met');
  });
});

describe('CMS2 bipolar exclusion: prevalence starts before the day of a qualifying visit', () => {
  it('a bipolar diagnosis with onset the day before the visit excludes', () => {
    const m = adult(bipolar('b', '2026-06-20T23:00:00Z'));
    expect(counts(m)).toBe('11100');
    expect(m.status).toBe('excluded');
    expect(m.evidence).toContainEqual(expect.objectContaining({ reference: 'Condition/b', rule: 'bipolar-exclusion' }));
  });
  it('onset on the visit day does not', () => {
    expect(adult(bipolar('b', '2026-06-21T07:00:00Z')).status).toBe('not-met');
  });
  it('a resolved diagnosis from years ago still excludes', () => {
    const b = bipolar('b', '2019-01-01', {
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }],
      },
      abatementDateTime: '2020-01-01',
    });
    expect(adult(b).status).toBe('excluded');
  });
  // CMS2 CQL: 'History of Bipolar Diagnosis Before Qualifying Encounter' — prevalenceInterval()
  // starts before day of start of QualifyingEncounter.period (QICoreCommon: Interval[start of onset, end of abatement])
  it('a diagnosis without onset that has ended is prevalent from the beginning of time and excludes', () => {
    const b = bipolar('b', '', { abatementDateTime: '2026-12-01' });
    delete b.onsetDateTime;
    expect(adult(b).status).toBe('excluded');
  });
  it('an active diagnosis with neither onset nor abatement has no known start (Interval[null, null]): it does not exclude, as fqm-execution', () => {
    const b = bipolar('b', '');
    delete b.onsetDateTime;
    expect(adult(b).status).not.toBe('excluded');
  });
  it('an inactive diagnosis without abatement has no prevalence interval (CQL null): it does not exclude', () => {
    expect(
      adult(
        bipolar('b', '2019-01-01', {
          clinicalStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'inactive' }],
          },
        }),
      ).status,
    ).not.toBe('excluded');
  });
  it('onset before a later visit of the period excludes even if after the first visit', () => {
    expect(cms2([ROSA, VISIT, visit('v2', '2026-09-01T08:00:00Z'), bipolar('b', '2026-08-01')]).status).toBe(
      'excluded',
    );
  });
  it('an earlier encounter diagnosis of bipolar disorder also excludes (category is not filtered, as in the reference engines)', () => {
    const b = bipolar('b', '2020-01-01', {
      category: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }],
        },
      ],
    });
    expect(adult(b).status).toBe('excluded');
  });
  it('bipolar + screened + followed up: excluded wins over the numerator', () => {
    const m = adult(bipolar('b', '2020-01-01'), referral('r', 'adult', '2026-06-21'));
    expect(counts(m)).toBe('11100');
    expect(m.status).toBe('excluded');
  });
  it('bipolar without a qualifying visit: not in the population', () => {
    expect(counts(cms2([ROSA, bipolar('b', '2020-01-01')]))).toBe('00000');
  });
});
