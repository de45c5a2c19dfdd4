/**
 * Builds the follow-up plan for a positive depression screen, the kind chosen by the clinician:
 * a referral (ServiceRequest coded from *Referral for Adult/Adolescent Depression*, status active
 * or completed, authoredOn now) or a follow-up intervention (Procedure coded from *Follow Up for
 * Adult/Adolescent Depression*, status completed, performed now). CMS2 counts a Procedure
 * performed during the encounter or a referral authored on the encounter day or ≤ 2 days after
 * (../shared/design/measures.md §1.2 "Follow-up for a positive screen").
 */
import {
  FOLLOW_UP_FOR_ADOLESCENT_DEPRESSION,
  FOLLOW_UP_FOR_ADULT_DEPRESSION,
  REFERRAL_FOR_ADOLESCENT_DEPRESSION,
  REFERRAL_FOR_ADULT_DEPRESSION,
  type ValueSetDef,
} from '../engine/index.ts';
import type { ScreeningAgeGroup } from './write-back-depression.ts';
import {
  attachmentOf,
  encounterOf,
  newIdentifier,
  performerOf,
  prepare,
  subjectOf,
  type WriteBatch,
  type WriteContext,
} from './write-back.ts';

/** The two kinds of follow-up plan the panel documents. */
export type FollowUpKind = 'referral' | 'procedure';

/** The plan the clinician chose. */
export interface FollowUpPlan {
  kind: FollowUpKind;
  /** A coding taken from {@link followUpValueSet} for the kind and age group. */
  code: fhir4.Coding;
  /** Referral: `active` (placed) or `completed`; a procedure is always written `completed`. */
  referralStatus?: 'active' | 'completed';
  /** Free-text note (optional). */
  note?: string;
}

/** The value set the codes of a plan come from (CMS2 follow-up value sets, by age group). */
export function followUpValueSet(kind: FollowUpKind, ageGroup: ScreeningAgeGroup): ValueSetDef {
  if (kind === 'referral') {
    return ageGroup === 'adult' ? REFERRAL_FOR_ADULT_DEPRESSION : REFERRAL_FOR_ADOLESCENT_DEPRESSION;
  }
  return ageGroup === 'adult' ? FOLLOW_UP_FOR_ADULT_DEPRESSION : FOLLOW_UP_FOR_ADOLESCENT_DEPRESSION;
}

/** The batch for one follow-up plan (one resource). */
export function followUpBatch(ctx: WriteContext, plan: FollowUpPlan): WriteBatch {
  const performer = performerOf(ctx);
  const code: fhir4.CodeableConcept = { coding: [{ ...plan.code }], text: plan.code.display };
  const note = plan.note?.trim() ? [{ text: plan.note.trim() }] : undefined;
  if (plan.kind === 'referral') {
    const status = plan.referralStatus ?? 'active';
    const sr: fhir4.ServiceRequest = {
      resourceType: 'ServiceRequest',
      identifier: [newIdentifier(ctx)],
      status,
      intent: 'order',
      code,
      subject: subjectOf(ctx),
      ...encounterOf(ctx),
      authoredOn: ctx.now,
      ...(performer ? { requester: performer } : {}),
      ...(note ? { note } : {}),
    };
    return {
      label: 'Depression follow-up referral',
      attachedTo: attachmentOf(ctx),
      creates: [prepare(sr, `Referral (${status}): ${plan.code.display ?? plan.code.code}`)],
    };
  }
  const proc: fhir4.Procedure = {
    resourceType: 'Procedure',
    identifier: [newIdentifier(ctx)],
    status: 'completed',
    code,
    subject: subjectOf(ctx),
    ...encounterOf(ctx),
    performedDateTime: ctx.now,
    ...(performer ? { performer: [{ actor: performer }] } : {}),
    ...(note ? { note } : {}),
  };
  return {
    label: 'Depression follow-up',
    attachedTo: attachmentOf(ctx),
    creates: [prepare(proc, `Follow-up (completed): ${plan.code.display ?? plan.code.code}`)],
  };
}
