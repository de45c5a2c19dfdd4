/**
 * The React tree around the app: error boundary outermost, then the query client.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { LaunchedSession } from '../smart/session.ts';
import { App } from './app.tsx';
import { AppErrorBoundary } from './error-boundary.tsx';
import { createQueryClient } from './query-client.ts';

/** Providers + App for a launched session. */
export function AppRoot({ session }: { session: LaunchedSession }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <App session={session} />
      </QueryClientProvider>
    </AppErrorBoundary>
  );
}
