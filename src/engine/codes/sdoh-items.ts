/**
 * Standardized health-related social needs (HRSN) screening instruments as LOINC facts: panel
 * codes, item (question) codes, answer codes, which answers are positive, and the domain each item
 * screens. Instruments: AHC HRSN core (CMS Accountable Health Communities), Hunger Vital Sign,
 * PRAPARE and HITS (interpersonal safety). Facts from ../shared/design/measures.md §2.4 and
 * ../shared/design/sdoh_screening_items.tsv; positive rules from the CMS AHC core questions guide.
 * Shared by the `sdoh-screening` measure, the SDOH-need flags and gaps, and the panel's screening form.
 */
import { LOINC } from './code-systems.ts';

/** The five HRSN domains MIPS #487 requires (food, housing, transportation, utilities, interpersonal safety). */
export type SdohDomain = 'food' | 'housing' | 'transportation' | 'utilities' | 'safety';

/** The domains in reporting order. */
export const SDOH_DOMAINS: readonly SdohDomain[] = ['food', 'housing', 'transportation', 'utilities', 'safety'];

/** A standardized screening instrument this project recognises. */
export type SdohInstrument = 'AHC-HRSN' | 'Hunger Vital Sign' | 'PRAPARE' | 'HITS';

/** AHC HRSN core screening panel (members listed in {@link AHC_HRSN_CORE_QUESTIONS}). */
export const LOINC_AHC_HRSN_CORE_PANEL = '96777-8';
/** Hunger Vital Sign panel (88122-7, 88123-5, derived 88124-3). */
export const LOINC_HUNGER_VITAL_SIGN_PANEL = '88121-9';
/** PRAPARE panel. */
export const LOINC_PRAPARE_PANEL = '93025-5';
/** PRAPARE section panels (personal characteristics, family & home, money & resources, social & emotional, optional). */
export const LOINC_PRAPARE_SECTIONS: readonly string[] = ['93043-8', '93042-0', '93041-2', '93040-4', '93039-6'];
/** HITS (Hurt, Insult, Threaten, Scream) panel — LOINC 95619-3, whose description gives the "> 10" rule. */
export const LOINC_HITS_PANEL = '95619-3';

/** AHC & PRAPARE: living / housing situation today (AHC answer list LL5876-9; PRAPARE its own list). */
export const LOINC_HOUSING_SITUATION = '71802-3';
/** AHC: problems with the place where you live (multi-select; any problem is positive). */
export const LOINC_HOUSING_QUALITY = '96778-6';
/** HVS/AHC: worried food would run out before getting money to buy more (past 12 months). */
export const LOINC_FOOD_WORRY = '88122-7';
/** HVS/AHC: food bought didn't last and no money to get more (past 12 months). */
export const LOINC_FOOD_DIDNT_LAST = '88123-5';
/** HVS: derived food insecurity risk (At risk / No risk). */
export const LOINC_FOOD_INSECURITY_RISK = '88124-3';
/** AHC & PRAPARE: lack of transportation kept you from appointments or needs. */
export const LOINC_TRANSPORTATION = '93030-5';
/** AHC: utility company threatened to shut off services (past 12 months). */
export const LOINC_UTILITIES_SHUTOFF = '96779-4';
/** HITS item: how often does anyone physically hurt you. */
export const LOINC_HITS_HURT = '95618-5';
/** HITS item: how often does anyone insult you or talk down to you. */
export const LOINC_HITS_INSULT = '95617-7';
/** HITS item: how often does anyone threaten you with harm. */
export const LOINC_HITS_THREATEN = '95616-9';
/** HITS item: how often does anyone scream or curse at you. */
export const LOINC_HITS_SCREAM = '95615-1';
/** HITS total score (4–20). */
export const LOINC_HITS_TOTAL = '95614-4';
/** PRAPARE: worried about losing your housing. */
export const LOINC_PRAPARE_HOUSING_WORRY = '93033-9';
/** PRAPARE: in the past year, unable to get any of the following when really needed (multi-select). */
export const LOINC_PRAPARE_MATERIAL_NEEDS = '93031-3';
/** PRAPARE: do you feel physically and emotionally safe where you currently live. */
export const LOINC_PRAPARE_FEEL_SAFE = '93026-3';
/** PRAPARE: in the past year, afraid of your partner or ex-partner. */
export const LOINC_PRAPARE_AFRAID_OF_PARTNER = '76501-6';

/** The four HITS item codes, in AHC form order. */
export const HITS_ITEMS: readonly string[] = [
  LOINC_HITS_HURT,
  LOINC_HITS_INSULT,
  LOINC_HITS_THREATEN,
  LOINC_HITS_SCREAM,
];

/** HITS is positive when the sum of the four items is greater than this (i.e. ≥ 11). */
export const HITS_POSITIVE_ABOVE = 10;

/** LOINC answer codes (LA) used by the instruments. */
export const LA = {
  steadyPlace: 'LA31993-1',
  worriedLosing: 'LA31994-9',
  noSteadyPlace: 'LA31995-6',
  pests: 'LA31996-4',
  mold: 'LA28580-1',
  lead: 'LA31997-2',
  noHeat: 'LA31998-0',
  stove: 'LA31999-8',
  smokeDetectors: 'LA32000-4',
  leaks: 'LA32001-2',
  noneOfAbove: 'LA9-3',
  oftenTrue: 'LA28397-0',
  sometimesTrue: 'LA6729-3',
  neverTrue: 'LA28398-8',
  atRisk: 'LA19952-3',
  noRisk: 'LA19983-8',
  yes: 'LA33-6',
  no: 'LA32-8',
  alreadyShutOff: 'LA32002-0',
  never: 'LA6270-8',
  rarely: 'LA10066-1',
  sometimes: 'LA10082-8',
  fairlyOften: 'LA16644-9',
  frequently: 'LA6482-9',
  prapareHoused: 'LA30189-7',
  prapareNotHoused: 'LA30190-5',
  prapareFood: 'LA30125-1',
  prapareUtilities: 'LA30124-4',
  prapareClothing: 'LA30126-9',
  prapareChildCare: 'LA30127-7',
  prapareMedicine: 'LA30128-5',
  praparePhone: 'LA30129-3',
  prapareTransportMedical: 'LA30133-5',
  prapareTransportNonMedical: 'LA30134-3',
  unsure: 'LA14072-5',
} as const;

/** HITS answer points: Never 1, Rarely 2, Sometimes 3, Fairly often 4, Frequently 5. */
export const HITS_POINTS: Readonly<Record<string, number>> = {
  [LA.never]: 1,
  [LA.rarely]: 2,
  [LA.sometimes]: 3,
  [LA.fairlyOften]: 4,
  [LA.frequently]: 5,
};

/**
 * Policy: a PRAPARE "Unsure" to "Do you feel physically and emotionally safe where you live?" is
 * treated as positive (measures.md §2.4 leaves it a policy choice; a screening errs towards follow-up).
 */
export const PRAPARE_UNSURE_SAFETY_IS_POSITIVE = true;

/** One answer option of a question. */
export interface SdohAnswerOption {
  code: string;
  text: string;
  /** Positive (a need) when chosen; HITS items are scored instead (see `points`). */
  positive: boolean;
  /** HITS points (safety items only). */
  points?: number;
}

/** One question of an instrument. */
export interface SdohQuestion {
  code: string;
  /** The question as read to the patient. */
  text: string;
  domain: SdohDomain;
  /** More than one answer may be chosen (one Observation per chosen answer, or components). */
  multiple: boolean;
  options: readonly SdohAnswerOption[];
}

const hits = (text: string, code: string): SdohQuestion => ({
  code,
  text,
  domain: 'safety',
  multiple: false,
  options: [
    { code: LA.never, text: 'Never', positive: false, points: 1 },
    { code: LA.rarely, text: 'Rarely', positive: false, points: 2 },
    { code: LA.sometimes, text: 'Sometimes', positive: false, points: 3 },
    { code: LA.fairlyOften, text: 'Fairly often', positive: false, points: 4 },
    { code: LA.frequently, text: 'Frequently', positive: false, points: 5 },
  ],
});

const FOOD_OPTIONS: readonly SdohAnswerOption[] = [
  { code: LA.oftenTrue, text: 'Often true', positive: true },
  { code: LA.sometimesTrue, text: 'Sometimes true', positive: true },
  { code: LA.neverTrue, text: 'Never true', positive: false },
];

/** The AHC HRSN core questions in form order (panel 96777-8), with answer codes, texts and points. */
export const AHC_HRSN_CORE_QUESTIONS: readonly SdohQuestion[] = [
  {
    code: LOINC_HOUSING_SITUATION,
    text: 'What is your living situation today?',
    domain: 'housing',
    multiple: false,
    options: [
      { code: LA.steadyPlace, text: 'I have a steady place to live', positive: false },
      {
        code: LA.worriedLosing,
        text: 'I have a place to live today, but I am worried about losing it in the future',
        positive: true,
      },
      { code: LA.noSteadyPlace, text: 'I do not have a steady place to live', positive: true },
    ],
  },
  {
    code: LOINC_HOUSING_QUALITY,
    text: 'Think about the place you live. Do you have problems with any of the following?',
    domain: 'housing',
    multiple: true,
    options: [
      { code: LA.pests, text: 'Pests such as bugs, ants, or mice', positive: true },
      { code: LA.mold, text: 'Mold', positive: true },
      { code: LA.lead, text: 'Lead paint or pipes', positive: true },
      { code: LA.noHeat, text: 'Lack of heat', positive: true },
      { code: LA.stove, text: 'Oven or stove not working', positive: true },
      { code: LA.smokeDetectors, text: 'Smoke detectors missing or not working', positive: true },
      { code: LA.leaks, text: 'Water leaks', positive: true },
      { code: LA.noneOfAbove, text: 'None of the above', positive: false },
    ],
  },
  {
    code: LOINC_FOOD_WORRY,
    text: 'Within the past 12 months, you worried that your food would run out before you got money to buy more.',
    domain: 'food',
    multiple: false,
    options: FOOD_OPTIONS,
  },
  {
    code: LOINC_FOOD_DIDNT_LAST,
    text: "Within the past 12 months, the food you bought just didn't last and you didn't have money to get more.",
    domain: 'food',
    multiple: false,
    options: FOOD_OPTIONS,
  },
  {
    code: LOINC_TRANSPORTATION,
    text: 'In the past 12 months, has lack of reliable transportation kept you from medical appointments, meetings, work or from getting things needed for daily living?',
    domain: 'transportation',
    multiple: false,
    options: [
      { code: LA.yes, text: 'Yes', positive: true },
      { code: LA.no, text: 'No', positive: false },
    ],
  },
  {
    code: LOINC_UTILITIES_SHUTOFF,
    text: 'In the past 12 months has the electric, gas, oil, or water company threatened to shut off services in your home?',
    domain: 'utilities',
    multiple: false,
    options: [
      { code: LA.yes, text: 'Yes', positive: true },
      { code: LA.no, text: 'No', positive: false },
      { code: LA.alreadyShutOff, text: 'Already shut off', positive: true },
    ],
  },
  hits('How often does anyone, including family and friends, physically hurt you?', LOINC_HITS_HURT),
  hits('How often does anyone, including family and friends, insult or talk down to you?', LOINC_HITS_INSULT),
  hits('How often does anyone, including family and friends, threaten you with harm?', LOINC_HITS_THREATEN),
  hits('How often does anyone, including family and friends, scream or curse at you?', LOINC_HITS_SCREAM),
];

/** Every panel code and the instrument it denotes. */
export const SDOH_PANELS: Readonly<Record<string, SdohInstrument>> = {
  [LOINC_AHC_HRSN_CORE_PANEL]: 'AHC-HRSN',
  [LOINC_HUNGER_VITAL_SIGN_PANEL]: 'Hunger Vital Sign',
  [LOINC_PRAPARE_PANEL]: 'PRAPARE',
  [LOINC_HITS_PANEL]: 'HITS',
  ...Object.fromEntries(LOINC_PRAPARE_SECTIONS.map((c) => [c, 'PRAPARE' as const])),
};

/** Every item code that screens a domain, with its domain(s) and default instrument. */
export const SDOH_ITEM_DOMAINS: Readonly<
  Record<string, { domains: readonly SdohDomain[]; instrument: SdohInstrument }>
> = {
  [LOINC_HOUSING_SITUATION]: { domains: ['housing'], instrument: 'AHC-HRSN' },
  [LOINC_HOUSING_QUALITY]: { domains: ['housing'], instrument: 'AHC-HRSN' },
  [LOINC_FOOD_WORRY]: { domains: ['food'], instrument: 'Hunger Vital Sign' },
  [LOINC_FOOD_DIDNT_LAST]: { domains: ['food'], instrument: 'Hunger Vital Sign' },
  [LOINC_FOOD_INSECURITY_RISK]: { domains: ['food'], instrument: 'Hunger Vital Sign' },
  [LOINC_TRANSPORTATION]: { domains: ['transportation'], instrument: 'AHC-HRSN' },
  [LOINC_UTILITIES_SHUTOFF]: { domains: ['utilities'], instrument: 'AHC-HRSN' },
  [LOINC_HITS_HURT]: { domains: ['safety'], instrument: 'HITS' },
  [LOINC_HITS_INSULT]: { domains: ['safety'], instrument: 'HITS' },
  [LOINC_HITS_THREATEN]: { domains: ['safety'], instrument: 'HITS' },
  [LOINC_HITS_SCREAM]: { domains: ['safety'], instrument: 'HITS' },
  [LOINC_HITS_TOTAL]: { domains: ['safety'], instrument: 'HITS' },
  [LOINC_PRAPARE_HOUSING_WORRY]: { domains: ['housing'], instrument: 'PRAPARE' },
  // PRAPARE's material-needs item is the instrument's only food and utilities question
  [LOINC_PRAPARE_MATERIAL_NEEDS]: { domains: ['food', 'utilities'], instrument: 'PRAPARE' },
  [LOINC_PRAPARE_FEEL_SAFE]: { domains: ['safety'], instrument: 'PRAPARE' },
  [LOINC_PRAPARE_AFRAID_OF_PARTNER]: { domains: ['safety'], instrument: 'PRAPARE' },
};

/** One domain finding read from one answered item. */
export interface SdohFinding {
  domain: SdohDomain;
  /** `undefined` when the item alone cannot decide (a single HITS item, an unrecognised answer). */
  positive: boolean | undefined;
  instrument: SdohInstrument;
  /** The LOINC item code that was answered. */
  question: string;
  /** HITS item points, when the item is a HITS item answered with a known answer or a number. */
  hitsPoints?: number;
  /** HITS total score, when the item is the HITS total. */
  hitsTotal?: number;
}

/** One answer as read from an Observation value/component or a QuestionnaireResponse answer. */
export interface SdohAnswer {
  /** LOINC answer codes (LA…) of the coded answer, if coded. */
  codes: readonly string[];
  /** Numeric answer (HITS points or total). */
  number?: number;
}

const POSITIVE_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  [LOINC_HOUSING_QUALITY]: [LA.pests, LA.mold, LA.lead, LA.noHeat, LA.stove, LA.smokeDetectors, LA.leaks],
  [LOINC_FOOD_WORRY]: [LA.oftenTrue, LA.sometimesTrue],
  [LOINC_FOOD_DIDNT_LAST]: [LA.oftenTrue, LA.sometimesTrue],
  [LOINC_FOOD_INSECURITY_RISK]: [LA.atRisk],
  [LOINC_TRANSPORTATION]: [LA.yes, LA.prapareTransportMedical, LA.prapareTransportNonMedical],
  [LOINC_UTILITIES_SHUTOFF]: [LA.yes, LA.alreadyShutOff],
  [LOINC_PRAPARE_HOUSING_WORRY]: [LA.yes],
  [LOINC_PRAPARE_FEEL_SAFE]: PRAPARE_UNSURE_SAFETY_IS_POSITIVE ? [LA.no, LA.unsure] : [LA.no],
  [LOINC_PRAPARE_AFRAID_OF_PARTNER]: [LA.yes],
};

const NEGATIVE_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  [LOINC_HOUSING_QUALITY]: [LA.noneOfAbove],
  [LOINC_FOOD_WORRY]: [LA.neverTrue],
  [LOINC_FOOD_DIDNT_LAST]: [LA.neverTrue],
  [LOINC_FOOD_INSECURITY_RISK]: [LA.noRisk],
  [LOINC_TRANSPORTATION]: [LA.no],
  [LOINC_UTILITIES_SHUTOFF]: [LA.no],
  [LOINC_PRAPARE_HOUSING_WORRY]: [LA.no],
  [LOINC_PRAPARE_FEEL_SAFE]: PRAPARE_UNSURE_SAFETY_IS_POSITIVE ? [LA.yes] : [LA.yes, LA.unsure],
  [LOINC_PRAPARE_AFRAID_OF_PARTNER]: [LA.no],
};

const PRAPARE_ONLY_ANSWERS = new Set<string>([
  LA.prapareHoused,
  LA.prapareNotHoused,
  LA.prapareTransportMedical,
  LA.prapareTransportNonMedical,
]);

/** Shape of a LOINC answer code (LA + digits + check digit). */
export const LOINC_ANSWER_CODE = /^LA\d+-\d$/;

const decide = (
  codes: readonly string[],
  pos: readonly string[] = [],
  neg: readonly string[] = [],
): boolean | undefined =>
  codes.some((c) => pos.includes(c)) ? true : codes.some((c) => neg.includes(c)) ? false : undefined;

/**
 * Interprets the answer(s) to one item. `answers` empty means the item was recorded without a
 * value; only PRAPARE's material-needs item counts then (a "none of these" answer cannot be coded:
 * NCQA FAQ 000023667). `context` is the instrument of the enclosing panel, when known.
 */
export function interpretSdohItem(
  question: string,
  answers: readonly SdohAnswer[],
  context?: SdohInstrument,
): SdohFinding[] {
  const item = SDOH_ITEM_DOMAINS[question];
  if (!item) {
    return [];
  }
  // only LOINC answer codes (LA…) are answers: a SNOMED "declined" value is not a screen
  const codes: string[] = [];
  const numbers: number[] = [];
  for (const a of answers) {
    for (const c of a.codes) {
      if (LOINC_ANSWER_CODE.test(c)) {
        codes.push(c);
      }
    }
    if (a.number !== undefined) {
      numbers.push(a.number);
    }
  }
  if (!codes.length && !numbers.length && question !== LOINC_PRAPARE_MATERIAL_NEEDS) {
    return [];
  }
  let instrument: SdohInstrument = context && context !== 'HITS' ? context : item.instrument;
  if (codes.some((c) => PRAPARE_ONLY_ANSWERS.has(c))) {
    instrument = 'PRAPARE';
  }
  if (HITS_ITEMS.includes(question)) {
    const points = codes.map((c) => HITS_POINTS[c]).find((p) => p !== undefined) ?? numbers[0];
    return [
      {
        domain: 'safety',
        positive: undefined,
        instrument: context ?? 'HITS',
        question,
        ...(points !== undefined ? { hitsPoints: points } : {}),
      },
    ];
  }
  if (question === LOINC_HITS_TOTAL) {
    const total = numbers[0];
    return [
      {
        domain: 'safety',
        positive: total === undefined ? undefined : total > HITS_POSITIVE_ABOVE,
        instrument: context ?? 'HITS',
        question,
        ...(total !== undefined ? { hitsTotal: total } : {}),
      },
    ];
  }
  if (question === LOINC_PRAPARE_MATERIAL_NEEDS) {
    return [
      { domain: 'food', positive: codes.includes(LA.prapareFood), instrument: 'PRAPARE', question },
      { domain: 'utilities', positive: codes.includes(LA.prapareUtilities), instrument: 'PRAPARE', question },
    ];
  }
  if (question === LOINC_HOUSING_SITUATION) {
    const positive = decide(
      codes,
      [LA.worriedLosing, LA.noSteadyPlace, LA.prapareNotHoused],
      [LA.steadyPlace, LA.prapareHoused],
    );
    return [{ domain: 'housing', positive, instrument, question }];
  }
  return item.domains.map((domain) => ({
    domain,
    positive: decide(codes, POSITIVE_ANSWERS[question], NEGATIVE_ANSWERS[question]),
    instrument,
    question,
  }));
}

/** Whether a coding is a LOINC code (the reading of {@link loincCodeOf}). */
const isLoinc = (c: fhir4.Coding | undefined): boolean => !!c && c.system === LOINC && typeof c.code === 'string';

/** The LOINC code of a concept, if it carries one. */
export function loincCodeOf(concept: fhir4.CodeableConcept | undefined): string | undefined {
  const codings = concept?.coding;
  // anything but an array is read as before (validation normally strips such a concept)
  if (!Array.isArray(codings)) {
    return (codings as fhir4.Coding[] | undefined)?.find(isLoinc)?.code?.trim();
  }
  // a plain loop: this runs for every Observation and component a screening rule looks at
  for (const c of codings) {
    if (isLoinc(c)) {
      return c.code!.trim();
    }
  }
  return undefined;
}

/** Codes of a concept (any system: LA codes are LOINC, but EHRs sometimes omit the system). */
function conceptCodes(concept: fhir4.CodeableConcept | undefined): string[] {
  const codings = concept?.coding;
  if (codings === undefined || codings === null) {
    return [];
  }
  // anything but an array is read as before (validation normally strips such a concept)
  if (!Array.isArray(codings)) {
    return (codings as fhir4.Coding[]).map((c) => (typeof c?.code === 'string' ? c.code.trim() : '')).filter(Boolean);
  }
  const out: string[] = [];
  for (const c of codings) {
    const code = typeof c?.code === 'string' ? c.code.trim() : '';
    if (code) {
      out.push(code);
    }
  }
  return out;
}

interface ValueHolder {
  valueCodeableConcept?: fhir4.CodeableConcept;
  valueQuantity?: fhir4.Quantity;
  valueInteger?: number;
  valueString?: string;
}

function answerOf(v: ValueHolder): SdohAnswer[] {
  const codes = conceptCodes(v.valueCodeableConcept);
  const q = v.valueQuantity?.value;
  const n =
    typeof q === 'number' && Number.isFinite(q) ? q : typeof v.valueInteger === 'number' ? v.valueInteger : undefined;
  if (!codes.length && n === undefined) {
    return [];
  }
  return [{ codes, ...(n !== undefined ? { number: n } : {}) }];
}

/** Observation statuses that carry a result (QI-Core: final, amended, corrected). */
export const SDOH_RESULT_STATUSES: readonly string[] = ['final', 'amended', 'corrected'];

/**
 * Every domain finding an Observation carries: its own code and value, and any SDOH-coded
 * components. Empty for non-SDOH observations, results without a usable status, and
 * unanswered items.
 */
export function sdohFindingsOf(obs: fhir4.Observation, context?: SdohInstrument): SdohFinding[] {
  if (!obs || !SDOH_RESULT_STATUSES.includes(obs.status)) {
    return [];
  }
  const code = loincCodeOf(obs.code);
  const ctx = context ?? (code ? SDOH_PANELS[code] : undefined);
  const out: SdohFinding[] = [];
  if (code && SDOH_ITEM_DOMAINS[code] && !obs.dataAbsentReason) {
    out.push(...interpretSdohItem(code, answerOf(obs), ctx));
  }
  for (const comp of obs.component ?? []) {
    const cc = loincCodeOf(comp?.code);
    if (cc && SDOH_ITEM_DOMAINS[cc] && !comp.dataAbsentReason) {
      out.push(...interpretSdohItem(cc, answerOf(comp), ctx));
    }
  }
  return out;
}

/**
 * Interprets one screening Observation: its domain, whether it is positive (`undefined` when the
 * item alone cannot decide, e.g. one HITS item) and the instrument; `undefined` when it is not an
 * answered SDOH item. For items screening two domains (PRAPARE 93031-3) the positive one is
 * returned first; use {@link sdohFindingsOf} for all of them.
 */
export function interpretSdohObservation(
  obs: fhir4.Observation,
): { domain: SdohDomain; positive: boolean | undefined; instrument: SdohInstrument } | undefined {
  const all = sdohFindingsOf(obs);
  const pick = all.find((f) => f.positive === true) ?? all[0];
  return pick ? { domain: pick.domain, positive: pick.positive, instrument: pick.instrument } : undefined;
}

/** The HITS score of a set of item points: positive when the sum is > 10; `undefined` while it cannot yet be decided. */
export function hitsPositive(points: readonly number[]): boolean | undefined {
  const sum = points.reduce((a, b) => a + b, 0);
  if (sum > HITS_POSITIVE_ABOVE) {
    return true;
  }
  // with fewer than four items answered, the remaining items (≤ 5 points each) could still push it over
  return points.length >= HITS_ITEMS.length ? false : undefined;
}

/** Whether a LOINC code is an SDOH panel or item this project recognises. */
export function isSdohCode(code: string | undefined): boolean {
  return !!code && (code in SDOH_PANELS || code in SDOH_ITEM_DOMAINS);
}

/** Extracts a LOINC code from a QuestionnaireResponse linkId such as `/71802-3` or `71802-3`. */
export function loincFromLinkId(linkId: string | undefined): string | undefined {
  const m = typeof linkId === 'string' ? /(?:^|[/#.:_ ])?(\d{4,6}-\d)$/.exec(linkId.trim()) : null;
  return m?.[1];
}

/** The answers of a QuestionnaireResponse item in {@link SdohAnswer} form. */
export function answersOfResponseItem(item: fhir4.QuestionnaireResponseItem): SdohAnswer[] {
  const out: SdohAnswer[] = [];
  for (const a of item.answer ?? []) {
    const code = typeof a?.valueCoding?.code === 'string' ? a.valueCoding.code.trim() : undefined;
    const n =
      typeof a?.valueInteger === 'number'
        ? a.valueInteger
        : typeof a?.valueDecimal === 'number'
          ? a.valueDecimal
          : a?.valueQuantity?.value;
    if (code || typeof n === 'number') {
      out.push({ codes: code ? [code] : [], ...(typeof n === 'number' ? { number: n } : {}) });
    }
  }
  return out;
}
