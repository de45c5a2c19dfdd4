import { describe, expect, it } from 'vitest';
import { tcmGaps } from '../../../src/engine/gaps/tcm-follow-up.ts';
import { DX, gap, inpatientStay, patient, plusDays, runFamily, visit, VISIT_CPT } from './gap-fixtures.ts';

const TCM = tcmGaps();
/** Discharge day. */
const D = '2026-08-03';
const walter = patient('walter-tcm', 'Walter', 'Nguyen', '1948-11-02', 'male');
const hfStay = () => inpatientStay(plusDays(D, -6), D, { id: 'stay-hf', principal: DX.heartFailure });

describe('tcm-7 / tcm-14: face-to-face visit after any inpatient discharge', () => {
  it('anchors on any discharge (heart failure) and is open with due discharge + 7 / + 14', () => {
    const gaps = runFamily(TCM, [walter, ...hfStay()], { asOf: plusDays(D, 1) });
    expect(gap(gaps, 'tcm-7')).toMatchObject({ status: 'open', due: plusDays(D, 7) });
    expect(gap(gaps, 'tcm-14')).toMatchObject({ status: 'open', due: plusDays(D, 14) });
    expect(gap(gaps, 'tcm-7').evidence[0]).toMatchObject({ reference: 'Encounter/stay-hf', rule: 'inpatient-discharge', date: D });
  });

  it('does not count a visit on the discharge day', () => {
    expect(gap(runFamily(TCM, [walter, ...hfStay(), visit(D)], { asOf: plusDays(D, 1) }), 'tcm-7').status).toBe('open');
  });

  it('closes tcm-7 on day 7; day 8 misses tcm-7 but closes tcm-14', () => {
    expect(gap(runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 7))], { asOf: plusDays(D, 8) }), 'tcm-7').status).toBe('closed');
    const day8 = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 8))], { asOf: plusDays(D, 8) });
    expect(gap(day8, 'tcm-7').why).toMatch(/^Missed/);
    expect(gap(day8, 'tcm-14').status).toBe('closed');
  });

  it('closes tcm-14 on day 14, not on day 15', () => {
    expect(gap(runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 14))], { asOf: plusDays(D, 15) }), 'tcm-14').status).toBe('closed');
    const late = gap(runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 15))], { asOf: plusDays(D, 15) }), 'tcm-14');
    expect(late).toMatchObject({ status: 'open', due: plusDays(D, 14) });
    expect(late.why).toMatch(/^Missed/);
  });

  it('does not count a telephone-only visit as face to face, but counts a video visit (class VR)', () => {
    const phone = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 3), { cpt: VISIT_CPT.telephone })], { asOf: plusDays(D, 4) });
    expect(gap(phone, 'tcm-7').status).toBe('open');
    const video = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 3), { classCode: 'VR', cpt: null })], { asOf: plusDays(D, 4) });
    expect(gap(video, 'tcm-7').status).toBe('closed');
  });

  it('anchors on a skilled-nursing (non-acute) discharge too', () => {
    const snf = inpatientStay(plusDays(D, -20), D, { classCode: 'NONAC' });
    expect(gap(runFamily(TCM, [walter, ...snf], { asOf: plusDays(D, 2) }), 'tcm-14').status).toBe('open');
  });

  it('uses the most recent discharge when there were two', () => {
    const second = inpatientStay(plusDays(D, 40), plusDays(D, 43), { id: 'stay-2' });
    const gaps = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 2)), ...second], { asOf: plusDays(D, 44) });
    expect(gap(gaps, 'tcm-7')).toMatchObject({ status: 'open', due: plusDays(D, 50) });
  });

  it('is not applicable while the patient is back in hospital', () => {
    const back = inpatientStay(plusDays(D, 5), undefined);
    expect(gap(runFamily(TCM, [walter, ...hfStay(), ...back], { asOf: plusDays(D, 6) }), 'tcm-7').status).toBe('not-applicable');
  });

  it('is unknown when Encounters are partial and no visit was found', () => {
    const gaps = runFamily(TCM, [walter, ...hfStay()], { asOf: plusDays(D, 1), completeness: { Encounter: { status: 'partial', reason: 'timeout' } } });
    expect(gap(gaps, 'tcm-7').status).toBe('unknown');
  });
});
