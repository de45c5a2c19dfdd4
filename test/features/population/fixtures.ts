/** Synthetic evaluated patients for the population-view tests (fixed period 2026, as of 2026-03-02). */
import type { GapResult, MeasureResult, MeasureStatus, PatientEvaluation } from '../../../src/engine/index.ts';
import type { PopulationEntry } from '../../../src/features/population/run-population.ts';
import { STATUS_COUNTS } from '../../engine/status-counts.ts';

/** A CMS2 result with the final counts its status implies. */
export function cms2(status: MeasureStatus): MeasureResult {
  return {
    id: 'cms2',
    measureUrl: 'https://example.org/Measure/cms2',
    version: '1',
    title: 'Depression screening',
    status,
    populations: { ...STATUS_COUNTS[status] },
    evidence: [],
  };
}

/** A CMS122 (inverse) result. */
export function cms122(status: MeasureStatus): MeasureResult {
  return {
    id: 'cms122',
    measureUrl: 'https://example.org/Measure/cms122',
    version: '1',
    title: 'HbA1c > 9%',
    status,
    populations: { ...STATUS_COUNTS[status] },
    evidence: [],
    inverse: true,
  };
}

/** A gap with a status. */
export function gap(id: string, status: GapResult['status']): GapResult {
  return { id, title: id.toUpperCase(), status, why: 'test', evidence: [] };
}

/** One evaluated patient. */
export function entry(
  patientId: string,
  name: string,
  parts: { measures?: MeasureResult[]; gaps?: GapResult[]; flags?: string[] },
): PopulationEntry {
  const evaluation: PatientEvaluation = {
    patient: `Patient/${patientId}`,
    period: { start: '2026-01-01', end: '2026-12-31' },
    asOf: '2026-03-02',
    measures: parts.measures ?? [],
    gaps: parts.gaps ?? [],
    flags: (parts.flags ?? []).map((id) => ({ id, severity: 'high' as const, statement: id, evidence: [] })),
    actions: [],
    issues: [],
  };
  return { patientId, name, evaluation };
}

/** The population used across the tests. */
export function samplePopulation(): PopulationEntry[] {
  return [
    entry('marcus', 'Marcus Bell', {
      measures: [cms2('not-met'), cms122('not-in-population')],
      gaps: [gap('cms2', 'open')],
    }),
    entry('henry', 'Henry Lindqvist', {
      measures: [cms2('met'), cms122('met')],
      gaps: [gap('cms2', 'closed')],
      flags: ['smi'],
    }),
    entry('tanya', 'Tanya Whitfield', {
      measures: [cms2('excluded'), cms122('not-met')],
      gaps: [gap('cms2', 'not-applicable'), gap('fuh-7', 'open')],
      flags: ['sdoh-need:food'],
    }),
    entry('quinn', 'Quinn Oddly', { measures: [cms2('unknown')], gaps: [gap('cms2', 'unknown')] }),
    entry('ruth', 'Ruth Castellanos', { measures: [cms2('exception')], gaps: [], flags: ['ed-frequent', 'smi'] }),
  ];
}
