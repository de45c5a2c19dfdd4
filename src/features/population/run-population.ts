/**
 * Evaluates a population with bounded concurrency: at most `concurrency` patients are being
 * fetched at once (the EHR's FHIR server is shared with clinicians; 4 in flight keeps it polite),
 * each record is evaluated as soon as it arrives, and each result is reported immediately so the
 * table fills in while the rest is still on the network. Cancel = abort the signal: no new patient
 * starts and in-flight fetches are aborted. No React, no DOM: the Node benchmark runs the same path.
 */
import type { PatientEvaluation, PatientRecord } from '../../engine/index.ts';

/** Default patients in flight at once. */
export const DEFAULT_POPULATION_CONCURRENCY = 4;

/** One patient's outcome: an evaluation, or the reason there is none. */
export interface PopulationEntry {
  patientId: string;
  /** Display name from the Patient resource, when it was read. */
  name?: string;
  evaluation?: PatientEvaluation;
  /** Set when the record could not be fetched or evaluated. */
  error?: string;
}

/** Progress after each settled patient. */
export interface PopulationProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated time left from the mean pace so far; undefined before the first result. */
  remainingMs?: number;
}

/** What {@link runPopulation} needs. */
export interface RunPopulationOptions {
  patientIds: readonly string[];
  load(patientId: string, signal: AbortSignal): Promise<PatientRecord>;
  evaluate(record: PatientRecord): Promise<PatientEvaluation>;
  concurrency?: number;
  signal?: AbortSignal;
  onEntry?(entry: PopulationEntry, progress: PopulationProgress): void;
  /** Injected clock (ms), default performance.now. */
  now?(): number;
}

/** Outcome of a run. */
export interface PopulationRun {
  entries: PopulationEntry[];
  cancelled: boolean;
  elapsedMs: number;
}

/** Estimated time left: the mean time per settled patient so far × the number still to do. */
export function estimateRemainingMs(done: number, total: number, elapsedMs: number): number | undefined {
  if (done <= 0) return undefined;
  return Math.max(0, Math.round((elapsedMs / done) * (total - done)));
}

/** The patient's display name ("Given Family"), or undefined. */
export function patientDisplayName(patient: fhir4.Patient | undefined): string | undefined {
  const n = patient?.name?.find((x) => x.use === 'official') ?? patient?.name?.[0];
  if (!n) return undefined;
  const text = n.text ?? [...(n.given ?? []), n.family ?? ''].join(' ').trim();
  return text || undefined;
}

/** Fetches and evaluates every patient, `concurrency` at a time, reporting each as it settles. */
export async function runPopulation(options: RunPopulationOptions): Promise<PopulationRun> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const ids = options.patientIds;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_POPULATION_CONCURRENCY, ids.length || 1));
  const controller = new AbortController();
  const outer = options.signal;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onAbort, { once: true });
  const entries: PopulationEntry[] = [];
  let next = 0;
  let done = 0;

  async function one(patientId: string): Promise<PopulationEntry> {
    let record: PatientRecord | undefined;
    // One child signal per patient: the patient's many requests listen to it, so the run's signal
    // carries at most `concurrency` listeners however many patients pass through.
    const child = new AbortController();
    const relay = () => child.abort(controller.signal.reason);
    controller.signal.addEventListener('abort', relay, { once: true });
    try {
      record = await options.load(patientId, child.signal);
      const evaluation = await options.evaluate(record);
      const name = patientDisplayName(record.patient);
      return { patientId, ...(name ? { name } : {}), evaluation };
    } catch (error) {
      const name = patientDisplayName(record?.patient);
      return { patientId, ...(name ? { name } : {}), error: (error as Error)?.message ?? String(error) };
    } finally {
      controller.signal.removeEventListener('abort', relay);
    }
  }

  async function lane(): Promise<void> {
    while (!controller.signal.aborted && next < ids.length) {
      const id = ids[next++] as string;
      const entry = await one(id);
      if (controller.signal.aborted) return; // a cancelled patient is not reported as a failure
      entries.push(entry);
      done++;
      const elapsedMs = now() - t0;
      const remainingMs = estimateRemainingMs(done, ids.length, elapsedMs);
      options.onEntry?.(entry, { done, total: ids.length, elapsedMs, ...(remainingMs !== undefined ? { remainingMs } : {}) });
    }
  }

  await Promise.all(Array.from({ length: concurrency }, lane));
  outer?.removeEventListener('abort', onAbort);
  return { entries, cancelled: controller.signal.aborted, elapsedMs: now() - t0 };
}
