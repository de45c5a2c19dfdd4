/**
 * Care gaps: open ones first, those the panel can close in this visit on top, each with what closes
 * it, when it is due and a one-line why; gaps that cannot be decided; closed ones collapsed below
 * with their closing evidence.
 */
import type { GapResult } from '../../engine/types.ts';
import { gapStatusLabel } from './describe-status.ts';
import { EvidenceDrawer } from './evidence-drawer.tsx';
import { shortDate } from './measurement-period.ts';
import { closedGaps, gapActions, orderOpenGaps, unknownGaps, type GapAction } from './order-findings.ts';

/** Button text of each in-panel action. */
export const ACTION_LABELS: Readonly<Record<GapAction, string>> = {
  phq: 'Administer PHQ-2 / PHQ-9',
  'follow-up': 'Document follow-up plan',
  hrsn: 'Screen SDOH (AHC HRSN)',
};

/** Props of the gap section. */
export interface GapListProps {
  gaps: readonly GapResult[];
  resources: Partial<Record<string, readonly unknown[]>>;
  thisYear: number;
  /** Present only when the launch may write; otherwise no action buttons are offered. */
  onAction?: (action: GapAction, gap: GapResult) => void;
}

/** One gap line. */
function GapItem({ gap, resources, thisYear, onAction }: { gap: GapResult } & Omit<GapListProps, 'gaps'>) {
  const label = gapStatusLabel(gap.status);
  const actions = onAction ? gapActions(gap) : [];
  return (
    <li className={`finding gap gap-${gap.status}`} data-testid={`gap-${gap.id}`} data-status={gap.status}>
      <div className="finding-head">
        <span className={`badge tone-${label.tone}`}>
          <span aria-hidden="true">{label.icon}</span> {label.text}
        </span>{' '}
        <strong>{gap.title}</strong>
        {gap.due && gap.status === 'open' ? <span className="due"> — due {shortDate(gap.due, thisYear)}</span> : null}
      </div>
      {gap.status === 'open' && gap.closes ? <div className="closes">Closes: {gap.closes}</div> : null}
      <div className="why">{gap.why}</div>
      {actions.length ? (
        <div className="gap-actions">
          {actions.map((a) => (
            <button key={a} type="button" data-testid={`gap-action-${a}`} onClick={() => onAction?.(a, gap)}>
              {ACTION_LABELS[a]}
            </button>
          ))}
        </div>
      ) : null}
      <EvidenceDrawer evidence={gap.evidence} resources={resources} label={gap.title} thisYear={thisYear} />
    </li>
  );
}

/** The care-gap section. */
export function GapList(props: GapListProps) {
  const open = orderOpenGaps(props.gaps);
  const unknown = unknownGaps(props.gaps);
  const closed = closedGaps(props.gaps);
  const { gaps: _all, ...rest } = props;
  return (
    <section className="panel-section" aria-labelledby="gaps-heading" data-testid="gaps">
      <h2 id="gaps-heading">Care gaps</h2>
      {open.length === 0 && unknown.length === 0 ? <p className="muted">No open care gaps.</p> : null}
      {open.length ? (
        <ul className="finding-list" data-testid="open-gaps">
          {open.map((g) => (
            <GapItem key={g.id} gap={g} {...rest} />
          ))}
        </ul>
      ) : null}
      {unknown.length ? (
        <>
          <h3>Cannot be decided from the data read</h3>
          <ul className="finding-list" data-testid="unknown-gaps">
            {unknown.map((g) => (
              <GapItem key={g.id} gap={g} {...rest} />
            ))}
          </ul>
        </>
      ) : null}
      {closed.length ? (
        <details className="closed-gaps" data-testid="closed-gaps">
          <summary>Closed gaps ({closed.length})</summary>
          <ul className="finding-list">
            {closed.map((g) => (
              <GapItem key={g.id} gap={g} {...rest} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
