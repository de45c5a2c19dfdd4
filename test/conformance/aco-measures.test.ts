/**
 * The official eCQM test cases of the four ACO measures (CMS165, CMS122, CMS130, CMS125; MADiE
 * exports under ../shared/conformance/) agree with our hand-written logic on every population.
 * Skips (and says so) when ../shared is absent.
 */
import { describe, expect, it } from 'vitest';
import { loadCases, sharedAvailable } from './conformance-cases.ts';
import { EvaluationContext } from '../../src/engine/evaluation-context.ts';
import { recordFromResources } from '../../src/engine/record.ts';
import { builtinValueSets } from '../../src/engine/valuesets/index.ts';
import type { MeasureDefinition } from '../../src/engine/measure-definition.ts';
import type { PopulationCode } from '../../src/engine/types.ts';
import { CMS165 } from '../../src/engine/measures/cms165-controlling-high-blood-pressure.ts';
import { CMS122 } from '../../src/engine/measures/cms122-glycemic-status-above-nine.ts';
import { CMS130 } from '../../src/engine/measures/cms130-colorectal-cancer-screening.ts';
import { CMS125 } from '../../src/engine/measures/cms125-breast-cancer-screening.ts';

const SUITES: [folder: string, def: MeasureDefinition, count: number][] = [
  ['CMS165FHIRControllingHighBloodPressure', CMS165, 68],
  ['CMS122FHIRDiabetesAssessGreaterThan9Percent', CMS122, 56],
  ['CMS130FHIRColorectalCancerScreening', CMS130, 64],
  ['CMS125FHIRBreastCancerScreening', CMS125, 66],
];

if (!sharedAvailable) {
  console.info('aco-measures: ../shared/conformance not found: official-case suites skipped');
}

for (const [folder, def, count] of SUITES) {
  describe.skipIf(!sharedAvailable)(`${def.id} agrees with every official test case of ${folder}`, () => {
    const cases = sharedAvailable ? loadCases(folder) : [];

    it(`loads all ${count} official cases`, () => {
      expect(cases).toHaveLength(count);
    });

    for (const c of cases) {
      it(`${c.title} (${c.caseId})`, () => {
        const record = recordFromResources(c.resources);
        const ctx = new EvaluationContext(record, c.period, c.period.end, builtinValueSets());
        const result = def.evaluate(ctx);
        const actual: Partial<Record<PopulationCode, number>> = {};
        for (const code of Object.keys(c.expected) as PopulationCode[]) {
          actual[code] = result.populations[code];
        }
        expect(actual).toEqual(c.expected);
        expect(result.status).not.toBe('unknown');
      });
    }
  });
}
