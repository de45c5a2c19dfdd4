/**
 * "Do this visit": the engine's prioritised actions (at most five, one per need, safety first),
 * numbered, each linked to what it closes — the form that records it (when the launch may write)
 * and the gap or flag it comes from — and, apart from them, the follow-up windows that can no
 * longer be met (issue 13 §2).
 */
import type { GapResult, VisitAction, VisitActionForm } from '../../engine/index.ts';
import { ACTION_LABELS } from './gap-list.tsx';
import { shortDate } from './measurement-period.ts';
import './action-list.css';

/** Props of the action list. */
export interface ActionListProps {
  actions: readonly VisitAction[];
  /** Windows that can no longer be met (shown apart). */
  missed?: readonly VisitAction[];
  /** The evaluation's gaps (to name and open the gap an action closes). */
  gaps?: readonly GapResult[];
  thisYear: number;
  /** Present only when the launch may write: opens the form that records the action. */
  onOpenForm?: (form: VisitActionForm, gap?: GapResult) => void;
}

/** Scrolls the finding with this test id into view and moves focus to it (the gap or flag an action links to). */
function goTo(testId: string): void {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId.replace(/"/g, '')}"]`);
  if (!el) {
    return;
  }
  el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  if (!el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
  }
  el.focus({ preventScroll: true });
}

function Links({ action, gaps, onOpenForm }: { action: VisitAction } & Pick<ActionListProps, 'gaps' | 'onOpenForm'>) {
  const gap = action.gaps?.map((id) => gaps?.find((g) => g.id === id)).find((g): g is GapResult => !!g);
  const flag = !gap ? action.flags?.[0] : undefined;
  if (!gap && !flag && !(action.form && onOpenForm)) {
    return null;
  }
  return (
    <span className="action-links">
      {action.form && onOpenForm ? (
        <button
          type="button"
          data-testid={`action-form-${action.source}`}
          onClick={() => onOpenForm(action.form!, gap)}
        >
          {ACTION_LABELS[action.form]}
        </button>
      ) : null}
      {gap ? (
        <button
          type="button"
          className="link-button"
          data-testid={`action-gap-${action.source}`}
          onClick={() => goTo(`gap-${gap.id}`)}
        >
          See gap: {gap.title}
        </button>
      ) : null}
      {flag ? (
        <button
          type="button"
          className="link-button"
          data-testid={`action-flag-${action.source}`}
          onClick={() => goTo(`flag-${flag}`)}
        >
          See flag
        </button>
      ) : null}
    </span>
  );
}

/** The visit-actions section (nothing when there is nothing to do and nothing missed). */
export function ActionList({ actions, missed = [], gaps, thisYear, onOpenForm }: ActionListProps) {
  if (actions.length === 0 && missed.length === 0) {
    return null;
  }
  return (
    <section className="panel-section" aria-labelledby="actions-heading" data-testid="actions">
      <h2 id="actions-heading">Do this visit</h2>
      {actions.length ? (
        <ol className="action-list">
          {[...actions]
            .sort((a, b) => a.rank - b.rank)
            .map((a) => (
              <li
                key={`${a.rank}-${a.source}`}
                data-testid={`action-${a.source}`}
                data-kind={a.kind}
                className={a.kind === 'safety' ? 'action-safety' : undefined}
              >
                {a.kind === 'safety' ? <span className="badge badge-high">Safety</span> : null} {a.text}
                {a.due ? <span className="due"> — due {shortDate(a.due, thisYear)}</span> : null}
                <Links action={a} {...(gaps ? { gaps } : {})} {...(onOpenForm ? { onOpenForm } : {})} />
              </li>
            ))}
        </ol>
      ) : (
        <p className="muted">Nothing to do in this visit.</p>
      )}
      {missed.length ? (
        <>
          <h3 id="missed-heading">Can no longer be met</h3>
          <ul className="missed-list" aria-labelledby="missed-heading" data-testid="missed-windows">
            {missed.map((m) => (
              <li key={m.source} data-testid={`missed-${m.source}`}>
                {m.text}
                <Links action={m} {...(gaps ? { gaps } : {})} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
