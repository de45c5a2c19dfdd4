/**
 * The short clinical text of each visit action, by flag id and by gap family, and which flags an
 * open gap already covers (so one concern yields one action). Gap families group the window
 * variants of one gap: `fuh-7` and `fuh-30` are family `fuh`.
 */

/** The family of a gap id: the id without a trailing window length (`fuh-7` → `fuh`). */
export function gapFamily(id: string): string {
  return id.replace(/-\d+$/, '');
}

/**
 * Gap families whose windows are short and anchored on an event (HEDIS FUH/FUM/FUA after a
 * discharge or ED visit, TCM and its 2-business-day contact, the 30-day SDOH referral window): due
 * soon means act in this visit.
 */
export const TIME_CRITICAL_GAP_FAMILIES: readonly string[] = [
  'fuh',
  'fum',
  'fua',
  'tcm',
  'tcm-contact-2d',
  'sdoh-positive-follow-up',
];

/** An open gap due within this many days of asOf is time-critical, whatever its family. */
export const TIME_CRITICAL_DAYS = 7;

/** Gap families that follow one hospital discharge: one need, one action (issue 13 §2). */
export const DISCHARGE_GAP_FAMILIES: readonly string[] = ['fuh', 'tcm', 'tcm-contact-2d'];

/**
 * Action text of the gap families that are no measure's gap (a measure's own gap, and the window
 * gaps of the FUH / FUM / FUA / TCM episode measures, take their text from the measure's
 * definition: `action`; fallback: the gap's own `closes`, then its title).
 */
export const GAP_ACTION_TEXT: Readonly<Record<string, string>> = {
  'phq9-monitoring': 'PHQ-9 due (depression monitoring)',
  'depression-screening-coding': 'Code the PHQ-9 result as a depression screen',
};

/** Depression texts beyond CMS2's own steps (measures/cms2-action.ts): monitoring, both, severe scores. */
export const DEPRESSION_TEXT = {
  monitor: 'PHQ-9 due (depression monitoring)',
  screenAndMonitor: 'PHQ-9 due (annual screening and depression monitoring)',
  severe: 'Severe depression without a documented plan: treat or refer and document the follow-up plan today',
} as const;

/** Safety action of the suicide-risk flag (measures.md §6: same-day C-SSRS and safety plan). */
export const SAFETY_ACTION_TEXT = 'Same-day safety assessment (C-SSRS) and safety plan';
/** Action of a suicide-risk flag whose only evidence is history (an old attempt, Z91.51). */
export const SUICIDE_HISTORY_ACTION_TEXT = 'Ask about suicidal thoughts today (C-SSRS): history of suicidal behaviour';
/** Action after a psychiatric discharge in the last 30 days (a safety plan belongs to it). */
export const PSYCH_DISCHARGE_ACTION_TEXT = 'Post-discharge review: safety plan, medicines and follow-up';

/** Action text by flag id (sdoh-need:<domain> is matched by its prefix). Flags not listed yield no action. */
export const FLAG_ACTION_TEXT: Readonly<Record<string, string>> = {
  'psych-admission-recent': 'Post-discharge review: medicines and follow-up plan',
  readmission: 'Review care transitions after a 30-day readmission',
  'ed-frequent': 'Care plan and outreach for frequent ED use',
  'ed-recent': 'Follow up on the recent ED visit',
  'smi-sud': 'Coordinate integrated mental-health and substance-use care',
  smi: 'Check psychiatric care and medication monitoring (serious mental illness)',
  sud: 'Review substance-use treatment and offer referral',
  'depression-severity': 'Review depression treatment (severe symptoms)',
  'anxiety-severity': 'Review anxiety treatment',
  'sdoh-need:food': 'Refer for food insecurity (community resources)',
  'sdoh-need:housing': 'Refer for housing instability',
  'sdoh-need:transportation': 'Arrange transportation support',
  'sdoh-need:utilities': 'Refer for utility assistance',
  'sdoh-need:safety': 'Private safety check and IPV resources',
  polypharmacy: 'Medication review and deprescribing',
  'multiple-chronic-conditions': 'Coordinate care across chronic conditions',
  'high-needs-approx': 'Consider high-needs care management',
};

/** Gap families whose open gap covers a flag: the gap's action is the flag's action. */
export const FLAG_COVERED_BY_GAPS: Readonly<Record<string, readonly string[]>> = {
  'psych-admission-recent': ['fuh', 'tcm', 'tcm-contact-2d'],
  readmission: ['tcm', 'tcm-contact-2d'],
  // an ED visit that led to an admission is followed up through the discharge windows
  'ed-recent': ['fum', 'fua', 'fuh', 'tcm', 'tcm-contact-2d'],
};

/**
 * Order of needs that tie on due date within a tier, lower first: the behavioral-health work this
 * panel is for first (a discharge — FUH, TCM and the 2-day contact as one need; then FUM 20 and
 * FUA 30 at their definitions' `action.priority`; depression; social needs), then the measures'
 * own gaps at their definition's `action.priority` (SDOH screening 80, CMS165 90, CMS122 100,
 * CMS130 110, CMS125 120: chronic-disease control before cancer screening). Needs with no priority
 * come after, by id ({@link UNRANKED_PRIORITY}).
 */
export const NEED_PRIORITY: Readonly<Record<string, number>> = {
  discharge: 10,
  'depression-plan': 40,
  'depression-coding': 50,
  'depression-screen': 60,
  'sdoh-need': 70,
};

/** The priority of a need no table or definition ranks (after every ranked one). */
export const UNRANKED_PRIORITY = Number.MAX_SAFE_INTEGER;

/**
 * Order of the safety needs after suicide risk (tier 1), as issue 12 §4 lists them: severe
 * depression without a plan, interpersonal violence, a recent psychiatric discharge.
 */
export const SAFETY_ORDER: readonly string[] = ['suicide-risk', 'depression-plan', 'sdoh-need:safety', 'discharge'];
