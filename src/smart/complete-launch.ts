/**
 * Completes the SMART authorization on the app page (redirect_uri): exchanges the code via
 * fhirclient's `ready()` exactly once per page load — memoised outside React so StrictMode's
 * double effects cannot exchange a single-use code twice.
 */
import FHIR from 'fhirclient';
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

/** An OAuth error redirect (`?error=access_denied&error_description=…`) as a LaunchError. */
function authorizationErrorFromUrl(search: string): LaunchError | undefined {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (!error) return undefined;
  const description = params.get('error_description') ?? undefined;
  // Keep the error out of the address bar (and out of history) once read.
  window.history.replaceState({}, '', window.location.pathname);
  return new LaunchError(error === 'access_denied' ? 'access-denied' : 'invalid-token', description ?? error);
}

async function complete(): Promise<LaunchedSession> {
  assertSessionStorage();
  const authError = authorizationErrorFromUrl(window.location.search);
  if (authError) throw authError;
  try {
    return launchedSessionFromClient(await FHIR.oauth2.ready());
  } catch (error) {
    throw toLaunchError(error);
  }
}

/** The launched session (same promise on every call); rejects with a LaunchError. */
export function completeLaunch(): Promise<LaunchedSession> {
  pending ??= complete();
  return pending;
}
