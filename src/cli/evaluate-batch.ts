/**
 * Evaluates a batch of patients given as JSON texts (from patient-shards.ts) and formats their
 * output: the unit of work of `--jobs`, run in-process or in a worker thread (evaluation-worker.ts)
 * with identical results. Duplicates of one `Type/id` are one resource, the last copy read wins.
 */
import { evaluatePatient } from '../engine/evaluate-patient.ts';
import { recordFromResources } from '../engine/record.ts';
import type { PopulationInput } from '../engine/report/summary-measure-report.ts';
import type { DayPeriod } from '../engine/types.ts';
import { outputLines, summaryInput, type FormatSettings } from './output-formats.ts';
import type { PatientLines } from './patient-shards.ts';

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
  lines: string[];
  /** For the `summary` format. */
  summary?: PopulationInput;
}

/** Evaluates one patient's resources. */
export function evaluateLines(p: PatientLines, s: BatchSettings): PatientOutcome {
  const byKey = new Map<string, fhir4.Resource>();
  let anonymous = 0;
  for (const text of p.lines) {
    const r = JSON.parse(text) as fhir4.Resource;
    byKey.set(`${r.resourceType}/${typeof r.id === 'string' ? r.id : `#anonymous-${anonymous++}`}`, r);
  }
  const patient = byKey.get(`Patient/${p.id}`) as fhir4.Patient | undefined;
  if (!patient) return { id: p.id, missingPatient: true, lines: [] };
  const ev = evaluatePatient(recordFromResources([...byKey.values()]), { period: s.period, only: s.only, ...(s.asOf ? { asOf: s.asOf } : {}) });
  return { id: p.id, lines: outputLines(ev, patient, s), ...(s.format === 'summary' ? { summary: summaryInput(ev) } : {}) };
}

/** Evaluates a batch of patients, in order. */
export function evaluateBatch(patients: readonly PatientLines[], s: BatchSettings): PatientOutcome[] {
  return patients.map((p) => evaluateLines(p, s));
}
