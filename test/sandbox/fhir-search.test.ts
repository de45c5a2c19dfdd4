import { describe, expect, it } from 'vitest';
import { allPages, get, smallSandbox } from './sandbox-fixture.ts';

const ALL = 'launch/patient patient/*.rs';

const matches = (b: fhir4.Bundle) =>
  (b.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource as fhir4.Resource);
const search = async (sandbox: ReturnType<typeof smallSandbox>, path: string, token: string) =>
  (await (await get(sandbox, path, token)).json()) as fhir4.Bundle;

describe('FHIR search', () => {
  const sandbox = smallSandbox();
  const token = sandbox.issueToken({ patient: 'suicide-risk', scope: ALL }).access_token;

  it("finds a patient's Observations by patient reference in every accepted form", async () => {
    for (const p of ['suicide-risk', 'Patient/suicide-risk', 'http://sandbox.test/fhir/Patient/suicide-risk']) {
      expect((await search(sandbox, `/fhir/Observation?patient=${encodeURIComponent(p)}`, token)).total).toBe(
        sandbox.countsFor('suicide-risk').Observation,
      );
    }
    expect((await search(sandbox, '/fhir/Observation?subject=Patient/suicide-risk', token)).total).toBe(6);
  });

  it('matches code as system|code, bare code, and comma-separated alternatives', async () => {
    expect(
      (await search(sandbox, '/fhir/Observation?patient=suicide-risk&code=http://loinc.org|44261-6', token)).total,
    ).toBe(3);
    expect((await search(sandbox, '/fhir/Observation?patient=suicide-risk&code=44260-8', token)).total).toBe(3);
    expect((await search(sandbox, '/fhir/Observation?patient=suicide-risk&code=44261-6,44260-8', token)).total).toBe(6);
    expect(
      (await search(sandbox, '/fhir/Observation?patient=suicide-risk&code=http://snomed.info/sct|44261-6', token))
        .total,
    ).toBe(0);
  });

  it('matches category with and without a system', async () => {
    expect((await search(sandbox, '/fhir/Observation?patient=suicide-risk&category=survey', token)).total).toBe(6);
    expect(
      (
        await search(
          sandbox,
          '/fhir/Observation?patient=suicide-risk&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
          token,
        )
      ).total,
    ).toBe(0);
  });

  it('applies date prefixes at day precision: the day before, of and after the latest PHQ-9 (2026-02-25)', async () => {
    const count = async (q: string) =>
      (await search(sandbox, `/fhir/Observation?patient=suicide-risk&code=44261-6&${q}`, token)).total;
    expect(await count('date=2026-02-25')).toBe(1);
    expect(await count('date=ge2026-02-25')).toBe(1);
    expect(await count('date=ge2026-02-26')).toBe(0);
    expect(await count('date=gt2026-02-24')).toBe(1);
    expect(await count('date=gt2026-02-25')).toBe(0);
    expect(await count('date=lt2026-02-25')).toBe(2);
    expect(await count('date=le2026-02-25')).toBe(3);
    expect(await count('date=ge2025-01-01&date=lt2026-01-01')).toBe(2);
    expect(await count('date=2026-02')).toBe(1);
    expect(await count('date=2025')).toBe(2);
  });

  it('answers 400 naming the parameter for an unparseable date', async () => {
    const res = await get(sandbox, '/fhir/Observation?patient=suicide-risk&date=ge-yesterday', token);
    expect(res.status).toBe(400);
    expect(((await res.json()) as fhir4.OperationOutcome).issue[0]?.expression).toEqual(['date']);
  });

  it('uses period for Encounter, authoredOn for MedicationRequest and onset for Condition', async () => {
    const t = sandbox.issueToken({ patient: 'psych-discharge-recent', scope: ALL }).access_token;
    // Inpatient stay 2026-02-21 → 2026-02-27; ED visit 2026-02-20 at 22:00 clinic time (-05:00, i.e. 03:00Z next day).
    expect((await search(sandbox, '/fhir/Encounter?patient=psych-discharge-recent&date=ge2026-02-27', t)).total).toBe(
      1,
    );
    expect(
      (await search(sandbox, '/fhir/Encounter?patient=psych-discharge-recent&date=lt2026-02-21T00:00:00-05:00', t))
        .total,
    ).toBe(1);
    expect((await search(sandbox, '/fhir/MedicationRequest?patient=suicide-risk&date=2025-08-14', token)).total).toBe(
      1,
    );
    expect((await search(sandbox, '/fhir/Condition?patient=suicide-risk&date=2025-08-14', token)).total).toBe(1);
  });

  it('filters by status and sorts by -date', async () => {
    const bundle = await search(
      sandbox,
      '/fhir/Observation?patient=suicide-risk&code=44261-6&status=final&_sort=-date',
      token,
    );
    const dates = matches(bundle).map((r) => (r as fhir4.Observation).effectiveDateTime);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await search(sandbox, '/fhir/Observation?patient=suicide-risk&status=cancelled', token)).total).toBe(0);
  });

  it('supports POST _search with form parameters', async () => {
    const res = await sandbox.handle(
      new Request('http://sandbox.test/fhir/Observation/_search', {
        method: 'POST',
        body: new URLSearchParams({ patient: 'suicide-risk', code: '44261-6' }),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(((await res.json()) as fhir4.Bundle).total).toBe(3);
  });

  it('adds an OperationOutcome warning (search.mode = outcome) to generic Observation searches', async () => {
    const bundle = await search(sandbox, '/fhir/Observation?patient=suicide-risk', token);
    const outcome = bundle.entry?.find((e) => e.search?.mode === 'outcome');
    expect(outcome?.resource?.resourceType).toBe('OperationOutcome');
  });
});

describe('paging', () => {
  const sandbox = smallSandbox();
  const heavyCount = sandbox.countsFor('heavy').Observation ?? 0;

  it("reaches every one of the heavy patient's 5,000+ Observations exactly once through next links (generic)", async () => {
    const token = sandbox.issueToken({ patient: 'heavy', scope: ALL }).access_token;
    const { bundles, resources } = await allPages(sandbox, '/fhir/Observation?patient=heavy&_count=1000', token);
    expect(heavyCount).toBeGreaterThanOrEqual(5000);
    expect(bundles[0]?.total).toBe(heavyCount);
    expect(resources).toHaveLength(heavyCount);
    expect(new Set(resources.map((r) => r.id)).size).toBe(heavyCount);
    const next = bundles[0]?.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(new URL(next).origin).toBe('http://sandbox.test');
  });

  it('defaults to 50 per page and caps _count at 1000', async () => {
    const token = sandbox.issueToken({ patient: 'heavy', scope: ALL }).access_token;
    expect(matches(await search(sandbox, '/fhir/Observation?patient=heavy', token))).toHaveLength(50);
    expect(matches(await search(sandbox, '/fhir/Observation?patient=heavy&_count=5000', token))).toHaveLength(1000);
  });

  it('repeats an entry across page boundaries in the epic-like profile, so clients must de-duplicate', async () => {
    const token = sandbox.issueToken({ patient: 'heavy', scope: ALL, profile: 'epic-like' }).access_token;
    const { resources } = await allPages(
      sandbox,
      '/fhir/Observation?patient=heavy&category=vital-signs&_count=1000',
      token,
    );
    const unique = new Set(resources.map((r) => r.id));
    expect(resources.length).toBeGreaterThan(unique.size);
    const vitals = sandbox
      .resourcesFor('heavy')
      .filter(
        (r) =>
          r.resourceType === 'Observation' && JSON.stringify((r as fhir4.Observation).category).includes('vital-signs'),
      );
    expect(unique.size).toBe(vitals.length);
  });

  it('requires category on epic-like Observation searches and refuses _include', async () => {
    const token = sandbox.issueToken({ patient: 'heavy', scope: ALL, profile: 'epic-like' }).access_token;
    const noCategory = await get(sandbox, '/fhir/Observation?patient=heavy', token);
    expect(noCategory.status).toBe(400);
    expect(JSON.stringify(await noCategory.json())).toContain('category is required');
    expect((await get(sandbox, '/fhir/Encounter?patient=heavy&_include=Encounter:subject', token)).status).toBe(400);
    expect((await get(sandbox, '/fhir/Condition?patient=heavy', token)).status).toBe(200);
  });

  it('serves next pages only to a token for the same patient', async () => {
    const heavy = sandbox.issueToken({ patient: 'heavy', scope: ALL }).access_token;
    const other = sandbox.issueToken({ patient: 'empty', scope: ALL }).access_token;
    const first = await search(sandbox, '/fhir/Observation?patient=heavy', heavy);
    const next = first.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect((await get(sandbox, next, other)).status).toBe(403);
  });
});
