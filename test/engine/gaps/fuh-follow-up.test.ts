import { describe, expect, it } from 'vitest';
import { fuhGaps } from '../../../src/engine/gaps/fuh-follow-up.ts';
import { DX, edVisit, gap, inpatientStay, patient, plusDays, runFamily, visit, VISIT_CPT } from './gap-fixtures.ts';

const FUH = fuhGaps();
/** Discharge day of the mental-health stay in most cases. */
const D = '2026-10-01';
const maria = patient('maria-fuh', 'Maria', 'Lopez');
const mhStay = () => inpatientStay(plusDays(D, -5), D, { id: 'stay-mh', principal: DX.majorDepression });

describe('fuh-7 / fuh-30: follow-up after a mental-health hospitalization', () => {
  it('does not count a visit on the discharge day (fuh-7 stays open, due 7 days after discharge)', () => {
    const gaps = runFamily(FUH, [maria, ...mhStay(), visit(D)], { asOf: plusDays(D, 3) });
    expect(gap(gaps, 'fuh-7')).toMatchObject({ status: 'open', due: plusDays(D, 7) });
    expect(gap(gaps, 'fuh-7').why).toContain('does not count');
    expect(gap(gaps, 'fuh-30')).toMatchObject({ status: 'open', due: plusDays(D, 30) });
  });

  it('counts a visit the day after discharge for both windows', () => {
    const gaps = runFamily(FUH, [maria, ...mhStay(), visit(plusDays(D, 1), { id: 'v1' })], { asOf: plusDays(D, 3) });
    expect(gap(gaps, 'fuh-7').status).toBe('closed');
    expect(gap(gaps, 'fuh-7').evidence.map((e) => e.reference)).toEqual(['Encounter/stay-mh', 'Encounter/v1']);
    expect(gap(gaps, 'fuh-30').status).toBe('closed');
  });

  it('closes fuh-7 with a visit on day 7', () => {
    const gaps = runFamily(FUH, [maria, ...mhStay(), visit(plusDays(D, 7))], { asOf: plusDays(D, 10) });
    expect(gap(gaps, 'fuh-7').status).toBe('closed');
    expect(gap(gaps, 'fuh-30').status).toBe('closed');
  });

  it('misses fuh-7 but closes fuh-30 with a visit on day 8', () => {
    const gaps = runFamily(FUH, [maria, ...mhStay(), visit(plusDays(D, 8))], { asOf: plusDays(D, 10) });
    const fuh7 = gap(gaps, 'fuh-7');
    expect(fuh7).toMatchObject({ status: 'open', due: plusDays(D, 7) });
    expect(fuh7.why).toMatch(/^Missed/);
    expect(fuh7.why).toContain('can no longer be met');
    expect(gap(gaps, 'fuh-30').status).toBe('closed');
  });

  it('keeps fuh-7 open with 0 days left on day 7 and calls it missed on day 8', () => {
    const day7 = runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 7) });
    expect(gap(day7, 'fuh-7').why).toContain('0 day(s) left');
    const day8 = runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 8) });
    expect(gap(day8, 'fuh-7').why).toMatch(/^Missed/);
    expect(gap(day8, 'fuh-30')).toMatchObject({ status: 'open', due: plusDays(D, 30) });
  });

  it('closes fuh-30 on day 30 and not on day 31', () => {
    expect(gap(runFamily(FUH, [maria, ...mhStay(), visit(plusDays(D, 30))], { asOf: plusDays(D, 31) }), 'fuh-30').status).toBe('closed');
    const late = gap(runFamily(FUH, [maria, ...mhStay(), visit(plusDays(D, 31))], { asOf: plusDays(D, 31) }), 'fuh-30');
    expect(late.status).toBe('open');
    expect(late.why).toMatch(/^Missed/);
  });

  it('counts a telephone visit and a psychotherapy visit typed only by CPT', () => {
    const phone = runFamily(FUH, [maria, ...mhStay(), visit(plusDays(D, 2), { cpt: VISIT_CPT.telephone })], { asOf: plusDays(D, 3) });
    expect(gap(phone, 'fuh-7').status).toBe('closed');
    const therapy = runFamily(FUH, [maria, ...mhStay(), visit(plusDays(D, 2), { classCode: null, cpt: VISIT_CPT.psychotherapy })], { asOf: plusDays(D, 3) });
    expect(gap(therapy, 'fuh-7').status).toBe('closed');
  });

  it('does not count a planned visit, an ED visit or a visit class without a visit type', () => {
    const resources = [
      maria,
      ...mhStay(),
      visit(plusDays(D, 2), { status: 'planned' }),
      ...edVisit(plusDays(D, 3)),
      visit(plusDays(D, 4), { classCode: null, cpt: null }),
    ];
    expect(gap(runFamily(FUH, resources, { asOf: plusDays(D, 5) }), 'fuh-7').status).toBe('open');
  });

  it('moves the anchor to the later discharge after a readmission within 30 days', () => {
    const readmit = inpatientStay(plusDays(D, 10), plusDays(D, 15), { id: 'stay-readmit', principal: DX.pneumonia });
    // the visit on day 5 followed the first discharge, but the readmission restarts the window
    const gaps = runFamily(FUH, [maria, ...mhStay(), ...readmit, visit(plusDays(D, 5))], { asOf: plusDays(D, 18) });
    const fuh7 = gap(gaps, 'fuh-7');
    expect(fuh7).toMatchObject({ status: 'open', due: plusDays(D, 22) });
    expect(fuh7.evidence.map((e) => e.rule)).toEqual(['mental-health-discharge', 'readmission-discharge']);
    expect(fuh7.why).toContain('Readmitted');
    const seen = runFamily(FUH, [maria, ...mhStay(), ...readmit, visit(plusDays(D, 16))], { asOf: plusDays(D, 18) });
    expect(gap(seen, 'fuh-7').status).toBe('closed');
  });

  it('does not move the anchor for an admission 31 days after discharge (a new, non-mental-health stay)', () => {
    const later = inpatientStay(plusDays(D, 31), plusDays(D, 33), { principal: DX.pneumonia });
    const gaps = runFamily(FUH, [maria, ...mhStay(), ...later, visit(plusDays(D, 5))], { asOf: plusDays(D, 34) });
    expect(gap(gaps, 'fuh-7').status).toBe('closed');
  });

  it('is not applicable while the patient is readmitted, and says why', () => {
    const inHospital = inpatientStay(plusDays(D, 4), undefined, { principal: DX.majorDepression });
    const gaps = runFamily(FUH, [maria, ...mhStay(), ...inHospital], { asOf: plusDays(D, 6) });
    expect(gap(gaps, 'fuh-7').status).toBe('not-applicable');
    expect(gap(gaps, 'fuh-7').why).toContain('Readmitted on');
  });

  it('needs a mental-health PRINCIPAL diagnosis: a secondary one does not anchor', () => {
    const stay = inpatientStay(plusDays(D, -3), D, { principal: DX.pneumonia, secondary: DX.majorDepression });
    expect(gap(runFamily(FUH, [maria, ...stay], { asOf: plusDays(D, 3) }), 'fuh-7').status).toBe('not-applicable');
  });

  it('reads the principal diagnosis from reasonCode when the encounter lists no diagnoses', () => {
    const stay = inpatientStay(plusDays(D, -3), D, { reason: DX.schizophrenia });
    expect(gap(runFamily(FUH, [maria, ...stay], { asOf: plusDays(D, 3) }), 'fuh-7').status).toBe('open');
  });

  it('anchors on intentional self-harm (T39.012A) as the principal diagnosis', () => {
    const stay = inpatientStay(plusDays(D, -3), D, { principal: DX.selfHarmPoisoning });
    expect(gap(runFamily(FUH, [maria, ...stay], { asOf: plusDays(D, 3) }), 'fuh-30').status).toBe('open');
  });

  it('looks back 60 days for the discharge: day 60 anchors (missed), day 61 does not', () => {
    expect(gap(runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 60) }), 'fuh-30').why).toMatch(/^Missed/);
    expect(gap(runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 61) }), 'fuh-30').status).toBe('not-applicable');
  });

  it('is not applicable without any hospitalization', () => {
    const gaps = runFamily(FUH, [maria, visit(D)], { asOf: D });
    expect(gaps.map((g) => [g.id, g.status])).toEqual([['fuh-7', 'not-applicable'], ['fuh-30', 'not-applicable']]);
  });

  it('is unknown when Encounters are partial and no follow-up was found, but closed when one was', () => {
    const partial = { Encounter: { status: 'partial' as const, reason: 'page 2 failed' } };
    const open = gap(runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 3), completeness: partial }), 'fuh-7');
    expect(open.status).toBe('unknown');
    expect(open.why).toContain('page 2 failed');
    const closed = gap(runFamily(FUH, [maria, ...mhStay(), visit(plusDays(D, 2))], { asOf: plusDays(D, 3), completeness: partial }), 'fuh-7');
    expect(closed.status).toBe('closed');
  });

  it('is unknown when Encounters could not be read at all', () => {
    const gaps = runFamily(FUH, [maria], { asOf: D, completeness: { Encounter: { status: 'missing', reason: 'scope not granted' } } });
    expect(gap(gaps, 'fuh-7').status).toBe('unknown');
  });
});
