/**
 * Small factories for the ACO measure tests (CMS165, CMS122, CMS130, CMS125 and their shared
 * exclusions): named synthetic patients and resources coded from the engine's own value sets,
 * evaluated over the 2026 measurement period.
 */
import { EvaluationContext } from '../../../src/engine/evaluation-context.ts';
import type { MeasureDefinition } from '../../../src/engine/measure-definition.ts';
import { recordFromResources, type TypeCompleteness } from '../../../src/engine/record.ts';
import type { MeasureResult } from '../../../src/engine/types.ts';
import { builtinValueSets } from '../../../src/engine/valuesets/index.ts';
import type { ValueSetDef } from '../../../src/engine/valuesets/value-set.ts';
import { OFFICE_VISIT } from '../../../src/engine/valuesets/catalog/office-visit.ts';

/** The 2026 measurement period every test uses. */
export const MP = { start: '2026-01-01', end: '2026-12-31' } as const;

/** US Core sex extension URL. */
const US_CORE_SEX = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex';

/** A patient with a birth date and (US Core) sex. */
export function patient(id: string, birthDate: string | undefined, sex: 'female' | 'male' = 'female'): fhir4.Patient {
  const p: fhir4.Patient = {
    resourceType: 'Patient',
    id,
    gender: sex,
    extension: [{ url: US_CORE_SEX, valueCode: sex === 'female' ? '248152002' : '248153007' }],
  };
  if (birthDate) {
    p.birthDate = birthDate;
  }
  return p;
}

/** The first code of a value set, as a CodeableConcept. */
export function conceptOf(vs: ValueSetDef, index = 0): fhir4.CodeableConcept {
  const c = vs.codes[index] ?? vs.codes[0]!;
  return { coding: [{ system: c[0], code: c[1], display: c[2] }] };
}

/** A single coding as a CodeableConcept. */
export function concept(system: string, code: string): fhir4.CodeableConcept {
  return { coding: [{ system, code }] };
}

/** A finished encounter of a value set's first code. */
export function encounter(
  id: string,
  vs: ValueSetDef,
  start: string,
  end = start,
  extra: Partial<fhir4.Encounter> = {},
): fhir4.Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [conceptOf(vs)],
    period: { start, end },
    ...extra,
  };
}

/** An office visit on a day (the usual qualifying encounter). */
export function officeVisit(id: string, day: string): fhir4.Encounter {
  return encounter(id, OFFICE_VISIT, `${day}T09:00:00Z`, `${day}T09:30:00Z`);
}

/** An active condition from a value set, with onset. */
export function condition(
  id: string,
  vs: ValueSetDef,
  onset: string | undefined,
  extra: Partial<fhir4.Condition> = {},
): fhir4.Condition {
  const c: fhir4.Condition = {
    resourceType: 'Condition',
    id,
    subject: { reference: 'Patient/p' },
    clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    code: conceptOf(vs),
    ...extra,
  };
  if (onset) {
    c.onsetDateTime = onset;
  }
  return c;
}

/** A completed procedure from a value set on a day (or over a period). */
export function procedure(
  id: string,
  vs: ValueSetDef,
  performed: string | fhir4.Period,
  extra: Partial<fhir4.Procedure> = {},
): fhir4.Procedure {
  return {
    resourceType: 'Procedure',
    id,
    status: 'completed',
    subject: { reference: 'Patient/p' },
    code: conceptOf(vs),
    ...(typeof performed === 'string' ? { performedDateTime: performed } : { performedPeriod: performed }),
    ...extra,
  };
}

/** A final observation with a code, an effective date and optional extras (value, category…). */
export function observation(
  id: string,
  code: fhir4.CodeableConcept,
  effective: string,
  extra: Partial<fhir4.Observation> = {},
): fhir4.Observation {
  return { resourceType: 'Observation', id, status: 'final', code, effectiveDateTime: effective, ...extra };
}

/** A US Core blood pressure with systolic and diastolic components in mm[Hg]. */
export function bloodPressure(
  id: string,
  effective: string,
  systolic: number,
  diastolic: number,
  extra: Partial<fhir4.Observation> = {},
): fhir4.Observation {
  const q = (value: number): fhir4.Quantity => ({
    value,
    unit: 'mmHg',
    system: 'http://unitsofmeasure.org',
    code: 'mm[Hg]',
  });
  return observation(id, concept('http://loinc.org', '85354-9'), effective, {
    category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'vital-signs')],
    component: [
      { code: concept('http://loinc.org', '8480-6'), valueQuantity: q(systolic) },
      { code: concept('http://loinc.org', '8462-4'), valueQuantity: q(diastolic) },
    ],
    ...extra,
  });
}

/** An imaging-category observation (mammogram, CT colonography) from a value set. */
export function imagingStudy(id: string, vs: ValueSetDef, effective: string): fhir4.Observation {
  return observation(id, conceptOf(vs), effective, {
    category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'imaging')],
  });
}

/** A laboratory result from a value set with a value in a unit. */
export function labResult(
  id: string,
  vs: ValueSetDef,
  effective: string,
  value?: number,
  unit = '%',
): fhir4.Observation {
  return observation(id, conceptOf(vs), effective, {
    category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'laboratory')],
    ...(value === undefined ? {} : { valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit } }),
  });
}

/** An evaluation context over a patient and resources (all types complete unless overridden). */
export function contextFor(
  p: fhir4.Patient,
  resources: fhir4.Resource[],
  completeness: Record<string, TypeCompleteness> = {},
  period: { start: string; end: string } = MP,
): EvaluationContext {
  const record = recordFromResources([p, ...resources]);
  Object.assign(record.completeness, completeness);
  return new EvaluationContext(record, period, period.end, builtinValueSets());
}

/** Evaluates one measure for a patient and resources. */
export function evaluate(
  def: MeasureDefinition,
  p: fhir4.Patient,
  resources: fhir4.Resource[],
  completeness: Record<string, TypeCompleteness> = {},
): MeasureResult {
  return def.evaluate(contextFor(p, resources, completeness));
}

/** The populations as a compact string: IP/DEN/DENEX/NUM. */
export function pops(r: MeasureResult): string {
  const c = r.populations;
  return `${c['initial-population']}/${c.denominator}/${c['denominator-exclusion']}/${c.numerator}`;
}
