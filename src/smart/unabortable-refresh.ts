/**
 * Token refresh that no single request can cancel. fhirclient shares one refresh between all
 * parallel requests (`_refreshTask`) but sends it with the AbortSignal of whichever request
 * happened to start it; when React Query cancels that request (unmount, refetch), the shared
 * refresh is aborted and every waiting request fails with "signal is aborted". So each request
 * first awaits `refreshIfNeeded()` without a signal; fhirclient's own check then finds a fresh
 * token. Spec: https://hl7.org/fhir/smart-app-launch/app-launch.html#step-7-app-uses-a-refresh-token-to-obtain-a-new-access-token
 */
import type Client from 'fhirclient/lib/Client';

const WRAPPED = Symbol.for('caregap.unabortableRefresh');

/** Makes `client.request` refresh the access token (when due) outside the request's signal. Idempotent. */
export function withUnabortableRefresh(client: Client): Client {
  const marked = client as Client & { [WRAPPED]?: true };
  if (marked[WRAPPED]) return client;
  const original = client.request.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const request = async (...args: unknown[]): Promise<unknown> => {
    await client.refreshIfNeeded();
    return original(...args);
  };
  Object.assign(client, { request, [WRAPPED]: true });
  return client;
}
