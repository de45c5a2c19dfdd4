/**
 * SMART scope parsing and enforcement (SMART App Launch 2.x, scopes-and-launch-context §"SMART's
 * scopes"): v2 `patient/Observation.rs`, v1 `patient/Observation.read` (mapped .read→rs,
 * .write→cud, .*→cruds as the spec says servers SHOULD), wildcards `patient/*.rs`. Granular
 * `?category=` suffixes are accepted and, for simplicity, treated as the whole type.
 */

/** Interactions a scope can permit. */
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';

/** One parsed resource scope. */
export interface ResourceScope {
  raw: string;
  context: 'patient' | 'user' | 'system';
  type: string;
  permissions: Set<Interaction>;
  version: 'v1' | 'v2';
}

const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/;

/** Parses one resource scope; undefined for non-resource scopes (openid, launch, …) or bad syntax. */
export function parseResourceScope(raw: string): ResourceScope | undefined {
  const m = RESOURCE_SCOPE.exec(raw);
  if (!m) {
    return undefined;
  }
  const [, context, type, perms] = m as unknown as [string, ResourceScope['context'], string, string];
  if (perms === 'read') {
    return { raw, context, type, permissions: new Set(['r', 's']), version: 'v1' };
  }
  if (perms === 'write') {
    return { raw, context, type, permissions: new Set(['c', 'u', 'd']), version: 'v1' };
  }
  if (perms === '*') {
    return { raw, context, type, permissions: new Set(['c', 'r', 'u', 'd', 's']), version: 'v1' };
  }
  if (!/^c?r?u?d?s?$/.test(perms) || perms === '') {
    return undefined;
  }
  return { raw, context, type, permissions: new Set(perms.split('') as Interaction[]), version: 'v2' };
}

/** Splits a space-separated scope string. */
export function splitScopes(scope: string | null | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter(Boolean);
}

/** Whether a granted scope set permits an interaction on a type; returns the context that allows it. */
export function permits(
  granted: readonly string[],
  type: string,
  interaction: Interaction,
): ResourceScope['context'] | undefined {
  let best: ResourceScope['context'] | undefined;
  for (const raw of granted) {
    const s = parseResourceScope(raw);
    if (!s || (s.type !== '*' && s.type !== type) || !s.permissions.has(interaction)) {
      continue;
    }
    if (s.context !== 'patient') {
      return s.context;
    } // user/system scopes are not limited to one patient
    best = 'patient';
  }
  return best;
}

/** Scopes the server understands at all (resource scopes plus the SMART/OIDC specials). */
export function isKnownScope(raw: string): boolean {
  return (
    parseResourceScope(raw) !== undefined ||
    [
      'openid',
      'fhirUser',
      'profile',
      'launch',
      'launch/patient',
      'launch/encounter',
      'online_access',
      'offline_access',
    ].includes(raw)
  );
}
