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
 * discharge or ED visit, TCM, the 30-day SDOH referral window): due soon means act in this visit.
 */
export const TIME_CRITICAL_GAP_FAMILIES: readonly string[] = ['fuh', 'fum', 'fua', 'tcm', 'sdoh-positive-follow-up'];

/** An open gap due within this many days of asOf is time-critical, whatever its family. */
export const TIME_CRITICAL_DAYS = 7;

/** Action text by gap family (fallback: the gap's own `closes`, then its title). */
export const GAP_ACTION_TEXT: Readonly<Record<string, string>> = {
  fuh: 'Follow-up after psychiatric discharge',
  fum: 'Follow-up after ED visit for mental health',
  fua: 'Follow-up after ED visit for substance use',
  tcm: 'Transitional care visit after discharge',
  'phq9-monitoring': 'PHQ-9 due (depression monitoring)',
  'sdoh-screening': 'SDOH screening not done this year',
  'depression-screening-coding': 'Code the PHQ-9 result as a depression screen',
  cms165: 'BP not controlled — recheck and adjust treatment',
  cms122: 'HbA1c above 9% or not done — recheck',
  cms130: 'Colorectal cancer screening due',
  cms125: 'Breast cancer screening (mammogram) due',
};

/** CMS2 is open for a missing screen or a missing follow-up plan; the measure's `closes` says which. */
const CMS2_SCREEN_DUE = 'PHQ-9 due (depression screening)';
const CMS2_FOLLOW_UP_DUE = 'Document a follow-up plan for the positive depression screen';

/** The short action text of an open gap: catalogue text by family, else the gap's `closes`, else its title. */
export function gapActionText(gap: { id: string; title: string; closes?: string }): string {
  const [base = gap.id, domain] = gap.id.split(':');
  if (base === 'sdoh-positive-follow-up' && domain && FLAG_ACTION_TEXT[`sdoh-need:${domain}`]) return FLAG_ACTION_TEXT[`sdoh-need:${domain}`]!;
  if (base === 'cms2') return /follow[- ]up/i.test(gap.closes ?? '') && !/^screen/i.test(gap.closes ?? '') ? CMS2_FOLLOW_UP_DUE : CMS2_SCREEN_DUE;
  return GAP_ACTION_TEXT[gapFamily(base)] ?? gap.closes ?? gap.title;
}

/**
 * Order of measure gaps that tie on due date (tier 3): the behavioral-health work this panel is
 * for first (depression, SDOH), then chronic-disease control, then cancer screening. Families not
 * listed come after, by id.
 */
export const GAP_PRIORITY: readonly string[] = [
  'cms2', 'depression-screening-coding', 'phq9-monitoring', 'sdoh-positive-follow-up', 'sdoh-screening',
  'cms165', 'cms122', 'cms130', 'cms125',
];

/** Safety action of the suicide-risk flag (measures.md §6: same-day C-SSRS and safety plan). */
export const SAFETY_ACTION_TEXT = 'Same-day safety assessment (C-SSRS) and safety plan';

/** Action text by flag id (sdoh-need:<domain> is matched by its prefix). Flags not listed yield no action. */
export const FLAG_ACTION_TEXT: Readonly<Record<string, string>> = {
  'psych-admission-recent': 'Post-discharge review: medicines and follow-up plan',
  readmission: 'Review care transitions after a 30-day readmission',
  'ed-frequent': 'Care plan and outreach for frequent ED use',
  'ed-recent': 'Follow up on the recent ED visit',
  'smi-sud': 'Coordinate integrated mental-health and substance-use care',
  smi: 'Check psychiatric care and antipsychotic monitoring',
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
  'psych-admission-recent': ['fuh', 'tcm'],
  readmission: ['tcm'],
  // an ED visit that led to an admission is followed up through the discharge windows
  'ed-recent': ['fum', 'fua', 'fuh', 'tcm'],
  'sdoh-need:food': ['sdoh-positive-follow-up:food'],
  'sdoh-need:housing': ['sdoh-positive-follow-up:housing'],
  'sdoh-need:transportation': ['sdoh-positive-follow-up:transportation'],
  'sdoh-need:utilities': ['sdoh-positive-follow-up:utilities'],
  'sdoh-need:safety': ['sdoh-positive-follow-up:safety'],
};
