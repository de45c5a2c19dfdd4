/**
 * The whole synthetic panel: the named edge-case patients first, then `count` generated patients,
 * streamed one patient at a time so a 10,000-patient panel never has to sit in memory at once.
 */
import { generatePatient, panelPatientId } from './generate-patient.ts';
import { generateNamedPatient, NAMED_PATIENTS } from './named-patients.ts';

/** Default number of generated (unnamed) panel patients. */
export const DEFAULT_PATIENT_COUNT = 200;

/** Default seed of the sandbox panel. */
export const DEFAULT_SEED = 20260101;

/** Options of the panel generator. */
export interface PanelOptions {
  seed: number;
  count: number;
  /** YYYY-MM-DD: "today" of the data. */
  anchorDate: string;
  /** Include the named edge-case patients (default true). */
  named?: boolean;
}

/** One patient of the panel: its resources (Patient first) and, for named patients, a label. */
export interface PanelPatient {
  id: string;
  label?: string;
  resources: fhir4.Resource[];
}

/** Yields the panel's patients in a stable order. */
export function* generatePanel(opts: PanelOptions): Generator<PanelPatient> {
  if (opts.named ?? true) {
    for (const named of NAMED_PATIENTS) {
      yield { id: named.id, label: named.label, resources: generateNamedPatient(named, opts.anchorDate) };
    }
  }
  for (let i = 0; i < opts.count; i++) {
    yield { id: panelPatientId(i), resources: generatePatient(opts.seed, i, opts.anchorDate) };
  }
}

/** Today's date in UTC as YYYY-MM-DD (the default anchor). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
