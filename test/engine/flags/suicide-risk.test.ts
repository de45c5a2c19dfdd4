import { describe, expect, it } from 'vitest';
import { condition, contextFor, daysBefore, flag, flagsFor, phq9Item9, scoreTotal, SNOMED } from './flag-fixtures.ts';
import { suicideRiskFlags } from '../../../src/engine/flags/suicide-risk.ts';
import { withRiskPolicy } from '../../../src/engine/config/risk-policy.ts';
import { LOINC } from '../../../src/engine/codes/code-systems.ts';

describe('suicide-risk flag (asOf 23 Nov 2026)', () => {
  it('does not flag item 9 answered "Not at all" (0)', () => {
    expect(flag(flagsFor([phq9Item9('2026-11-03', 0)]), 'suicide-risk')).toBeUndefined();
  });

  it('flags item 9 answered "Several days" (1) as high', () => {
    expect(flag(flagsFor([phq9Item9('2026-11-03', 1)]), 'suicide-risk')).toMatchObject({
      severity: 'high',
      statement:
        'PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered "Several days" (1) on 3 Nov 2026.',
    });
  });

  it('flags regardless of a low PHQ-9 total', () => {
    expect(flag(flagsFor([phq9Item9('2026-11-03', 1), scoreTotal('2026-11-03', 4)]), 'suicide-risk')).toBeDefined();
  });

  it('is listed first among all flags', () => {
    const flags = flagsFor([condition('F20.9', 'Schizophrenia'), phq9Item9('2026-11-03', 2)]);
    expect(flags[0]?.id).toBe('suicide-risk');
  });

  it('lets the most recent item 9 decide: a later "Not at all" clears an earlier positive', () => {
    expect(flag(flagsFor([phq9Item9('2026-08-02', 3), phq9Item9('2026-11-03', 0)]), 'suicide-risk')).toBeUndefined();
    expect(flag(flagsFor([phq9Item9('2026-08-02', 0), phq9Item9('2026-11-03', 2)]), 'suicide-risk')).toBeDefined();
  });

  it('takes the highest answer when two item-9 answers share the latest day', () => {
    expect(flag(flagsFor([phq9Item9('2026-11-03', 0), phq9Item9('2026-11-03', 1)]), 'suicide-risk')).toBeDefined();
  });

  it('reads item 9 given as a PHQ-9 panel component with a numeric value', () => {
    const panel: fhir4.Observation = {
      resourceType: 'Observation',
      id: 'panel-1',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '44249-1' }] },
      effectiveDateTime: '2026-11-10',
      component: [{ code: { coding: [{ system: LOINC, code: '44260-8' }] }, valueInteger: 2 }],
    };
    expect(flag(flagsFor([panel]), 'suicide-risk')?.evidence[0]).toMatchObject({
      reference: 'Observation/panel-1',
      value: '2',
    });
  });

  it('counts a positive item 9 365 days ago but not 366 days ago', () => {
    expect(flag(flagsFor([phq9Item9(daysBefore(365), 1)]), 'suicide-risk')).toBeDefined();
    expect(flag(flagsFor([phq9Item9(daysBefore(366), 1)]), 'suicide-risk')).toBeUndefined();
  });

  it('ignores an entered-in-error positive answer', () => {
    const retracted = phq9Item9('2026-11-03', 3);
    retracted.status = 'entered-in-error';
    expect(flag(flagsFor([retracted]), 'suicide-risk')).toBeUndefined();
  });

  it('reports an unrecognised item-9 answer as a data issue instead of throwing', () => {
    const odd = phq9Item9('2026-11-03', 1);
    odd.valueCodeableConcept = { text: 'sometimes?' };
    const ctx = contextFor([odd]);
    expect(suicideRiskFlags().evaluate(ctx)).toEqual([]);
    expect(ctx.issues).toEqual([
      expect.objectContaining({ id: odd.id, message: 'PHQ-9 item 9 answer not recognised' }),
    ]);
  });

  it('flags suicidal ideation on the problem list recorded this year', () => {
    expect(
      flag(flagsFor([condition('R45.851', 'Suicidal ideations', { onset: '2026-10-01' })]), 'suicide-risk')?.statement,
    ).toBe('Suicidal ideations on the problem list (1 Oct 2026).');
  });

  it('flags an observation recording the finding "At increased risk for suicide"', () => {
    const obs: fhir4.Observation = {
      resourceType: 'Observation',
      id: 'risk-1',
      status: 'final',
      code: { text: 'Suicide risk screening result' },
      effectiveDateTime: '2026-11-20',
      valueCodeableConcept: {
        coding: [{ system: SNOMED, code: '225444004', display: 'At increased risk for suicide' }],
      },
    };
    expect(flag(flagsFor([obs]), 'suicide-risk')?.statement).toBe(
      'At increased risk for suicide recorded 20 Nov 2026.',
    );
  });

  it('flags a positive result of an instrument the organisation lists (e.g. its C-SSRS screener code)', () => {
    const policy = withRiskPolicy({
      suicideRisk: {
        screenInstruments: [{ system: 'urn:example:local', code: 'CSSRS-SCREEN', display: 'C-SSRS screener' }],
      },
    });
    const screen = (value: boolean, date: string): fhir4.Observation => ({
      resourceType: 'Observation',
      id: `cssrs-${date}`,
      status: 'final',
      code: { coding: [{ system: 'urn:example:local', code: 'CSSRS-SCREEN' }] },
      effectiveDateTime: date,
      valueBoolean: value,
    });
    const families = [suicideRiskFlags(policy)];
    expect(flag(flagsFor([screen(true, '2026-11-01')], { families }), 'suicide-risk')?.statement).toBe(
      'Positive C-SSRS screener on 1 Nov 2026.',
    );
    expect(
      flag(flagsFor([screen(true, '2026-09-01'), screen(false, '2026-11-01')], { families }), 'suicide-risk'),
    ).toBeUndefined();
  });
});
