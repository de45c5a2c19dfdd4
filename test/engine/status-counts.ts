/** The population counts one patient contributes for each measure status (test fixtures). */
import type { MeasureStatus, PopulationCounts } from '../../src/engine/index.ts';

const counts = (ip: number, exclusion: number, exception: number, numerator: number): PopulationCounts => ({
  'initial-population': ip,
  denominator: ip,
  'denominator-exclusion': exclusion,
  'denominator-exception': exception,
  numerator,
});

/** Counts by status (`unknown` as in the population but decided nowhere else). */
export const STATUS_COUNTS: Readonly<Record<MeasureStatus, PopulationCounts>> = {
  met: counts(1, 0, 0, 1),
  'not-met': counts(1, 0, 0, 0),
  excluded: counts(1, 1, 0, 0),
  exception: counts(1, 0, 1, 0),
  'not-in-population': counts(0, 0, 0, 0),
  unknown: counts(1, 0, 0, 0),
};
