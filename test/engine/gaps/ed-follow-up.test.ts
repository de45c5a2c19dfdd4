/**
 * FUM and FUA point-of-care gaps, each case citing its rule (HEDIS FUM / FUA;
 * ../shared/design/measures.md §5, §5.1): the ED date counts (7 days = 8 total days, 30 = 31);
 * an ED visit followed by an inpatient or residential admission on the ED date or within 30 days is
 * not an index visit; only the first eligible ED visit per 31-day period; FUM follow-ups carry a
 * mental-health diagnosis, FUA follow-ups a substance-use / overdose diagnosis or MOUD; FUM age ≥ 6,
 * FUA age ≥ 13.
 */
import { describe, expect, it } from 'vitest';
import { fuaGaps, fumGaps } from '../../../src/engine/gaps/ed-follow-up.ts';
import { HCPCS, RXNORM } from '../../../src/engine/codes/code-systems.ts';
import {
  DX,
  edVisit,
  gap,
  inpatientStay,
  patient,
  plusDays,
  runFamily,
  visit,
  visitWithDiagnoses,
} from './gap-fixtures.ts';

const FUM = fumGaps();
const FUA = fuaGaps();
/** Day of the ED visit in most cases. */
const E = '2026-09-14';
const jamal = patient('jamal-fum', 'Jamal', 'Carter', '1988-02-02', 'male');
const priya = patient('priya-fua', 'Priya', 'Shah', '1995-07-30');
const mhEd = () => edVisit(E, { id: 'ed-mh', principal: DX.schizophrenia });
const mhVisit = (date: string, id?: string) => visit(date, { dx: DX.schizophrenia, ...(id ? { id } : {}) });
const sudEd = () => edVisit(E, { id: 'ed-sud', principal: DX.opioidDependence });
const sudVisit = (date: string) => visit(date, { dx: DX.opioidDependence });

describe('fum-7 / fum-30 windows (the ED date counts)', () => {
  it('counts a mental-health follow-up on the ED day itself', () => {
    const gaps = runFamily(FUM, [jamal, ...mhEd(), mhVisit(E, 'same-day')], { asOf: E });
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
    expect(
      gap(runFamily(FUM, [jamal, ...mhEd(), mhVisit(plusDays(E, 7))], { asOf: plusDays(E, 9) }), 'fum-7').status,
    ).toBe('closed');
    const late = runFamily(FUM, [jamal, ...mhEd(), mhVisit(plusDays(E, 8))], { asOf: plusDays(E, 9) });
    expect(gap(late, 'fum-7').why).toMatch(/^Missed/);
    expect(gap(late, 'fum-30').status).toBe('closed');
  });

  it('closes fum-30 on day 30, not on day 31', () => {
    expect(
      gap(runFamily(FUM, [jamal, ...mhEd(), mhVisit(plusDays(E, 30))], { asOf: plusDays(E, 31) }), 'fum-30').status,
    ).toBe('closed');
    expect(
      gap(runFamily(FUM, [jamal, ...mhEd(), mhVisit(plusDays(E, 31))], { asOf: plusDays(E, 31) }), 'fum-30').status,
    ).toBe('open');
  });

  it('does not close FUM with a visit that carries no mental-health diagnosis', () => {
    const gaps = runFamily(
      FUM,
      [jamal, ...mhEd(), visit(plusDays(E, 2), { dx: DX.hypertension }), visit(plusDays(E, 3))],
      { asOf: plusDays(E, 4) },
    );
    expect(gap(gaps, 'fum-7').status).toBe('open');
  });

  it('closes FUM with a principal self-harm diagnosis plus a mental-health diagnosis, not with self-harm alone', () => {
    const both = visitWithDiagnoses(plusDays(E, 2), DX.selfHarmPoisoning, DX.majorDepression);
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...both], { asOf: plusDays(E, 3) }), 'fum-7').status).toBe('closed');
    const alone = visit(plusDays(E, 2), { dx: DX.selfHarmPoisoning });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), alone], { asOf: plusDays(E, 3) }), 'fum-7').status).toBe('open');
  });

  it('does not count a follow-up dated after asOf', () => {
    expect(
      gap(runFamily(FUM, [jamal, ...mhEd(), mhVisit(plusDays(E, 3))], { asOf: plusDays(E, 2) }), 'fum-7').status,
    ).toBe('open');
  });
});

describe('FUM index visits', () => {
  it('anchors on intentional self-harm as ANY diagnosis, not only the principal one', () => {
    const ed = edVisit(E, { principal: DX.pneumonia, secondary: DX.selfHarmPoisoning });
    expect(gap(runFamily(FUM, [jamal, ...ed], { asOf: E }), 'fum-7').status).toBe('open');
  });

  it('does not anchor on a secondary mental-health diagnosis', () => {
    const ed = edVisit(E, { principal: DX.pneumonia, secondary: DX.schizophrenia });
    expect(gap(runFamily(FUM, [jamal, ...ed], { asOf: E }), 'fum-7').status).toBe('not-applicable');
  });

  it('does not anchor on an ED visit followed by an inpatient admission on the ED day or on day 30, whatever its diagnosis', () => {
    const sameDay = inpatientStay(E, plusDays(E, 4), { principal: DX.schizophrenia });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...sameDay], { asOf: plusDays(E, 5) }), 'fum-7').status).toBe(
      'not-applicable',
    );
    const day30 = inpatientStay(plusDays(E, 30), plusDays(E, 32), { principal: DX.pneumonia });
    const g = gap(
      runFamily(FUM, [jamal, ...mhEd(), mhVisit(plusDays(E, 2)), ...day30], { asOf: plusDays(E, 33) }),
      'fum-7',
    );
    expect(g.status).toBe('not-applicable');
    expect(g.why).toContain('followed by an admission');
  });

  it('still anchors when the admission came on day 31', () => {
    const day31 = inpatientStay(plusDays(E, 31), plusDays(E, 33), { principal: DX.pneumonia });
    expect(
      gap(runFamily(FUM, [jamal, ...mhEd(), mhVisit(plusDays(E, 2)), ...day31], { asOf: plusDays(E, 34) }), 'fum-7')
        .status,
    ).toBe('closed');
  });

  it('does not anchor on an ED visit followed by a residential (nonacute) admission; an observation stay is not an admission', () => {
    const residential = inpatientStay(plusDays(E, 5), plusDays(E, 25), {
      classCode: 'NONAC',
      principal: DX.schizophrenia,
    });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...residential], { asOf: plusDays(E, 26) }), 'fum-30').status).toBe(
      'not-applicable',
    );
    const observation = inpatientStay(E, plusDays(E, 1), { classCode: 'OBSENC', principal: DX.schizophrenia });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...observation], { asOf: plusDays(E, 2) }), 'fum-7').status).toBe(
      'open',
    );
  });

  it('does not anchor on an ED visit linked to a stay by partOf', () => {
    const linked = inpatientStay(plusDays(E, 40), plusDays(E, 42), { partOf: 'ed-mh', principal: DX.pneumonia });
    expect(gap(runFamily(FUM, [jamal, ...mhEd(), ...linked], { asOf: plusDays(E, 43) }), 'fum-30').status).toBe(
      'not-applicable',
    );
  });

  it('anchors on the first ED visit of a 31-day period: a repeat visit on day 30 does not start a new one', () => {
    const repeat = edVisit(plusDays(E, 30), { id: 'ed-repeat', principal: DX.schizophrenia });
    const gaps = runFamily(FUM, [jamal, ...mhEd(), ...repeat, mhVisit(plusDays(E, 5))], { asOf: plusDays(E, 31) });
    expect(gap(gaps, 'fum-7').status).toBe('closed');
    expect(gap(gaps, 'fum-7').evidence[0]?.reference).toBe('Encounter/ed-mh');
  });

  it('starts a new period with an ED visit on day 31 after the first', () => {
    const next = edVisit(plusDays(E, 31), { id: 'ed-next', principal: DX.schizophrenia });
    const gaps = runFamily(FUM, [jamal, ...mhEd(), ...next, mhVisit(plusDays(E, 5))], { asOf: plusDays(E, 32) });
    expect(gap(gaps, 'fum-7')).toMatchObject({ status: 'open', due: plusDays(E, 38) });
  });

  it('does not anchor for a 5-year-old, does for a 6-year-old (HEDIS FUM: 6 and older on the ED date)', () => {
    const five = patient('kid-5', 'Kid', 'Five', '2021-09-15');
    expect(gap(runFamily(FUM, [five, ...mhEd()], { asOf: E }), 'fum-7').status).toBe('not-applicable');
    const six = patient('kid-6', 'Kid', 'Six', '2020-09-14');
    expect(gap(runFamily(FUM, [six, ...mhEd()], { asOf: E }), 'fum-7').status).toBe('open');
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
  it('anchors on a principal opioid dependence diagnosis and counts an SUD visit on the ED day', () => {
    const gaps = runFamily(FUA, [priya, ...sudEd(), sudVisit(E)], { asOf: plusDays(E, 1) });
    expect(gap(gaps, 'fua-7').status).toBe('closed');
    expect(gap(gaps, 'fua-30').status).toBe('closed');
  });

  it('counts a visit with the SUD diagnosis listed second (any diagnosis), not one with only a mental-health diagnosis', () => {
    const secondary = visitWithDiagnoses(plusDays(E, 3), DX.hypertension, DX.alcoholUse);
    expect(gap(runFamily(FUA, [priya, ...sudEd(), ...secondary], { asOf: plusDays(E, 4) }), 'fua-7').status).toBe(
      'closed',
    );
    expect(
      gap(
        runFamily(FUA, [priya, ...sudEd(), visit(plusDays(E, 3), { dx: DX.majorDepression })], {
          asOf: plusDays(E, 4),
        }),
        'fua-7',
      ).status,
    ).toBe('open');
  });

  it('closes FUA with a buprenorphine/naloxone prescription (MOUD) in the window, not with one dated after asOf', () => {
    const rx = (date: string): fhir4.MedicationRequest => ({
      resourceType: 'MedicationRequest',
      id: `rx-${date}`,
      status: 'active',
      intent: 'order',
      subject: { display: 'the patient under test' },
      medicationCodeableConcept: {
        coding: [{ system: RXNORM, code: '1010604', display: 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film' }],
      },
      authoredOn: date,
    });
    const gaps = runFamily(FUA, [priya, ...sudEd(), rx(plusDays(E, 6))], { asOf: plusDays(E, 8) });
    expect(gap(gaps, 'fua-7').status).toBe('closed');
    expect(gap(gaps, 'fua-7').evidence.at(-1)).toMatchObject({
      reference: `MedicationRequest/rx-${plusDays(E, 6)}`,
      rule: 'moud-prescription',
    });
    expect(gap(runFamily(FUA, [priya, ...sudEd(), rx(plusDays(E, 6))], { asOf: plusDays(E, 5) }), 'fua-7').status).toBe(
      'open',
    );
  });

  it('closes FUA with an extended-release naltrexone injection (HCPCS J2315) on day 30, not on day 31', () => {
    const shot = (date: string): fhir4.Procedure => ({
      resourceType: 'Procedure',
      id: `inj-${date}`,
      status: 'completed',
      subject: { display: 'the patient under test' },
      code: { coding: [{ system: HCPCS, code: 'J2315', display: 'Injection, naltrexone, depot form, 1 mg' }] },
      performedDateTime: `${date}T10:00:00-05:00`,
    });
    expect(
      gap(runFamily(FUA, [priya, ...sudEd(), shot(plusDays(E, 30))], { asOf: plusDays(E, 31) }), 'fua-30').status,
    ).toBe('closed');
    expect(
      gap(runFamily(FUA, [priya, ...sudEd(), shot(plusDays(E, 31))], { asOf: plusDays(E, 31) }), 'fua-30').status,
    ).toBe('open');
  });

  it('anchors on an overdose as any diagnosis (heroin T40.1X1A, acetaminophen T39.1X1A); day 8 misses fua-7 and closes fua-30', () => {
    for (const od of [DX.heroinOverdose, DX.acetaminophenOverdose]) {
      const ed = edVisit(E, { principal: DX.pneumonia, secondary: od });
      const gaps = runFamily(FUA, [priya, ...ed, sudVisit(plusDays(E, 8))], { asOf: plusDays(E, 8) });
      expect(gap(gaps, 'fua-7'), od[0]).toMatchObject({ status: 'open', due: plusDays(E, 7) });
      expect(gap(gaps, 'fua-30').status, od[0]).toBe('closed');
    }
  });

  it('does not anchor on an adverse effect (T40.2X5A), a toxic effect of alcohol (T51.0X1A) or nicotine dependence (F17)', () => {
    for (const dx of [DX.opioidAdverseEffect, DX.alcoholToxicEffect, DX.nicotineDependence]) {
      expect(gap(runFamily(FUA, [priya, ...edVisit(E, { principal: dx })], { asOf: E }), 'fua-7').status, dx[0]).toBe(
        'not-applicable',
      );
    }
  });

  it('does not anchor on an SUD ED visit that became an admission within 30 days', () => {
    const resources = [priya, ...sudEd(), ...inpatientStay(plusDays(E, 12), plusDays(E, 14))];
    expect(gap(runFamily(FUA, resources, { asOf: plusDays(E, 15) }), 'fua-30').status).toBe('not-applicable');
  });

  it('counts a 13-year-old, not a 12-year-old (HEDIS FUA: 13 and older on the ED date)', () => {
    const twelve = patient('teen-12', 'Teen', 'Twelve', '2013-09-15');
    expect(gap(runFamily(FUA, [twelve, ...sudEd()], { asOf: E }), 'fua-7').status).toBe('not-applicable');
    const thirteen = patient('teen-13', 'Teen', 'Thirteen', '2013-09-14');
    expect(gap(runFamily(FUA, [thirteen, ...sudEd()], { asOf: E }), 'fua-7').status).toBe('open');
  });

  it('ignores a cancelled ED visit', () => {
    const gaps = runFamily(FUA, [priya, ...edVisit(E, { principal: DX.opioidDependence, status: 'cancelled' })], {
      asOf: E,
    });
    expect(gap(gaps, 'fua-7').status).toBe('not-applicable');
  });
});
