/**
 * Builders for the clinical deck's code-built cases: real-shaped FHIR R4 resources as an EHR
 * export carries them (no QI-Core profile tags, offsets as written, CPT / ICD-10-CM / SNOMED /
 * LOINC / RxNorm codes with their display) and the input files a user hands the CLI (a collection
 * Bundle, a transaction Bundle with `urn:uuid:` references, Bulk Data ndjson). They only build
 * data; every expectation is written by hand in the case files.
 */

import { createHash } from 'node:crypto';
import type { CodeGroup, ExpectedPatient } from './deck-cases.ts';

/** Code systems, spelled as the FHIR / US Core registries do. */
export const SYS = {
  cpt: 'http://www.ama-assn.org/go/cpt',
  icd: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  act: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

/** A FHIR resource with an id (the builders always give one). */
export type Res = fhir4.Resource & { id: string };
/** A code with its system and display: [system, code, display]. */
export type Code = readonly [system: string, code: string, display: string];

const cc = ([system, code, display]: Code): fhir4.CodeableConcept => ({
  coding: [{ system, code, display }],
  text: display,
});
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Common codes of the deck. */
export const CODES = {
  office: [SYS.cpt, '99213', 'Office or other outpatient visit, established patient, low MDM'],
  officeModerate: [SYS.cpt, '99214', 'Office or other outpatient visit, established patient, moderate MDM'],
  ed: [SYS.cpt, '99284', 'Emergency department visit, moderate MDM'],
  adultScreen: [SYS.loinc, '73832-8', 'Adult depression screening assessment'],
  negative: [SYS.snomed, '428171000124102', 'Depression screening negative (finding)'],
  positive: [SYS.snomed, '428181000124104', 'Depression screening positive (finding)'],
  diabetes: [SYS.icd, 'E11.9', 'Type 2 diabetes mellitus without complications'],
  hypertension: [SYS.icd, 'I10', 'Essential (primary) hypertension'],
  hba1c: [SYS.loinc, '4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'],
  bipolar: [SYS.icd, 'F31.9', 'Bipolar disorder, unspecified'],
} as const satisfies Record<string, Code>;

/** A patient chart: builders bound to one patient id, collecting its resources in order. */
export class Chart {
  readonly resources: Res[] = [];
  private n = 0;
  readonly ref: string;

  constructor(
    readonly pid: string,
    birthDate: string,
    extra: Partial<fhir4.Patient> = {},
  ) {
    this.ref = `Patient/${pid}`;
    this.resources.push({
      resourceType: 'Patient',
      id: pid,
      birthDate,
      gender: 'female',
      name: [{ family: 'Deck', given: [pid] }],
      ...extra,
    } as Res);
  }

  /** The next resource id of this chart (`<pid>-<kind><n>`). */
  id(kind: string): string {
    return `${this.pid}-${kind}${++this.n}`;
  }

  /** Adds a resource (any shape) and returns it. */
  add<T extends Res>(r: T): T {
    this.resources.push(r);
    return r;
  }

  /** A finished encounter from `start` to `end` (default: 30 minutes later, same offset). */
  visit(start: string, code: Code = CODES.office, opts: { end?: string; cls?: string; extra?: object } = {}): Res {
    return this.add({
      resourceType: 'Encounter',
      id: this.id('enc'),
      status: 'finished',
      class: { system: SYS.act, code: opts.cls ?? 'AMB' },
      type: [cc(code)],
      subject: { reference: this.ref },
      period: { start, end: opts.end ?? plus30(start) },
      ...opts.extra,
    } as Res);
  }

  /** A condition (encounter diagnosis), active unless said otherwise. */
  condition(code: Code, onset?: string, extra: Partial<fhir4.Condition> = {}): Res {
    return this.add({
      resourceType: 'Condition',
      id: this.id('dx'),
      clinicalStatus: { coding: [{ system: CLINICAL, code: 'active' }] },
      verificationStatus: { coding: [{ system: VERIFICATION, code: 'confirmed' }] },
      category: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }],
        },
      ],
      code: cc(code),
      subject: { reference: this.ref },
      ...(onset ? { onsetDateTime: onset } : {}),
      ...extra,
    } as Res);
  }

  /** A final Observation with a coded, quantity or no value. */
  observation(
    code: Code,
    effective: string,
    value?: Code | { value: number; unit: string; code?: string },
    extra: Partial<fhir4.Observation> = {},
  ): Res {
    const category = code[1] === CODES.hba1c[1] ? 'laboratory' : 'survey';
    const v =
      value === undefined
        ? {}
        : Array.isArray(value)
          ? { valueCodeableConcept: cc(value as Code) }
          : {
              valueQuantity: {
                value: (value as { value: number }).value,
                unit: (value as { unit: string }).unit,
                system: SYS.ucum,
                code: (value as { code?: string }).code ?? (value as { unit: string }).unit,
              },
            };
    return this.add({
      resourceType: 'Observation',
      id: this.id('obs'),
      status: 'final',
      category: [{ coding: [{ system: OBS_CATEGORY, code: category }] }],
      code: cc(code),
      subject: { reference: this.ref },
      effectiveDateTime: effective,
      ...v,
      ...extra,
    } as Res);
  }

  /** A negative adult depression screening (LOINC 73832-8, SNOMED negative finding). */
  screening(effective: string, result: Code = CODES.negative): Res {
    return this.observation(CODES.adultScreen, effective, result);
  }

  /** A blood-pressure panel (LOINC 85354-9) with systolic 8480-6 and diastolic 8462-4 components. */
  bloodPressure(effective: string, systolic: number, diastolic: number): Res {
    const comp = (code: string, display: string, value: number) => ({
      code: cc([SYS.loinc, code, display]),
      valueQuantity: { value, unit: 'mm[Hg]', system: SYS.ucum, code: 'mm[Hg]' },
    });
    return this.add({
      resourceType: 'Observation',
      id: this.id('bp'),
      status: 'final',
      category: [{ coding: [{ system: OBS_CATEGORY, code: 'vital-signs' }] }],
      code: cc([SYS.loinc, '85354-9', 'Blood pressure panel with all children optional']),
      subject: { reference: this.ref },
      effectiveDateTime: effective,
      component: [
        comp('8480-6', 'Systolic blood pressure', systolic),
        comp('8462-4', 'Diastolic blood pressure', diastolic),
      ],
    } as Res);
  }

  /** An active medication order, by code or by reference to a (shared) Medication. */
  medication(med: Code | { reference: string }, authoredOn: string, extra: Partial<fhir4.MedicationRequest> = {}): Res {
    return this.add({
      resourceType: 'MedicationRequest',
      id: this.id('rx'),
      status: 'active',
      intent: 'order',
      ...(Array.isArray(med)
        ? { medicationCodeableConcept: cc(med as Code) }
        : { medicationReference: { reference: (med as { reference: string }).reference } }),
      subject: { reference: this.ref },
      authoredOn,
      dosageInstruction: [{ text: 'once daily', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }],
      dispenseRequest: { expectedSupplyDuration: { value: 90, unit: 'days', system: SYS.ucum, code: 'd' } },
      ...extra,
    } as Res);
  }

  /** A completed procedure performed at `performed`. */
  procedure(code: Code, performed: string): Res {
    return this.add({
      resourceType: 'Procedure',
      id: this.id('proc'),
      status: 'completed',
      code: cc(code),
      subject: { reference: this.ref },
      performedDateTime: performed,
    } as Res);
  }
}

/** `start` + 30 minutes, keeping its offset (or its lack of one); a date-only start is kept. */
function plus30(start: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?(.*)$/.exec(start);
  if (!m) {
    return start;
  }
  const minutes = Number(m[2]) * 60 + Number(m[3]) + 30;
  if (minutes >= 24 * 60) {
    return `${m[1]}T23:59:00${m[5]}`;
  }
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${m[1]}T${hh}:${mm}${m[4] ?? ':00'}${m[5]}`;
}

/** A collection Bundle as an EHR export (absolute fullUrls, `Type/id` references). */
export function collection(resources: readonly Res[]): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({
      fullUrl: `https://ehr.example.org/fhir/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  });
}

/** Rewrites every `reference` under `value` with `fn` (deep copy). */
export function mapReferences<T>(value: T, fn: (ref: string) => string): T {
  if (Array.isArray(value)) {
    return value.map((v: unknown) => mapReferences(v, fn)) as T;
  }
  if (!value || typeof value !== 'object') {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = k === 'reference' && typeof v === 'string' ? fn(v) : mapReferences(v, fn);
  }
  return out as T;
}

/**
 * A transaction Bundle as a client would POST it: no resource ids, each entry's fullUrl a
 * `urn:uuid:` and every reference to another entry that urn (FHIR R4 §3.1.0.11.2 / http.html#trules).
 */
export function transaction(resources: readonly Res[], uuid: (id: string) => string): string {
  const urn = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, `urn:uuid:${uuid(r.id)}`]));
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((r) => {
      const { id: _id, ...body } = mapReferences(r, (ref) => urn.get(ref) ?? ref);
      return {
        fullUrl: urn.get(`${r.resourceType}/${r.id}`),
        resource: body,
        request: { method: 'POST', url: r.resourceType },
      };
    }),
  });
}

/** Bulk Data ndjson: one file per resource type (`Type.ndjson`), one resource a line. */
export function ndjsonFiles(
  resources: readonly Res[],
  ref: (ref: string) => string = (r) => r,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (const r of resources) {
    const name = `${r.resourceType}.ndjson`;
    files[name] = (files[name] ?? '') + JSON.stringify(mapReferences(r, ref)) + '\n';
  }
  return files;
}

/** The resources of several charts, in order. */
export const all = (...charts: readonly Chart[]): Res[] => charts.flatMap((c) => c.resources);

/** A stable UUID-shaped id derived from a name (so `urn:uuid:` references stay readable and fixed). */
export function uuidOf(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A case group whose input is one collection Bundle of the charts' resources. */
export function group(
  id: string,
  item: CodeGroup['item'],
  meta: { title: string; rule: string; citation: string; reading?: string },
  charts: readonly Chart[],
  patients: Record<string, ExpectedPatient>,
): CodeGroup {
  return { id, item, ...meta, files: { 'bundle.json': collection(all(...charts)) }, patients };
}
