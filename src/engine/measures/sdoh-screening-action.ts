/**
 * The visit action of an open SDOH screening gap: name the domains the measure's result says are
 * not screened yet this period (#487 needs all five), so the clinician asks only what is missing.
 */
import type { MeasureAction } from '../measure-definition.ts';
import type { GapResult, MeasureResult } from '../types.ts';

/** Short domain names for "Screen for a, b and c". */
const SHORT_DOMAIN_NAMES: Readonly<Record<string, string>> = {
  food: 'food',
  housing: 'housing',
  transportation: 'transportation',
  utilities: 'utilities',
  safety: 'interpersonal safety',
};

/** The action text from the result's `detail.domains` (falls back to the gap's `closes`). */
function describe(result: MeasureResult | undefined, gap: GapResult): string {
  const domains = result?.detail?.['domains'];
  if (domains && typeof domains === 'object') {
    const missing = Object.entries(SHORT_DOMAIN_NAMES)
      .filter(([d]) => !(domains as Record<string, { screened?: boolean }>)[d]?.screened)
      .map(([, name]) => name);
    const done = Object.keys(SHORT_DOMAIN_NAMES).length - missing.length;
    if (missing.length && done === 0) {
      return 'Screen for social needs (AHC HRSN): no SDOH domain screened this year';
    }
    if (missing.length) {
      return `Screen for ${missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`} (${done} of 5 SDOH domains screened this year)`;
    }
  }
  return gap.closes ? `Screen for social needs: ${gap.closes}` : 'Screen for social needs (AHC HRSN)';
}

/** The SDOH screening measure's action: the HRSN form, after the depression and social-need actions. */
export const SDOH_SCREENING_ACTION: MeasureAction = {
  priority: 80,
  steps: { default: { text: 'Screen for social needs (AHC HRSN)', forms: ['hrsn'] } },
  describe,
};
