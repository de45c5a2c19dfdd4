/**
 * Care gaps: open ones first, those the panel can close in this visit on top, each with what closes
 * it and when it is due; gaps that cannot be decided; follow-up windows that passed unmet ("Missed
 * — window ended …": no longer closable this period, so neither counted as open nor offered an
 * action, but listed with their evidence — the engine's `isMissedWindow`, the same test as the
 * visit's "can no longer be met"); closed ones collapsed below with their closing evidence. A gap
 * that closes only once the visit in context is closed, or that exists only because of it, says
 * so. "No open care gaps" is never said bare when measures are not counted yet.
 */
import { isMissedWindow, type GapResult, type IsoDate, type MeasureResult } from '../../engine/index.ts';
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
  /** The evaluation's asOf day: follow-up windows that ended before it are missed, not open. */
  asOf?: IsoDate;
}

/** The badge of a missed window: it names the window's last day. */
function missedLabel(gap: GapResult): StatusLabel {
  return { icon: '✗', text: gap.due ? `Missed — window ended ${formatDay(gap.due)}` : 'Missed', tone: 'neutral' };
}

/** The engine's "Missed: no follow-up within …" without the word the badge already says. */
function missedWhy(why: string): string {
  const rest = why.replace(/^Missed:\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
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

/** One gap line; a missed window shows its end and why, but no due date, closing text or action. */
function GapItem({
  gap,
  resources,
  thisYear,
  onAction,
  visit,
  missed = false,
  measures = [],
}: { gap: GapResult; missed?: boolean } & Omit<GapListProps, 'gaps' | 'asOf'>) {
  const plain = usePlain();
  const label = missed ? missedLabel(gap) : gapLabel(gap, visit);
  const open = gap.status === 'open' && !missed;
  const actions = onAction && open ? gapActions(gap, measures) : [];
  const effect = missed ? undefined : visit?.gaps[gap.id]?.effect;
  const note = visit && !missed ? gapVisitNote(visit.gaps[gap.id], visit, thisYear) : undefined;
  // a measure gap's engine `why` repeats the measure title in quality-staff terms; the closing text says it all
  const why = missed ? plain(missedWhy(gap.why)) : gap.measureId ? undefined : plain(gap.why);
  return (
    <li
      className={`finding gap gap-${missed ? 'missed' : gap.status}`}
      data-testid={`gap-${gap.id}`}
      data-status={gap.status}
      {...(missed ? { 'data-missed': 'true' } : {})}
      {...(effect && effect !== 'none' ? { 'data-visit-effect': effect } : {})}
    >
      <div className="finding-head">
        <span className={`badge tone-${label.tone}`}>
          <span aria-hidden="true">{label.icon}</span> {label.text}
        </span>{' '}
        <strong>{gap.title}</strong>
        {gap.due && open ? <span className="due"> — due {formatDay(gap.due)}</span> : null}
      </div>
      {note ? <div className="visit-note">{note}</div> : null}
      {open && gap.closes ? (
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
  const { gaps: _all, measures, asOf, ...rest } = props;
  const ordered = orderOpenGaps(props.gaps);
  const open = ordered.filter((g) => !isMissedWindow(g, asOf));
  const missed = ordered.filter((g) => isMissedWindow(g, asOf));
  const unknown = unknownGaps(props.gaps);
  const closed = closedGaps(props.gaps);
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
      {missed.length ? (
        <>
          <h3 id="missed-gaps-heading">Missed follow-up windows — can no longer be met</h3>
          <ul className="finding-list" aria-labelledby="missed-gaps-heading" data-testid="missed-gaps">
            {missed.map((g) => (
              <GapItem key={g.id} gap={g} missed {...item} />
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
