/**
 * The depression needs of a visit — at most one each of: a follow-up plan, coding a score as the
 * CMS2 screening result, a PHQ-9 to administer — from the gap of the `depression-screening` measure
 * (CMS2; the step its result names: measures/cms2-action.ts), the depression-screening-coding and
 * phq9-monitoring gaps, the depression-severity flag and the record's latest score (visit-facts.ts):
 *  - plan: CMS2 asks for a follow-up plan, or a positive score of the last 14 days has no plan
 *    documented since (CMS2 numerator: a positive screen needs a follow-up plan). SEVERE (PHQ-9 ≥ 20,
 *    the `high` depression-severity flag) without a plan is a high-severity need (tier 1). A plan
 *    documented since the score means no plan action, whatever CMS2's timing rules say.
 *  - coding: the coding gap is open, CMS2 asks to code a result, or CMS2 asks to screen although a
 *    score of the last 14 days exists (coding it is what counts, not another PHQ-9).
 *  - PHQ-9: CMS2 asks to screen and no score of the last 14 days exists, or monitoring is due and no
 *    PHQ-9 / PHQ-A of the last 14 days exists; both in one action when both apply.
 */
import type { FlagResult, GapResult, MeasureResult } from '../types.ts';
import type { MeasureDefinition } from '../measure-definition.ts';
import { CMS2_ACTION, type Cms2Step } from '../measures/cms2-action.ts';
import { DEPRESSION_TEXT, GAP_ACTION_TEXT } from './action-catalog.ts';
import type { VisitFacts } from './visit-facts.ts';
import type { Need } from './visit-needs.ts';
import { displayDay } from '../flags/statement-format.ts';
import { epochDay } from '../cql/calendar-days.ts';

/** The step an open depression-screening gap asks for: the one its measure's result names, else `screen`. */
function stepOf(result: MeasureResult | undefined): Cms2Step {
  const step = result?.closingStep;
  return step === 'follow-up' || step === 'code' ? step : 'screen';
}

/** The depression needs (see the file comment); `measure` is the `depression-screening` definition, if any. */
export function depressionNeeds(
  flags: readonly FlagResult[],
  running: readonly GapResult[],
  facts: VisitFacts | undefined,
  measure: MeasureDefinition | undefined,
  results: readonly MeasureResult[],
): Need[] {
  const cms2 = measure && running.find((g) => measure.gapIds.includes(g.id));
  const coding = running.find((g) => g.id === 'depression-screening-coding');
  const monitoring = running.find((g) => g.id === 'phq9-monitoring');
  const mode = cms2 ? stepOf(results.find((m) => m.id === (cms2.measureId ?? measure.id))) : undefined;
  const steps = { ...CMS2_ACTION.steps, ...measure?.action?.steps };
  const score = facts?.latestDepressionScore;
  const recent = !!facts?.depressionScoreIsRecent;
  const planMissing = !facts?.depressionPlanSinceScore;
  const severity = flags.find((f) => f.id === 'depression-severity');
  const scoreText = score ? `${score.label} ${score.score} on ${displayDay(epochDay(score.date))}` : undefined;
  const needs: Need[] = [];

  const planGaps = mode === 'follow-up' && cms2 ? [cms2] : [];
  if (severity?.severity === 'high' && score?.severe && planMissing) {
    needs.push({
      key: 'depression-plan',
      tier: 1,
      kind: 'safety',
      text: `${DEPRESSION_TEXT.severe} (${scoreText})`,
      source: planGaps[0]?.id ?? severity.id,
      gaps: planGaps,
      flags: [severity.id],
      form: 'follow-up',
    });
  } else if ((mode === 'follow-up' || (score?.positive && recent)) && planMissing) {
    needs.push({
      key: 'depression-plan',
      tier: 3,
      kind: 'gap',
      text: scoreText && score?.positive ? `${steps['follow-up'].text} (${scoreText})` : steps['follow-up'].text,
      source: planGaps[0]?.id ?? severity?.id ?? 'depression-follow-up',
      gaps: planGaps,
      flags: severity ? [severity.id] : [],
      form: 'follow-up',
    });
  }

  const cms2Coding = cms2 && (mode === 'code' || (mode === 'screen' && (recent || !!coding)));
  if (coding || cms2Coding) {
    const procedureOnly = !!coding && /^record the result/i.test(coding.closes ?? '');
    const text = procedureOnly
      ? 'Record the result of the depression screening documented only as a procedure'
      : score && (recent || coding)
        ? `Code the ${scoreText} (${score.positive ? 'positive' : 'negative'}) as the depression screening result`
        : GAP_ACTION_TEXT['depression-screening-coding']!;
    const gaps = [...(coding ? [coding] : []), ...(cms2Coding && cms2 ? [cms2] : [])];
    needs.push({ key: 'depression-coding', tier: 3, kind: 'gap', text, source: gaps[0]!.id, gaps, flags: [] });
  }

  // monitoring needs a PHQ-9 (or PHQ-A); a recent PHQ-2 or EPDS does not replace it
  const recentPhq9 = recent && (score?.label === 'PHQ-9' || score?.label === 'PHQ-A');
  const screenGaps = [
    ...(mode === 'screen' && cms2 && !cms2Coding && !recent ? [cms2] : []),
    ...(monitoring && !recentPhq9 ? [monitoring] : []),
  ];
  if (screenGaps.length) {
    const both = screenGaps.length === 2;
    const text = both
      ? DEPRESSION_TEXT.screenAndMonitor
      : screenGaps[0] === cms2
        ? steps.screen.text
        : DEPRESSION_TEXT.monitor;
    needs.push({
      key: 'depression-screen',
      tier: 3,
      kind: 'gap',
      text,
      source: screenGaps[0]!.id,
      gaps: screenGaps,
      flags: [],
      form: 'phq',
    });
  }
  return needs;
}
