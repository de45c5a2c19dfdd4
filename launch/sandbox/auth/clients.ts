/**
 * Client registration table of the sandbox authorization server. The only client is the public
 * CareGap Panel app; its redirect URIs are the app page on the sandbox's own origin, so the
 * authorize endpoint can never be used as an open redirector.
 */

/** A registered client. */
export interface RegisteredClient {
  clientId: string;
  name: string;
  /** Whether a redirect URI belongs to this client, given the sandbox's own origins. */
  allowsRedirect(uri: string, ownOrigins: ReadonlySet<string>): boolean;
}

/** Paths of the app page accepted as redirect URIs. */
const APP_PATHS = new Set(['/', '/index.html']);

/** The sandbox's registered clients. */
export const CLIENTS: readonly RegisteredClient[] = [
  {
    clientId: 'caregap-panel',
    name: 'CareGap Panel',
    allowsRedirect(uri, ownOrigins) {
      try {
        const u = new URL(uri);
        return ownOrigins.has(u.origin) && APP_PATHS.has(u.pathname) && u.hash === '';
      } catch {
        return false;
      }
    },
  },
];

/** A client by id. */
export function findClient(clientId: string | null): RegisteredClient | undefined {
  return CLIENTS.find((c) => c.clientId === clientId);
}
