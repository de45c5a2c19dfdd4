import { describe, expect, it } from 'vitest';
import { depressionScreeningCodingGaps } from '../../../src/engine/gaps/depression-screening-coding.ts';
import { DEFAULT_GAP_POLICY } from '../../../src/engine/gaps/gap-policy.ts';
import { withCutoffs } from '../../../src/engine/codes/screening-instruments.ts';
import {
  codedScreening,
  gap,
  measureResult,
  patient,
  plusDays,
  runFamily,
  scoreObservation,
  visit,
  VISIT_CPT,
} from './gap-fixtures.ts';

const CODING = depressionScreeningCodingGaps();
const ID = 'depression-screening-coding';
/** Day of the qualifying visit. */
const V = '2026-03-10';
const AS_OF = '2026-11-23';
const helen = patient('helen-dsc', 'Helen', 'Brooks', '1979-04-04');
const visitV = () => visit(V, { id: 'visit-v', cpt: VISIT_CPT.depressionScreenVisit });

describe('depression-screening-coding: a score exists but no coded CMS2 result', () => {
  it('opens with the closing instruction when a PHQ-9 of 14 precedes the visit by 14 days', () => {
    const g = gap(
      runFamily(CODING, [helen, visitV(), scoreObservation(plusDays(V, -14), 14, { id: 'phq9' })], { asOf: AS_OF }),
      ID,
    );
    expect(g).toMatchObject({ status: 'open', due: '2026-12-31', measureId: 'cms2' });
    expect(g.closes).toContain(
      `Code the PHQ-9 of ${plusDays(V, -14)} (score 14 → positive) as a depression screening result`,
    );
    expect(g.closes).toContain('73832-8');
    expect(g.closes).toContain('428181000124104');
    expect(g.closes).toContain('so the visit counts for CMS2');
    expect(g.evidence.map((e) => e.reference)).toEqual(['Observation/phq9', 'Encounter/visit-v']);
  });

  it('is not applicable when the score is 15 days before the visit (outside the CMS2 window)', () => {
    expect(
      gap(runFamily(CODING, [helen, visitV(), scoreObservation(plusDays(V, -15), 14)], { asOf: AS_OF }), ID).status,
    ).toBe('not-applicable');
  });

  it('is not applicable when the score is the day after the visit', () => {
    expect(
      gap(runFamily(CODING, [helen, visitV(), scoreObservation(plusDays(V, 1), 14)], { asOf: AS_OF }), ID).status,
    ).toBe('not-applicable');
  });

  it('counts a score on the visit day and maps 9 to negative under the default PHQ-9 ≥ 10 cut-off', () => {
    const g = gap(runFamily(CODING, [helen, visitV(), scoreObservation(V, 9)], { asOf: AS_OF }), ID);
    expect(g.closes).toContain('(score 9 → negative)');
    expect(g.closes).toContain('428171000124102');
  });

  it('accepts valueInteger and valueString scores (the US Core PHQ-9 example uses a string)', () => {
    expect(
      gap(runFamily(CODING, [helen, visitV(), scoreObservation(V, 12, { shape: 'integer' })], { asOf: AS_OF }), ID)
        .closes,
    ).toContain('score 12 → positive');
    expect(
      gap(runFamily(CODING, [helen, visitV(), scoreObservation(V, 12, { shape: 'string' })], { asOf: AS_OF }), ID)
        .closes,
    ).toContain('score 12 → positive');
  });

  it('reads PHQ-2 with its own cut-off (≥ 3) and EPDS (≥ 10)', () => {
    const phq2 = gap(
      runFamily(CODING, [helen, visitV(), scoreObservation(V, 3, { loinc: '55758-7' })], { asOf: AS_OF }),
      ID,
    );
    expect(phq2.closes).toContain('PHQ-2');
    expect(phq2.closes).toContain('score 3 → positive');
    const epds = gap(
      runFamily(CODING, [helen, visitV(), scoreObservation(V, 9, { loinc: '99046-5' })], { asOf: AS_OF }),
      ID,
    );
    expect(epds.closes).toContain('EPDS');
    expect(epds.closes).toContain('score 9 → negative');
  });

  it('applies an organisation cut-off policy (PHQ-9 ≥ 15)', () => {
    const strict = depressionScreeningCodingGaps({
      ...DEFAULT_GAP_POLICY,
      depressionInstruments: withCutoffs({ phq9: 15 }),
    });
    expect(gap(runFamily(strict, [helen, visitV(), scoreObservation(V, 14)], { asOf: AS_OF }), ID).closes).toContain(
      'score 14 → negative',
    );
  });

  it('closes when the coded adult result exists for the visit', () => {
    const resources = [helen, visitV(), scoreObservation(V, 14), codedScreening(V, 'positive', { id: 'coded' })];
    const g = gap(runFamily(CODING, resources, { asOf: AS_OF }), ID);
    expect(g.status).toBe('closed');
    expect(g.evidence[0]?.reference).toBe('Observation/coded');
  });

  it('stays open for an adult when only the ADOLESCENT code was used (CMS2 would not count it)', () => {
    const resources = [helen, visitV(), scoreObservation(V, 14), codedScreening(V, 'positive', { loinc: '73831-0' })];
    expect(gap(runFamily(CODING, resources, { asOf: AS_OF }), ID).status).toBe('open');
  });

  it('asks a 15-year-old for the adolescent code', () => {
    const teen = patient('sam-dsc', 'Sam', 'Okafor', '2011-02-01', 'male');
    const g = gap(
      runFamily(CODING, [teen, visitV(), scoreObservation(V, 11, { loinc: '89204-2' })], { asOf: AS_OF }),
      ID,
    );
    expect(g.closes).toContain('PHQ-A');
    expect(g.closes).toContain('LOINC 73831-0 with');
  });

  it('ignores a score before a visit that is not a CMS2 qualifying encounter', () => {
    const er = visit(V, { cpt: ['99283', 'Emergency department visit'] });
    expect(gap(runFamily(CODING, [helen, er, scoreObservation(V, 14)], { asOf: AS_OF }), ID).status).toBe(
      'not-applicable',
    );
  });

  it('is not applicable when CMS2 excludes the patient (bipolar) or they are not in its population', () => {
    const resources = [helen, visitV(), scoreObservation(V, 14)];
    expect(
      gap(runFamily(CODING, resources, { asOf: AS_OF, measures: [measureResult('cms2', 'excluded')] }), ID).status,
    ).toBe('not-applicable');
    expect(
      gap(runFamily(CODING, resources, { asOf: AS_OF, measures: [measureResult('cms2', 'not-in-population')] }), ID)
        .status,
    ).toBe('not-applicable');
  });

  it('is unknown when Observations are partial and no coded result was found', () => {
    const g = gap(
      runFamily(CODING, [helen, visitV(), scoreObservation(V, 14)], {
        asOf: AS_OF,
        completeness: { Observation: { status: 'partial' } },
      }),
      ID,
    );
    expect(g.status).toBe('unknown');
    expect(g.closes).toContain('Code the PHQ-9');
  });
});
