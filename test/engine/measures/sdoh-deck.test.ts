/**
 * Runs every case of the SDOH screening deck (test/decks/sdoh/<case>/): the engine must agree with
 * the hand-written expected MeasureReport on all five populations, and with case.json on whether
 * each domain was screened and positive.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluatePatient } from '../../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../../src/engine/record.ts';
import type { PopulationCode } from '../../../src/engine/types.ts';
import { SDOH_DOMAINS } from '../../../src/engine/codes/sdoh-items.ts';
import type { SdohDomainResult } from '../../../src/engine/measures/sdoh-screening-domains.ts';

const DECK = resolve(dirname(fileURLToPath(import.meta.url)), '../../decks/sdoh');
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

interface CaseFile {
  title: string;
  description: string;
  domains: Record<string, { screened: boolean; positive: boolean | null }>;
}

const cases = readdirSync(DECK)
  .filter((d) => statSync(join(DECK, d)).isDirectory())
  .sort();

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('SDOH screening deck', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    const dir = join(DECK, name);
    const meta = readJson(join(dir, 'case.json')) as CaseFile;
    it(`${name}: ${meta.title}`, () => {
      const files = readdirSync(dir).filter(
        (f) => f.endsWith('.json') && f !== 'case.json' && f !== 'expected-MeasureReport.json',
      );
      const resources = files.map((f) => readJson(join(dir, f)) as fhir4.Resource);
      const expected = readJson(join(dir, 'expected-MeasureReport.json')) as fhir4.MeasureReport;
      const evaluation = evaluatePatient(recordFromResources(resources), { period: PERIOD, only: ['sdoh-screening'] });
      const result = evaluation.measures.find((m) => m.id === 'sdoh-screening');
      expect(result, 'sdoh-screening result').toBeDefined();
      const want: Record<string, number> = {};
      for (const p of expected.group?.[0]?.population ?? []) {
        want[p.code!.coding![0]!.code!] = p.count!;
      }
      const got: Record<string, number> = {};
      for (const code of Object.keys(want)) {
        got[code] = result!.populations[code as PopulationCode];
      }
      expect(got, meta.description).toEqual(want);
      const domains = result!.detail!.domains as Record<string, SdohDomainResult>;
      for (const d of SDOH_DOMAINS) {
        const w = meta.domains[d]!;
        expect(
          { domain: d, screened: domains[d]!.screened, positive: domains[d]!.positive ?? null },
          meta.description,
        ).toEqual({ domain: d, ...w });
      }
    });
  }
});
