/**
 * CQL retrieves (`[Encounter: "Office Visit"]`) over the patient record: each resource type's
 * QI-Core primary code path tested against a value set, or a single direct-reference code.
 * Each value set is looked up in the expansion the measure pins (`url|version`). Profiles are not checked (fqm-execution's `trustMetaProfile: false`): any Condition answers
 * both `[ConditionProblemsHealthConcerns]` and `[ConditionEncounterDiagnosis]`, since EHR data
 * rarely carries `meta.profile`.
 * Spec: https://hl7.org/fhir/us/qicore/STU6/ (primary code paths).
 */
import type { EvaluationContext } from '../../evaluation-context.ts';
import { pinnedRef, type ValueSetDef } from '../../valuesets/value-set.ts';
import { conceptHas } from './concept-match.ts';

/** `[Encounter: vs]` (code path `type`). */
export function encountersIn(ctx: EvaluationContext, vs: ValueSetDef): fhir4.Encounter[] {
  return ctx.inValueSet<fhir4.Encounter>('Encounter', pinnedRef(vs), (e) => e.type, 'type');
}

/** `[Condition: vs]` (code path `code`). */
export function conditionsIn(ctx: EvaluationContext, vs: ValueSetDef): fhir4.Condition[] {
  return ctx.inValueSet<fhir4.Condition>('Condition', pinnedRef(vs), (c) => c.code, 'code');
}

/** `[Procedure: vs]` (code path `code`). */
export function proceduresIn(ctx: EvaluationContext, vs: ValueSetDef): fhir4.Procedure[] {
  return ctx.inValueSet<fhir4.Procedure>('Procedure', pinnedRef(vs), (p) => p.code, 'code');
}

/** `[Observation: vs]` (code path `code`). */
export function observationsIn(ctx: EvaluationContext, vs: ValueSetDef): fhir4.Observation[] {
  return ctx.inValueSet<fhir4.Observation>('Observation', pinnedRef(vs), (o) => o.code, 'code');
}

/** `[ServiceRequest: vs]` (code path `code`). */
export function serviceRequestsIn(ctx: EvaluationContext, vs: ValueSetDef): fhir4.ServiceRequest[] {
  return ctx.inValueSet<fhir4.ServiceRequest>('ServiceRequest', pinnedRef(vs), (s) => s.code, 'code');
}

/** `[DeviceRequest: vs]` (code path `code`, the CodeableConcept choice). */
export function deviceRequestsIn(ctx: EvaluationContext, vs: ValueSetDef): fhir4.DeviceRequest[] {
  return ctx.inValueSet<fhir4.DeviceRequest>('DeviceRequest', pinnedRef(vs), (d) => d.codeCodeableConcept, 'code');
}

/**
 * `[MedicationRequest: vs]` (code path `medication`): the inline CodeableConcept, or the code of
 * the Medication a `medicationReference` points at (in the record or contained).
 */
export function medicationRequestsIn(ctx: EvaluationContext, vs: ValueSetDef): fhir4.MedicationRequest[] {
  const meds = ctx.ofType<fhir4.Medication>('Medication');
  const byId = new Map(meds.map((m) => [m.id, m] as const));
  return ctx.inValueSet<fhir4.MedicationRequest>(
    'MedicationRequest',
    pinnedRef(vs),
    (m) => {
      if (m.medicationCodeableConcept) {
        return m.medicationCodeableConcept;
      }
      const ref = m.medicationReference?.reference;
      if (typeof ref !== 'string') {
        return undefined;
      }
      if (ref.startsWith('#')) {
        const contained = m.contained?.find((r) => r.id === ref.slice(1));
        return contained?.resourceType === 'Medication' ? (contained as fhir4.Medication).code : undefined;
      }
      return byId.get(ref.split('/').pop())?.code;
    },
    'medication',
  );
}

/** `[Observation: code]` for one direct-reference code. */
export function observationsWithCode(ctx: EvaluationContext, system: string, code: string): fhir4.Observation[] {
  return ctx.ofType<fhir4.Observation>('Observation').filter((o) => conceptHas(o.code, system, code));
}

/** `Type/id` of a resource, for evidence. */
export function refOf(r: fhir4.Resource): string {
  return `${r.resourceType}/${r.id ?? 'unknown'}`;
}

/** First display text of a CodeableConcept (never rendered as HTML). */
export function displayOf(c: fhir4.CodeableConcept | undefined): string | undefined {
  return c?.text ?? c?.coding?.find((x) => x.display)?.display ?? c?.coding?.[0]?.code;
}
