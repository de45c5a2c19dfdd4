/**
 * Completes the SMART authorization on the app page (redirect_uri): exchanges the code via
 * fhirclient's `ready()` exactly once per page load — memoised outside React so StrictMode's
 * double effects cannot exchange a single-use code twice. A session without an access token (an
 * "open" server, which fhirclient would accept) is refused: the patient would be whoever the URL
 * or the server said, with nobody having authorized anything.
 */
import FHIR from 'fhirclient';
import type Client from 'fhirclient/lib/Client';
import { settleViolationReports, watchCspViolations } from './csp-violations.ts';
import { LaunchError, toLaunchError } from './launch-error.ts';
import { type LaunchedSession, launchedSessionFromClient } from './session.ts';

let pending: Promise<LaunchedSession> | undefined;

/** Tokens live in sessionStorage (per tab) through fhirclient; without it there is no session. */
function assertSessionStorage(): void {
  try {
    const probe = '__caregap_probe__';
    window.sessionStorage.setItem(probe, '1');
    window.sessionStorage.removeItem(probe);
  } catch (error) {
    throw new LaunchError('storage-unavailable', undefined, { cause: error });
  }
}

/**
 * Whether `state` names an authorization this tab started and has not completed: fhirclient
 * keeps each started authorization in the tab's sessionStorage under its random state key.
 */
export function isPendingLaunchOfThisTab(state: string | null, storage: Pick<Storage, 'getItem'>): boolean {
  if (!state) {
    return false;
  }
  try {
    const saved = JSON.parse(storage.getItem(state) ?? 'null') as {
      key?: unknown;
      tokenResponse?: { access_token?: unknown };
    } | null;
    return !!saved && saved.key === state && !saved.tokenResponse?.access_token;
  } catch {
    return false;
  }
}

/**
 * An OAuth error redirect (`?error=access_denied&error_description=…`) as a LaunchError. The
 * description is the authorization server's text only when the redirect answers a launch this tab
 * started (matching `state`); anyone can craft such a link, so otherwise nothing from the URL is shown.
 */
export function authorizationErrorFromUrl(search: string, storage: Pick<Storage, 'getItem'>): LaunchError | undefined {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error === null && !params.has('error_description')) {
    return undefined;
  }
  if (!isPendingLaunchOfThisTab(params.get('state'), storage)) {
    return new LaunchError('unexpected-redirect');
  }
  const description = params.get('error_description')?.slice(0, 300) || error || undefined;
  // RFC 6749 §4.1.2.1 error codes: a refusal by the user, the client's registration, or anything else
  const kind =
    error === 'access_denied'
      ? 'access-denied'
      : error === 'invalid_client' || error === 'unauthorized_client'
        ? 'invalid-client'
        : 'sign-in-failed';
  return new LaunchError(
    kind,
    description && error && !description.includes(error) ? `${error}: ${description}` : description,
  );
}

/** The ready client, refused when no access token was obtained through an authorization endpoint. */
function requireAuthorizedClient(client: Client): Client {
  const state = client.state as { authorizeUri?: string; tokenResponse?: { access_token?: unknown } };
  if (
    !state.authorizeUri ||
    typeof state.tokenResponse?.access_token !== 'string' ||
    !state.tokenResponse.access_token
  ) {
    throw new LaunchError('insecure-server', 'The server let the app in without an authorization (no access token).');
  }
  return client;
}

async function complete(): Promise<LaunchedSession> {
  assertSessionStorage();
  const authError = authorizationErrorFromUrl(window.location.search, window.sessionStorage);
  if (authError) {
    // Keep the error out of the address bar (and out of history) once read.
    window.history.replaceState({}, '', window.location.pathname);
    throw authError;
  }
  try {
    return launchedSessionFromClient(requireAuthorizedClient(await FHIR.oauth2.ready()));
  } catch (error) {
    await settleViolationReports();
    throw toLaunchError(error, { during: 'sign-in' });
  }
}

/** The launched session (same promise on every call); rejects with a LaunchError. */
export function completeLaunch(): Promise<LaunchedSession> {
  watchCspViolations();
  pending ??= complete();
  return pending;
}
