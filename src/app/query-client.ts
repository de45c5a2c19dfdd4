/**
 * The app's TanStack Query client. In memory only: FHIR data is PHI and is never persisted to
 * localStorage/IndexedDB; fetchers retry per page themselves, so queries do not.
 */
import { QueryClient } from '@tanstack/react-query';

/** A QueryClient with the app's defaults. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
