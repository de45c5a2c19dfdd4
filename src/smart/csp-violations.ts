/**
 * Requests the app's own Content-Security-Policy blocked. A fetch refused by `connect-src` fails
 * exactly like a dead network (a TypeError), so without this the app would tell the clinician to
 * check their connection when the cause is the host's configuration (the EHR's origin missing from
 * connect-src, src/smart/README.md). The browser reports each refusal as a
 * `securitypolicyviolation` event (CSP3 §5.4); we remember the blocked origins.
 */

/** Origins whose connections the policy blocked, in order of first refusal. */
const blocked = new Set<string>();
let watching = false;

/** The parts of a SecurityPolicyViolationEvent we read. */
interface ViolationLike {
  effectiveDirective?: string;
  violatedDirective?: string;
  blockedURI?: string;
}

/** Records one violation event when it is a `connect-src` refusal. */
export function recordViolation(event: ViolationLike): void {
  const directive = event.effectiveDirective ?? event.violatedDirective ?? '';
  if (!directive.startsWith('connect-src') && !directive.startsWith('default-src')) {
    return;
  }
  try {
    blocked.add(new URL(event.blockedURI ?? '').origin);
  } catch {
    // 'inline', 'eval' and other non-URL reports are not connections
  }
}

/** Starts listening for violations on this page (idempotent; no-op outside a browser). */
export function watchCspViolations(): void {
  if (watching || typeof document === 'undefined') {
    return;
  }
  watching = true;
  document.addEventListener('securitypolicyviolation', (e) => recordViolation(e));
}

/** Origins the policy has blocked so far on this page. */
export function blockedOrigins(): string[] {
  return [...blocked];
}

/**
 * Lets pending violation reports arrive: the browser queues the event as a task, which may run
 * after the failed fetch's rejection has been handled.
 */
export function settleViolationReports(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Forgets recorded violations (tests). */
export function clearViolations(): void {
  blocked.clear();
}
