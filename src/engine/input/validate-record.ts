/**
 * Record validation before any rule runs. Real exports and hostile inputs carry resources of other
 * patients, duplicate ids, wrong JSON types and dangling references; the rules are written for
 * well-formed FHIR R4 JSON (https://hl7.org/fhir/R4/json.html). This pass returns a cleaned copy
 * of the record (inputs are never mutated) and reports each problem ONCE, naming resource type, id
 * and field.
 *
 * Why some problems make a type `partial`: a resource whose coded fields, status or values cannot
 * be read might be exactly the screening, exclusion or result a measure looks for. Ignoring it
 * silently could turn an `unknown` into a wrong `met`/`not-met`; marking the type `partial` makes
 * every measure that reads that type `unknown` with the reason (proportion.ts `incompleteInputs`).
 * Unreadable dates are only reported here: the rules already treat a relevant resource with an
 * unreadable date as unknown and ignore irrelevant ones (cql/fhir-intervals.ts `malformed`).
 */
import { isFhirDateTime } from '../fhir/dates.ts';
import { RECORD_TYPES, completenessOf, type PatientRecord, type TypeCompleteness } from '../record.ts';
import type { DataIssue } from '../types.ts';
import { ResourceKeys } from './resource-keys.ts';
import { MAX_RESOURCE_DEPTH } from './resource-depth.ts';

/** A validated record and the problems found in it. */
export interface ValidatedRecord {
  record: PatientRecord;
  issues: DataIssue[];
}

type Json = Record<string, unknown>;

/** CodeableConcept elements the rules read, by element name (0..1 or 0..* alike). */
const CONCEPT_FIELDS = [
  'code',
  'category',
  'type',
  'reasonCode',
  'clinicalStatus',
  'verificationStatus',
  'valueCodeableConcept',
  'medicationCodeableConcept',
  'interpretation',
] as const;

/**
 * Elements named like a {@link CONCEPT_FIELDS} entry that are not CodeableConcepts in R4, by
 * resource type: checking them as concepts would flag valid FHIR. AllergyIntolerance.type is a code
 * and .category a list of codes (http://hl7.org/fhir/R4/allergyintolerance.html); Group.type,
 * MeasureReport.type, MolecularSequence.type, DeviceMetric.category, MessageDefinition.category,
 * SearchParameter.type/.code and OperationDefinition.code are codes; OperationDefinition.type is a
 * boolean, StructureDefinition.type a uri, AuditEvent.type a Coding, Questionnaire.code a list of
 * Codings (each resource's R4 page).
 */
const NOT_CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  AllergyIntolerance: ['type', 'category'],
  Group: ['type'],
  MeasureReport: ['type'],
  MolecularSequence: ['type'],
  DeviceMetric: ['category'],
  MessageDefinition: ['category'],
  SearchParameter: ['type', 'code'],
  OperationDefinition: ['type', 'code'],
  StructureDefinition: ['type'],
  AuditEvent: ['type'],
  Questionnaire: ['code'],
  Bundle: ['type'],
};

/** Whether element `k` of a `resourceType` is read as a CodeableConcept. */
const isConceptElement = (resourceType: unknown, k: string): boolean =>
  !(typeof resourceType === 'string' && NOT_CONCEPTS[resourceType]?.includes(k));

/** 0..* elements the rules read: anything but a list of objects makes the resource unreadable. */
const READ_LISTS = [
  'reasonReference',
  'bodySite',
  'diagnosis',
  'dosageInstruction',
  'item',
  'basedOn',
  'hasMember',
  'derivedFrom',
  'partOf',
] as const;
/** 0..* elements the rules do not interpret: a wrong shape is dropped from the cleaned copy. */
const OTHER_LISTS = [
  'identifier',
  'extension',
  'modifierExtension',
  'note',
  'performer',
  'participant',
  'contained',
] as const;
/** Complex 0..1 elements the rules read. */
const READ_OBJECTS = [
  'hospitalization',
  'dispenseRequest',
  'medicationReference',
  'valueQuantity',
  'encounter',
] as const;

/** Elements that name the patient a resource belongs to (R4: subject, patient, Coverage.beneficiary). */
const PATIENT_FIELDS = ['subject', 'patient', 'beneficiary'] as const;

/** Element names of FHIR date / dateTime / instant values the rules read besides `*DateTime` / `*Instant`. */
const DATE_FIELDS = new Set([
  'issued',
  'authoredOn',
  'recordedDate',
  'authored',
  'date',
  'birthDate',
  'occurrenceDateTime',
]);

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether a type is one of {@link RECORD_TYPES}. */
const RECORD_TYPE_SET: ReadonlySet<string> = new Set(RECORD_TYPES);

/** `Type/id` of a reference string (relative or absolute, history suffix dropped); undefined for urn:/#. */
function referenceTarget(ref: string): ReferenceTarget | undefined {
  // the common `Type/id` is read without the regex and without a cache (ids are new in every
  // record: a cache of them only grows the old generation); anything else takes the full reading
  const t = plainReferenceTarget(ref) ?? parseReferenceTarget(ref);
  return t ? { type: t.type, id: t.id, recordType: RECORD_TYPE_SET.has(t.type) } : undefined;
}

/** A parsed reference target; `recordType`: its type is one of {@link RECORD_TYPES}. */
type ReferenceTarget = Readonly<{ type: string; id: string; recordType: boolean }>;

function parseReferenceTarget(ref: string): { type: string; id: string } | undefined {
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref.trim());
  return m ? { type: m[1]!, id: m[2]! } : undefined;
}

/** Whether a character code is an ASCII letter. */
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * `Type/id` when `ref` is exactly one `[A-Z][A-Za-z]+` type, a slash and a `[A-Za-z0-9\-.]{1,64}`
 * id — what {@link parseReferenceTarget} reads from such a text; undefined for anything else
 * (which then goes through it).
 */
function plainReferenceTarget(ref: string): { type: string; id: string } | undefined {
  const slash = ref.indexOf('/');
  const n = ref.length;
  if (slash < 2 || n - slash - 1 < 1 || n - slash - 1 > 64) {
    return undefined;
  }
  const first = ref.charCodeAt(0);
  if (first < 65 || first > 90) {
    return undefined;
  }
  for (let i = 1; i < slash; i++) {
    if (!isLetter(ref.charCodeAt(i))) {
      return undefined;
    }
  }
  for (let i = slash + 1; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 46)) {
      return undefined;
    }
  }
  return { type: ref.slice(0, slash), id: ref.slice(slash + 1) };
}

/** Whether a Coding has nothing to report: an object whose system/code are strings when present. */
function codingIsWellFormed(c: unknown): boolean {
  if (!isObject(c)) {
    return false;
  }
  return (
    (c.system === undefined || typeof c.system === 'string') && (c.code === undefined || typeof c.code === 'string')
  );
}

/**
 * Whether a CodeableConcept has nothing to report (the common case, checked without building any
 * field path); {@link ResourceCheck.concept} spells out the problems of the others.
 */
function conceptIsWellFormed(v: unknown): boolean {
  if (!isObject(v)) {
    return false;
  }
  if (v.text !== undefined && typeof v.text !== 'string') {
    return false;
  }
  const codings = v.coding;
  if (codings === undefined) {
    return true;
  }
  if (!Array.isArray(codings)) {
    return false;
  }
  for (let i = 0; i < codings.length; i++) {
    if (!codingIsWellFormed(codings[i])) {
      return false;
    }
  }
  return true;
}

/** How `checkResource` reads a top-level element, by element name (memoised: names repeat). */
type FieldKind = 'date' | 'period' | 'other';
const FIELD_KINDS = new Map<string, FieldKind>();

function fieldKindOf(k: string): FieldKind {
  let kind = FIELD_KINDS.get(k);
  if (kind === undefined) {
    kind =
      k.endsWith('DateTime') || k.endsWith('Instant') || DATE_FIELDS.has(k)
        ? 'date'
        : k === 'period' || k.endsWith('Period')
          ? 'period'
          : 'other';
    if (FIELD_KINDS.size > 10_000) {
      FIELD_KINDS.clear();
    }
    FIELD_KINDS.set(k, kind);
  }
  return kind;
}

/** Collects the problems of one resource and which of them make its type unreadable. */
class ResourceCheck {
  readonly problems: { field: string; message: string; severity: 'error' | 'warning'; unreadable: boolean }[] = [];
  /** Top-level elements dropped from the cleaned copy (the rules never see a wrong JSON shape). */
  readonly strip = new Set<string>();

  add(field: string, message: string, severity: 'error' | 'warning', unreadable: boolean, strip = unreadable): void {
    if (strip) {
      this.strip.add(/^[^.[]+/.exec(field)?.[0] ?? field);
    }
    // problems are rare: a linear scan beats a Set allocated for every resource
    if (this.problems.some((p) => p.field === field)) {
      return;
    }
    this.problems.push({ field, message, severity, unreadable });
  }

  /** A 0..* element: a list of objects (a single object is read as a list of one, as R4 readers do). */
  list(field: string, v: unknown, unreadable: boolean): void {
    const items = Array.isArray(v) ? v : [v];
    if (items.some((x) => !isObject(x))) {
      this.add(field, 'not a list of FHIR elements', 'error', unreadable, true);
    }
  }

  /** A CodeableConcept: an object whose `coding` is an array of objects with string system/code. */
  concept(field: string, v: unknown): void {
    if (conceptIsWellFormed(v)) {
      return;
    }
    if (!isObject(v)) {
      return this.add(field, 'not a CodeableConcept (object expected)', 'error', true);
    }
    if (v.text !== undefined && typeof v.text !== 'string') {
      this.add(`${field}.text`, 'not a string', 'warning', false);
    }
    if (v.coding === undefined) {
      return;
    }
    if (!Array.isArray(v.coding)) {
      return this.add(`${field}.coding`, 'not an array of Codings', 'error', true);
    }
    v.coding.forEach((c, i) => this.coding(`${field}.coding[${i}]`, c));
  }

  /** A Coding: an object with string `system` and `code` when present. */
  coding(field: string, c: unknown): void {
    if (!isObject(c)) {
      return this.add(field, 'not a Coding (object expected)', 'error', true);
    }
    for (const k of ['system', 'code'] as const) {
      if (c[k] !== undefined && typeof c[k] !== 'string') {
        this.add(`${field}.${k}`, 'not a string', 'error', true);
      }
    }
  }

  /** A 0..1 or 0..* CodeableConcept element. */
  concepts(field: string, v: unknown): void {
    if (Array.isArray(v)) {
      // the element path is only spelled out for a concept that has a problem
      for (let i = 0; i < v.length; i++) {
        if (i in v && !conceptIsWellFormed(v[i])) {
          this.concept(`${field}[${i}]`, v[i]);
        }
      }
    } else {
      this.concept(field, v);
    }
  }

  /** A date/dateTime/instant value (reported only: the rules decide whether it matters). */
  date(field: string, v: unknown): void {
    if (typeof v !== 'string') {
      this.add(field, 'not a FHIR date/dateTime (string expected)', 'error', false);
    } else if (!isFhirDateTime(v)) {
      this.add(field, `not a FHIR date/dateTime: "${v.slice(0, 40)}"`, 'error', false);
    }
  }

  /** A Period: an object whose start/end are dateTimes (reported under the Period's own name). */
  period(field: string, v: unknown): void {
    if (!isObject(v)) {
      return this.add(field, 'not a Period (object expected)', 'error', false);
    }
    for (const k of ['start', 'end'] as const) {
      const x = v[k];
      if (x !== undefined && (typeof x !== 'string' || !isFhirDateTime(x))) {
        this.add(field, `${k} is not a FHIR dateTime`, 'error', false);
      }
    }
  }
}

/** The result of a resource with nothing to report (shared, read only). */
const NOTHING_TO_REPORT: Pick<ResourceCheck, 'problems' | 'strip'> = Object.freeze({
  problems: Object.freeze([]) as unknown as ResourceCheck['problems'],
  strip: new Set<string>(),
});

/** Checks the fields of one resource that the rules read (the result must not be changed). */
function checkResource(r: Json): Pick<ResourceCheck, 'problems' | 'strip'> {
  // most resources have nothing to report: one pass over their own elements says so
  return hasNothingToReport(r) ? NOTHING_TO_REPORT : checkResourceFully(r);
}

/** Checks the fields of one resource that the rules read, spelling out every problem. */
function checkResourceFully(r: Json): ResourceCheck {
  const check = new ResourceCheck();
  if (r.id !== undefined && typeof r.id !== 'string') {
    check.add('id', 'not a string', 'error', false);
  }
  if (r.status !== undefined && typeof r.status !== 'string') {
    check.add('status', 'not a code (string expected)', 'error', true);
  }
  for (const f of CONCEPT_FIELDS) {
    if (r[f] !== undefined && isConceptElement(r.resourceType, f)) {
      check.concepts(f, r[f]);
    }
  }
  for (const k in r) {
    const v = r[k];
    if (v === undefined) {
      continue;
    }
    const kind = fieldKindOf(k);
    if (kind === 'date') {
      check.date(k, v);
    } else if (kind === 'period') {
      check.period(k, v);
    }
  }
  if (r.valueQuantity !== undefined) {
    const q = r.valueQuantity;
    if (!isObject(q) || (q.value !== undefined && typeof q.value !== 'number')) {
      check.add('valueQuantity', 'not a Quantity with a numeric value', 'error', true);
    }
  }
  if (r.resourceType === 'Encounter' && r.class !== undefined) {
    if (Array.isArray(r.class)) {
      r.class.forEach((c, i) => check.coding(`class[${i}]`, c));
    } else {
      check.coding('class', r.class);
    }
  }
  if (r.component !== undefined) {
    if (!Array.isArray(r.component)) {
      check.add('component', 'not an array', 'error', true);
    } else {
      r.component.forEach((c, i) => {
        if (!isObject(c)) {
          return check.add(`component[${i}]`, 'not an object', 'error', true);
        }
        if (c.code !== undefined) {
          check.concept(`component[${i}].code`, c.code);
        }
        if (c.valueCodeableConcept !== undefined) {
          check.concept(`component[${i}].valueCodeableConcept`, c.valueCodeableConcept);
        }
        if (
          c.valueQuantity !== undefined &&
          (!isObject(c.valueQuantity) ||
            (c.valueQuantity.value !== undefined && typeof c.valueQuantity.value !== 'number'))
        ) {
          check.add(`component[${i}].valueQuantity`, 'not a Quantity with a numeric value', 'error', true);
        }
      });
    }
  }
  for (const f of READ_LISTS) {
    if (r[f] !== undefined) {
      check.list(f, r[f], true);
    }
  }
  for (const f of OTHER_LISTS) {
    if (r[f] !== undefined) {
      check.list(f, r[f], false);
    }
  }
  for (const f of READ_OBJECTS) {
    if (r[f] !== undefined && !isObject(r[f])) {
      check.add(f, 'not a FHIR element (object expected)', 'error', true);
    }
  }
  for (const f of PATIENT_FIELDS) {
    const ref = r[f];
    if (ref !== undefined && (!isObject(ref) || (ref.reference !== undefined && typeof ref.reference !== 'string'))) {
      check.add(f, 'not a Reference', 'error', false, true);
    }
  }
  return check;
}

/** What {@link checkResource} checks in a top-level element (bit flags; 0: nothing). */
const STRING_VALUE = 1;
const CONCEPT = 2;
const DATE = 4;
const PERIOD = 8;
const QUANTITY = 16;
const CODINGS = 32;
const COMPONENT = 64;
const LIST = 128;
const OBJECT = 256;
const REFERENCE = 512;

/** The checks of each element name (memoised: names repeat). */
const ELEMENT_CHECKS = new Map<string, number>();

function elementChecksOf(k: string): number {
  let c = ELEMENT_CHECKS.get(k);
  if (c === undefined) {
    const kind = fieldKindOf(k);
    c =
      (k === 'id' || k === 'status' ? STRING_VALUE : 0) |
      ((CONCEPT_FIELDS as readonly string[]).includes(k) ? CONCEPT : 0) |
      (kind === 'date' ? DATE : 0) |
      (kind === 'period' ? PERIOD : 0) |
      (k === 'valueQuantity' ? QUANTITY : 0) |
      (k === 'class' ? CODINGS : 0) |
      (k === 'component' ? COMPONENT : 0) |
      ((READ_LISTS as readonly string[]).includes(k) || (OTHER_LISTS as readonly string[]).includes(k) ? LIST : 0) |
      ((READ_OBJECTS as readonly string[]).includes(k) ? OBJECT : 0) |
      ((PATIENT_FIELDS as readonly string[]).includes(k) ? REFERENCE : 0);
    if (ELEMENT_CHECKS.size > 10_000) {
      ELEMENT_CHECKS.clear();
    }
    ELEMENT_CHECKS.set(k, c);
  }
  return c;
}

const quantityIsWellFormed = (q: unknown) => isObject(q) && (q.value === undefined || typeof q.value === 'number');
const dateIsWellFormed = (v: unknown) => typeof v === 'string' && isFhirDateTime(v);

/**
 * Whether {@link checkResource} would find nothing in a resource, in one pass over its elements.
 * Conservative: anything it is unsure of (`class` outside an Encounter, null values) sends the
 * resource through the full check, which alone decides the problems and their order.
 */
function hasNothingToReport(r: Json): boolean {
  for (const k in r) {
    const v = r[k];
    if (v === undefined) {
      continue;
    }
    const c = elementChecksOf(k);
    if (c === 0) {
      continue;
    }
    if (c & STRING_VALUE && typeof v !== 'string') {
      return false;
    }
    if (
      c & CONCEPT &&
      !(Array.isArray(v) ? v.every(conceptIsWellFormed) : conceptIsWellFormed(v)) &&
      isConceptElement(r.resourceType, k)
    ) {
      return false;
    }
    if (c & DATE && !dateIsWellFormed(v)) {
      return false;
    }
    if (
      c & PERIOD &&
      !(
        isObject(v) &&
        (v.start === undefined || dateIsWellFormed(v.start)) &&
        (v.end === undefined || dateIsWellFormed(v.end))
      )
    ) {
      return false;
    }
    if (c & QUANTITY && !quantityIsWellFormed(v)) {
      return false;
    }
    if (c & CODINGS && !(Array.isArray(v) ? v.every(codingIsWellFormed) : codingIsWellFormed(v))) {
      return false;
    }
    if (c & COMPONENT && !(Array.isArray(v) && v.every(componentIsWellFormed))) {
      return false;
    }
    if (c & LIST && !(Array.isArray(v) ? v.every(isObject) : isObject(v))) {
      return false;
    }
    if (c & OBJECT && !isObject(v)) {
      return false;
    }
    if (c & REFERENCE && !(isObject(v) && (v.reference === undefined || typeof v.reference === 'string'))) {
      return false;
    }
  }
  return true;
}

/** Whether an Observation.component has nothing to report (code, coded value, quantity). */
function componentIsWellFormed(c: unknown): boolean {
  if (!isObject(c)) {
    return false;
  }
  if (c.code !== undefined && !conceptIsWellFormed(c.code)) {
    return false;
  }
  if (c.valueCodeableConcept !== undefined && !conceptIsWellFormed(c.valueCodeableConcept)) {
    return false;
  }
  return c.valueQuantity === undefined || quantityIsWellFormed(c.valueQuantity);
}

/**
 * What a resource is about when it is not a patient: the first subject / patient / beneficiary
 * literal reference, when none of them names a Patient and one names something else (an
 * Observation about a Group or a Device is not the patient's, whichever file it came in).
 */
function nonPatientSubjectOf(r: Json): { field: string; target: string } | undefined {
  let found: { field: string; target: string } | undefined;
  for (const f of PATIENT_FIELDS) {
    const ref = r[f];
    if (!isObject(ref) || typeof ref.reference !== 'string') {
      continue;
    }
    const t = referenceTarget(ref.reference);
    if (t?.type === 'Patient') {
      return undefined;
    }
    if (t && !found) {
      found = { field: f, target: `${t.type}/${t.id}` };
    }
  }
  return found;
}

/** The patient a resource names in subject / patient / beneficiary, when it names one. */
function patientOf(r: Json): string | undefined {
  for (const f of PATIENT_FIELDS) {
    const ref = r[f];
    if (!isObject(ref) || typeof ref.reference !== 'string') {
      continue;
    }
    const t = referenceTarget(ref.reference);
    if (t?.type === 'Patient') {
      return t.id;
    }
  }
  return undefined;
}

/** Receives each reference found by {@link forEachReference} with its path (valid during the call only). */
type ReferenceFound = (ref: string, path: readonly (string | number)[]) => void;

/** A `found` that reports nothing (subject/patient fields and contained resources are walked for depth only). */
const IGNORE: ReferenceFound = () => undefined;

/**
 * Calls `found` for every `{reference: "Type/id"}` inside a resource, in document order, with its
 * path (subject/patient fields and contained resources excluded). The walk runs over every
 * resource, so the path is kept as element names and list positions; `found` spells it out
 * ({@link pathText}) only when it reports. The walk never goes deeper than
 * {@link MAX_RESOURCE_DEPTH} (hostile input nests thousands of levels): it returns the path of
 * the first element beyond it, or undefined when the whole resource was walked.
 */
function forEachReference(resource: Json, found: ReferenceFound): (string | number)[] | undefined {
  const path: (string | number)[] = [];
  for (const k in resource) {
    const x = resource[k];
    if (x === null || typeof x !== 'object') {
      continue;
    }
    const skip = k === 'subject' || k === 'patient' || k === 'beneficiary' || k === 'contained';
    path.push(k);
    if (!referencesIn(x, path, skip ? IGNORE : found)) {
      return path;
    }
    path.pop();
  }
  return undefined;
}

/**
 * The walk of {@link forEachReference} below the top level (`v` is an object or an array at path
 * length `path.length`). False when it met an element deeper than the limit (`path` then ends there).
 */
function referencesIn(v: object, path: (string | number)[], found: ReferenceFound): boolean {
  if (path.length > MAX_RESOURCE_DEPTH) {
    return false;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x === null || typeof x !== 'object') {
        continue;
      }
      path.push(i);
      if (!referencesIn(x, path, found)) {
        return false;
      }
      path.pop();
    }
    return true;
  }
  // The object's own reference is reported before anything inside it. It is read while its
  // elements are walked (most objects — codings, periods — have no `reference` and no object
  // inside, and reading an absent property of ever-different shapes is slow), and at the latest
  // just before the walk descends into one of its elements.
  const o = v as Json;
  let ownDone = false;
  for (const k in o) {
    const x = o[k];
    if (k === 'reference' && !ownDone) {
      ownDone = true;
      if (typeof x === 'string') {
        found(x, path);
      }
    }
    if (x === null || typeof x !== 'object') {
      continue;
    }
    if (!ownDone) {
      ownDone = true;
      const ref = o.reference;
      if (typeof ref === 'string') {
        found(ref, path);
      }
    }
    path.push(k);
    if (!referencesIn(x, path, found)) {
      return false;
    }
    path.pop();
  }
  return true;
}

/** The field of a too-deep element, for its issue: the first few steps of its path, then "…". */
function deepFieldText(path: readonly (string | number)[]): string {
  return `${pathText(path.slice(0, 6))}${path.length > 6 ? '…' : ''}`;
}

/** The message of a resource nested beyond the limit. */
const TOO_DEEP = `nested more than ${MAX_RESOURCE_DEPTH} levels deep (no FHIR resource is)`;

/** `a.b[0].c` for the path `['a', 'b', 0, 'c']`. */
function pathText(path: readonly (string | number)[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Validates a record: returns a cleaned copy (never the input mutated) and every problem once. */
export function validateRecord(input: PatientRecord): ValidatedRecord {
  const issues: DataIssue[] = [];
  const report = (resourceType: string, id: unknown, field: string, message: string, severity: 'error' | 'warning') =>
    issues.push({ resourceType, ...(typeof id === 'string' ? { id } : {}), field, message, severity });

  const rawPatient: unknown = isObject(input) ? input.patient : undefined;
  let patient: fhir4.Patient = { resourceType: 'Patient' };
  if (!isObject(rawPatient)) {
    report('Patient', undefined, 'patient', 'the record has no Patient resource', 'error');
  } else {
    // A Patient nested beyond the limit keeps its other elements: only the too-deep ones go.
    let shallow: Json = rawPatient;
    for (let deepAt = forEachReference(shallow, IGNORE); deepAt; deepAt = forEachReference(shallow, IGNORE)) {
      report('Patient', rawPatient.id, deepFieldText(deepAt), `${TOO_DEEP}: ignored`, 'error');
      const { [String(deepAt[0])]: _dropped, ...rest } = shallow;
      shallow = rest;
    }
    const { birthDate, gender, extension } = shallow;
    let pc = checkResource({ birthDate, extension });
    if (gender !== undefined && typeof gender !== 'string') {
      const full = pc === NOTHING_TO_REPORT ? new ResourceCheck() : (pc as ResourceCheck);
      full.add('gender', 'not a code (string expected)', 'error', false, true);
      pc = full;
    }
    for (const p of pc.problems) {
      report('Patient', rawPatient.id, p.field, p.message, p.severity);
    }
    const clean: Json = { ...shallow };
    for (const k of pc.strip) {
      delete clean[k];
    }
    patient = (pc.strip.size ? clean : shallow) as unknown as fhir4.Patient;
  }
  const patientId = typeof patient.id === 'string' ? patient.id : undefined;
  const rawResources: Json = isObject(input) && isObject(input.resources) ? input.resources : {};
  const rawCompleteness: Json = isObject(input) && isObject(input.completeness) ? input.completeness : {};

  const completeness: Record<string, TypeCompleteness> = {};
  for (const t of Object.keys(rawCompleteness)) {
    const c = rawCompleteness[t];
    if (isObject(c) && (c.status === 'complete' || c.status === 'partial' || c.status === 'missing')) {
      completeness[t] = c as unknown as TypeCompleteness;
    }
  }
  const unreadable = new Map<string, string[]>();
  const markUnreadable = (type: string, why: string) => {
    const list = unreadable.get(type) ?? [];
    list.push(why);
    unreadable.set(type, list);
  };

  // Regroup by each resource's own resourceType; duplicates keep their first position, last content.
  const kept = new ResourceKeys<Json>();
  let anonymous = 0;
  for (const group of Object.keys(rawResources)) {
    const list = rawResources[group];
    if (!Array.isArray(list)) {
      report(group, undefined, 'resources', 'not a list of resources', 'error');
      markUnreadable(group, `the ${group} list could not be read`);
      continue;
    }
    for (const r of list) {
      if (!isObject(r) || typeof r.resourceType !== 'string' || !r.resourceType) {
        report(group, undefined, 'resourceType', 'an entry is not a FHIR resource: ignored', 'error');
        markUnreadable(group, `an entry of ${group} is not a FHIR resource`);
        continue;
      }
      const type = r.resourceType;
      if (type === 'Patient') {
        if (r.id !== patientId) {
          report('Patient', r.id, 'id', 'another Patient inside this record: ignored', 'warning');
        }
        continue;
      }
      const owner = patientOf(r);
      if (owner !== undefined && patientId !== undefined && owner !== patientId) {
        report(
          type,
          r.id,
          PATIENT_FIELDS.find((f) => r[f] !== undefined) ?? 'subject',
          `belongs to Patient/${owner}, not Patient/${patientId}: ignored`,
          'warning',
        );
        continue;
      }
      const about = owner === undefined ? nonPatientSubjectOf(r) : undefined;
      if (about) {
        report(
          type,
          r.id,
          about.field,
          `is about ${about.target}, not Patient/${patientId ?? '?'}: ignored`,
          'warning',
        );
        continue;
      }
      const id = typeof r.id === 'string' && r.id ? r.id : `#anon-${anonymous++}`;
      if (kept.put(type, id, r)) {
        report(type, r.id, 'id', 'the same id appears more than once: kept once (the last copy)', 'warning');
      }
    }
  }

  const grouped: Record<string, fhir4.Resource[]> = {};
  // the resource being walked, read by `dangling` (one function for the whole record); its
  // dangling references wait until the resource is known to be walkable and its fields are reported
  let type = '';
  let current: Json = {};
  const pending: Array<{ field: string; message: string }> = [];
  const dangling: ReferenceFound = (ref, path) => {
    const t = referenceTarget(ref);
    if (!t || !t.recordType || kept.has(t.type, t.id)) {
      return;
    }
    if (completenessOf({ patient, resources: {}, completeness }, t.type).status === 'missing') {
      return;
    }
    pending.push({ field: pathText(path), message: `refers to ${t.type}/${t.id}, which is not in the record` });
  };
  for (const r of kept.values) {
    type = r.resourceType as string;
    current = r;
    pending.length = 0;
    const deepAt = forEachReference(r, dangling);
    if (deepAt) {
      // One issue for the whole resource: it cannot be read safely, and it might be exactly the
      // screening or result a measure looks for, so its type becomes partial (results unknown).
      const field = deepFieldText(deepAt);
      report(type, r.id, field, `${TOO_DEEP}: ignored; results that read ${type} are unknown`, 'error');
      markUnreadable(type, `${type}/${typeof r.id === 'string' ? r.id : '?'} ${field} ${TOO_DEEP}`);
      continue;
    }
    const check = checkResource(r);
    for (const p of check.problems) {
      report(
        type,
        r.id,
        p.field,
        p.unreadable ? `${p.message}: results that read ${type} are unknown` : p.message,
        p.severity,
      );
      if (p.unreadable) {
        markUnreadable(type, `${type}/${typeof r.id === 'string' ? r.id : '?'} ${p.field} ${p.message}`);
      }
    }
    for (const d of pending) {
      report(type, current.id, d.field, d.message, 'warning');
    }
    const clean: Json = check.strip.size ? { ...r } : r;
    for (const k of check.strip) {
      delete clean[k];
    }
    (grouped[type] ??= []).push(clean as unknown as fhir4.Resource);
    completeness[type] ??= { status: 'complete' };
  }

  for (const [type, whys] of unreadable) {
    const prior = completeness[type];
    if (prior?.status === 'missing') {
      continue;
    }
    const reason = `${whys[0]}${whys.length > 1 ? ` (and ${whys.length - 1} more unreadable ${type})` : ''}`;
    completeness[type] = { status: 'partial', reason: prior?.reason ? `${prior.reason}; ${reason}` : reason };
  }
  return { record: { patient, resources: grouped, completeness }, issues };
}
