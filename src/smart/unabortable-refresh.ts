/**
 * Token refresh that no single request can cancel. fhirclient shares one refresh between all
 * parallel requests (`_refreshTask`) but sends it with the AbortSignal of whichever request
 * happened to start it; when React Query cancels that request (unmount, refetch), the shared
 * refresh is aborted and every waiting request fails with "signal is aborted". So each request
 * first awaits `refreshIfNeeded()` without a signal; fhirclient's own check then finds a fresh
 * token. Spec: https://hl7.org/fhir/smart-app-launch/app-launch.html#step-7-app-uses-a-refresh-token-to-obtain-a-new-access-token
 *
 * A refresh the EHR answers with an error (RFC 6749 §5.2: `invalid_grant` on 400/401/403) means
 * the session is over: it becomes a FhirHttpError 401 with phase `token-refresh`, so every fetcher
 * treats it as the end of the session and the app says so (not "the EHR returned an error").
 */
import type Client from 'fhirclient/lib/Client';
import { FhirHttpError, toFhirHttpError } from '../fhir/fhir-http-error.ts';

const WRAPPED = Symbol.for('caregap.unabortableRefresh');

/** The error a failed refresh becomes: network failures stay retryable, HTTP refusals end the session. */
export function refreshFailure(error: unknown, nowMs: number = Date.now()): unknown {
  if ((error as { name?: unknown } | null)?.name === 'AbortError') {
    return error;
  }
  const http = toFhirHttpError(error, nowMs);
  if (http.status === 0) {
    return http;
  }
  return new FhirHttpError(
    401,
    `the EHR refused to renew the access token (HTTP ${http.status})`,
    undefined,
    undefined,
    {
      ...(http.serverText ? { serverText: http.serverText } : {}),
      phase: 'token-refresh',
    },
  );
}

/** Makes `client.request` refresh the access token (when due) outside the request's signal. Idempotent. */
export function withUnabortableRefresh(client: Client): Client {
  const marked = client as Client & { [WRAPPED]?: true };
  if (marked[WRAPPED]) {
    return client;
  }
  const original = client.request.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const request = async (...args: unknown[]): Promise<unknown> => {
    try {
      await client.refreshIfNeeded();
    } catch (error) {
      throw refreshFailure(error);
    }
    return original(...args);
  };
  Object.assign(client, { request, [WRAPPED]: true });
  return client;
}
