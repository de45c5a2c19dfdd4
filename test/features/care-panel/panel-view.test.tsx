// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelView } from '../../../src/features/care-panel/panel-view.tsx';
import { XSS_DISPLAY, riveraEvaluation, riveraRecord } from '../panel-fixtures.ts';

afterEach(cleanup);

function renderPanel(props: Partial<Parameters<typeof PanelView>[0]> = {}) {
  return render(
    <PanelView
      evaluation={riveraEvaluation()}
      resources={riveraRecord.resources}
      canWrite
      thisYear={2026}
      onOpenForm={vi.fn()}
      {...props}
    />,
  );
}

describe('the care panel for Ms. Rivera', () => {
  it('lists the safety flags first (suicide risk, then the other high flag), then "Do this visit", then moderate and info flags', () => {
    renderPanel();
    const ids = (id: string) =>
      within(screen.getByTestId(id))
        .getAllByRole('listitem')
        .map((li) => li.dataset.testid);
    expect(ids('flags')).toEqual(['flag-suicide-risk', 'flag-depression-severity']);
    expect(ids('flags-other')).toEqual(['flag-ed-frequent', 'flag-sdoh-need:food']);
    const order = [
      ...document.querySelectorAll(
        '[data-testid="flags"], [data-testid="actions"], [data-testid="flags-other"], [data-testid="gaps"]',
      ),
    ].map((e) => (e as HTMLElement).dataset.testid);
    expect(order).toEqual(['flags', 'actions', 'flags-other', 'gaps']);
  });
  it('says each flag severity in words, not only by colour', () => {
    renderPanel();
    expect(within(screen.getByTestId('flag-ed-frequent')).getByText(/Moderate/)).toBeTruthy();
    expect(screen.getByTestId('flag-ed-frequent').textContent).toContain('Frequent ED use: 5 ED visits in 12 months');
  });
  it('puts the gaps closable in this visit (CMS2, SDOH) first, the soonest due first; the TCM window that ended 1 Nov is missed, apart', () => {
    renderPanel();
    const ids = (testId: string) =>
      within(screen.getByTestId(testId))
        .getAllByRole('listitem')
        .map((li) => li.dataset.testid);
    expect(ids('open-gaps')).toEqual(['gap-cms2', 'gap-sdoh-screening']);
    expect(ids('missed-gaps')).toEqual(['gap-tcm-7']);
    expect(screen.getByTestId('gap-tcm-7').textContent).toContain('Missed — window ended 1 Nov 2026');
  });
  it('collapses closed gaps below, with their closing evidence, and hides not-applicable ones', () => {
    renderPanel();
    const closed = screen.getByTestId('closed-gaps');
    expect(closed.tagName).toBe('DETAILS');
    expect(closed.hasAttribute('open')).toBe(false);
    expect(within(closed).getByText('Colorectal cancer screening')).toBeTruthy();
    expect(screen.queryByTestId('gap-phq9-monitoring')).toBeNull();
  });
  it('lists the unknown gap separately and names the unknown results in the header', () => {
    renderPanel();
    expect(within(screen.getByTestId('unknown-gaps')).getByText(/psychiatric discharge/)).toBeTruthy();
    const warn = screen.getByTestId('unknown-results');
    expect(warn.textContent).toContain('SDOH screening (5 domains) — QuestionnaireResponse is missing');
    expect(warn.textContent).toContain('2 results cannot be decided');
  });
  it('says exactly what CMS2 is missing: positive screen on 3 Nov 2026, no follow-up plan, due 5 Nov 2026', () => {
    renderPanel();
    const cms2 = screen.getByTestId('measure-cms2');
    expect(cms2.dataset.status).toBe('not-met');
    expect(cms2.textContent).toContain(
      'Positive depression screen on 3 Nov 2026, no follow-up plan documented yet — due by 5 Nov 2026',
    );
    expect(cms2.textContent).not.toMatch(/population|numerator/i);
  });
  it('presents CMS122 the right way round: a numerator hit is the bad outcome — no result this year, or poor control', () => {
    renderPanel();
    const cms122 = screen.getByTestId('measure-cms122');
    expect(cms122.textContent).toContain('No result this year');
    expect(cms122.textContent).not.toMatch(/✓ Met/);
    cleanup();
    const evaluation = riveraEvaluation();
    const m = evaluation.measures.find((x) => x.id === 'cms122')!;
    m.detail = { lastResult: { date: '2026-09-10', value: 9.6, unit: '%' } };
    renderPanel({ evaluation });
    expect(screen.getByTestId('measure-cms122').textContent).toContain('Poor control');
  });
  it('shows the SDOH domains screened and positive', () => {
    renderPanel();
    expect(screen.getByTestId('sdoh-domain-food').textContent).toContain('positive');
    expect(screen.getByTestId('sdoh-domain-housing').textContent).toContain('not screened');
  });
  it('orders the visit actions by rank', () => {
    renderPanel();
    const items = within(screen.getByTestId('actions'))
      .getAllByRole('listitem')
      .map((li) => li.dataset.testid);
    expect(items).toEqual(['action-suicide-risk', 'action-cms2']);
  });
  it('shows the measurement period', () => {
    renderPanel();
    expect(screen.getByTestId('measurement-period').textContent).toBe('Measurement period 1 Jan 2026 – 31 Dec 2026');
  });
});

describe('the evidence drawer', () => {
  it('opens with the resources behind a flag: type, date, code display and value', () => {
    renderPanel();
    const flag = screen.getByTestId('flag-suicide-risk');
    const button = within(flag).getByRole('button', { name: /Show evidence/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const items = within(within(flag).getByTestId('evidence-list')).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Observation');
    expect(items[0]?.textContent).toContain('3 Nov');
    expect(items[0]?.textContent).toContain('Thoughts better off dead');
    expect(items[0]?.textContent).toContain('Several days');
  });
  it('shows an XSS string in a display literally, as text, never as markup', () => {
    renderPanel();
    const flag = screen.getByTestId('flag-suicide-risk');
    fireEvent.click(within(flag).getByRole('button', { name: /Show evidence/ }));
    const list = within(flag).getByTestId('evidence-list');
    expect(list.textContent).toContain(XSS_DISPLAY);
    expect(list.querySelector('img')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });
  it('says when evidence points to a resource that is not in the record', () => {
    renderPanel();
    const closed = screen.getByTestId('gap-cms130');
    fireEvent.click(within(closed).getByRole('button', { name: /Show evidence/ }));
    expect(within(closed).getByTestId('evidence-list').textContent).toContain('not in the record read');
    expect(within(closed).getByTestId('evidence-list').textContent).toContain('Colonoscopy');
  });
});

describe('write access', () => {
  it('offers the screening forms from the gaps when the write scope was granted', () => {
    const onOpenForm = vi.fn();
    renderPanel({ onOpenForm });
    fireEvent.click(within(screen.getByTestId('gap-cms2')).getByRole('button', { name: 'Document follow-up plan' }));
    expect(onOpenForm).toHaveBeenCalledWith('follow-up', expect.objectContaining({ id: 'cms2' }));
    expect(
      within(screen.getByTestId('gap-sdoh-screening')).getByRole('button', { name: 'Screen SDOH (AHC HRSN)' }),
    ).toBeTruthy();
  });
  it('offers no write without write scope: it says so and offers a printable summary instead', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderPanel({ canWrite: false });
    expect(screen.queryByTestId('gap-action-phq')).toBeNull();
    expect(screen.queryByTestId('gap-action-hrsn')).toBeNull();
    expect(screen.queryByTestId('open-form-phq')).toBeNull();
    expect(screen.getByTestId('no-write').textContent).toContain('Writing to the EHR is not allowed in this launch');
    fireEvent.click(screen.getByTestId('print-summary'));
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe('while the record is still loading', () => {
  it('says which types are still loading instead of warning that data could not be read', () => {
    renderPanel({ loadingTypes: ['Observation'] });
    expect(screen.queryByTestId('unknown-results')).toBeNull();
    expect(screen.getByTestId('panel-header').textContent).toContain('still loading: Observation');
  });
});
