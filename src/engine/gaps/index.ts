/**
 * Every care-gap family the engine evaluates, in display order: measure-derived gaps first, then
 * the time-critical follow-up windows, then coding / monitoring / social-care gaps. Add a family by
 * listing it here (a measure's own gap comes with its definition: `gapIds`). An organisation that
 * changes windows or cut-offs passes a partial policy (`EvaluationOptions.gapPolicy`, validated
 * by gap-policy-override.ts); the engine then builds `gapFamilies({ ...DEFAULT_GAP_POLICY, … })`.
 */
import type { GapDefinition, MeasureDefinition } from '../measure-definition.ts';
import { MEASURES } from '../measures/index.ts';
import { interpretSdohObservation } from '../codes/sdoh-items.ts';
import { DEFAULT_GAP_POLICY, type GapPolicy } from './gap-policy.ts';
import { gapPolicyWith, type GapPolicyOverride } from './gap-policy-override.ts';
import { measureGaps } from './measure-gaps.ts';
import { fuhGaps } from './fuh-follow-up.ts';
import { fuaGaps, fumGaps } from './ed-follow-up.ts';
import { tcmGaps } from './tcm-follow-up.ts';
import { depressionScreeningCodingGaps } from './depression-screening-coding.ts';
import { sdohPositiveFollowUpGaps } from './sdoh-positive-follow-up.ts';
import { phq9MonitoringGaps } from './phq9-monitoring.ts';

/** The gap families under a policy, for the measures of `definitions` (default: every built-in one). */
export function gapFamilies(
  policy: GapPolicy = DEFAULT_GAP_POLICY,
  definitions: readonly MeasureDefinition[] = MEASURES,
): GapDefinition[] {
  return [
    measureGaps(definitions),
    fuhGaps(policy),
    fumGaps(policy),
    fuaGaps(policy),
    tcmGaps(policy),
    depressionScreeningCodingGaps(policy),
    sdohPositiveFollowUpGaps(interpretSdohObservation, policy),
    phq9MonitoringGaps(policy),
  ];
}

/** The families the engine evaluates (default policy). */
export const GAP_FAMILIES: readonly GapDefinition[] = gapFamilies(DEFAULT_GAP_POLICY);

const NO_OVERRIDE: GapPolicyOverride = Object.freeze({});
const BUILT = new WeakMap<readonly MeasureDefinition[], WeakMap<GapPolicyOverride, readonly GapDefinition[]>>();

/**
 * The families of one evaluation: {@link GAP_FAMILIES} unless the caller passes other measure
 * definitions or a policy override (validated here; a RangeError names a bad field). Built once
 * per (definitions, override) object, so a batch that passes the same objects builds them once.
 */
export function gapFamiliesFor(
  definitions: readonly MeasureDefinition[] = MEASURES,
  override?: GapPolicyOverride,
): readonly GapDefinition[] {
  if (definitions === MEASURES && override === undefined) {
    return GAP_FAMILIES;
  }
  const key = override ?? NO_OVERRIDE;
  let byOverride = BUILT.get(definitions);
  if (!byOverride) {
    byOverride = new WeakMap();
    BUILT.set(definitions, byOverride);
  }
  let families = byOverride.get(key);
  if (!families) {
    families = gapFamilies(gapPolicyWith(key), definitions);
    byOverride.set(key, families);
  }
  return families;
}
