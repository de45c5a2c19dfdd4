/**
 * Browser-test support: the sandbox EHR on a random port with the app served through Vite, started
 * once per test file and closed after it.
 */
import { afterAll, beforeAll } from 'vitest';
import { startSandbox } from '../../../launch/sandbox/server.ts';

/** What startSandbox resolves to. */
export type RunningSandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Fixed data "today" so counts and ages are reproducible. */
export const E2E_ANCHOR = '2026-03-02';

/**
 * Registers beforeAll/afterAll hooks that start and stop a sandbox; the returned getter is valid
 * inside tests.
 */
export function useSandbox(options: { tokenLifetimeSec?: number; patientCount?: number; autoApprove?: Array<'write' | 'offline_access'> } = {}): () => RunningSandbox {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    // The sandbox asks the user to consent to write scopes by default (issue #14 §5); the browser
    // tests act as an EHR whose administrator pre-approved the app's write-back, unless a test says otherwise.
    running = await startSandbox({ port: 0, serveApp: 'vite', seed: 42, patientCount: 12, anchorDate: E2E_ANCHOR, autoApprove: ['write'], ...options });
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('sandbox not started');
    return running;
  };
}
