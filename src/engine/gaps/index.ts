/**
 * Every care-gap family the engine evaluates, in display order: measure-derived gaps first, then
 * the time-critical follow-up windows, then coding / monitoring / social-care gaps. Add a family by
 * listing it here. An organisation that changes windows or cut-offs builds its families with
 * `gapFamilies({ ...DEFAULT_GAP_POLICY, … })`; the engine uses the documented default policy.
 */
import type { GapDefinition } from '../measure-definition.ts';
import { interpretSdohObservation } from '../codes/sdoh-items.ts';
import { DEFAULT_GAP_POLICY, type GapPolicy } from './gap-policy.ts';
import { MEASURE_GAPS } from './measure-gaps.ts';
import { fuhGaps } from './fuh-follow-up.ts';
import { fuaGaps, fumGaps } from './ed-follow-up.ts';
import { tcmGaps } from './tcm-follow-up.ts';
import { depressionScreeningCodingGaps } from './depression-screening-coding.ts';
import { sdohPositiveFollowUpGaps } from './sdoh-positive-follow-up.ts';
import { phq9MonitoringGaps } from './phq9-monitoring.ts';

/** The gap families under a policy. */
export function gapFamilies(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition[] {
  return [
    MEASURE_GAPS,
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
