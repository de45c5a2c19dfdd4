/**
 * Evaluates a population with bounded concurrency: at most `concurrency` patients are being
 * fetched at once (the EHR's FHIR server is shared with clinicians; 4 in flight keeps it polite),
 * each record is evaluated as soon as it arrives, and each result is reported immediately so the
 * table fills in while the rest is still on the network. Cancel = abort the signal: no new patient
 * starts and in-flight fetches are aborted. No React, no DOM: the Node benchmark runs the same path.
 * Each entry keeps the evaluation and a small identity extract (name, birth date, MRN, phone,
 * attributed clinician) taken while the record is at hand — never the record itself — and, when
 * the previous period is evaluated too, only that period's per-measure closure (for the monthly chart).
 */
import {
  measureClosures,
  patientIdentity,
  type MeasureClosure,
  type PatientEvaluation,
  type PatientIdentity,
  type PatientRecord,
} from '../../engine/index.ts';

/** Default patients in flight at once. */
export const DEFAULT_POPULATION_CONCURRENCY = 4;

/** One patient's outcome: an evaluation, or the reason there is none. */
export interface PopulationEntry {
  patientId: string;
  /** Display name from the Patient resource, when it was read. */
  name?: string;
  /** Who the patient is (name, birth date, MRN, phone, attributed clinician), when the record was read. */
  identity?: PatientIdentity;
  evaluation?: PatientEvaluation;
  /** The previous period's closure per measure, when it was evaluated. */
  previous?: MeasureClosure[];
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
  /** Evaluates the same record for the previous period (the measures of `current` only); a failure leaves it out. */
  evaluatePrevious?(record: PatientRecord, current: PatientEvaluation): Promise<PatientEvaluation>;
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
  if (done <= 0) {
    return undefined;
  }
  return Math.max(0, Math.round((elapsedMs / done) * (total - done)));
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
  if (outer?.aborted) {
    controller.abort(outer.reason);
  } else {
    outer?.addEventListener('abort', onAbort, { once: true });
  }
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
      const identity = patientIdentity(record, evaluation);
      const previous = options.evaluatePrevious
        ? await options.evaluatePrevious(record, evaluation).then(measureClosures, () => undefined)
        : undefined;
      return {
        patientId,
        ...(identity.name ? { name: identity.name } : {}),
        identity,
        evaluation,
        ...(previous ? { previous } : {}),
      };
    } catch (error) {
      const identity = record ? patientIdentity(record) : undefined;
      return {
        patientId,
        ...(identity?.name ? { name: identity.name } : {}),
        ...(identity ? { identity } : {}),
        error: (error as Error)?.message ?? String(error),
      };
    } finally {
      controller.signal.removeEventListener('abort', relay);
    }
  }

  async function lane(): Promise<void> {
    while (!controller.signal.aborted && next < ids.length) {
      const id = ids[next++] as string;
      const entry = await one(id);
      if (controller.signal.aborted) {
        return;
      } // a cancelled patient is not reported as a failure
      entries.push(entry);
      done++;
      const elapsedMs = now() - t0;
      const remainingMs = estimateRemainingMs(done, ids.length, elapsedMs);
      options.onEntry?.(entry, {
        done,
        total: ids.length,
        elapsedMs,
        ...(remainingMs !== undefined ? { remainingMs } : {}),
      });
    }
  }

  await Promise.all(Array.from({ length: concurrency }, lane));
  outer?.removeEventListener('abort', onAbort);
  return { entries, cancelled: controller.signal.aborted, elapsedMs: now() - t0 };
}
