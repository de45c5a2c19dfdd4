/**
 * The population view for quality staff (practitioner launch, no patient context): the attributed
 * population evaluated with the same engine as the point-of-care panel, a progress bar with time
 * left and Cancel, the summary, a sortable/filterable virtualised table, exports, and a click-through
 * to one patient's panel (rendered in place, with Back).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { usePatientRecord } from '../../fhir/use-patient-record.ts';
import { toLaunchError } from '../../smart/launch-error.ts';
import type { PopulationSession, SmartSession } from '../../smart/session.ts';
import { CarePanel } from '../care-panel/care-panel.tsx';
import { calendarYearPeriod, localIsoDay } from '../care-panel/measurement-period.ts';
import { downloadText, populationBundleJson, populationCsv } from './population-export.ts';
import { PopulationSummaryView } from './population-summary-view.tsx';
import { type PopulationFilter, type RowsState, type SortKey, type SortSpec, updateRows } from './population-table-model.ts';
import { PopulationTable } from './population-table.tsx';
import type { PopulationEntry } from './run-population.ts';
import { measureBatchRendered, usePopulationRun } from './use-population-run.ts';
import './population.css';

/** "about 12 s left" / "about 3 min left". */
export function formatTimeLeft(ms: number | undefined): string {
  if (ms === undefined) return 'estimating time left…';
  const s = Math.ceil(ms / 1000);
  return s < 90 ? `about ${s} s left` : `about ${Math.ceil(s / 60)} min left`;
}

/** One patient's panel opened from the table. */
function PatientPanel({ session, entry, onBack }: { session: PopulationSession; entry: PopulationEntry; onBack(): void }) {
  const patientSession: SmartSession = useMemo(() => ({ ...session, patientId: entry.patientId, needPatientBanner: true }), [session, entry.patientId]);
  // The run keeps only evaluations (a kept record per patient is ~70 kB of JS heap: 700 MB at
  // 10,000 patients); the opened patient's record is fetched afresh, as a patient launch would.
  const recordState = usePatientRecord(patientSession);
  return (
    <section className="pop-patient" aria-labelledby="pop-patient-title">
      <button type="button" onClick={onBack} data-testid="population-back">
        ← Back to the population
      </button>
      <h2 id="pop-patient-title">{entry.name ?? entry.patientId}</h2>
      {recordState.error ? (
        <p role="alert" data-testid="population-patient-error">
          This patient’s record could not be read. {toLaunchError(recordState.error).title} {toLaunchError(recordState.error).next}
        </p>
      ) : recordState.record ? null : (
        <p role="status" data-testid="population-patient-loading">
          Fetching the record… {recordState.progress.done} of {recordState.progress.total}
        </p>
      )}
      <CarePanel session={patientSession} recordState={recordState} />
    </section>
  );
}

/** The population view (default export for React.lazy). */
export default function PopulationView({ session }: { session: PopulationSession }) {
  const clock = useMemo(() => {
    const now = new Date();
    return { period: calendarYearPeriod(now), asOf: localIsoDay(now) };
  }, []);
  const run = usePopulationRun(session, clock);
  const [filter, setFilter] = useState<PopulationFilter>({});
  const [sort, setSort] = useState<SortSpec>({ key: 'name', direction: 'asc' });
  const [open, setOpen] = useState<PopulationEntry>();
  const { start } = run;

  useEffect(() => {
    start();
  }, [start]);

  const { columns, flagIds: flags, summary } = run.derived;
  // Rows are updated from the previous ones (new entries merged in, a filter re-applied to the
  // sorted list) rather than filtered and sorted from scratch per batch; updateRows is pure, so
  // keeping its last result in a ref is safe under StrictMode's double rendering.
  const rowsState = useRef<RowsState | undefined>(undefined);
  const rows = useMemo(() => {
    rowsState.current = updateRows(rowsState.current, run.entries, filter, sort);
    return rowsState.current.rows;
  }, [run.entries, filter, sort]);
  useEffect(() => measureBatchRendered(run.entries.length), [run.entries]);
  const onSort = (key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));

  if (open) return <PatientPanel session={session} entry={open} onBack={() => setOpen(undefined)} />;

  const p = run.progress;
  const running = run.phase === 'running' || run.phase === 'members';
  const stamp = clock.asOf;
  return (
    <div className="pop-layout" data-testid="population-view" data-period-start={clock.period.start} data-period-end={clock.period.end} data-as-of={clock.asOf} data-phase={run.phase}>
      <header className="pop-header">
        <h1>Population gap closure</h1>
        <p className="muted">
          {run.members ? `${run.members.label} · ` : ''}measurement period {clock.period.start} – {clock.period.end} · as of {clock.asOf}
        </p>
      </header>
      {run.error ? (
        <p role="alert" className="pop-error">
          {run.error}
        </p>
      ) : null}
      <div className="pop-progress" aria-live="polite" data-testid="population-progress">
        {run.phase === 'members' ? <span>Reading the attributed population…</span> : null}
        {p ? (
          <>
            <progress max={p.total || 1} value={p.done} aria-label="Patients evaluated" />
            <span data-testid="population-progress-text">
              {p.done} of {p.total} patients
              {run.phase === 'running' ? ` · ${formatTimeLeft(p.remainingMs)}` : run.phase === 'cancelled' ? ' · cancelled' : ' · done'}
            </span>
          </>
        ) : null}
        {running ? (
          <button type="button" onClick={run.cancel} data-testid="population-cancel">
            Cancel
          </button>
        ) : (
          <button type="button" onClick={start} data-testid="population-rerun">
            Evaluate again
          </button>
        )}
      </div>
      <PopulationSummaryView measures={summary.measures} gaps={summary.gaps} />
      <section aria-labelledby="pop-table-title">
        <h2 id="pop-table-title">Patients</h2>
        <div className="pop-filters" role="group" aria-label="Filters">
          <label>
            <input type="checkbox" checked={filter.openGapsOnly === true} onChange={(e) => setFilter((f) => ({ ...f, openGapsOnly: e.target.checked }))} data-testid="filter-open-gaps" /> Open gaps only
          </label>
          <label>
            Flag{' '}
            <select value={filter.flagId ?? ''} onChange={(e) => setFilter((f) => ({ ...f, flagId: e.target.value || undefined }) as PopulationFilter)} data-testid="filter-flag">
              <option value="">Any</option>
              {flags.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <label>
            Measure{' '}
            <select value={filter.measureId ?? ''} onChange={(e) => setFilter((f) => ({ ...f, measureId: e.target.value || undefined }) as PopulationFilter)} data-testid="filter-measure">
              <option value="">Any</option>
              {columns
                .filter((c) => c.kind === 'measure')
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
            </select>
          </label>
          <label>
            Search <input type="search" value={filter.text ?? ''} onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))} data-testid="filter-text" />
          </label>
          <span className="muted" data-testid="population-row-count">
            {rows.length} of {run.entries.length} shown
          </span>
        </div>
        <div className="pop-exports">
          <button type="button" disabled={rows.length === 0} onClick={() => downloadText(populationCsv(rows), `caregap-population-${stamp}.csv`, 'text/csv')} data-testid="export-csv">
            Download CSV (shown rows)
          </button>
          <button
            type="button"
            disabled={run.entries.length === 0}
            onClick={() => downloadText(populationBundleJson(run.entries, clock.period, new Date().toISOString()), `caregap-measure-reports-${stamp}.json`, 'application/fhir+json')}
            data-testid="export-bundle"
          >
            Download MeasureReport Bundle (all patients)
          </button>
        </div>
        <PopulationTable entries={rows} columns={columns} sort={sort} onSort={onSort} onOpen={setOpen} />
      </section>
    </div>
  );
}
