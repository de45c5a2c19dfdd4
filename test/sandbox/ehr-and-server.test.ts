import { describe, expect, it } from 'vitest';
import { IFRAME_SANDBOX } from '../../launch/sandbox/ehr/ehr-pages.ts';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { ANCHOR, authorizeUrl, exchangeCode, get, pkcePair, smallSandbox } from './sandbox-fixture.ts';

describe('EHR pages', () => {
  const sandbox = smallSandbox();

  it('lists every patient with a button to open the chart', async () => {
    const html = await (await get(sandbox, '/ehr/')).text();
    for (const p of sandbox.patients()) {
      expect(html).toContain(`data-testid="open-${p.id}"`);
    }
    expect(html).toContain('Dolores Quintero');
  });

  it('opens a chart that EHR-launches the app in a sandboxed iframe with iss and an opaque launch handle', async () => {
    const html = await (
      await get(
        sandbox,
        '/ehr/chart?patient=phq9-positive-no-followup&profile=epic-like&errorRate=0.3&denyScopes=Observation',
      )
    ).text();
    expect(html).toContain('data-testid="chart-patient">Dolores Quintero<');
    const iframe = /<iframe[^>]*src="([^"]+)"[^>]*sandbox="([^"]+)"/.exec(html);
    expect(iframe?.[2]).toBe(IFRAME_SANDBOX);
    const src = new URL(iframe![1]!.replaceAll('&amp;', '&'), 'http://sandbox.test');
    expect(src.pathname).toBe('/launch/index.html');
    expect(src.searchParams.get('iss')).toBe('http://sandbox.test/fhir/epic-like');
    const launch = src.searchParams.get('launch') ?? '';
    expect(launch).toMatch(/^[A-Za-z0-9_-]{12,}$/);
    expect(src.search).not.toMatch(/Quintero|Dolores|phq9|19\d\d-/);
  });

  it('answers 404 for an unknown patient chart', async () => {
    expect((await get(sandbox, '/ehr/chart?patient=nobody')).status).toBe(404);
  });
});

describe('opening a chart checks the patient in (today’s visit in the launch context)', () => {
  /** Thursday 3 December 2026, 14:05:09 UTC — the clock the sandbox reads (real time in use). */
  let now = Date.UTC(2026, 11, 3, 14, 5, 9, 250);
  const sandbox = smallSandbox({ now: () => now });
  const launchOf = async (patient: string) => {
    const html = await (await get(sandbox, `/ehr/chart?patient=${patient}`)).text();
    const src = new URL(/<iframe[^>]*src="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&'), 'http://sandbox.test');
    return src.searchParams.get('launch')!;
  };
  const tokenFor = async (launch: string) => {
    const { verifier, challenge } = pkcePair();
    const redirect = await get(
      sandbox,
      authorizeUrl({
        launch,
        code_challenge: challenge,
        scope: 'launch openid fhirUser patient/Encounter.rs patient/Observation.rs',
      }),
    );
    const code = new URL(redirect.headers.get('Location') ?? '').searchParams.get('code') ?? '';
    return (await exchangeCode(sandbox, code, verifier)).json() as Promise<Record<string, unknown>>;
  };

  it('creates an in-progress office visit that started now, attended by the signed-in clinician, and launches with it', async () => {
    const token = await tokenFor(await launchOf('screen-due'));
    expect(token.encounter).toBe('screen-due-visit-20261203');
    const visit = sandbox.resourcesFor('screen-due').find((r) => r.id === token.encounter) as fhir4.Encounter;
    expect(visit).toMatchObject({
      status: 'in-progress',
      class: { code: 'AMB' },
      subject: { reference: 'Patient/screen-due' },
      participant: [{ individual: { reference: 'Practitioner/dr-rivera' } }],
      period: { start: '2026-12-03T14:05:09Z' },
    });
    expect(visit.period?.end).toBeUndefined();
    expect(visit.type?.[0]?.coding?.[0]).toMatchObject({ system: 'http://www.ama-assn.org/go/cpt', code: '99213' });
  });

  it('gives every patient opened from the chart their own visit, and the same one when the chart is opened again that day', async () => {
    const first = await tokenFor(await launchOf('empty'));
    now += 3_600_000;
    const again = await tokenFor(await launchOf('empty'));
    expect(again.encounter).toBe(first.encounter);
    expect(sandbox.resourcesFor('empty').filter((r) => r.resourceType === 'Encounter')).toHaveLength(1);
    expect((await tokenFor(await launchOf('heavy'))).encounter).toBe('heavy-visit-20261203');
  });

  it('reads back through the FHIR API like any other encounter of the patient', async () => {
    const token = await tokenFor(await launchOf('malformed'));
    const bundle = (await (
      await get(sandbox, '/fhir/Encounter?patient=malformed', String(token.access_token))
    ).json()) as fhir4.Bundle;
    expect(bundle.entry?.map((e) => e.resource?.id)).toContain(token.encounter);
  });
});

describe('startSandbox', () => {
  it('serves the sandbox over real HTTP on a random port and closes cleanly', async () => {
    const running = await startSandbox({ port: 0, serveApp: 'none', seed: 42, patientCount: 3, anchorDate: ANCHOR });
    try {
      expect(running.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.ehrUrl).toBe(`${running.origin}/ehr/`);
      const config = await (await fetch(`${running.fhirBase}/.well-known/smart-configuration`)).json();
      expect(config.token_endpoint).toBe(`${running.origin}/auth/token`);
      const token = running.sandbox.issueToken({ patient: 'screen-due', scope: 'patient/Encounter.rs' });
      const bundle = await (
        await fetch(`${running.fhirBase}/Encounter?patient=screen-due`, {
          headers: { Authorization: `Bearer ${token.access_token}` },
        })
      ).json();
      expect(bundle.total).toBe(running.sandbox.countsFor('screen-due').Encounter);
      expect((await fetch(`${running.origin}/index.html`)).status).toBe(404);
    } finally {
      await running.close();
    }
  });
});
