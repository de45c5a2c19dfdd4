/**
 * The launched session the rest of the app works with: the fhirclient Client plus the launch
 * context read from the token response (patient, encounter, user, banner, style, granted scopes).
 * Spec: https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#launch-context-arrives-with-your-access_token
 */
import type Client from 'fhirclient/lib/Client';
import { LaunchError } from './launch-error.ts';
import { type GrantedScopes, parseGrantedScopes, type ScopeSyntax } from './scopes.ts';
import { withUnabortableRefresh } from './unabortable-refresh.ts';

/** Everything the app knows after a successful launch. */
export interface SmartSession {
  /** The one fhirclient Client of this tab (shared so parallel requests share one token refresh). */
  client: Client;
  patientId: string;
  encounterId?: string;
  /** `fhirUser` from the id_token (display/audit only: fhirclient decodes but does not verify it). */
  fhirUser?: string;
  granted: GrantedScopes;
  /** Show our own compact patient banner: true when the EHR asked or said nothing (safe default). */
  needPatientBanner: boolean;
  /** EHR styling hints (smart_style_url), when provided. */
  styleUrl?: string;
  fhirBase: string;
}

/**
 * A practitioner launch without patient context (the population view): same client and grants,
 * no patient, encounter or banner. Only offered when the grant includes `user/` reads of Patient.
 */
export interface PopulationSession extends Omit<SmartSession, 'patientId' | 'encounterId' | 'needPatientBanner'> {
  patientId?: undefined;
}

/** Either kind of launched session; `patientId` tells them apart. */
export type LaunchedSession = SmartSession | PopulationSession;

/** Which syntax the app requested (the client remembers its requested scope string). */
function requestedSyntax(requestedScope: string | undefined): ScopeSyntax {
  return /\/[A-Za-z*]+\.(read|write)\b/.test(requestedScope ?? '') ? 'v1' : 'v2';
}

/** Builds the session from a ready client; throws LaunchError('no-patient') without patient context. */
export function sessionFromClient(client: Client): SmartSession {
  const token = client.state.tokenResponse ?? {};
  const patientId = client.patient.id;
  if (!patientId) {
    throw new LaunchError('no-patient');
  }
  let fhirUser: string | undefined;
  try {
    fhirUser = client.getFhirUser() ?? undefined;
  } catch {
    fhirUser = undefined; // a malformed id_token only loses the user's name, never the launch
  }
  const encounterId = client.encounter.id ?? undefined;
  const styleUrl = typeof token.smart_style_url === 'string' ? token.smart_style_url : undefined;
  return {
    client: withUnabortableRefresh(client),
    patientId,
    ...(encounterId ? { encounterId } : {}),
    ...(fhirUser ? { fhirUser } : {}),
    granted: parseGrantedScopes(token.scope, requestedSyntax(client.state.scope)),
    needPatientBanner: token.need_patient_banner !== false,
    ...(styleUrl ? { styleUrl } : {}),
    fhirBase: client.state.serverUrl,
  };
}

/**
 * The session for a ready client: a patient session when the token has patient context, otherwise
 * a population session when `user/` scopes let the app read patients (practitioner launch); else
 * LaunchError('no-patient').
 */
export function launchedSessionFromClient(client: Client): LaunchedSession {
  if (client.patient.id) {
    return sessionFromClient(client);
  }
  const token = client.state.tokenResponse ?? {};
  const granted = parseGrantedScopes(token.scope, requestedSyntax(client.state.scope));
  const userPatientRead = granted.resourceScopes.some(
    (s) => s.context !== 'patient' && (s.type === 'Patient' || s.type === '*') && /[rs]/.test(s.permissions),
  );
  if (!userPatientRead) {
    throw new LaunchError('no-patient');
  }
  let fhirUser: string | undefined;
  try {
    fhirUser = client.getFhirUser() ?? undefined;
  } catch {
    fhirUser = undefined;
  }
  const styleUrl = typeof token.smart_style_url === 'string' ? token.smart_style_url : undefined;
  return {
    // Cancel aborts many in-flight requests at once: the shared token refresh must survive it.
    client: withUnabortableRefresh(client),
    ...(fhirUser ? { fhirUser } : {}),
    granted,
    ...(styleUrl ? { styleUrl } : {}),
    fhirBase: client.state.serverUrl,
  };
}
