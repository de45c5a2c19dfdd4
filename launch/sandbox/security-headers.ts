/**
 * The sandbox's response headers (issue #14 §5: "safe by default", because people copy dev
 * servers): every response carries `X-Content-Type-Options: nosniff`, `Referrer-Policy:
 * no-referrer` (as an HTTP header it is in force before any script of the page loads, so the
 * `code` and `state` on the app page's URL never reach a Referer — Vite's dev HTML puts its
 * scripts before the page's referrer meta tag) and a Content-Security-Policy for what it is:
 * an API answer, an EHR page (never framed), an authorization page (framed by the EHR page only)
 * or an app page (framed by the EHR page only; scripts only from the app, plus hashed inline ones).
 */
import { cspHash } from '../csp.ts';

/** What kind of response a path gets, for its default policy. */
export type ResponseClass = 'api' | 'ehr' | 'auth' | 'app';

/** Headers every response carries. */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The class of a request path. */
export function responseClassOf(pathname: string): ResponseClass {
  if (/^\/ehr(\/|$)/.test(pathname)) {
    return 'ehr';
  }
  if (/^\/auth\/(authorize|pick|consent)$/.test(pathname)) {
    return 'auth';
  }
  if (/^\/(fhir|auth|bulk|\.well-known)(\/|$)/.test(pathname)) {
    return 'api';
  }
  return 'app';
}

/** Joins directives. */
function policy(directives: Array<[string, ...string[]]>): string {
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Inline-script hashes of an HTML page (CSP hash sources for the scripts it carries inline). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[1] ?? '') && (m[2] ?? '').length > 0)
    .map((m) => `'${cspHash(m[2] ?? '')}'`);
}

/**
 * The default Content-Security-Policy of a response class. `ownOrigins`: the sandbox's origins
 * (localhost and 127.0.0.1 on one port); `scriptHashes`: hash sources of an app page's inline scripts;
 * `connectSrc`: other servers the app pages may call (EHRs besides this sandbox).
 */
export function defaultCsp(
  kind: ResponseClass,
  ownOrigins: readonly string[],
  scriptHashes: readonly string[] = [],
  connectSrc: readonly string[] = [],
): string {
  switch (kind) {
    case 'api':
      // JSON is not a document; if anything renders it, nothing loads and nobody frames it
      return policy([
        ['default-src', "'none'"],
        ['frame-ancestors', "'none'"],
        ['base-uri', "'none'"],
        ['form-action', "'none'"],
      ]);
    case 'ehr':
      // the chart shell frames the app from its own origin; nobody frames the EHR
      return policy([
        ['default-src', "'none'"],
        ['style-src', "'unsafe-inline'"],
        ['img-src', "'self'", 'data:'],
        ['frame-src', "'self'"],
        ['form-action', "'self'"],
        ['base-uri', "'none'"],
        ['frame-ancestors', "'none'"],
      ]);
    case 'auth':
      // the picker and consent pages run inside the EHR page's app frame; their forms answer with a
      // redirect to the app page, which may be on the sandbox's other origin alias
      return policy([
        ['default-src', "'none'"],
        ['style-src', "'unsafe-inline'"],
        ['form-action', "'self'", ...ownOrigins],
        ['base-uri', "'none'"],
        ['frame-ancestors', "'self'", ...ownOrigins],
      ]);
    case 'app': {
      const ws = ownOrigins.map((o) => o.replace(/^http/, 'ws'));
      // the dev build injects CSS through <style> elements (Vite), hence 'unsafe-inline' for styles only
      return policy([
        ['default-src', "'none'"],
        ['script-src', "'self'", ...scriptHashes],
        ['style-src', "'self'", "'unsafe-inline'"],
        ['img-src', "'self'", 'data:'],
        ['font-src', "'self'"],
        ['connect-src', "'self'", ...ownOrigins, ...ws, ...connectSrc],
        ['worker-src', "'self'"],
        ['manifest-src', "'self'"],
        ['object-src', "'none'"],
        ['base-uri', "'self'"],
        ['form-action', "'self'"],
        ['frame-ancestors', "'self'", ...ownOrigins],
      ]);
    }
  }
}
