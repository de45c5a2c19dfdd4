/**
 * The engine's entry point: one patient's record and a period in, every measure, gap, flag and
 * prioritised action out, with evidence. Pure: no I/O, no clock, inputs never mutated.
 *
 * Never throws on bad data: the record is validated first (input/validate-record.ts), and every
 * measure, gap family and flag family runs isolated — a family that fails becomes `unknown`
 * (measures, gaps) or is left out (flags) with one DataIssue naming it, and the rest still run.
 * A wrong "met" is worse than no answer, so a failure never falls back to a default verdict.
 */
import { EvaluationContext, type EvaluationOptions } from './evaluation-context.ts';
import { MEASURES } from './measures/index.ts';
import { gapFamiliesFor } from './gaps/index.ts';
import { FLAG_FAMILIES } from './flags/index.ts';
import { missedWindows, prioritiseActions } from './actions/prioritise-actions.ts';
import { deceasedAsOf, gapsAfterDeath } from './actions/deceased.ts';
import { visitFacts } from './actions/visit-facts.ts';
import { builtinValueSets } from './valuesets/index.ts';
import { validateRecord } from './input/validate-record.ts';
import { recordAsOf } from './input/record-as-of.ts';
import { epochDay } from './cql/calendar-days.ts';
import type { MeasureDefinition } from './measure-definition.ts';
import type { PatientRecord } from './record.ts';
import type { FlagResult, GapResult, MeasureResult, PatientEvaluation, VisitAction } from './types.ts';

export type { EvaluationOptions } from './evaluation-context.ts';

/** The message of anything thrown. */
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The `unknown` result that stands in for a measure whose evaluation failed. */
function failedMeasure(m: MeasureDefinition, why: string): MeasureResult {
  const zero = {
    'initial-population': 0,
    denominator: 0,
    'denominator-exclusion': 0,
    'denominator-exception': 0,
    numerator: 0,
  };
  const result: MeasureResult = {
    id: m.id,
    measureUrl: m.url,
    version: m.version,
    title: m.title,
    status: 'unknown',
    populations: zero,
    evidence: [],
    reasons: [why],
  };
  if (m.inverse) {
    result.inverse = true;
  }
  return result;
}

/**
 * Evaluates one patient. Never throws on bad data: problems are reported in `issues`. Invalid
 * options (a period that is not two calendar dates, a bad `gapPolicy` field) are a caller error
 * and throw a RangeError.
 */
export function evaluatePatient(record: PatientRecord, options: EvaluationOptions): PatientEvaluation {
  const asOf = options.asOf ?? options.period.end;
  const definitions = options.measures ?? MEASURES;
  const gapFamilies = gapFamiliesFor(definitions, options.gapPolicy);
  const validated = validateRecord(record);
  // An as-of inside the period ("where do we stand on 30 Jun"): nothing dated later counts for
  // measures, gaps, flags or actions (#12 §4; input/record-as-of.ts). At the period end or later
  // the record is taken whole, as the CQL does (a follow-up the day after a 31 Dec visit counts).
  const periodEndDay = epochDay(options.period.end);
  const asOfDay = epochDay(asOf);
  const known = asOfDay < periodEndDay ? recordAsOf(validated.record, asOfDay) : undefined;
  const ctx = new EvaluationContext(
    known?.record ?? validated.record,
    options.period,
    asOf,
    options.valueSets ?? builtinValueSets(),
  );
  for (const i of validated.issues) {
    ctx.issue(i);
  }
  for (const [type, n] of Object.entries(known?.leftOut ?? {})) {
    ctx.issue({
      resourceType: type,
      field: 'date',
      message: `${n} ${type} resource${n === 1 ? '' : 's'} dated after the as-of date not counted`,
      severity: 'warning',
    });
  }
  const everything = !options.only || options.only.includes('all');
  const wanted = (ids: readonly string[]) => everything || ids.some((id) => options.only!.includes(id));
  const failed = (kind: string, id: string, e: unknown): string => {
    const why = `${kind} ${id} could not be evaluated: ${messageOf(e)}`;
    ctx.issue({ resourceType: kind, id, field: 'evaluate', message: why, severity: 'error' });
    return why;
  };

  const measures: MeasureResult[] = [];
  for (const m of definitions) {
    if (!wanted([m.id])) {
      continue;
    }
    try {
      measures.push(m.evaluate(ctx));
    } catch (e) {
      measures.push(failedMeasure(m, failed('Measure', m.id, e)));
    }
  }

  const gaps: GapResult[] = [];
  for (const g of gapFamilies) {
    if (!wanted(g.ids)) {
      continue;
    }
    try {
      for (const r of g.evaluate(ctx, measures)) {
        if (everything || wanted([r.id, r.id.split(':')[0]!])) {
          gaps.push(r);
        }
      }
    } catch (e) {
      const why = failed('GapFamily', g.ids.join(','), e);
      for (const id of g.ids.filter((x) => wanted([x]))) {
        gaps.push({ id, title: id, status: 'unknown', why, evidence: [] });
      }
    }
  }

  const flags: FlagResult[] = [];
  for (const f of FLAG_FAMILIES) {
    if (!wanted(f.ids)) {
      continue;
    }
    try {
      for (const r of f.evaluate(ctx)) {
        if (everything || wanted([r.id, r.id.split(':')[0]!])) {
          flags.push(r);
        }
      }
    } catch (e) {
      failed('FlagFamily', f.ids.join(','), e);
    }
  }

  // a deceased patient gets no point-of-care actions and no open gaps (actions/deceased.ts)
  const deceased = deceasedAsOf(ctx);
  let actions: VisitAction[] = [];
  let missed: VisitAction[] = [];
  if (!deceased) {
    try {
      actions = prioritiseActions(flags, gaps, { asOf, measures, facts: visitFacts(ctx), definitions });
      missed = missedWindows(gaps, { asOf, definitions });
    } catch (e) {
      failed('Actions', 'prioritise', e);
    }
  }

  return {
    patient: ctx.patientRef,
    period: options.period,
    asOf,
    measures,
    gaps: deceased ? gapsAfterDeath(gaps, deceased) : gaps,
    flags,
    actions,
    missed,
    ...(deceased ? { deceased } : {}),
    issues: ctx.issues,
  };
}
