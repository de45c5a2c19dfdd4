/**
 * Checks every request before any route sees it (so routes added later are covered too): the
 * Host header must name this sandbox (DNS rebinding: a page on an attacker's domain that resolves
 * to 127.0.0.1 must not reach the EHR or the app), the path must be decodable (a malformed
 * percent-encoding such as `/%E0%A4%A` is a 400, not an exception), and the baseline security
 * headers and the path's default Content-Security-Policy are set (a route may still set its own).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASELINE_HEADERS, defaultCsp, responseClassOf } from './security-headers.ts';

/** What the guard knows about this sandbox. */
export interface GuardOptions {
  /** Host names (no port) the sandbox answers to. */
  allowedHosts: ReadonlySet<string>;
  /** The sandbox's origins (localhost and 127.0.0.1 on its port). */
  ownOrigins: readonly string[];
  /** Other origins the app pages may connect to. */
  connectSrc?: readonly string[];
}

/** Host names always served: this machine. */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header value (port and case dropped), or undefined when it is not one. */
export function hostNameOf(host: string | undefined): string | undefined {
  if (!host) {
    return undefined;
  }
  try {
    const url = new URL(`http://${host}`);
    return url.username || url.password || url.pathname !== '/' ? undefined : url.hostname;
  } catch {
    return undefined;
  }
}

/** The request's path decoded, or undefined when it cannot be (malformed escapes, NUL). */
export function decodedPath(url: string | undefined): string | undefined {
  const raw = (url ?? '/').split('?')[0] ?? '/';
  try {
    const path = decodeURIComponent(raw);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined;
  }
}

/** Whether a Host header names this sandbox. */
export function hostAllowed(host: string | undefined, opts: GuardOptions): boolean {
  const name = hostNameOf(host);
  return name !== undefined && opts.allowedHosts.has(name);
}

/** Sets the baseline headers and answers refused requests; true when the request was answered. */
export function guardRequest(req: IncomingMessage, res: ServerResponse, opts: GuardOptions): boolean {
  for (const [k, v] of Object.entries(BASELINE_HEADERS)) {
    res.setHeader(k, v);
  }
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  res.setHeader('Content-Security-Policy', defaultCsp(responseClassOf(rawPath), opts.ownOrigins, [], opts.connectSrc));
  if (!hostAllowed(req.headers.host, opts)) {
    res
      .writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      .end('This sandbox does not answer to that host name.');
    return true;
  }
  if (decodedPath(req.url) === undefined) {
    res
      .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      .end('Bad request: the path is not valid percent-encoding.');
    return true;
  }
  return false;
}
