/**
 * FUH point-of-care gaps, each case citing its rule (HEDIS FUH; ../shared/design/measures.md §5,
 * §5.1): index = acute discharge with a principal mental-health / self-harm diagnosis, age ≥ 6;
 * windows 7 and 30 days, the discharge day does not count; the follow-up is with a mental-health
 * practitioner or carries a principal mental-health diagnosis; acute MH readmission within 30 days
 * moves the anchor, any other readmission removes the index; hospice / death: no gap.
 */
import { describe, expect, it } from 'vitest';
import { fuhGaps } from '../../../src/engine/gaps/fuh-follow-up.ts';
import { NUCC_TAXONOMY } from '../../../src/engine/gaps/mental-health-practitioner.ts';
import { SNOMED } from '../../../src/engine/codes/code-systems.ts';
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
  VISIT_CPT,
} from './gap-fixtures.ts';

const FUH = fuhGaps();
/** Discharge day of the mental-health stay in most cases (a Thursday). */
const D = '2026-10-01';
const maria = patient('maria-fuh', 'Maria', 'Lopez');
const mhStay = () => inpatientStay(plusDays(D, -5), D, { id: 'stay-mh', principal: DX.majorDepression });
/** A follow-up that counts for FUH: an office visit whose principal diagnosis is mental health. */
const mhVisit = (date: string, id?: string) => visit(date, { dx: DX.majorDepression, ...(id ? { id } : {}) });

describe('fuh-7 / fuh-30 windows (discharge day excluded; 7 and 30 days)', () => {
  it('does not count a mental-health visit on the discharge day (fuh-7 stays open, due 7 days after discharge)', () => {
    const gaps = runFamily(FUH, [maria, ...mhStay(), mhVisit(D)], { asOf: plusDays(D, 3) });
    expect(gap(gaps, 'fuh-7')).toMatchObject({ status: 'open', due: plusDays(D, 7) });
    expect(gap(gaps, 'fuh-7').why).toContain('does not count');
    expect(gap(gaps, 'fuh-30')).toMatchObject({ status: 'open', due: plusDays(D, 30) });
  });

  it('counts a mental-health visit the day after discharge for both windows, with the visit as evidence', () => {
    const gaps = runFamily(FUH, [maria, ...mhStay(), mhVisit(plusDays(D, 1), 'v1')], { asOf: plusDays(D, 3) });
    expect(gap(gaps, 'fuh-7').status).toBe('closed');
    expect(gap(gaps, 'fuh-7').evidence.map((e) => e.reference)).toEqual(['Encounter/stay-mh', 'Encounter/v1']);
    expect(gap(gaps, 'fuh-30').status).toBe('closed');
  });

  it('closes fuh-7 on day 7; day 8 misses fuh-7 but closes fuh-30', () => {
    expect(
      gap(runFamily(FUH, [maria, ...mhStay(), mhVisit(plusDays(D, 7))], { asOf: plusDays(D, 10) }), 'fuh-7').status,
    ).toBe('closed');
    const day8 = runFamily(FUH, [maria, ...mhStay(), mhVisit(plusDays(D, 8))], { asOf: plusDays(D, 10) });
    expect(gap(day8, 'fuh-7')).toMatchObject({ status: 'open', due: plusDays(D, 7) });
    expect(gap(day8, 'fuh-7').why).toMatch(/^Missed.*can no longer be met/);
    expect(gap(day8, 'fuh-30').status).toBe('closed');
  });

  it('keeps fuh-7 open with 0 days left on day 7 and calls it missed on day 8', () => {
    expect(gap(runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 7) }), 'fuh-7').why).toContain('0 day(s) left');
    const day8 = runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 8) });
    expect(gap(day8, 'fuh-7').why).toMatch(/^Missed/);
    expect(gap(day8, 'fuh-30')).toMatchObject({ status: 'open', due: plusDays(D, 30) });
  });

  it('closes fuh-30 on day 30 and not on day 31', () => {
    expect(
      gap(runFamily(FUH, [maria, ...mhStay(), mhVisit(plusDays(D, 30))], { asOf: plusDays(D, 31) }), 'fuh-30').status,
    ).toBe('closed');
    const late = gap(
      runFamily(FUH, [maria, ...mhStay(), mhVisit(plusDays(D, 31))], { asOf: plusDays(D, 31) }),
      'fuh-30',
    );
    expect(late.status).toBe('open');
    expect(late.why).toMatch(/^Missed/);
  });

  it('does not count a follow-up dated after asOf (nothing after the as-of date counts)', () => {
    const gaps = runFamily(FUH, [maria, ...mhStay(), mhVisit(plusDays(D, 4))], { asOf: plusDays(D, 3) });
    expect(gap(gaps, 'fuh-7')).toMatchObject({ status: 'open', due: plusDays(D, 7) });
  });
});

describe('what the follow-up visit must be (MH practitioner, or any practitioner with a principal MH diagnosis)', () => {
  it('does NOT close FUH with a routine check-up two days after a depression discharge', () => {
    const checkUp = visit(plusDays(D, 2), {
      cpt: ['99396', 'Periodic comprehensive preventive medicine reevaluation, 40-64 years'],
    });
    const gaps = runFamily(FUH, [maria, ...mhStay(), checkUp, visit(plusDays(D, 3))], { asOf: plusDays(D, 5) });
    expect(gap(gaps, 'fuh-7').status).toBe('open');
    expect(gap(gaps, 'fuh-7').closes).toContain('mental-health');
  });

  it('does not close FUH with a visit whose principal diagnosis is not mental health, even with depression listed second', () => {
    const v = visitWithDiagnoses(plusDays(D, 2), DX.hypertension, DX.majorDepression);
    expect(gap(runFamily(FUH, [maria, ...mhStay(), ...v], { asOf: plusDays(D, 5) }), 'fuh-7').status).toBe('open');
  });

  it('closes FUH with a primary-care visit whose principal diagnosis is mental health (any practitioner)', () => {
    const v = visitWithDiagnoses(plusDays(D, 2), DX.majorDepression, DX.hypertension, { id: 'pcp-mh' });
    const gaps = runFamily(FUH, [maria, ...mhStay(), ...v], { asOf: plusDays(D, 5) });
    expect(gap(gaps, 'fuh-7').status).toBe('closed');
    expect(gap(gaps, 'fuh-7').evidence.at(-1)?.reference).toBe('Encounter/pcp-mh');
  });

  it('closes FUH with a psychotherapy visit (CPT 90834) without a coded diagnosis: a behavioral-health service', () => {
    const therapy = visit(plusDays(D, 2), { classCode: null, cpt: VISIT_CPT.psychotherapy });
    expect(gap(runFamily(FUH, [maria, ...mhStay(), therapy], { asOf: plusDays(D, 3) }), 'fuh-7').status).toBe('closed');
  });

  it('closes FUH with an office visit by a psychiatrist (PractitionerRole specialty NUCC 2084P0800X), not by a family physician', () => {
    const role = (id: string, code: string): fhir4.PractitionerRole => ({
      resourceType: 'PractitionerRole',
      id,
      specialty: [{ coding: [{ system: NUCC_TAXONOMY, code }] }],
    });
    const psych = runFamily(
      FUH,
      [
        maria,
        ...mhStay(),
        role('psych-1', '2084P0800X'),
        visit(plusDays(D, 2), { practitioner: 'PractitionerRole/psych-1' }),
      ],
      { asOf: plusDays(D, 3) },
    );
    expect(gap(psych, 'fuh-7').status).toBe('closed');
    const family = runFamily(
      FUH,
      [
        maria,
        ...mhStay(),
        role('fm-1', '207Q00000X'),
        visit(plusDays(D, 2), { practitioner: 'PractitionerRole/fm-1' }),
      ],
      { asOf: plusDays(D, 3) },
    );
    expect(gap(family, 'fuh-7').status).toBe('open');
  });

  it('closes FUH with a clinical social worker (Practitioner.qualification NUCC 1041C0700X)', () => {
    const lcsw: fhir4.Practitioner = {
      resourceType: 'Practitioner',
      id: 'lcsw-1',
      qualification: [{ code: { coding: [{ system: NUCC_TAXONOMY, code: '1041C0700X' }] } }],
    };
    const gaps = runFamily(
      FUH,
      [maria, ...mhStay(), lcsw, visit(plusDays(D, 2), { practitioner: 'Practitioner/lcsw-1' })],
      { asOf: plusDays(D, 3) },
    );
    expect(gap(gaps, 'fuh-7').status).toBe('closed');
  });

  it('counts a telephone visit with a principal mental-health diagnosis, and a transitional-care visit (99495) with one', () => {
    const phone = visit(plusDays(D, 2), { cpt: VISIT_CPT.telephone, dx: DX.majorDepression });
    expect(gap(runFamily(FUH, [maria, ...mhStay(), phone], { asOf: plusDays(D, 3) }), 'fuh-7').status).toBe('closed');
    const tcm = visit(plusDays(D, 2), { classCode: null, cpt: VISIT_CPT.transitionalCare, dx: DX.majorDepression });
    expect(gap(runFamily(FUH, [maria, ...mhStay(), tcm], { asOf: plusDays(D, 3) }), 'fuh-7').status).toBe('closed');
  });

  it('does not count a planned visit, an ED visit or a visit class without a visit type', () => {
    const resources = [
      maria,
      ...mhStay(),
      visit(plusDays(D, 2), { status: 'planned', dx: DX.majorDepression }),
      ...edVisit(plusDays(D, 3), { principal: DX.majorDepression }),
      visit(plusDays(D, 4), { classCode: null, cpt: null, dx: DX.majorDepression }),
    ];
    expect(gap(runFamily(FUH, resources, { asOf: plusDays(D, 5) }), 'fuh-7').status).toBe('open');
  });
});

describe('readmissions and transfers within the 30-day follow-up period', () => {
  it('moves the anchor to the later discharge after an acute mental-health readmission on day 30', () => {
    const readmit = inpatientStay(plusDays(D, 30), plusDays(D, 34), {
      id: 'stay-readmit',
      principal: DX.schizophrenia,
    });
    const gaps = runFamily(FUH, [maria, ...mhStay(), ...readmit, mhVisit(plusDays(D, 5))], { asOf: plusDays(D, 36) });
    const fuh7 = gap(gaps, 'fuh-7');
    expect(fuh7).toMatchObject({ status: 'open', due: plusDays(D, 41) });
    expect(fuh7.evidence.map((e) => e.rule)).toEqual(['mental-health-discharge', 'readmission-discharge']);
    expect(fuh7.why).toContain('Readmitted');
  });

  it('treats a mental-health admission on day 31 as a new index discharge, not a readmission', () => {
    const later = inpatientStay(plusDays(D, 31), plusDays(D, 34), { id: 'stay-later', principal: DX.schizophrenia });
    const gaps = runFamily(FUH, [maria, ...mhStay(), ...later], { asOf: plusDays(D, 36) });
    expect(gap(gaps, 'fuh-7').evidence.map((e) => e.rule)).toEqual(['mental-health-discharge']);
    expect(gap(gaps, 'fuh-7').evidence[0]?.reference).toBe('Encounter/stay-later');
  });

  it('removes the index discharge after a NON-mental-health acute readmission on day 30, and says so', () => {
    const pneumonia = inpatientStay(plusDays(D, 30), plusDays(D, 33), { id: 'stay-pna', principal: DX.pneumonia });
    const gaps = runFamily(FUH, [maria, ...mhStay(), ...pneumonia, mhVisit(plusDays(D, 5))], { asOf: plusDays(D, 34) });
    expect(gap(gaps, 'fuh-7').status).toBe('not-applicable');
    expect(gap(gaps, 'fuh-30').why).toMatch(/not mental health.*excludes both discharges/);
  });

  it('keeps the index discharge when the non-mental-health admission comes on day 31', () => {
    const pneumonia = inpatientStay(plusDays(D, 31), plusDays(D, 33), { principal: DX.pneumonia });
    const gaps = runFamily(FUH, [maria, ...mhStay(), ...pneumonia, mhVisit(plusDays(D, 5))], { asOf: plusDays(D, 34) });
    expect(gap(gaps, 'fuh-7').status).toBe('closed');
  });

  it('removes the index discharge after a nonacute (skilled-nursing, class NONAC) admission within 30 days, whatever its diagnosis', () => {
    const snf = inpatientStay(plusDays(D, 1), plusDays(D, 20), { classCode: 'NONAC', principal: DX.majorDepression });
    expect(gap(runFamily(FUH, [maria, ...mhStay(), ...snf], { asOf: plusDays(D, 22) }), 'fuh-30').status).toBe(
      'not-applicable',
    );
  });

  it('removes the index discharge when the disposition says "discharged to a skilled nursing facility" (the SNF stay is not in the record)', () => {
    const stay = inpatientStay(plusDays(D, -5), D, { principal: DX.majorDepression, disposition: 'snf' });
    const g = gap(runFamily(FUH, [maria, ...stay], { asOf: plusDays(D, 3) }), 'fuh-7');
    expect(g.status).toBe('not-applicable');
    expect(g.why).toContain('nonacute');
  });

  it('is unknown when the patient was transferred to a psychiatric hospital whose stay is not in the record', () => {
    const stay = inpatientStay(plusDays(D, -5), D, { principal: DX.majorDepression, disposition: 'psy' });
    const g = gap(runFamily(FUH, [maria, ...stay], { asOf: plusDays(D, 3) }), 'fuh-7');
    expect(g.status).toBe('unknown');
    expect(g.why).toContain('not in the record');
  });

  it('is not applicable while the patient is readmitted for mental health, and says why', () => {
    const inHospital = inpatientStay(plusDays(D, 4), undefined, { principal: DX.majorDepression });
    const g = gap(runFamily(FUH, [maria, ...mhStay(), ...inHospital], { asOf: plusDays(D, 6) }), 'fuh-7');
    expect(g.status).toBe('not-applicable');
    expect(g.why).toContain('Readmitted on');
  });
});

describe('who is in FUH (index discharge, age, hospice, death)', () => {
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

  it('counts a child discharged on their 6th birthday, not the day before it', () => {
    const sixOnDischarge = patient('leo-six', 'Leo', 'Young', plusDays(D, 0).replace(/^2026/, '2020'));
    expect(gap(runFamily(FUH, [sixOnDischarge, ...mhStay()], { asOf: plusDays(D, 2) }), 'fuh-7').status).toBe('open');
    const sixTomorrow = patient('ava-five', 'Ava', 'Young', plusDays(D, 1).replace(/^2026/, '2020'));
    const g = gap(runFamily(FUH, [sixTomorrow, ...mhStay()], { asOf: plusDays(D, 2) }), 'fuh-7');
    expect(g.status).toBe('not-applicable');
    expect(g.why).toContain('aged 6 and over');
  });

  it('reads an imprecise birth date as CQL does: year-only 1970 is certainly ≥ 6, year-only 2020 on 2026-10-01 may be 5 or 6 (unknown), none is unknown', () => {
    expect(
      gap(runFamily(FUH, [patient('yr-1970', 'Al', 'Year', '1970'), ...mhStay()], { asOf: plusDays(D, 2) }), 'fuh-7')
        .status,
    ).toBe('open');
    const child = gap(
      runFamily(FUH, [patient('yr-2020', 'Bo', 'Year', '2020'), ...mhStay()], { asOf: plusDays(D, 2) }),
      'fuh-7',
    );
    expect(child.status).toBe('unknown');
    expect(child.why).toContain('too imprecise');
    const noBirth = { resourceType: 'Patient', id: 'no-birth' } as fhir4.Patient;
    expect(gap(runFamily(FUH, [noBirth, ...mhStay()], { asOf: plusDays(D, 2) }), 'fuh-7').status).toBe('unknown');
    expect(
      gap(runFamily(FUH, [patient('yr-2021', 'Cy', 'Year', '2021'), ...mhStay()], { asOf: plusDays(D, 2) }), 'fuh-7')
        .status,
    ).toBe('not-applicable');
  });

  it('is not applicable for a patient in hospice care this year (HEDIS hospice exclusion)', () => {
    const hospice: fhir4.Encounter = {
      resourceType: 'Encounter',
      id: 'hospice-1',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH' },
      type: [{ coding: [{ system: SNOMED, code: '183919006', display: 'Urgent admission to hospice (procedure)' }] }],
      period: { start: `${plusDays(D, 2)}T10:00:00Z`, end: `${plusDays(D, 2)}T11:00:00Z` },
    };
    const g = gap(runFamily(FUH, [maria, ...mhStay(), hospice], { asOf: plusDays(D, 3) }), 'fuh-7');
    expect(g.status).toBe('not-applicable');
    expect(g.why).toContain('hospice');
    // hospice care that starts after asOf has not happened yet
    expect(gap(runFamily(FUH, [maria, ...mhStay(), hospice], { asOf: plusDays(D, 1) }), 'fuh-7').status).toBe('open');
  });

  it('has no gap for a deceased patient, but a death dated after asOf has not happened yet', () => {
    const died = { ...maria, deceasedDateTime: `${plusDays(D, 2)}T08:00:00-05:00` };
    const g = gap(runFamily(FUH, [died, ...mhStay()], { asOf: plusDays(D, 3) }), 'fuh-7');
    expect(g).toMatchObject({ status: 'not-applicable' });
    expect(g.why).toContain('died on');
    expect(gap(runFamily(FUH, [died, ...mhStay()], { asOf: plusDays(D, 1) }), 'fuh-7').status).toBe('open');
    const deceasedFlag = { ...maria, deceasedBoolean: true };
    expect(gap(runFamily(FUH, [deceasedFlag, ...mhStay()], { asOf: plusDays(D, 1) }), 'fuh-7').status).toBe(
      'not-applicable',
    );
  });

  it('looks back 60 days for the discharge: day 60 anchors (missed), day 61 does not', () => {
    expect(gap(runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 60) }), 'fuh-30').why).toMatch(/^Missed/);
    expect(gap(runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 61) }), 'fuh-30').status).toBe(
      'not-applicable',
    );
  });

  it('is not applicable without any hospitalization', () => {
    const gaps = runFamily(FUH, [maria, visit(D)], { asOf: D });
    expect(gaps.map((g) => [g.id, g.status])).toEqual([
      ['fuh-7', 'not-applicable'],
      ['fuh-30', 'not-applicable'],
    ]);
  });
});

describe('incomplete data', () => {
  it('is unknown when Encounters are partial and no follow-up was found, but closed when one was', () => {
    const partial = { Encounter: { status: 'partial' as const, reason: 'page 2 failed' } };
    const open = gap(runFamily(FUH, [maria, ...mhStay()], { asOf: plusDays(D, 3), completeness: partial }), 'fuh-7');
    expect(open.status).toBe('unknown');
    expect(open.why).toContain('page 2 failed');
    const closed = gap(
      runFamily(FUH, [maria, ...mhStay(), mhVisit(plusDays(D, 2))], { asOf: plusDays(D, 3), completeness: partial }),
      'fuh-7',
    );
    expect(closed.status).toBe('closed');
  });

  it('is unknown when Encounters could not be read at all', () => {
    const gaps = runFamily(FUH, [maria], {
      asOf: D,
      completeness: { Encounter: { status: 'missing', reason: 'scope not granted' } },
    });
    expect(gap(gaps, 'fuh-7').status).toBe('unknown');
  });
});
