/**
 * FHIR Bulk Data Access (IG 2.0.0) in the sandbox: discovery and CapabilityStatement advertise it;
 * kick-off needs `Prefer: respond-async` and answers 202 + Content-Location; the status URL answers
 * 202 with Retry-After and X-Progress, 429 to a client polling too fast, then the manifest
 * (transactionTime, request, requiresAccessToken, output type/url/count, error); files are ndjson
 * behind the token, with byte ranges; `_type`, `_since` on meta.lastUpdated (written resources
 * get a fresh one), POSTed `patient`; DELETE cancels; errors are OperationOutcomes; the bulk faults.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS_DIR } from '../../launch/sandbox/backend/backend-clients.ts';
import type { Sandbox } from '../../launch/sandbox/sandbox.ts';
import { loadSigningKey, signClientAssertion } from '../../src/cli/export/client-assertion.ts';
import { ANCHOR, get, ORIGIN, postForm, smallSandbox } from './sandbox-fixture.ts';

const FHIR = `${ORIGIN}/fhir`;
const T0 = Date.parse(`${ANCHOR}T15:00:00Z`);
const ASYNC = { Prefer: 'respond-async', Accept: 'application/fhir+json' };

/** A system/*.rs token of the backend client `caregap-backend` (client_credentials with the dev key). */
async function backendToken(sandbox: Sandbox, nowMs: number): Promise<string> {
  const key = await loadSigningKey(join(DEV_KEYS_DIR, 'backend.private.jwk.json'));
  const assertion = signClientAssertion(key, {
    clientId: 'caregap-backend',
    tokenUrl: `${ORIGIN}/auth/token`,
    nowSec: Math.floor(nowMs / 1000),
  });
  const res = await postForm(sandbox, '/auth/token', {
    grant_type: 'client_credentials',
    scope: 'system/*.rs',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function setup(extra: Parameters<typeof smallSandbox>[0] = {}) {
  const c = { t: T0 };
  const sandbox = smallSandbox({ now: () => c.t, exportDurationMs: 2000, ...extra });
  return { c, sandbox, token: await backendToken(sandbox, c.t) };
}

const send = (sandbox: Sandbox, url: string, init: RequestInit & { token?: string } = {}) =>
  sandbox.handle(
    new Request(url, {
      ...init,
      headers: {
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        ...(init.headers as Record<string, string>),
      },
    }),
  );

async function outcome(res: Response): Promise<string> {
  const body = (await res.json()) as fhir4.OperationOutcome;
  expect(body.resourceType).toBe('OperationOutcome');
  return body.issue.map((i) => i.diagnostics).join('; ');
}

/** Kicks off, advances the clock past the job's duration and returns the manifest. */
async function exportNow(env: Awaited<ReturnType<typeof setup>>, path: string, init: RequestInit = {}) {
  const k = await send(env.sandbox, `${FHIR}/${path}`, {
    token: env.token,
    ...init,
    headers: { ...ASYNC, ...(init.headers as Record<string, string>) },
  });
  expect(k.status, await k.clone().text()).toBe(202);
  const status = k.headers.get('Content-Location')!;
  env.c.t += 2500;
  const done = await send(env.sandbox, status, { token: env.token });
  expect(done.status).toBe(200);
  return {
    status,
    manifest: (await done.json()) as {
      transactionTime: string;
      request: string;
      requiresAccessToken: boolean;
      output: { type: string; url: string; count: number }[];
      error: { type: string; url: string }[];
    },
  };
}

const lines = async (res: Response) =>
  (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as fhir4.Resource);

describe('Bulk Data export in the sandbox', () => {
  it('advertises $export and backend services in discovery and the CapabilityStatement (and not when switched off)', async () => {
    const { sandbox } = await setup();
    const config = (await (await get(sandbox, '/fhir/.well-known/smart-configuration')).json()) as Record<
      string,
      string[]
    >;
    expect(config.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(config.token_endpoint_auth_signing_alg_values_supported).toEqual(['RS384', 'ES384']);
    expect(config.grant_types_supported).toContain('client_credentials');
    expect(config.scopes_supported).toContain('system/*.rs');
    expect(config.capabilities).toContain('client-confidential-asymmetric');
    const cs = (await (await get(sandbox, '/fhir/metadata')).json()) as fhir4.CapabilityStatement;
    expect(cs.instantiates).toEqual(['http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data']);
    expect(cs.rest?.[0]?.operation).toEqual([
      { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' },
    ]);
    expect(cs.rest?.[0]?.resource?.find((r) => r.type === 'Group')?.operation?.[0]?.definition).toBe(
      'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export',
    );
    expect(cs.rest?.[0]?.resource?.find((r) => r.type === 'Patient')?.operation?.[0]?.definition).toBe(
      'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export',
    );

    const off = await setup({ bulkExport: false });
    const plain = (await (await get(off.sandbox, '/fhir/metadata')).json()) as fhir4.CapabilityStatement;
    expect(plain.instantiates).toBeUndefined();
    expect(plain.rest?.[0]?.resource?.some((r) => r.operation)).toBe(false);
    const noOperation = await send(off.sandbox, `${FHIR}/Group/attributed/$export`, {
      token: off.token,
      headers: ASYNC,
    });
    expect(noOperation.status).toBe(405);
    expect(await outcome(noOperation)).toMatch(/not supported/);
  });

  it('runs a Group export: 202 + Content-Location, polls with Retry-After and X-Progress, 429 when too fast, then the manifest', async () => {
    const env = await setup();
    const k = await send(env.sandbox, `${FHIR}/Group/attributed/$export?_type=Patient,Observation,Condition`, {
      token: env.token,
      headers: ASYNC,
    });
    expect(k.status).toBe(202);
    const status = k.headers.get('Content-Location')!;
    expect(status).toMatch(new RegExp(`^${FHIR}/bulk-status/[\\w-]+$`));
    const first = await send(env.sandbox, status, { token: env.token });
    expect(first.status).toBe(202);
    expect(first.headers.get('Retry-After')).toBe('2');
    expect(first.headers.get('X-Progress')).toMatch(/^0% complete \(\d+ patients\)$/);
    const tooSoon = await send(env.sandbox, status, { token: env.token });
    expect(tooSoon.status).toBe(429);
    expect(Number(tooSoon.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(await outcome(tooSoon)).toMatch(/too frequently/);
    env.c.t += 1000;
    const middle = await send(env.sandbox, status, { token: env.token });
    expect(middle.status).toBe(202);
    expect(middle.headers.get('X-Progress')).toMatch(/^50% complete/);
    env.c.t += 1000;
    const done = await send(env.sandbox, status, { token: env.token });
    expect(done.status).toBe(200);
    expect(done.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(Date.parse(done.headers.get('Expires')!)).toBeGreaterThan(env.c.t);
    const manifest = (await done.json()) as {
      transactionTime: string;
      request: string;
      requiresAccessToken: boolean;
      output: { type: string; url: string; count: number }[];
      error: unknown[];
    };
    expect(manifest.transactionTime).toBe(new Date(T0).toISOString());
    expect(manifest.request).toBe(`${FHIR}/Group/attributed/$export?_type=Patient,Observation,Condition`);
    expect(manifest.requiresAccessToken).toBe(true);
    expect(manifest.error).toEqual([]);
    expect(manifest.output.map((o) => o.type)).toEqual(['Patient', 'Observation', 'Condition']);
    // counts = the sandbox's own data for the Group's members; each file holds its type only
    const members = env.sandbox.patients().map((p) => p.id);
    for (const item of manifest.output) {
      const expected = members.reduce((n, id) => n + (env.sandbox.countsFor(id)[item.type] ?? 0), 0);
      expect(item.count, item.type).toBe(expected);
      const file = await send(env.sandbox, item.url, { token: env.token });
      expect(file.status).toBe(200);
      expect(file.headers.get('Content-Type')).toBe('application/fhir+ndjson');
      const resources = await lines(file);
      expect(resources).toHaveLength(expected);
      expect(new Set(resources.map((r) => r.resourceType))).toEqual(new Set([item.type]));
    }
  });

  it('protects status and files with the token: none → 401, another client → 403', async () => {
    const env = await setup();
    const { status, manifest } = await exportNow(env, 'Patient/$export?_type=Patient');
    expect((await send(env.sandbox, status)).status).toBe(401);
    expect((await send(env.sandbox, manifest.output[0]!.url)).status).toBe(401);
    // a user token of the app (another client) may not follow the backend client's job
    const other = env.sandbox.issueToken({ scope: 'user/*.rs' }).access_token;
    const res = await send(env.sandbox, status, { token: other });
    expect(res.status).toBe(403);
    expect(await outcome(res)).toMatch(/another client/);
  });

  it('serves byte ranges (206) and answers 416 past the end', async () => {
    const env = await setup();
    const { manifest } = await exportNow(env, 'Patient/$export?_type=Patient');
    const whole = await (await send(env.sandbox, manifest.output[0]!.url, { token: env.token })).text();
    const part = await send(env.sandbox, manifest.output[0]!.url, {
      token: env.token,
      headers: { Range: 'bytes=100-' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe(
      `bytes 100-${Buffer.byteLength(whole) - 1}/${Buffer.byteLength(whole)}`,
    );
    expect(await part.text()).toBe(Buffer.from(whole).subarray(100).toString());
    const past = await send(env.sandbox, manifest.output[0]!.url, {
      token: env.token,
      headers: { Range: `bytes=${Buffer.byteLength(whole)}-` },
    });
    expect(past.status).toBe(416);
  });

  it('DELETE cancels: 202, then the status URL and the files answer 404 with an OperationOutcome', async () => {
    const env = await setup();
    const { status, manifest } = await exportNow(env, 'Group/attributed/$export?_type=Patient');
    const del = await send(env.sandbox, status, { token: env.token, method: 'DELETE' });
    expect(del.status).toBe(202);
    const gone = await send(env.sandbox, status, { token: env.token });
    expect(gone.status).toBe(404);
    expect(await outcome(gone)).toMatch(/cancelled/);
    expect((await send(env.sandbox, manifest.output[0]!.url, { token: env.token })).status).toBe(404);
    expect(env.sandbox.bulkActivity()).toMatchObject({ kickoffs: 1, cancelled: 1 });
  });

  it('_since returns only resources changed after it: a written Observation carries a fresh meta.lastUpdated', async () => {
    const env = await setup();
    const { manifest: full } = await exportNow(env, 'Group/attributed/$export?_type=Patient,Observation');
    expect(full.output.length).toBe(2);
    env.c.t += 60_000;
    const writer = env.sandbox.issueToken({ patient: 'screen-due', scope: 'patient/Observation.c' }).access_token;
    const created = await send(env.sandbox, `${FHIR}/Observation`, {
      token: writer,
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '73831-0' }] },
        subject: { reference: 'Patient/screen-due' },
        effectiveDateTime: `${ANCHOR}T15:01:00Z`,
      }),
    });
    expect(created.status).toBe(201);
    const stored = (await created.json()) as fhir4.Observation;
    expect(stored.meta?.lastUpdated).toBe(new Date(env.c.t).toISOString());
    const since = encodeURIComponent(full.transactionTime);
    const { manifest: delta } = await exportNow(
      env,
      `Group/attributed/$export?_type=Patient,Observation&_since=${since}`,
    );
    expect(delta.output).toHaveLength(1);
    expect(delta.output[0]).toMatchObject({ type: 'Observation', count: 1 });
    const [only] = await lines(await send(env.sandbox, delta.output[0]!.url, { token: env.token }));
    expect(only?.id).toBe(stored.id);
    // _since with an offset, same instant, is the same filter
    const offset =
      new Date(Date.parse(full.transactionTime) - 3600_000).toISOString().replace('Z', '').slice(0, 19) + '.000-01:00';
    const { manifest: again } = await exportNow(
      env,
      `Group/attributed/$export?_type=Observation&_since=${encodeURIComponent(offset)}`,
    );
    expect(again.output.map((o) => o.count)).toEqual([1]);
  });

  it('POSTed Parameters with patient limit the export to those members', async () => {
    const env = await setup();
    const body = {
      resourceType: 'Parameters',
      parameter: [
        { name: '_type', valueString: 'Patient,Encounter' },
        { name: 'patient', valueReference: { reference: 'Patient/psych-discharge-recent' } },
      ],
    };
    const { manifest } = await exportNow(env, 'Group/attributed/$export', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/fhir+json' },
    });
    expect(manifest.output.find((o) => o.type === 'Patient')?.count).toBe(1);
    expect(manifest.output.find((o) => o.type === 'Encounter')?.count).toBe(
      env.sandbox.countsFor('psych-discharge-recent').Encounter,
    );
    const stranger = await send(env.sandbox, `${FHIR}/Group/attributed/$export`, {
      token: env.token,
      method: 'POST',
      headers: ASYNC,
      body: JSON.stringify({
        resourceType: 'Parameters',
        parameter: [{ name: 'patient', valueReference: { reference: 'Patient/nobody' } }],
      }),
    });
    expect(stranger.status).toBe(400);
    expect(await outcome(stranger)).toMatch(/not a member of Group\/attributed/);
  });

  it('answers bad kick-offs with 4xx OperationOutcomes naming the parameter or header', async () => {
    const env = await setup();
    const cases: [string, Record<string, string>, number, RegExp][] = [
      ['Group/attributed/$export', { Accept: 'application/fhir+json' }, 400, /Prefer: respond-async/],
      ['Group/attributed/$export?_since=2026-01-01', ASYNC, 400, /_since '2026-01-01' is not a FHIR instant/],
      ['Group/attributed/$export?_type=Claim', ASYNC, 400, /_type Claim is not available/],
      ['Group/attributed/$export?_outputFormat=text/csv', ASYNC, 400, /_outputFormat/],
      ['Group/attributed/$export?_elements=id', ASYNC, 400, /'_elements'.*handling=lenient/],
      ['Group/attributed/$export?patient=Patient/empty', ASYNC, 400, /POSTed Parameters resource only/],
      ['Group/nope/$export', ASYNC, 404, /Group\/nope not found/],
    ];
    for (const [path, headers, status, message] of cases) {
      const res = await send(env.sandbox, `${FHIR}/${path}`, { token: env.token, headers });
      expect(res.status, path).toBe(status);
      expect(await outcome(res), path).toMatch(message);
    }
    // _outputFormat in all three spellings is fine
    for (const f of ['application/fhir+ndjson', 'application/ndjson', 'ndjson']) {
      expect(
        (
          await send(env.sandbox, `${FHIR}/Patient/$export?_outputFormat=${encodeURIComponent(f)}`, {
            token: env.token,
            headers: ASYNC,
          })
        ).status,
      ).toBe(202);
    }
  });

  it('with Prefer: handling=lenient ignores unsupported parameters and says so in the error file', async () => {
    const env = await setup();
    const { manifest } = await exportNow(env, 'Patient/$export?_type=Patient,Claim&_elements=id', {
      headers: { Prefer: 'respond-async, handling=lenient' },
    });
    expect(manifest.output.map((o) => o.type)).toEqual(['Patient']);
    expect(manifest.error).toHaveLength(1);
    const messages = (await lines(
      await send(env.sandbox, manifest.error[0]!.url, { token: env.token }),
    )) as fhir4.OperationOutcome[];
    const text = messages.map((m) => m.issue[0]?.diagnostics).join('\n');
    expect(text).toMatch(/'_elements' is not supported/);
    expect(text).toMatch(/_type Claim/);
    expect(messages.every((m) => m.issue[0]?.severity === 'information')).toBe(true);
  });

  it('exports only what the token may read: patient/ tokens are refused, an unpermitted _type is 403, a denied type is left out and noted', async () => {
    const env = await setup();
    const patientToken = env.sandbox.issueToken({ patient: 'empty', scope: 'patient/*.rs' }).access_token;
    const refused = await send(env.sandbox, `${FHIR}/Patient/$export`, { token: patientToken, headers: ASYNC });
    expect(refused.status).toBe(403);
    expect(await outcome(refused)).toMatch(/user\/ or system\//);
    const narrow = env.sandbox.issueToken({ scope: 'user/Patient.rs user/Condition.rs' }).access_token;
    const forbidden = await send(env.sandbox, `${FHIR}/Patient/$export?_type=Observation`, {
      token: narrow,
      headers: ASYNC,
    });
    expect(forbidden.status).toBe(403);
    expect(await outcome(forbidden)).toMatch(/Observation/);
    const { manifest } = await exportNow({ ...env, token: narrow }, 'Patient/$export');
    expect(manifest.output.map((o) => o.type)).toEqual(['Patient', 'Condition']);
    const note = (await lines(
      await send(env.sandbox, manifest.error[0]!.url, { token: narrow }),
    )) as fhir4.OperationOutcome[];
    expect(note[0]?.issue[0]?.diagnostics).toMatch(/outside the token's scopes\): .*Observation/);
  });

  it('splits a type over several files when asked, and includes the referenced Practitioners', async () => {
    const env = await setup({ exportResourcesPerFile: 100 });
    const { manifest } = await exportNow(env, 'Group/attributed/$export?_type=Patient,Observation,Practitioner');
    const observations = manifest.output.filter((o) => o.type === 'Observation');
    expect(observations.length).toBeGreaterThan(1);
    expect(observations.slice(0, -1).every((o) => o.count === 100)).toBe(true);
    const practitioners = manifest.output.filter((o) => o.type === 'Practitioner');
    expect(practitioners.map((o) => o.count)).toEqual([3]);
  });

  describe('faults', () => {
    it('rateLimitKickoffs and rateLimitPolls answer 429 with Retry-After, then work', async () => {
      const env = await setup({ bulkFaults: { rateLimitKickoffs: 1, rateLimitPolls: 2, retryAfterSec: 3 } });
      const busy = await send(env.sandbox, `${FHIR}/Patient/$export`, { token: env.token, headers: ASYNC });
      expect(busy.status).toBe(429);
      expect(busy.headers.get('Retry-After')).toBe('3');
      const k = await send(env.sandbox, `${FHIR}/Patient/$export`, { token: env.token, headers: ASYNC });
      expect(k.status).toBe(202);
      const status = k.headers.get('Content-Location')!;
      env.c.t += 5000;
      expect((await send(env.sandbox, status, { token: env.token })).status).toBe(429);
      expect((await send(env.sandbox, status, { token: env.token })).status).toBe(429);
      expect((await send(env.sandbox, status, { token: env.token })).status).toBe(200);
    });

    it('fileErrors fails a file’s first download (500, transient); truncateFiles cuts one download to half its lines', async () => {
      const env = await setup({ bulkFaults: { fileErrors: 1, truncateFiles: 2 } });
      const { manifest } = await exportNow(env, 'Group/attributed/$export?_type=Patient,Condition');
      const [patients, conditions] = manifest.output;
      const failed = await send(env.sandbox, patients!.url, { token: env.token });
      expect(failed.status).toBe(500);
      expect(((await failed.json()) as fhir4.OperationOutcome).issue[0]?.code).toBe('transient');
      const short = await lines(await send(env.sandbox, patients!.url, { token: env.token }));
      expect(short.length).toBe(Math.floor(patients!.count / 2));
      expect((await lines(await send(env.sandbox, patients!.url, { token: env.token }))).length).toBe(patients!.count);
      expect((await lines(await send(env.sandbox, conditions!.url, { token: env.token }))).length).toBe(
        Math.floor(conditions!.count / 2),
      );
      expect((await lines(await send(env.sandbox, conditions!.url, { token: env.token }))).length).toBe(
        conditions!.count,
      );
    });

    it('failJobs makes the finished job answer 500 with a non-transient OperationOutcome', async () => {
      const env = await setup({ bulkFaults: { failJobs: true } });
      const k = await send(env.sandbox, `${FHIR}/Patient/$export`, { token: env.token, headers: ASYNC });
      env.c.t += 3000;
      const res = await send(env.sandbox, k.headers.get('Content-Location')!, { token: env.token });
      expect(res.status).toBe(500);
      expect(((await res.json()) as fhir4.OperationOutcome).issue[0]?.code).toBe('processing');
    });
  });
});
