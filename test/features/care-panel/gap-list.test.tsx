// @vitest-environment jsdom
/**
 * The care-gap list as a clinician reads it mid-visit (issue 13 §2 "missed windows ('can no longer
 * be met') shown apart from actionable ones"): an open gap with its due date, what closes it and the
 * form that records it; a follow-up window that has passed unmet shown apart as "Missed — window
 * ended …", never as "Open", never offering a close action, never counted among the open gaps, its
 * evidence kept; a met gap collapsed among the closed ones with its evidence. Gaps are shaped as the
 * engine writes them (gaps/follow-up-window.ts, measure gaps), dated around asOf 3 Dec 2026.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GapResult, MeasureResult } from '../../../src/engine/index.ts';
import { GapList } from '../../../src/features/care-panel/gap-list.tsx';
import { measureResult } from '../../engine/gaps/gap-fixtures.ts';

afterEach(cleanup);

const AS_OF = '2026-12-03';
const discharge = [{ reference: 'Encounter/ip-1', rule: 'index-event', date: '2026-11-15' }];

/** CMS2 after a positive screen: open, closable in the panel. */
const cms2: GapResult = {
  id: 'cms2',
  title: 'Screening for Depression and Follow-Up Plan (CMS2)',
  status: 'open',
  due: '2026-12-05',
  closes:
    'Document a follow-up plan for the positive screen of 2026-11-21: a referral, a follow-up procedure during the visit, or a depression medication order',
  why: 'Screening for Depression and Follow-Up Plan: not met',
  evidence: [{ reference: 'Observation/phq9-1', rule: 'most-recent-screening', date: '2026-11-21' }],
  measureId: 'cms2',
};
/** TCM interactive contact: the 2-business-day window ended 17 Nov, nothing found. */
const tcmContact: GapResult = {
  id: 'tcm-contact-2d',
  title: 'Contact within 2 business days of discharge (TCM)',
  status: 'open',
  due: '2026-11-17',
  closes: 'See the patient as soon as possible (the 2 business days window closed on 2026-11-17)',
  why: 'Missed: no follow-up within 2 business days of the discharge from hospital or facility care of 2026-11-15; the window closed on 2026-11-17 and can no longer be met.',
  evidence: discharge,
};
/** FUH 7-day: the window ended 22 Nov; FUH 30-day still running. */
const fuh7: GapResult = {
  id: 'fuh-7',
  title: 'Follow-up within 7 days after mental-health hospitalization (FUH)',
  status: 'open',
  due: '2026-11-22',
  closes: 'See the patient as soon as possible (the 7 days window closed on 2026-11-22)',
  why: 'Missed: no follow-up within 7 days of the discharge from a mental-health inpatient stay of 2026-11-15; the window closed on 2026-11-22 and can no longer be met.',
  evidence: discharge,
};
const fuh30: GapResult = {
  id: 'fuh-30',
  title: 'Follow-up within 30 days after mental-health hospitalization (FUH)',
  status: 'open',
  due: '2026-12-15',
  closes: 'A visit with a mental-health practitioner, or any visit whose principal diagnosis is mental health',
  why: 'Discharge from a mental-health inpatient stay on 2026-11-15 (a visit on that day does not count); no follow-up yet — 12 day(s) left.',
  evidence: discharge,
};
/** Colorectal cancer screening met this year. */
const cms130: GapResult = {
  id: 'cms130',
  title: 'Colorectal Cancer Screening',
  status: 'closed',
  why: 'FIT on 2026-03-02',
  evidence: [{ reference: 'Observation/fit-1', rule: 'numerator', date: '2026-03-02' }],
  measureId: 'cms130',
};

const resources = {
  Encounter: [{ resourceType: 'Encounter', id: 'ip-1', status: 'finished', period: { end: '2026-11-15' } }],
  Observation: [
    { resourceType: 'Observation', id: 'phq9-1', status: 'final', effectiveDateTime: '2026-11-21' },
    { resourceType: 'Observation', id: 'fit-1', status: 'final', effectiveDateTime: '2026-03-02' },
  ],
};

/** CMS2's result naming the step its gap asks for (the panel's forms follow it, not the gap's text). */
const cms2Result = (closingStep: string): MeasureResult => measureResult('cms2', 'not-met', { closingStep });

function renderGaps(gaps: GapResult[], onAction = vi.fn(), measures: MeasureResult[] = [cms2Result('follow-up')]) {
  render(
    <GapList gaps={gaps} measures={measures} resources={resources} thisYear={2026} asOf={AS_OF} onAction={onAction} />,
  );
  return onAction;
}
const items = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('listitem')
    .map((li) => li.dataset.testid);

describe('the care-gap list', () => {
  it('an open gap: "Open", due date, what closes it, the form that records it, its evidence', () => {
    const onAction = renderGaps([cms2]);
    const gap = screen.getByTestId('gap-cms2');
    expect(gap.closest('[data-testid="open-gaps"]')).not.toBeNull();
    expect(gap.textContent).toContain('! Open');
    expect(gap.textContent).toContain('— due 5 Dec 2026');
    expect(gap.textContent).toContain('Document a follow-up plan for the positive screen of 21 Nov 2026');
    fireEvent.click(within(gap).getByTestId('gap-action-follow-up'));
    expect(onAction).toHaveBeenCalledWith('follow-up', cms2);
    expect(within(gap).getByText(/Evidence \(1\)/)).toBeTruthy();
    expect(screen.queryByTestId('missed-gaps')).toBeNull();
  });

  it('a CMS2 gap that asks for a screen offers the PHQ only (a plan counts only after a positive screen)', () => {
    const screen_: GapResult = {
      ...cms2,
      closes: 'Screen for depression with an age-appropriate standardized tool and code the result',
    };
    renderGaps([screen_], vi.fn(), [cms2Result('screen')]);
    const gap = screen.getByTestId('gap-cms2');
    expect(within(gap).getByTestId('gap-action-phq')).toBeTruthy();
    expect(within(gap).queryByTestId('gap-action-follow-up')).toBeNull();
    cleanup();
    renderGaps([cms2]);
    expect(
      within(screen.getByTestId('gap-cms2'))
        .getAllByRole('button', { name: /PHQ|plan/ })
        .map((b) => b.dataset.testid),
    ).toEqual(['gap-action-follow-up', 'gap-action-phq']);
  });

  it('a missed window: apart, "Missed — window ended 17 Nov 2026", no "Open", no due date, no closing text, no action; evidence kept', () => {
    renderGaps([cms2, tcmContact]);
    expect(items('open-gaps')).toEqual(['gap-cms2']);
    expect(items('missed-gaps')).toEqual(['gap-tcm-contact-2d']);
    const missed = screen.getByTestId('gap-tcm-contact-2d');
    expect(missed.dataset.missed).toBe('true');
    expect(missed.dataset.status).toBe('open'); // the engine's status, unchanged
    const text = missed.textContent ?? '';
    expect(text).toContain('Missed — window ended 17 Nov 2026');
    expect(text).toContain(
      'No follow-up within 2 business days of the discharge from hospital or facility care of 15 Nov 2026',
    );
    expect(text).not.toMatch(/\bOpen\b/);
    expect(text).not.toContain('— due');
    expect(text).not.toContain('See the patient as soon as possible');
    expect(within(missed).queryAllByRole('button', { name: /PHQ|follow-up plan|SDOH/ })).toEqual([]);
    expect(within(missed).getByText(/Evidence \(1\)/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Missed follow-up windows — can no longer be met/ })).toBeTruthy();
  });

  it('a window ending today is still open ("due 3 Dec"); the day after it ends it is missed', () => {
    renderGaps([{ ...fuh7, due: AS_OF, why: fuh30.why, closes: fuh30.closes }]);
    expect(items('open-gaps')).toEqual(['gap-fuh-7']);
    expect(screen.getByTestId('gap-fuh-7').textContent).toContain('— due 3 Dec 2026');
    cleanup();
    renderGaps([{ ...fuh7, due: '2026-12-02' }]);
    expect(screen.queryByTestId('open-gaps')).toBeNull();
    expect(screen.getByTestId('gap-fuh-7').textContent).toContain('Missed — window ended 2 Dec 2026');
  });

  it('the 7-day FUH window missed and the 30-day one still running are told apart', () => {
    renderGaps([fuh7, fuh30]);
    expect(items('open-gaps')).toEqual(['gap-fuh-30']);
    expect(items('missed-gaps')).toEqual(['gap-fuh-7']);
    expect(screen.getByTestId('gap-fuh-30').textContent).toContain('— due 15 Dec 2026');
  });

  it('only missed windows left: "No open care gaps", the missed ones still listed', () => {
    renderGaps([tcmContact, fuh7]);
    expect(screen.getByText('No open care gaps.')).toBeTruthy();
    expect(items('missed-gaps')).toEqual(['gap-tcm-contact-2d', 'gap-fuh-7']);
  });

  it('a met gap: collapsed among the closed gaps, "Closed", with its evidence, no action', () => {
    renderGaps([cms2, cms130]);
    const closed = screen.getByTestId('closed-gaps');
    expect(closed.tagName).toBe('DETAILS');
    expect(within(closed).getByText('Closed gaps (1)')).toBeTruthy();
    const gap = screen.getByTestId('gap-cms130');
    expect(gap.textContent).toContain('✓ Closed');
    expect(gap.textContent).not.toContain('Missed');
    expect(within(gap).queryAllByRole('button', { name: /PHQ|follow-up plan|SDOH/ })).toEqual([]);
    expect(within(gap).getByText(/Evidence \(1\)/)).toBeTruthy();
    expect(items('open-gaps')).toEqual(['gap-cms2']);
  });

  it('without asOf nothing is called missed (the window test needs a day)', () => {
    render(<GapList gaps={[tcmContact]} resources={resources} thisYear={2026} />);
    expect(items('open-gaps')).toEqual(['gap-tcm-contact-2d']);
    expect(screen.queryByTestId('missed-gaps')).toBeNull();
  });
});
