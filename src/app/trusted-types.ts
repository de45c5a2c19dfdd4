/**
 * Trusted Types default policy (the built app's CSP has `require-trusted-types-for 'script'`,
 * launch/csp.ts): DOM XSS sinks refuse plain strings, so FHIR text can never become HTML or
 * script. The only string sink the app itself uses is `new Worker(url)` for the engine, so the
 * default policy vouches for same-origin script URLs and nothing else (no createHTML/createScript:
 * innerHTML and inline script stay blocked). Spec: https://w3c.github.io/trusted-types/dist/spec/
 */

/** The policy name the CSP allows (`trusted-types default`). */
export const TRUSTED_TYPES_POLICY = 'default';

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string | null }): unknown;
  defaultPolicy?: unknown;
}

/** Accepts a script URL only when it resolves to this page's origin (the bundled worker). */
export function sameOriginScriptUrl(input: string, base: string): string | null {
  try {
    return new URL(input, base).origin === new URL(base).origin ? input : null;
  } catch {
    return null;
  }
}

/** Installs the default policy once, where the browser supports Trusted Types (no-op elsewhere). */
export function installTrustedTypesPolicy(): void {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory || factory.defaultPolicy) {
    return;
  }
  factory.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL: (input) => sameOriginScriptUrl(input, globalThis.location.href),
  });
}
