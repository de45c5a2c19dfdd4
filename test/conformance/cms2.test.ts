/**
 * CMS2 against the 36 official MADiE test cases in ../shared (read in place, never copied): every
 * case must agree on all five populations.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../src/engine/record.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCases, measureDir, sharedAvailable, type ConformanceCase } from './conformance-cases.ts';

const MEASURE = 'CMS2FHIRPCSDepressionScreenAndFollowUp';
const POPULATIONS = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'denominator-exception',
  'numerator',
] as const;

/** The case's own description (cqfm-testCaseDescription), else its loader title. */
function caseName(c: ConformanceCase): string {
  const file = join(measureDir(MEASURE), 'tests', c.caseId, 'expected-MeasureReport.json');
  if (!existsSync(file)) {
    return c.title;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as fhir4.MeasureReport;
  const desc = report.extension?.find((e) => e.url.endsWith('cqfm-testCaseDescription'))?.valueMarkdown;
  return desc ? `${desc} (${c.caseId.slice(0, 8)})` : c.title;
}

if (!sharedAvailable) {
  console.log('cms2 conformance: ../shared/conformance is absent — skipped');
}

describe.skipIf(!sharedAvailable)('CMS2 official test cases (0.4.001)', () => {
  const cases = sharedAvailable ? loadCases(MEASURE) : [];

  it('finds all 36 official cases', () => {
    expect(cases).toHaveLength(36);
  });

  for (const c of cases) {
    it(caseName(c), () => {
      const evaluation = evaluatePatient(recordFromResources(c.resources), { period: c.period, only: ['cms2'] });
      const cms2 = evaluation.measures.find((m) => m.id === 'cms2');
      expect(cms2, 'cms2 result').toBeDefined();
      const expected = Object.fromEntries(POPULATIONS.map((p) => [p, c.expected[p] ?? 0]));
      expect(cms2!.populations).toEqual(expected);
      expect(cms2!.status).not.toBe('unknown');
    });
  }
});
