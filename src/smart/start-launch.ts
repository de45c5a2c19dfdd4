/**
 * Starts a SMART authorization (EHR launch with `launch`, or standalone with `launch/patient`):
 * picks the client registration for `iss`, negotiates v2/v1 scopes from discovery, then hands
 * over to fhirclient, which redirects only to the authorization endpoint discovered from `iss`,
 * with PKCE S256 and a random `state` (app-launch.html#obtain-authorization-code).
 */
import FHIR from 'fhirclient';
import { type ClientRegistry, findClientRegistration } from './client-registry.ts';
import { LaunchError } from './launch-error.ts';
import { type LaunchMode, type LaunchView, requestedScopes, scopeSyntaxFor } from './scopes.ts';
import { fetchSmartConfiguration } from './smart-configuration.ts';

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
  iss: string;
  launch?: string;
  redirectUri: string;
}

/** Resolves registration and scopes for a launch; throws LaunchError for a launch that cannot start. */
export async function planLaunch(params: StartLaunchParams, fetchImpl: typeof fetch = fetch): Promise<LaunchPlan> {
  const iss = params.iss?.trim();
  if (!iss) throw new LaunchError('no-launch-params', 'The launch did not say which FHIR server to use (iss).');
  if (params.mode === 'ehr' && !params.launch) {
    throw new LaunchError('no-launch-params', 'The EHR did not send a launch context (launch).');
  }
  let parsed: URL;
  try {
    parsed = new URL(iss);
  } catch {
    throw new LaunchError('invalid-server', `“${iss}” is not a valid URL.`);
  }
  if (parsed.protocol !== 'https:' && parsed.hostname !== 'localhost' && parsed.hostname !== '127.0.0.1') {
    throw new LaunchError('invalid-server', 'FHIR servers must use https (plain http is allowed only on localhost).');
  }
  const registration = findClientRegistration(params.registry, iss);
  if (!registration) throw new LaunchError('configuration', `No client registration matches ${parsed.origin}.`);
  let config;
  try {
    config = await fetchSmartConfiguration(iss, fetchImpl);
  } catch (error) {
    throw new LaunchError('network', `Could not reach ${parsed.origin}.`, { cause: error });
  }
  const syntax = scopeSyntaxFor(config?.capabilities);
  return {
    clientId: registration.clientId,
    scope: registration.scopes ?? requestedScopes(params.mode, syntax, params.view ?? 'patient'),
    iss,
    ...(params.launch ? { launch: params.launch } : {}),
    redirectUri: registration.redirectUri ?? params.defaultRedirectUri,
  };
}

/** Plans the launch and redirects to the authorization server (never resolves on success). */
export async function startLaunch(params: StartLaunchParams): Promise<void> {
  const plan = await planLaunch(params);
  try {
    await FHIR.oauth2.authorize({
      ...plan,
      // PKCE is mandatory in SMART 2.x: refuse servers that do not advertise S256.
      pkceMode: 'required',
      // Inside an EHR iframe, finish the flow in the frame itself (client-js #75/#89).
      completeInTarget: true,
    });
  } catch (error) {
    throw error instanceof LaunchError ? error : new LaunchError('configuration', (error as Error)?.message?.split('\n')[0]);
  }
}
