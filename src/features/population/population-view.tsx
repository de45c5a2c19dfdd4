/**
 * The population view for quality staff (practitioner launch, no patient context): the attributed
 * population evaluated with the same engine as the point-of-care panel, a progress bar with time
 * left and Cancel; then what the job is paid on — measure rates against targets, each clinician's
 * panel, closure month by month against last year, the care gaps — and who to call: a sortable,
 * filterable virtualised table with a column chooser, the worklist, CSV and FHIR exports, and a
 * click-through to one patient's panel (rendered in place, with Back).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DayPeriod } from '../../engine/index.ts';
import { usePatientRecord } from '../../fhir/use-patient-record.ts';
import { toLaunchError } from '../../smart/launch-error.ts';
import type { PopulationSession, SmartSession } from '../../smart/session.ts';
import { CarePanel } from '../care-panel/care-panel.tsx';
import { formatDay } from '../care-panel/display-date.ts';
import { calendarYearPeriod, localIsoDay } from '../care-panel/measurement-period.ts';
import { ClinicianTable } from './clinician-table.tsx';
import { ColumnChooser, shownColumns, type ColumnChoice } from './column-chooser.tsx';
import { MonthlyClosureChart } from './monthly-closure-chart.tsx';
import { downloadText, populationBundleJson, populationCsv, populationWorklistCsv } from './population-export.ts';
import { PopulationFilters } from './population-filters.tsx';
import { GapSummaryView, MeasureSummaryTable } from './population-summary-view.tsx';
import {
  defaultDirection,
  type PopulationFilter,
  type RowsState,
  type SortKey,
  type SortSpec,
  updateRows,
} from './population-table-model.ts';
import { PopulationTable } from './population-table.tsx';
import { identityLine } from './identity-line.ts';
import type { PopulationEntry } from './run-population.ts';
import { measureBatchRendered, usePopulationRun } from './use-population-run.ts';
import './population.css';

/** "about 12 s left" / "about 3 min left". */
export function formatTimeLeft(ms: number | undefined): string {
  if (ms === undefined) {
    return 'estimating time left…';
  }
  const s = Math.ceil(ms / 1000);
  return s < 90 ? `about ${s} s left` : `about ${Math.ceil(s / 60)} min left`;
}

/** "Attributed panel · measurement period 1 Jan 2026 – 31 Dec 2026 · as of 3 Dec 2026" (dates as the panel writes them). */
export function periodLine(membersLabel: string | undefined, period: DayPeriod, asOf: string): string {
  return `${membersLabel ? `${membersLabel} · ` : ''}measurement period ${formatDay(period.start)} – ${formatDay(period.end)} · as of ${formatDay(asOf)}`;
}

/** One patient's panel opened from the table. */
function PatientPanel({
  session,
  entry,
  onBack,
}: {
  session: PopulationSession;
  entry: PopulationEntry;
  onBack(): void;
}) {
  const patientSession: SmartSession = useMemo(
    () => ({ ...session, patientId: entry.patientId, needPatientBanner: true }),
    [session, entry.patientId],
  );
  // The run keeps only evaluations (a kept record per patient is ~70 kB of JS heap: 700 MB at
  // 10,000 patients); the opened patient's record is fetched afresh, as a patient launch would.
  const recordState = usePatientRecord(patientSession);
  return (
    <section className="pop-patient" aria-labelledby="pop-patient-title">
      <button type="button" onClick={onBack} data-testid="population-back">
        ← Back to the population
      </button>
      <h2 id="pop-patient-title">{entry.name ?? entry.patientId}</h2>
      <p className="muted">{identityLine(entry.identity, { clinician: true })}</p>
      {recordState.error ? (
        <p role="alert" data-testid="population-patient-error">
          This patient’s record could not be read. {toLaunchError(recordState.error).title}{' '}
          {toLaunchError(recordState.error).next}
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
  const [choice, setChoice] = useState<ColumnChoice>(new Map());
  const [open, setOpen] = useState<PopulationEntry>();
  const tableSection = useRef<HTMLElement>(null);
  const { start } = run;

  useEffect(() => {
    start();
  }, [start]);

  const { columns, flagIds: flags, summary, monthly } = run.derived;
  const visibleColumns = useMemo(() => shownColumns(columns, choice), [columns, choice]);
  // Rows are updated from the previous ones (new entries merged in, a filter re-applied to the
  // sorted list) rather than filtered and sorted from scratch per batch; updateRows is pure, so
  // keeping its last result in a ref is safe under StrictMode's double rendering.
  const rowsState = useRef<RowsState | undefined>(undefined);
  const rows = useMemo(() => {
    rowsState.current = updateRows(rowsState.current, run.entries, filter, sort);
    return rowsState.current.rows;
  }, [run.entries, filter, sort]);
  useEffect(() => measureBatchRendered(run.entries.length), [run.entries]);
  // A column's first click sorts it its natural way (counts most first ▼, names A–Z ▲); a second click reverses.
  const onSort = (key: SortKey) =>
    setSort((s) => ({
      key,
      direction: s.key === key ? (s.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(key),
    }));
  const selectClinician = useCallback((key: string | undefined) => {
    setFilter((f) => {
      const next = { ...f };
      if (key) {
        next.clinicianKey = key;
      } else {
        delete next.clinicianKey;
      }
      return next;
    });
    if (key) {
      tableSection.current?.scrollIntoView({ block: 'start' });
    }
  }, []);

  if (open) {
    return <PatientPanel session={session} entry={open} onBack={() => setOpen(undefined)} />;
  }

  const p = run.progress;
  const running = run.phase === 'running' || run.phase === 'members';
  const stamp = clock.asOf;
  return (
    <div
      className="pop-layout"
      data-testid="population-view"
      data-period-start={clock.period.start}
      data-period-end={clock.period.end}
      data-as-of={clock.asOf}
      data-phase={run.phase}
    >
      <header className="pop-header">
        <h1>Population gap closure</h1>
        <p className="muted" data-testid="population-period">
          {periodLine(run.members?.label, clock.period, clock.asOf)}
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
              {run.phase === 'running'
                ? ` · ${formatTimeLeft(p.remainingMs)}`
                : run.phase === 'cancelled'
                  ? ' · cancelled'
                  : ' · done'}
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
      <section className="pop-section" aria-labelledby="pop-summary-title">
        <h2 id="pop-summary-title">Measures</h2>
        <MeasureSummaryTable measures={summary.measures} />
      </section>
      <ClinicianTable
        clinicians={summary.clinicians}
        measures={summary.measures}
        {...(filter.clinicianKey ? { selected: filter.clinicianKey } : {})}
        onSelect={selectClinician}
      />
      <MonthlyClosureChart series={monthly} asOf={clock.asOf} />
      <GapSummaryView gaps={summary.gaps} />
      <section className="pop-section" aria-labelledby="pop-table-title" ref={tableSection}>
        <h2 id="pop-table-title">Patients</h2>
        <PopulationFilters
          filter={filter}
          onChange={setFilter}
          flagIds={flags}
          columns={columns}
          clinicians={summary.clinicians}
          shown={rows.length}
          total={run.entries.length}
        />
        <div className="pop-exports">
          <ColumnChooser columns={columns} choice={choice} onChange={setChoice} />
          <button
            type="button"
            disabled={rows.length === 0}
            onClick={() => downloadText(populationWorklistCsv(rows), `caregap-worklist-${stamp}.csv`, 'text/csv')}
            data-testid="export-worklist"
          >
            Download worklist (open gaps of shown patients)
          </button>
          <button
            type="button"
            disabled={rows.length === 0}
            onClick={() => downloadText(populationCsv(rows), `caregap-population-${stamp}.csv`, 'text/csv')}
            data-testid="export-csv"
          >
            Download CSV (shown rows)
          </button>
          <button
            type="button"
            disabled={run.entries.length === 0}
            onClick={() =>
              downloadText(
                populationBundleJson(run.entries, clock.period, new Date().toISOString()),
                `caregap-measure-reports-${stamp}.json`,
                'application/fhir+json',
              )
            }
            data-testid="export-bundle"
          >
            Download MeasureReport Bundle (all patients)
          </button>
        </div>
        <PopulationTable entries={rows} columns={visibleColumns} sort={sort} onSort={onSort} onOpen={setOpen} />
      </section>
    </div>
  );
}
