/**
 * Builds the resources that record a PHQ-2 / PHQ-9 administered in the panel: one Observation per
 * item answer (LOINC answer list LL358-3), the total score, the coded CMS2 screening result
 * (73832-8 adult / 73831-0 adolescent valued with the SNOMED positive/negative finding — the form
 * CMS2 reads, ../shared/design/measures.md §1.2), and optionally a QuestionnaireResponse.
 * Pure: the clock and the identifiers come from the {@link WriteContext}.
 */
import {
  LOINC,
  OBSERVATION_CATEGORY,
  UCUM,
  DEPRESSION_SCREEN_RESULT,
  LOINC_ADOLESCENT_DEPRESSION_SCREENING,
  LOINC_ADULT_DEPRESSION_SCREENING,
  LOINC_PHQ2_TOTAL,
  LOINC_PHQ9_PANEL,
  LOINC_PHQ9_TOTAL,
  PHQ_ITEM_ANSWERS,
  PHQ9_ITEMS,
} from '../engine/index.ts';
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

/** LOINC panel of the PHQ-2 (its QuestionnaireResponse canonical). */
export const LOINC_PHQ2_PANEL = '55757-9';

/** Canonical of a LOINC form as a Questionnaire (LOINC's FHIR terminology service convention). */
export function loincQuestionnaire(panelCode: string): string {
  return `http://loinc.org/q/${panelCode}`;
}

/** LOINC short names of the PHQ-9 items, in item order (item 9 last). */
export const PHQ9_ITEM_DISPLAYS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself - or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed; or the opposite',
  'Thoughts that you would be better off dead, or of hurting yourself in some way',
] as const;

/** A scored PHQ administration (the form scores it; see screening-forms/phq-scoring.ts). */
export interface PhqScore {
  instrument: 'phq2' | 'phq9';
  /** Points 0–3 per item in item order: 2 items for PHQ-2, 9 for PHQ-9. */
  itemPoints: readonly number[];
  total: number;
  /** Positive screen under the configured cut-off policy (PHQ-9 ≥ 10, PHQ-2 ≥ 3 by default). */
  positive: boolean;
}

/** CMS2 tool split: adolescents (12–17 at period start) and adults have their own result codes. */
export type ScreeningAgeGroup = 'adult' | 'adolescent';

const SURVEY: fhir4.CodeableConcept = { coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] };

/** The LA answer coding for a PHQ item point value (0–3). */
export function phqAnswerCoding(points: number): fhir4.Coding {
  const entry = Object.entries(PHQ_ITEM_ANSWERS).find(([, a]) => a.points === points);
  if (!entry) {
    throw new Error(`PHQ item points out of range: ${points}`);
  }
  return { system: LOINC, code: entry[0], display: entry[1].display };
}

/** The common frame of every survey Observation written by the panel. */
function surveyObservation(
  ctx: WriteContext,
  code: fhir4.Coding,
  value: Partial<fhir4.Observation>,
): fhir4.Observation {
  const performer = performerOf(ctx);
  return {
    resourceType: 'Observation',
    identifier: [newIdentifier(ctx)],
    status: 'final',
    category: [SURVEY],
    code: { coding: [code], text: code.display },
    subject: subjectOf(ctx),
    ...encounterOf(ctx),
    effectiveDateTime: ctx.now,
    ...(performer ? { performer: [performer] } : {}),
    ...value,
  };
}

/** A `{score}` quantity (UCUM annotation) for instrument totals. */
function scoreQuantity(total: number): fhir4.Quantity {
  return { value: total, unit: '{score}', system: UCUM, code: '{score}' };
}

/** The instrument's label and total code. */
function totalOf(score: PhqScore): { label: string; code: string; display: string; panel: string } {
  return score.instrument === 'phq9'
    ? {
        label: 'PHQ-9',
        code: LOINC_PHQ9_TOTAL,
        display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
        panel: LOINC_PHQ9_PANEL,
      }
    : {
        label: 'PHQ-2',
        code: LOINC_PHQ2_TOTAL,
        display: 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]',
        panel: LOINC_PHQ2_PANEL,
      };
}

/** The CMS2 screening-result Observation (coded positive / negative). */
export function depressionScreeningResult(
  ctx: WriteContext,
  score: PhqScore,
  ageGroup: ScreeningAgeGroup,
): PreparedCreate<fhir4.Observation> {
  const code =
    ageGroup === 'adult'
      ? { system: LOINC, code: LOINC_ADULT_DEPRESSION_SCREENING, display: 'Adult depression screening assessment' }
      : {
          system: LOINC,
          code: LOINC_ADOLESCENT_DEPRESSION_SCREENING,
          display: 'Adolescent depression screening assessment',
        };
  const finding = score.positive ? DEPRESSION_SCREEN_RESULT.positive : DEPRESSION_SCREEN_RESULT.negative;
  const label = totalOf(score).label;
  const obs = surveyObservation(ctx, code, {
    valueCodeableConcept: { coding: [{ ...finding }], text: finding.display },
    note: [{ text: `Screening tool: ${label}, total ${score.total}` }],
  });
  return prepare(
    obs,
    `Depression screening result: ${score.positive ? 'positive' : 'negative'} (${label} ${score.total})`,
  );
}

/** A QuestionnaireResponse of the administration (LOINC form as the Questionnaire). */
export function phqQuestionnaireResponse(
  ctx: WriteContext,
  score: PhqScore,
): PreparedCreate<fhir4.QuestionnaireResponse> {
  const t = totalOf(score);
  const performer = performerOf(ctx);
  const qr: fhir4.QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    identifier: newIdentifier(ctx),
    questionnaire: loincQuestionnaire(t.panel),
    status: 'completed',
    subject: subjectOf(ctx),
    ...encounterOf(ctx),
    authored: ctx.now,
    ...(performer ? { author: performer } : {}),
    item: [
      ...score.itemPoints.map((p, i) => ({
        linkId: PHQ9_ITEMS[i] ?? `item-${i + 1}`,
        text: PHQ9_ITEM_DISPLAYS[i],
        answer: [{ valueCoding: phqAnswerCoding(p) }],
      })),
      { linkId: t.code, text: `${t.label} total score`, answer: [{ valueInteger: score.total }] },
    ],
  };
  // The QR identifier is a single Identifier, not a list; derive the criterion from it directly.
  return {
    resource: qr,
    ifNoneExist: `identifier=${qr.identifier?.system ?? ''}|${qr.identifier?.value ?? ''}`,
    summary: `${t.label} questionnaire response`,
  };
}

/** Options of a depression-screening write. */
export interface DepressionWriteOptions {
  ageGroup: ScreeningAgeGroup;
  /** Write a QuestionnaireResponse too (only when the scope allows it). */
  includeQuestionnaireResponse: boolean;
}

/**
 * The whole batch for one administration: total, CMS2 result, item answers, then (optionally)
 * the QuestionnaireResponse. The measure-relevant facts go first so that if a later create fails
 * the gap already reflects what was written (a retry completes the rest without duplicates).
 */
export function depressionScreeningBatch(
  ctx: WriteContext,
  score: PhqScore,
  options: DepressionWriteOptions,
): WriteBatch {
  const t = totalOf(score);
  const items = score.itemPoints.map((points, i) => {
    const code = PHQ9_ITEMS[i];
    if (!code) {
      throw new Error(`PHQ item ${i + 1} does not exist`);
    }
    const display = PHQ9_ITEM_DISPLAYS[i] ?? code;
    const answer = phqAnswerCoding(points);
    return prepare(
      surveyObservation(
        ctx,
        { system: LOINC, code, display },
        { valueCodeableConcept: { coding: [answer], text: answer.display } },
      ),
      `${t.label} item ${i + 1}: ${answer.display} (${points})`,
    );
  });
  const total = prepare(
    surveyObservation(
      ctx,
      { system: LOINC, code: t.code, display: t.display },
      { valueQuantity: scoreQuantity(score.total) },
    ),
    `${t.label} total score: ${score.total}`,
  );
  return {
    label: `${t.label} screening`,
    attachedTo: attachmentOf(ctx),
    creates: [
      total,
      depressionScreeningResult(ctx, score, options.ageGroup),
      ...items,
      ...(options.includeQuestionnaireResponse ? [phqQuestionnaireResponse(ctx, score)] : []),
    ],
  };
}
