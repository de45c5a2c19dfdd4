/**
 * HTTP for the export in Node: every request carries the backend-services bearer token, and a 401
 * gets one retry with a new token (a token can expire, or be revoked, mid-export). The token goes
 * only where the Bulk Data IG sends it — the FHIR server and the URLs it hands out — and never in
 * clear text to another origin (SMART best practice: do not leak tokens to other servers).
 */
import { BulkExportError } from '../../fhir/bulk-export/bulk-manifest.ts';
import type { BulkResponse } from '../../fhir/bulk-export/bulk-responses.ts';
import type { BulkRequest, BulkTransport } from '../../fhir/bulk-export/run-bulk-export.ts';
import type { BackendTokenSource } from './backend-token.ts';
import type { FetchLike } from './smart-discovery.ts';

/** Time limit of one status/kick-off/DELETE request. */
const REQUEST_TIMEOUT_MS = 60_000;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Same origin, counting localhost / 127.0.0.1 / [::1] on one port as one machine (a local sandbox). */
function sameServer(a: URL, b: URL): boolean {
  if (a.origin === b.origin) {
    return true;
  }
  return a.protocol === b.protocol && a.port === b.port && LOOPBACK.has(a.hostname) && LOOPBACK.has(b.hostname);
}

/** Throws unless the token may be sent to `url`: https anywhere, http only on the FHIR server's own origin. */
export function assertTokenDestination(url: string, fhirBase: string): void {
  const target = new URL(url);
  if (target.protocol === 'https:') {
    return;
  }
  if (target.protocol === 'http:' && sameServer(target, new URL(fhirBase))) {
    return;
  }
  throw new BulkExportError(
    `refusing to send the access token to ${target.origin} over ${target.protocol.replace(':', '')} (not the FHIR server's origin ${new URL(fhirBase).origin})`,
  );
}

/** Authorized requests for one export. */
export class NodeTransport implements BulkTransport {
  constructor(
    private readonly fhirBase: string,
    private readonly tokens: BackendTokenSource,
    private readonly fetchImpl: FetchLike = fetch,
  ) {}

  /** fetch with the bearer token; on 401 one retry with a new token. The response body is not read. */
  async authorizedFetch(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    assertTokenDestination(url, this.fhirBase);
    let token = await this.tokens.get();
    const go = (t: string) =>
      this.fetchImpl(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${t}` } });
    let res = await go(token);
    if (res.status === 401) {
      await res.body?.cancel();
      token = await this.tokens.replace(token);
      res = await go(token);
    }
    return res;
  }

  /** BulkTransport: a request whose whole body is read as text. */
  async send(r: BulkRequest): Promise<BulkResponse> {
    const signal = r.signal
      ? AbortSignal.any([r.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
      : AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const res = await this.authorizedFetch(r.url, { method: r.method, headers: r.headers, signal });
    return { status: res.status, headers: res.headers, body: await res.text() };
  }
}
