/**
 * The SDOH screening denominator exception (MIPS #487: "patient declined / patient reason",
 * ../shared/design/measures.md §2.1): an SDOH screening (panel or item LOINC code) recorded in the
 * measurement period as declined by the patient, in any of the ways real EHRs write it:
 * - status `cancelled` with a not-done reason that is a "declined" code (QI-Core notDoneReason or
 *   the core event-statusReason extension),
 * - a `dataAbsentReason` of `asked-declined` on the Observation or on one of its components,
 * - a value that is a SNOMED "declined" situation.
 * Real data carry no QI-Core profile tags, so nothing here relies on `meta.profile`.
 */
import type { EvaluationContext } from '../evaluation-context.ts';
import { SNOMED } from '../codes/code-systems.ts';
import { isSdohCode, loincCodeOf } from '../codes/sdoh-items.ts';
import { hasCode, extensionConcept, type CodeRef } from '../fhir/codings.ts';
import { dayBounds, dayOfText, isoDay } from '../cql/calendar-days.ts';
import { PATIENT_DECLINED } from '../valuesets/catalog/patient-declined.ts';
import { QICORE_NOT_DONE_REASON, QICORE_NOT_DONE_REASON_ALT } from './cms2-exclusions-exceptions.ts';

/** HL7 data-absent-reason code system. */
export const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
/** data-absent-reason `asked-declined`: the source was asked but declined to answer. */
export const ASKED_DECLINED: CodeRef = { system: DATA_ABSENT_REASON, code: 'asked-declined' };
/** SNOMED 105480006 "Refusal of treatment by patient (situation)". */
export const SNOMED_REFUSAL_BY_PATIENT: CodeRef = { system: SNOMED, code: '105480006' };
/** Core extension for why an event did not happen. */
export const EVENT_STATUS_REASON = 'http://hl7.org/fhir/StructureDefinition/event-statusReason';

/** Codes that say the patient declined: the Patient Declined value set, refusal by patient, asked-declined. */
export const SDOH_DECLINED_CODES: readonly CodeRef[] = [
  ...PATIENT_DECLINED.codes.map(([system, code]) => ({ system, code })),
  SNOMED_REFUSAL_BY_PATIENT,
  ASKED_DECLINED,
];

/** A declined SDOH screening found in the period. */
export interface DeclinedScreening {
  reference: string;
  date: string;
  display?: string;
}

const isDeclined = (cc: fhir4.CodeableConcept | undefined): boolean =>
  !!cc && SDOH_DECLINED_CODES.some((c) => hasCode(cc, c));

/** The day the declined screening was recorded: effective[x] (start), else issued. */
function recordedDay(ctx: EvaluationContext, obs: fhir4.Observation): number | undefined {
  const start = dayBounds(ctx.effectiveOf(obs).interval).start;
  if (start && Number.isFinite(start.low) && start.low === start.high) {
    return start.low;
  }
  return dayOfText(obs.issued);
}

/** Declined SDOH screenings recorded during the measurement period. */
export function declinedScreenings(ctx: EvaluationContext): DeclinedScreening[] {
  const out: DeclinedScreening[] = [];
  for (const obs of ctx.ofType<fhir4.Observation>('Observation')) {
    if (!obs || obs.status === 'entered-in-error') {
      continue;
    }
    const code = loincCodeOf(obs.code);
    if (!isSdohCode(code)) {
      continue;
    }
    const reason =
      extensionConcept(obs, QICORE_NOT_DONE_REASON) ??
      extensionConcept(obs, QICORE_NOT_DONE_REASON_ALT) ??
      extensionConcept(obs, EVENT_STATUS_REASON);
    const declined =
      (obs.status === 'cancelled' && isDeclined(reason)) ||
      isDeclined(obs.dataAbsentReason) ||
      isDeclined(obs.valueCodeableConcept) ||
      (obs.component ?? []).some((c) => isDeclined(c?.dataAbsentReason));
    if (!declined) {
      continue;
    }
    const day = recordedDay(ctx, obs);
    if (day === undefined || day < ctx.periodStartDay || day > ctx.periodEndDay) {
      continue;
    }
    const hit: DeclinedScreening = { reference: `Observation/${obs.id ?? ''}`, date: isoDay(day) };
    const display = reason?.text ?? reason?.coding?.[0]?.display ?? obs.dataAbsentReason?.coding?.[0]?.code;
    if (display) {
      hit.display = display;
    }
    out.push(hit);
  }
  return out;
}
