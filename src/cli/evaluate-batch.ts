/**
 * Evaluates a batch of patients given as unparsed JSON texts (from patient-shards.ts) and formats
 * their output: the unit of work of `--jobs`, run in-process or in a worker thread
 * (evaluation-worker.ts) with identical results. Each line is parsed exactly once, here; a line
 * that is not valid JSON is reported as a problem with its file and line. Duplicates of one
 * `Type/id` are one resource, the last copy read wins.
 */
import { evaluatePatient } from '../engine/evaluate-patient.ts';
import { recordFromResources } from '../engine/record.ts';
import type { PopulationInput } from '../engine/report/summary-measure-report.ts';
import { patientIdentity } from '../engine/report/patient-identity.ts';
import { worklistRows, type WorklistRow } from '../engine/report/worklist.ts';
import type { DayPeriod } from '../engine/types.ts';
import { outputLines, summaryInput, type FormatSettings } from './output-formats.ts';
import { jsonMessage } from './read-inputs.ts';
import { LINE_SLOTS, type LineProblem, type PatientBatch } from './patient-shards.ts';

/** Everything a batch needs besides its patients (structured-clonable, sent once to each worker). */
export interface BatchSettings extends FormatSettings {
  period: DayPeriod;
  asOf?: string;
  only: string[];
}

/** The outcome of one patient. */
export interface PatientOutcome {
  id: string;
  /** Resources reference the patient but no Patient resource was read: not evaluated. */
  missingPatient?: boolean;
  /** None of the patient's lines was valid JSON: the patient was never really seen (no warning). */
  unread?: boolean;
  lines: string[];
  /** For the `summary` format. */
  summary?: PopulationInput;
  /** For the `worklist` format: the patient's open, actionable gaps (sorted with everyone's at the end). */
  worklist?: WorklistRow[];
  /** Lines of this patient that are not valid JSON. */
  problems?: LineProblem[];
}

/** Evaluates one patient's parsed resources (in input order). */
export function evaluateResources(id: string, resources: readonly fhir4.Resource[], s: BatchSettings): PatientOutcome {
  const byKey = new Map<string, fhir4.Resource>();
  let anonymous = 0;
  for (const r of resources) byKey.set(`${r.resourceType}/${typeof r.id === 'string' ? r.id : `#anonymous-${anonymous++}`}`, r);
  const patient = byKey.get(`Patient/${id}`) as fhir4.Patient | undefined;
  if (!patient) return { id, missingPatient: true, lines: [] };
  const record = recordFromResources([...byKey.values()]);
  const ev = evaluatePatient(record, { period: s.period, only: s.only, ...(s.asOf ? { asOf: s.asOf } : {}) });
  // who the patient is (name, birth date, MRN, phone, attributed clinician) for csv, worklist and summary strata
  const identity = s.format === 'csv' || s.format === 'worklist' || s.format === 'summary' ? patientIdentity(record, ev) : undefined;
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
  let l = 0;
  for (const p of batch.patients) {
    const resources: fhir4.Resource[] = [];
    let problems: LineProblem[] | undefined;
    for (const stop = l + p.lines; l < stop; l++) {
      const at = l * LINE_SLOTS;
      const text = bytes.toString('utf8', index[at]!, index[at + 1]!);
      try {
        resources.push(JSON.parse(text) as fhir4.Resource);
      } catch (e) {
        (problems ??= []).push({ file: index[at + 2]!, line: index[at + 3]!, message: jsonMessage(e) });
      }
    }
    const o: PatientOutcome = resources.length ? evaluateResources(p.id, resources, s) : { id: p.id, unread: true, lines: [] };
    if (problems) o.problems = problems;
    out.push(o);
  }
  return out;
}
