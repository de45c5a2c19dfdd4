/**
 * Discovery documents: `.well-known/smart-configuration` (SMART App Launch 2.x §Conformance),
 * the OpenID configuration and JWKS for id_token verification, and the `smart_style_url` JSON.
 * The `v1-only` profile omits `permission-v2`, which tells clients to fall back to v1 scopes.
 */
import type { QuirkProfile } from './token-store.ts';

/** Capabilities every profile advertises. */
const BASE_CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-ehr-encounter',
  'context-standalone-patient',
  'context-banner',
  'context-style',
  'sso-openid-connect',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-online',
  'permission-offline',
  // SMART Backend Services (client_credentials + private_key_jwt, client-confidential-asymmetric)
  'client-confidential-asymmetric',
];

/** The resource types the sandbox serves (used for scopes_supported and the CapabilityStatement). */
export const SERVED_TYPES = [
  'Patient',
  'Condition',
  'Encounter',
  'Observation',
  'Procedure',
  'ServiceRequest',
  'MedicationRequest',
  'QuestionnaireResponse',
  'DeviceRequest',
  'Practitioner',
  'Organization',
  'Group',
  'Task',
  'Communication',
  'DetectedIssue',
  'MeasureReport',
  'Flag',
];

/** `.well-known/smart-configuration` for one profile. */
export function smartConfiguration(origin: string, profile: QuirkProfile): Record<string, unknown> {
  const v2 = profile !== 'v1-only';
  return {
    issuer: origin,
    jwks_uri: `${origin}/auth/jwks.json`,
    authorization_endpoint: `${origin}/auth/authorize`,
    token_endpoint: `${origin}/auth/token`,
    token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [
      'openid',
      'fhirUser',
      'launch',
      'launch/patient',
      'launch/encounter',
      'online_access',
      'offline_access',
      ...SERVED_TYPES.flatMap((t) =>
        v2 ? [`patient/${t}.rs`, `user/${t}.rs`, `patient/${t}.read`] : [`patient/${t}.read`, `user/${t}.read`],
      ),
      ...(v2
        ? ['system/*.rs', ...SERVED_TYPES.map((t) => `system/${t}.rs`)]
        : ['system/*.read', ...SERVED_TYPES.map((t) => `system/${t}.read`)]),
    ],
    capabilities: v2 ? [...BASE_CAPABILITIES, 'permission-v2'] : BASE_CAPABILITIES,
  };
}

/** OpenID Provider metadata (issuer = the sandbox origin). */
export function openidConfiguration(origin: string): Record<string, unknown> {
  return {
    issuer: origin,
    authorization_endpoint: `${origin}/auth/authorize`,
    token_endpoint: `${origin}/auth/token`,
    jwks_uri: `${origin}/auth/jwks.json`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'fhirUser'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'fhirUser', 'name'],
  };
}

/** The EHR's style sheet for embedded apps (smart_style_url, experimental in SMART 2.x). */
export const SMART_STYLE = {
  color_background: '#f4f6f8',
  color_error: '#a4161a',
  color_highlight: '#1f6feb',
  color_modal_backdrop: 'rgba(0,0,0,0.4)',
  color_success: '#2e7d32',
  color_text: '#1b1f24',
  dim_border_radius: '4px',
  dim_font_size: '14px',
  dim_spacing_size: '8px',
  font_family_body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  font_family_heading: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
} as const;
