/**
 * Plain-language labels for the population view: risk flags by id (the filter shows "Social need:
 * food", not `sdoh-need:food`) and short column / chart labels for measures and gaps, distinct
 * from one another ("FUH 7-day" and "FUH 30-day", never two "Follow-up within 7 days aft…"). The
 * full title stays available as the tooltip. Unknown ids fall back to the title or a readable id.
 */

const FLAG_LABELS: Readonly<Record<string, string>> = {
  'suicide-risk': 'Suicide risk',
  smi: 'Serious mental illness',
  sud: 'Substance use disorder',
  'smi-sud': 'Serious mental illness and substance use',
  'ed-frequent': 'Frequent ED use',
  'ed-recent': 'Recent ED visit',
  'psych-admission-recent': 'Recent psychiatric stay',
  readmission: 'Readmission',
  'depression-severity': 'Depression severity',
  'anxiety-severity': 'Anxiety severity',
  'sdoh-need': 'Social need (any)',
  'multiple-chronic-conditions': 'Multiple chronic conditions',
  polypharmacy: 'Polypharmacy',
  'high-needs-approx': 'Possible high-needs patient',
};

const SDOH_DOMAINS: Readonly<Record<string, string>> = {
  food: 'food',
  housing: 'housing',
  transportation: 'transportation',
  utilities: 'utilities',
  safety: 'interpersonal safety',
};

const MEASURE_LABELS: Readonly<Record<string, string>> = {
  cms2: 'Depression screening (CMS2)',
  'sdoh-screening': 'SDOH screening',
  cms165: 'BP control (CMS165)',
  cms122: 'HbA1c > 9% (CMS122)',
  cms130: 'Colorectal screening (CMS130)',
  cms125: 'Breast screening (CMS125)',
  fuh: 'FUH (mental-health stay)',
  fum: 'FUM (mental-health ED)',
  fua: 'FUA (substance-use ED)',
  tcm: 'TCM (discharge)',
};

const GAP_LABELS: Readonly<Record<string, string>> = {
  'depression-screening-coding': 'Code depression screen',
  'sdoh-positive-follow-up': 'SDOH follow-up',
  'phq9-monitoring': 'PHQ-9 monitoring',
};

/** "sdoh-need:food" → "Sdoh need: food" (last resort for an id with no label). */
function readableId(id: string): string {
  const s = id.replace(/:/g, ': ').replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The label of a risk flag id. */
export function flagLabel(id: string): string {
  const [base, domain] = id.split(':');
  if (base === 'sdoh-need' && domain) {
    return `Social need: ${SDOH_DOMAINS[domain] ?? domain}`;
  }
  return FLAG_LABELS[id] ?? readableId(id);
}

/** The short label of a measure (with `group` for one rate of several, e.g. "FUH … — 7-day"). */
export function measureLabel(id: string, title: string, group?: string): string {
  const base = MEASURE_LABELS[id] ?? title;
  return group ? `${base} — ${group}` : base;
}

/** The short label of a care gap: follow-up windows by family and days, measure gaps by measure. */
export function gapLabel(id: string, title: string): string {
  const window = /^(fuh|fum|fua|tcm)-(\d+)$/.exec(id);
  if (window) {
    return `${window[1]!.toUpperCase()} ${window[2]}-day follow-up`;
  }
  const [base, domain] = id.split(':');
  if (base === 'sdoh-positive-follow-up' && domain) {
    return `SDOH follow-up: ${SDOH_DOMAINS[domain] ?? domain}`;
  }
  if (GAP_LABELS[id]) {
    return GAP_LABELS[id]!;
  }
  if (MEASURE_LABELS[id]) {
    return `${MEASURE_LABELS[id]} gap`;
  }
  return title || readableId(id);
}
