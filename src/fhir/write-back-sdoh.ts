/**
 * Builds the resources that record an SDOH screening (AHC HRSN core) administered in the panel:
 * one Observation per question answer (one per selected answer for multi-select questions, as
 * the US Core AHC examples do), the HITS total, and optionally a QuestionnaireResponse.
 * Gravity / SDOHCC representation: category `social-history` + `survey` + the SDOHCC domain code
 * (../shared/design/measures.md §2.4). Pure: clock and identifiers come from the WriteContext.
 */
import { LOINC, OBSERVATION_CATEGORY, UCUM } from '../engine/index.ts';
import { loincQuestionnaire } from './write-back-depression.ts';
import {
  attachmentOf,
  encounterOf,
  newIdentifier,
  performerOf,
  prepare,
  subjectOf,
  type PreparedCreate,
  type WriteBatch,
  type WriteContext,
} from './write-back.ts';

/** AHC HRSN core panel (LOINC 96777-8), the QuestionnaireResponse canonical. */
export const LOINC_AHC_HRSN_PANEL = '96777-8';

/** SDOH Clinical Care temporary code system (domain categories). */
export const SDOHCC_TEMPORARY_CODES =
  'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';

/** One answered question: the question coding, the selected answers or a number, and its domain. */
export interface SdohResponse {
  /** LOINC question coding (e.g. 88122-7 "Worried food would run out"). */
  question: fhir4.Coding;
  /** SDOHCC domain code (`food-insecurity`, `housing-instability`, …) for the category. */
  domainCategory: string;
  /** Selected answer codings (LOINC LA codes); several for multi-select questions. */
  answers?: readonly fhir4.Coding[];
  /** A numeric answer (the HITS total). */
  score?: number;
}

const CATEGORIES = (domain: string): fhir4.CodeableConcept[] => [
  { coding: [{ system: OBSERVATION_CATEGORY, code: 'social-history', display: 'Social History' }] },
  { coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] },
  { coding: [{ system: SDOHCC_TEMPORARY_CODES, code: domain }] },
];

/** One SDOH Observation for a question with one coded answer or a score. */
function sdohObservation(ctx: WriteContext, r: SdohResponse, value: Partial<fhir4.Observation>): fhir4.Observation {
  const performer = performerOf(ctx);
  return {
    resourceType: 'Observation',
    identifier: [newIdentifier(ctx)],
    status: 'final',
    category: CATEGORIES(r.domainCategory),
    code: { coding: [{ ...r.question }], text: r.question.display },
    subject: subjectOf(ctx),
    ...encounterOf(ctx),
    effectiveDateTime: ctx.now,
    ...(performer ? { performer: [performer] } : {}),
    ...value,
  };
}

/** Observations for one response: one per selected answer, or one valueQuantity for a score. */
export function sdohResponseObservations(ctx: WriteContext, r: SdohResponse): PreparedCreate<fhir4.Observation>[] {
  const label = r.question.display ?? r.question.code ?? 'SDOH question';
  if (typeof r.score === 'number') {
    const q: fhir4.Quantity = { value: r.score, unit: '{score}', system: UCUM, code: '{score}' };
    return [prepare(sdohObservation(ctx, r, { valueQuantity: q }), `${label}: ${r.score}`)];
  }
  return (r.answers ?? []).map((a) =>
    prepare(
      sdohObservation(ctx, r, { valueCodeableConcept: { coding: [{ ...a }], text: a.display } }),
      `${label}: ${a.display ?? a.code}`,
    ),
  );
}

/** A QuestionnaireResponse of the AHC HRSN administration. */
export function sdohQuestionnaireResponse(
  ctx: WriteContext,
  responses: readonly SdohResponse[],
): PreparedCreate<fhir4.QuestionnaireResponse> {
  const performer = performerOf(ctx);
  const identifier = newIdentifier(ctx);
  const qr: fhir4.QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    identifier,
    questionnaire: loincQuestionnaire(LOINC_AHC_HRSN_PANEL),
    status: 'completed',
    subject: subjectOf(ctx),
    ...encounterOf(ctx),
    authored: ctx.now,
    ...(performer ? { author: performer } : {}),
    item: responses.map((r) => ({
      linkId: r.question.code ?? 'unknown',
      ...(r.question.display ? { text: r.question.display } : {}),
      answer:
        typeof r.score === 'number'
          ? [{ valueInteger: r.score }]
          : (r.answers ?? []).map((a) => ({ valueCoding: { ...a } })),
    })),
  };
  return {
    resource: qr,
    ifNoneExist: `identifier=${identifier.system ?? ''}|${identifier.value ?? ''}`,
    summary: 'AHC HRSN questionnaire response',
  };
}

/** The whole batch for one AHC HRSN screening (unanswered questions are simply not written). */
export function sdohScreeningBatch(
  ctx: WriteContext,
  responses: readonly SdohResponse[],
  includeQuestionnaireResponse: boolean,
): WriteBatch {
  const answered = responses.filter((r) => typeof r.score === 'number' || (r.answers?.length ?? 0) > 0);
  return {
    label: 'SDOH screening (AHC HRSN)',
    attachedTo: attachmentOf(ctx),
    creates: [
      ...answered.flatMap((r) => sdohResponseObservations(ctx, r)),
      ...(includeQuestionnaireResponse ? [sdohQuestionnaireResponse(ctx, answered)] : []),
    ],
  };
}

/** LOINC coding helper for question codes. */
export function loincCoding(code: string, display: string): fhir4.Coding {
  return { system: LOINC, code, display };
}
