/**
 * The contract every measure, gap family and flag family implements. Each lives in its own file
 * under measures/, gaps/ or flags/ and is listed in that folder's index.ts.
 */
import type { EvaluationContext } from './evaluation-context.ts';
import type { FlagResult, GapResult, MeasureResult } from './types.ts';

/** A patient-level measure (eCQM or project-defined). */
export interface MeasureDefinition {
  /** Stable id (`cms2`, `sdoh-screening`, …). */
  id: string;
  title: string;
  /** Canonical URL of the Measure resource. */
  url: string;
  version: string;
  /** Resource types the logic reads: if one is missing or partial the result may be `unknown`. */
  requires: readonly string[];
  /** True when a numerator hit is the bad outcome (CMS122). */
  inverse?: boolean;
  evaluate(ctx: EvaluationContext): MeasureResult;
}

/** A family of care gaps computed together (e.g. `fuh-7` and `fuh-30`). */
export interface GapDefinition {
  /** The gap ids this family can emit. */
  ids: readonly string[];
  requires: readonly string[];
  /** `measures` holds the results already computed for this patient. */
  evaluate(ctx: EvaluationContext, measures: readonly MeasureResult[]): GapResult[];
}

/** A family of risk flags computed together. */
export interface FlagDefinition {
  ids: readonly string[];
  requires: readonly string[];
  evaluate(ctx: EvaluationContext): FlagResult[];
}
