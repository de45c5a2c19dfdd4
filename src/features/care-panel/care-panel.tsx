/**
 * The point-of-care panel for a launched session: runs the engine on the record as it arrives
 * (in a Web Worker: the engine and its value-set catalog are ~250 kB gzip, kept out of the initial
 * bundle, and a heavy record must not block input), shows the findings, and hosts the screening workspace whose write-backs refresh the record so a closed gap
 * shows as closed without a reload. Trends and the screening forms are lazy-loaded.
 */
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import type { RecordState } from '../../fhir/record-state.ts';
import type { WriteContext } from '../../fhir/write-back.ts';
import type { SmartSession } from '../../smart/session.ts';
import { EMPTY_DRAFTS, type ScreeningDrafts, type ScreeningFormKind } from '../screening-forms/screening-drafts.ts';
import { screeningAgeGroup } from './age-group.ts';
import { calendarYearPeriod, localIsoDateTime, localIsoDay } from './measurement-period.ts';
import { PanelView } from './panel-view.tsx';
import { newUuid } from './new-uuid.ts';
import { useEvaluation } from './use-evaluation.ts';

const ScreeningWorkspace = lazy(() => import('../screening-forms/screening-workspace.tsx'));
const TrendsSection = lazy(() => import('../trends/trends-section.tsx'));

/** Props: the session (client, scopes, context) and the record state from usePatientRecord. */
export interface CarePanelProps {
  session: SmartSession;
  recordState: RecordState;
  /**
   * Show "record fetched hh:mm" in the panel header (default true). The patient launch passes false:
   * its app header already shows the time beside the Refresh button.
   */
  showFetchedAt?: boolean;
}

/** The care panel (renders nothing until the Patient has been read). */
export function CarePanel({ session, recordState, showFetchedAt = true }: CarePanelProps) {
  const { record } = recordState;
  const [form, setForm] = useState<ScreeningFormKind>();
  const [drafts, setDrafts] = useState<ScreeningDrafts>(EMPTY_DRAFTS);
  const onDrafts = useCallback((update: (d: ScreeningDrafts) => ScreeningDrafts) => setDrafts(update), []);

  // One clock reading per record version: period = this calendar year, as of today, local zone.
  const clock = useMemo(() => {
    const now = new Date();
    return { period: calendarYearPeriod(now), asOf: localIsoDay(now), year: now.getFullYear() };
  }, [record]);

  const evaluated = useEvaluation(record, { period: clock.period, asOf: clock.asOf });

  const writeContext = useCallback(
    (): WriteContext => ({
      patientId: session.patientId,
      ...(session.encounterId ? { encounterId: session.encounterId } : {}),
      ...(session.fhirUser ? { fhirUser: session.fhirUser } : {}),
      now: localIsoDateTime(new Date()),
      newUuid,
    }),
    [session.patientId, session.encounterId, session.fhirUser],
  );

  if (!record || !evaluated) return null;
  const canWrite = session.granted.canWrite('Observation');
  const workspace =
    form && canWrite ? (
      <Suspense fallback={<p role="status">Opening the form…</p>}>
        <ScreeningWorkspace
          key={form}
          form={form}
          patientId={session.patientId}
          drafts={drafts}
          onDrafts={onDrafts}
          client={session.client}
          refetch={recordState.refetch}
          writeContext={writeContext}
          ageGroup={screeningAgeGroup(record.patient.birthDate, clock.period)}
          permissions={{
            questionnaireResponse: session.granted.canWrite('QuestionnaireResponse'),
            serviceRequest: session.granted.canWrite('ServiceRequest'),
            procedure: session.granted.canWrite('Procedure'),
          }}
          onClose={() => setForm(undefined)}
        />
      </Suspense>
    ) : undefined;

  return (
    <PanelView
      evaluation={evaluated.evaluation}
      resources={record.resources}
      canWrite={canWrite}
      {...(showFetchedAt && recordState.fetchedAt ? { fetchedAt: recordState.fetchedAt } : {})}
      loadingTypes={recordState.loadingTypes}
      onOpenForm={(f) => setForm(f)}
      workspace={workspace}
      trends={
        <Suspense fallback={<p className="muted">Loading trends…</p>}>
          <TrendsSection record={record} asOf={clock.asOf} />
        </Suspense>
      }
      thisYear={clock.year}
      evalMs={evaluated.ms}
      evalWhere={evaluated.where}
    />
  );
}
