/**
 * Care gaps: open ones first, those the panel can close in this visit on top, each with what closes
 * it and when it is due; gaps that cannot be decided; closed ones collapsed below with their
 * closing evidence. A gap that closes only once the visit in context is closed, or that exists only
 * because of it, says so. "No open care gaps" is never said bare when measures are not counted yet.
 */
import type { GapResult, MeasureResult } from '../../engine/index.ts';
import { clinicianClosing, gapStatusLabel, measureOfGap, type StatusLabel } from './describe-status.ts';
import { gapVisitNote, populationText, type VisitView } from './describe-visit.ts';
import { formatDay } from './display-date.ts';
import { EvidenceDrawer } from './evidence-drawer.tsx';
import { closedGaps, gapActions, orderOpenGaps, unknownGaps, type GapAction } from './order-findings.ts';
import { usePlain } from './plain-language-context.ts';

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
  /** The visit in context and how it changes each gap. */
  visit?: VisitView;
  /** The measures, to say why "no open care gaps" when some are not counted yet. */
  measures?: readonly MeasureResult[];
}

/** The badge of a gap: "Closes when this visit is closed" / "Due at this visit" when the open visit closes or opens it. */
function gapLabel(gap: GapResult, visit: VisitView | undefined): StatusLabel {
  const effect = visit?.gaps[gap.id]?.effect;
  if (effect === 'closes-when-closed') {
    return { icon: '✓', text: 'Closes when this visit is closed', tone: 'good' };
  }
  if (effect === 'opens-with-visit') {
    return { icon: '!', text: 'Due at this visit', tone: 'bad' };
  }
  return gapStatusLabel(gap.status);
}

/** One gap line. */
function GapItem({
  gap,
  resources,
  thisYear,
  onAction,
  visit,
  measures = [],
}: { gap: GapResult } & Omit<GapListProps, 'gaps'>) {
  const plain = usePlain();
  const label = gapLabel(gap, visit);
  const actions = onAction ? gapActions(gap, measures) : [];
  const effect = visit?.gaps[gap.id]?.effect;
  const note = visit ? gapVisitNote(visit.gaps[gap.id], visit, thisYear) : undefined;
  // a measure gap's engine `why` repeats the measure title in quality-staff terms; the closing text says it all
  const why = gap.measureId ? undefined : plain(gap.why);
  return (
    <li
      className={`finding gap gap-${gap.status}`}
      data-testid={`gap-${gap.id}`}
      data-status={gap.status}
      {...(effect && effect !== 'none' ? { 'data-visit-effect': effect } : {})}
    >
      <div className="finding-head">
        <span className={`badge tone-${label.tone}`}>
          <span aria-hidden="true">{label.icon}</span> {label.text}
        </span>{' '}
        <strong>{gap.title}</strong>
        {gap.due && gap.status === 'open' ? <span className="due"> — due {formatDay(gap.due)}</span> : null}
      </div>
      {note ? <div className="visit-note">{note}</div> : null}
      {gap.status === 'open' && gap.closes ? (
        <div className="closes">{plain(clinicianClosing(measureOfGap(gap, measures), gap.closes))}</div>
      ) : null}
      {why ? <div className="why">{why}</div> : null}
      {actions.length ? (
        <div className="gap-actions">
          {actions.map((a) => (
            <button key={a} type="button" data-testid={`gap-action-${a}`} onClick={() => onAction?.(a, gap)}>
              {ACTION_LABELS[a]}
            </button>
          ))}
        </div>
      ) : null}
      <EvidenceDrawer evidence={gap.evidence} resources={resources} label={gap.title} />
    </li>
  );
}

/** Measures not counted yet (only a visit or a criterion short), with why — what "no open care gaps" must not hide. */
function NotCounted({
  measures,
  visit,
  thisYear,
}: {
  measures: readonly MeasureResult[];
  visit: VisitView;
  thisYear: number;
}) {
  const items = measures
    .map((m) => ({ m, reason: visit.measures[m.id]?.notInPopulation }))
    .filter(
      ({ m, reason }) =>
        m.status === 'not-in-population' &&
        reason &&
        (reason.kind === 'no-qualifying-visit' || reason.kind === 'criteria'),
    );
  if (!items.length) {
    return null;
  }
  return (
    <div data-testid="not-counted">
      <p className="muted">Not counted yet in {thisYear}, so no gap can show for them:</p>
      <ul className="not-counted-list">
        {items.map(({ m, reason }) => (
          <li key={m.id}>
            <strong>{m.title}</strong> — {populationText(reason!, visit, thisYear)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The care-gap section. */
export function GapList(props: GapListProps) {
  const open = orderOpenGaps(props.gaps);
  const unknown = unknownGaps(props.gaps);
  const closed = closedGaps(props.gaps);
  const { gaps: _all, measures, ...rest } = props;
  // the measures let a gap take the forms and wording of the step its measure's result names
  const item = { ...rest, ...(measures ? { measures } : {}) };
  const none = open.length === 0 && unknown.length === 0;
  return (
    <section className="panel-section" aria-labelledby="gaps-heading" data-testid="gaps">
      <h2 id="gaps-heading">Care gaps</h2>
      {none ? <p className="muted">No open care gaps.</p> : null}
      {none && measures && props.visit ? (
        <NotCounted measures={measures} visit={props.visit} thisYear={props.thisYear} />
      ) : null}
      {open.length ? (
        <ul className="finding-list" data-testid="open-gaps">
          {open.map((g) => (
            <GapItem key={g.id} gap={g} {...item} />
          ))}
        </ul>
      ) : null}
      {unknown.length ? (
        <>
          <h3>Cannot be decided from the data read</h3>
          <ul className="finding-list" data-testid="unknown-gaps">
            {unknown.map((g) => (
              <GapItem key={g.id} gap={g} {...item} />
            ))}
          </ul>
        </>
      ) : null}
      {closed.length ? (
        <details
          className="closed-gaps"
          data-testid="closed-gaps"
          open={closed.some((g) => props.visit?.gaps[g.id]?.effect === 'closes-when-closed') || undefined}
        >
          <summary>Closed gaps ({closed.length})</summary>
          <ul className="finding-list">
            {closed.map((g) => (
              <GapItem key={g.id} gap={g} {...item} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
