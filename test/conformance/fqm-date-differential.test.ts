/**
 * Differential test of the date model: for every eCQM (CMS2, CMS165, CMS122, CMS130, CMS125) the
 * engine and fqm-execution (running the official measure bundles in ../shared/conformance) agree
 * on every population of every generated patient. The patients (generated/random-patients.ts,
 * seeded) sit on the measures' date boundaries — the day before, of and after each window edge —
 * with every date written with its own offset (−10:00 … +14:00, real US / EU zones on
 * daylight-saving days), as a date only, without a zone, or to the month or year only; birth dates
 * to the day, month or year.
 *
 * fqm-execution reads a value without an offset in the machine's zone; the engine reads it in its
 * declared offset, UTC (src/engine/cql/date-time.ts). This file therefore runs fqm-execution with
 * TZ=UTC — the engine needs no such setting (test/engine/cql/zone-independence.test.ts).
 * Skips (and says so) when ../shared is absent. `FQM_DATES_PATIENTS=300` runs more patients.
 */
process.env.TZ = 'UTC';
import { describe, expect, it } from 'vitest';
import { sharedAvailable } from './conformance-cases.ts';
import { fqmVerdicts, measureBundle } from './fqm-runner.ts';
import {
  cms122Patient,
  cms125Patient,
  cms130Patient,
  cms165Patient,
  cms2Patient,
  type GeneratedPatient,
} from './generated/random-patients.ts';
import { EvaluationContext } from '../../src/engine/evaluation-context.ts';
import { recordFromResources } from '../../src/engine/record.ts';
import { builtinValueSets } from '../../src/engine/valuesets/index.ts';
import type { MeasureDefinition } from '../../src/engine/measure-definition.ts';
import type { PopulationCode } from '../../src/engine/types.ts';
import { CMS2 } from '../../src/engine/measures/cms2-depression-screening.ts';
import { CMS165 } from '../../src/engine/measures/cms165-controlling-high-blood-pressure.ts';
import { CMS122 } from '../../src/engine/measures/cms122-glycemic-status-above-nine.ts';
import { CMS130 } from '../../src/engine/measures/cms130-colorectal-cancer-screening.ts';
import { CMS125 } from '../../src/engine/measures/cms125-breast-cancer-screening.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const PATIENTS = Number(process.env.FQM_DATES_PATIENTS ?? 100);
const SEED = Number(process.env.FQM_DATES_SEED ?? 20261231);

const MEASURES: [
  folder: string,
  def: MeasureDefinition,
  generate: (seed: number, i: number) => GeneratedPatient,
  trustMetaProfile: boolean,
][] = [
  ['CMS2FHIRPCSDepressionScreenAndFollowUp', CMS2, cms2Patient, false],
  ['CMS165FHIRControllingHighBloodPressure', CMS165, cms165Patient, true],
  ['CMS122FHIRDiabetesAssessGreaterThan9Percent', CMS122, cms122Patient, true],
  ['CMS130FHIRColorectalCancerScreening', CMS130, cms130Patient, true],
  ['CMS125FHIRBreastCancerScreening', CMS125, cms125Patient, true],
];

if (!sharedAvailable) {
  console.info('fqm-date-differential: ../shared/conformance not found: differential suite skipped');
}

describe.skipIf(!sharedAvailable)(
  'every eCQM agrees with fqm-execution on generated records with real-world dates',
  () => {
    for (const [folder, def, generate, trust] of MEASURES) {
      it(
        `${def.id}: ${PATIENTS} patients, every population equal`,
        { timeout: 60_000 + PATIENTS * 3_000 },
        async () => {
          const started = Date.now();
          const patients = Array.from({ length: PATIENTS }, (_, i) => generate(SEED, i));
          const verdicts = await fqmVerdicts(measureBundle(folder), patients, PERIOD, trust);
          const differences: string[] = [];
          const errors: string[] = [];
          const tally: Partial<Record<PopulationCode, number>> = {};
          for (const p of patients) {
            const theirs = verdicts.get(p.id);
            if (!theirs || 'error' in theirs) {
              errors.push(`${p.id}: ${theirs && 'error' in theirs ? theirs.error : 'no result'}`);
              continue;
            }
            const ctx = new EvaluationContext(recordFromResources(p.resources), PERIOD, PERIOD.end, builtinValueSets());
            const ours = def.evaluate(ctx).populations;
            for (const code of Object.keys(theirs.populations) as PopulationCode[]) {
              tally[code] = (tally[code] ?? 0) + ours[code];
              if (theirs.populations[code] !== ours[code]) {
                differences.push(`${p.id}: ${code} ours ${ours[code]} fqm ${theirs.populations[code]}`);
              }
            }
          }
          console.info(
            `fqm-date-differential ${def.id}: ${patients.length} patients in ${Date.now() - started} ms; ours ${JSON.stringify(tally)}; ${differences.length} differences, ${errors.length} fqm errors`,
          );
          expect(errors).toEqual([]);
          expect(differences).toEqual([]);
          // the generator must exercise the measure, not only its initial population
          expect(tally['initial-population'] ?? 0).toBeGreaterThan(PATIENTS / 5);
          expect(tally.numerator ?? 0).toBeGreaterThan(0);
        },
      );
    }
  },
);
