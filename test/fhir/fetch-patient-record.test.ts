import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPatientRecord } from '../../src/fhir/fetch-patient-record.ts';
import { fetchResourceType } from '../../src/fhir/fetch-resource-type.ts';
import { FETCHED_TYPES } from '../../src/fhir/fetched-types.ts';
import { ServerQuirks } from '../../src/fhir/server-quirks.ts';
import type { RetryOptions } from '../../src/fhir/retry-policy.ts';
import { parseGrantedScopes } from '../../src/smart/scopes.ts';
import { ORIGIN, clientFor, sandboxHarness } from './sandbox-harness.ts';

const h = sandboxHarness();
const slept: number[] = [];
/** Retries sleep instantly in unit tests but remember what they were asked to wait. */
const fastRetry: RetryOptions = { sleep: async (ms) => void slept.push(ms) };

beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  h.requests.length = 0;
  slept.length = 0;
});
afterEach(() => h.server.resetHandlers());
afterAll(() => h.server.close());

/** Resource counts per fetched type in a record. */
function countsOf(record: { resources: Partial<Record<string, unknown[]>> }) {
  return Object.fromEntries(FETCHED_TYPES.map((t) => [t, record.resources[t]?.length ?? 0]));
}
/** Expected counts per fetched type from the sandbox itself. */
function expectedCounts(patient: string) {
  const c = h.sandbox.countsFor(patient);
  return Object.fromEntries(FETCHED_TYPES.map((t) => [t, c[t] ?? 0]));
}
/** A typical synthetic patient from the seeded panel (not one of the named edge cases). */
function typicalPatient(): string {
  const named = new Set(['empty', 'heavy', 'malformed']);
  const p = h.sandbox
    .patients()
    .find((x) => !named.has(x.id) && !x.label && (h.sandbox.countsFor(x.id).Observation ?? 0) > 5);
  if (!p) {
    throw new Error('the sandbox has no typical patient with observations');
  }
  return p.id;
}

describe('fetching a patient record from the sandbox EHR', () => {
  it('reads every resource of a typical patient, following next links across small pages', async () => {
    const id = typicalPatient();
    const { client, scope } = clientFor(h.sandbox, id);
    const { record } = await fetchPatientRecord(client, parseGrantedScopes(scope), {
      pageSize: 5,
      retry: fastRetry,
      quirks: new ServerQuirks(),
    });
    expect(record.patient.id).toBe(id);
    expect(countsOf(record)).toEqual(expectedCounts(id));
    for (const t of FETCHED_TYPES) {
      expect(record.completeness[t]).toEqual({ status: 'complete' });
    }
    expect(h.paths().some((p) => p.includes('_count=5'))).toBe(true);
    expect(h.requests.length).toBeGreaterThan(FETCHED_TYPES.length + 1); // paging happened
  });

  it('reads all 5,000+ Observations of the heavy patient with 1,000-entry pages', async () => {
    const { client, scope } = clientFor(h.sandbox, 'heavy');
    const { record } = await fetchPatientRecord(client, parseGrantedScopes(scope), {
      retry: fastRetry,
      quirks: new ServerQuirks(),
    });
    expect(record.resources.Observation?.length).toBe(h.sandbox.countsFor('heavy').Observation);
    expect(record.resources.Observation!.length).toBeGreaterThanOrEqual(5000);
    expect(new Set(record.resources.Observation!.map((o) => o.id)).size).toBe(record.resources.Observation!.length);
  });

  it('records an empty patient as complete with zero of everything', async () => {
    const { client, scope } = clientFor(h.sandbox, 'empty');
    const { record } = await fetchPatientRecord(client, parseGrantedScopes(scope), { retry: fastRetry });
    expect(Object.values(countsOf(record)).every((n) => n === 0)).toBe(true);
    expect(record.completeness.Condition?.status).toBe('complete');
  });

  it('issues the Patient read and every type search before any response returns', async () => {
    const id = typicalPatient();
    const { client, scope } = clientFor(h.sandbox, id);
    let firstResponseAt = Infinity;
    const onResponse = () => (firstResponseAt = Math.min(firstResponseAt, performance.now()));
    h.server.events.on('response:mocked', onResponse);
    await fetchPatientRecord(client, parseGrantedScopes(scope), { retry: fastRetry, quirks: new ServerQuirks() });
    h.server.events.removeListener('response:mocked', onResponse);
    const firstWave = h.requests.slice(0, FETCHED_TYPES.length + 1);
    expect(firstWave.every((r) => r.at <= firstResponseAt)).toBe(true);
  });
});

describe('EHR quirks', () => {
  it('switches to per-category Observation searches on an epic-like server and still finds every Observation', async () => {
    const id = typicalPatient();
    const { client, scope } = clientFor(h.sandbox, id, { profile: 'epic-like' });
    const quirks = new ServerQuirks();
    const { record, warnings } = await fetchPatientRecord(client, parseGrantedScopes(scope), {
      retry: fastRetry,
      quirks,
    });
    expect(record.resources.Observation?.length).toBe(h.sandbox.countsFor(id).Observation);
    expect(record.completeness.Observation?.status).toBe('complete');
    expect(
      h.paths().filter((p) => p.startsWith('/fhir/epic-like/Observation?') && p.includes('category=')).length,
    ).toBeGreaterThanOrEqual(8);
    expect(warnings.Observation?.join(' ')).toMatch(/requires a category/);
    expect(quirks.observationNeedsCategory(h.sandbox.fhirBaseFor('epic-like'))).toBe(true);
    expect(quirks.observationNeedsCategory(h.sandbox.fhirBase)).toBe(false);
  });

  it('goes straight to per-category searches once the server is known to need them', async () => {
    const id = typicalPatient();
    const { client } = clientFor(h.sandbox, id, { profile: 'epic-like' });
    const quirks = new ServerQuirks();
    quirks.markObservationNeedsCategory(h.sandbox.fhirBaseFor('epic-like'));
    const result = await fetchResourceType(client, 'Observation', { patientId: id, quirks, retry: fastRetry });
    expect(result.resources.length).toBe(h.sandbox.countsFor(id).Observation);
    const observationSearches = h.paths().filter((p) => p.startsWith('/fhir/epic-like/Observation?'));
    expect(observationSearches.length).toBe(8);
    expect(observationSearches.every((p) => p.includes('category='))).toBe(true);
  });

  it('keeps the heavy patient complete on an epic-like server despite duplicated entries across pages', async () => {
    const { client, scope } = clientFor(h.sandbox, 'heavy', { profile: 'epic-like' });
    const { record } = await fetchPatientRecord(client, parseGrantedScopes(scope), {
      retry: fastRetry,
      quirks: new ServerQuirks(),
    });
    const ids = record.resources.Observation!.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(h.sandbox.countsFor('heavy').Observation);
  });

  it('de-duplicates an entry the server repeats on the next page', async () => {
    const id = typicalPatient();
    const { client } = clientFor(h.sandbox, id);
    let firstPageEntry: fhir4.BundleEntry | undefined;
    h.use(
      http.get(`${ORIGIN}/fhir/Condition`, async ({ request }) => {
        const response = await h.sandbox.handle(request);
        const bundle = (await response.json()) as fhir4.Bundle;
        const isFirst = !firstPageEntry;
        firstPageEntry ??= bundle.entry?.[0];
        if (!isFirst && firstPageEntry) {
          bundle.entry = [firstPageEntry, ...(bundle.entry ?? [])];
        }
        return HttpResponse.json(bundle);
      }),
    );
    const result = await fetchResourceType(client, 'Condition', { patientId: id, pageSize: 2, retry: fastRetry });
    expect(result.pages).toBeGreaterThan(1);
    expect(result.resources.length).toBe(h.sandbox.countsFor(id).Condition);
    expect(result.completeness.status).toBe('complete');
  });

  it('keeps OperationOutcome entries out of the data and reports them as warnings', async () => {
    const id = typicalPatient();
    const { client } = clientFor(h.sandbox, id);
    h.use(
      http.get(`${ORIGIN}/fhir/Encounter`, async ({ request }) => {
        const bundle = (await (await h.sandbox.handle(request)).json()) as fhir4.Bundle;
        bundle.entry = [
          ...(bundle.entry ?? []),
          {
            search: { mode: 'outcome' },
            resource: {
              resourceType: 'OperationOutcome',
              issue: [{ severity: 'warning', code: 'incomplete', diagnostics: 'notes omitted' }],
            },
          },
        ];
        return HttpResponse.json(bundle);
      }),
    );
    const result = await fetchResourceType(client, 'Encounter', { patientId: id, retry: fastRetry });
    expect(result.resources.every((r) => r.resourceType === 'Encounter')).toBe(true);
    expect(result.resources.length).toBe(h.sandbox.countsFor(id).Encounter);
    expect(result.warnings).toContain('notes omitted');
  });

  it('does not follow a next link to another origin (the token must not leave the FHIR server)', async () => {
    const id = typicalPatient();
    const { client } = clientFor(h.sandbox, id);
    h.use(
      http.get(`${ORIGIN}/fhir/Procedure`, async ({ request }) => {
        const bundle = (await (await h.sandbox.handle(request)).json()) as fhir4.Bundle;
        bundle.link = [{ relation: 'next', url: 'http://elsewhere.test/fhir/Procedure?page=2' }];
        return HttpResponse.json(bundle);
      }),
    );
    const result = await fetchResourceType(client, 'Procedure', { patientId: id, retry: fastRetry });
    expect(result.completeness.status).toBe('partial');
    expect(result.completeness.reason).toMatch(/another origin/);
    expect(h.requests.some((r) => new URL(r.url).hostname === 'elsewhere.test')).toBe(false);
  });

  it('does not follow a next link outside the FHIR base path on the same origin (another server or tenant there)', async () => {
    const id = typicalPatient();
    const { client } = clientFor(h.sandbox, id);
    for (const next of [
      `${ORIGIN}/admin/export?page=2`,
      `${ORIGIN}/fhir-other/Procedure?page=2`,
      `${ORIGIN}/fhir/../auth/token`,
      '/other/Procedure?page=2',
      `http://x@localhost:59999/fhir/Procedure?page=2`,
    ]) {
      h.requests.length = 0;
      h.use(
        http.get(`${ORIGIN}/fhir/Procedure`, async ({ request }) => {
          const bundle = (await (await h.sandbox.handle(request)).json()) as fhir4.Bundle;
          bundle.link = [{ relation: 'next', url: next }];
          return HttpResponse.json(bundle);
        }),
      );
      const result = await fetchResourceType(client, 'Procedure', { patientId: id, retry: fastRetry });
      expect(result.completeness.status, next).toBe('partial');
      expect(result.completeness.reason, next).toMatch(/outside the FHIR base URL|not followed/);
      expect(
        h.requests.map((r) => new URL(r.url).pathname),
        next,
      ).toEqual(['/fhir/Procedure']);
      h.server.resetHandlers();
    }
  });

  it('follows next links under the FHIR base, including query-only ones on the base itself', async () => {
    const id = typicalPatient();
    const { client } = clientFor(h.sandbox, id);
    const result = await fetchResourceType(client, 'Observation', {
      patientId: id,
      retry: fastRetry,
      pageSize: 3,
      quirks: new ServerQuirks(),
    });
    expect(result.completeness.status).toBe('complete');
    expect(
      h.requests.some((r) => new URL(r.url).pathname === '/fhir' && new URL(r.url).searchParams.has('_getpages')),
    ).toBe(true);
  });
});

describe('failures, retries and completeness', () => {
  it('retries 429s, waiting the Retry-After the server sent, and ends complete', async () => {
    const id = typicalPatient();
    const { client, scope } = clientFor(h.sandbox, id, { faults: { rateLimitRate: 0.5 } });
    const { record } = await fetchPatientRecord(client, parseGrantedScopes(scope), {
      retry: fastRetry,
      quirks: new ServerQuirks(),
    });
    expect(slept).toContain(1000);
    expect(countsOf(record)).toEqual(expectedCounts(id));
    for (const t of FETCHED_TYPES) {
      expect(record.completeness[t]?.status).toBe('complete');
    }
  });

  it('retries 500s with back-off and ends complete', async () => {
    const id = typicalPatient();
    const { client, scope } = clientFor(h.sandbox, id, { faults: { errorRate: 0.4 } });
    const { record } = await fetchPatientRecord(client, parseGrantedScopes(scope), {
      retry: fastRetry,
      quirks: new ServerQuirks(),
    });
    expect(slept.length).toBeGreaterThan(0);
    expect(countsOf(record)).toEqual(expectedCounts(id));
  });

  it('records a type whose searches always fail as missing with the server’s reason, after 4 attempts', async () => {
    const id = typicalPatient();
    const { client, scope } = clientFor(h.sandbox, id, { faults: { failType: 'Procedure' } });
    const { record } = await fetchPatientRecord(client, parseGrantedScopes(scope), {
      retry: fastRetry,
      quirks: new ServerQuirks(),
    });
    expect(record.completeness.Procedure?.status).toBe('missing');
    expect(record.completeness.Procedure?.reason).toMatch(/HTTP 500/);
    expect(h.paths().filter((p) => p.startsWith('/fhir/Procedure?')).length).toBe(4);
    expect(record.completeness.Condition?.status).toBe('complete');
  });

  it('keeps what was read and marks the type partial when a later page fails', async () => {
    const id = typicalPatient();
    const { client } = clientFor(h.sandbox, id);
    // Every next page (the sandbox pages through `?_getpages=…`) fails after the first page was read.
    h.use(
      http.get(`${ORIGIN}/fhir`, ({ request }) =>
        new URL(request.url).searchParams.has('_getpages')
          ? HttpResponse.json(
              {
                resourceType: 'OperationOutcome',
                issue: [{ severity: 'error', code: 'exception', diagnostics: 'paging cursor lost' }],
              },
              { status: 500 },
            )
          : h.sandbox.handle(request),
      ),
    );
    const result = await fetchResourceType(client, 'Encounter', { patientId: id, pageSize: 2, retry: fastRetry });
    expect(result.resources.length).toBe(2);
    expect(result.completeness.status).toBe('partial');
    expect(result.completeness.reason).toMatch(/paging cursor lost/);
  });

  it('does not retry a 403 and records the type as missing', async () => {
    const id = typicalPatient();
    // The token lacks Observation, but the app (wrongly) believes it may read it: the server says 403.
    const { client } = clientFor(h.sandbox, id, { faults: { denyScopes: ['Observation'] } });
    const result = await fetchResourceType(client, 'Observation', {
      patientId: id,
      retry: fastRetry,
      quirks: new ServerQuirks(),
    });
    expect(result.completeness.status).toBe('missing');
    expect(result.completeness.reason).toMatch(/403/);
    expect(h.paths().filter((p) => p.startsWith('/fhir/Observation')).length).toBe(1);
    expect(slept).toEqual([]);
  });

  it('does not retry a 404', async () => {
    const id = typicalPatient();
    const { client } = clientFor(h.sandbox, id);
    h.use(
      http.get(`${ORIGIN}/fhir/ServiceRequest`, () =>
        HttpResponse.json(
          {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'not-found', diagnostics: 'unknown resource type' }],
          },
          { status: 404 },
        ),
      ),
    );
    const result = await fetchResourceType(client, 'ServiceRequest', { patientId: id, retry: fastRetry });
    expect(result.completeness).toMatchObject({ status: 'missing' });
    expect(h.requests.length).toBe(1);
  });

  it('skips a type whose scope was not granted, without asking the server, and says which scope', async () => {
    const id = typicalPatient();
    const { client, scope } = clientFor(h.sandbox, id, { faults: { denyScopes: ['Observation'] } });
    const granted = parseGrantedScopes(scope);
    expect(granted.canRead('Observation')).toBe(false);
    const { record } = await fetchPatientRecord(client, granted, { retry: fastRetry });
    expect(record.completeness.Observation).toEqual({
      status: 'missing',
      reason: 'scope patient/Observation.rs not granted',
    });
    expect(h.paths().some((p) => p.startsWith('/fhir/Observation'))).toBe(false);
    expect(record.completeness.Condition?.status).toBe('complete');
  });

  it('fails the whole record with a 401 FhirHttpError when the token has expired', async () => {
    const id = typicalPatient();
    const { client, scope } = clientFor(h.sandbox, id, { lifetimeSec: -1 });
    await expect(fetchPatientRecord(client, parseGrantedScopes(scope), { retry: fastRetry })).rejects.toMatchObject({
      status: 401,
    });
  });
});
