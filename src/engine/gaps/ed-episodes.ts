/**
 * ED-visit episode candidates for HEDIS FUM and FUA (measures.md §5, §5.1):
 * - FUM index: an ED visit with a principal mental-health diagnosis, or intentional self-harm as
 *   any diagnosis; FUA index: a principal substance-use-disorder diagnosis (F10–F19 except F17), or
 *   a drug overdose (T36–T50 poisoning) as any diagnosis;
 * - an ED visit followed by an inpatient or residential admission on the ED date or within the 30
 *   days after, whatever the admission's diagnosis, is not an index visit (kept as evidence);
 * - only the first eligible ED visit of a 31-day period counts ("include the Jan 1 visit and not
 *   visits on Jan 2–31; then the next visit on or after Feb 1"); later visits of the period are not
 *   episodes. "Eligible" is read as: qualifying and not followed by an admission — an ED visit that
 *   became an admission does not open a 31-day period (our reading of the step order).
 * The 31-day periods start at the first eligible visit inside the range asked for (the measure's
 * index period; for the point-of-care gaps, the look-back).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import {
  conceptInGroup,
  isDrugOverdose,
  isIntentionalSelfHarm,
  MENTAL_ILLNESS,
  SUBSTANCE_USE_DISORDER,
} from '../codes/diagnosis-groups.ts';
import { codingsOf } from '../fhir/codings.ts';
import { isoDay } from '../cql/calendar-days.ts';
import type { GapPolicy } from './gap-policy.ts';
import { allDiagnoses, principalDiagnosis } from './encounter-facts.ts';
import { admissionAfterEd, edVisits, hospitalStays, type EdVisit } from './index-events.ts';
import type { EpisodeCandidate, IndexRange } from './episode-types.ts';

/** FUM index visit: principal mental-health diagnosis, or intentional self-harm among any diagnoses. */
export function isFumIndexVisit(ctx: EvaluationContext, v: EdVisit): boolean {
  return (
    conceptInGroup(MENTAL_ILLNESS, principalDiagnosis(ctx, v.encounter)) ||
    allDiagnoses(ctx, v.encounter).some((d) => codingsOf(d).some((c) => isIntentionalSelfHarm(c)))
  );
}

/** FUA index visit: principal substance-use-disorder diagnosis, or a drug overdose among any diagnoses. */
export function isFuaIndexVisit(ctx: EvaluationContext, v: EdVisit): boolean {
  return (
    conceptInGroup(SUBSTANCE_USE_DISORDER, principalDiagnosis(ctx, v.encounter)) ||
    allDiagnoses(ctx, v.encounter).some((d) => codingsOf(d).some((c) => isDrugOverdose(c)))
  );
}

/** Episode candidates of one ED family (`rule`: evidence rule name, e.g. `fum-ed-visit`). */
export function edCandidates(
  ctx: EvaluationContext,
  policy: GapPolicy,
  range: IndexRange,
  qualifies: (ctx: EvaluationContext, v: EdVisit) => boolean,
  rule: string,
): EpisodeCandidate[] {
  const stays = hospitalStays(ctx);
  const out: EpisodeCandidate[] = [];
  let periodStart: number | undefined;
  for (const v of edVisits(ctx)) {
    if (v.day < range.from || v.day > range.to || !qualifies(ctx, v)) {
      continue;
    }
    const index = { encounter: v.encounter, reference: v.reference, day: v.day, rule };
    const settlesOn = v.day + policy.edToAdmissionDays;
    const admission = admissionAfterEd(v, stays, policy.edToAdmissionDays);
    if (admission) {
      out.push({
        index,
        anchor: index,
        chain: [
          {
            encounter: admission.encounter,
            reference: admission.reference,
            day: admission.admitDay,
            rule: 'admission-after-ed-visit',
          },
        ],
        status: 'ineligible',
        reason: `The ED visit of ${isoDay(v.day)} was followed by an admission on ${isoDay(admission.admitDay)}: HEDIS does not count an ED visit followed by an inpatient or residential admission on the ED date or within ${policy.edToAdmissionDays} days.`,
        settlesOn,
      });
      continue;
    }
    if (periodStart !== undefined && v.day <= periodStart + policy.edEpisodeDays) {
      continue;
    }
    periodStart = v.day;
    out.push({ index, anchor: index, chain: [], status: 'eligible', settlesOn });
  }
  return out;
}
