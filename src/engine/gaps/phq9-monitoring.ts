/**
 * `phq9-monitoring`: a patient with an active depression diagnosis needs a PHQ-9 (or PHQ-9M / PHQ-A
 * for adolescents — the CMS159 "PHQ 9 and PHQ 9M Tools" set) at least every 4 months, the cadence
 * behind depression remission / response measurement (CMS159 / MIPS #370, measures.md §1.6).
 * Active depression: a Condition coded F32.x / F33.x (ICD-10-CM) or in the eCQM "Major Depression"
 * value set, clinicalStatus active / recurrence / relapse, not refuted or entered in error, with
 * onset (if any) on or before asOf and no abatement on or before asOf.
 * A PHQ-9 on the day exactly 4 months before asOf still counts (the window is inclusive).
 */
import type { GapDefinition } from '../measure-definition.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import { CONDITION_CLINICAL, CONDITION_VER_STATUS, ICD10CM, LOINC, normalizeSystem } from '../codes/code-systems.ts';
import { LOINC_PHQ9_TOTAL, LOINC_PHQA_TOTAL } from '../codes/screening-instruments.ts';
import { codingsOf, displayOf, hasCode } from '../fhir/codings.ts';
import { addMonths, dayBounds, isoDay } from '../cql/calendar-days.ts';
import { abatementInterval, choiceRead } from '../cql/fhir-intervals.ts';
import { hasValue } from '../fhir/quantities.ts';
import { incompleteInputs } from '../measures/proportion.ts';
import { MAJOR_DEPRESSION } from '../valuesets/catalog/major-depression.ts';
import type { GapResult } from '../types.ts';
import { DEFAULT_GAP_POLICY, type GapPolicy } from './gap-policy.ts';

/** Gap id. */
export const PHQ9_MONITORING_ID = 'phq9-monitoring';
/** ICD-10-CM categories of a depressive episode / recurrent depressive disorder. */
export const DEPRESSION_ICD10_PREFIXES = ['F32', 'F33'] as const;
/** Clinical statuses of a current condition. */
export const ACTIVE_CLINICAL_STATUSES = ['active', 'recurrence', 'relapse'] as const;
/** Verification statuses that void a condition. */
export const VOID_VERIFICATION_STATUSES = ['refuted', 'entered-in-error'] as const;
/** PHQ-9 totals that count as monitoring. */
export const PHQ9_MONITORING_CODES = [LOINC_PHQ9_TOTAL, LOINC_PHQA_TOTAL] as const;
/** Observation statuses of a result. */
const RESULT_STATUSES = ['final', 'amended', 'corrected'];

const REQUIRES = ['Condition', 'Observation'] as const;
const TITLE = 'PHQ-9 every 4 months for active depression';

function isDepressionCode(ctx: EvaluationContext, code: fhir4.CodeableConcept | undefined): boolean {
  const icd = codingsOf(code).some(
    (c) =>
      typeof c.code === 'string' &&
      !!c.system &&
      normalizeSystem(c.system) === ICD10CM &&
      DEPRESSION_ICD10_PREFIXES.some((p) => c.code!.replace('.', '').toUpperCase().startsWith(p)),
  );
  return icd || ctx.valueSets.hasConcept(MAJOR_DEPRESSION.url, code);
}

function isActiveOn(ctx: EvaluationContext, cond: fhir4.Condition): boolean {
  const clinical = codingsOf(cond.clinicalStatus).some(
    (c) => c.system === CONDITION_CLINICAL && (ACTIVE_CLINICAL_STATUSES as readonly string[]).includes(c.code ?? ''),
  );
  const voided = codingsOf(cond.verificationStatus).some(
    (c) =>
      c.system === CONDITION_VER_STATUS && (VOID_VERIFICATION_STATUSES as readonly string[]).includes(c.code ?? ''),
  );
  if (!clinical || voided) {
    return false;
  }
  const onset = dayBounds(choiceRead(cond, 'onset', ctx.record.patient.birthDate).interval).start;
  if (onset && onset.low > ctx.asOfDay) {
    return false;
  }
  const abated = dayBounds(abatementInterval(cond, ctx.record.patient.birthDate)).end;
  return !(abated && abated.high <= ctx.asOfDay);
}

/** The PHQ-9 monitoring gap family under a policy. */
export function phq9MonitoringGaps(policy: GapPolicy = DEFAULT_GAP_POLICY): GapDefinition {
  return {
    ids: [PHQ9_MONITORING_ID],
    requires: REQUIRES,
    evaluate(ctx: EvaluationContext): GapResult[] {
      const base = { id: PHQ9_MONITORING_ID, title: TITLE };
      const reasons = incompleteInputs(ctx, REQUIRES);
      const dx = ctx
        .ofType<fhir4.Condition>('Condition')
        .find((c) => isDepressionCode(ctx, c.code) && isActiveOn(ctx, c));
      if (!dx) {
        if (reasons.length) {
          return [
            {
              ...base,
              status: 'unknown',
              why: `Cannot tell whether depression is active: ${reasons.join('; ')}.`,
              evidence: [],
            },
          ];
        }
        return [{ ...base, status: 'not-applicable', why: 'No active depression diagnosis.', evidence: [] }];
      }
      const since = addMonths(ctx.asOfDay, -policy.phq9MonitoringMonths);
      const dxEvidence = {
        reference: `Condition/${dx.id ?? 'unknown'}`,
        rule: 'active-depression',
        ...(displayOf(dx.code) ? { display: displayOf(dx.code)! } : {}),
      };
      let latest: { day: number; ref: string } | undefined;
      for (const obs of ctx.ofType<fhir4.Observation>('Observation')) {
        if (!RESULT_STATUSES.includes(obs.status) || !hasValue(obs)) {
          continue;
        }
        if (!PHQ9_MONITORING_CODES.some((code) => hasCode(obs.code, { system: LOINC, code }))) {
          continue;
        }
        const start = dayBounds(ctx.effectiveOf(obs).interval).start;
        if (!start || start.low !== start.high || start.low > ctx.asOfDay) {
          continue;
        }
        if (!latest || start.low > latest.day) {
          latest = { day: start.low, ref: `Observation/${obs.id ?? 'unknown'}` };
        }
      }
      if (latest && latest.day >= since) {
        return [
          {
            ...base,
            status: 'closed',
            why: `Active depression; PHQ-9 on ${isoDay(latest.day)} (within ${policy.phq9MonitoringMonths} months).`,
            evidence: [dxEvidence, { reference: latest.ref, rule: 'phq9-monitoring', date: isoDay(latest.day) }],
          },
        ];
      }
      const closes = 'Administer and record a PHQ-9 today';
      const last = latest ? `the last PHQ-9 was on ${isoDay(latest.day)}` : 'no PHQ-9 on record';
      if (reasons.length) {
        return [
          {
            ...base,
            status: 'unknown',
            due: isoDay(ctx.asOfDay),
            closes,
            why: `Active depression and ${last}, but the data may be incomplete: ${reasons.join('; ')}.`,
            evidence: [dxEvidence],
          },
        ];
      }
      return [
        {
          ...base,
          status: 'open',
          due: isoDay(ctx.asOfDay),
          closes,
          why: `Active depression and ${last} — none since ${isoDay(since)}.`,
          evidence: [dxEvidence],
        },
      ];
    },
  };
}
