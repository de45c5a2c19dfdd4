/**
 * Browser-test support: the sandbox EHR on a random port with the app served through Vite, started
 * once per test file and closed after it.
 */
import { afterAll, beforeAll } from 'vitest';
import { startSandbox } from '../../../launch/sandbox/server.ts';
import { localIsoDate } from '../../../src/app/patient-summary.ts';

/** What startSandbox resolves to. */
export type RunningSandbox = Awaited<ReturnType<typeof startSandbox>>;

/**
 * The data's "today": the real local date (Node and Chromium share the machine's zone). Browser
 * tests run at the real clock — never a pinned one — so the named scenarios ("a visit this year",
 * "discharged 3 days ago") are anchored on the day the tests run; expectations are computed from
 * the sandbox, not written as literal counts.
 */
export const E2E_ANCHOR = localIsoDate(new Date());

/**
 * Registers beforeAll/afterAll hooks that start and stop a sandbox; the returned getter is valid
 * inside tests.
 */
export function useSandbox(
  options: { tokenLifetimeSec?: number; patientCount?: number; autoApprove?: Array<'write' | 'offline_access'> } = {},
): () => RunningSandbox {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    // The sandbox asks the user to consent to write scopes by default (issue #14 §5); the browser
    // tests act as an EHR whose administrator pre-approved the app's write-back, unless a test says otherwise.
    running = await startSandbox({
      port: 0,
      serveApp: 'vite',
      seed: 42,
      patientCount: 12,
      anchorDate: E2E_ANCHOR,
      autoApprove: ['write'],
      ...options,
    });
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) {
      throw new Error('sandbox not started');
    }
    return running;
  };
}
