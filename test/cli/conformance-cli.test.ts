/**
 * The official eCQM test cases (../shared/conformance, 290 in all) run through the CLI the way a
 * user runs it: each measure's case folders, exactly as MADiE exports them (one file per resource,
 * the transaction Bundle beside them, the expected MeasureReport), given to ONE
 * `node src/cli/caregap.mjs evaluate --format measurereport` run; every patient's populations must
 * equal its expected-MeasureReport.json, with a final (not pending) status, no input problem and
 * exit status 0. Shared resources (the Medication of CMS165's "DementiaMedicationRequestAsReference",
 * Organizations, Practitioners) must reach the patients that reference them. Skips, saying so, when
 * ../shared is absent.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadCases, measureDir, sharedAvailable } from '../conformance/conformance-cases.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');

const SUITES: [folder: string, measure: string, count: number][] = [
  ['CMS2FHIRPCSDepressionScreenAndFollowUp', 'cms2', 36],
  ['CMS165FHIRControllingHighBloodPressure', 'cms165', 68],
  ['CMS122FHIRDiabetesAssessGreaterThan9Percent', 'cms122', 56],
  ['CMS130FHIRColorectalCancerScreening', 'cms130', 64],
  ['CMS125FHIRBreastCancerScreening', 'cms125', 66],
];

if (!sharedAvailable) {
  console.info(
    'conformance-cli: ../shared/conformance not found: the official cases are not run through the CLI (skipped)',
  );
}

describe.skipIf(!sharedAvailable)('the official test cases through the CLI', { timeout: 120_000 }, () => {
  for (const [folder, measure, count] of SUITES) {
    it(`${measure}: all ${count} cases of ${folder} in one run agree with their expected MeasureReports`, () => {
      const cases = loadCases(folder);
      expect(cases).toHaveLength(count);
      const period = cases[0]!.period;
      expect(cases.every((c) => c.period.start === period.start && c.period.end === period.end)).toBe(true);
      const dirs = cases.map((c) => join(measureDir(folder), 'tests', c.caseId));
      const r = spawnSync(
        process.execPath,
        [
          CLI,
          'evaluate',
          '--period-start',
          period.start,
          '--period-end',
          period.end,
          '--measure',
          measure,
          '--format',
          'measurereport',
          '--quiet',
          ...dirs,
        ],
        { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const reports = new Map<string, fhir4.MeasureReport>();
      for (const line of r.stdout.split('\n').filter(Boolean)) {
        const mr = JSON.parse(line) as fhir4.MeasureReport;
        reports.set(mr.subject!.reference!.replace(/^Patient\//, ''), mr);
      }
      expect(reports.size).toBe(count);
      const wrong: string[] = [];
      for (const c of cases) {
        const pid = c.resources.find((x) => x.resourceType === 'Patient')!.id!;
        const mr = reports.get(pid);
        const got = Object.fromEntries(
          (mr?.group?.[0]?.population ?? []).map((p) => [p.code!.coding![0]!.code!, p.count]),
        );
        const diff = Object.entries(c.expected).filter(([code, n]) => got[code] !== n);
        if (!mr || diff.length || mr.status !== 'complete') {
          wrong.push(
            `${c.title} (${c.caseId}): ${mr ? `${diff.map(([code, n]) => `${code} expected ${n} got ${got[code]}`).join(', ')} status ${mr.status}` : 'no report'}`,
          );
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
