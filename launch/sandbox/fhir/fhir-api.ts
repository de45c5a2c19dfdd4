/**
 * The FHIR R4 REST API at `/fhir` (and the profile bases `/fhir/epic-like`, `/fhir/v1-only`):
 * discovery, CapabilityStatement, read, search (GET and POST _search), paging and create, behind
 * bearer tokens and SMART scopes (401/403 with OperationOutcome), with per-token quirks and
 * injected faults.
 */
import { permits, type Interaction } from '../auth/scopes.ts';
import { smartConfiguration } from '../auth/smart-configuration.ts';
import type { AccessToken, Grant, QuirkProfile } from '../auth/token-store.ts';
import { handleBulk } from '../bulk/bulk-routes.ts';
import { bulkState } from '../bulk/bulk-state.ts';
import { jsonResponse, outcomeResponse } from '../http-responses.ts';
import { corsHeaders, fhirBaseFor, PUBLIC_CORS, type SandboxContext } from '../sandbox-context.ts';
import { capabilityStatement } from './capability-statement.ts';
import { createResource } from './create-resource.ts';
import { patientOf, PATIENT_COMPARTMENT } from './resource-store.ts';
import { normaliseReference, searchResources, SearchParamError } from './search.ts';
import { pageSize, searchsetPage, type SnapshotCache } from './search-bundle.ts';

const TYPE = /^[A-Z][A-Za-z]+$/;
const PROFILE_SEGMENTS: readonly QuirkProfile[] = ['epic-like', 'v1-only'];

/** Routes one `/fhir/**` request. */
export async function handleFhir(
  ctx: SandboxContext,
  snapshots: SnapshotCache,
  request: Request,
  url: URL,
): Promise<Response> {
  const segments = url.pathname.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  const baseProfile = PROFILE_SEGMENTS.find((p) => p === segments[0]) ?? 'generic';
  const rest = baseProfile === 'generic' ? segments : segments.slice(1);
  const base = fhirBaseFor(ctx.origin, baseProfile);
  const cors = corsHeaders(ctx, request);
  const isPublic = (rest[0] === '.well-known' && rest[1] === 'smart-configuration') || rest[0] === 'metadata';
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204, headers: isPublic ? PUBLIC_CORS : cors });
  }
  if (rest[0] === '.well-known' && rest[1] === 'smart-configuration') {
    return jsonResponse(
      smartConfiguration(ctx.origin, baseProfile),
      200,
      { ...PUBLIC_CORS, 'Cache-Control': 'no-cache' },
      'application/json',
    );
  }
  if (rest[0] === 'metadata') {
    return jsonResponse(
      capabilityStatement(ctx.origin, base, ctx.anchorDate, bulkState(ctx).enabled),
      200,
      PUBLIC_CORS,
    );
  }

  const headers = { ...cors, 'Cache-Control': 'no-store' };
  const auth = authenticate(ctx, request);
  if (!auth.ok) {
    return outcomeResponse(401, auth.code, auth.message, { ...headers, 'WWW-Authenticate': auth.challenge });
  }
  const grant = auth.token.grant;
  if (grant.faults.latencyMs) {
    await ctx.sleep(grant.faults.latencyMs);
  }
  const bulk = await handleBulk(ctx, request, url, rest, base, grant, headers);
  if (bulk) {
    return bulk;
  }

  try {
    if (rest.length === 0 && request.method === 'GET' && url.searchParams.has('_getpages')) {
      return await pageRequest(ctx, snapshots, grant, url, headers);
    }
    const [type, second] = rest;
    if (!type || !TYPE.test(type)) {
      return outcomeResponse(404, 'not-found', `Unknown endpoint ${url.pathname}`, headers);
    }
    const isSearch =
      (request.method === 'GET' && rest.length === 1) ||
      (request.method === 'POST' && second === '_search' && rest.length === 2);
    const fault = injectFault(grant, request, url, type, isSearch ? 0 : undefined, headers);
    if (fault) {
      return fault;
    }
    if (isSearch) {
      const params = new URLSearchParams(url.search);
      if (request.method === 'POST') {
        for (const [k, v] of new URLSearchParams(await request.text())) {
          params.append(k, v);
        }
      }
      return search(ctx, snapshots, grant, type, params, base, headers);
    }
    if (request.method === 'GET' && rest.length === 2 && second) {
      return read(ctx, grant, type, second, headers);
    }
    if (request.method === 'POST' && rest.length === 1) {
      const access = authorize(grant, type, 'c', headers);
      if (!access.ok) {
        return access.response;
      }
      return await createResource(ctx, request, type, base, access.patient, headers);
    }
    return outcomeResponse(
      405,
      'not-supported',
      `${request.method} ${url.pathname} is not supported by the sandbox`,
      headers,
    );
  } catch (error) {
    if (error instanceof SearchParamError) {
      return outcomeResponse(400, 'value', error.message, headers, error.param);
    }
    throw error;
  }
}

type AuthResult = { ok: true; token: AccessToken } | { ok: false; code: string; message: string; challenge: string };

function authenticate(ctx: SandboxContext, request: Request): AuthResult {
  const header = request.headers.get('Authorization') ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m?.[1]) {
    return {
      ok: false,
      code: 'login',
      message: 'Authorization required: send a Bearer access token',
      challenge: 'Bearer realm="caregap-sandbox"',
    };
  }
  const checked = ctx.tokens.check(m[1].trim());
  if (checked.ok) {
    return { ok: true, token: checked.token };
  }
  if (checked.reason === 'expired') {
    return {
      ok: false,
      code: 'expired',
      message: 'token expired: relaunch the app or use the refresh token',
      challenge: 'Bearer realm="caregap-sandbox", error="invalid_token", error_description="token expired"',
    };
  }
  return {
    ok: false,
    code: 'login',
    message: 'invalid access token',
    challenge: 'Bearer realm="caregap-sandbox", error="invalid_token", error_description="invalid access token"',
  };
}

function injectFault(
  grant: Grant,
  request: Request,
  url: URL,
  type: string,
  page: number | undefined,
  headers: Record<string, string>,
): Response | undefined {
  const f = grant.faults;
  if (page !== undefined && f.failType === type && page >= (f.failFromPage ?? 0)) {
    return outcomeResponse(
      500,
      'exception',
      `Injected fault: ${type} searches fail on this launch (failType)`,
      headers,
    );
  }
  const decision = grant.injector.decide(`${request.method} ${url.pathname}${url.search}`);
  if (decision.kind === 'error') {
    return outcomeResponse(
      500,
      'transient',
      'Injected fault: internal server error (errorRate); retry the request',
      headers,
    );
  }
  if (decision.kind === 'rate-limit') {
    return outcomeResponse(
      429,
      'throttled',
      'Injected fault: too many requests (rateLimitRate); retry after 1 second',
      { ...headers, 'Retry-After': '1' },
    );
  }
  return undefined;
}

/** Scope check: ok (with the patient the token is limited to, if any) or a 403. */
function authorize(
  grant: Grant,
  type: string,
  interaction: Interaction,
  headers: Record<string, string>,
): { ok: true; patient?: string } | { ok: false; response: Response } {
  const verb = interaction === 'c' ? 'create' : interaction === 'r' ? 'read' : 'search';
  const context = grant.deniedTypes.has(type) ? undefined : permits(grant.scopes, type, interaction);
  if (!context) {
    const needed =
      interaction === 'c'
        ? `patient/${type}.c (v1: patient/${type}.write)`
        : `patient/${type}.${interaction === 'r' ? 'r' : 's'} (v1: patient/${type}.read)`;
    return {
      ok: false,
      response: outcomeResponse(
        403,
        'forbidden',
        `Insufficient scope to ${verb} ${type}: the token needs ${needed}`,
        headers,
      ),
    };
  }
  if (context === 'patient') {
    if (!grant.patient) {
      return {
        ok: false,
        response: outcomeResponse(
          403,
          'forbidden',
          'patient/ scopes need a patient in context (launch/patient)',
          headers,
        ),
      };
    }
    return { ok: true, patient: grant.patient };
  }
  return { ok: true };
}

function read(ctx: SandboxContext, grant: Grant, type: string, id: string, headers: Record<string, string>): Response {
  const resource = ctx.store.read(type, id);
  const isOwnUser = type === 'Practitioner' && id === grant.user && grant.scopes.includes('fhirUser');
  if (!isOwnUser) {
    const access = authorize(grant, type, 'r', headers);
    if (!access.ok) {
      return access.response;
    }
    if (
      resource &&
      access.patient !== undefined &&
      PATIENT_COMPARTMENT[type] &&
      patientOf(resource) !== access.patient
    ) {
      return outcomeResponse(403, 'forbidden', `This token may only read data of Patient/${access.patient}`, headers);
    }
  }
  if (!resource) {
    return outcomeResponse(404, 'not-found', `${type}/${id} not found`, headers);
  }
  return jsonResponse(resource, 200, { ...headers, ETag: `W/"${resource.meta?.versionId ?? '1'}"` });
}

function search(
  ctx: SandboxContext,
  snapshots: SnapshotCache,
  grant: Grant,
  type: string,
  params: URLSearchParams,
  base: string,
  headers: Record<string, string>,
): Response {
  const access = authorize(grant, type, 's', headers);
  if (!access.ok) {
    return access.response;
  }
  if (grant.profile === 'epic-like') {
    if ([...params.keys()].some((k) => k.startsWith('_include') || k.startsWith('_revinclude'))) {
      return outcomeResponse(400, 'not-supported', '_include and _revinclude are not supported', headers, '_include');
    }
    if (type === 'Observation' && !params.get('category')) {
      return outcomeResponse(400, 'required', 'category is required for Observation searches', headers, 'category');
    }
  }
  const asked = [...params.getAll('patient'), ...params.getAll('subject')].flatMap((v) => v.split(','));
  let patient: string | undefined;
  if (access.patient !== undefined && PATIENT_COMPARTMENT[type]) {
    if (asked.some((v) => normaliseReference(v, 'Patient') !== `Patient/${access.patient}`)) {
      return outcomeResponse(403, 'forbidden', `This token may only search data of Patient/${access.patient}`, headers);
    }
    patient = access.patient;
  } else if (asked.length === 1 && PATIENT_COMPARTMENT[type]) {
    patient = normaliseReference(asked[0]!, 'Patient').slice('Patient/'.length);
  }
  const resources = searchResources(ctx.store, type, params, patient);
  const snapshot = { type, resources, patient: access.patient, profile: grant.profile, base, createdAt: ctx.now() };
  const snapshotId = snapshots.add(snapshot);
  const selfUrl = `${base}/${type}${params.toString() ? `?${params.toString()}` : ''}`;
  const bundle = searchsetPage({
    snapshot,
    snapshotId,
    offset: 0,
    count: pageSize(params.get('_count')),
    selfUrl,
    lastUpdated: new Date(ctx.now()).toISOString(),
  });
  return jsonResponse(bundle, 200, headers);
}

async function pageRequest(
  ctx: SandboxContext,
  snapshots: SnapshotCache,
  grant: Grant,
  url: URL,
  headers: Record<string, string>,
): Promise<Response> {
  const snapshot = snapshots.get(url.searchParams.get('_getpages') ?? '');
  if (!snapshot) {
    return outcomeResponse(410, 'not-found', 'This search page has expired; run the search again', headers);
  }
  const access = authorize(grant, snapshot.type, 's', headers);
  if (!access.ok) {
    return access.response;
  }
  if (snapshot.patient !== access.patient) {
    return outcomeResponse(403, 'forbidden', 'This page belongs to a search made with another token', headers);
  }
  const count = pageSize(url.searchParams.get('_count'));
  const offset = Math.max(0, Math.floor(Number(url.searchParams.get('_offset') ?? 0)) || 0);
  const fault = injectFault(
    grant,
    new Request(url, { method: 'GET' }),
    url,
    snapshot.type,
    count > 0 ? Math.floor(offset / count) : 0,
    headers,
  );
  if (fault) {
    return fault;
  }
  const selfUrl = `${snapshot.base}${url.search}`;
  return jsonResponse(
    searchsetPage({
      snapshot,
      snapshotId: url.searchParams.get('_getpages') ?? '',
      offset,
      count,
      selfUrl,
      lastUpdated: new Date(ctx.now()).toISOString(),
    }),
    200,
    headers,
  );
}
