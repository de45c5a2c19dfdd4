/**
 * CQL code equivalence (`~`) between FHIR codings and a named code: same code system (after
 * normalising the system's spellings) and same code.
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#equivalent-3
 */
import { normalizeSystem } from '../../codes/code-systems.ts';

/** Whether one coding is the code `system|code`. */
export function codingIs(coding: fhir4.Coding | undefined, system: string, code: string): boolean {
  if (!coding || typeof coding.code !== 'string' || typeof coding.system !== 'string') {
    return false;
  }
  return normalizeSystem(coding.system) === normalizeSystem(system) && coding.code.trim() === code;
}

/** Whether any coding of a CodeableConcept is the code `system|code`. */
export function conceptHas(concept: fhir4.CodeableConcept | undefined, system: string, code: string): boolean {
  const codings = concept?.coding;
  return Array.isArray(codings) && codings.some((c) => codingIs(c, system, code));
}

/** Whether any of several CodeableConcepts has the code. */
export function anyConceptHas(
  concepts: readonly (fhir4.CodeableConcept | undefined)[] | undefined,
  system: string,
  code: string,
): boolean {
  return Array.isArray(concepts) && concepts.some((c) => conceptHas(c, system, code));
}
