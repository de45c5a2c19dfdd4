import { describe, expect, it } from 'vitest';
import type { PatientEvaluation, PatientRecord } from '../../../src/engine/index.ts';
import { patientName } from '../../../src/engine/index.ts';
import { estimateRemainingMs, runPopulation } from '../../../src/features/population/run-population.ts';
import { groupPatientIds, patientIdOfReference } from '../../../src/features/population/population-members.ts';

const recordOf = (id: string): PatientRecord => ({
  patient: { resourceType: 'Patient', id, name: [{ given: ['Pat'], family: id }] },
  resources: {},
  completeness: {},
});
const evaluationOf = (r: PatientRecord): PatientEvaluation => ({
  patient: `Patient/${r.patient.id}`,
  period: { start: '2026-01-01', end: '2026-12-31' },
  asOf: '2026-03-02',
  measures: [],
  gaps: [],
  flags: [],
  actions: [],
  issues: [],
});
const tick = () => new Promise((r) => setTimeout(r, 1));

describe('running a population', () => {
  it('never has more than 4 records in flight and reports every patient once', async () => {
    let inFlight = 0;
    let peak = 0;
    const ids = Array.from({ length: 23 }, (_, i) => `p${i}`);
    const seen: string[] = [];
    const run = await runPopulation({
      patientIds: ids,
      concurrency: 4,
      load: async (id) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick();
        inFlight--;
        return recordOf(id);
      },
      evaluate: async (r) => evaluationOf(r),
      onEntry: (e, p) => {
        seen.push(e.patientId);
        expect(p.done).toBe(seen.length);
        expect(p.total).toBe(23);
      },
    });
    expect(peak).toBe(4);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(run.cancelled).toBe(false);
    expect(run.entries[0]?.name).toBe('Pat p0');
  });

  it('a patient whose record fails becomes an entry with the error, and the others still complete', async () => {
    const run = await runPopulation({
      patientIds: ['ok', 'broken'],
      load: async (id) => {
        if (id === 'broken') {
          throw new Error('HTTP 500 reading Patient/broken');
        }
        return recordOf(id);
      },
      evaluate: async (r) => evaluationOf(r),
    });
    expect(run.entries.find((e) => e.patientId === 'broken')?.error).toBe('HTTP 500 reading Patient/broken');
    expect(run.entries.find((e) => e.patientId === 'ok')?.evaluation?.patient).toBe('Patient/ok');
  });

  it('cancel stops starting new patients and aborts the fetches in flight', async () => {
    const ac = new AbortController();
    let started = 0;
    let abortedFetches = 0;
    const run = await runPopulation({
      patientIds: Array.from({ length: 50 }, (_, i) => `p${i}`),
      concurrency: 2,
      signal: ac.signal,
      load: async (id, signal) => {
        started++;
        if (started === 5) {
          ac.abort();
        }
        await tick();
        if (signal.aborted) {
          abortedFetches++;
        }
        return recordOf(id);
      },
      evaluate: async (r) => evaluationOf(r),
    });
    expect(run.cancelled).toBe(true);
    expect(started).toBeLessThanOrEqual(6);
    expect(abortedFetches).toBeGreaterThan(0);
    expect(run.entries.length).toBeLessThan(50);
  });

  it('keeps each patient’s identity extract and previous-period closure, never the record', async () => {
    const withIds = (id: string): PatientRecord => ({
      ...recordOf(id),
      patient: {
        ...recordOf(id).patient,
        birthDate: '1970-01-01',
        identifier: [{ value: `MRN-${id}` }],
        generalPractitioner: [{ reference: 'Practitioner/chen', display: 'NP Lily Chen' }],
      },
    });
    const seen: PatientEvaluation[] = [];
    const run = await runPopulation({
      patientIds: ['a', 'b'],
      load: async (id) => withIds(id),
      evaluate: async (r) => evaluationOf(r),
      evaluatePrevious: async (r, current) => {
        seen.push(current);
        if (r.patient.id === 'b') {
          throw new Error('worker died');
        }
        return { ...evaluationOf(r), period: { start: '2025-01-01', end: '2025-12-31' } };
      },
    });
    const a = run.entries.find((e) => e.patientId === 'a')!;
    expect(a.identity).toEqual({
      patient: 'Patient/a',
      name: 'Pat a',
      birthDate: '1970-01-01',
      mrn: 'MRN-a',
      clinician: { reference: 'Practitioner/chen', display: 'NP Lily Chen', source: 'general-practitioner' },
    });
    expect(a.previous).toEqual([]);
    expect(Object.keys(a).sort()).toEqual(['evaluation', 'identity', 'name', 'patientId', 'previous']);
    // a failed previous-period evaluation leaves the chart without that patient's history, not the patient without a result
    const b = run.entries.find((e) => e.patientId === 'b')!;
    expect(b.evaluation).toBeDefined();
    expect(b.previous).toBeUndefined();
    expect(seen.map((e) => e.patient).sort()).toEqual(['Patient/a', 'Patient/b']);
  });

  it('estimates time left from the mean pace: 10 done in 5 s of 40 → 15 s left; nothing before the first', () => {
    expect(estimateRemainingMs(10, 40, 5000)).toBe(15000);
    expect(estimateRemainingMs(0, 40, 100)).toBeUndefined();
  });

  it('names a patient from the official name, else the first', () => {
    expect(
      patientName({
        resourceType: 'Patient',
        name: [
          { use: 'nickname', text: 'Teddy' },
          { use: 'official', given: ['Edward'], family: 'Marsh' },
        ],
      }),
    ).toBe('Edward Marsh');
    expect(patientName({ resourceType: 'Patient' })).toBeUndefined();
  });
});

describe('population members from a Group', () => {
  it('takes active Patient members once, skipping inactive ones, ended memberships and non-patients', () => {
    const group: fhir4.Group = {
      resourceType: 'Group',
      type: 'person',
      actual: true,
      member: [
        { entity: { reference: 'Patient/screen-due' } },
        { entity: { reference: 'Patient/screen-due' } },
        { entity: { reference: 'Patient/left-practice' }, period: { end: '2026-03-01' } },
        { entity: { reference: 'Patient/still-here' }, period: { end: '2026-03-02' } },
        { entity: { reference: 'Patient/inactive' }, inactive: true },
        { entity: { reference: 'Practitioner/dr-rivera' } },
        { entity: { reference: 'https://ehr.example.org/fhir/Patient/absolute' } },
      ],
    };
    expect(groupPatientIds(group, '2026-03-02')).toEqual(['screen-due', 'still-here', 'absolute']);
  });
  it('reads patient ids from relative, absolute and versioned references only', () => {
    expect(patientIdOfReference('Patient/pt-0001/_history/2')).toBe('pt-0001');
    expect(patientIdOfReference('Group/attributed')).toBeUndefined();
    expect(patientIdOfReference(undefined)).toBeUndefined();
  });
});
