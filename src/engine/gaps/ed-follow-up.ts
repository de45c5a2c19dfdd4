/**
 * Follow-up after an emergency-department visit (HEDIS FUM and FUA, ../shared/design/measures.md §5):
 * - `fum-7`, `fum-30`: ED visit with a principal mental-health diagnosis, or intentional self-harm
 *   as any diagnosis;
 * - `fua-7`, `fua-30`: ED visit with a principal substance-use-disorder diagnosis (F10–F19 except
 *   F17 nicotine), or a drug overdose as any diagnosis.
 * The ED date counts (days 0..7 and 0..30). ED visits that became an admission are not anchors;
 * only the first eligible ED visit of a 31-day episode anchors (index-events.ts).
 */
import type { GapDefinition } from '../measure-definition.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import { conceptInGroup, isDrugOverdose, isIntentionalSelfHarm, MENTAL_ILLNESS, SUBSTANCE_USE_DISORDER } from '../codes/diagnosis-groups.ts';
import { codingsOf } from '../fhir/codings.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { GapResult } from '../types.ts';
import { ANY_INPATIENT_CLASSES, DEFAULT_GAP_POLICY, FIRST_FOLLOW_UP_DAY, FUA_WINDOW_DAYS, FUM_WINDOW_DAYS, type GapPolicy } from './gap-policy.ts';
import { allDiagnoses, principalDiagnosis } from './encounter-facts.ts';
import { edAnchor, edVisits, inpatientStays, type EdVisit } from './index-events.ts';
import { followUpVisits } from './follow-up-visits.ts';
import { noIndexGap, windowGap } from './follow-up-window.ts';

const REQUIRES = ['Encounter', 'Condition'] as const;
const VISIT_LABEL = 'an outpatient, telehealth or behavioral-health follow-up visit';

/** What makes an ED visit an anchor of one family. */
interface EdFamily {
  windows: Readonly<Record<string, number>>;
  firstDay: number;
  short: string;
  indexLabel: string;
  qualifies: (ctx: EvaluationContext, visit: EdVisit) => boolean;
}

/** FUM: principal mental-health diagnosis, or intentional self-harm among any diagnoses. */
const FUM: EdFamily = {
  windows: FUM_WINDOW_DAYS,
  firstDay: FIRST_FOLLOW_UP_DAY.fum,
  short: 'FUM',
  indexLabel: 'mental-health ED visit',
  qualifies: (ctx, v) =>
    conceptInGroup(MENTAL_ILLNESS, principalDiagnosis(ctx, v.encounter)) ||
    allDiagnoses(ctx, v.encounter).some((d) => codingsOf(d).some((c) => isIntentionalSelfHarm(c))),
};

/** FUA: principal substance-use-disorder diagnosis, or a drug overdose among any diagnoses. */
const FUA: EdFamily = {
  windows: FUA_WINDOW_DAYS,
  firstDay: FIRST_FOLLOW_UP_DAY.fua,
  short: 'FUA',
  indexLabel: 'substance-use ED visit',
  qualifies: (ctx, v) =>
    conceptInGroup(SUBSTANCE_USE_DISORDER, principalDiagnosis(ctx, v.encounter)) ||
    allDiagnoses(ctx, v.encounter).some((d) => codingsOf(d).some((c) => isDrugOverdose(c))),
};

function edFollowUpGaps(family: EdFamily, policy: GapPolicy): GapDefinition {
  return {
    ids: Object.keys(family.windows),
    requires: REQUIRES,
    evaluate(ctx: EvaluationContext): GapResult[] {
      const stays = inpatientStays(ctx, ANY_INPATIENT_CLASSES);
      const anchor = edAnchor(ctx, edVisits(ctx), stays, (v) => family.qualifies(ctx, v), policy);
      const visits = anchor ? followUpVisits(ctx) : [];
      return Object.entries(family.windows).map(([id, days]) => {
        const spec = {
          id,
          title: `Follow-up within ${days} days after ${family.indexLabel} (${family.short})`,
          firstDay: family.firstDay,
          windowDays: days,
          indexLabel: family.indexLabel,
          visitLabel: VISIT_LABEL,
        };
        if (!anchor) return noIndexGap(ctx, spec, REQUIRES, policy.lookbackDays);
        const evidence = [{ reference: anchor.reference, rule: `${family.short.toLowerCase()}-ed-visit`, date: isoDay(anchor.day) }];
        return windowGap(ctx, spec, { day: anchor.day, evidence }, visits, REQUIRES);
      });
    },
  };
}

/** The FUM gap family (`fum-7`, `fum-30`) under a policy. */
export function fumGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return edFollowUpGaps(FUM, policy);
}

/** The FUA gap family (`fua-7`, `fua-30`) under a policy. */
export function fuaGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return edFollowUpGaps(FUA, policy);
}
