/**
 * The ordering and de-duplication rules of the visit action list (src/engine/actions/, issue 12 §4
 * "safety first … each need appears once", issue 13 §2 "one action per need … missed windows
 * apart … each action links to its gap or form"), on hand-made flags and gaps.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ACTIONS, missedWindows, prioritiseActions } from '../../../src/engine/actions/prioritise-actions.ts';
import type { VisitFacts } from '../../../src/engine/actions/visit-facts.ts';
import { measureResult } from '../gaps/gap-fixtures.ts';
import type { FlagResult, GapResult, MeasureResult } from '../../../src/engine/types.ts';

const AS_OF = '2026-11-23';

const flag = (id: string, severity: FlagResult['severity'] = 'high'): FlagResult => ({
  id,
  severity,
  statement: `${id} statement`,
  evidence: [],
});
const gap = (id: string, due: string | undefined, extra: Partial<GapResult> = {}): GapResult => ({
  id,
  title: `${id} title`,
  status: 'open',
  why: `${id} why`,
  evidence: [],
  ...(due ? { due } : {}),
  ...extra,
});
const SCREEN = { closes: 'Screen for depression with an age-appropriate standardized tool and code the result' };
const FOLLOW_UP = {
  closes:
    'Document a follow-up plan for the positive screen of 2026-11-18: a referral, a follow-up procedure during the visit, or a depression medication order',
};
/** The CMS2 result behind an open gap: the step it names decides the action, not the gap's text. */
const cms2Result = (closingStep: string): MeasureResult => measureResult('cms2', 'not-met', { closingStep });
const FOLLOW_UP_MEASURES = [cms2Result('follow-up')];
const noFacts: VisitFacts = { depressionScoreIsRecent: false, depressionPlanSinceScore: false };
const phq9 = (score: number, date: string, extra: Partial<VisitFacts> = {}): VisitFacts => ({
  latestDepressionScore: {
    label: 'PHQ-9',
    score,
    positive: score >= 10,
    severe: score >= 20,
    date,
    day: 0,
    reference: 'Observation/phq9',
  },
  depressionScoreIsRecent: true,
  depressionPlanSinceScore: false,
  ...extra,
});
const texts = (actions: readonly { text: string }[]) => actions.map((a) => a.text);

describe('visit actions: safety first (issue 12 §4)', () => {
  it('puts the suicide-risk safety plan first, then the discharge follow-up, then measure gaps', () => {
    const actions = prioritiseActions(
      [flag('ed-frequent', 'moderate'), flag('suicide-risk')],
      [
        gap('cms165', '2026-12-31'),
        gap('cms2', '2026-12-31', SCREEN),
        gap('fuh-7', '2026-11-25'),
        gap('fuh-30', '2026-12-18'),
      ],
      { asOf: AS_OF, facts: noFacts },
    );
    expect(actions.slice(0, 3)).toEqual([
      {
        rank: 1,
        source: 'suicide-risk',
        text: 'Same-day safety assessment (C-SSRS) and safety plan',
        kind: 'safety',
        flags: ['suicide-risk'],
      },
      {
        rank: 2,
        source: 'fuh-7',
        text: 'Follow-up after psychiatric discharge due in 2 days',
        due: '2026-11-25',
        kind: 'window',
        gaps: ['fuh-7', 'fuh-30'],
      },
      {
        rank: 3,
        source: 'cms2',
        text: 'PHQ-9 due (depression screening)',
        due: '2026-12-31',
        kind: 'gap',
        gaps: ['cms2'],
        form: 'phq',
      },
    ]);
  });

  it('asks about suicidal thoughts (not a same-day safety plan) when the only evidence is history', () => {
    expect(prioritiseActions([flag('suicide-risk', 'moderate')], [], { asOf: AS_OF })[0]).toMatchObject({
      source: 'suicide-risk',
      kind: 'safety',
      text: 'Ask about suicidal thoughts today (C-SSRS): history of suicidal behaviour',
    });
  });

  it('never pushes the high-severity needs out of the five, however many gaps are open', () => {
    const gaps = ['cms122', 'cms125', 'cms130', 'cms165', 'phq9-monitoring'].map((id) => gap(id, '2026-11-24'));
    const actions = prioritiseActions(
      [flag('suicide-risk'), flag('psych-admission-recent'), flag('depression-severity'), flag('sdoh-need:safety')],
      [...gaps, gap('sdoh-positive-follow-up:safety', '2026-12-10'), gap('cms2', '2026-12-31', FOLLOW_UP)],
      { asOf: AS_OF, facts: phq9(22, '2026-11-18'), measures: FOLLOW_UP_MEASURES },
    );
    expect(actions).toHaveLength(MAX_ACTIONS);
    expect(actions.slice(0, 4).map((a) => a.kind)).toEqual(['safety', 'safety', 'safety', 'safety']);
    expect(actions.slice(0, 4).map((a) => a.source)).toEqual([
      'suicide-risk',
      'cms2',
      'sdoh-positive-follow-up:safety',
      'psych-admission-recent',
    ]);
  });

  it('treats a psychiatric discharge within 30 days (high) as a safety need with its safety plan and FUH windows', () => {
    const [a] = prioritiseActions(
      [flag('psych-admission-recent'), flag('readmission')],
      [gap('fuh-7', '2026-11-27'), gap('tcm-14', '2026-12-03')],
      { asOf: AS_OF },
    );
    expect(a).toMatchObject({
      kind: 'safety',
      text: 'Post-discharge review: safety plan, medicines and follow-up due in 4 days',
      gaps: ['fuh-7', 'tcm-14'],
      flags: ['psych-admission-recent', 'readmission'],
    });
  });

  it('keeps a discharge 31–90 days ago (moderate) out of the safety tier', () => {
    const actions = prioritiseActions([flag('psych-admission-recent', 'moderate')], [gap('cms165', '2026-12-31')], {
      asOf: AS_OF,
    });
    expect(actions.map((a) => [a.source, a.kind])).toEqual([
      ['cms165', 'gap'],
      ['psych-admission-recent', 'flag'],
    ]);
  });

  it('treats severe depression (PHQ-9 ≥ 20) without a plan as a safety need that opens the follow-up form', () => {
    const [a] = prioritiseActions(
      [flag('depression-severity')],
      [gap('cms165', '2026-11-25'), gap('cms2', '2026-12-31', FOLLOW_UP)],
      { asOf: AS_OF, facts: phq9(22, '2026-11-18'), measures: FOLLOW_UP_MEASURES },
    );
    expect(a).toMatchObject({
      source: 'cms2',
      kind: 'safety',
      form: 'follow-up',
      gaps: ['cms2'],
      flags: ['depression-severity'],
      text: 'Severe depression without a documented plan: treat or refer and document the follow-up plan today (PHQ-9 22 on 18 Nov 2026)',
    });
  });

  it('keeps interpersonal violence in the safety tier until its referral is documented', () => {
    const open = prioritiseActions([flag('sdoh-need:safety')], [gap('cms130', '2026-11-25')], { asOf: AS_OF });
    expect(open[0]).toMatchObject({
      source: 'sdoh-need:safety',
      kind: 'safety',
      text: 'Private safety check and IPV resources',
    });
    const referred = prioritiseActions(
      [flag('sdoh-need:safety')],
      [gap('cms130', '2026-11-25'), gap('sdoh-positive-follow-up:safety', undefined, { status: 'closed' })],
      { asOf: AS_OF },
    );
    expect(referred.map((a) => [a.source, a.kind])).toEqual([
      ['cms130', 'window'],
      ['sdoh-need:safety', 'flag'],
    ]);
  });
});

describe('visit actions: one action per need (issue 13 §2)', () => {
  it('never says "PHQ-9 due" five days after a PHQ-9 of 22: it codes that score instead', () => {
    const actions = prioritiseActions([], [gap('cms2', '2026-12-31', SCREEN), gap('phq9-monitoring', AS_OF)], {
      asOf: AS_OF,
      facts: phq9(22, '2026-11-18', { depressionPlanSinceScore: true }),
    });
    expect(texts(actions)).toEqual(['Code the PHQ-9 22 on 18 Nov 2026 (positive) as the depression screening result']);
    expect(actions[0]?.gaps).toEqual(['cms2']);
  });

  it('gives one "PHQ-9 due" for annual screening and 4-monthly monitoring together', () => {
    const actions = prioritiseActions([], [gap('cms2', '2026-12-31', SCREEN), gap('phq9-monitoring', AS_OF)], {
      asOf: AS_OF,
      facts: noFacts,
    });
    expect(actions).toEqual([
      {
        rank: 1,
        source: 'phq9-monitoring',
        text: 'PHQ-9 due (annual screening and depression monitoring)',
        due: AS_OF,
        kind: 'gap',
        gaps: ['cms2', 'phq9-monitoring'],
        form: 'phq',
      },
    ]);
  });

  it('still asks for a PHQ-9 for monitoring when the recent score was a PHQ-2', () => {
    const facts: VisitFacts = {
      ...phq9(1, '2026-11-18'),
      latestDepressionScore: { ...phq9(1, '2026-11-18').latestDepressionScore!, label: 'PHQ-2' },
    };
    expect(texts(prioritiseActions([], [gap('phq9-monitoring', AS_OF)], { asOf: AS_OF, facts }))).toEqual([
      'PHQ-9 due (depression monitoring)',
    ]);
  });

  it('merges the coding gap and CMS2 into one coding action (no second "PHQ-9 due")', () => {
    const actions = prioritiseActions(
      [],
      [gap('cms2', '2026-12-31', SCREEN), gap('depression-screening-coding', '2026-12-31')],
      { asOf: AS_OF, facts: phq9(8, '2026-03-02', { depressionScoreIsRecent: false }) },
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      source: 'cms2',
      gaps: ['depression-screening-coding', 'cms2'],
      text: 'Code the PHQ-9 8 on 2 Mar 2026 (negative) as the depression screening result',
    });
  });

  it('asks for a follow-up plan after a positive screen, and not once a plan is documented since', () => {
    expect(
      prioritiseActions([], [gap('cms2', '2026-12-31', FOLLOW_UP)], {
        asOf: AS_OF,
        facts: phq9(14, '2026-11-18'),
        measures: FOLLOW_UP_MEASURES,
      })[0],
    ).toMatchObject({
      text: 'Document a follow-up plan for the positive depression screen (PHQ-9 14 on 18 Nov 2026)',
      form: 'follow-up',
      gaps: ['cms2'],
    });
    expect(
      prioritiseActions([], [gap('cms2', '2026-12-31', FOLLOW_UP)], {
        asOf: AS_OF,
        measures: FOLLOW_UP_MEASURES,
        facts: phq9(14, '2026-11-18', { depressionPlanSinceScore: true }),
      }),
    ).toEqual([]);
  });

  it('asks for a follow-up plan after a recent positive screen even when CMS2 does not apply', () => {
    expect(prioritiseActions([], [], { asOf: AS_OF, facts: phq9(12, '2026-11-18') })[0]).toMatchObject({
      source: 'depression-follow-up',
      form: 'follow-up',
    });
  });

  it('names the SDOH domains still missing instead of "SDOH screening not done this year"', () => {
    const measure = {
      id: 'sdoh-screening',
      detail: {
        domains: {
          food: { screened: true },
          housing: { screened: true },
          transportation: { screened: true },
          utilities: { screened: true },
          safety: { screened: false },
        },
      },
    } as unknown as MeasureResult;
    const [a] = prioritiseActions([], [gap('sdoh-screening', '2026-12-31')], { asOf: AS_OF, measures: [measure] });
    expect(a).toMatchObject({
      text: 'Screen for interpersonal safety (4 of 5 SDOH domains screened this year)',
      form: 'hrsn',
      gaps: ['sdoh-screening'],
    });
  });

  it('says no domain was screened only when the measure says so', () => {
    const measure = { id: 'sdoh-screening', detail: { domains: {} } } as unknown as MeasureResult;
    expect(
      prioritiseActions([], [gap('sdoh-screening', '2026-12-31')], { asOf: AS_OF, measures: [measure] })[0]?.text,
    ).toBe('Screen for social needs (AHC HRSN): no SDOH domain screened this year');
  });

  it('gives one action for FUH, TCM and the 2-day contact of one discharge', () => {
    const actions = prioritiseActions(
      [],
      [
        gap('fuh-30', '2026-12-18'),
        gap('fuh-7', '2026-11-25'),
        gap('tcm-14', '2026-12-03'),
        gap('tcm-contact-2d', '2026-11-24'),
      ],
      { asOf: AS_OF },
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      source: 'tcm-contact-2d',
      text: 'Follow-up after psychiatric discharge due tomorrow',
      due: '2026-11-24',
    });
  });

  it('drops a flag whose concern an open gap covers (food need with an open SDOH referral gap)', () => {
    const actions = prioritiseActions(
      [flag('sdoh-need:food', 'moderate'), flag('sdoh-need:housing', 'moderate')],
      [gap('sdoh-positive-follow-up:food', '2026-12-03')],
      { asOf: AS_OF },
    );
    expect(actions.map((a) => a.source)).toEqual(['sdoh-positive-follow-up:food', 'sdoh-need:housing']);
    expect(actions[0]).toMatchObject({
      text: 'Refer for food insecurity (community resources)',
      gaps: ['sdoh-positive-follow-up:food'],
      flags: ['sdoh-need:food'],
    });
  });

  it('drops the recent-ED-visit action when the visit led to an admission with an open discharge follow-up', () => {
    const actions = prioritiseActions([flag('ed-recent', 'moderate')], [gap('fuh-7', '2026-11-27')], { asOf: AS_OF });
    expect(actions.map((a) => a.source)).toEqual(['fuh-7']);
  });
});

describe('visit actions: timing', () => {
  it('treats a window due in 7 days as time-critical but not one due in 8 days', () => {
    expect(
      prioritiseActions([], [gap('cms130', '2026-12-31'), gap('tcm-14', '2026-11-30')], { asOf: AS_OF }).map(
        (a) => a.source,
      ),
    ).toEqual(['tcm-14', 'cms130']);
    expect(
      texts(prioritiseActions([], [gap('cms130', '2026-12-01'), gap('tcm-14', '2026-12-01')], { asOf: AS_OF })),
    ).toEqual(['Transitional care visit after discharge', 'Colorectal cancer screening due']);
  });

  it('treats a measure period closing in 5 days as time-critical', () => {
    expect(
      texts(prioritiseActions([], [gap('cms125', '2026-12-31'), gap('cms130', '2026-11-28')], { asOf: AS_OF })),
    ).toEqual(['Colorectal cancer screening due — 5 days left', 'Breast cancer screening (mammogram) due']);
  });

  it('adds flags without a covering need after the gaps, high before moderate, never info flags', () => {
    const actions = prioritiseActions(
      [flag('polypharmacy', 'moderate'), flag('ed-frequent', 'high'), flag('multiple-chronic-conditions', 'info')],
      [gap('cms165', '2026-12-31')],
      { asOf: AS_OF },
    );
    expect(texts(actions)).toEqual([
      'BP not controlled — recheck and adjust treatment',
      'Care plan and outreach for frequent ED use',
      'Medication review and deprescribing',
    ]);
  });

  it('without asOf, still puts follow-up windows before other measure gaps', () => {
    expect(texts(prioritiseActions([], [gap('cms165', '2026-12-31'), gap('fua-7', '2026-11-25')]))).toEqual([
      'Follow-up after ED visit for substance use due 2026-11-25',
      'BP not controlled — recheck and adjust treatment',
    ]);
  });

  it('treats an impossible due date (30 Feb) as no due date instead of throwing', () => {
    expect(prioritiseActions([], [gap('cms165', '2026-02-30')], { asOf: AS_OF })[0]).toMatchObject({
      source: 'cms165',
      due: '2026-02-30',
    });
  });

  it('ignores closed, not-applicable and unknown gaps, and returns nothing when nothing is open', () => {
    expect(
      prioritiseActions(
        [],
        [gap('cms2', '2026-12-31', { status: 'closed' }), gap('cms165', '2026-12-31', { status: 'unknown' })],
        { asOf: AS_OF },
      ),
    ).toEqual([]);
    expect(prioritiseActions([], [], { asOf: AS_OF })).toEqual([]);
  });
});

describe('missed windows, listed apart from the actions (issue 13 §2)', () => {
  it('moves a window that closed yesterday out of the actions into the missed list; one due today stays an action', () => {
    const gaps = [gap('tcm-7', '2026-11-22'), gap('fum-7', AS_OF)];
    expect(prioritiseActions([], gaps, { asOf: AS_OF }).map((a) => a.source)).toEqual(['fum-7']);
    expect(missedWindows(gaps, { asOf: AS_OF })).toEqual([
      {
        rank: 1,
        source: 'tcm-7',
        text: 'Transitional care visit after discharge (7-day window): window closed 22 Nov 2026 — can no longer be met',
        due: '2026-11-22',
        kind: 'missed',
        gaps: ['tcm-7'],
      },
    ]);
  });

  it('lists the 7-day FUH window as missed while the 30-day window is still an action', () => {
    const gaps = [gap('fuh-7', '2026-11-20'), gap('fuh-30', '2026-12-13')];
    expect(prioritiseActions([], gaps, { asOf: AS_OF })).toMatchObject([{ source: 'fuh-30', gaps: ['fuh-30'] }]);
    expect(missedWindows(gaps, { asOf: AS_OF }).map((m) => m.source)).toEqual(['fuh-7']);
  });

  it('shows one missed line per family (the window that closed last)', () => {
    expect(
      missedWindows([gap('fuh-7', '2026-10-20'), gap('fuh-30', '2026-11-13')], { asOf: AS_OF }).map((m) => m.source),
    ).toEqual(['fuh-30']);
  });

  it('keeps a CMS2 follow-up past its 2-day window as an action (a plan is still needed; a new screen can still meet CMS2)', () => {
    const gaps = [gap('cms2', '2026-11-05', FOLLOW_UP)];
    expect(missedWindows(gaps, { asOf: AS_OF })).toEqual([]);
    const [a] = prioritiseActions([], gaps, { asOf: AS_OF, facts: noFacts, measures: FOLLOW_UP_MEASURES });
    expect(a).toMatchObject({
      source: 'cms2',
      form: 'follow-up',
      text: 'Document a follow-up plan for the positive depression screen',
    });
    expect(a?.due).toBeUndefined();
  });

  it('has no missed list without asOf', () => {
    expect(missedWindows([gap('fuh-7', '2026-10-20')])).toEqual([]);
  });
});
