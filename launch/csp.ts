/**
 * Content-Security-Policy of the built app (threat model: src/smart/README.md). The policy is
 * strict: scripts only from the app's own origin (no inline script, no eval), the engine's
 * Worker from 'self', no plugins, no <base> rewriting, and network access only to the FHIR and
 * authorization servers. Because the FHIR server is only known at launch (`iss`), a host lists
 * its EHRs' origins in `connect-src` (and `frame-ancestors`) when it deploys the app.
 *
 * Delivery: the Vite plugin below injects a `<meta http-equiv>` copy into every built HTML page
 * (build only; the dev server keeps HMR's inline needs). `frame-ancestors` is ignored in a meta
 * policy (CSP3 §6.4.2), so hosts send the full header from {@link contentSecurityPolicy} with
 * `delivery: 'header'`. Spec: https://www.w3.org/TR/CSP3/
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** What varies per deployment. */
export interface CspOptions {
  /** FHIR and authorization server origins the app may call (default: only its own origin). */
  connectSrc?: readonly string[];
  /** EHR origins allowed to frame the app (header delivery only; default 'self'). */
  frameAncestors?: readonly string[];
  /** CSP hash sources ('sha256-…') of inline <style> blocks the page legitimately carries. */
  styleHashes?: readonly string[];
  /** 'meta' leaves out directives a meta element cannot carry (frame-ancestors). */
  delivery?: 'meta' | 'header';
}

/** Environment variables a build reads (space-separated origins). */
export const CSP_ENV = {
  connectSrc: 'CAREGAP_CSP_CONNECT_SRC',
  frameAncestors: 'CAREGAP_CSP_FRAME_ANCESTORS',
} as const;

/** Splits a space/comma-separated list of origins from the environment. */
export function originsFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/** The policy text for one page. */
export function contentSecurityPolicy(opts: CspOptions = {}): string {
  const connect = ["'self'", ...(opts.connectSrc ?? [])];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    // Only the bundled modules: an injected <script> or on* handler from FHIR text cannot run.
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", ...(opts.styleHashes ?? []).map((h) => `'${h}'`)]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    // Tokens and PHI may only travel to the servers of the launch (FHIR + authorization server).
    ['connect-src', connect],
    // The measure engine runs in a module Worker served by the app itself.
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    // DOM XSS sinks (innerHTML & co.) refuse plain strings: React renders text, never HTML.
    ['require-trusted-types-for', ["'script'"]],
    // Only the app's default policy (src/app/trusted-types.ts: same-origin Worker URLs) may exist.
    ['trusted-types', ['default']],
  ];
  if (opts.delivery === 'header') {
    directives.push(['frame-ancestors', ["'self'", ...(opts.frameAncestors ?? [])]]);
  }
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** `sha256-<base64>` of an inline block's exact text (CSP hash source). */
export function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Hashes of the inline <style> blocks of an HTML page. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => cspHash(m[1] ?? ''));
}

/** Inline scripts (no `src`) in an HTML page: the policy forbids them, so a build must not carry any. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[1] ?? ''))
    .map((m) => m[0]);
}

/** Escapes a policy for an HTML attribute value. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Vite plugin (build only): prepends the meta CSP to every HTML page, with the hashes of that
 * page's inline <style>, and fails the build if a page carries an inline script.
 */
export function cspMetaPlugin(opts: Omit<CspOptions, 'delivery' | 'styleHashes'> = {}): Plugin {
  return {
    name: 'caregap-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const scripts = inlineScripts(html);
        if (scripts.length) {
          throw new Error(`${ctx.path}: inline <script> is not allowed under the CSP: ${scripts[0]!.slice(0, 80)}`);
        }
        const policy = contentSecurityPolicy({ ...opts, styleHashes: inlineStyleHashes(html), delivery: 'meta' });
        const meta = `<meta http-equiv="Content-Security-Policy" content="${attr(policy)}" />`;
        // Right after <meta charset>: before any <script>/<link>, so the policy covers all of them.
        const charset = /<meta\s+charset=[^>]*>/i.exec(html);
        if (charset) {
          return html.replace(charset[0], `${charset[0]}\n    ${meta}`);
        }
        return html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`);
      },
    },
  };
}
