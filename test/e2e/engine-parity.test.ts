/**
 * The engine gives the same answer in the browser build as in Node: the public engine API is
 * bundled by Vite (library build, IIFE, as the app's Worker would run it) into a temp directory,
 * loaded into Chromium, and ~20 synthetic panel patients (named edge cases + generated, some with
 * hostile mutations) are evaluated in the page and compared, as JSON, with Node's evaluatePatient.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePatient, recordFromResources, type PatientRecord } from '../../src/engine/index.ts';
import { generatePanel } from '../../launch/sandbox/data/generate-panel.ts';
import { useBrowser } from './support/browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ANCHOR = '2026-11-15';
const OPTIONS = { period: { start: '2026-01-01', end: '2026-12-31' }, asOf: ANCHOR };

/** Named patients and generated ones; two get hostile edits (wrong types, another patient's data). */
function parityRecords(): PatientRecord[] {
  const panel = [...generatePanel({ seed: 20260101, count: 12, anchorDate: ANCHOR })].slice(0, 22);
  return panel.map((p, i) => {
    const resources = structuredClone(p.resources) as unknown as Record<string, unknown>[];
    if (i % 7 === 3 && resources[1]) {
      resources[1].code = 'not-a-concept';
    }
    if (i % 7 === 5) {
      resources.push({
        resourceType: 'Observation',
        id: 'foreign-1',
        status: 'final',
        subject: { reference: 'Patient/someone-else' },
        code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
        effectiveDateTime: '2026-03-01',
      });
    }
    return recordFromResources(resources as unknown as fhir4.Resource[]);
  });
}

describe('engine parity: browser build vs Node', () => {
  const page = useBrowser();
  let outDir = '';
  let bundle = '';

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'caregap-engine-bundle-'));
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        lib: {
          entry: resolve(ROOT, 'src/engine/index.ts'),
          formats: ['iife'],
          name: 'CareGapEngine',
          fileName: () => 'engine.js',
        },
      },
    });
    bundle = readFileSync(join(outDir, 'engine.js'), 'utf8');
  }, 120_000);

  afterAll(() => {
    if (outDir) {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('evaluates 22 synthetic patients to exactly the same JSON in Chromium and in Node', async () => {
    const { page: p, logs } = page();
    await p.goto('about:blank');
    await p.addScriptTag({ content: bundle });
    const records = parityRecords();
    const inBrowser = await p.evaluate(
      ({ records, options }) => {
        const engine = (
          globalThis as unknown as { CareGapEngine: { evaluatePatient: (r: unknown, o: unknown) => unknown } }
        ).CareGapEngine;
        return records.map((r) => JSON.stringify(engine.evaluatePatient(r, options)));
      },
      { records, options: OPTIONS },
    );
    const inNode = records.map((r) => JSON.stringify(evaluatePatient(r, OPTIONS)));
    expect(inBrowser).toHaveLength(22);
    for (let i = 0; i < records.length; i++) {
      expect(JSON.parse(inBrowser[i]!), records[i]!.patient.id).toEqual(JSON.parse(inNode[i]!));
    }
    // The comparison is not vacuous: the patients reach different verdicts and the hostile edits are reported.
    const statuses = new Set(
      inNode.flatMap((s) => (JSON.parse(s) as { measures: { status: string }[] }).measures.map((m) => m.status)),
    );
    expect(statuses.size).toBeGreaterThan(2);
    expect(inNode.some((s) => s.includes('belongs to Patient/someone-else'))).toBe(true);
    expect(logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  });
});
