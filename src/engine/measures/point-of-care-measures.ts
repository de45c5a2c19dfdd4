/**
 * The measures the panel treats specially at the point of care (their `kind`: CMS2's depression
 * screening, SDOH screening), as profiles without their evaluation code: id, own gap ids, visit
 * action (steps, forms) and kind. The measure definitions spread these profiles, so the knowledge
 * lives once; the app's entry asks these (actions/measure-actions.ts defaults) and not
 * `MEASURES`, which would bring every rule into the first chunk the browser loads (the evaluation
 * runs in the Worker; test/e2e/build-chunks.test.ts). A measure with a `kind` or with forms on its
 * action is listed here (test/engine/measures/point-of-care-measures.test.ts checks it).
 */
import type { MeasureDefinition } from '../measure-definition.ts';
import { CMS2_ACTION } from './cms2-action.ts';
import { SDOH_SCREENING_ACTION } from './sdoh-screening-action.ts';

/** What the panel asks of a measure: no evaluation code. */
export type MeasureProfile = Pick<MeasureDefinition, 'id' | 'gapIds' | 'action' | 'kind' | 'populationBasis'>;

/** CMS2 at the point of care: its gap, its steps (screen, code, follow-up) and their forms. */
export const CMS2_PROFILE = {
  id: 'cms2',
  gapIds: ['cms2'],
  action: CMS2_ACTION,
  kind: 'depression-screening',
} as const satisfies MeasureProfile;

/** SDOH screening at the point of care: its gap and the HRSN form. */
export const SDOH_SCREENING_PROFILE = {
  id: 'sdoh-screening',
  gapIds: ['sdoh-screening'],
  action: SDOH_SCREENING_ACTION,
  kind: 'sdoh-screening',
} as const satisfies MeasureProfile;

/** The point-of-care profiles, in the order of `MEASURES`. */
export const POINT_OF_CARE_MEASURES: readonly MeasureProfile[] = [CMS2_PROFILE, SDOH_SCREENING_PROFILE];
