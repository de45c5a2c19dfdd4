/**
 * CMS2 "Qualifying Encounter During Measurement Period": an Encounter whose `type` is in Encounter
 * to Screen for Depression ∪ Physical Therapy Evaluation ∪ Telephone Visits, with status
 * `finished`, whose period lies during the days of the measurement period.
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001, define "Qualifying Encounter During
 * Measurement Period".
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { dayIn, and } from '../fhir/day-relations.ts';
import { parseFhirDateTime, type FhirDateTime } from '../fhir/dates.ts';
import { periodBounds } from '../fhir/resource-dates.ts';
import { ENCOUNTER_FINISHED, QUALIFYING_ENCOUNTER_VALUE_SETS } from './cms2-terminology.ts';

/** A qualifying encounter with its period read once (days in the evaluation zone). */
export interface QualifyingEncounter {
  resource: fhir4.Encounter;
  reference: string;
  /** Day of the period start and of the period end (day precision or finer, so single days). */
  startDay: number;
  endDay: number;
  /** The parsed ends, for finer-than-day comparisons ("start of performed during period"). */
  start: FhirDateTime;
  end: FhirDateTime;
}

/** The qualifying encounters, plus reasons the list may be short (unreadable candidate periods). */
export interface QualifyingEncounters {
  encounters: QualifyingEncounter[];
  /** Human reasons for doubt: a candidate encounter whose period could not be read. */
  doubtful: string[];
}

/** Finds the qualifying encounters of the patient, in record order. */
export function qualifyingEncounters(ctx: EvaluationContext): QualifyingEncounters {
  const seen = new Set<fhir4.Encounter>();
  const encounters: QualifyingEncounter[] = [];
  const doubtful: string[] = [];
  for (const vs of QUALIFYING_ENCOUNTER_VALUE_SETS) {
    for (const enc of ctx.inValueSet<fhir4.Encounter>('Encounter', vs, (e) => e.type, 'type')) {
      if (seen.has(enc) || enc.status !== ENCOUNTER_FINISHED) continue;
      seen.add(enc);
      const reference = `Encounter/${enc.id ?? ''}`;
      const read = periodBounds(enc.period, ctx.tz);
      const s = read?.bounds?.start;
      const e = read?.bounds?.end;
      const startValue = read?.startValue;
      const endValue = parseFhirDateTime(enc.period?.end);
      if (!read || !s || !e || !startValue || !endValue || s.low !== s.high || e.low !== e.high || !Number.isFinite(e.low)) {
        ctx.issue({
          resourceType: 'Encounter',
          ...(enc.id ? { id: enc.id } : {}),
          field: 'period',
          message: 'period start and end must be dates or dateTimes of at least day precision',
          severity: 'warning',
        });
        doubtful.push(`${reference} has an unreadable or incomplete period`);
        continue;
      }
      // "period during day of Measurement Period": both ends inside the period's days
      const during = and(dayIn(s, ctx.periodStartDay, ctx.periodEndDay), dayIn(e, ctx.periodStartDay, ctx.periodEndDay));
      if (during !== true) continue;
      encounters.push({ resource: enc, reference, startDay: s.low, endDay: e.low, start: startValue, end: endValue });
    }
  }
  return { encounters, doubtful };
}

