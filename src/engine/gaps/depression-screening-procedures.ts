/**
 * Depression screening documented only as a Procedure — SNOMED 171207006 "Depression screening
 * (procedure)" or HCPCS G0444 "Annual depression screening" (both members of the CMS2 "Encounter to
 * Screen for Depression" value set 2.16.840.1.113883.3.600.1916, measures.md §1.4). CMS2 counts a
 * coded screening RESULT (LOINC 73831-0 / 73832-8 with a positive or negative finding), never the
 * fact that a screening was done, so such a record must open the "code the screening result" gap
 * instead of being invisible (issue 12 §4).
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { HCPCS, SNOMED } from '../codes/code-systems.ts';
import { displayOf, hasCode, type CodeRef } from '../fhir/codings.ts';
import { dayBounds } from '../cql/calendar-days.ts';
import { choiceRead } from '../cql/fhir-intervals.ts';
import type { QualifyingEncounter } from '../measures/cms2-qualifying-encounters.ts';

/** Procedure codes that record that a depression screening was done (no result). */
export const DEPRESSION_SCREENING_PROCEDURES: readonly CodeRef[] = [
  { system: SNOMED, code: '171207006', display: 'Depression screening (procedure)' },
  { system: HCPCS, code: 'G0444', display: 'Annual depression screening, 5 to 15 minutes' },
];

/** A depression-screening Procedure matched to the CMS2 qualifying visit it precedes. */
export interface ScreeningProcedure {
  reference: string;
  day: number;
  display: string;
  encounter: QualifyingEncounter;
}

/**
 * The most recent completed depression-screening Procedure performed on a day from `lookback` days
 * before a qualifying visit to the visit day (the CMS2 screening window), up to asOf.
 */
export function latestScreeningProcedure(
  ctx: EvaluationContext,
  encounters: readonly QualifyingEncounter[],
  lookback: number,
): ScreeningProcedure | undefined {
  let best: ScreeningProcedure | undefined;
  for (const proc of ctx.ofType<fhir4.Procedure>('Procedure')) {
    if (!proc || proc.status !== 'completed') {
      continue;
    }
    const code = DEPRESSION_SCREENING_PROCEDURES.find((c) => hasCode(proc.code, c));
    if (!code) {
      continue;
    }
    const start = dayBounds(choiceRead(proc, 'performed', ctx.record.patient.birthDate).interval).start;
    if (!start || start.low !== start.high || start.low > ctx.asOfDay) {
      continue;
    }
    const day = start.low;
    const encounter = encounters.find((e) => day >= e.startDay - lookback && day <= e.startDay);
    if (!encounter || (best && best.day >= day)) {
      continue;
    }
    best = {
      reference: `Procedure/${proc.id ?? 'unknown'}`,
      day,
      display: displayOf(proc.code) ?? code.display ?? 'Depression screening',
      encounter,
    };
  }
  return best;
}
