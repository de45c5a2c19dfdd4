/**
 * The contract every measure, gap family and flag family implements. Each lives in its own file
 * under measures/, gaps/ or flags/ and is listed in that folder's index.ts.
 */
import type { EvaluationContext } from './evaluation-context.ts';
import type { FlagResult, GapResult, MeasureResult, VisitActionForm } from './types.ts';

/**
 * Where the visit actions and the panel treat a measure specially: `depression-screening` (CMS2:
 * its gap joins the PHQ-9 monitoring and coding needs; PHQ and follow-up-plan forms) and
 * `sdoh-screening` (the HRSN form; per-domain detail).
 */
export type MeasureKind = 'depression-screening' | 'sdoh-screening';

/** Who a measure is for, in its own terms (visit/population-eligibility.ts says why a patient is not in it). */
export interface MeasureEligibility {
  /** Inclusive age band; `high` absent = no upper limit. */
  ages: { low: number; high?: number };
  /**
   * The day the age is taken on: the period's first or last day, or the date of the qualifying
   * visit (#487) — then the visit in context, else the period's last day (the oldest the patient
   * can be at a visit in the period).
   */
  ageOn: 'period-start' | 'period-end' | 'visit-date';
  /** Only women (CMS125 reads the US Core birth sex). */
  women?: true;
  /** The diagnosis the measure requires, in plain words ("with hypertension diagnosed by 30 June of the year"). */
  who?: string;
}

/** One way an open gap of a measure closes at the visit. */
export interface MeasureStep {
  /** The action's text ("Colorectal cancer screening due"). */
  text: string;
  /** The in-panel forms that record it, most likely first. */
  forms?: readonly VisitActionForm[];
}

/** The point-of-care action of a measure's open gap. */
export interface MeasureAction {
  /**
   * Order among needs due the same day, lower first. One scale with the needs that come from no
   * measure (discharge, depression, social needs): NEED_PRIORITY in actions/action-catalog.ts.
   */
  priority: number;
  /**
   * By the result's `closingStep` (e.g. CMS2 `screen`, `code`, `follow-up`) — for an episode
   * measure by the window gap's family (TCM `tcm-contact-2d`); `default` when none is named.
   */
  steps: { readonly default: MeasureStep } & Readonly<Record<string, MeasureStep>>;
  /** The measure's own wording from its result and gap (SDOH: the domains not screened yet), if it has one. */
  describe?(result: MeasureResult | undefined, gap: GapResult): string;
}

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
  /**
   * The care-gap ids its results give: a patient-based measure its own id (gaps/measure-gaps.ts);
   * an episode-based one (population basis Encounter) its window gaps (`fuh-7`, `fuh-30`), which
   * the follow-up gap families compute.
   */
  gapIds: readonly string[];
  /** Episode-based measures: the populations count Encounters (index events). */
  populationBasis?: 'Encounter';
  /** The action of its open gap at the visit (absent: the gap gives no action of its own). */
  action?: MeasureAction;
  /** Special treatment by the visit actions and the panel, if any. */
  kind?: MeasureKind;
  /** Who it is for (age band, sex, diagnosis), to say why a patient is not in it; absent: not said. */
  eligibility?: MeasureEligibility;
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
