/**
 * Starts a SMART authorization (EHR launch with `launch`, or standalone with `launch/patient`):
 * picks the client registration for `iss`, requires a discovery document that offers real
 * authorization (authorization and token endpoints, PKCE S256), negotiates v2/v1 scopes, then
 * hands over to fhirclient and checks the authorization URL it built before going there
 * (app-launch.html#obtain-authorization-code).
 *
 * Only `iss` and `launch` come from the launch URL. fhirclient would also honour `clientId`,
 * `patientId` and `fhirServiceUrl` there (client-js smart.ts: "a url param takes precedence over
 * inline option"), letting a crafted link swap the client or the patient, or skip OAuth; so the
 * launch URL's query is removed before fhirclient reads it.
 */
import FHIR from 'fhirclient';
import { type ClientRegistration, type ClientRegistry, findClientRegistration } from './client-registry.ts';
import { normaliseIssuer } from './issuer-pattern.ts';
import { settleViolationReports } from './csp-violations.ts';
import { LaunchError, toLaunchError } from './launch-error.ts';
import { rememberLaunch } from './launch-memory.ts';
import { type LaunchMode, type LaunchView, requestedScopes, scopeSyntaxFor } from './scopes.ts';
import { fetchSmartConfiguration, type SmartConfiguration } from './smart-configuration.ts';

/** What a launch page knows when it starts the flow. */
export interface StartLaunchParams {
  iss: string | null | undefined;
  /** The EHR's opaque launch handle (EHR launch only). */
  launch?: string | null;
  mode: LaunchMode;
  /** Patient panel (default) or the practitioner's population view (user scopes, no patient). */
  view?: LaunchView;
  registry: ClientRegistry;
  /** The app page (redirect_uri) when the registration does not override it. */
  defaultRedirectUri: string;
}

/** The authorize() options the launch produces (exported for tests and diagnostics). */
export interface LaunchPlan {
  clientId: string;
  scope: string;
  /** The issuer as parsed (normalised host, port and path): what was matched is what is used. */
  iss: string;
  launch?: string;
  redirectUri: string;
  /** The discovered authorization endpoint; the only place the browser is sent. */
  authorizationEndpoint: string;
}

/** Whether a URL may carry the app's authorization traffic: https, or http on this machine. */
function isSecureOrLocal(url: URL): boolean {
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1'))
  );
}

/** The registration's scope override for this launch, checked to carry the launch context it needs. */
function registeredScopes(registration: ClientRegistration, mode: LaunchMode, view: LaunchView): string | undefined {
  const s = registration.scopes;
  const scope =
    typeof s === 'string' ? (view === 'patient' ? s : undefined) : view === 'population' ? s?.population : s?.[mode];
  if (scope === undefined) {
    return undefined;
  }
  const tokens = scope.split(/\s+/);
  // app-launch "Launch context": an EHR launch exchanges `launch`; a standalone patient launch asks for launch/patient
  const needed = mode === 'ehr' ? 'launch' : view === 'patient' ? 'launch/patient' : undefined;
  if (needed && !tokens.includes(needed)) {
    throw new LaunchError(
      'configuration',
      `launch/clients.json: the scopes registered for ${registration.iss} (${mode === 'ehr' ? 'EHR' : 'standalone'} launch) lack ${needed}.`,
    );
  }
  return scope;
}

/** The discovery document, required to offer OAuth with PKCE S256 on acceptable endpoints. */
function requireSecureDiscovery(
  config: SmartConfiguration | undefined,
  origin: string,
): { authorizationEndpoint: string } {
  const where = `${origin}/…/.well-known/smart-configuration`;
  if (!config) {
    throw new LaunchError('insecure-server', `${where} could not be read.`);
  }
  const endpoint = (name: 'authorization_endpoint' | 'token_endpoint'): URL => {
    const value = config[name];
    let url: URL | undefined;
    try {
      url = typeof value === 'string' ? new URL(value) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || !isSecureOrLocal(url) || url.username || url.password) {
      throw new LaunchError('insecure-server', `${where} has no usable ${name}.`);
    }
    return url;
  };
  const authorization = endpoint('authorization_endpoint');
  endpoint('token_endpoint');
  if (!config.code_challenge_methods_supported?.includes('S256')) {
    throw new LaunchError(
      'insecure-server',
      `${where} does not offer PKCE with S256 (code_challenge_methods_supported).`,
    );
  }
  return { authorizationEndpoint: authorization.href };
}

/** Resolves registration and scopes for a launch; throws LaunchError for a launch that cannot start. */
export async function planLaunch(params: StartLaunchParams, fetchImpl: typeof fetch = fetch): Promise<LaunchPlan> {
  const raw = params.iss?.trim();
  if (!raw) {
    throw new LaunchError('no-launch-params', 'The launch did not say which FHIR server to use (iss).');
  }
  if (params.mode === 'ehr' && !params.launch) {
    throw new LaunchError('no-launch-params', 'The EHR did not send a launch context (launch).');
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new LaunchError('invalid-server', `“${raw}” is not a valid URL.`);
  }
  if (!isSecureOrLocal(parsed)) {
    throw new LaunchError('invalid-server', 'FHIR servers must use https (plain http is allowed only on localhost).');
  }
  const iss = normaliseIssuer(raw);
  if (!iss) {
    throw new LaunchError('invalid-server', 'A FHIR base URL has no user name, password, query or fragment.');
  }
  const registration = findClientRegistration(params.registry, iss.href);
  if (!registration) {
    throw new LaunchError('configuration', `No client registration matches ${iss.origin}.`);
  }
  const view = params.view ?? 'patient';
  const scope = registeredScopes(registration, params.mode, view);
  let config: SmartConfiguration | undefined;
  try {
    config = await fetchSmartConfiguration(iss.href, fetchImpl);
  } catch (error) {
    await settleViolationReports();
    const failure = toLaunchError(error);
    // the app's own CSP (connect-src) refusing the EHR looks like a dead network: say which it was
    throw failure.kind === 'network'
      ? new LaunchError('network', `Could not reach ${iss.origin}.`, { cause: error })
      : failure;
  }
  const { authorizationEndpoint } = requireSecureDiscovery(config, iss.origin);
  return {
    clientId: registration.clientId,
    scope: scope ?? requestedScopes(params.mode, scopeSyntaxFor(config?.capabilities), view),
    iss: iss.href,
    ...(params.launch ? { launch: params.launch } : {}),
    redirectUri: registration.redirectUri ?? params.defaultRedirectUri,
    authorizationEndpoint,
  };
}

/**
 * Whether the URL fhirclient built goes to the planned authorization endpoint with the planned
 * client, audience and PKCE S256 (and not, say, straight back to the app as for an open server).
 */
export function isPlannedAuthorizationUrl(url: string, plan: LaunchPlan): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const endpoint = new URL(plan.authorizationEndpoint);
  const q = u.searchParams;
  return (
    u.origin === endpoint.origin &&
    u.pathname === endpoint.pathname &&
    q.get('client_id') === plan.clientId &&
    q.get('aud') === plan.iss &&
    q.get('response_type') === 'code' &&
    q.get('code_challenge_method') === 'S256' &&
    !!q.get('code_challenge') &&
    !!q.get('state')
  );
}

/** Plans the launch and redirects to the authorization server (never resolves on success). */
export async function startLaunch(params: StartLaunchParams): Promise<void> {
  // first, so every error of this launch says how to start again for this mode
  rememberLaunch({
    mode: params.mode,
    view: params.view ?? 'patient',
    ...(params.mode === 'standalone'
      ? {
          restartUrl: `${window.location.origin}${window.location.pathname}${params.view === 'population' ? '?view=population' : ''}`,
        }
      : {}),
  });
  const plan = await planLaunch(params);
  // fhirclient prefers launch-URL parameters over our options: leave it nothing to read there.
  window.history.replaceState(null, '', window.location.pathname);
  let url: string | void;
  try {
    url = await FHIR.oauth2.authorize({
      clientId: plan.clientId,
      scope: plan.scope,
      iss: plan.iss,
      ...(plan.launch ? { launch: plan.launch } : {}),
      redirectUri: plan.redirectUri,
      // PKCE is mandatory in SMART 2.x: refuse servers that do not advertise S256.
      pkceMode: 'required',
      // Inside an EHR iframe, finish the flow in the frame itself (client-js #75/#89).
      completeInTarget: true,
      noRedirect: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw /PKCE|S256/.test(message) ? new LaunchError('insecure-server', message.split('\n')[0]) : toLaunchError(error);
  }
  if (typeof url !== 'string' || !isPlannedAuthorizationUrl(url, plan)) {
    throw new LaunchError(
      'insecure-server',
      'The server’s SMART configuration changed during the launch; nothing was sent to it.',
    );
  }
  window.location.assign(url);
}
