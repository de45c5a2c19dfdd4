/**
 * Readers for coded elements: CodeableConcepts and Codings as they arrive from real EHRs (missing
 * arrays, empty codings, systems written more than one way). Membership in a single code follows
 * CQL equivalence (`~`): a concept matches a code when any of its codings has the same (normalised)
 * system and the same code; version and display are ignored.
 * Spec: https://cql.hl7.org/09-b-cqlreference.html#equivalent (Concept ~ Code).
 */
import { normalizeSystem } from '../codes/code-systems.ts';

/** A code as the rules name it: system URI + code (display optional). */
export interface CodeRef {
  system: string;
  code: string;
  display?: string;
}

/** The codings of a CodeableConcept, dropping anything that is not an object. */
export function codingsOf(concept: fhir4.CodeableConcept | undefined): fhir4.Coding[] {
  const list = concept && typeof concept === 'object' ? concept.coding : undefined;
  return Array.isArray(list) ? list.filter((c): c is fhir4.Coding => !!c && typeof c === 'object') : [];
}

/** Normalises a 0..* CodeableConcept element (single, array or absent) to an array. */
export function conceptsOf(
  value: fhir4.CodeableConcept | readonly fhir4.CodeableConcept[] | undefined,
): fhir4.CodeableConcept[] {
  if (!value) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).filter(
    (c): c is fhir4.CodeableConcept => !!c && typeof c === 'object',
  );
}

/** Whether a coding is equivalent to a code (same normalised system and same trimmed code). */
export function codingIs(coding: fhir4.Coding | undefined, ref: CodeRef): boolean {
  if (!coding || typeof coding.code !== 'string' || typeof coding.system !== 'string') {
    return false;
  }
  return coding.code.trim() === ref.code && normalizeSystem(coding.system) === normalizeSystem(ref.system);
}

/** CQL `concept ~ code`: any coding of the concept (or of any of the concepts) is the code. */
export function hasCode(
  concept: fhir4.CodeableConcept | readonly fhir4.CodeableConcept[] | undefined,
  ref: CodeRef,
): boolean {
  // same reading as conceptsOf/codingsOf, without allocating: this runs for every candidate resource
  if (!Array.isArray(concept)) {
    return conceptHasCode(concept as fhir4.CodeableConcept | undefined, ref);
  }
  for (const c of concept as readonly fhir4.CodeableConcept[]) {
    if (conceptHasCode(c, ref)) {
      return true;
    }
  }
  return false;
}

/** Whether one CodeableConcept (anything that is not an object has no codings) has a coding equivalent to the code. */
function conceptHasCode(concept: fhir4.CodeableConcept | undefined, ref: CodeRef): boolean {
  const list = concept && typeof concept === 'object' ? concept.coding : undefined;
  if (!Array.isArray(list)) {
    return false;
  }
  for (const coding of list) {
    if (coding && typeof coding === 'object' && codingIs(coding, ref)) {
      return true;
    }
  }
  return false;
}

/** A short human label of a concept: its text, else the first coding display, else `system|code`. */
export function displayOf(concept: fhir4.CodeableConcept | undefined): string | undefined {
  if (!concept || typeof concept !== 'object') {
    return undefined;
  }
  if (typeof concept.text === 'string' && concept.text.trim()) {
    return concept.text.trim();
  }
  const codings = codingsOf(concept);
  const withDisplay = codings.find((c) => typeof c.display === 'string' && c.display.trim());
  if (withDisplay) {
    return withDisplay.display!.trim();
  }
  const first = codings[0];
  return first?.code ? `${first.system ?? ''}|${first.code}` : undefined;
}

/** The value of the first extension with this URL that carries a CodeableConcept. */
export function extensionConcept(
  resource: { extension?: fhir4.Extension[] } | undefined,
  url: string,
): fhir4.CodeableConcept | undefined {
  const list = resource?.extension;
  if (!Array.isArray(list)) {
    return undefined;
  }
  for (const e of list) {
    if (e && e.url === url && e.valueCodeableConcept) {
      return e.valueCodeableConcept;
    }
  }
  return undefined;
}
