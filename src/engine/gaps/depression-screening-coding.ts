/**
 * `depression-screening-coding`: a depression instrument total (PHQ-9, PHQ-2, PHQ-A, EPDS) exists
 * within 14 days on or before a CMS2 qualifying encounter in the period, but no coded CMS2
 * screening result (LOINC 73831-0 adolescent / 73832-8 adult with the SNOMED positive / negative
 * finding) exists for any qualifying encounter — so the visit does not count for CMS2 until the
 * score is coded. CMS2 prescribes no instrument or cut-off; the score is mapped to positive /
 * negative with the configurable policy in codes/screening-instruments.ts (HEDIS DSF-E defaults,
 * ../shared/design/measures.md §1.3; ONC CQM-7434). The coded result must be the age-appropriate
 * kind (12–16 adolescent, 17 either, 18+ adult, age at the start of the period).
 * Also open when no score exists but a depression screening is documented only as a Procedure
 * (SNOMED 171207006, HCPCS G0444 — depression-screening-procedures.ts) in the same window.
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001 "Depression Screening … Performed".
 */
import type { GapDefinition } from '../measure-definition.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import { LOINC } from '../codes/code-systems.ts';
import {
  DEPRESSION_SCREEN_RESULT,
  LOINC_ADOLESCENT_DEPRESSION_SCREENING,
  LOINC_ADULT_DEPRESSION_SCREENING,
  type DepressionInstrument,
} from '../codes/screening-instruments.ts';
import { hasCode } from '../fhir/codings.ts';
import { ageInYearsOn, dayBounds, isoDay } from '../cql/calendar-days.ts';
import { numericValue } from '../fhir/quantities.ts';
import { incompleteInputs } from '../measures/proportion.ts';
import { qualifyingEncounters, type QualifyingEncounter } from '../measures/cms2-qualifying-encounters.ts';
import type { GapResult } from '../types.ts';
import { DEFAULT_GAP_POLICY, type GapPolicy } from './gap-policy.ts';
import { latestScreeningProcedure } from './depression-screening-procedures.ts';

/** Gap id. */
export const DEPRESSION_SCREENING_CODING_ID = 'depression-screening-coding';
/** The CMS2 measure id (its population decides whether coding matters). */
export const CMS2_MEASURE_ID = 'cms2';
/** CMS2 ages: adolescent tool only up to 16, either at 17, adult from 18. */
export const ADOLESCENT_ONLY_UNTIL_AGE = 16;
/** Age at which either tool counts. */
export const EITHER_TOOL_AGE = 17;
/** Observation statuses of a result. */
export const RESULT_STATUSES: readonly string[] = ['final', 'amended', 'corrected'];

const REQUIRES = ['Encounter', 'Observation'] as const;
const TITLE = 'Code the depression screening result for CMS2';

interface DatedObservation {
  obs: fhir4.Observation;
  reference: string;
  day: number;
}

function dated(ctx: EvaluationContext, obs: fhir4.Observation): DatedObservation | undefined {
  if (!obs || !RESULT_STATUSES.includes(obs.status)) {
    return undefined;
  }
  const start = dayBounds(ctx.effectiveOf(obs).interval).start;
  if (!start || start.low !== start.high || start.low > ctx.asOfDay) {
    return undefined;
  }
  return { obs, reference: `Observation/${obs.id ?? 'unknown'}`, day: start.low };
}

/** The CMS2 screening codes that count for a patient of this age (undefined age → both). */
export function screeningCodesForAge(age: number | undefined): string[] {
  if (age === undefined || age === EITHER_TOOL_AGE) {
    return [LOINC_ADOLESCENT_DEPRESSION_SCREENING, LOINC_ADULT_DEPRESSION_SCREENING];
  }
  return age <= ADOLESCENT_ONLY_UNTIL_AGE
    ? [LOINC_ADOLESCENT_DEPRESSION_SCREENING]
    : [LOINC_ADULT_DEPRESSION_SCREENING];
}

function inWindow(day: number, enc: QualifyingEncounter, lookback: number): boolean {
  return day >= enc.startDay - lookback && day <= enc.startDay;
}

/** The depression-screening-coding gap family under a policy (instrument cut-offs included). */
export function depressionScreeningCodingGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return {
    ids: [DEPRESSION_SCREENING_CODING_ID],
    requires: [...REQUIRES, 'Procedure'],
    evaluate(ctx: EvaluationContext, measures): GapResult[] {
      const base = { id: DEPRESSION_SCREENING_CODING_ID, title: TITLE, measureId: CMS2_MEASURE_ID };
      const cms2 = measures.find((m) => m.id === CMS2_MEASURE_ID);
      if (cms2 && (cms2.status === 'not-in-population' || cms2.status === 'excluded')) {
        return [{ ...base, status: 'not-applicable', why: `CMS2 does not apply (${cms2.status}).`, evidence: [] }];
      }
      const encounters = qualifyingEncounters(ctx).encounters.filter((e) => e.startDay <= ctx.asOfDay);
      const lookback = policy.screeningLookbackDays;
      const age = ageInYearsOn(ctx.record.patient.birthDate, ctx.periodStartDay);
      const codes = screeningCodesForAge(age);
      const observations = ctx
        .ofType<fhir4.Observation>('Observation')
        .map((o) => dated(ctx, o))
        .filter((o): o is DatedObservation => !!o);

      const coded = observations.filter(
        (o) =>
          codes.some((code) => hasCode(o.obs.code, { system: LOINC, code })) &&
          (hasCode(o.obs.valueCodeableConcept, DEPRESSION_SCREEN_RESULT.positive) ||
            hasCode(o.obs.valueCodeableConcept, DEPRESSION_SCREEN_RESULT.negative)),
      );
      for (const c of coded) {
        const enc = encounters.find((e) => inWindow(c.day, e, lookback));
        if (enc) {
          return [
            {
              ...base,
              status: 'closed',
              why: `Depression screening result coded on ${isoDay(c.day)} for the visit of ${isoDay(enc.startDay)}.`,
              evidence: [
                { reference: c.reference, rule: 'coded-depression-screening', date: isoDay(c.day) },
                { reference: enc.reference, rule: 'qualifying-encounter', date: isoDay(enc.startDay) },
              ],
            },
          ];
        }
      }

      let best:
        | { score: DatedObservation; value: number; instrument: DepressionInstrument; enc: QualifyingEncounter }
        | undefined;
      for (const o of observations) {
        const instrument = policy.depressionInstruments.find((i) =>
          hasCode(o.obs.code, { system: LOINC, code: i.totalLoinc }),
        );
        const value = numericValue(o.obs);
        if (!instrument || value === undefined) {
          continue;
        }
        const enc = encounters.find((e) => inWindow(o.day, e, lookback));
        if (enc && (!best || o.day > best.score.day)) {
          best = { score: o, value, instrument, enc };
        }
      }
      const reasons = incompleteInputs(ctx, REQUIRES);
      if (!best) {
        const procedure = latestScreeningProcedure(ctx, encounters, lookback);
        const code = codes.length === 1 ? `LOINC ${codes[0]}` : `LOINC ${codes.join(' or ')}`;
        if (procedure) {
          return [
            {
              ...base,
              status: reasons.length ? 'unknown' : 'open',
              due: isoDay(ctx.periodEndDay),
              closes: `Record the result of the depression screening of ${isoDay(procedure.day)} (documented only as a procedure): the instrument's score coded as a depression screening result (${code} with SNOMED ${DEPRESSION_SCREEN_RESULT.positive.code} positive or ${DEPRESSION_SCREEN_RESULT.negative.code} negative) so the visit counts for CMS2`,
              why: `Depression screening documented on ${isoDay(procedure.day)} as a procedure (${procedure.display}) for the visit of ${isoDay(procedure.encounter.startDay)}, but no result was recorded; CMS2 counts only a coded screening result.${reasons.length ? ` Data may be incomplete: ${reasons.join('; ')}.` : ''}`,
              evidence: [
                {
                  reference: procedure.reference,
                  rule: 'screening-procedure-without-result',
                  date: isoDay(procedure.day),
                  display: procedure.display,
                },
                {
                  reference: procedure.encounter.reference,
                  rule: 'qualifying-encounter',
                  date: isoDay(procedure.encounter.startDay),
                },
              ],
            },
          ];
        }
        const all = [...reasons, ...incompleteInputs(ctx, ['Procedure'])];
        if (all.length) {
          return [
            {
              ...base,
              status: 'unknown',
              why: `Cannot tell whether a score needs coding: ${all.join('; ')}.`,
              evidence: [],
            },
          ];
        }
        return [
          {
            ...base,
            status: 'not-applicable',
            why: `No depression instrument score or screening procedure within ${lookback} days before a CMS2 qualifying visit.`,
            evidence: [],
          },
        ];
      }
      const { score, value, instrument, enc } = best;
      const positive = value >= instrument.cutoff;
      const finding = positive ? DEPRESSION_SCREEN_RESULT.positive : DEPRESSION_SCREEN_RESULT.negative;
      const code = codes.length === 1 ? `LOINC ${codes[0]}` : `LOINC ${codes.join(' or ')}`;
      const due = isoDay(ctx.periodEndDay);
      return [
        {
          ...base,
          status: reasons.length ? 'unknown' : 'open',
          due,
          closes: `Code the ${instrument.label} of ${isoDay(score.day)} (score ${value} → ${positive ? 'positive' : 'negative'}) as a depression screening result (${code} with SNOMED ${finding.code}) so the visit counts for CMS2`,
          why: `${instrument.label} score ${value} on ${isoDay(score.day)} (cut-off ${instrument.cutoff}) before the visit of ${isoDay(enc.startDay)}, but no coded depression screening result.${reasons.length ? ` Data may be incomplete: ${reasons.join('; ')}.` : ''}`,
          evidence: [
            {
              reference: score.reference,
              rule: 'instrument-score',
              date: isoDay(score.day),
              display: instrument.label,
              value: `${instrument.label} ${value}`,
            },
            { reference: enc.reference, rule: 'qualifying-encounter', date: isoDay(enc.startDay) },
          ],
        },
      ];
    },
  };
}
