/**
 * The lint rule that keeps README.md's architecture (`caregap/boundaries` and the pure-engine rules in
 * eslint.config.js) reports what it should and lets the allowed imports through. Each case lints a
 * small text as if it were a file at the given path, with the project's own config.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd(), cache: false });
});

/** The rule ids ESLint reports for `code` placed at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `parse: ${m.message}`);
}

describe('caregap/boundaries', () => {
  it('lets a feature import the engine through its index', async () => {
    expect(await ruleIds('src/features/x/a.ts', "export { evaluatePatient } from '../../engine/index.ts';\n")).toEqual(
      [],
    );
  });

  it('reports a feature reaching an engine internal', async () => {
    expect(
      await ruleIds('src/features/x/a.ts', "export { isoDay } from '../../engine/cql/calendar-days.ts';\n"),
    ).toEqual(['caregap/boundaries']);
  });

  it('reports the CLI reaching an engine internal, also by dynamic import and import type', async () => {
    const code = [
      "export type T = import('../engine/types.ts').MeasureResult;",
      "export const m = () => import('../engine/measures/index.ts');",
      '',
    ].join('\n');
    expect(await ruleIds('src/cli/a.ts', code)).toEqual(['caregap/boundaries', 'caregap/boundaries']);
  });

  it('lets engine unit tests reach internals, but not other tests', async () => {
    const code = "export { isoDay } from '../../../src/engine/cql/calendar-days.ts';\n";
    expect(await ruleIds('test/engine/cql/a.test.ts', code)).toEqual([]);
    expect(await ruleIds('test/features/x/a.test.ts', code)).toEqual(['caregap/boundaries']);
  });

  it('reports the engine importing a package or anything outside itself', async () => {
    expect(await ruleIds('src/engine/a.ts', "export { useState } from 'react';\n")).toEqual(['caregap/boundaries']);
    expect(
      await ruleIds('src/engine/a.ts', "export { fetchPatientRecord } from '../fhir/fetch-patient-record.ts';\n"),
    ).toEqual(['caregap/boundaries']);
  });

  it('reports a layer importing one to its right (fhir importing a feature) and fhirclient outside src/smart', async () => {
    expect(
      await ruleIds('src/fhir/a.ts', "export { CarePanel } from '../features/care-panel/care-panel.tsx';\n"),
    ).toEqual(['caregap/boundaries']);
    expect(await ruleIds('src/fhir/a.ts', "export { default } from 'fhirclient';\n")).toEqual(['caregap/boundaries']);
    expect(await ruleIds('src/smart/a.ts', "export { default } from 'fhirclient';\n")).toEqual([]);
  });

  it('reports the app importing the sandbox EHR', async () => {
    expect(await ruleIds('src/app/a.ts', "export { startSandbox } from '../../launch/sandbox/server.ts';\n")).toEqual([
      'caregap/boundaries',
    ]);
  });
});

describe('the engine is pure', () => {
  it('reads no clock, console or DOM', async () => {
    const code =
      'export const a = Date.now();\nexport const b = new Date();\nconsole.log(a);\nexport const c = document.title;\n';
    expect(await ruleIds('src/engine/a.ts', code)).toEqual([
      'no-restricted-syntax',
      'no-restricted-syntax',
      'no-restricted-globals',
      'no-restricted-globals',
    ]);
  });

  it('may build a date from a value it was given', async () => {
    expect(await ruleIds('src/engine/a.ts', 'export const d = (iso: string) => new Date(iso);\n')).toEqual([]);
  });
});

describe('the app does not log', () => {
  it('reports console in a feature, allows it in the CLI', async () => {
    expect(await ruleIds('src/features/x/a.ts', "console.log('x');\nexport {};\n")).toEqual(['no-console']);
    expect(await ruleIds('src/cli/a.ts', "console.log('x');\nexport {};\n")).toEqual([]);
  });
});
