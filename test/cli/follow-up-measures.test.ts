/**
 * The period follow-up measures `fuh`, `fum`, `fua`, `tcm` through the CLI as users run it
 * (`node src/cli/caregap.mjs evaluate --measure fuh --format summary …`) on the hand-written deck
 * (test/decks/follow-up/follow-up-deck.ts): each patient's event counts in `--format json`, the
 * summary MeasureReport (one group per rate, populations counting events, population basis
 * Encounter, score), the individual MeasureReport's evidence, `--measure all`, and `--as-of`
 * before the windows have closed. Expected counts are the deck's hand-written ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DECK,
  expectedTotals,
  FUA_CASES,
  FUH_CASES,
  FUM_CASES,
  TCM_CASES,
  type DeckCase,
} from '../decks/follow-up/follow-up-deck.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const P2026 = ['--period-start', '2026-01-01', '--period-end', '2026-12-31'];
const BASIS = 'http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-populationBasis';
const UNKNOWN_EVENTS = 'https://caregap.example.org/fhir/StructureDefinition/unknown-event-count';
const IN_PROGRESS = 'https://caregap.example.org/fhir/StructureDefinition/in-progress-event-count';
const MEASURES = { fuh: FUH_CASES, fum: FUM_CASES, fua: FUA_CASES, tcm: TCM_CASES } as const;

let dir: string;
const files: Record<string, string> = {};

function run(...args: string[]): { code: number | null; stderr: string; lines: string[] } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}
const json = (s: string) => JSON.parse(s) as Record<string, any>;
const countsOf = (group: any) =>
  ['initial-population', 'denominator', 'denominator-exclusion', 'numerator'].map(
    (code) => group.population.find((p: any) => p.code.coding[0].code === code).count,
  );
const ext = (group: any, url: string) => group.extension.find((e: any) => e.url === url)?.valueInteger;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caregap-followup-'));
  const bundle = (cases: readonly DeckCase[]) =>
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: cases.flatMap((k) => k.resources.map((resource) => ({ resource }))),
    });
  for (const [m, cases] of Object.entries(MEASURES)) {
    writeFileSync((files[m] = join(dir, `${m}.json`)), bundle(cases));
  }
  // the whole deck as a Bulk Data style ndjson file
  writeFileSync(
    (files.all = join(dir, 'deck.ndjson')),
    DECK.flatMap((k) => k.resources.map((r) => JSON.stringify(r))).join('\n') + '\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregap evaluate --measure fuh|fum|fua|tcm', { timeout: 60_000 }, () => {
  it("writes each patient's event counts per rate in --format json (every deck case)", () => {
    const r = run(
      'evaluate',
      ...P2026,
      '--measure',
      'fuh',
      '--measure',
      'fum',
      '--measure',
      'fua',
      '--measure',
      'tcm',
      '--format',
      'json',
      files.all!,
    );
    expect(r.code, r.stderr).toBe(0);
    const byPatient = new Map(r.lines.map((l) => [json(l).patient, json(l)]));
    expect(byPatient.size).toBe(DECK.length);
    for (const k of DECK) {
      for (const [measure, expected] of Object.entries(k.expect)) {
        const m = byPatient.get(`Patient/${k.id}`)!.measures.find((x: any) => x.id === measure);
        expect(m.populationBasis, k.id).toBe('Encounter');
        const got = Object.fromEntries(
          m.groups.map((g: any) => [
            g.id,
            ['initial-population', 'denominator', 'denominator-exclusion', 'numerator'].map((c) => g.populations[c]),
          ]),
        );
        expect(got, `${k.id}: ${k.rule}`).toEqual(expected.groups);
        expect(m.detail.events.length, k.id).toBeGreaterThanOrEqual(0);
      }
    }
  });

  for (const measure of Object.keys(MEASURES) as (keyof typeof MEASURES)[]) {
    it(`gives one summary MeasureReport for ${measure} with a group per rate summing the deck's events`, () => {
      const r = run('evaluate', ...P2026, '--measure', measure, '--format', 'summary', files[measure]!);
      expect(r.code, r.stderr).toBe(0);
      expect(r.lines).toHaveLength(1);
      const report = json(r.lines[0]!);
      expect(report).toMatchObject({
        resourceType: 'MeasureReport',
        type: 'summary',
        measure: `https://caregap.example.org/fhir/Measure/${measure}|1.0.0`,
        period: { start: '2026-01-01', end: '2026-12-31' },
      });
      const totals = expectedTotals(measure);
      expect(report.group.map((g: any) => g.id)).toEqual(measure === 'tcm' ? ['7-day', '14-day'] : ['7-day', '30-day']);
      for (const g of report.group) {
        expect(countsOf(g), `${measure} ${g.id}`).toEqual(totals[g.id]);
        expect(g.extension.find((e: any) => e.url === BASIS)?.valueCode).toBe('Encounter');
        const [, den, excl, num] = totals[g.id]!;
        expect(g.measureScore.value).toBeCloseTo(num / (den - excl), 10);
      }
      const unknown = MEASURES[measure].reduce((n, k) => n + (k.expect[measure]?.unknown ?? 0), 0);
      expect(ext(report.group[0], UNKNOWN_EVENTS)).toBe(unknown);
      // an event the record cannot decide keeps the report pending
      expect(report.status).toBe(unknown ? 'pending' : 'complete');
    });
  }

  it('lists the events in the individual MeasureReport, the follow-up tagged as numerator evidence', () => {
    const r = run('evaluate', ...P2026, '--measure', 'fuh', '--format', 'measurereport', files.fuh!);
    expect(r.code, r.stderr).toBe(0);
    const report = r.lines.map(json).find((x) => x.subject.reference === 'Patient/fuh-day-8')!;
    expect(report.group.map(countsOf)).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 1],
    ]);
    const tags = (ref: string) =>
      report.evaluatedResource.find((e: any) => e.reference === ref)?.extension.map((x: any) => x.valueString);
    const [stay, visit] = ['stay', 'visit'].map(
      (kind) =>
        report.evaluatedResource.find((e: any) => e.reference.startsWith(`Encounter/fuh-day-8-${kind}`)).reference,
    );
    expect(tags(stay)).toEqual([
      '7-day-initial-population',
      '7-day-denominator',
      '30-day-initial-population',
      '30-day-denominator',
    ]);
    expect(tags(visit)).toEqual(['30-day-numerator']);
  });

  it('includes the four measures in --measure all', () => {
    const r = run('evaluate', ...P2026, '--format', 'summary', files.tcm!);
    expect(r.code, r.stderr).toBe(0);
    const ids = r.lines.map((l) => json(l).id);
    for (const id of ['fuh-summary', 'fum-summary', 'fua-summary', 'tcm-summary']) {
      expect(ids).toContain(id);
    }
  });

  it('does not count an event whose window is still open on --as-of, and says so (report pending)', () => {
    // fuh-day-30's discharge is 2026-03-01: on 03-20 the 30-day window (and the readmission look-ahead) is still open
    const one = JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: FUH_CASES.find((k) => k.id === 'fuh-day-30')!.resources.map((resource) => ({ resource })),
    });
    const f = join(dir, 'as-of.json');
    writeFileSync(f, one);
    const early = json(
      run('evaluate', ...P2026, '--as-of', '2026-03-20', '--measure', 'fuh', '--format', 'summary', f).lines[0]!,
    );
    expect(early.status).toBe('pending');
    expect(early.group.map(countsOf)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(early.group.map((g: any) => ext(g, IN_PROGRESS))).toEqual([1, 1]);
    // on 03-31 the event settles (30 days after the discharge: no readmission can remove it any more) and that day's visit counts
    const settled = json(
      run('evaluate', ...P2026, '--as-of', '2026-03-31', '--measure', 'fuh', '--format', 'summary', f).lines[0]!,
    );
    expect(settled.group.map(countsOf)).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 1],
    ]);
    expect(settled.status).toBe('complete');
  });

  it('writes the tcm-contact-2d gap', () => {
    const r = run(
      'evaluate',
      ...P2026,
      '--as-of',
      '2026-06-08',
      '--measure',
      'tcm-contact-2d',
      '--format',
      'json',
      files.tcm!,
    );
    expect(r.code, r.stderr).toBe(0);
    const g = (pid: string) =>
      json(r.lines.find((l) => json(l).patient === `Patient/${pid}`)!).gaps.find((x: any) => x.id === 'tcm-contact-2d');
    // discharged Friday 2026-06-05: a telephone Procedure on Saturday 06-06 closes it; due Tuesday 06-09
    expect(g('tcm-phone-only')).toMatchObject({ status: 'closed' });
    expect(g('tcm-day-7')).toMatchObject({ status: 'open', due: '2026-06-09' });
    expect(g('tcm-no-disposition')).toMatchObject({ status: 'unknown', due: '2026-06-09' });
  });
});
