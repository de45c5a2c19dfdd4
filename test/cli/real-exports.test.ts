/**
 * `caregap evaluate` on exports shaped like real ones: a Medication that references no patient is
 * kept and resolved for every patient that references it (CMS165's advanced-illness-and-frailty
 * exclusion: a dementia medication given by reference, as in the official case
 * "DementiaMedicationRequestAsReference"), in a Bulk ndjson export — streamed in memory or spilled
 * to the temporary file, on one thread or two — and in one Bundle per patient; `urn:uuid:`
 * references resolve in a transaction Bundle whose POST entries have no ids and in ndjson;
 * valid R4 is not flagged (AllergyIntolerance.type/.category) and an Observation about a Group is
 * not the patient's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/caregap.mjs');
const P2026 = ['--period-start', '2026-01-01', '--period-end', '2026-12-31'];
const SCT = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const MED_ID = 'rivastigmine-6mg';

let dir: string;

function run(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return {
    code: r.status,
    stderr: r.stderr,
    lines: r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, any>),
  };
}
const measure = (line: Record<string, any>, id: string) => line.measures.find((m: { id: string }) => m.id === id);
const ndjson = (resources: unknown[]) => resources.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** The rivastigmine 6 MG capsule (RxNorm 312836, CMS165 "Dementia Medications"), shared by the whole export. */
const MEDICATION = {
  resourceType: 'Medication',
  id: MED_ID,
  code: { coding: [{ system: RXNORM, code: '312836', display: 'rivastigmine 6 MG Oral Capsule' }] },
};

/**
 * A 72-year-old with essential hypertension, an office visit in 2026, a wheelchair ordered
 * (frailty device) and a dementia medication ordered by reference to `medication`: CMS165
 * excludes her (advanced illness and frailty, age 66–80) exactly when the medication resolves.
 */
function frailPatient(id: string, medication: string): Record<string, unknown>[] {
  const subject = { reference: `Patient/${id}` };
  return [
    { resourceType: 'Patient', id, birthDate: '1954-03-03', gender: 'female' },
    {
      resourceType: 'Encounter',
      id: `${id}-visit`,
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [{ coding: [{ system: SCT, code: '3391000175108' }] }],
      subject,
      period: { start: '2026-03-10T09:00:00Z', end: '2026-03-10T09:30:00Z' },
    },
    {
      resourceType: 'Condition',
      id: `${id}-htn`,
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      code: { coding: [{ system: SCT, code: '371125006' }] },
      subject,
      onsetDateTime: '2025-06-01',
    },
    {
      resourceType: 'DeviceRequest',
      id: `${id}-chair`,
      status: 'completed',
      intent: 'order',
      codeCodeableConcept: { coding: [{ system: SCT, code: '183240000' }] },
      subject,
      authoredOn: '2026-05-01T10:00:00Z',
    },
    {
      resourceType: 'MedicationRequest',
      id: `${id}-rx`,
      status: 'active',
      intent: 'order',
      medicationReference: { reference: medication },
      subject,
      authoredOn: '2026-04-01T10:00:00Z',
      requester: { reference: 'Practitioner/dr-who' },
      dispenseRequest: { expectedSupplyDuration: { value: 90, system: 'http://unitsofmeasure.org', code: 'd' } },
    },
  ];
}

/** Writes resources as a Bulk export folder (one Type.ndjson per type). */
function bulk(name: string, resources: Record<string, unknown>[]): string {
  const out = join(dir, name);
  mkdirSync(out);
  const byType = new Map<string, unknown[]>();
  for (const r of resources) {
    byType.set(r.resourceType as string, [...(byType.get(r.resourceType as string) ?? []), r]);
  }
  for (const [type, rs] of byType) {
    writeFileSync(join(out, `${type}.ndjson`), ndjson(rs));
  }
  return out;
}

/** Every `Type/id` reference rewritten as `urn:uuid:id` (as Synthea writes ndjson and transactions). */
function asUuidReferences<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (k, v) =>
    k === 'reference' && typeof v === 'string' ? v.replace(/^[A-Za-z]+\//, 'urn:uuid:') : v,
  ) as T;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caregap-real-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregap on real-shaped exports', { timeout: 240_000 }, () => {
  it('keeps a Medication that references no patient and resolves it for every patient of a Bulk export that references it', () => {
    const resources = [
      ...frailPatient('mara', `Medication/${MED_ID}`),
      ...frailPatient('nia', `Medication/${MED_ID}`),
      ...frailPatient('ola', 'Medication/not-exported'),
      MEDICATION,
    ];
    const exportDir = bulk('bulk-shared', resources);
    const plain = run({}, 'evaluate', ...P2026, '--measure', 'cms165', exportDir);
    expect(plain.code, plain.stderr).toBe(0);
    const exclusions = (r: typeof plain) =>
      Object.fromEntries(r.lines.map((l) => [l.patient, measure(l, 'cms165').populations['denominator-exclusion']]));
    expect(exclusions(plain)).toEqual({ 'Patient/mara': 1, 'Patient/nia': 1, 'Patient/ola': 0 });
    // the same with the temporary store spilled to its file, on two threads
    const spilled = run(
      { CAREGAP_SPILL_BYTES: '1024' },
      'evaluate',
      ...P2026,
      '--measure',
      'cms165',
      '--jobs',
      '2',
      exportDir,
    );
    expect(spilled.code, spilled.stderr).toBe(0);
    expect(spilled.lines).toEqual(plain.lines);
  });

  it("resolves a Medication kept in one patient's Bundle for a patient of another Bundle that references it by absolute URL", () => {
    const mara = frailPatient('mara', `Medication/${MED_ID}`);
    const folder = join(dir, 'bundles');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'mara.json'),
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [...mara, MEDICATION].map((resource) => ({
          fullUrl: `https://ehr.example/fhir/${resource.resourceType}/${resource.id}`,
          resource,
        })),
      }),
    );
    writeFileSync(
      join(folder, 'ivy.json'),
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'searchset',
        entry: frailPatient('ivy', `https://ehr.example/fhir/Medication/${MED_ID}`).map((resource) => ({ resource })),
      }),
    );
    const r = run({}, 'evaluate', ...P2026, '--measure', 'cms165', folder);
    expect(r.code, r.stderr).toBe(0);
    expect(
      Object.fromEntries(r.lines.map((l) => [l.patient, measure(l, 'cms165').populations['denominator-exclusion']])),
    ).toEqual({ 'Patient/ivy': 1, 'Patient/mara': 1 });
  });

  it('resolves urn:uuid: references in a transaction Bundle whose POST entries carry no ids', () => {
    const pid = '5a1d9e62-3f0b-4c8e-9d21-7b6a4e0c9f13';
    const resources = asUuidReferences([...frailPatient(pid, `Medication/${MED_ID}`), MEDICATION]);
    const tx = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: resources.map((resource) => {
        const { id, ...withoutId } = resource;
        return {
          fullUrl: `urn:uuid:${id as string}`,
          resource: withoutId,
          request: { method: 'POST', url: resource.resourceType },
        };
      }),
    };
    const r = run({}, 'evaluate', ...P2026, '--measure', 'cms165', write('transaction.json', JSON.stringify(tx)));
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines).toHaveLength(1);
    const m = measure(r.lines[0]!, 'cms165');
    expect(r.lines[0]!.patient).toBe(`Patient/${pid}`);
    expect(m.populations).toMatchObject({ 'initial-population': 1, denominator: 1, 'denominator-exclusion': 1 });
    expect(JSON.stringify(m.evidence)).toContain(`Encounter/${pid}-visit`);
  });

  it('resolves urn:uuid: references in a Bulk ndjson export (the patient, its encounter, the shared Medication)', () => {
    const pid = '0e9f4c2a-8b71-4d3e-a5c6-19f2d8b7e604';
    const exportDir = bulk('bulk-uuid', asUuidReferences([...frailPatient(pid, `Medication/${MED_ID}`), MEDICATION]));
    const r = run({}, 'evaluate', ...P2026, '--measure', 'cms165', exportDir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines.map((l) => l.patient)).toEqual([`Patient/${pid}`]);
    expect(measure(r.lines[0]!, 'cms165').populations).toMatchObject({
      'initial-population': 1,
      denominator: 1,
      'denominator-exclusion': 1,
    });
  });

  it('does not flag a valid AllergyIntolerance, and leaves out an Observation about a Group', () => {
    const phq9 = (subject: string) => ({
      resourceType: 'Observation',
      id: 'phq9-total',
      status: 'final',
      subject: { reference: subject },
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      valueInteger: 22,
      effectiveDateTime: '2026-05-01',
    });
    const pia = (about: string) => [
      { resourceType: 'Patient', id: 'pia', birthDate: '1970-01-01', gender: 'female' },
      {
        resourceType: 'AllergyIntolerance',
        id: 'pia-allergy',
        patient: { reference: 'Patient/pia' },
        type: 'allergy',
        category: ['medication'],
        code: { coding: [{ system: SCT, code: '91936005' }] },
      },
      phq9(about),
    ];
    const evaluate = (name: string, resources: unknown[]) =>
      run(
        {},
        'evaluate',
        ...P2026,
        write(
          name,
          JSON.stringify({
            resourceType: 'Bundle',
            type: 'collection',
            entry: resources.map((resource) => ({ resource })),
          }),
        ),
      );
    const own = evaluate('pia-own.json', pia('Patient/pia'));
    const ward = evaluate('pia-ward.json', pia('Group/ward-3'));
    for (const r of [own, ward]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.lines).toHaveLength(1);
      expect(
        (r.lines[0]!.issues as { resourceType: string }[]).filter((i) => i.resourceType === 'AllergyIntolerance'),
      ).toEqual([]);
    }
    // her own PHQ-9 of 22 raises a flag; the same score recorded about a ward Group is not hers
    expect(JSON.stringify(own.lines[0]!.flags)).toContain('phq9-total');
    expect(JSON.stringify(ward.lines[0])).not.toContain('phq9-total');
  });
});

function write(name: string, content: string): string {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}
