/**
 * The sandbox's authorization server is safe by default (issue #14 §5): launch handles work once
 * and expire, refresh tokens expire (rotation never extends them), an EHR launch's patient cannot
 * be picked or changed, and write / offline_access scopes are shown for consent unless the sandbox
 * is configured to pre-approve them.
 */
import { describe, expect, it } from 'vitest';
import { LAUNCH_LIFETIME_MS, REFRESH_LIFETIME_MS } from '../../launch/sandbox/auth/token-store.ts';
import {
  approveStandalone,
  authorizeUrl,
  exchangeCode,
  get,
  pkcePair,
  postForm,
  requestIdOf,
  smallSandbox,
} from './sandbox-fixture.ts';

const READ_SCOPES = 'launch openid fhirUser patient/Patient.rs patient/Observation.rs online_access';

/** A sandbox whose clock the test moves. */
function clockedSandbox(extra: Parameters<typeof smallSandbox>[0] = {}) {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const sandbox = smallSandbox({ now: () => now, ...extra });
  return { sandbox, advance: (ms: number) => void (now += ms) };
}

describe('EHR launch handles', () => {
  it('work once: a second authorize with the same handle is refused', async () => {
    const sandbox = smallSandbox();
    const launch = sandbox.createLaunch({ patient: 'screen-due' });
    const first = await get(sandbox, authorizeUrl({ launch, code_challenge: 'x', scope: READ_SCOPES }));
    expect(new URL(first.headers.get('Location')!).searchParams.get('code')).toBeTruthy();
    const replay = await get(sandbox, authorizeUrl({ launch, code_challenge: 'x', scope: READ_SCOPES }));
    const location = new URL(replay.headers.get('Location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('expire: a handle used after five minutes is refused', async () => {
    const { sandbox, advance } = clockedSandbox();
    const launch = sandbox.createLaunch({ patient: 'screen-due' });
    advance(LAUNCH_LIFETIME_MS + 1);
    const res = await get(sandbox, authorizeUrl({ launch, code_challenge: 'x', scope: READ_SCOPES }));
    expect(new URL(res.headers.get('Location')!).searchParams.get('error_description')).toMatch(
      /expired or already used/,
    );
  });
});

describe('refresh tokens', () => {
  it('expire eight hours after the sign-in, however often they were rotated', async () => {
    const { sandbox, advance } = clockedSandbox();
    const { verifier, challenge } = pkcePair();
    const location = await approveStandalone(sandbox, 'screen-due', challenge);
    let token = (await (await exchangeCode(sandbox, location.searchParams.get('code')!, verifier)).json()) as {
      refresh_token: string;
    };
    for (let hour = 0; hour < 7; hour++) {
      advance(3_600_000);
      const res = await postForm(sandbox, '/auth/token', {
        grant_type: 'refresh_token',
        refresh_token: token.refresh_token,
      });
      expect(res.status, `hour ${hour + 1}`).toBe(200);
      token = (await res.json()) as { refresh_token: string };
    }
    advance(REFRESH_LIFETIME_MS - 7 * 3_600_000);
    const late = await postForm(sandbox, '/auth/token', {
      grant_type: 'refresh_token',
      refresh_token: token.refresh_token,
    });
    expect(late.status).toBe(400);
    expect(await late.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Refresh token expired: sign in again',
    });
  });

  it('have a configurable lifetime', async () => {
    const { sandbox, advance } = clockedSandbox({ refreshTokenLifetimeSec: 60 });
    const { verifier, challenge } = pkcePair();
    const location = await approveStandalone(sandbox, 'screen-due', challenge);
    const token = (await (await exchangeCode(sandbox, location.searchParams.get('code')!, verifier)).json()) as {
      refresh_token: string;
    };
    advance(61_000);
    expect(
      (await postForm(sandbox, '/auth/token', { grant_type: 'refresh_token', refresh_token: token.refresh_token }))
        .status,
    ).toBe(400);
  });
});

describe('the patient of an authorization', () => {
  it('cannot be picked for an EHR launch, even when the request is posted by hand', async () => {
    const sandbox = smallSandbox();
    const { verifier, challenge } = pkcePair();
    const launch = sandbox.createLaunch({ patient: 'screen-due', skipConsent: false });
    const consent = await (
      await get(sandbox, authorizeUrl({ launch, code_challenge: challenge, scope: READ_SCOPES }))
    ).text();
    expect(consent).toContain('data-testid="consent-patient">Marcus Bell<');
    const pick = await postForm(sandbox, '/auth/pick', { request: requestIdOf(consent), patient: 'suicide-risk' });
    expect(pick.status).toBe(403);
    const approved = await postForm(sandbox, '/auth/consent', {
      request: requestIdOf(consent),
      action: 'approve',
      scope: READ_SCOPES.split(' '),
    });
    const code = new URL(approved.headers.get('Location')!).searchParams.get('code')!;
    const token = (await (await exchangeCode(sandbox, code, verifier)).json()) as { patient?: string };
    expect(token.patient).toBe('screen-due'); // the chart's patient, not the one posted to /auth/pick
  });

  it('cannot be changed once picked in a standalone launch', async () => {
    const sandbox = smallSandbox();
    const picker = await (await get(sandbox, authorizeUrl({ code_challenge: 'x' }))).text();
    const id = requestIdOf(picker);
    expect((await postForm(sandbox, '/auth/pick', { request: id, patient: 'screen-due' })).status).toBe(200);
    expect((await postForm(sandbox, '/auth/pick', { request: id, patient: 'suicide-risk' })).status).toBe(403);
  });
});

describe('consent for writing and offline access', () => {
  const WRITE_SCOPES = `${READ_SCOPES} patient/Observation.c`;

  it('an EHR launch asking only to read skips the consent page (pre-authorized by the EHR)', async () => {
    const sandbox = smallSandbox();
    const res = await get(
      sandbox,
      authorizeUrl({
        launch: sandbox.createLaunch({ patient: 'screen-due' }),
        code_challenge: 'x',
        scope: READ_SCOPES,
      }),
    );
    expect(res.status).toBe(302);
  });

  it('an EHR launch asking to write (v2 .c or v1 .write) or for offline_access shows the consent page by default', async () => {
    const sandbox = smallSandbox();
    for (const scope of [WRITE_SCOPES, `${READ_SCOPES} patient/Observation.write`, `${READ_SCOPES} offline_access`]) {
      const res = await get(
        sandbox,
        authorizeUrl({ launch: sandbox.createLaunch({ patient: 'screen-due' }), code_challenge: 'x', scope }),
      );
      expect(res.status, scope).toBe(200);
      const html = await res.text();
      expect(html, scope).toContain('id="approve"');
      expect(html, scope).toContain('data-testid="consent-patient">Marcus Bell<');
    }
  });

  it('skips it for writes only when the sandbox is configured to pre-approve them', async () => {
    const writes = smallSandbox({ autoApprove: ['write'] });
    expect(
      (
        await get(
          writes,
          authorizeUrl({
            launch: writes.createLaunch({ patient: 'screen-due' }),
            code_challenge: 'x',
            scope: WRITE_SCOPES,
          }),
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await get(
          writes,
          authorizeUrl({
            launch: writes.createLaunch({ patient: 'screen-due' }),
            code_challenge: 'x',
            scope: `${READ_SCOPES} offline_access`,
          }),
        )
      ).status,
    ).toBe(200);
    const both = smallSandbox({ autoApprove: ['write', 'offline_access'] });
    expect(
      (
        await get(
          both,
          authorizeUrl({
            launch: both.createLaunch({ patient: 'screen-due' }),
            code_challenge: 'x',
            scope: `${WRITE_SCOPES} offline_access`,
          }),
        )
      ).status,
    ).toBe(302);
  });
});
