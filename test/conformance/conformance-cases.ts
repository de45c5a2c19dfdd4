/**
 * Reads the official eCQM test cases under ../shared/conformance/<Measure>/tests/ (read-only; never
 * copied into the repo). Each case: the patient's resources and the expected population counts
 * from its expected MeasureReport. When ../shared is absent (a fresh clone) `sharedAvailable` is
 * false and the conformance suites skip, saying so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PopulationCode } from '../../src/engine/types.ts';

/** Path of the shared folder (CI and developers have it beside the repo). */
export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');
/** Whether the official conformance content is available. */
export const sharedAvailable = existsSync(join(SHARED_DIR, 'conformance'));

/** One official test case. */
export interface ConformanceCase {
  caseId: string;
  title: string;
  period: { start: string; end: string };
  expected: Partial<Record<PopulationCode, number>>;
  resources: fhir4.Resource[];
}

/** Folder of a measure's official content. */
export function measureDir(measure: string): string {
  return join(SHARED_DIR, 'conformance', measure);
}

/** Loads every case of a measure (sorted by title, for stable test names). */
export function loadCases(measure: string): ConformanceCase[] {
  const testsDir = join(measureDir(measure), 'tests');
  const cases: ConformanceCase[] = [];
  const indexFile = join(testsDir, 'index.json');
  const titles = new Map<string, string>();
  if (existsSync(indexFile)) {
    for (const row of JSON.parse(readFileSync(indexFile, 'utf8')) as {
      caseId: string;
      series: string;
      title: string;
    }[]) {
      titles.set(row.caseId, `${row.series}-${row.title}`);
    }
  }
  for (const caseId of readdirSync(testsDir)) {
    const dir = join(testsDir, caseId);
    if (caseId.startsWith('_') || caseId.startsWith('.') || !existsSync(join(dir, 'expected-MeasureReport.json'))) {
      continue;
    }
    const report = JSON.parse(readFileSync(join(dir, 'expected-MeasureReport.json'), 'utf8')) as fhir4.MeasureReport;
    const expected: Partial<Record<PopulationCode, number>> = {};
    for (const p of report.group?.[0]?.population ?? []) {
      const code = p.code?.coding?.[0]?.code as PopulationCode | undefined;
      if (code) {
        expected[code] = p.count ?? 0;
      }
    }
    const resources: fhir4.Resource[] = [];
    let title = titles.get(caseId) ?? caseId;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.json') || f === 'expected-MeasureReport.json') {
        continue;
      }
      const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as fhir4.Resource;
      if (r.resourceType === 'Bundle') {
        if (f !== 'madie-export-bundle.json') {
          title = f.replace(/\.json$/, '').replace(/^CMS\d+FHIR-v[\d.]+-/, '');
        }
        continue;
      }
      if (r.resourceType === 'MeasureReport') {
        continue;
      }
      resources.push(r);
    }
    const desc = report.extension?.find((e) => e.url.endsWith('cqfm-testCaseDescription'))?.valueMarkdown;
    cases.push({
      caseId,
      title: desc && title === caseId ? desc : title,
      period: { start: report.period.start!.slice(0, 10), end: report.period.end!.slice(0, 10) },
      expected,
      resources,
    });
  }
  return cases.sort((a, b) => a.title.localeCompare(b.title));
}
