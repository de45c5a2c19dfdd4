/**
 * `ed-frequent` and `ed-recent`: emergency-department use. Frequent = at least `frequentMin` ED
 * visits on distinct days in the 12 months up to asOf (measures.md §6: ≥ 4 in 12 months is the most
 * common definition), `high` from `frequentHighMin`; recent = an ED visit in the last 30 days.
 * Statements describe what was found; when Encounters were only partly read they say "at least".
 */
import type { FlagDefinition } from '../measure-definition.ts';
import type { FlagResult } from '../types.ts';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../config/risk-policy.ts';
import { isoDay } from '../cql/calendar-days.ts';
import { edVisits, principalDiagnosis } from './encounter-stays.ts';
import { withinDaysBefore } from './event-days.ts';
import { countOf, daysAgo, displayDay, humanName } from './statement-format.ts';

/** Flag ids of this family. */
export const ED_FLAG_IDS = ['ed-frequent', 'ed-recent'] as const;

/** The ED-use flag family under a policy. */
export function edUtilisationFlags(policy: RiskPolicy = DEFAULT_RISK_POLICY): FlagDefinition {
  return {
    ids: ED_FLAG_IDS,
    requires: ['Encounter'],
    evaluate(ctx) {
      const out: FlagResult[] = [];
      const visits = edVisits(ctx).filter((v) => withinDaysBefore(v.day, ctx.asOfDay, policy.ed.lookbackDays));
      const days = [...new Set(visits.map((v) => v.day))];
      const partial = ctx.completeness('Encounter').status !== 'complete';
      const last = visits[visits.length - 1];
      if (days.length >= policy.ed.frequentMin && last) {
        out.push({
          id: 'ed-frequent',
          severity: days.length >= policy.ed.frequentHighMin ? 'high' : 'moderate',
          statement: `${partial ? 'At least ' : ''}${countOf(days.length, 'ED visit')} in the 12 months to ${displayDay(ctx.asOfDay)} (most recent ${displayDay(last.day)}).`,
          evidence: visits.map((v) => ({ reference: v.reference, rule: 'ed-visit', date: isoDay(v.day) })),
        });
      }
      if (last && withinDaysBefore(last.day, ctx.asOfDay, policy.ed.recentDays)) {
        const reason = humanName(principalDiagnosis(ctx, last.encounter));
        out.push({
          id: 'ed-recent',
          severity: policy.ed.recentSeverity,
          statement: `ED visit on ${displayDay(last.day)} (${daysAgo(last.day, ctx.asOfDay)})${reason ? `: ${reason}` : ''}.`,
          evidence: [
            {
              reference: last.reference,
              rule: 'recent-ed-visit',
              date: isoDay(last.day),
              ...(reason ? { display: reason } : {}),
            },
          ],
        });
      }
      return out;
    },
  };
}
