/**
 * CMS2 denominator exclusion (a bipolar disorder diagnosis whose prevalence starts before the day
 * a qualifying encounter starts) and the raw denominator-exception inputs (a screening not done,
 * `issued` during the day of a qualifying encounter, for a patient reason — declined — or a
 * medical reason).
 * Spec: CMS2FHIRPCSDepressionScreenAndFollowUp 0.4.001, defines "History of Bipolar Diagnosis
 * Before Qualifying Encounter" and "Medical or Patient Reason for Not Screening … for Depression".
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { displayOf, extensionConcept, hasCode } from '../fhir/codings.ts';
import { DAY, parseDateTime } from '../cql/date-time.ts';
import { before } from '../cql/date-time-compare.ts';
import { prevalenceRead } from '../cql/fhir-intervals.ts';
import { contains, startOf } from '../cql/interval.ts';
import { isTrue } from '../cql/logic.ts';
import type { QualifyingEncounter } from './cms2-qualifying-encounters.ts';
import {
  BIPOLAR_DISORDER_VS,
  CMS2_KINDS,
  MEDICAL_REASON_VS,
  OBSERVATION_ENTERED_IN_ERROR,
  SCREEN_DECLINED,
  type ScreeningKind,
} from './cms2-terminology.ts';

/** The QI-Core extension carrying why an Observation was not done (the URL the measure reads). */
export const QICORE_NOT_DONE_REASON = 'http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-notDoneReason';
/** A non-canonical spelling seen in some exports; read as the same extension. */
export const QICORE_NOT_DONE_REASON_ALT = 'http://hl7.org/fhir/StructureDefinition/qicore-notDoneReason';

/** A resource a rule used, with the evidence fields. */
export interface RuleHit {
  resource: fhir4.Resource;
  reference: string;
  date?: string;
  display?: string;
  value?: string;
}

/** Bipolar diagnoses that exclude the patient (empty when none). */
export function bipolarExclusions(ctx: EvaluationContext, encounters: readonly QualifyingEncounter[]): RuleHit[] {
  if (!encounters.length) {
    return [];
  }
  const hits: RuleHit[] = [];
  const birthDate = ctx.record.patient.birthDate;
  for (const cond of ctx.inValueSet<fhir4.Condition>('Condition', BIPOLAR_DISORDER_VS, (c) => c.code, 'code')) {
    // The CQL retrieves ConditionProblemsHealthConcerns, but real data carry no profile and the
    // reference engines (fqm-execution, cqf) do not filter on it: any category counts, as there
    // (a bipolar encounter diagnosis before the visit is as much a history of bipolar disorder).
    const prevalence = prevalenceRead(cond, birthDate);
    if (prevalence.malformed) {
      ctx.issue({
        resourceType: 'Condition',
        ...(cond.id ? { id: cond.id } : {}),
        field: prevalence.malformed,
        message: 'unreadable onset or abatement: read as unknown',
        severity: 'warning',
      });
    }
    // prevalenceInterval() starts before day of start of QualifyingEncounter.period
    const start = startOf(prevalence.interval);
    if (
      !start ||
      !encounters.some((enc) => {
        const visit = startOf(enc.period);
        return visit !== null && isTrue(before(start, visit, DAY));
      })
    ) {
      continue;
    }
    const hit: RuleHit = { resource: cond, reference: `Condition/${cond.id ?? ''}` };
    const date = cond.onsetDateTime ?? cond.onsetPeriod?.start ?? cond.recordedDate;
    if (date) {
      hit.date = date;
    }
    const display = displayOf(cond.code);
    if (display) {
      hit.display = display;
    }
    hits.push(hit);
  }
  return hits;
}

/** The not-done reason of a cancelled screening, or undefined. */
function notDoneReason(obs: fhir4.Observation): fhir4.CodeableConcept | undefined {
  return extensionConcept(obs, QICORE_NOT_DONE_REASON) ?? extensionConcept(obs, QICORE_NOT_DONE_REASON_ALT);
}

/** "Medical or Patient Reason for Not Screening … for Depression" for one tool kind. */
export function screeningNotDoneReasons(
  ctx: EvaluationContext,
  kind: ScreeningKind,
  encounters: readonly QualifyingEncounter[],
): RuleHit[] {
  const code = CMS2_KINDS[kind].screening;
  const hits: RuleHit[] = [];
  for (const obs of ctx.ofType<fhir4.Observation>('Observation')) {
    // QI-Core ObservationCancelled fixes status `cancelled`; like the reference engines we read the
    // notDoneReason whatever the status, but never from a record entered in error
    if (obs.status === OBSERVATION_ENTERED_IN_ERROR || !hasCode(obs.code, code)) {
      continue;
    }
    const reason = notDoneReason(obs);
    const declined = hasCode(reason, SCREEN_DECLINED);
    if (!declined && !ctx.valueSets.hasConcept(MEDICAL_REASON_VS, reason)) {
      continue;
    }
    const issued = parseDateTime(obs.issued);
    if (!issued) {
      if (obs.issued !== undefined) {
        ctx.issue({
          resourceType: 'Observation',
          ...(obs.id ? { id: obs.id } : {}),
          field: 'issued',
          message: 'not a FHIR instant',
          severity: 'warning',
        });
      }
      continue;
    }
    // issued during day of QualifyingEncounter.period
    if (!encounters.some((enc) => isTrue(contains(enc.period, issued, DAY)))) {
      continue;
    }
    const hit: RuleHit = {
      resource: obs,
      reference: `Observation/${obs.id ?? ''}`,
      date: obs.issued!,
      value: declined ? 'patient declined' : 'medical reason',
    };
    const display = displayOf(reason);
    if (display) {
      hit.display = display;
    }
    hits.push(hit);
  }
  return hits;
}
