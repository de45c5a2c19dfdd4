// @vitest-environment jsdom
/**
 * The care panel's "Do this visit" list (issue 13 §2): safety actions marked in words, each action
 * linked to the form that records it and the gap or flag it comes from, missed windows apart; the
 * deceased banner (issue 12 §4).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionList } from '../../../src/features/care-panel/action-list.tsx';
import { PanelView } from '../../../src/features/care-panel/panel-view.tsx';
import type { GapResult, VisitAction } from '../../../src/engine/index.ts';
import { riveraEvaluation, riveraRecord } from '../panel-fixtures.ts';

afterEach(cleanup);

const cms2: GapResult = {
  id: 'cms2',
  title: 'CMS2 Depression screening and follow-up',
  status: 'open',
  why: 'positive screen',
  evidence: [],
  due: '2026-11-25',
};
const actions: VisitAction[] = [
  {
    rank: 2,
    source: 'cms2',
    text: 'Document a follow-up plan for the positive depression screen',
    due: '2026-11-25',
    kind: 'gap',
    gaps: ['cms2'],
    form: 'follow-up',
  },
  {
    rank: 1,
    source: 'suicide-risk',
    text: 'Same-day safety assessment (C-SSRS) and safety plan',
    kind: 'safety',
    flags: ['suicide-risk'],
  },
];
const missed: VisitAction[] = [
  {
    rank: 1,
    source: 'tcm-7',
    text: 'Transitional care visit after discharge (7-day window): window closed 20 Nov 2026 — can no longer be met',
    due: '2026-11-20',
    kind: 'missed',
    gaps: ['tcm-7'],
  },
];

describe('"Do this visit"', () => {
  it('numbers the actions by rank and marks the safety action with the word "Safety"', () => {
    render(<ActionList actions={actions} gaps={[cms2]} thisYear={2026} />);
    const items = within(screen.getByTestId('actions')).getAllByRole('listitem');
    expect(items.map((li) => li.dataset.testid)).toEqual(['action-suicide-risk', 'action-cms2']);
    expect(items[0]!.textContent).toMatch(/^Safety Same-day safety assessment/);
    expect(items[0]!.dataset.kind).toBe('safety');
  });

  it('opens the follow-up form for the CMS2 gap the action closes', () => {
    const onOpenForm = vi.fn();
    render(<ActionList actions={actions} gaps={[cms2]} thisYear={2026} onOpenForm={onOpenForm} />);
    fireEvent.click(screen.getByTestId('action-form-cms2'));
    expect(onOpenForm).toHaveBeenCalledWith('follow-up', cms2);
  });

  it('offers no form button when the launch may not write, but still links to the gap', () => {
    render(<ActionList actions={actions} gaps={[cms2]} thisYear={2026} />);
    expect(screen.queryByTestId('action-form-cms2')).toBeNull();
    expect(screen.getByTestId('action-gap-cms2').textContent).toBe('See gap: CMS2 Depression screening and follow-up');
  });

  it('moves focus to the gap an action links to, and to the flag of a flag action', () => {
    render(
      <>
        <ActionList actions={actions} gaps={[cms2]} thisYear={2026} />
        <ul>
          <li data-testid="gap-cms2">CMS2 gap</li>
          <li data-testid="flag-suicide-risk">Suicide risk</li>
        </ul>
      </>,
    );
    fireEvent.click(screen.getByTestId('action-gap-cms2'));
    expect(document.activeElement).toBe(screen.getByTestId('gap-cms2'));
    fireEvent.click(screen.getByTestId('action-flag-suicide-risk'));
    expect(document.activeElement).toBe(screen.getByTestId('flag-suicide-risk'));
  });

  it('lists missed windows apart, under "Can no longer be met", not among the numbered actions', () => {
    render(<ActionList actions={actions} missed={missed} gaps={[cms2]} thisYear={2026} />);
    expect(within(screen.getByTestId('actions')).getByRole('heading', { name: 'Can no longer be met' })).toBeTruthy();
    expect(screen.getByTestId('missed-tcm-7').closest('ol')).toBeNull();
    expect(screen.getByTestId('missed-windows').textContent).toContain('can no longer be met');
  });

  it('still shows the missed windows when nothing is left to do', () => {
    render(<ActionList actions={[]} missed={missed} thisYear={2026} />);
    expect(screen.getByText('Nothing to do in this visit.')).toBeTruthy();
    expect(screen.getByTestId('missed-tcm-7')).toBeTruthy();
  });
});

describe('the care panel of a deceased patient', () => {
  it('says the patient has died, above the flags, and shows no actions', () => {
    const evaluation = {
      ...riveraEvaluation(),
      actions: [],
      missed: [],
      deceased: {
        date: '2026-11-01',
        statement: 'The patient died on 1 Nov 2026.',
        evidence: { reference: 'Patient/rivera', rule: 'deceased' },
      },
    };
    render(
      <PanelView
        evaluation={evaluation}
        resources={riveraRecord.resources}
        canWrite
        thisYear={2026}
        onOpenForm={vi.fn()}
      />,
    );
    const banner = screen.getByTestId('deceased-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toBe(
      'The patient died on 1 Nov 2026. No point-of-care actions or open care gaps are shown.',
    );
    expect(banner.compareDocumentPosition(screen.getByTestId('flags')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByTestId('actions')).toBeNull();
  });

  it('shows no banner for a living patient', () => {
    render(
      <PanelView
        evaluation={riveraEvaluation()}
        resources={riveraRecord.resources}
        canWrite
        thisYear={2026}
        onOpenForm={vi.fn()}
      />,
    );
    expect(screen.queryByTestId('deceased-banner')).toBeNull();
  });
});
