/**
 * The point-of-care panel for a launched session: runs the engine on the record as it arrives
 * (in a Web Worker: the engine and its value-set catalog are ~250 kB gzip, kept out of the initial
 * bundle, and a heavy record must not block input) at the visit in the launch context — its open
 * visit counted as closed, so what is recorded today counts for today — shows the findings, and
 * hosts the screening workspace whose write-backs (attached to that visit) refresh the record and
 * then say what became of the gap the form came from. Trends and the screening forms are lazy-loaded.
 */
import { Suspense, lazy, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { GapResult } from '../../engine/index.ts';
import type { RecordState } from '../../fhir/record-state.ts';
import type { VisitAttachment, WriteContext } from '../../fhir/write-back.ts';
import type { SmartSession } from '../../smart/session.ts';
import { EMPTY_DRAFTS, type ScreeningDrafts, type ScreeningFormKind } from '../screening-forms/screening-drafts.ts';
import { screeningAgeGroup } from './age-group.ts';
import type { VisitView } from './describe-visit.ts';
import { calendarYearPeriod, localIsoDateTime, localIsoDay } from './measurement-period.ts';
import { PanelView } from './panel-view.tsx';
import { newUuid } from './new-uuid.ts';
import { plainWith } from './plain-language-context.ts';
import { useEvaluation } from './use-evaluation.ts';
import { DEFAULT_GAP_OF_FORM, writeOutcome, type WriteOutcome } from './write-outcome.ts';

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
  /** The record details area shown last (identity and what was read). */
  details?: ReactNode;
}

/** The care panel (renders nothing until the Patient has been read). */
export function CarePanel({ session, recordState, showFetchedAt = true, details }: CarePanelProps) {
  const { record } = recordState;
  const [form, setForm] = useState<{ kind: ScreeningFormKind; gapId: string }>();
  const [savedFor, setSavedFor] = useState<string>();
  const [drafts, setDrafts] = useState<ScreeningDrafts>(EMPTY_DRAFTS);
  const onDrafts = useCallback((update: (d: ScreeningDrafts) => ScreeningDrafts) => setDrafts(update), []);

  // One clock reading per record version: period = this calendar year, as of today, local zone.
  const clock = useMemo(() => {
    const now = new Date();
    return { period: calendarYearPeriod(now), asOf: localIsoDay(now), year: now.getFullYear() };
  }, [record]);

  const evaluation = useEvaluation(record, { period: clock.period, asOf: clock.asOf }, session.encounterId);
  const failure = evaluation && 'failed' in evaluation ? evaluation : undefined;
  const evaluated = evaluation && !('failed' in evaluation) ? evaluation : undefined;
  const atVisit = evaluated?.atVisit;
  const visitView = useMemo<VisitView | undefined>(
    () =>
      atVisit
        ? { visit: atVisit.visit, measures: atVisit.measures, gaps: atVisit.gaps, asOf: atVisit.evaluation.asOf }
        : undefined,
    [atVisit],
  );
  const attachment = useMemo<VisitAttachment | undefined>(() => {
    const v = atVisit?.visit;
    if (!v?.reference || v.state === 'not-in-record') {
      return undefined;
    }
    return {
      reference: v.reference,
      open: v.state === 'open',
      ...(v.date ? { date: v.date } : {}),
      ...(v.type ? { type: v.type } : {}),
    };
  }, [atVisit]);

  const writeContext = useCallback(
    (): WriteContext => ({
      patientId: session.patientId,
      ...(session.encounterId ? { encounterId: session.encounterId } : {}),
      ...(attachment ? { visit: attachment } : {}),
      ...(session.fhirUser ? { fhirUser: session.fhirUser } : {}),
      now: localIsoDateTime(new Date()),
      newUuid,
    }),
    [session.patientId, session.encounterId, session.fhirUser, attachment],
  );

  // The outcome is told once the refreshed record has been evaluated (not from the record before the write).
  const outcome: WriteOutcome | 'checking' | undefined = useMemo(() => {
    if (!savedFor || !atVisit || !evaluated) {
      return undefined;
    }
    if (recordState.refreshing || evaluated.record !== record) {
      return 'checking';
    }
    return writeOutcome(savedFor, atVisit, plainWith(new Map(evaluated.displays)), clock.year);
  }, [savedFor, atVisit, evaluated, record, recordState.refreshing, clock.year]);

  const openForm = useCallback((kind: ScreeningFormKind, gap?: GapResult) => {
    setSavedFor(undefined);
    setForm({ kind, gapId: gap?.id ?? DEFAULT_GAP_OF_FORM[kind] });
  }, []);

  if (record && failure) {
    return (
      <p className="evaluation-failed" role="alert" data-testid="evaluation-failed">
        The results could not be calculated for this record ({failure.message}). Nothing is shown rather than a partial
        picture; reload the page, and if it happens again tell your EHR administrator.
      </p>
    );
  }
  if (!record || !evaluated || !atVisit) {
    return null;
  }
  const canWrite = session.granted.canWrite('Observation');
  const workspace =
    form && canWrite ? (
      <Suspense fallback={<p role="status">Opening the form…</p>}>
        <ScreeningWorkspace
          key={`${form.kind}-${form.gapId}`}
          form={form.kind}
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
          onSaved={() => setSavedFor(form.gapId)}
          {...(outcome ? { outcome } : {})}
          onClose={() => {
            setForm(undefined);
            setSavedFor(undefined);
          }}
        />
      </Suspense>
    ) : undefined;

  return (
    <PanelView
      evaluation={atVisit.evaluation}
      resources={record.resources}
      canWrite={canWrite}
      {...(showFetchedAt && recordState.fetchedAt ? { fetchedAt: recordState.fetchedAt } : {})}
      loadingTypes={recordState.loadingTypes}
      onOpenForm={openForm}
      workspace={workspace}
      visit={visitView}
      displays={evaluated.displays}
      trends={
        <Suspense fallback={<p className="muted">Loading trends…</p>}>
          <TrendsSection record={record} asOf={clock.asOf} />
        </Suspense>
      }
      details={details}
      thisYear={clock.year}
      evalMs={evaluated.ms}
      evalWhere={evaluated.where}
    />
  );
}
