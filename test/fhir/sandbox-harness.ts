/**
 * Unit-test harness: the project's one fake EHR (launch/sandbox createSandbox) behind msw, with
 * unhandled requests as errors, plus a real fhirclient Client for a minted token.
 */
import { http, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { createSandbox } from '../../launch/sandbox/sandbox.ts';
import { clientForToken } from '../../src/smart/node-client.ts';
import { requestedScopes } from '../../src/smart/scopes.ts';

/** Origin of the in-process sandbox (nothing listens there: msw answers every request). */
export const ORIGIN = 'http://localhost:59999';

/** Data "today" so the tests do not depend on the clock. */
export const ANCHOR = '2026-03-02';

/** A sandbox, its msw server and a log of every request URL with its start time. */
export function sandboxHarness() {
  const sandbox = createSandbox({ origin: ORIGIN, seed: 42, patientCount: 12, anchorDate: ANCHOR });
  const requests: Array<{ url: string; at: number }> = [];
  const server = setupServer(http.all(`${ORIGIN}/*`, ({ request }) => sandbox.handle(request)));
  server.events.on('request:start', ({ request }) => requests.push({ url: request.url, at: performance.now() }));
  return {
    sandbox,
    server,
    requests,
    /** Request URLs (path + query) made so far, for assertions. */
    paths: () => requests.map((r) => decodeURIComponent(new URL(r.url).pathname + new URL(r.url).search)),
    /** Prepends handlers for one test (removed by server.resetHandlers()). */
    use: (...handlers: HttpHandler[]) => server.use(...handlers),
  };
}

/** Token options accepted by the sandbox's issueToken. */
export type TokenOptions = Parameters<ReturnType<typeof createSandbox>['issueToken']>[0];

/** A fhirclient Client for `patient` with the app's full v2 scope request (unless overridden). */
export function clientFor(
  sandbox: ReturnType<typeof createSandbox>,
  patient: string,
  options: Partial<TokenOptions> = {},
) {
  const token = sandbox.issueToken({ patient, scope: requestedScopes('ehr', 'v2'), ...options });
  return {
    client: clientForToken(sandbox.fhirBaseFor(options.profile ?? 'generic'), { ...token, patient }),
    scope: token.scope,
  };
}
