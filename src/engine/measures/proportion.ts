/**
 * Turns the raw booleans of a patient-based proportion measure into final population counts and
 * a status, applying the cqf-measures precedence rules: exclusions remove from the denominator,
 * numerator members are never exceptions, exceptions only apply to denominator members who are
 * neither excluded nor in the numerator.
 * Spec: https://build.fhir.org/ig/HL7/cqf-measures/measure-conformance.html#proportion-measure-scoring
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import type { ClosingAction, Evidence, MeasureResult, MeasureStatus, PopulationCounts } from '../types.ts';

/** The raw CQL define results for one patient. */
export interface RawPopulations {
  initialPopulation: boolean;
  denominator: boolean;
  denominatorExclusion: boolean;
  numerator: boolean;
  denominatorException: boolean;
}

/** Applies proportion precedence to raw booleans and returns the final 0/1 counts. */
export function finalCounts(raw: RawPopulations): PopulationCounts {
  const ip = raw.initialPopulation;
  const den = ip && raw.denominator;
  const denex = den && raw.denominatorExclusion;
  const num = den && !denex && raw.numerator;
  const denexcep = den && !denex && !num && raw.denominatorException;
  return {
    'initial-population': ip ? 1 : 0,
    denominator: den ? 1 : 0,
    'denominator-exclusion': denex ? 1 : 0,
    'denominator-exception': denexcep ? 1 : 0,
    numerator: num ? 1 : 0,
  };
}

/** Status that the final counts denote. */
export function statusOf(c: PopulationCounts): MeasureStatus {
  if (!c['initial-population'] || !c.denominator) {
    return 'not-in-population';
  }
  if (c['denominator-exclusion']) {
    return 'excluded';
  }
  if (c.numerator) {
    return 'met';
  }
  if (c['denominator-exception']) {
    return 'exception';
  }
  return 'not-met';
}

/**
 * Reasons the result cannot be trusted: each required resource type that is missing or partial.
 * An empty list means every input was read completely.
 */
export function incompleteInputs(ctx: EvaluationContext, requires: readonly string[]): string[] {
  const reasons: string[] = [];
  for (const t of requires) {
    const c = ctx.completeness(t);
    if (c.status !== 'complete') {
      reasons.push(`${t} ${c.status === 'partial' ? 'is incomplete' : 'is missing'}${c.reason ? `: ${c.reason}` : ''}`);
    }
  }
  return reasons;
}

/**
 * Assembles a MeasureResult. When `reasons` is non-empty the status is `unknown` (the counts stay
 * as computed from the data that were read, and are provisional).
 */
export function proportionResult(
  def: MeasureDefinition,
  raw: RawPopulations,
  evidence: Evidence[],
  extra: { reasons?: string[]; closes?: ClosingAction; detail?: Record<string, unknown> } = {},
): MeasureResult {
  const populations = finalCounts(raw);
  const reasons = extra.reasons ?? [];
  const result: MeasureResult = {
    id: def.id,
    measureUrl: def.url,
    version: def.version,
    title: def.title,
    status: reasons.length ? 'unknown' : statusOf(populations),
    populations,
    evidence,
  };
  if (reasons.length) {
    result.reasons = reasons;
  }
  if (extra.closes) {
    result.closes = extra.closes;
  }
  if (extra.detail) {
    result.detail = extra.detail;
  }
  if (def.inverse) {
    result.inverse = true;
  }
  return result;
}
