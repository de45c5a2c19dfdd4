/** Every code-built case group of the clinical deck, in README order (§1 … §5). */
import type { CodeGroup } from './deck-cases.ts';
import { DATE_GROUPS } from './deck-date-cases.ts';
import { CMS2_PLAN_GROUPS } from './deck-cms2-plan-cases.ts';
import { WINDOW_GROUPS } from './deck-window-cases.ts';
import { SAFETY_GROUPS } from './deck-safety-cases.ts';
import { SCREEN_GROUPS } from './deck-screen-cases.ts';
import { PROBE_GROUPS } from './deck-probe-cases.ts';
import { EDGE_GROUPS } from './deck-edge-cases.ts';
import { INPUT_GROUPS } from './deck-input-cases.ts';

/** The code-built groups (the on-disk ones are read by loadCases). */
export const CODE_GROUPS: readonly CodeGroup[] = [
  ...DATE_GROUPS,
  ...CMS2_PLAN_GROUPS,
  ...WINDOW_GROUPS,
  ...EDGE_GROUPS,
  ...SAFETY_GROUPS,
  ...SCREEN_GROUPS,
  ...PROBE_GROUPS,
  ...INPUT_GROUPS,
];
