/**
 * The authorize endpoint (SMART App Launch 2.x §"Obtain authorization code"): validates the
 * request, resolves the EHR launch handle (single use, expiring), shows the patient picker and the
 * consent page, and redirects back with a code or `error=access_denied`. Client and redirect URI
 * are checked first: a bad one gets an error page, never a redirect (no open redirector).
 *
 * Safe by default: the patient of an EHR launch is the chart's and cannot be picked or changed;
 * an EHR launch skips the consent page only for read scopes — write scopes and `offline_access`
 * are shown to the user unless the sandbox is configured to pre-approve them (`autoApprove`).
 */
import { redirectResponse } from '../http-responses.ts';
import { fhirBaseFor, type SandboxContext } from '../sandbox-context.ts';
import { authErrorPage, consentPage, patientPickerPage } from './auth-pages.ts';
import { findClient } from './clients.ts';
import { parseResourceScope, splitScopes } from './scopes.ts';
import { needsConsent } from './consent-policy.ts';
import { QUIRK_PROFILES, type PendingAuthorization, type QuirkProfile } from './token-store.ts';

function errorRedirect(redirectUri: string, error: string, description: string, state: string | null): Response {
  const u = new URL(redirectUri);
  u.searchParams.set('error', error);
  u.searchParams.set('error_description', description);
  if (state) {
    u.searchParams.set('state', state);
  }
  return redirectResponse(u.href);
}

/** GET /auth/authorize. */
export function authorizeRequest(ctx: SandboxContext, url: URL): Response {
  const q = url.searchParams;
  const client = findClient(q.get('client_id'));
  if (!client) {
    return authErrorPage(
      'Unknown application',
      `client_id '${q.get('client_id') ?? ''}' is not registered with this EHR.`,
    );
  }
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!client.allowsRedirect(redirectUri, ctx.ownOrigins)) {
    return authErrorPage(
      'Unregistered redirect URI',
      `The redirect_uri '${redirectUri}' is not registered for ${client.name}.`,
    );
  }
  const state = q.get('state');
  if (q.get('response_type') !== 'code') {
    return errorRedirect(redirectUri, 'unsupported_response_type', 'response_type must be code', state);
  }
  if (!state) {
    return errorRedirect(redirectUri, 'invalid_request', 'state is required', null);
  }
  if (!q.get('code_challenge') || q.get('code_challenge_method') !== 'S256') {
    return errorRedirect(redirectUri, 'invalid_request', 'PKCE with code_challenge_method=S256 is required', state);
  }
  const aud = q.get('aud') ?? '';
  const audProfile = QUIRK_PROFILES.find((p) => fhirBaseFor(ctx.origin, p) === aud.replace(/\/$/, ''));
  if (!audProfile) {
    return errorRedirect(
      redirectUri,
      'invalid_request',
      `aud must be this EHR's FHIR base URL (${ctx.fhirBase})`,
      state,
    );
  }

  const requestedScopes = splitScopes(q.get('scope'));
  let launch;
  const launchParam = q.get('launch');
  if (launchParam) {
    launch = ctx.tokens.consumeLaunch(launchParam);
    if (!launch) {
      return errorRedirect(
        redirectUri,
        'invalid_request',
        'Unknown, expired or already used launch context: relaunch the app from the EHR',
        state,
      );
    }
  } else if (requestedScopes.includes('launch')) {
    return errorRedirect(redirectUri, 'invalid_request', 'scope launch requested without a launch parameter', state);
  }
  const profile: QuirkProfile = launch?.profile ?? audProfile;
  if (profile === 'v1-only') {
    const v2 = requestedScopes.find((s) => parseResourceScope(s)?.version === 'v2');
    if (v2) {
      return errorRedirect(redirectUri, 'invalid_scope', `This EHR supports SMART v1 scopes only (got ${v2})`, state);
    }
  }
  const pending: Omit<PendingAuthorization, 'createdAt'> = {
    clientId: client.clientId,
    redirectUri,
    state,
    codeChallenge: q.get('code_challenge') ?? '',
    requestedScopes,
    aud,
    profile,
  };
  if (launch) {
    pending.launch = launch;
  }
  if (launch?.patient) {
    pending.patient = launch.patient;
  }
  const id = ctx.tokens.createPending(pending);
  return nextStep(ctx, id);
}

/** After each step: pick a patient if needed, then consent (unless the launch skips it). */
function nextStep(ctx: SandboxContext, id: string): Response {
  const p = ctx.tokens.pending.get(id);
  if (!p) {
    return authErrorPage('Authorization expired', 'This authorization request is no longer valid.');
  }
  const wantsPatient =
    p.requestedScopes.includes('launch/patient') || p.requestedScopes.some((s) => s.startsWith('patient/'));
  // an EHR launch carries its own context: the user never picks (or changes) its patient
  if (!p.patient && wantsPatient && !p.launch) {
    return patientPickerPage(id, ctx.directory, ctx.anchorDate);
  }
  if (p.launch?.skipConsent && !needsConsent(p.requestedScopes, ctx.autoApprove)) {
    return approve(ctx, id, p, p.requestedScopes);
  }
  const client = findClient(p.clientId);
  return consentPage(
    id,
    client?.name ?? p.clientId,
    p.requestedScopes,
    ctx.directory.find((d) => d.id === p.patient),
  );
}

/** POST /auth/pick (patient picker form). */
export async function pickPatient(ctx: SandboxContext, request: Request): Promise<Response> {
  const form = new URLSearchParams(await request.text());
  const id = form.get('request') ?? '';
  const p = ctx.tokens.pending.get(id);
  const patient = form.get('patient') ?? '';
  if (!p) {
    return authErrorPage(
      'Authorization expired',
      'This authorization request is no longer valid. Launch the app again.',
    );
  }
  if (p.launch || p.patient) {
    return authErrorPage(
      'Patient already set',
      'This authorization request already has its patient (from the EHR launch or an earlier choice); it cannot be changed here.',
      403,
    );
  }
  if (!ctx.store.read('Patient', patient)) {
    return patientPickerPage(id, ctx.directory, ctx.anchorDate);
  }
  p.patient = patient;
  return nextStep(ctx, id);
}

/** POST /auth/consent (Approve / Deny). */
export async function consent(ctx: SandboxContext, request: Request): Promise<Response> {
  const form = new URLSearchParams(await request.text());
  const id = form.get('request') ?? '';
  const p = ctx.tokens.pending.get(id);
  if (!p) {
    return authErrorPage(
      'Authorization expired',
      'This authorization request is no longer valid. Launch the app again.',
    );
  }
  if (form.get('action') !== 'approve') {
    ctx.tokens.pending.delete(id);
    return errorRedirect(p.redirectUri, 'access_denied', 'The user denied the authorization request', p.state);
  }
  const checked = new Set(form.getAll('scope'));
  return approve(
    ctx,
    id,
    p,
    p.requestedScopes.filter((s) => checked.has(s)),
  );
}

function approve(ctx: SandboxContext, id: string, p: PendingAuthorization, scopes: string[]): Response {
  ctx.tokens.pending.delete(id);
  const faults = p.launch?.faults ?? {};
  const withRefresh =
    (scopes.includes('online_access') || scopes.includes('offline_access')) && !faults.tokenLifetimeSec;
  const grantInput: Parameters<SandboxContext['makeGrant']>[0] = {
    clientId: p.clientId,
    scopes: faults.tokenLifetimeSec ? scopes.filter((s) => s !== 'online_access' && s !== 'offline_access') : scopes,
    profile: p.profile,
    faults,
    needPatientBanner: p.launch?.needPatientBanner ?? true,
    withRefresh,
  };
  if (p.patient) {
    grantInput.patient = p.patient;
  }
  if (p.launch?.encounter) {
    grantInput.encounter = p.launch.encounter;
  }
  if (p.launch?.user) {
    grantInput.user = p.launch.user;
  }
  const grant = ctx.makeGrant(grantInput);
  const code = ctx.tokens.createCode(grant, p.redirectUri, p.codeChallenge);
  const u = new URL(p.redirectUri);
  u.searchParams.set('code', code);
  u.searchParams.set('state', p.state);
  return redirectResponse(u.href);
}
