import { describe, expect, it } from 'vitest';
import { MAX_ACTIONS, prioritiseActions } from '../../../src/engine/actions/prioritise-actions.ts';
import type { FlagResult, GapResult } from '../../../src/engine/types.ts';

const AS_OF = '2026-11-23';

const flag = (id: string, severity: FlagResult['severity'] = 'high'): FlagResult => ({ id, severity, statement: `${id} statement`, evidence: [] });
const gap = (id: string, due: string | undefined, extra: Partial<GapResult> = {}): GapResult => ({
  id, title: `${id} title`, status: 'open', why: `${id} why`, evidence: [], ...(due ? { due } : {}), ...extra,
});

describe('prioritised visit actions', () => {
  it('builds the issue example in order: safety, discharge follow-up, PHQ-9, SDOH screening, BP', () => {
    const actions = prioritiseActions(
      [flag('ed-frequent', 'moderate'), flag('suicide-risk')],
      [
        gap('cms165', '2026-12-31', { closes: 'BP 155/99 on 2026-09-06 — not below 140/90: adjust treatment and recheck' }),
        gap('sdoh-screening', '2026-12-31'),
        gap('cms2', '2026-12-31', { closes: 'Screen for depression with an age-appropriate standardized tool and code the result' }),
        gap('fuh-7', '2026-11-25'),
        gap('fuh-30', '2026-12-18'),
      ],
      { asOf: AS_OF },
    );
    expect(actions).toEqual([
      { rank: 1, source: 'suicide-risk', text: 'Same-day safety assessment (C-SSRS) and safety plan' },
      { rank: 2, source: 'fuh-7', text: 'Follow-up after psychiatric discharge due in 2 days', due: '2026-11-25' },
      { rank: 3, source: 'cms2', text: 'PHQ-9 due (depression screening)', due: '2026-12-31' },
      { rank: 4, source: 'sdoh-screening', text: 'SDOH screening not done this year', due: '2026-12-31' },
      { rank: 5, source: 'cms165', text: 'BP not controlled — recheck and adjust treatment', due: '2026-12-31' },
    ]);
  });

  it('never suggests more than 5 actions', () => {
    const gaps = ['cms2', 'cms122', 'cms125', 'cms130', 'cms165', 'sdoh-screening', 'phq9-monitoring'].map((id) => gap(id, '2026-12-31'));
    expect(prioritiseActions([flag('suicide-risk')], gaps, { asOf: AS_OF })).toHaveLength(MAX_ACTIONS);
  });

  it('puts suicide risk first even when a follow-up is due today', () => {
    const actions = prioritiseActions([flag('suicide-risk')], [gap('fum-7', AS_OF)], { asOf: AS_OF });
    expect(actions.map((a) => a.source)).toEqual(['suicide-risk', 'fum-7']);
    expect(actions[1]?.text).toBe('Follow-up after ED visit for mental health due today');
  });

  it('treats a gap due in 7 days as time-critical but not one due in 8 days', () => {
    const in7 = prioritiseActions([], [gap('cms2', '2026-12-31'), gap('tcm-14', '2026-11-30')], { asOf: AS_OF });
    expect(in7.map((a) => a.source)).toEqual(['tcm-14', 'cms2']);
    expect(in7[0]?.text).toBe('Transitional care visit after discharge due in 7 days');
    const in8 = prioritiseActions([], [gap('cms2', '2026-12-01'), gap('tcm-14', '2026-12-01')], { asOf: AS_OF });
    expect(in8.map((a) => a.text)).toEqual(['PHQ-9 due (depression screening)', 'Transitional care visit after discharge']);
  });

  it('treats a measure period closing in 5 days as time-critical, but not a monitoring gap due today', () => {
    const actions = prioritiseActions([], [gap('phq9-monitoring', AS_OF), gap('cms130', '2026-11-28'), gap('cms2', '2026-12-31')], { asOf: AS_OF });
    expect(actions.map((a) => a.text)).toEqual(['Colorectal cancer screening due — 5 days left', 'PHQ-9 due (depression monitoring)', 'PHQ-9 due (depression screening)']);
  });

  it('says "document a follow-up plan" when CMS2 is open for a missing follow-up', () => {
    const actions = prioritiseActions([], [gap('cms2', '2026-12-31', { closes: 'Document a follow-up plan for the positive screen of 2026-11-03' })], { asOf: AS_OF });
    expect(actions[0]?.text).toBe('Document a follow-up plan for the positive depression screen');
  });

  it('gives one action for the 7- and 30-day windows of one discharge, the nearest still running', () => {
    const both = prioritiseActions([], [gap('fuh-30', '2026-12-18'), gap('fuh-7', '2026-11-25')], { asOf: AS_OF });
    expect(both.map((a) => a.source)).toEqual(['fuh-7']);
    const sevenPassed = prioritiseActions([], [gap('fuh-7', '2026-11-20'), gap('fuh-30', '2026-12-13')], { asOf: AS_OF });
    expect(sevenPassed).toEqual([{ rank: 1, source: 'fuh-30', text: 'Follow-up after psychiatric discharge', due: '2026-12-13' }]);
  });

  it('breaks ties on the same due date by id for families outside the priority list', () => {
    const actions = prioritiseActions([], [gap('zeta-gap', '2026-12-31'), gap('alpha-gap', '2026-12-31')], { asOf: AS_OF });
    expect(actions.map((a) => a.source)).toEqual(['alpha-gap', 'zeta-gap']);
  });

  it('orders measure gaps by due date before the priority list', () => {
    const actions = prioritiseActions([], [gap('cms2', '2026-12-31'), gap('cms125', '2026-12-10')], { asOf: AS_OF });
    expect(actions.map((a) => a.source)).toEqual(['cms125', 'cms2']);
  });

  it('ignores closed, not-applicable and unknown gaps', () => {
    const actions = prioritiseActions([], [
      gap('cms2', '2026-12-31', { status: 'closed' }), gap('cms165', '2026-12-31', { status: 'unknown' }), gap('cms122', undefined, { status: 'not-applicable' }),
    ], { asOf: AS_OF });
    expect(actions).toEqual([]);
  });

  it('adds flags without a covering gap after the gaps, high before moderate, never info flags', () => {
    const actions = prioritiseActions(
      [flag('polypharmacy', 'moderate'), flag('ed-frequent', 'high'), flag('multiple-chronic-conditions', 'info')],
      [gap('cms2', '2026-12-31')],
      { asOf: AS_OF },
    );
    expect(actions.map((a) => a.text)).toEqual(['PHQ-9 due (depression screening)', 'Care plan and outreach for frequent ED use', 'Medication review and deprescribing']);
  });

  it('drops a flag whose concern an open gap already covers (food need with an open SDOH follow-up gap)', () => {
    const actions = prioritiseActions(
      [flag('sdoh-need:food', 'moderate'), flag('sdoh-need:housing', 'moderate')],
      [gap('sdoh-positive-follow-up:food', '2026-12-03', { closes: 'Refer for food insecurity' })],
      { asOf: AS_OF },
    );
    expect(actions.map((a) => a.source)).toEqual(['sdoh-positive-follow-up:food', 'sdoh-need:housing']);
    expect(actions[0]?.text).toBe('Refer for food insecurity (community resources)');
  });

  it('drops the recent-ED-visit action when the visit led to an admission with an open discharge follow-up', () => {
    const actions = prioritiseActions([flag('ed-recent', 'moderate'), flag('psych-admission-recent')], [gap('fuh-7', '2026-11-27')], { asOf: AS_OF });
    expect(actions.map((a) => a.source)).toEqual(['fuh-7']);
  });

  it('lists a passed window last, saying it passed', () => {
    const actions = prioritiseActions([flag('ed-frequent')], [gap('tcm-7', '2026-11-20')], { asOf: AS_OF });
    expect(actions.map((a) => a.text)).toEqual(['Care plan and outreach for frequent ED use', 'Transitional care visit after discharge (window passed 2026-11-20)']);
  });

  it('without asOf, still puts follow-up windows before other measure gaps', () => {
    const actions = prioritiseActions([], [gap('cms2', '2026-12-31'), gap('fua-7', '2026-11-25')]);
    expect(actions.map((a) => a.text)).toEqual(['Follow-up after ED visit for substance use due 2026-11-25', 'PHQ-9 due (depression screening)']);
  });

  it('treats an impossible due date (30 Feb) as no due date instead of throwing', () => {
    expect(prioritiseActions([], [gap('cms2', '2026-02-30')], { asOf: AS_OF })).toEqual([
      { rank: 1, source: 'cms2', text: 'PHQ-9 due (depression screening)', due: '2026-02-30' },
    ]);
  });

  it('returns nothing for a patient with no flags and no open gaps', () => {
    expect(prioritiseActions([], [], { asOf: AS_OF })).toEqual([]);
  });
});
