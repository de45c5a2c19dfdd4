/**
 * TCM point-of-care gaps, each case citing its rule (CPT 99495 / 99496; CMS MLN908628 and TCM FAQ;
 * ../shared/design/measures.md §5, §5.1): only discharges to a community setting (home,
 * domiciliary, rest home, assisted living) anchor — not death, hospice or a transfer to a SNF or
 * another facility; no recorded disposition → unknown; a face-to-face visit within 7 / 14 days; an
 * interactive contact within 2 business days (Mon–Fri except US federal holidays).
 */
import { describe, expect, it } from 'vitest';
import { tcmGaps } from '../../../src/engine/gaps/tcm-follow-up.ts';
import { SNOMED } from '../../../src/engine/codes/code-systems.ts';
import {
  DX,
  gap,
  inpatientStay,
  NUBC,
  patient,
  plusDays,
  procedure,
  runFamily,
  visit,
  VISIT_CPT,
} from './gap-fixtures.ts';

const TCM = tcmGaps();
/** Discharge day (a Monday). */
const D = '2026-08-03';
const walter = patient('walter-tcm', 'Walter', 'Nguyen', '1948-11-02', 'male');
const hfStay = (disposition: string | readonly [string, string] = 'home') =>
  inpatientStay(plusDays(D, -6), D, { id: 'stay-hf', principal: DX.heartFailure, disposition });

describe('tcm-7 / tcm-14: face-to-face visit after a discharge home', () => {
  it('anchors on a discharge home (any diagnosis) and is open with due discharge + 7 / + 14', () => {
    const gaps = runFamily(TCM, [walter, ...hfStay()], { asOf: plusDays(D, 1) });
    expect(gap(gaps, 'tcm-7')).toMatchObject({ status: 'open', due: plusDays(D, 7) });
    expect(gap(gaps, 'tcm-14')).toMatchObject({ status: 'open', due: plusDays(D, 14) });
    expect(gap(gaps, 'tcm-7').evidence[0]).toMatchObject({
      reference: 'Encounter/stay-hf',
      rule: 'inpatient-discharge',
      date: D,
    });
  });

  it('does not count a visit on the discharge day', () => {
    expect(gap(runFamily(TCM, [walter, ...hfStay(), visit(D)], { asOf: plusDays(D, 1) }), 'tcm-7').status).toBe('open');
  });

  it('closes tcm-7 on day 7; day 8 misses tcm-7 but closes tcm-14', () => {
    expect(
      gap(runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 7))], { asOf: plusDays(D, 8) }), 'tcm-7').status,
    ).toBe('closed');
    const day8 = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 8))], { asOf: plusDays(D, 8) });
    expect(gap(day8, 'tcm-7').why).toMatch(/^Missed/);
    expect(gap(day8, 'tcm-14').status).toBe('closed');
  });

  it('closes tcm-14 on day 14, not on day 15', () => {
    expect(
      gap(runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 14))], { asOf: plusDays(D, 15) }), 'tcm-14').status,
    ).toBe('closed');
    const late = gap(
      runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 15))], { asOf: plusDays(D, 15) }),
      'tcm-14',
    );
    expect(late).toMatchObject({ status: 'open', due: plusDays(D, 14) });
    expect(late.why).toMatch(/^Missed/);
  });

  it('does not count a telephone-only visit or a portal e-visit as face to face, but counts a video visit (class VR)', () => {
    const phone = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 3), { cpt: VISIT_CPT.telephone })], {
      asOf: plusDays(D, 4),
    });
    expect(gap(phone, 'tcm-7').status).toBe('open');
    const portal = runFamily(
      TCM,
      [walter, ...hfStay(), visit(plusDays(D, 3), { classCode: 'VR', cpt: VISIT_CPT.portalMessage })],
      { asOf: plusDays(D, 4) },
    );
    expect(gap(portal, 'tcm-7').status).toBe('open');
    const video = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 3), { classCode: 'VR', cpt: null })], {
      asOf: plusDays(D, 4),
    });
    expect(gap(video, 'tcm-7').status).toBe('closed');
  });

  it('anchors on a discharge home from a skilled-nursing stay (class NONAC) and from an observation stay', () => {
    const snf = inpatientStay(plusDays(D, -20), D, { classCode: 'NONAC', disposition: 'home' });
    expect(gap(runFamily(TCM, [walter, ...snf], { asOf: plusDays(D, 2) }), 'tcm-14').status).toBe('open');
    const observation = inpatientStay(plusDays(D, -1), D, { classCode: 'OBSENC', disposition: 'home' });
    expect(gap(runFamily(TCM, [walter, ...observation], { asOf: plusDays(D, 2) }), 'tcm-14').status).toBe('open');
  });

  it('follows a hospital discharge to a SNF through the SNF stay: the windows start at the SNF discharge home', () => {
    const snf = inpatientStay(D, plusDays(D, 20), { id: 'stay-snf', classCode: 'NONAC', disposition: 'home' });
    const gaps = runFamily(TCM, [walter, ...hfStay('snf'), ...snf], { asOf: plusDays(D, 21) });
    expect(gap(gaps, 'tcm-7')).toMatchObject({ status: 'open', due: plusDays(D, 27) });
  });

  it('uses the later discharge after a readmission on day 14, but not on day 15 (then the first episode stands, the second is newer)', () => {
    const day14 = inpatientStay(plusDays(D, 14), plusDays(D, 16), { id: 'stay-2', disposition: 'home' });
    const chained = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 2)), ...day14], { asOf: plusDays(D, 17) });
    expect(gap(chained, 'tcm-7')).toMatchObject({ status: 'open', due: plusDays(D, 23) });
    expect(gap(chained, 'tcm-7').evidence.map((e) => e.reference)).toEqual(['Encounter/stay-hf', 'Encounter/stay-2']);
    const day15 = inpatientStay(plusDays(D, 15), plusDays(D, 16), { id: 'stay-3', disposition: 'home' });
    const separate = runFamily(TCM, [walter, ...hfStay(), visit(plusDays(D, 2)), ...day15], { asOf: plusDays(D, 17) });
    expect(gap(separate, 'tcm-7').evidence.map((e) => e.reference)).toEqual(['Encounter/stay-3']);
  });

  it('is not applicable while the patient is back in hospital', () => {
    const back = inpatientStay(plusDays(D, 5), undefined);
    expect(gap(runFamily(TCM, [walter, ...hfStay(), ...back], { asOf: plusDays(D, 6) }), 'tcm-7').status).toBe(
      'not-applicable',
    );
  });

  it('is unknown when Encounters are partial and no visit was found', () => {
    const gaps = runFamily(TCM, [walter, ...hfStay()], {
      asOf: plusDays(D, 1),
      completeness: { Encounter: { status: 'partial', reason: 'timeout' } },
    });
    expect(gap(gaps, 'tcm-7').status).toBe('unknown');
  });
});

describe('TCM anchors only on a discharge to the community', () => {
  it.each([
    ['snf', 'SNF'],
    ['other-hcf', 'another facility'],
    ['rehab', 'rehabilitation'],
    ['psy', 'psychiatric hospital'],
    ['hosp', 'hospice'],
    ['exp', 'expired'],
  ])('does not anchor on a discharge with disposition %s (%s), and says so', (code) => {
    const g = gap(runFamily(TCM, [walter, ...hfStay(code)], { asOf: plusDays(D, 2) }), 'tcm-7');
    expect(g.status).toBe('not-applicable');
    expect(g.why.length).toBeGreaterThan(20);
  });

  it('reads NUBC discharge status: 01 (home) anchors, 06 (home health) anchors, 03 (SNF) and 20 (expired) do not', () => {
    expect(gap(runFamily(TCM, [walter, ...hfStay([NUBC, '01'])], { asOf: plusDays(D, 2) }), 'tcm-7').status).toBe(
      'open',
    );
    expect(gap(runFamily(TCM, [walter, ...hfStay([NUBC, '06'])], { asOf: plusDays(D, 2) }), 'tcm-7').status).toBe(
      'open',
    );
    expect(gap(runFamily(TCM, [walter, ...hfStay([NUBC, '03'])], { asOf: plusDays(D, 2) }), 'tcm-7').status).toBe(
      'not-applicable',
    );
    expect(gap(runFamily(TCM, [walter, ...hfStay([NUBC, '20'])], { asOf: plusDays(D, 2) }), 'tcm-7').status).toBe(
      'not-applicable',
    );
  });

  it('says "unknown" (with the due date) when no disposition is recorded or it is "left against advice", closed if a visit happened anyway', () => {
    const none = inpatientStay(plusDays(D, -6), D, { principal: DX.heartFailure });
    const g = gap(runFamily(TCM, [walter, ...none], { asOf: plusDays(D, 2) }), 'tcm-7');
    expect(g).toMatchObject({ status: 'unknown', due: plusDays(D, 7) });
    expect(g.why).toContain('No discharge disposition is recorded');
    expect(gap(runFamily(TCM, [walter, ...hfStay('aadvice')], { asOf: plusDays(D, 2) }), 'tcm-14').status).toBe(
      'unknown',
    );
    expect(
      gap(runFamily(TCM, [walter, ...none, visit(plusDays(D, 2))], { asOf: plusDays(D, 2) }), 'tcm-7').status,
    ).toBe('closed');
  });

  it('has no TCM gap for a patient who has died', () => {
    const died = { ...walter, deceasedDateTime: plusDays(D, 4) };
    const gaps = runFamily(TCM, [died, ...hfStay()], { asOf: plusDays(D, 5) });
    expect(gaps.map((g) => g.status)).toEqual(['not-applicable', 'not-applicable', 'not-applicable']);
  });
});

describe('tcm-contact-2d: interactive contact within 2 business days', () => {
  /** Fri 2026-07-31, Sat 08-01 … */
  const friday = '2026-07-31';
  const fridayStay = () => inpatientStay(plusDays(friday, -4), friday, { id: 'stay-fri', disposition: 'home' });

  it('after a Friday discharge is due the Tuesday (Mon, Tue are business days 1 and 2)', () => {
    const g = gap(runFamily(TCM, [walter, ...fridayStay()], { asOf: friday }), 'tcm-contact-2d');
    expect(g).toMatchObject({ status: 'open', due: '2026-08-04' });
    expect(g.why).toContain('4 day(s) left');
  });

  it('is closed by a telephone visit on the Tuesday, missed with one on the Wednesday', () => {
    const phone = (date: string) => visit(date, { cpt: VISIT_CPT.telephone, id: `call-${date}` });
    const tue = gap(
      runFamily(TCM, [walter, ...fridayStay(), phone('2026-08-04')], { asOf: '2026-08-05' }),
      'tcm-contact-2d',
    );
    expect(tue.status).toBe('closed');
    expect(tue.evidence.at(-1)).toMatchObject({ reference: 'Encounter/call-2026-08-04', rule: 'interactive-contact' });
    const wed = gap(
      runFamily(TCM, [walter, ...fridayStay(), phone('2026-08-05')], { asOf: '2026-08-05' }),
      'tcm-contact-2d',
    );
    expect(wed.status).toBe('open');
    expect(wed.why).toMatch(/^Missed: no follow-up within 2 business days/);
  });

  it('counts a Saturday call (within the window) but not a call on the discharge day', () => {
    expect(
      gap(
        runFamily(TCM, [walter, ...fridayStay(), visit('2026-08-01', { cpt: VISIT_CPT.telephone })], {
          asOf: '2026-08-02',
        }),
        'tcm-contact-2d',
      ).status,
    ).toBe('closed');
    expect(
      gap(
        runFamily(TCM, [walter, ...fridayStay(), visit(friday, { cpt: VISIT_CPT.telephone })], { asOf: '2026-08-02' }),
        'tcm-contact-2d',
      ).status,
    ).toBe('open');
  });

  it('skips Memorial Day: a Friday 2026-05-22 discharge is due Wednesday 2026-05-27', () => {
    const stay = inpatientStay('2026-05-18', '2026-05-22', { disposition: 'home' });
    expect(gap(runFamily(TCM, [walter, ...stay], { asOf: '2026-05-22' }), 'tcm-contact-2d').due).toBe('2026-05-27');
  });

  it('skips an observed holiday: Independence Day 2026 (a Saturday) is observed Friday 07-03, so a Thursday 07-02 discharge is due Tuesday 07-07', () => {
    const stay = inpatientStay('2026-06-29', '2026-07-02', { disposition: 'home' });
    expect(gap(runFamily(TCM, [walter, ...stay], { asOf: '2026-07-02' }), 'tcm-contact-2d').due).toBe('2026-07-07');
  });

  it('counts a telephone follow-up recorded as a Procedure (SNOMED 386473003), not a remote-monitoring encounter', () => {
    const call = procedure('2026-08-03', ['386473003', 'Telephone follow-up (procedure)'], { id: 'call-proc' });
    expect(call.code?.coding?.[0]?.system).toBe(SNOMED);
    expect(gap(runFamily(TCM, [walter, ...fridayStay(), call], { asOf: '2026-08-04' }), 'tcm-contact-2d').status).toBe(
      'closed',
    );
    const rpm = visit('2026-08-03', { classCode: 'VR', cpt: VISIT_CPT.remoteMonitoring });
    expect(gap(runFamily(TCM, [walter, ...fridayStay(), rpm], { asOf: '2026-08-04' }), 'tcm-contact-2d').status).toBe(
      'open',
    );
  });

  it('is closed by an office visit too (a direct contact)', () => {
    expect(
      gap(runFamily(TCM, [walter, ...fridayStay(), visit('2026-08-03')], { asOf: '2026-08-04' }), 'tcm-contact-2d')
        .status,
    ).toBe('closed');
  });

  it('is unknown, like the visit windows, when the disposition is not recorded', () => {
    const stay = inpatientStay(plusDays(friday, -4), friday);
    expect(gap(runFamily(TCM, [walter, ...stay], { asOf: friday }), 'tcm-contact-2d')).toMatchObject({
      status: 'unknown',
      due: '2026-08-04',
    });
  });
});
