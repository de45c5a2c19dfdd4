/**
 * A measure's visit action read from its definition: the step its result names (`closingStep`,
 * e.g. CMS2 `follow-up`), else the definition's default step; and what the panel asks of a
 * definition (its kind, the forms that close its gap) instead of branching on measure ids.
 * Those questions default to the point-of-care profiles (measures/point-of-care-measures.ts), not
 * `MEASURES`: the app's first chunk asks them and must not carry the rules' code.
 */
import type { MeasureKind, MeasureStep } from '../measure-definition.ts';
import { POINT_OF_CARE_MEASURES, type MeasureProfile } from '../measures/point-of-care-measures.ts';
import { GAP_ACTION_TEXT, gapFamily } from './action-catalog.ts';
import type { GapResult, MeasureResult, VisitActionForm } from '../types.ts';

/**
 * The step of `def`'s action that closes `result` — for an episode measure, the one of window gap
 * `gapId`'s family — else the default step (undefined when the measure has no action).
 */
export function measureStep(
  def: MeasureProfile,
  result: MeasureResult | undefined,
  gapId?: string,
): MeasureStep | undefined {
  const steps = def.action?.steps;
  if (!steps) {
    return undefined;
  }
  const named = def.populationBasis ? (gapId === undefined ? undefined : gapFamily(gapId)) : result?.closingStep;
  return (named !== undefined && Object.hasOwn(steps, named) ? steps[named] : undefined) ?? steps.default;
}

/** The action text of a gap: its measure's step (window gaps of episode measures included), else the gap family's text. */
export function gapActionText(
  gapId: string,
  definitions: readonly MeasureProfile[],
  results: readonly MeasureResult[] = [],
): string | undefined {
  const def = definitions.find((d) => d.action && d.gapIds.includes(gapId));
  const step =
    def &&
    measureStep(
      def,
      results.find((m) => m.id === def.id),
      gapId,
    );
  return step?.text ?? GAP_ACTION_TEXT[gapFamily(gapId.split(':')[0]!)];
}

/** The definition (profile) behind a measure id (default: the point-of-care profiles). */
export function measureDefinition(
  measureId: string | undefined,
  definitions: readonly MeasureProfile[] = POINT_OF_CARE_MEASURES,
): MeasureProfile | undefined {
  return measureId === undefined ? undefined : definitions.find((d) => d.id === measureId);
}

/** The special role of a measure at the point of care (`depression-screening`, `sdoh-screening`), if any. */
export function measureKind(
  measureId: string | undefined,
  definitions: readonly MeasureProfile[] = POINT_OF_CARE_MEASURES,
): MeasureKind | undefined {
  return measureDefinition(measureId, definitions)?.kind;
}

/** The definition whose own gap `gap` is (its `gapIds` hold the gap's id), if any. */
export function definitionOfGap(
  gap: Pick<GapResult, 'id' | 'measureId'>,
  definitions: readonly MeasureProfile[] = POINT_OF_CARE_MEASURES,
): MeasureProfile | undefined {
  return definitions.find((d) => d.gapIds.includes(gap.id) && (gap.measureId === undefined || gap.measureId === d.id));
}

/**
 * The in-panel forms that close a measure's open gap, most likely first: those of the step its
 * result names (CMS2 after a positive screen: the follow-up plan, then the PHQ). None for a gap
 * that is no measure's own gap with an action.
 */
export function measureGapForms(
  gap: Pick<GapResult, 'id' | 'measureId'>,
  results: readonly MeasureResult[],
  definitions: readonly MeasureProfile[] = POINT_OF_CARE_MEASURES,
): readonly VisitActionForm[] {
  const def = definitionOfGap(gap, definitions);
  return def
    ? (measureStep(
        def,
        results.find((m) => m.id === def.id),
      )?.forms ?? [])
    : [];
}
