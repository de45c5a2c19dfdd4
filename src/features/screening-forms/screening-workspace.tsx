/**
 * The screening workspace the panel opens from a gap (lazy-loaded): one form at a time, then the
 * confirmation step, then write-back. The form's answers live in the panel's drafts, so a failed
 * write or closing the workspace never loses them; they are cleared only once saved.
 */
import { useEffect, useRef } from 'react';
import type { FhirCreateClient, WriteContext } from '../../fhir/write-back.ts';
import type { WriteOutcome } from '../care-panel/write-outcome.ts';
import { depressionScreeningBatch, type ScreeningAgeGroup } from '../../fhir/write-back-depression.ts';
import { followUpBatch } from '../../fhir/write-back-follow-up.ts';
import { sdohScreeningBatch } from '../../fhir/write-back-sdoh.ts';
import { ConfirmWrite } from './confirm-write.tsx';
import { FollowUpForm, draftCoding } from './follow-up-form.tsx';
import { HrsnForm } from './hrsn-form.tsx';
import { hrsnResponses } from './hrsn-scoring.ts';
import { PhqForm } from './phq-form.tsx';
import { resetDraft, type ScreeningDrafts, type ScreeningFormKind } from './screening-drafts.ts';
import { useWriteBack } from './use-write-back.ts';
import './screening-forms.css';

/** Which creates this launch may do (from the granted scopes). */
export interface WritePermissions {
  questionnaireResponse: boolean;
  serviceRequest: boolean;
  procedure: boolean;
}

/** Props of the workspace. */
export interface ScreeningWorkspaceProps {
  form: ScreeningFormKind;
  /** The launch's patient (part of the retry key, so two patients' data never share a batch). */
  patientId: string;
  drafts: ScreeningDrafts;
  onDrafts(update: (d: ScreeningDrafts) => ScreeningDrafts): void;
  client: FhirCreateClient;
  refetch(): Promise<void>;
  /** Builds the write context at confirm time (one clock reading, fresh UUIDs). */
  writeContext(): WriteContext;
  ageGroup: ScreeningAgeGroup;
  permissions: WritePermissions;
  /** Called once the batch is saved and the record re-read. */
  onSaved?(): void;
  /** What became of the gap the form came from, once the refreshed record is evaluated. */
  outcome?: WriteOutcome | 'checking';
  onClose(): void;
}

const TITLES: Readonly<Record<ScreeningFormKind, string>> = {
  phq: 'Depression screening: PHQ-2 → PHQ-9',
  hrsn: 'SDOH screening: AHC HRSN core questions',
  'follow-up': 'Follow-up plan for a positive depression screen',
};

/** The workspace region. */
export default function ScreeningWorkspace(props: ScreeningWorkspaceProps) {
  const { form, drafts, onDrafts, ageGroup, permissions, onSaved } = props;
  const write = useWriteBack(props.client, props.refetch);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [form]);
  // once per save (the callbacks may be new on every render of the panel)
  const latest = useRef({ onDrafts, onSaved, form });
  latest.current = { onDrafts, onSaved, form };
  useEffect(() => {
    if (write.phase !== 'saved') {
      return;
    }
    latest.current.onDrafts((d) => resetDraft(d, latest.current.form));
    latest.current.onSaved?.();
  }, [write.phase]);

  const editing = write.phase === 'editing';
  return (
    <section className="screening-workspace" aria-labelledby="workspace-heading" data-testid={`workspace-${form}`}>
      <div className="workspace-head">
        <h2 id="workspace-heading" ref={heading} tabIndex={-1}>
          {TITLES[form]}
        </h2>
        <button type="button" onClick={props.onClose} data-testid="workspace-close">
          Close
        </button>
      </div>
      {editing && form === 'phq' ? (
        <PhqForm
          answers={drafts.phq}
          onChange={(phq) => onDrafts((d) => ({ ...d, phq }))}
          fullPhq9={drafts.phqFull}
          onFullPhq9={(phqFull) => onDrafts((d) => ({ ...d, phqFull }))}
          onReview={(score) =>
            write.review(
              depressionScreeningBatch(props.writeContext(), score, {
                ageGroup,
                includeQuestionnaireResponse: permissions.questionnaireResponse,
              }),
              JSON.stringify([props.patientId, 'phq', score]),
            )
          }
        />
      ) : null}
      {editing && form === 'hrsn' ? (
        <HrsnForm
          answers={drafts.hrsn}
          onChange={(hrsn) => onDrafts((d) => ({ ...d, hrsn }))}
          onReview={() =>
            write.review(
              sdohScreeningBatch(props.writeContext(), hrsnResponses(drafts.hrsn), permissions.questionnaireResponse),
              JSON.stringify([props.patientId, 'hrsn', drafts.hrsn]),
            )
          }
        />
      ) : null}
      {editing && form === 'follow-up' ? (
        <FollowUpForm
          draft={drafts.followUp}
          onChange={(followUp) => onDrafts((d) => ({ ...d, followUp }))}
          ageGroup={ageGroup}
          allowed={{ referral: permissions.serviceRequest, procedure: permissions.procedure }}
          onReview={() => {
            const code = draftCoding(drafts.followUp, ageGroup);
            if (!code) {
              return;
            }
            write.review(
              followUpBatch(props.writeContext(), {
                kind: drafts.followUp.kind,
                code,
                referralStatus: drafts.followUp.referralStatus,
                note: drafts.followUp.note,
              }),
              JSON.stringify([props.patientId, 'follow-up', drafts.followUp]),
            );
          }}
        />
      ) : null}
      <ConfirmWrite write={write} {...(props.outcome ? { outcome: props.outcome } : {})} />
    </section>
  );
}
