/**
 * App header: the product name, the patient banner when requested, load progress, when the record
 * was fetched ("calculated from live data at hh:mm") and a refresh button.
 */
import { formatTime } from '../features/care-panel/display-date.ts';
import type { RecordState } from '../fhir/record-state.ts';
import { PatientBanner } from './patient-banner.tsx';
import type { PatientSummary } from './patient-summary.ts';

/** Local time as HH:MM for the freshness stamp (the panel's one time format). */
export const clockTime = formatTime;

/** Header props: what to show about the patient and the record's freshness. */
export interface AppHeaderProps {
  summary?: PatientSummary;
  showBanner: boolean;
  recordState: RecordState;
}

/** The header bar. */
export function AppHeader({ summary, showBanner, recordState }: AppHeaderProps) {
  const { progress, fetchedAt, refreshing } = recordState;
  return (
    <header className="app-header">
      <div className="app-title">CareGap Panel</div>
      {showBanner && summary ? <PatientBanner summary={summary} /> : null}
      <div className="app-freshness" aria-live="polite">
        {progress.done < progress.total ? (
          <span data-testid="record-progress">
            Loading record… {progress.done} of {progress.total}
          </span>
        ) : fetchedAt ? (
          <span data-testid="record-fetched">Record fetched {clockTime(fetchedAt)}</span>
        ) : null}
        <button
          type="button"
          data-testid="refresh-record"
          disabled={refreshing}
          onClick={() => void recordState.refetch()}
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
    </header>
  );
}
