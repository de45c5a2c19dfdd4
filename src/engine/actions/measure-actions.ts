/**
 * A measure's visit action read from its definition: the step its result names (`closingStep`,
 * e.g. CMS2 `follow-up`), else the definition's default step.
 */
import type { MeasureDefinition, MeasureStep } from '../measure-definition.ts';
import type { MeasureResult } from '../types.ts';

/** The step of `def`'s action that closes `result` (undefined when the measure has no action). */
export function measureStep(def: MeasureDefinition, result: MeasureResult | undefined): MeasureStep | undefined {
  const steps = def.action?.steps;
  if (!steps) {
    return undefined;
  }
  const named = result?.closingStep;
  return (named !== undefined && Object.hasOwn(steps, named) ? steps[named] : undefined) ?? steps.default;
}
