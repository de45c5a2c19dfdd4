/**
 * A result never depends on the machine's or the browser's time zone: the same records give
 * byte-identical output whatever TZ the engine runs under — in this process (TZ changed between
 * runs) and through the CLI as users run it (`node src/cli/caregap.mjs`, spawned with TZ set).
 * Zones: UTC, New York (winter now, −05:00), Sydney (summer now, +11:00 daylight time), Kiritimati
 * (+14:00), St John's (−03:30), Kolkata (+05:30) — so both a zone in standard time and one in
 * daylight time are covered whatever today's date. Records: the seeded real-shaped patients of the
 * fqm differential (offsets −10:00 … +14:00, date-only, zone-less, month/year-only values) and the
 * issue's cases (a −05:00 New Year's Eve visit, a 14-day look-back across midnight).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../src/engine/evaluate-patient.ts';
import { recordFromResources } from '../../src/engine/record.ts';
import {
  cms122Patient,
  cms125Patient,
  cms130Patient,
  cms165Patient,
  cms2Patient,
} from '../conformance/generated/random-patients.ts';

const ZONES = ['UTC', 'America/New_York', 'Australia/Sydney', 'Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kolkata'];
const PERIOD = { start: '2026-01-01', end: '2026-12-31' };
const SEED = 4242;
const ROOT = resolve(import.meta.dirname, '../..');

/** The New York patient: a visit on New Year's Eve at 23:30 −05:00, screened 14 days before at 22:00 −05:00. */
const newYorkEve: fhir4.Resource[] = [
  { resourceType: 'Patient', id: 'ny-eve', birthDate: '1970-01-01', gender: 'female' } as fhir4.Patient,
  {
    resourceType: 'Encounter',
    id: 'ny-eve-visit',
    status: 'finished',
    subject: { reference: 'Patient/ny-eve' },
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213' }] }],
    period: { start: '2026-12-31T23:30:00-05:00', end: '2026-12-31T23:55:00-05:00' },
  } as fhir4.Encounter,
  {
    resourceType: 'Observation',
    id: 'ny-eve-screen',
    status: 'final',
    subject: { reference: 'Patient/ny-eve' },
    code: { coding: [{ system: 'http://loinc.org', code: '73832-8' }] },
    valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '428171000124102' }] },
    effectiveDateTime: '2026-12-17T22:00:00-05:00',
  } as fhir4.Observation,
];

const patients: fhir4.Resource[][] = [
  newYorkEve,
  ...[cms2Patient, cms165Patient, cms122Patient, cms130Patient, cms125Patient].flatMap((g) =>
    Array.from({ length: 12 }, (_, i) => g(SEED, i).resources as fhir4.Resource[]),
  ),
];

function evaluateAll(): string {
  return patients
    .map((p) => JSON.stringify(evaluatePatient(recordFromResources(p), { period: PERIOD, asOf: PERIOD.end })))
    .join('\n');
}

describe('the engine gives the same results in every time zone', () => {
  const saved = process.env.TZ;
  afterAll(() => {
    if (saved === undefined) {
      delete process.env.TZ;
    } else {
      process.env.TZ = saved;
    }
  });

  it(`evaluates ${patients.length} patients identically under ${ZONES.join(', ')}`, () => {
    const outputs = ZONES.map((zone) => {
      process.env.TZ = zone;
      return evaluateAll();
    });
    // the zones really differ in this process (a sanity check of the test itself)
    process.env.TZ = 'America/New_York';
    const ny = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
    process.env.TZ = 'Pacific/Kiritimati';
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).not.toBe(ny);
    for (const [i, out] of outputs.entries()) {
      expect(out, ZONES[i]).toBe(outputs[0]);
    }
  });

  it('puts the New Year’s Eve visit at 23:30 −05:00 in the period, met by the screening 14 days before, in every zone', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      const cms2 = evaluatePatient(recordFromResources(newYorkEve), { period: PERIOD, only: ['cms2'] }).measures[0]!;
      expect(cms2.status, zone).toBe('met');
    }
  });
});

describe('the CLI gives byte-identical output in every time zone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caregap-zones-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  patients.forEach((p, i) =>
    writeFileSync(
      join(dir, `patient-${String(i).padStart(3, '0')}.json`),
      JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: p.map((resource) => ({ resource })) }),
    ),
  );

  it(`node src/cli/caregap.mjs evaluate … under ${ZONES.join(', ')}`, { timeout: 120_000 }, () => {
    const outputs = ZONES.map((zone) => {
      const run = spawnSync(
        process.execPath,
        [
          'src/cli/caregap.mjs',
          'evaluate',
          '--period-start',
          PERIOD.start,
          '--period-end',
          PERIOD.end,
          '--as-of',
          PERIOD.end,
          '--measure',
          'all',
          '--format',
          'json',
          '--quiet',
          dir,
        ],
        {
          cwd: ROOT,
          env: { ...process.env, TZ: zone },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      expect(run.status, `${zone}: ${run.stderr}`).toBe(0);
      return run.stdout;
    });
    expect(outputs[0]!.trim().split('\n')).toHaveLength(patients.length);
    for (const [i, out] of outputs.entries()) {
      expect(out, ZONES[i]).toBe(outputs[0]);
    }
    const lines = outputs[0]!.split('\n').filter((l) => l.trim());
    const eve = lines
      .map((l) => JSON.parse(l) as { measures: { id: string; status: string }[] })
      .find((l) => JSON.stringify(l).includes('ny-eve-visit'));
    expect(eve?.measures.find((m) => m.id === 'cms2')?.status).toBe('met');
  });
});
