/**
 * The follow-up deck through the engine: every case's event counts per rate, for each measure it
 * states, with asOf at the period end (the HEDIS evaluation point). Expectations are hand-written
 * in follow-up-deck.ts from the rules.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatient, recordFromResources } from '../../../src/engine/index.ts';
import { DECK } from './follow-up-deck.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

describe('follow-up deck (engine)', () => {
  it('has a case per boundary, with unique ids', () => {
    expect(DECK.length).toBeGreaterThanOrEqual(50);
    expect(new Set(DECK.map((c) => c.id)).size).toBe(DECK.length);
  });

  for (const k of DECK) {
    for (const [measure, expected] of Object.entries(k.expect)) {
      it(`${k.id} (${measure}): ${k.rule}`, () => {
        const ev = evaluatePatient(recordFromResources(k.resources), { period: PERIOD, only: [measure] });
        const m = ev.measures.find((x) => x.id === measure)!;
        expect(m.populationBasis).toBe('Encounter');
        const got = Object.fromEntries(
          m.groups!.map((g) => [
            g.id,
            [
              g.populations['initial-population'],
              g.populations.denominator,
              g.populations['denominator-exclusion'],
              g.populations.numerator,
            ],
          ]),
        );
        expect(got).toEqual(expected.groups);
        for (const g of m.groups!) {
          expect(g.unknown, `${g.id} unknown events`).toBe(expected.unknown ?? 0);
          expect(g.inProgress, `${g.id} in progress`).toBe(0);
        }
        expect(ev.issues.filter((i) => i.field === 'evaluate')).toEqual([]);
      });
    }
  }
});
