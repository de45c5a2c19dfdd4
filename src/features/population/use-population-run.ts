/**
 * React state of one population run: resolves the members (the attributed Group, else patients
 * with an encounter in the period), reads the records (one Bulk Data Group export when the server
 * offers it to the token, else per-patient searches 4 at a time) and evaluates each in the
 * evaluation Web Worker (the main-thread engine only where workers do not exist), publishing the
 * results in batches (at most ~5 renders a second, so 10,000 arrivals do not mean 10,000 renders).
 * Each batch is added once to the columns, flag ids and summary ({@link PopulationTally}), so a
 * batch costs the same at patient 9,990 as at patient 10: nothing is recomputed over every entry.
 * Each record is also evaluated for the previous period (measures only) for the monthly chart.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { wrap, type Remote } from 'comlink';
import {
  previousPeriod,
  type DayPeriod,
  type EvaluationOptions,
  type PatientEvaluation,
  type PatientRecord,
} from '../../engine/index.ts';
import type { PopulationSession } from '../../smart/session.ts';
import type { EvaluationWorkerApi } from '../care-panel/evaluation-worker.ts';
import {
  ATTRIBUTED_GROUP_ID,
  fetchEncounterPopulation,
  fetchGroupMembers,
  type PopulationMembers,
} from './population-members.ts';
import {
  DEFAULT_POPULATION_CONCURRENCY,
  type PopulationEntry,
  type PopulationProgress,
  runPopulation,
} from './run-population.ts';
import { choosePopulationSource, type PopulationSource } from './population-source.ts';
import { EMPTY_DERIVED, PopulationTally, type PopulationDerived } from './population-tally.ts';

/** Where the run is. */
export type RunPhase = 'idle' | 'members' | 'running' | 'done' | 'cancelled' | 'failed';

/** What the view renders. */
export interface PopulationRunState {
  phase: RunPhase;
  members?: PopulationMembers;
  entries: PopulationEntry[];
  /** Columns, flag ids and summary of `entries` (kept up to date per batch, not recomputed). */
  derived: PopulationDerived;
  progress?: PopulationProgress;
  /** How records are read: one Bulk Data Group export, or per-patient searches (with why). */
  source?: Pick<PopulationSource, 'kind' | 'note'>;
  error?: string;
  start(): void;
  cancel(): void;
}

/** How often (ms) arrivals are flushed into React state. */
const FLUSH_INTERVAL_MS = 200;

/**
 * User Timing names (no PHI: a row count at most): a mark when a batch of results is handed to
 * React, and a measure from it to the commit that shows the batch (read by the browser benchmark).
 */
export const FLUSH_MARK = 'caregap:population-flush';
export const RENDER_MEASURE = 'caregap:population-render';

/** Measures flush → commit of the latest batch (called from the view's effect); silent without a mark. */
export function measureBatchRendered(rows: number): void {
  try {
    if (performance.getEntriesByName(FLUSH_MARK, 'mark').length === 0) {
      return;
    }
    performance.measure(RENDER_MEASURE, { start: FLUSH_MARK, detail: { rows } });
    performance.clearMarks(FLUSH_MARK);
  } catch {
    // User Timing unavailable (very old browsers): nothing to measure.
  }
}

type EvalOptions = Omit<EvaluationOptions, 'valueSets'>;

/** Evaluates on the main thread (engine loaded on demand). */
async function evaluateHere(record: PatientRecord, options: EvalOptions): Promise<PatientEvaluation> {
  const { evaluateOnMainThread } = await import('./main-thread-evaluation.ts');
  return evaluateOnMainThread(record, options);
}

/** Runs the population for a practitioner session with the given evaluation clock. */
export function usePopulationRun(
  session: PopulationSession,
  clock: { period: DayPeriod; asOf: string },
): PopulationRunState {
  const [phase, setPhase] = useState<RunPhase>('idle');
  const [members, setMembers] = useState<PopulationMembers>();
  const [entries, setEntries] = useState<PopulationEntry[]>([]);
  const [derived, setDerived] = useState<PopulationDerived>(EMPTY_DERIVED);
  const [progress, setProgress] = useState<PopulationProgress>();
  const [error, setError] = useState<string>();
  const [source, setSource] = useState<Pick<PopulationSource, 'kind' | 'note'>>();
  const controller = useRef<AbortController | null>(null);
  const worker = useRef<{ api: Remote<EvaluationWorkerApi>; terminate(): void } | null>(null);

  useEffect(() => {
    if (typeof Worker === 'undefined') {
      return undefined;
    }
    const w = new Worker(new URL('../care-panel/evaluation-worker.ts', import.meta.url), {
      type: 'module',
      name: 'caregap-population-evaluation',
    });
    worker.current = { api: wrap<EvaluationWorkerApi>(w), terminate: () => w.terminate() };
    return () => {
      controller.current?.abort();
      w.terminate();
      worker.current = null;
    };
  }, []);

  const start = useCallback(() => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    const opts: EvalOptions = { period: clock.period, asOf: clock.asOf };
    setPhase('members');
    performance.clearMeasures?.(RENDER_MEASURE);
    setEntries([]);
    setDerived(EMPTY_DERIVED);
    setProgress(undefined);
    setError(undefined);
    setSource(undefined);
    void (async () => {
      let found: PopulationMembers;
      let chosen: PopulationSource;
      try {
        found = await fetchGroupMembers(session.client, ATTRIBUTED_GROUP_ID, {
          signal: ac.signal,
          onDay: clock.asOf,
        }).catch((groupError: unknown) => {
          if (ac.signal.aborted) {
            throw groupError;
          }
          // No attributed list on this server (or no Group scope): fall back to the encounter search.
          return fetchEncounterPopulation(session.client, clock.period, { signal: ac.signal });
        });
        chosen = await choosePopulationSource(session, found, ATTRIBUTED_GROUP_ID, ac.signal);
      } catch (e) {
        if (!ac.signal.aborted) {
          setError(`Could not read the population: ${(e as Error).message}`);
          setPhase('failed');
        }
        return;
      }
      if (ac.signal.aborted) {
        return;
      }
      setMembers(found);
      setSource({ kind: chosen.kind, ...(chosen.note ? { note: chosen.note } : {}) });
      setPhase('running');
      setProgress({ done: 0, total: chosen.patientIds.length, elapsedMs: 0 });
      let pending: PopulationEntry[] = [];
      let latest: PopulationProgress | undefined;
      const tally = new PopulationTally({ period: clock.period, asOf: clock.asOf });
      const flush = () => {
        // A run replaced by "Evaluate again" publishes nothing more (its rows and tallies would mix in).
        if (controller.current !== ac) {
          return;
        }
        if (pending.length) {
          const batch = pending;
          pending = [];
          performance.mark?.(FLUSH_MARK);
          tally.add(batch);
          setDerived(tally.snapshot());
          setEntries((prev) => prev.concat(batch));
        }
        if (latest) {
          setProgress(latest);
        }
      };
      const timer = setInterval(flush, FLUSH_INTERVAL_MS);
      const evaluateWith = (record: PatientRecord, o: EvalOptions): Promise<PatientEvaluation> =>
        worker.current
          ? worker.current.api.evaluate(record, o).then(
              (r) => r.evaluation,
              () => evaluateHere(record, o),
            )
          : evaluateHere(record, o);
      const evaluate = (record: PatientRecord) => evaluateWith(record, opts);
      // the same record for the previous period, its measures only (for month-by-month closure
      // against last year); the record is fetched whole, so this costs evaluation time, not requests
      const previous = previousPeriod(clock.period);
      const evaluatePrevious = (record: PatientRecord, current: PatientEvaluation) =>
        evaluateWith(record, { period: previous, asOf: previous.end, only: current.measures.map((m) => m.id) });
      const run = await runPopulation({
        patientIds: chosen.patientIds,
        concurrency: DEFAULT_POPULATION_CONCURRENCY,
        signal: ac.signal,
        load: chosen.load,
        evaluate,
        evaluatePrevious,
        onEntry: (entry, p) => {
          pending.push(entry);
          latest = p;
        },
      });
      clearInterval(timer);
      flush();
      if (controller.current === ac) {
        setPhase(run.cancelled ? 'cancelled' : 'done');
      }
    })();
  }, [session, clock.period.start, clock.period.end, clock.asOf]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return {
    phase,
    ...(members ? { members } : {}),
    entries,
    derived,
    ...(progress ? { progress } : {}),
    ...(source ? { source } : {}),
    ...(error ? { error } : {}),
    start,
    cancel,
  };
}
