/**
 * Differential test: fqm-execution (a CQL engine running the official measure bundles under
 * ../shared/conformance/) and our hand-written CMS165 / CMS122 / CMS130 / CMS125 agree on every
 * population for every patient of the seeded synthetic sandbox panel (named edge cases plus a
 * sample of generated patients).
 *
 * fqm-execution runs with `trustMetaProfile: true`, and each synthetic resource is tagged with
 * every QI-Core profile its type can answer (blood-pressure only for LOINC 85354-9 panels). This
 * mirrors our retrieve semantics (no profile filtering except the US Core BP profile's code);
 * with `trustMetaProfile: false` fqm-execution treats every Observation as a blood pressure and
 * crashes sorting their missing components.
 * Skips (and says so) when ../shared is absent.
 */
process.env.TZ = 'UTC';
import { describe, expect, it } from 'vitest';
import { sharedAvailable } from './conformance-cases.ts';
import { fqmVerdicts, measureBundle } from './fqm-runner.ts';
import { generatePanel } from '../../launch/sandbox/data/generate-panel.ts';
import { EvaluationContext } from '../../src/engine/evaluation-context.ts';
import { recordFromResources } from '../../src/engine/record.ts';
import { builtinValueSets } from '../../src/engine/valuesets/index.ts';
import type { MeasureDefinition } from '../../src/engine/measure-definition.ts';
import type { PopulationCode } from '../../src/engine/types.ts';
import { CMS165 } from '../../src/engine/measures/cms165-controlling-high-blood-pressure.ts';
import { CMS122 } from '../../src/engine/measures/cms122-glycemic-status-above-nine.ts';
import { CMS130 } from '../../src/engine/measures/cms130-colorectal-cancer-screening.ts';
import { CMS125 } from '../../src/engine/measures/cms125-breast-cancer-screening.ts';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
/**
 * Generated patients sampled (plus every named patient). The default keeps the suite near a
 * minute on two cores; `FQM_DIFF_SAMPLE=200 npx vitest run test/conformance/fqm-differential.test.ts`
 * runs the whole default sandbox panel.
 */
const SAMPLE = Number(process.env.FQM_DIFF_SAMPLE ?? 15);
const SEED = 20260101;
/**
 * Patients with more resources than this are left out of the oracle run: the named "heavy"
 * patient (1,300 blood pressures) takes fqm-execution minutes (its CQL intersects and sorts
 * every reading's day), while it says nothing new about the logic.
 */
const MAX_RESOURCES = 1000;
const CODES: PopulationCode[] = ['initial-population', 'denominator', 'denominator-exclusion', 'numerator'];

const US_CORE_SEX = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex';
const SEX_CODES: Record<string, string> = { female: '248152002', male: '248153007' };

/**
 * The Patient as a QI-Core export would send it: carrying the US Core sex extension derived from
 * `gender` when the generator left it out (CMS125 reads only the extension). Both engines see the
 * same resources; fqm-runner.ts tags each with its QI-Core profiles.
 */
function withSex(r: fhir4.Resource): fhir4.Resource {
  if (r.resourceType !== 'Patient') {
    return r;
  }
  const p = r as fhir4.Patient;
  const sex = SEX_CODES[p.gender ?? ''];
  return sex && !p.extension?.some((e) => e.url === US_CORE_SEX)
    ? ({ ...p, extension: [...(p.extension ?? []), { url: US_CORE_SEX, valueCode: sex }] } as fhir4.Patient)
    : p;
}

const MEASURES: [folder: string, def: MeasureDefinition][] = [
  ['CMS165FHIRControllingHighBloodPressure', CMS165],
  ['CMS122FHIRDiabetesAssessGreaterThan9Percent', CMS122],
  ['CMS130FHIRColorectalCancerScreening', CMS130],
  ['CMS125FHIRBreastCancerScreening', CMS125],
];

if (!sharedAvailable) {
  console.info('fqm-differential: ../shared/conformance not found: differential suite skipped');
}

describe.skipIf(!sharedAvailable)('our ACO measures agree with fqm-execution on the synthetic panel', () => {
  const panel = sharedAvailable
    ? [...generatePanel({ seed: SEED, count: SAMPLE, anchorDate: PERIOD.end })]
        .filter((p) => p.resources.length <= MAX_RESOURCES)
        .map((p) => ({ ...p, resources: p.resources.map(withSex) }))
    : [];

  for (const [folder, def] of MEASURES) {
    it(
      `${def.id}: every patient's populations equal fqm-execution's`,
      { timeout: 120_000 + SAMPLE * 2_000 },
      async () => {
        const started = Date.now();
        const verdicts = await fqmVerdicts(measureBundle(folder), panel, PERIOD, true);
        const differences: string[] = [];
        let inPopulation = 0;
        for (const p of panel) {
          const fqm = verdicts.get(p.id);
          const ctx = new EvaluationContext(recordFromResources(p.resources), PERIOD, PERIOD.end, builtinValueSets());
          const ours = def.evaluate(ctx).populations;
          if (ours['initial-population']) {
            inPopulation++;
          }
          if (!fqm || 'error' in fqm) {
            differences.push(`${p.id}: fqm-execution ${fqm && 'error' in fqm ? fqm.error : 'gave no result'}`);
            continue;
          }
          for (const code of CODES) {
            if ((fqm.populations[code] ?? 0) !== ours[code]) {
              differences.push(
                `${p.id}${p.label ? ` (${p.label})` : ''}: ${code} ours ${ours[code]} fqm ${fqm.populations[code] ?? 0}`,
              );
            }
          }
        }
        console.info(
          `fqm-differential ${def.id}: ${panel.length} patients in ${Date.now() - started} ms, ${inPopulation} in the initial population, ${differences.length} differences`,
        );
        expect(differences).toEqual([]);
      },
    );
  }
});
