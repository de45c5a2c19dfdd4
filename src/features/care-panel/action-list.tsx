/** "Do this visit": the engine's prioritised actions (at most five), numbered. */
import type { VisitAction } from '../../engine/types.ts';
import { shortDate } from './measurement-period.ts';

/** The visit-actions section (nothing when there is nothing to do). */
export function ActionList({ actions, thisYear }: { actions: readonly VisitAction[]; thisYear: number }) {
  if (actions.length === 0) return null;
  return (
    <section className="panel-section" aria-labelledby="actions-heading" data-testid="actions">
      <h2 id="actions-heading">Do this visit</h2>
      <ol className="action-list">
        {[...actions]
          .sort((a, b) => a.rank - b.rank)
          .map((a) => (
            <li key={`${a.rank}-${a.source}`} data-testid={`action-${a.source}`}>
              {a.text}
              {a.due ? <span className="due"> — due {shortDate(a.due, thisYear)}</span> : null}
            </li>
          ))}
      </ol>
    </section>
  );
}
