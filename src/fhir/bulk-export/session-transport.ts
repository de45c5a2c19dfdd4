/**
 * Bulk Data requests in the browser with the launched session's access token: fhirclient renews
 * the token when it is about to expire (`refreshIfNeeded`) and supplies the Authorization header.
 * The token is sent only to the FHIR server's own origin (SMART App Launch best practice: do not
 * send the token to other servers); a status or file URL elsewhere makes the request fail, and the
 * population view then falls back to per-patient searches.
 */
import { BulkExportError } from './bulk-manifest.ts';
import type { BulkResponse } from './bulk-responses.ts';
import type { BulkRequest, BulkTransport } from './run-bulk-export.ts';

/** What the transport needs of fhirclient's Client (a real Client satisfies it). */
export interface TokenSession {
  readonly state: { readonly serverUrl: string };
  refreshIfNeeded(): Promise<unknown>;
  getAuthorizationHeader(): string | null;
}

/** A BulkTransport over `fetch` with the session's bearer token. */
export class SessionTransport implements BulkTransport {
  private readonly origin: string;

  constructor(
    private readonly session: TokenSession,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.origin = new URL(session.state.serverUrl).origin;
  }

  async send(r: BulkRequest): Promise<BulkResponse> {
    if (new URL(r.url).origin !== this.origin) {
      throw new BulkExportError(
        `the export points to another server (${new URL(r.url).origin}); the access token is not sent there`,
      );
    }
    await this.session.refreshIfNeeded();
    const auth = this.session.getAuthorizationHeader();
    const res = await this.fetchImpl(r.url, {
      method: r.method,
      headers: { ...r.headers, ...(auth ? { Authorization: auth } : {}) },
      ...(r.signal ? { signal: r.signal } : {}),
    });
    return { status: res.status, headers: res.headers, body: await res.text() };
  }
}
