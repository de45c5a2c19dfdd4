/**
 * Issue 12 §4: a depression screening documented only as a Procedure (SNOMED 171207006, HCPCS
 * G0444 — members of the CMS2 "Encounter to Screen for Depression" value set) opens the "code the
 * screening result" gap instead of being invisible: CMS2 counts only a coded result (LOINC 73832-8
 * with a positive / negative finding) within 14 days before a qualifying visit.
 */
import { describe, expect, it } from 'vitest';
import { depressionScreeningCodingGaps } from '../../../src/engine/gaps/depression-screening-coding.ts';
import { HCPCS } from '../../../src/engine/codes/code-systems.ts';
import {
  codedScreening,
  gap,
  patient,
  plusDays,
  procedure,
  runFamily,
  scoreObservation,
  visit,
  VISIT_CPT,
} from './gap-fixtures.ts';

const CODING = depressionScreeningCodingGaps();
const ID = 'depression-screening-coding';
const V = '2026-03-10';
const AS_OF = '2026-11-23';
const nadia = patient('nadia-dsp', 'Nadia', 'Petrova', '1968-09-30');
const visitV = () => visit(V, { id: 'visit-v', cpt: VISIT_CPT.depressionScreenVisit });
const screeningProcedure = (date: string, id = 'dep-screen') =>
  procedure(date, ['171207006', 'Depression screening (procedure)'], { id });

describe('depression screening documented only as a procedure', () => {
  it('opens the coding gap for a "Depression screening (procedure)" on the visit day', () => {
    const g = gap(runFamily(CODING, [nadia, visitV(), screeningProcedure(V)], { asOf: AS_OF }), ID);
    expect(g).toMatchObject({ status: 'open', due: '2026-12-31', measureId: 'cms2' });
    expect(g.closes).toContain(
      `Record the result of the depression screening of ${V} (documented only as a procedure)`,
    );
    expect(g.closes).toContain('LOINC 73832-8');
    expect(g.why).toContain('no result was recorded');
    expect(g.evidence.map((e) => [e.reference, e.rule])).toEqual([
      ['Procedure/dep-screen', 'screening-procedure-without-result'],
      ['Encounter/visit-v', 'qualifying-encounter'],
    ]);
  });

  it('counts a procedure 14 days before the visit but not 15 days before', () => {
    expect(
      gap(runFamily(CODING, [nadia, visitV(), screeningProcedure(plusDays(V, -14))], { asOf: AS_OF }), ID).status,
    ).toBe('open');
    expect(
      gap(runFamily(CODING, [nadia, visitV(), screeningProcedure(plusDays(V, -15))], { asOf: AS_OF }), ID).status,
    ).toBe('not-applicable');
  });

  it('reads HCPCS G0444 (annual depression screening) the same way', () => {
    const g0444: fhir4.Procedure = {
      ...screeningProcedure(V, 'g0444'),
      code: { coding: [{ system: HCPCS, code: 'G0444', display: 'Annual depression screening, 5 to 15 minutes' }] },
    };
    expect(gap(runFamily(CODING, [nadia, visitV(), g0444], { asOf: AS_OF }), ID).status).toBe('open');
  });

  it('ignores a procedure that was not completed, and one (with its visit) after asOf', () => {
    const notDone = procedure(V, ['171207006', 'Depression screening (procedure)'], { status: 'not-done' });
    expect(gap(runFamily(CODING, [nadia, visitV(), notDone], { asOf: AS_OF }), ID).status).toBe('not-applicable');
    expect(gap(runFamily(CODING, [nadia, visitV(), screeningProcedure(V)], { asOf: plusDays(V, -1) }), ID).status).toBe(
      'not-applicable',
    );
  });

  it('closes when the coded result exists, and prefers the score when both a score and the procedure exist', () => {
    expect(
      gap(
        runFamily(CODING, [nadia, visitV(), screeningProcedure(V), codedScreening(V, 'negative')], { asOf: AS_OF }),
        ID,
      ).status,
    ).toBe('closed');
    expect(
      gap(runFamily(CODING, [nadia, visitV(), screeningProcedure(V), scoreObservation(V, 6)], { asOf: AS_OF }), ID)
        .closes,
    ).toContain('Code the PHQ-9');
  });

  it('is unknown rather than not applicable when Procedures could not be read', () => {
    const g = gap(
      runFamily(CODING, [nadia, visitV()], {
        asOf: AS_OF,
        completeness: { Procedure: { status: 'missing', reason: 'scope patient/Procedure.rs not granted' } },
      }),
      ID,
    );
    expect(g.status).toBe('unknown');
  });
});
