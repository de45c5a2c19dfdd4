import { describe, expect, it } from 'vitest';
import { fuaGaps, fumGaps } from '../../../src/engine/gaps/ed-follow-up.ts';
import { DX, edVisit, gap, inpatientStay, patient, plusDays, runFamily, visit } from './gap-fixtures.ts';

const FUM = fumGaps();
const FUA = fuaGaps();
/** Day of the ED visit in most cases. */
const E = '2026-09-14';
const jamal = patient('jamal-fum', 'Jamal', 'Carter', '1988-02-02', 'male');
const priya = patient('priya-fua', 'Priya', 'Shah', '1995-07-30');

describe('fum-7 / fum-30: follow-up after a mental-health ED visit', () => {
  const mhEd = () => edVisit(E, { id: 'ed-mh', principal: DX.schizophrenia });

  it('counts a follow-up visit on the ED day itself', () => {
    const gaps = runFamily(FUM, [jamal, ...mhEd(), visit(E, { id: 'same-day' })], { asOf: E });
    expect(gap(gaps, 'fum-7').status).toBe('closed');
    expect(gap(gaps, 'fum-7').evidence.map((e) => e.reference)).toEqual(['Encounter/ed-mh', 'Encounter/same-day']);
  });

  it('is open with due ED day + 7 while the window runs', () => {
    const gaps = runFamily(FUM, [jamal, ...mhEd()], { asOf: plusDays(E, 2) });
    expect(gap(gaps, 'fum-7')).toMatchObject({ status: 'open', due: plusDays(E, 7) });
    expect(gap(gaps, 'fum-7').why).toContain('a visit that day counts');
    expect(gap(gaps, 'fum-30')).toMatchObject({ status: 'open', due: plusDays(E, 30) });
  });

  it('closes fum-7 on day 7; day 8 misses fum-7 but closes fum-30', () => {
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), visit(plusDays(E, 7))], { asOf: plusDays(E, 9) }), 'fum-7').status).toBe('closed');
    const late = runFamily(FUM, [jamal, ...mhEd(), visit(plusDays(E, 8))], { asOf: plusDays(E, 9) });
    expect(gap(late, 'fum-7').why).toMatch(/^Missed/);
    expect(gap(late, 'fum-30').status).toBe('closed');
  });

  it('closes fum-30 on day 30, not on day 31', () => {
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), visit(plusDays(E, 30))], { asOf: plusDays(E, 31) }), 'fum-30').status).toBe('closed');
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), visit(plusDays(E, 31))], { asOf: plusDays(E, 31) }), 'fum-30').status).toBe('open');
  });

  it('anchors on intentional self-harm as ANY diagnosis, not only the principal one', () => {
    const ed = edVisit(E, { principal: DX.pneumonia, secondary: DX.selfHarmPoisoning });
    expect(gap(runFamily(FUM, [jamal, ...ed], { asOf: E }), 'fum-7').status).toBe('open');
  });

  it('does not anchor on a secondary mental-health diagnosis', () => {
    const ed = edVisit(E, { principal: DX.pneumonia, secondary: DX.schizophrenia });
    expect(gap(runFamily(FUM, [jamal, ...ed], { asOf: E }), 'fum-7').status).toBe('not-applicable');
  });

  it('does not anchor on an ED visit that became an admission the same day or the next day', () => {
    const sameDay = inpatientStay(E, plusDays(E, 4), { principal: DX.schizophrenia });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...sameDay], { asOf: plusDays(E, 5) }), 'fum-7').status).toBe('not-applicable');
    const nextDay = inpatientStay(plusDays(E, 1), plusDays(E, 4), { principal: DX.schizophrenia });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...nextDay], { asOf: plusDays(E, 5) }), 'fum-7').status).toBe('not-applicable');
  });

  it('still anchors when the admission came two days after the ED visit', () => {
    const twoDays = inpatientStay(plusDays(E, 2), plusDays(E, 4), { principal: DX.pneumonia });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...twoDays], { asOf: plusDays(E, 5) }), 'fum-7').status).toBe('open');
  });

  it('does not anchor on an ED visit linked to a stay by partOf', () => {
    const linked = inpatientStay(plusDays(E, 3), plusDays(E, 6), { partOf: 'ed-mh', principal: DX.pneumonia });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...linked], { asOf: plusDays(E, 7) }), 'fum-7').status).toBe('not-applicable');
  });

  it('anchors on the first ED visit of a 31-day episode, not on a repeat visit 10 days later', () => {
    const repeat = edVisit(plusDays(E, 10), { id: 'ed-repeat', principal: DX.schizophrenia });
    const gaps = runFamily(FUM, [jamal, ...mhEd(), ...repeat, visit(plusDays(E, 5))], { asOf: plusDays(E, 12) });
    expect(gap(gaps, 'fum-7').status).toBe('closed');
    expect(gap(gaps, 'fum-7').evidence[0]?.reference).toBe('Encounter/ed-mh');
  });

  it('starts a new episode with an ED visit 31 days after the first', () => {
    const next = edVisit(plusDays(E, 31), { id: 'ed-next', principal: DX.schizophrenia });
    const gaps = runFamily(FUM, [jamal, ...mhEd(), ...next, visit(plusDays(E, 5))], { asOf: plusDays(E, 32) });
    expect(gap(gaps, 'fum-7')).toMatchObject({ status: 'open', due: plusDays(E, 38) });
  });

  it('is unknown when Conditions are missing and no follow-up was found', () => {
    const gaps = runFamily(FUM, [jamal, ...edVisit(E, { reason: DX.schizophrenia })], {
      asOf: E,
      completeness: { Condition: { status: 'missing', reason: 'scope patient/Condition.rs not granted' } },
    });
    expect(gap(gaps, 'fum-7').status).toBe('unknown');
  });
});

describe('fua-7 / fua-30: follow-up after a substance-use or overdose ED visit', () => {
  it('anchors on a principal opioid dependence diagnosis and counts a visit on the ED day', () => {
    const gaps = runFamily(FUA, [priya, ...edVisit(E, { principal: DX.opioidDependence }), visit(E)], { asOf: plusDays(E, 1) });
    expect(gap(gaps, 'fua-7').status).toBe('closed');
    expect(gap(gaps, 'fua-30').status).toBe('closed');
  });

  it('anchors on an overdose as any diagnosis; day 8 misses fua-7 and closes fua-30', () => {
    const ed = edVisit(E, { principal: DX.pneumonia, secondary: DX.heroinOverdose });
    const gaps = runFamily(FUA, [priya, ...ed, visit(plusDays(E, 8))], { asOf: plusDays(E, 8) });
    expect(gap(gaps, 'fua-7')).toMatchObject({ status: 'open', due: plusDays(E, 7) });
    expect(gap(gaps, 'fua-30').status).toBe('closed');
  });

  it('does not treat nicotine dependence (F17) as a substance-use disorder', () => {
    const gaps = runFamily(FUA, [priya, ...edVisit(E, { principal: DX.nicotineDependence })], { asOf: E });
    expect(gap(gaps, 'fua-7').status).toBe('not-applicable');
  });

  it('does not anchor on an SUD ED visit that became an admission', () => {
    const resources = [priya, ...edVisit(E, { principal: DX.opioidDependence }), ...inpatientStay(plusDays(E, 1), plusDays(E, 3))];
    expect(gap(runFamily(FUA, resources, { asOf: plusDays(E, 4) }), 'fua-30').status).toBe('not-applicable');
  });

  it('ignores a cancelled ED visit', () => {
    const gaps = runFamily(FUA, [priya, ...edVisit(E, { principal: DX.opioidDependence, status: 'cancelled' })], { asOf: E });
    expect(gap(gaps, 'fua-7').status).toBe('not-applicable');
  });
});
