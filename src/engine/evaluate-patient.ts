/**
 * The engine's entry point: one patient's record and a period in, every measure, gap, flag and
 * prioritised action out, with evidence. Pure: no I/O, no clock, inputs never mutated.
 */
import { EvaluationContext, type EvaluationOptions } from './evaluation-context.ts';
import { MEASURES } from './measures/index.ts';
import { GAP_FAMILIES } from './gaps/index.ts';
import { FLAG_FAMILIES } from './flags/index.ts';
import { prioritiseActions } from './actions/prioritise-actions.ts';
import { builtinValueSets } from './valuesets/index.ts';
import type { PatientRecord } from './record.ts';
import type { FlagResult, GapResult, MeasureResult, PatientEvaluation } from './types.ts';

export type { EvaluationOptions } from './evaluation-context.ts';

/** Evaluates one patient. Never throws on bad data: problems are reported in `issues`. */
export function evaluatePatient(record: PatientRecord, options: EvaluationOptions): PatientEvaluation {
  const asOf = options.asOf ?? options.period.end;
  const ctx = new EvaluationContext(record, options.period, asOf, options.valueSets ?? builtinValueSets(), options.tzOffsetMin ?? 0);
  const wanted = (ids: readonly string[]) => !options.only || options.only.includes('all') || ids.some((id) => options.only!.includes(id));

  const measures: MeasureResult[] = [];
  for (const m of MEASURES) if (wanted([m.id])) measures.push(m.evaluate(ctx));

  const gaps: GapResult[] = [];
  for (const g of GAP_FAMILIES) if (wanted(g.ids)) gaps.push(...g.evaluate(ctx, measures).filter((r) => wanted([r.id, r.id.split(":")[0]!])));

  const flags: FlagResult[] = [];
  for (const f of FLAG_FAMILIES) if (wanted(f.ids)) flags.push(...f.evaluate(ctx).filter((r) => wanted([r.id, r.id.split(":")[0]!])));

  return {
    patient: ctx.patientRef,
    period: options.period,
    asOf,
    measures,
    gaps,
    flags,
    actions: prioritiseActions(flags, gaps, { asOf }),
    issues: ctx.issues,
  };
}
