/**
 * Launch errors that name the real cause (issue #13 §5), in Chromium against the sandbox EHR with
 * the EHR's answers replaced where the sandbox would not fail that way by itself: a 401 with a
 * plain-text body, `invalid_client` at the code exchange, and a refresh answered 403
 * `invalid_grant`. Each reads as what happened, with the server's words, and says to launch again
 * from the chart (this is an EHR launch). The CSP case is in security-launch / security-csp.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { openChart } from './support/app-view.ts';
import { useSandbox } from './support/sandbox.ts';

const sandbox = useSandbox();
const tab = useBrowser();

/** The app's error panel once it shows, with its kind and text. */
async function launchErrorOf(
  page: Page,
  params: Record<string, string>,
): Promise<{ kind: string | null; text: string }> {
  const app = await openChart(page, sandbox(), params);
  const error = app.locator('[data-testid="launch-error"]');
  await error.waitFor({ timeout: 90_000 });
  return { kind: await error.getAttribute('data-kind'), text: (await error.textContent()) ?? '' };
}

describe('launch errors name the real cause', () => {
  it('a 401 with a plain-text body says the EHR rejected the token and quotes it — not "session expired"', async () => {
    const { page } = tab();
    await page.route(
      (url) => /\/fhir\/Patient\/[^/?]+$/.test(url.pathname),
      (route: Route) =>
        route.fulfill({ status: 401, contentType: 'text/plain', body: 'Invalid token: invalid signature' }),
    );
    const { kind, text } = await launchErrorOf(page, { patient: 'screened-negative' });
    expect(kind).toBe('invalid-token');
    expect(text).toContain('The EHR rejected the app’s access token.');
    expect(text).toContain('“Invalid token: invalid signature” (HTTP 401)');
    expect(text).not.toMatch(/session has expired/i);
    expect(text).toMatch(/Launch CareGap Panel again from the chart/);
  });

  it('invalid_client at the code exchange names the app’s registration', async () => {
    const { page } = tab();
    await page.route(
      (url) => url.pathname === '/auth/token',
      (route: Route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed' }),
        }),
    );
    const { kind, text } = await launchErrorOf(page, { patient: 'screened-negative' });
    expect(kind).toBe('invalid-client');
    expect(text).toMatch(/does not recognise CareGap Panel’s registration/);
    expect(text).toContain('invalid_client: Client authentication failed');
    expect(text).toMatch(/client id/);
    expect(text).not.toMatch(/session has expired/i);
  });

  it('a refresh answered 403 invalid_grant says the session ended and to launch again (server words above, no "below")', async () => {
    const { page } = tab();
    await page.route(
      (url) => url.pathname === '/auth/token',
      (route: Route) =>
        /grant_type=refresh_token/.test(route.request().postData() ?? '')
          ? route.fulfill({
              status: 403,
              contentType: 'application/json',
              body: JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid refresh token' }),
            })
          : route.continue(),
    );
    // a 3-second token that comes with a refresh token: fhirclient refreshes before the first read
    const { kind, text } = await launchErrorOf(page, { patient: 'screened-negative', refreshableLifetimeSec: '3' });
    expect(kind).toBe('session-ended');
    expect(text).toMatch(/Your session with the EHR has ended/);
    expect(text).toContain('invalid_grant: Invalid refresh token');
    expect(text).toMatch(/Launch CareGap Panel again from the chart to continue/);
    expect(text).not.toMatch(/below/);
  });
});
