/**
 * Depression and anxiety screening instruments: LOINC codes of totals and items, severity bands,
 * and the positive cut-off POLICY used to map a score to a CMS2 positive/negative finding. CMS2
 * prescribes no instrument or cut-off (ONC CQM-7434); the defaults are the HEDIS DSF-E positive
 * thresholds (../shared/design/measures.md §1.3). An organisation changes them with
 * {@link withCutoffs}; every rule that interprets a score reads the policy it is given.
 */
import { LOINC, SNOMED, normalizeSystem } from './code-systems.ts';

/** CMS2: adolescent depression screening assessment (result coded positive/negative). */
export const LOINC_ADOLESCENT_DEPRESSION_SCREENING = '73831-0';
/** CMS2: adult depression screening assessment (result coded positive/negative). */
export const LOINC_ADULT_DEPRESSION_SCREENING = '73832-8';
/** SNOMED finding: depression screening positive. */
export const SNOMED_DEPRESSION_SCREEN_POSITIVE = '428181000124104';
/** SNOMED finding: depression screening negative. */
export const SNOMED_DEPRESSION_SCREEN_NEGATIVE = '428171000124102';
/** SNOMED situation: depression screening declined (CMS2 patient-reason exception). */
export const SNOMED_DEPRESSION_SCREEN_DECLINED = '720834000';

/** PHQ-9 panel. */
export const LOINC_PHQ9_PANEL = '44249-1';
/** PHQ-9 total score. */
export const LOINC_PHQ9_TOTAL = '44261-6';
/** PHQ-9 item 9: thoughts that you would be better off dead or of hurting yourself. */
export const LOINC_PHQ9_ITEM9 = '44260-8';
/** PHQ-9 modified for teens (PHQ-A) total. */
export const LOINC_PHQA_TOTAL = '89204-2';
/** PHQ-2 total score. */
export const LOINC_PHQ2_TOTAL = '55758-7';
/** EPDS total score. */
export const LOINC_EPDS_TOTAL = '99046-5';
/** GAD-7 total score. */
export const LOINC_GAD7_TOTAL = '70274-6';
/** GAD-7 panel. */
export const LOINC_GAD7_PANEL = '69737-5';

/** PHQ-9 item answers (LOINC answer list LL358-3): code → points. */
export const PHQ_ITEM_ANSWERS: Readonly<Record<string, { points: number; display: string }>> = {
  'LA6568-5': { points: 0, display: 'Not at all' },
  'LA6569-3': { points: 1, display: 'Several days' },
  'LA6570-1': { points: 2, display: 'More than half the days' },
  'LA6571-9': { points: 3, display: 'Nearly every day' },
};

/**
 * Points of one PHQ item answer: a LOINC answer code (LL358-3), else a whole number 0–3, else the
 * answer's display text ("Several days" — QI-Core / SDC example Questionnaires code the answers in
 * their own code system); `undefined` when none of these can be read.
 */
export function phqItemPoints(answer: readonly fhir4.Coding[], score: number | undefined): number | undefined {
  for (const c of answer) {
    const known = typeof c.code === 'string' ? PHQ_ITEM_ANSWERS[c.code.trim()] : undefined;
    if (known && (!c.system || normalizeSystem(c.system) === LOINC)) {
      return known.points;
    }
  }
  if (score !== undefined && Number.isInteger(score) && score >= 0 && score <= 3) {
    return score;
  }
  for (const c of answer) {
    const text = (c.display ?? c.code ?? '').trim().toLowerCase().replace(/-/g, ' ');
    const byText = Object.values(PHQ_ITEM_ANSWERS).find((a) => a.display.toLowerCase() === text);
    if (byText) {
      return byText.points;
    }
  }
  return undefined;
}

/** PHQ-9 items 1–9 LOINC codes in order (item 9 last). */
export const PHQ9_ITEMS = [
  '44250-9',
  '44255-8',
  '44259-0',
  '44254-1',
  '44251-7',
  '44258-2',
  '44252-5',
  '44253-3',
  LOINC_PHQ9_ITEM9,
] as const;
/** PHQ-2 items (the first two PHQ-9 items). */
export const PHQ2_ITEMS = ['44250-9', '44255-8'] as const;
/** GAD-7 items 1–7 LOINC codes in order. */
export const GAD7_ITEMS = ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'] as const;

/** A depression instrument whose total can be mapped to a positive / negative screen. */
export interface DepressionInstrument {
  id: 'phq9' | 'phqa' | 'phq2' | 'epds';
  label: string;
  totalLoinc: string;
  /** Positive when total ≥ cutoff. */
  cutoff: number;
  max: number;
}

/** The configurable positive-screen policy (defaults: PHQ-9 ≥ 10, PHQ-A ≥ 10, PHQ-2 ≥ 3, EPDS ≥ 10). */
export const DEFAULT_DEPRESSION_INSTRUMENTS: readonly DepressionInstrument[] = [
  { id: 'phq9', label: 'PHQ-9', totalLoinc: LOINC_PHQ9_TOTAL, cutoff: 10, max: 27 },
  { id: 'phqa', label: 'PHQ-A', totalLoinc: LOINC_PHQA_TOTAL, cutoff: 10, max: 27 },
  { id: 'phq2', label: 'PHQ-2', totalLoinc: LOINC_PHQ2_TOTAL, cutoff: 3, max: 6 },
  { id: 'epds', label: 'EPDS', totalLoinc: LOINC_EPDS_TOTAL, cutoff: 10, max: 30 },
];

/** Returns the instrument list with some cut-offs replaced (organisation policy). */
export function withCutoffs(overrides: Partial<Record<DepressionInstrument['id'], number>>): DepressionInstrument[] {
  return DEFAULT_DEPRESSION_INSTRUMENTS.map((i) => ({ ...i, cutoff: overrides[i.id] ?? i.cutoff }));
}

/** A severity band of a score. */
export interface SeverityBand {
  min: number;
  max: number;
  label: string;
}

/** PHQ-9 severity bands (LOINC 44261-6 term description). */
export const PHQ9_BANDS: readonly SeverityBand[] = [
  { min: 0, max: 4, label: 'minimal' },
  { min: 5, max: 9, label: 'mild' },
  { min: 10, max: 14, label: 'moderate' },
  { min: 15, max: 19, label: 'moderately severe' },
  { min: 20, max: 27, label: 'severe' },
];

/** GAD-7 severity bands (Spitzer 2006). */
export const GAD7_BANDS: readonly SeverityBand[] = [
  { min: 0, max: 4, label: 'minimal' },
  { min: 5, max: 9, label: 'mild' },
  { min: 10, max: 14, label: 'moderate' },
  { min: 15, max: 21, label: 'severe' },
];

/** The band a score falls in, or undefined when out of range. */
export function bandOf(bands: readonly SeverityBand[], score: number): SeverityBand | undefined {
  return bands.find((b) => score >= b.min && score <= b.max);
}

/** Codings used when writing a coded CMS2 screening result. */
export const DEPRESSION_SCREEN_RESULT = {
  positive: {
    system: SNOMED,
    code: SNOMED_DEPRESSION_SCREEN_POSITIVE,
    display: 'Depression screening positive (finding)',
  },
  negative: {
    system: SNOMED,
    code: SNOMED_DEPRESSION_SCREEN_NEGATIVE,
    display: 'Depression screening negative (finding)',
  },
} as const;

/** LOINC coding of an instrument code (for writing). */
export function loinc(code: string, display: string): fhir4.Coding {
  return { system: LOINC, code, display };
}

/**
 * What a "Yes" to a C-SSRS item means for the suicide-risk flag. The C-SSRS screener's triage
 * (Columbia Lighthouse Project, "Clinical triage guidelines using the C-SSRS"): ideation in the
 * past month (items 1–5; items 4–5 = severe), suicidal behaviour in the past 3 months (item 6 with
 * "within the past 3 months" = severe), behaviour ever (item 6 alone = lifetime history).
 */
export type CssrsItemMeaning = 'ideation-past-month' | 'behaviour-ever' | 'behaviour-past-3-months';

/** A C-SSRS item the suicide-risk flag reads, with where its code was verified. */
export interface CssrsItem {
  code: string;
  display: string;
  meaning: CssrsItemMeaning;
  source: string;
}

/** LOINC answer "Yes" (LL5384-4 Yes/No, verified on https://loinc.org/93245-9/panel, LOINC 2.78). */
export const LOINC_ANSWER_YES = 'LA33-6';
/** LOINC answer "No" (same answer list). */
export const LOINC_ANSWER_NO = 'LA32-8';

/**
 * C-SSRS full "lifetime recent" panel [C-SSRS] 93245-9 — verified on https://loinc.org/93245-9/panel
 * (LOINC 2.78). A panel Observation carries no answer of its own; it flags when its interpretation
 * or value says positive (read by the suicide-risk flag's generic screen rule).
 */
export const LOINC_CSSRS_PANEL = '93245-9';

/** Source of the C-SSRS screener item codes (see {@link CSSRS_ITEMS}). */
const BH_IG_EXAMPLE =
  'HL7 US Behavioral Health Profiles IG (CI build 0.1.0), example QuestionnaireResponse C-SSRS-example-1 (build.fhir.org/ig/HL7/us-behavioral-health-profiles)';

/**
 * C-SSRS items read by the suicide-risk flag. Verification (issue 12 §4): 93293-9 and its answer
 * list LL5434-7 (any of the five ideation types = ideation in the past month) are on
 * https://loinc.org/LL5434-7; the screener items 93246-7 … 93269-9 are as published, with their
 * question text, in the HL7 US Behavioral Health Profiles IG's C-SSRS example (their loinc.org pages
 * were not in the sources searched). NOT included: the screener panel code 93373-9 and the ASQ
 * panel 115564-7 (no loinc.org or HL7 page found to verify them), and 93374-7 "Suicide risk level"
 * (its Moderate / High answer codes could not be verified). A panel-only Observation of those codes
 * therefore does not flag by itself; its item answers do.
 */
export const CSSRS_ITEMS: readonly CssrsItem[] = [
  {
    code: '93293-9',
    display: 'Most severe suicidal ideation in the past month (C-SSRS)',
    meaning: 'ideation-past-month',
    source: 'https://loinc.org/LL5434-7',
  },
  {
    code: '93246-7',
    display: 'C-SSRS: wished to be dead or not wake up (past month)',
    meaning: 'ideation-past-month',
    source: BH_IG_EXAMPLE,
  },
  {
    code: '93247-5',
    display: 'C-SSRS: thoughts of killing oneself (past month)',
    meaning: 'ideation-past-month',
    source: BH_IG_EXAMPLE,
  },
  {
    code: '93248-3',
    display: 'C-SSRS: thinking about how (method)',
    meaning: 'ideation-past-month',
    source: BH_IG_EXAMPLE,
  },
  {
    code: '93249-1',
    display: 'C-SSRS: suicidal thoughts with some intent to act',
    meaning: 'ideation-past-month',
    source: BH_IG_EXAMPLE,
  },
  {
    code: '93250-9',
    display: 'C-SSRS: worked out details of a plan, with intent',
    meaning: 'ideation-past-month',
    source: BH_IG_EXAMPLE,
  },
  {
    code: '93267-3',
    display: "C-SSRS: ever did, started or prepared anything to end one's life",
    meaning: 'behaviour-ever',
    source: BH_IG_EXAMPLE,
  },
  {
    code: '93269-9',
    display: 'C-SSRS: suicidal behaviour within the past 3 months',
    meaning: 'behaviour-past-3-months',
    source: BH_IG_EXAMPLE,
  },
];

/** Answers of 93293-9 (LL5434-7, https://loinc.org/LL5434-7): wish to be dead … active ideation with plan and intent. */
export const CSSRS_IDEATION_TYPE_ANSWERS: readonly string[] = [
  'LA30370-3',
  'LA30371-1',
  'LA30372-9',
  'LA30373-7',
  'LA30374-5',
];
