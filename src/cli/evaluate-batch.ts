/**
 * Evaluates a batch of patients given as unparsed JSON texts (shard-store.ts) and formats their
 * output: the unit of work of `caregap evaluate`, run in the main thread or in a worker thread
 * (evaluation-worker.ts) with identical results. Each line is parsed exactly once, here; a line
 * that is not valid JSON is reported with its file and line, and where in it and why — never its
 * content. A patient's record is its own resources, then the shared resources it references
 * (shared-resources.ts); `urn:uuid:` references are resolved by id (engine). The same `Type/id`
 * seen twice is one resource, the last copy read wins.
 */
import {
  evaluatePatient,
  recordFromResources,
  resolveUuidReferences,
  type PopulationInput,
  patientIdentity,
  worklistRows,
  type WorklistRow,
  type DayPeriod,
  type GapPolicyOverride,
} from '../engine/index.ts';
import { invalidJsonMessage } from './json-error-position.ts';
import { outputLines, summaryInput, type FormatSettings } from './output-formats.ts';
import { LINE_SLOTS, type PatientBatch } from './shard-store.ts';

/** Everything a batch needs besides its patients (structured-clonable, sent once to each worker). */
export interface BatchSettings extends FormatSettings {
  period: DayPeriod;
  asOf?: string;
  only: string[];
  /** The organisation's gap day counts (`--gap-policy`). */
  gapPolicy?: GapPolicyOverride;
}

/** A problem found while evaluating: line `line` (0: none) of file `file` (an index into the run's files). */
export interface LineProblem {
  file: number;
  line: number;
  message: string;
}

/** The outcome of one patient. */
export interface PatientOutcome {
  id: string;
  /** Resources reference the patient but no Patient resource was read: not evaluated. */
  missingPatient?: boolean;
  /** None of the patient's lines was valid JSON: the patient was never really seen (no warning). */
  unread?: boolean;
  /** The patient could not be evaluated in the memory allowed (see the CLI's --patient-heap-mb). */
  outOfMemory?: boolean;
  lines: string[];
  /** For the `summary` format. */
  summary?: PopulationInput;
  /** For the `worklist` format: the patient's open, actionable gaps (sorted with everyone's at the end). */
  worklist?: WorklistRow[];
  /** Lines of this patient (or of a shared resource it references) that are not valid JSON. */
  problems?: LineProblem[];
}

/** Evaluates one patient's parsed resources (its own in input order, then the shared ones it references). */
export function evaluateResources(id: string, resources: readonly fhir4.Resource[], s: BatchSettings): PatientOutcome {
  // the patient is the last copy of Patient/<id>; every other resource is kept once per Type/id,
  // last copy wins, by recordFromResources (a non-string id would be read differently there: the
  // first pass below keeps such resources apart, each on its own, as before)
  let patient: fhir4.Patient | undefined;
  let plainIds = true;
  for (const r of resources) {
    if (r.resourceType === 'Patient' && r.id === id) {
      patient = r as fhir4.Patient;
    }
    if (r.id !== undefined && typeof r.id !== 'string') {
      plainIds = false;
    }
  }
  if (!patient) {
    return { id, missingPatient: true, lines: [] };
  }
  let kept: fhir4.Resource[];
  if (plainIds) {
    kept = [patient, ...resources.filter((r) => r.resourceType !== 'Patient')];
  } else {
    const byKey = new Map<string, fhir4.Resource>();
    let anonymous = 0;
    for (const r of resources) {
      byKey.set(`${r.resourceType}/${typeof r.id === 'string' ? r.id : `#anonymous-${anonymous++}`}`, r);
    }
    kept = [patient, ...[...byKey.values()].filter((r) => r.resourceType !== 'Patient')];
  }
  const record = recordFromResources(kept);
  const ev = evaluatePatient(record, {
    period: s.period,
    only: s.only,
    ...(s.asOf ? { asOf: s.asOf } : {}),
    ...(s.gapPolicy ? { gapPolicy: s.gapPolicy } : {}),
  });
  // who the patient is (name, birth date, MRN, phone, attributed clinician) for csv, worklist and summary strata
  const identity =
    s.format === 'csv' || s.format === 'worklist' || s.format === 'summary' ? patientIdentity(record, ev) : undefined;
  return {
    id,
    lines: outputLines(ev, patient, s, identity),
    ...(s.format === 'summary' ? { summary: summaryInput(ev, identity) } : {}),
    ...(s.format === 'worklist' ? { worklist: worklistRows(ev, identity) } : {}),
  };
}

/** Evaluates a batch of patients, in order. */
export function evaluateBatch(batch: PatientBatch, s: BatchSettings): PatientOutcome[] {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const index = batch.lines;
  const out: PatientOutcome[] = [];
  /** Set by `parse`: a text held a `urn:uuid:` (only then are references resolved by id). */
  let uuids = false;
  /** Parsed shared lines (a Medication referenced by several patients of the batch is parsed once). */
  const sharedParsed = new Map<number, { r: fhir4.Resource | LineProblem; uuids: boolean }>();
  const parse = (l: number): fhir4.Resource | LineProblem => {
    const at = l * LINE_SLOTS;
    const text = bytes.toString('utf8', index[at]!, index[at + 1]!);
    if (!uuids && text.includes('urn:uuid:')) {
      uuids = true;
    }
    try {
      return JSON.parse(text) as fhir4.Resource;
    } catch {
      return { file: index[at + 2]!, line: index[at + 3]!, message: invalidJsonMessage(text) };
    }
  };
  const isProblem = (x: fhir4.Resource | LineProblem): x is LineProblem =>
    typeof (x as LineProblem).message === 'string' && typeof (x as LineProblem).file === 'number';
  let l = 0;
  for (const p of batch.patients) {
    const resources: fhir4.Resource[] = [];
    let problems: LineProblem[] | undefined;
    uuids = false;
    for (const stop = l + p.lines; l < stop; l++) {
      const r = parse(l);
      if (isProblem(r)) {
        (problems ??= []).push(r);
      } else {
        resources.push(r);
      }
    }
    const own = resources.length;
    for (const sl of p.shared ?? []) {
      let entry = sharedParsed.get(sl);
      if (!entry) {
        const before: boolean = uuids;
        uuids = false;
        entry = { r: parse(sl), uuids };
        uuids = before;
        sharedParsed.set(sl, entry);
      }
      if (entry.uuids) {
        uuids = true;
      }
      if (isProblem(entry.r)) {
        (problems ??= []).push(entry.r);
      } else {
        resources.push(entry.r);
      }
    }
    const o: PatientOutcome = own
      ? evaluateResources(p.id, uuids ? resolveUuidReferences(resources) : resources, s)
      : { id: p.id, unread: true, lines: [] };
    if (problems) {
      o.problems = problems;
    }
    out.push(o);
  }
  return out;
}
