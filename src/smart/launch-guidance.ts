/**
 * The words of every LaunchError: a title saying what happened and a next step saying what to do.
 * The next step depends on how the tab's session was started ("from the chart" only after an EHR
 * launch; a standalone launch names its start page), see launch-memory.ts.
 */
import type { RememberedLaunch } from './launch-memory.ts';

/** What went wrong, from the user's point of view. */
export type LaunchErrorKind =
  | 'no-launch-params'
  | 'access-denied'
  | 'sign-in-failed'
  | 'unexpected-redirect'
  | 'token-expired'
  | 'invalid-token'
  | 'invalid-client'
  | 'session-ended'
  | 'network'
  | 'csp-blocked'
  | 'fhir-error'
  | 'storage-unavailable'
  | 'no-patient'
  | 'patient-mismatch'
  | 'configuration'
  | 'invalid-server'
  | 'insecure-server';

/** How to start again, for the way this tab was launched. */
export function relaunchStep(launch: RememberedLaunch | undefined): string {
  if (launch?.mode === 'ehr') {
    return 'Launch CareGap Panel again from the chart';
  }
  if (launch?.mode === 'standalone') {
    return `Start again from the standalone launch page${launch.restartUrl ? ` (${launch.restartUrl})` : ''}`;
  }
  return 'Open CareGap Panel again from the patient’s chart in your EHR, or from the standalone launch page';
}

/** Title and next step of a kind, for this tab's launch. */
export function guidanceFor(
  kind: LaunchErrorKind,
  launch: RememberedLaunch | undefined,
): { title: string; next: string } {
  const again = relaunchStep(launch);
  switch (kind) {
    case 'no-launch-params':
      return {
        title: 'CareGap Panel was opened without a launch from the EHR.',
        next: 'Open the patient’s chart in your EHR and start CareGap Panel from there, or use the standalone launch page.',
      };
    case 'access-denied':
      return {
        title: 'Access to the patient’s record was not authorized.',
        next: `${again} and approve access, or ask your EHR administrator to grant it.`,
      };
    case 'sign-in-failed':
      return {
        title: 'The EHR did not complete the sign-in.',
        next: `${again}. If this keeps happening, contact your EHR administrator with the message above.`,
      };
    case 'unexpected-redirect':
      return {
        title: 'This page was opened with a sign-in answer that does not belong to a launch started in this tab.',
        next: `Nothing was read or shown. ${again}.`,
      };
    case 'token-expired':
      return { title: 'Your session has expired.', next: `${again} to continue.` };
    case 'invalid-token':
      return {
        title: 'The EHR rejected the app’s access token.',
        next: `${again}. If this keeps happening, contact your EHR administrator with the message above.`,
      };
    case 'invalid-client':
      return {
        title: 'The EHR does not recognise CareGap Panel’s registration (invalid_client).',
        next: 'Ask your EHR administrator to check the client id registered for this EHR (launch/clients.json) against the EHR’s app registration.',
      };
    case 'session-ended':
      return {
        title: 'Your session with the EHR has ended: the EHR would not renew the app’s access.',
        next: `${again} to continue.`,
      };
    case 'network':
      return {
        title: 'The EHR could not be reached.',
        next: `Check your network connection, then reload the page. If that does not help: ${again.charAt(0).toLowerCase()}${again.slice(1)}.`,
      };
    case 'csp-blocked':
      return {
        title: 'CareGap Panel’s own security policy (Content-Security-Policy) blocked the connection to the EHR.',
        next: 'This is a configuration problem of the site that hosts CareGap Panel, not of your network: its Content-Security-Policy must list the EHR’s FHIR and authorization servers in connect-src (CAREGAP_CSP_CONNECT_SRC at build time, and the same origins in the Content-Security-Policy header). Tell the administrator who hosts CareGap Panel.',
      };
    case 'fhir-error':
      return {
        title: 'The EHR returned an error.',
        next: 'Try again in a moment. If it persists, contact your EHR administrator with the message above.',
      };
    case 'storage-unavailable':
      return {
        title: 'The browser blocked the storage the app needs for its session.',
        next: 'Allow site data for this EHR in your browser settings (session storage), then launch again.',
      };
    case 'no-patient':
      return {
        title: 'No patient was selected for this launch.',
        next: 'Open a patient’s chart and launch CareGap Panel from it, or pick a patient in the standalone launch.',
      };
    case 'patient-mismatch':
      return {
        title: 'The EHR sent data that belong to a different patient than the one this launch is for.',
        next: `No results are shown and nothing can be written to the record. ${again}; if this happens again, tell your EHR administrator — the EHR, or something between it and this app, answered with another person’s record.`,
      };
    case 'invalid-server':
      return {
        title: 'That FHIR server address cannot be used.',
        next: 'Check the address (it must be an https:// FHIR base URL) and try again.',
      };
    case 'insecure-server':
      return {
        title: 'This FHIR server does not offer a secure SMART sign-in.',
        next: 'CareGap Panel connects only to servers whose SMART configuration has an authorization endpoint, a token endpoint and PKCE (S256). Ask your EHR administrator.',
      };
    case 'configuration':
      return {
        title: 'CareGap Panel is not registered (or not correctly registered) for this EHR.',
        next: 'Ask your EHR administrator to add or fix this server’s entry in launch/clients.json.',
      };
  }
}
