/**
 * Shared fixture for the sandbox EHR unit tests: a small sandbox at a fixed anchor date, and
 * helpers that speak to `sandbox.handle` with web-standard Requests (no network).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../launch/sandbox/sandbox.ts';

/** Origin of the in-process sandbox. */
export const ORIGIN = 'http://sandbox.test';
/** The app page registered as redirect URI. */
export const REDIRECT_URI = `${ORIGIN}/index.html`;
/** "Today" of the data. */
export const ANCHOR = '2026-03-02';

/** A small sandbox (named patients + 12 panel patients) at the fixed anchor. */
export function smallSandbox(extra: Partial<SandboxOptions> = {}): Sandbox {
  return createSandbox({ origin: ORIGIN, seed: 42, patientCount: 12, anchorDate: ANCHOR, ...extra });
}

/** GET a sandbox URL (path relative to the origin) with an optional bearer token. */
export function get(
  sandbox: Sandbox,
  path: string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return sandbox.handle(
    new Request(new URL(path, ORIGIN), {
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    }),
  );
}

/** POST a form to the sandbox. */
export function postForm(
  sandbox: Sandbox,
  path: string,
  form: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    for (const value of Array.isArray(v) ? v : [v]) {
      body.append(k, value);
    }
  }
  return sandbox.handle(
    new Request(new URL(path, ORIGIN), {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    }),
  );
}

/** A PKCE verifier/challenge pair (S256). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Query string of a standard authorize request. */
export function authorizeUrl(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  const defaults: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: 'caregap-panel',
    redirect_uri: REDIRECT_URI,
    state: 'state-123',
    aud: `${ORIGIN}/fhir`,
    code_challenge_method: 'S256',
    scope: 'launch/patient openid fhirUser patient/Patient.rs patient/Observation.rs online_access',
  };
  for (const [k, v] of Object.entries(defaults)) {
    if (v !== undefined && !(k in params)) {
      q.set(k, v);
    }
  }
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) {
      q.set(k, v);
    }
  }
  return `/auth/authorize?${q}`;
}

/** The hidden `request` id in an auth page's form. */
export function requestIdOf(html: string): string {
  const m = /name="request" value="([^"]+)"/.exec(html);
  if (!m?.[1]) {
    throw new Error('no request id in page');
  }
  return m[1];
}

/** Follows a full standalone flow (picker → consent approve) and returns the redirect Location. */
export async function approveStandalone(
  sandbox: Sandbox,
  patient: string,
  challenge: string,
  scope?: string,
): Promise<URL> {
  const first = await get(
    sandbox,
    authorizeUrl(scope ? { code_challenge: challenge, scope } : { code_challenge: challenge }),
  );
  const picked = await postForm(sandbox, '/auth/pick', { request: requestIdOf(await first.text()), patient });
  const html = await picked.text();
  const scopes = [...html.matchAll(/name="scope" value="([^"]+)"/g)].map((m) => m[1]!);
  const approved = await postForm(sandbox, '/auth/consent', {
    request: requestIdOf(html),
    action: 'approve',
    scope: scopes,
  });
  return new URL(approved.headers.get('Location') ?? '');
}

/** Exchanges a code at the token endpoint. */
export function exchangeCode(sandbox: Sandbox, code: string, verifier: string): Promise<Response> {
  return postForm(sandbox, '/auth/token', {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
    client_id: 'caregap-panel',
  });
}

/** Every resource of a paged search, following `next` links. */
export async function allPages(
  sandbox: Sandbox,
  path: string,
  token: string,
): Promise<{ bundles: fhir4.Bundle[]; resources: fhir4.Resource[] }> {
  const bundles: fhir4.Bundle[] = [];
  let url: string | undefined = path;
  while (url) {
    const res = await get(sandbox, url, token);
    if (res.status !== 200) {
      throw new Error(`page ${url} → ${res.status}`);
    }
    const bundle = (await res.json()) as fhir4.Bundle;
    bundles.push(bundle);
    url = bundle.link?.find((l) => l.relation === 'next')?.url;
  }
  const resources = bundles.flatMap((b) =>
    (b.entry ?? []).filter((e) => e.search?.mode !== 'outcome').map((e) => e.resource as fhir4.Resource),
  );
  return { bundles, resources };
}
