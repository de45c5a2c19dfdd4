/**
 * The app's main layout for a launched session: header (banner only when the EHR asks), the
 * completeness warning, the care panel, and the record details (identity, counts) collapsed last.
 */
import { Suspense, lazy, useEffect, useMemo } from 'react';
import { CarePanel } from '../features/care-panel/care-panel.tsx';
import { usePatientRecord } from '../fhir/use-patient-record.ts';
import { toLaunchError } from '../smart/launch-error.ts';
import type { LaunchedSession, SmartSession } from '../smart/session.ts';
import { applySmartStyle } from '../smart/smart-style.ts';
import { AppHeader } from './app-header.tsx';
import { CompletenessWarning } from './completeness-warning.tsx';
import { LaunchErrorView } from './launch-error-view.tsx';
import { localIsoDate, summarisePatient } from './patient-summary.ts';
import { RecordOverview } from './record-overview.tsx';

const PopulationView = lazy(() => import('../features/population/population-view.tsx'));

/** The launched app: the patient's panel, or the population view for a launch without a patient. */
export function App({ session }: { session: LaunchedSession }) {
  if (session.patientId === undefined) {
    return (
      <Suspense fallback={<p className="app-loading">Opening the population view…</p>}>
        <PopulationView session={session} />
      </Suspense>
    );
  }
  return <PatientApp session={session} />;
}

/** The point-of-care layout for a session with patient context. */
function PatientApp({ session }: { session: SmartSession }) {
  const recordState = usePatientRecord(session);
  const { record } = recordState;
  const summary = useMemo(
    () => (record ? summarisePatient(record.patient, localIsoDate(new Date())) : undefined),
    [record],
  );

  useEffect(() => {
    if (session.styleUrl) {
      void applySmartStyle(session.styleUrl, document.documentElement);
    }
  }, [session.styleUrl]);

  if (recordState.error) {
    return <LaunchErrorView error={toLaunchError(recordState.error)} />;
  }

  return (
    <div className="app-layout">
      <AppHeader summary={summary} showBanner={session.needPatientBanner} recordState={recordState} />
      <main className="app-main">
        {record && summary ? (
          <>
            <CompletenessWarning record={record} />
            <CarePanel session={session} recordState={recordState} showFetchedAt={false} />
            <RecordOverview summary={summary} record={record} loadingTypes={recordState.loadingTypes} />
          </>
        ) : (
          <p className="app-loading" data-testid="record-loading">
            Reading the patient’s record…
          </p>
        )}
      </main>
    </div>
  );
}
