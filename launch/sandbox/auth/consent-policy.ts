/**
 * Which requests the user must see on the consent page. An EHR launch is pre-authorized for
 * reading the chart (the EHR's own app approval), but scopes that let the app change the record
 * (create/update/delete, v1 `.write`/`.*`) or keep access after the session (`offline_access`)
 * are shown to the user unless the sandbox is configured to pre-approve them — real EHRs make
 * that an administrator's decision, and a copied sandbox should not grant them silently.
 */
import { parseResourceScope } from './scopes.ts';

/** What a sandbox may be configured to approve without asking. */
export type AutoApprovable = 'write' | 'offline_access';

/** Whether a scope writes (any of c, u, d). */
function writes(scope: string): boolean {
  const parsed = parseResourceScope(scope);
  return !!parsed && (parsed.permissions.has('c') || parsed.permissions.has('u') || parsed.permissions.has('d'));
}

/** Whether the requested scopes need the user's consent even in a pre-authorized EHR launch. */
export function needsConsent(scopes: readonly string[], autoApprove: ReadonlySet<AutoApprovable>): boolean {
  if (!autoApprove.has('write') && scopes.some(writes)) {
    return true;
  }
  return !autoApprove.has('offline_access') && scopes.includes('offline_access');
}
