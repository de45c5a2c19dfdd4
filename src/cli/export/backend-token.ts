/**
 * Access tokens for the export (SMART Backend Services §"Obtain access token"): a
 * `client_credentials` request authenticated by a fresh one-time client assertion. Tokens are
 * short-lived (≤ 5 min) and come without refresh tokens, so the CLI simply asks for a new one
 * shortly before `expires_in` runs out, and at once when the server says a token expired (401).
 */
import { BulkExportError } from '../../fhir/bulk-export/bulk-manifest.ts';
import { signClientAssertion, type SigningKey } from './client-assertion.ts';
import type { FetchLike } from './smart-discovery.ts';

/** `client_assertion_type` for a JWT assertion (RFC 7523 §2.2). */
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Seconds before expiry at which a token is renewed (at most a quarter of its lifetime). */
const RENEW_MARGIN_SEC = 30;

/** What the token source needs. */
export interface TokenSourceOptions {
  tokenEndpoint: string;
  clientId: string;
  key: SigningKey;
  scope: string;
  fetch?: FetchLike;
  now?: () => number;
  /** Called each time a token is obtained (progress). */
  onToken?: (info: { expiresInSec: number; scope: string; renewals: number }) => void;
}

/** Hands out a valid bearer token, obtaining a new one when due or when told the current one failed. */
export class BackendTokenSource {
  private token?: { value: string; renewAt: number };
  private pending?: Promise<string>;
  private renewals = -1;
  private readonly now: () => number;

  constructor(private readonly o: TokenSourceOptions) {
    this.now = o.now ?? Date.now;
  }

  /** A token that is not about to expire. */
  async get(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) {
      return this.token.value;
    }
    return this.renew();
  }

  /** Drops `rejected` (a 401 said it expired or is invalid) and obtains a new token. */
  async replace(rejected: string): Promise<string> {
    if (this.token?.value === rejected) {
      this.token = undefined;
    }
    return this.get();
  }

  private renew(): Promise<string> {
    // one request at a time: parallel downloads share the renewal
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async request(): Promise<string> {
    const nowMs = this.now();
    const assertion = signClientAssertion(this.o.key, {
      clientId: this.o.clientId,
      tokenUrl: this.o.tokenEndpoint,
      nowSec: Math.floor(nowMs / 1000),
    });
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: this.o.scope,
      client_assertion_type: JWT_BEARER,
      client_assertion: assertion,
    });
    let res: Response;
    try {
      res = await (this.o.fetch ?? fetch)(this.o.tokenEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      throw new BulkExportError(`token request to ${this.o.tokenEndpoint} failed: ${(e as Error).message}`);
    }
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // reported below
    }
    if (!res.ok || typeof json.access_token !== 'string') {
      const why =
        typeof json.error === 'string'
          ? `${json.error}${typeof json.error_description === 'string' ? `: ${json.error_description}` : ''}`
          : text.slice(0, 200);
      throw new BulkExportError(
        `the token endpoint refused client ${this.o.clientId} (HTTP ${res.status}) ${why}`,
        res.status,
      );
    }
    const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 300;
    const margin = Math.min(RENEW_MARGIN_SEC, expiresIn / 4);
    this.token = { value: json.access_token, renewAt: nowMs + (expiresIn - margin) * 1000 };
    this.renewals++;
    this.o.onToken?.({
      expiresInSec: expiresIn,
      scope: typeof json.scope === 'string' ? json.scope : this.o.scope,
      renewals: this.renewals,
    });
    return json.access_token;
  }
}
