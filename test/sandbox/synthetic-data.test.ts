import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generatePanel } from '../../launch/sandbox/data/generate-panel.ts';
import { generatePatient } from '../../launch/sandbox/data/generate-patient.ts';
import { NAMED_PATIENTS } from '../../launch/sandbox/data/named-patients.ts';
import { createSandbox } from '../../launch/sandbox/sandbox.ts';
import { ANCHOR, ORIGIN } from './sandbox-fixture.ts';

/** A late-year anchor, so "this year" holds most of the screening history. */
const LATE_ANCHOR = '2026-11-23';

const codesOf = (resources: fhir4.Resource[], type: string) =>
  new Set(
    resources
      .filter((r) => r.resourceType === type)
      .flatMap((r) => ((r as fhir4.Observation).code?.coding ?? []).map((c) => c.code)),
  );

describe('synthetic panel generator', () => {
  const panel = [...generatePanel({ seed: 42, count: 200, anchorDate: ANCHOR })];
  const all = panel.flatMap((p) => p.resources);

  it('is byte-identical for the same seed and anchor, and differs for another seed', () => {
    const again = JSON.stringify([...generatePanel({ seed: 42, count: 200, anchorDate: ANCHOR })]);
    expect(again).toBe(JSON.stringify(panel));
    expect(JSON.stringify(generatePatient(43, 0, ANCHOR))).not.toBe(JSON.stringify(generatePatient(42, 0, ANCHOR)));
  });

  it('yields at least 200 generated adults plus every named patient, with unique ids per type', () => {
    expect(panel.length).toBe(200 + NAMED_PATIENTS.length);
    const keys = all.map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ages = all
      .filter(
        (r): r is fhir4.Patient => r.resourceType === 'Patient' && ((r as fhir4.Patient).birthDate?.length ?? 0) === 10,
      )
      .map((p) => Number(ANCHOR.slice(0, 4)) - Number(p.birthDate!.slice(0, 4)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
  });

  it('keeps every clinical resource within the three years before the anchor date', () => {
    const dates = all
      .filter((r) => r.resourceType === 'Encounter')
      .map((e) => (e as fhir4.Encounter).period?.start?.slice(0, 10) ?? '');
    expect(dates.every((d) => d >= '2023-03-01' && d <= ANCHOR)).toBe(true);
  });

  it('covers the behavioral-health instruments, SDOH items, vitals and labs the panel evaluates', () => {
    const obs = codesOf(all, 'Observation');
    for (const code of [
      '55758-7',
      '44261-6',
      '44260-8',
      '73832-8',
      '70274-6',
      '88122-7',
      '88123-5',
      '71802-3',
      '93030-5',
      '85354-9',
      '4548-4',
    ]) {
      expect(obs).toContain(code);
    }
    const answers = new Set(
      all
        .filter((r) => r.resourceType === 'Observation')
        .flatMap((r) => (r as fhir4.Observation).valueCodeableConcept?.coding?.map((c) => c.code) ?? []),
    );
    for (const code of [
      '428181000124104',
      '428171000124102',
      'LA6568-5',
      'LA6729-3',
      'LA28398-8',
      'LA33-6',
      'LA32-8',
    ]) {
      expect(answers).toContain(code);
    }
    const conditions = codesOf(all, 'Condition');
    for (const code of ['F32.1', 'F41.1', 'F20.9', 'F31.81', 'F10.20', 'I10', 'E11.9']) {
      expect(conditions).toContain(code);
    }
    expect(codesOf(all, 'ServiceRequest')).toContain('183524004');
  });

  it('sets categories as real EHRs do and leaves meta.profile out', () => {
    const categories = new Set(
      all.flatMap((r) => ((r as fhir4.Observation).category ?? []).flatMap((c) => c.coding?.map((x) => x.code) ?? [])),
    );
    for (const c of [
      'survey',
      'social-history',
      'vital-signs',
      'laboratory',
      'problem-list-item',
      'encounter-diagnosis',
    ]) {
      expect(categories).toContain(c);
    }
    expect(all.some((r) => r.meta?.profile)).toBe(false);
  });

  it('has outpatient, ED and inpatient psychiatric encounters with a principal F-code and a discharge date', () => {
    const encounters = all.filter((r): r is fhir4.Encounter => r.resourceType === 'Encounter');
    expect(new Set(encounters.map((e) => e.class.code))).toEqual(new Set(['AMB', 'EMER', 'IMP']));
    const psych = encounters.filter(
      (e) => e.class.code === 'IMP' && e.reasonCode?.[0]?.coding?.some((c) => c.code?.startsWith('F')),
    );
    expect(psych.length).toBeGreaterThan(0);
    expect(psych.every((e) => e.period?.end && e.diagnosis?.[0]?.rank === 1)).toBe(true);
  });
});

describe('synthetic panel: inputs of the ACO measures, utilisation flags and high-needs approximation', () => {
  const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
  const panel = [...generatePanel({ seed: DEFAULT_SEED, count: 200, anchorDate: LATE_ANCHOR })];
  const generated = panel.filter((p) => !p.label);
  const of = <T extends fhir4.Resource>(rs: fhir4.Resource[], type: string) =>
    rs.filter((r): r is T => r.resourceType === type);
  const day = (iso: string | undefined) => Math.floor(Date.parse(`${(iso ?? '').slice(0, 10)}T00:00:00Z`) / 86_400_000);
  const anchorDay = day(LATE_ANCHOR);

  it('gives every patient US Core birth sex (F/M) and sex (SNOMED) extensions consistent with gender', () => {
    for (const { resources } of panel) {
      const p = resources[0] as fhir4.Patient;
      const ext = (url: string) =>
        p.extension?.find((e) => e.url === `http://hl7.org/fhir/us/core/StructureDefinition/${url}`)?.valueCode;
      expect(ext('us-core-birthsex'), p.id).toBe(p.gender === 'female' ? 'F' : 'M');
      expect(ext('us-core-sex'), p.id).toBe(p.gender === 'female' ? '248152002' : '248153007');
    }
  });

  it('has 5–8 % frequent ED users (≥ 4 ED visits in the last 12 months), a few with ≥ 8', () => {
    const edCounts = generated.map(
      (p) =>
        of<fhir4.Encounter>(p.resources, 'Encounter').filter(
          (e) => e.class.code === 'EMER' && anchorDay - day(e.period?.start) <= 365,
        ).length,
    );
    const frequent = edCounts.filter((c) => c >= 4).length;
    expect(frequent / generated.length).toBeGreaterThanOrEqual(0.05);
    expect(frequent / generated.length).toBeLessThanOrEqual(0.08);
    expect(edCounts.filter((c) => c >= 8).length).toBeGreaterThanOrEqual(2);
  });

  it('has readmissions: two inpatient stays 5–25 days apart, each admitted from the ED with an ED visit that day', () => {
    const readmitted = generated.filter((p) => {
      const stays = of<fhir4.Encounter>(p.resources, 'Encounter').filter(
        (e) => e.hospitalization?.admitSource?.coding?.[0]?.code === 'emd',
      );
      const edDays = new Set(
        of<fhir4.Encounter>(p.resources, 'Encounter')
          .filter((e) => e.class.code === 'EMER')
          .map((e) => day(e.period?.start)),
      );
      return (
        stays.length === 2 &&
        stays.every((s) => s.class.code === 'IMP' && edDays.has(day(s.period?.start))) &&
        day(stays[1]!.period?.start) - day(stays[0]!.period?.end) >= 5 &&
        day(stays[1]!.period?.start) - day(stays[0]!.period?.end) <= 25
      );
    });
    expect(readmitted.length).toBeGreaterThanOrEqual(3);
  });

  it('has mobility diagnoses (G35, G80.9, G82.20), hospital-bed / lift orders (HCPCS E0260, E0630) and ≥ 10 active medications', () => {
    const all = generated.flatMap((p) => p.resources);
    const mobility = generated.filter((p) =>
      of<fhir4.Condition>(p.resources, 'Condition').some((c) =>
        c.code?.coding?.some((x) => ['G35', 'G80.9', 'G82.20'].includes(x.code ?? '')),
      ),
    );
    expect(mobility.length).toBeGreaterThanOrEqual(4);
    const devices = of<fhir4.DeviceRequest>(all, 'DeviceRequest').flatMap((d) => d.codeCodeableConcept?.coding ?? []);
    expect(new Set(devices.filter((c) => c.system === HCPCS).map((c) => c.code))).toEqual(new Set(['E0260', 'E0630']));
    const activeMeds = generated.map(
      (p) =>
        new Set(
          of<fhir4.MedicationRequest>(p.resources, 'MedicationRequest')
            .filter((m) => m.status === 'active')
            .map((m) => m.medicationCodeableConcept?.coding?.[0]?.code),
        ).size,
    );
    expect(activeMeds.filter((n) => n >= 10).length).toBeGreaterThanOrEqual(2);
  });

  it('has colonoscopies, FITs, sDNA-FITs and mammograms (imaging), HbA1c above and below 9 %, BP below and above 140/90', () => {
    const all = generated.flatMap((p) => p.resources);
    expect(codesOf(all, 'Procedure')).toContain('45378');
    const obs = of<fhir4.Observation>(all, 'Observation');
    for (const code of ['29771-3', '77354-9', '24606-6']) {
      expect(codesOf(all, 'Observation')).toContain(code);
    }
    expect(
      obs
        .filter((o) => o.code.coding?.[0]?.code === '24606-6')
        .every((o) => o.category?.[0]?.coding?.[0]?.code === 'imaging'),
    ).toBe(true);
    const a1c = obs.filter((o) => o.code.coding?.[0]?.code === '4548-4').map((o) => o.valueQuantity?.value ?? 0);
    expect(a1c.some((v) => v > 9) && a1c.some((v) => v < 9)).toBe(true);
    const systolic = obs
      .filter((o) => o.code.coding?.[0]?.code === '85354-9')
      .map((o) => o.component?.[0]?.valueQuantity?.value ?? 0);
    expect(systolic.some((v) => v >= 140) && systolic.some((v) => v < 140)).toBe(true);
  });
});

describe('named patients', () => {
  const sandbox = createSandbox({ origin: ORIGIN, seed: 42, patientCount: 3, anchorDate: ANCHOR });
  const of = (id: string) => sandbox.resourcesFor(id);

  it('are all listed, with labels, before the generated panel', () => {
    const listed = sandbox.patients();
    expect(listed.slice(0, NAMED_PATIENTS.length).map((p) => p.id)).toEqual(NAMED_PATIENTS.map((n) => n.id));
    expect(listed.every((p, i) => i < NAMED_PATIENTS.length === Boolean(p.label))).toBe(true);
  });

  it('"empty" has only a Patient; "heavy" has 5,000+ Observations', () => {
    expect(sandbox.countsFor('empty')).toEqual({ Patient: 1 });
    expect(sandbox.countsFor('heavy').Observation).toBeGreaterThanOrEqual(5000);
  });

  it('"malformed" has partial dates, text-only codes, string scores, unknown systems and an id shared across types', () => {
    const r = of('malformed');
    const obs = r.filter((x): x is fhir4.Observation => x.resourceType === 'Observation');
    expect(obs.some((o) => o.effectiveDateTime?.length === 7)).toBe(true);
    expect(obs.some((o) => !o.code.coding && o.code.text)).toBe(true);
    expect(obs.some((o) => o.valueString?.includes('PHQ-9'))).toBe(true);
    expect(obs.some((o) => o.code.coding?.some((c) => c.system === 'urn:example:unknown-system'))).toBe(true);
    expect(
      r
        .filter((x) => x.id === 'malformed-dup-1')
        .map((x) => x.resourceType)
        .sort(),
    ).toEqual(['Condition', 'Observation']);
  });

  it('"screen-due" had a qualifying office visit this year and no screening at all', () => {
    const r = of('screen-due');
    expect(
      r.some((x) => x.resourceType === 'Encounter' && (x as fhir4.Encounter).period?.start?.startsWith('2026-02-16')),
    ).toBe(true);
    expect(codesOf(r, 'Observation')).not.toContain('73832-8');
    expect(codesOf(r, 'Observation')).not.toContain('44261-6');
  });

  it('"phq9-positive-no-followup" screened positive this year and has no referral, procedure or prescription', () => {
    const r = of('phq9-positive-no-followup');
    const screen = r.find(
      (x) => x.resourceType === 'Observation' && (x as fhir4.Observation).code.coding?.[0]?.code === '73832-8',
    ) as fhir4.Observation;
    expect(screen.valueCodeableConcept?.coding?.[0]?.code).toBe('428181000124104');
    expect(screen.effectiveDateTime?.startsWith('2026-02-20')).toBe(true);
    expect(r.filter((x) => ['ServiceRequest', 'Procedure', 'MedicationRequest'].includes(x.resourceType))).toHaveLength(
      0,
    );
  });

  it('"psych-discharge-recent" was discharged from a psychiatric stay 3 days before the anchor, with no visit since', () => {
    const stays = of('psych-discharge-recent').filter(
      (x): x is fhir4.Encounter => x.resourceType === 'Encounter' && (x as fhir4.Encounter).class.code === 'IMP',
    );
    expect(stays).toHaveLength(1);
    expect(stays[0]?.period?.end?.startsWith('2026-02-27')).toBe(true);
    expect(stays[0]?.reasonCode?.[0]?.coding?.[0]?.code).toBe('F33.1');
  });

  it('"ed-frequent" has six ED visits in the last 12 months; "suicide-risk"\'s latest item 9 is "Several days"', () => {
    const ed = of('ed-frequent').filter(
      (x) => x.resourceType === 'Encounter' && (x as fhir4.Encounter).class.code === 'EMER',
    );
    expect(ed.filter((e) => ((e as fhir4.Encounter).period?.start ?? '') >= '2025-03-02')).toHaveLength(6);
    const item9 = of('suicide-risk')
      .filter(
        (x): x is fhir4.Observation =>
          x.resourceType === 'Observation' && (x as fhir4.Observation).code.coding?.[0]?.code === '44260-8',
      )
      .sort((a, b) => (a.effectiveDateTime ?? '').localeCompare(b.effectiveDateTime ?? ''));
    expect(item9.at(-1)?.valueCodeableConcept?.coding?.[0]).toMatchObject({
      code: 'LA6569-3',
      display: 'Several days',
    });
  });

  it('"sdoh-food-positive" answered the Hunger Vital Sign positively and is flagged at risk', () => {
    const answers = of('sdoh-food-positive').filter((x): x is fhir4.Observation => x.resourceType === 'Observation');
    const hvs = answers.find((o) => o.code.coding?.[0]?.code === '88124-3');
    expect(hvs?.valueCodeableConcept?.coding?.[0]?.code).toBe('LA19952-3');
    expect(answers.find((o) => o.code.coding?.[0]?.code === '88122-7')?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'LA6729-3',
    );
  });
});
