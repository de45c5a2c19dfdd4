/**
 * The panel's header: measurement period, "as of", the visit in context, data freshness, which results are unknown
 * because data could not be read, and either the screening tools (write scope granted) or the
 * notice that writing is not allowed in this launch with a printable summary instead.
 */
import type { PatientEvaluation } from '../../engine/index.ts';
import type { ScreeningFormKind } from '../screening-forms/screening-drafts.ts';
import { ACTION_LABELS } from './gap-list.tsx';
import { visitStatusLine, type VisitView } from './describe-visit.ts';
import { formatDay, formatTime } from './display-date.ts';
import { usePlain } from './plain-language-context.ts';

/** The header's form buttons, short enough for one row at 400 px (the full label is the accessible name). */
const SHORT_LABELS: Readonly<Record<ScreeningFormKind, string>> = {
  phq: 'PHQ-2/9',
  hrsn: 'SDOH',
  'follow-up': 'Follow-up plan',
};

/** Props of the header. */
export interface PanelHeaderProps {
  evaluation: PatientEvaluation;
  fetchedAt?: Date;
  /** Types still loading (results depending on them are provisional). */
  loadingTypes: readonly string[];
  canWrite: boolean;
  onOpenForm(form: ScreeningFormKind): void;
  thisYear: number;
  visit?: VisitView;
}

/** The results that are unknown, with their reasons. */
function unknownResults(e: PatientEvaluation): Array<{ id: string; title: string; reasons: string }> {
  return [
    ...e.measures
      .filter((m) => m.status === 'unknown')
      .map((m) => ({ id: m.id, title: m.title, reasons: (m.reasons ?? []).join('; ') })),
    // a measure's own gap repeats the measure's reasons: listed once, under the measure
    ...e.gaps
      .filter(
        (g) =>
          g.status === 'unknown' &&
          !(g.measureId && e.measures.some((m) => m.id === g.measureId && m.status === 'unknown')),
      )
      .map((g) => ({ id: `gap-${g.id}`, title: g.title, reasons: g.why })),
  ];
}

/** The header section. */
export function PanelHeader({ evaluation, fetchedAt, loadingTypes, canWrite, onOpenForm, visit }: PanelHeaderProps) {
  // While types are still loading every dependent result is provisionally unknown; say "loading"
  // (in the period line) rather than warn that data could not be read.
  const unknown = loadingTypes.length ? [] : unknownResults(evaluation);
  const plain = usePlain();
  const { period, asOf } = evaluation;
  return (
    <section className="panel-header" aria-label="Measurement period and data status" data-testid="panel-header">
      <p className="period-line">
        <span data-testid="measurement-period">
          Measurement period {formatDay(period.start)} – {formatDay(period.end)}
        </span>
        <span className="muted"> · as of {formatDay(asOf)}</span>
        {fetchedAt ? <span className="muted"> · record fetched {formatTime(fetchedAt)}</span> : null}
        {loadingTypes.length ? <span className="muted"> · still loading: {loadingTypes.join(', ')}</span> : null}
      </p>
      {visit ? (
        <p className="visit-line" data-testid="visit-in-context" data-state={visit.visit.state}>
          {visitStatusLine(visit.visit, visit.asOf)}
        </p>
      ) : null}
      {unknown.length ? (
        <div className="unknown-warning" role="status" data-testid="unknown-results">
          <strong>⚠ {unknown.length === 1 ? '1 result cannot' : `${unknown.length} results cannot`} be decided</strong>{' '}
          from the data read:
          <ul>
            {unknown.map((u) => (
              <li key={u.id}>
                {u.title}
                {u.reasons ? ` — ${plain(u.reasons)}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canWrite ? (
        <div className="tool-row no-print" role="group" aria-label="Screen in this visit">
          <span className="muted">Screen now:</span>
          {(['phq', 'hrsn', 'follow-up'] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="tool-button"
              data-testid={`open-form-${f}`}
              aria-label={ACTION_LABELS[f]}
              onClick={() => onOpenForm(f)}
            >
              {SHORT_LABELS[f]}
            </button>
          ))}
        </div>
      ) : (
        <div className="no-write no-print" data-testid="no-write">
          <span>Writing to the EHR is not allowed in this launch, so screenings cannot be recorded here.</span>{' '}
          <button type="button" data-testid="print-summary" onClick={() => window.print()}>
            Print summary
          </button>
        </div>
      )}
    </section>
  );
}
