/**
 * The episode measures' patient-level result (episode-measures/episode-measure.ts): statuses over
 * the rates, events not counted yet (in progress) or undecidable (unknown), incomplete inputs,
 * the events listed in `detail` with the rule that removed them, and the one-definition promise —
 * the visit that closes `fuh-7` is the visit that puts the discharge in the 7-day numerator.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources, type TypeCompleteness } from '../../../src/engine/record.ts';
import { DX, inpatientStay, patient, PERIOD, plusDays, visit } from '../gaps/gap-fixtures.ts';

const anna = patient('anna-ep', 'Anna', 'Berg');
const D = '2026-05-04';
const mh = (discharge = D, id = 'stay-1') =>
  inpatientStay(plusDays(discharge, -4), discharge, { id, principal: DX.majorDepression, disposition: 'home' });
const mhVisit = (date: string, id?: string) => visit(date, { dx: DX.majorDepression, ...(id ? { id } : {}) });

function evaluate(
  resources: fhir4.Resource[],
  opts: { asOf?: string; only?: string[]; completeness?: Record<string, TypeCompleteness> } = {},
) {
  const record = recordFromResources(resources);
  if (opts.completeness) {
    record.completeness = { ...record.completeness, ...opts.completeness };
  }
  return evaluatePatient(record, {
    period: PERIOD,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    only: opts.only ?? ['fuh', 'fuh-7', 'fuh-30'],
  });
}
const fuhOf = (ev: ReturnType<typeof evaluate>) => ev.measures.find((m) => m.id === 'fuh')!;

describe('episode measure status', () => {
  it('is met when every counted event met every rate, with populations repeating the 7-day rate', () => {
    const m = fuhOf(evaluate([anna, ...mh(), mhVisit(plusDays(D, 3))]));
    expect(m.status).toBe('met');
    expect(m.populations).toMatchObject({ 'initial-population': 1, denominator: 1, numerator: 1 });
    expect(m.groups!.map((g) => g.status)).toEqual(['met', 'met']);
  });

  it('is not met when any rate of any event was missed', () => {
    const m = fuhOf(evaluate([anna, ...mh(), mhVisit(plusDays(D, 10))]));
    expect(m.status).toBe('not-met');
    expect(m.groups!.map((g) => g.status)).toEqual(['not-met', 'met']);
  });

  it('is not in the population without an index event, and excluded when every event is excluded (hospice)', () => {
    expect(fuhOf(evaluate([anna])).status).toBe('not-in-population');
    // a later stay (day 40, after the 30-day readmission window) discharged to hospice (HL7 `hosp`)
    const hospice = inpatientStay(plusDays(D, 40), plusDays(D, 45), { disposition: 'hosp' });
    const m = fuhOf(evaluate([anna, ...mh(), ...hospice]));
    expect(m.status).toBe('excluded');
    expect(m.evidence.some((e) => e.rule === 'hospice')).toBe(true);
  });

  it('is unknown, with the reason, when the only event cannot be decided', () => {
    const m = fuhOf(evaluate([{ ...anna, deceasedBoolean: true } as fhir4.Patient, ...mh()]));
    expect(m.status).toBe('unknown');
    expect(m.reasons?.[0]).toContain('died but not when');
    expect(m.groups![0]).toMatchObject({ unknown: 1, inProgress: 0 });
  });

  it('is unknown with provisional counts when Encounters are partial', () => {
    const m = fuhOf(
      evaluate([anna, ...mh()], { completeness: { Encounter: { status: 'partial', reason: 'page 3 timed out' } } }),
    );
    expect(m.status).toBe('unknown');
    expect(m.reasons?.[0]).toContain('page 3 timed out');
  });
});

describe('events not counted yet, and why events are not counted', () => {
  it('keeps an event out of the populations until its window and the readmission look-ahead have passed (asOf)', () => {
    const resources = [anna, ...mh(), mhVisit(plusDays(D, 2))];
    const early = fuhOf(evaluate(resources, { asOf: plusDays(D, 29) }));
    expect(early.groups!.map((g) => [g.populations['initial-population'], g.inProgress])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(early.status).toBe('not-in-population');
    const settled = fuhOf(evaluate(resources, { asOf: plusDays(D, 30) }));
    expect(settled.groups!.map((g) => [g.populations.numerator, g.inProgress])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('lists a removed discharge in detail.events with the rule that removed it, and as evidence', () => {
    const pneumonia = inpatientStay(plusDays(D, 12), plusDays(D, 15), { id: 'stay-pna', principal: DX.pneumonia });
    const m = fuhOf(evaluate([anna, ...mh(), ...pneumonia]));
    const events = m.detail!.events as {
      index: string;
      status: string;
      reason: string;
      counts: Record<string, string>;
    }[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      index: 'Encounter/stay-1',
      status: 'ineligible',
      counts: { '7-day': 'not-counted', '30-day': 'not-counted' },
    });
    expect(events[0]!.reason).toContain('not mental health');
    expect(m.evidence.find((e) => e.reference === 'Encounter/stay-1')?.value).toMatch(/^ineligible: Readmitted/);
    expect(m.status).toBe('not-in-population');
  });
});

describe('one definition for the gap and the measure', () => {
  it('closes fuh-7 and counts the 7-day numerator with the same visit; a check-up does neither', () => {
    const ev = evaluate([anna, ...mh(), visit(plusDays(D, 2)), mhVisit(plusDays(D, 5), 'mh-visit')], {
      asOf: plusDays(D, 40),
    });
    const gap = ev.gaps.find((g) => g.id === 'fuh-7')!;
    expect(gap.status).toBe('closed');
    expect(gap.evidence.at(-1)?.reference).toBe('Encounter/mh-visit');
    const m = fuhOf(ev);
    expect(
      (m.detail!.events as { followUps: Record<string, { reference: string }> }[])[0]!.followUps['7-day']!.reference,
    ).toBe('Encounter/mh-visit');
  });

  it('gives no measure-derived gap for an episode measure (its gaps are fuh-7 / fuh-30)', () => {
    const ev = evaluatePatient(recordFromResources([anna, ...mh()]), { period: PERIOD, asOf: plusDays(D, 3) });
    expect(ev.gaps.map((g) => g.id)).not.toContain('fuh');
    expect(ev.measures.map((m) => m.id)).toEqual(expect.arrayContaining(['fuh', 'fum', 'fua', 'tcm']));
  });
});
