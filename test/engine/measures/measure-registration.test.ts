/**
 * Adding a measure touches its own module and its registration only (#16 §5 "measure knowledge in
 * one place"): a measure definition handed to the public engine brings its gap id, its action text
 * (by the closing step its result names) and its priority, with no other table edited — and the
 * built-in list is left as it was (nothing global is mutated).
 */
import { describe, expect, it } from 'vitest';
import {
  evaluatePatient,
  MEASURES,
  recordFromResources,
  type MeasureDefinition,
  type MeasureResult,
  type MeasureStatus,
} from '../../../src/engine/index.ts';
import { GAP_ACTION_TEXT, NEED_PRIORITY, gapFamily } from '../../../src/engine/actions/action-catalog.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const AS_OF = '2026-11-23';

const patient: fhir4.Patient = { resourceType: 'Patient', id: 'nadia-reg', birthDate: '1970-05-04', gender: 'female' };

/** A made-up patient-based measure: open (not met) with the step `recheck`, due `due`. */
function fakeMeasure(id: string, priority: number, due: string, status: MeasureStatus = 'not-met'): MeasureDefinition {
  return {
    id,
    title: `Fake measure ${id}`,
    url: `https://example.org/Measure/${id}`,
    version: '1',
    requires: ['Patient'],
    gapIds: [`${id}-gap`],
    action: {
      priority,
      steps: {
        default: { text: `${id}: default step` },
        recheck: { text: `${id}: recheck today`, forms: ['phq'] },
      },
    },
    evaluate(): MeasureResult {
      return {
        id,
        measureUrl: `https://example.org/Measure/${id}`,
        version: '1',
        title: `Fake measure ${id}`,
        status,
        populations: {
          'initial-population': 1,
          denominator: 1,
          'denominator-exclusion': 0,
          'denominator-exception': 0,
          numerator: status === 'met' ? 1 : 0,
        },
        evidence: [{ reference: 'Patient/nadia-reg', rule: 'fake-rule' }],
        ...(status === 'not-met' ? { closes: { what: 'Do the fake thing', due }, closingStep: 'recheck' } : {}),
      };
    },
  };
}

describe('a measure registered by its definition alone', () => {
  const record = recordFromResources([patient]);

  it('gives its gap (declared id), its action (text of the step its result names, its form) and nothing else to edit', () => {
    const fake = fakeMeasure('fake-a1c', 95, '2026-12-31');
    const before = MEASURES.length;
    const ev = evaluatePatient(record, { period: PERIOD, asOf: AS_OF, measures: [...MEASURES, fake] });
    expect(ev.measures.find((m) => m.id === 'fake-a1c')?.status).toBe('not-met');
    expect(ev.gaps.find((g) => g.id === 'fake-a1c-gap')).toMatchObject({
      status: 'open',
      measureId: 'fake-a1c',
      closes: 'Do the fake thing',
      due: '2026-12-31',
    });
    expect(ev.actions.find((a) => a.source === 'fake-a1c-gap')).toMatchObject({
      text: 'fake-a1c: recheck today',
      form: 'phq',
      kind: 'gap',
      gaps: ['fake-a1c-gap'],
    });
    // the built-in list is untouched and, without the definition, the engine knows nothing of it
    expect(MEASURES.length).toBe(before);
    const plain = evaluatePatient(record, { period: PERIOD, asOf: AS_OF });
    expect(JSON.stringify(plain)).not.toContain('fake-a1c');
  });

  it('falls back to the default step when the result names none, and closes the gap when met', () => {
    const base = fakeMeasure('fake-b', 95, '2026-12-31');
    const noStep: MeasureDefinition = {
      ...base,
      evaluate: (ctx) => {
        const { closingStep: _step, ...r } = base.evaluate(ctx);
        return r;
      },
    };
    const ev = evaluatePatient(record, { period: PERIOD, asOf: AS_OF, measures: [noStep] });
    expect(ev.actions.map((a) => a.text)).toEqual(['fake-b: default step']);
    const met = evaluatePatient(record, {
      period: PERIOD,
      asOf: AS_OF,
      measures: [fakeMeasure('fake-b', 95, '2026-12-31', 'met')],
    });
    expect(met.gaps.find((g) => g.id === 'fake-b-gap')?.status).toBe('closed');
    expect(met.actions).toEqual([]);
  });

  it('orders actions due the same day by the definitions’ priorities, not by id', () => {
    const first = fakeMeasure('zz-first', 1, '2026-12-31');
    const second = fakeMeasure('aa-second', 500, '2026-12-31');
    const ev = evaluatePatient(record, { period: PERIOD, asOf: AS_OF, measures: [second, first] });
    expect(ev.actions.map((a) => a.source)).toEqual(['zz-first-gap', 'aa-second-gap']);
    const swapped = evaluatePatient(record, {
      period: PERIOD,
      asOf: AS_OF,
      measures: [fakeMeasure('zz-first', 500, '2026-12-31'), fakeMeasure('aa-second', 1, '2026-12-31')],
    });
    expect(swapped.actions.map((a) => a.source)).toEqual(['aa-second-gap', 'zz-first-gap']);
  });

  it('takes its place among the built-in measures by priority (CMS165 90 < 95 < CMS122 100)', () => {
    const ids = [...MEASURES].filter((m) => m.action && !m.populationBasis).map((m) => [m.id, m.action!.priority]);
    expect(ids).toEqual([
      ['cms2', 60],
      ['sdoh-screening', 80],
      ['cms165', 90],
      ['cms122', 100],
      ['cms130', 110],
      ['cms125', 120],
    ]);
  });

  it('keeps no measure knowledge in the action tables: they hold only needs and gap families no measure owns', () => {
    const measureFamilies = new Set(MEASURES.flatMap((m) => [m.id, ...m.gapIds.map(gapFamily)]));
    expect(Object.keys(GAP_ACTION_TEXT).filter((k) => measureFamilies.has(k))).toEqual([]);
    expect(Object.keys(NEED_PRIORITY).filter((k) => measureFamilies.has(k))).toEqual([]);
    // the episode measures carry their window gaps' actions (TCM: one text per gap family)
    const episodes = MEASURES.filter((m) => m.populationBasis).map((m) => [m.id, m.action?.priority, m.gapIds]);
    expect(episodes).toEqual([
      ['fuh', 10, ['fuh-7', 'fuh-30']],
      ['fum', 20, ['fum-7', 'fum-30']],
      ['fua', 30, ['fua-7', 'fua-30']],
      ['tcm', 10, ['tcm-7', 'tcm-14', 'tcm-contact-2d']],
    ]);
  });
});
