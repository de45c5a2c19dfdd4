import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  condition,
  contextFor,
  edVisit,
  flag,
  flagsFor,
  inpatientStay,
  medications,
  phq9Item9,
  scoreTotal,
  daysBefore,
} from './flag-fixtures.ts';
import { FLAG_FAMILIES, flagFamilies } from '../../../src/engine/flags/index.ts';
import { withRiskPolicy } from '../../../src/engine/config/risk-policy.ts';
import { generatePanel, DEFAULT_SEED } from '../../../launch/sandbox/data/generate-panel.ts';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) {
      deepFreeze(v);
    }
  }
  return o;
}

describe('flags are a pure function of the record', () => {
  it('never mutates the resources it reads', () => {
    const resources = deepFreeze([
      condition('F20.9', 'Schizophrenia'),
      condition('F10.20', 'Alcohol dependence'),
      phq9Item9('2026-11-03', 2),
      scoreTotal('2026-11-03', 21),
      edVisit(daysBefore(3)),
      inpatientStay(daysBefore(20), daysBefore(12), { dx: ['F31.2', 'Bipolar disorder'] }),
      ...medications(6),
    ]);
    expect(() => flagsFor(resources)).not.toThrow();
    expect(flagsFor(resources).length).toBeGreaterThan(5);
  });

  it('gives the same flags twice for the same record', () => {
    const resources = [condition('G35', 'Multiple sclerosis'), phq9Item9('2026-11-03', 1), edVisit(daysBefore(3))];
    expect(flagsFor(resources)).toEqual(flagsFor(resources));
  });

  it('reads the sandbox "malformed" patient (partial dates, missing codes, valueString scores) without throwing', () => {
    const malformed = [...generatePanel({ seed: DEFAULT_SEED, count: 0, anchorDate: '2026-11-23' })].find(
      (p) => p.id === 'malformed',
    );
    expect(malformed).toBeDefined();
    const ctx = contextFor(malformed!.resources);
    expect(() => FLAG_FAMILIES.flatMap((f) => f.evaluate(ctx))).not.toThrow();
  });

  it('dates a month-precision answer ("2026-11") on asOf at the latest, so it still counts', () => {
    expect(flag(flagsFor([phq9Item9('2026-11', 1)]), 'suicide-risk')?.evidence[0]?.date).toBe('2026-11-23');
  });

  it('reports an unreadable date as a data issue and skips the event', () => {
    const odd = phq9Item9('2026-11-03', 1);
    odd.effectiveDateTime = 'last Tuesday';
    const ctx = contextFor([odd]);
    expect(FLAG_FAMILIES.flatMap((f) => f.evaluate(ctx))).toEqual([]);
    expect(ctx.issues).toEqual([expect.objectContaining({ resourceType: 'Observation', field: 'effectiveDateTime' })]);
  });

  it('never throws on arbitrary junk in the resource fields it reads (property)', () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.object({ maxDepth: 2 }),
      fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 2 }),
    );
    fc.assert(
      fc.property(junk, junk, junk, junk, (a, b, c, d) => {
        const obs = {
          ...phq9Item9('2026-11-03', 1),
          valueCodeableConcept: a,
          effectiveDateTime: b,
          component: c,
        } as unknown as fhir4.Observation;
        const enc = { ...edVisit('2026-11-01'), class: d, period: a, diagnosis: c } as unknown as fhir4.Encounter;
        const cond = {
          ...condition('F20.9', 'Schizophrenia'),
          clinicalStatus: b,
          code: d,
        } as unknown as fhir4.Condition;
        const ctx = contextFor([obs, enc, cond]);
        FLAG_FAMILIES.forEach((f) => f.evaluate(ctx));
      }),
      { numRuns: 150 },
    );
  });
});

describe('an organisation can change the policy', () => {
  it('flags frequent ED use from 3 visits when the organisation sets the threshold to 3', () => {
    const families = flagFamilies(withRiskPolicy({ ed: { frequentMin: 3 } }));
    const visits = [edVisit(daysBefore(40)), edVisit(daysBefore(100)), edVisit(daysBefore(200))];
    expect(flag(flagsFor(visits, { families }), 'ed-frequent')).toBeDefined();
    expect(flag(flagsFor(visits), 'ed-frequent')).toBeUndefined();
  });

  it('raises an info-level depression flag from PHQ-9 10 when the organisation adds that band', () => {
    const families = flagFamilies(
      withRiskPolicy({
        severity: {
          phq9: [
            { min: 20, severity: 'high' },
            { min: 15, severity: 'moderate' },
            { min: 10, severity: 'info' },
          ],
        },
      }),
    );
    expect(flag(flagsFor([scoreTotal('2026-11-03', 12)], { families }), 'depression-severity')?.severity).toBe('info');
  });
});
