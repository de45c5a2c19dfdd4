/**
 * The AHC HRSN core questions as the panel's form asks them: the engine's instrument facts
 * (src/engine/codes/sdoh-items.ts — question and answer codes, positive answers, HITS points;
 * one source of truth with the measure that reads the answers back) plus what writing needs: the
 * LOINC display of each question and the SDOHCC domain category of its Observations
 * (../shared/design/measures.md §2.4 "Gravity / FHIR representation").
 */
import {
  LOINC,
  AHC_HRSN_CORE_QUESTIONS,
  HITS_POSITIVE_ABOVE,
  LA,
  LOINC_FOOD_DIDNT_LAST,
  LOINC_FOOD_WORRY,
  LOINC_HITS_HURT,
  LOINC_HITS_INSULT,
  LOINC_HITS_SCREAM,
  LOINC_HITS_THREATEN,
  LOINC_HITS_TOTAL,
  LOINC_HOUSING_QUALITY,
  LOINC_HOUSING_SITUATION,
  LOINC_TRANSPORTATION,
  LOINC_UTILITIES_SHUTOFF,
  type SdohDomain,
} from '../../engine/index.ts';

export { HITS_POSITIVE_ABOVE, LA, LOINC_HITS_TOTAL };

/** The five HRSN domains screened (the SDOH measure's domains). */
export type HrsnDomain = SdohDomain;

/** One answer option. */
export interface HrsnOption {
  code: string;
  display: string;
  /** Positive (a need) when selected (HITS items are scored instead). */
  positive: boolean;
  /** HITS points (safety items only). */
  points?: number;
}

/** One question of the form. */
export interface HrsnQuestion {
  loinc: string;
  /** LOINC short display for the Observation code. */
  display: string;
  /** The question as read to the patient. */
  text: string;
  domain: HrsnDomain;
  /** SDOHCC domain category written on the Observation. */
  category: string;
  multiple: boolean;
  options: readonly HrsnOption[];
}

/** LOINC display and SDOHCC category (SDOHCC temporary codes) of each AHC question. */
const WRITE_FACTS: Readonly<Record<string, { display: string; category: string }>> = {
  [LOINC_HOUSING_SITUATION]: { display: 'Housing status', category: 'housing-instability' },
  [LOINC_HOUSING_QUALITY]: { display: 'Problems with place where you live', category: 'inadequate-housing' },
  [LOINC_FOOD_WORRY]: {
    display: 'Within the past 12 months we worried whether our food would run out before we got money to buy more',
    category: 'food-insecurity',
  },
  [LOINC_FOOD_DIDNT_LAST]: {
    display: "Within the past 12 months the food we bought just didn't last and we didn't have money to get more",
    category: 'food-insecurity',
  },
  [LOINC_TRANSPORTATION]: {
    display:
      'Has lack of transportation kept you from medical appointments, meetings, work, or from getting things needed for daily living',
    category: 'transportation-insecurity',
  },
  [LOINC_UTILITIES_SHUTOFF]: {
    display:
      'Has the electric, gas, oil, or water company threatened to shut off services in your home in past 12 months',
    category: 'utility-insecurity',
  },
  [LOINC_HITS_HURT]: { display: 'Physically hurt you [HITS]', category: 'intimate-partner-violence' },
  [LOINC_HITS_INSULT]: { display: 'Insult you or talk down to you [HITS]', category: 'intimate-partner-violence' },
  [LOINC_HITS_THREATEN]: { display: 'Threaten you with physical harm [HITS]', category: 'intimate-partner-violence' },
  [LOINC_HITS_SCREAM]: { display: 'Scream or curse at you [HITS]', category: 'intimate-partner-violence' },
};

/** SDOHCC category of the HITS total. */
export const HITS_CATEGORY = 'intimate-partner-violence';

/** The ten AHC HRSN core questions in form order. */
export const AHC_HRSN_QUESTIONS: readonly HrsnQuestion[] = AHC_HRSN_CORE_QUESTIONS.map((q) => ({
  loinc: q.code,
  display: WRITE_FACTS[q.code]?.display ?? q.text,
  text: q.text,
  domain: q.domain,
  category: WRITE_FACTS[q.code]?.category ?? 'sdoh',
  multiple: q.multiple,
  options: q.options.map((o) => ({
    code: o.code,
    display: o.text,
    positive: o.positive,
    ...(o.points !== undefined ? { points: o.points } : {}),
  })),
}));

/** Human names of the domains. */
export const HRSN_DOMAIN_LABELS: Readonly<Record<HrsnDomain, string>> = {
  housing: 'Housing',
  food: 'Food',
  transportation: 'Transportation',
  utilities: 'Utilities',
  safety: 'Interpersonal safety',
};

/** A LOINC coding of a question. */
export function questionCoding(q: HrsnQuestion): fhir4.Coding {
  return { system: LOINC, code: q.loinc, display: q.display };
}
