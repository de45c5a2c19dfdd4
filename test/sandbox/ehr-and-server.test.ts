import { describe, expect, it } from 'vitest';
import { IFRAME_SANDBOX } from '../../launch/sandbox/ehr/ehr-pages.ts';
import { startSandbox } from '../../launch/sandbox/server.ts';
import { ANCHOR, get, smallSandbox } from './sandbox-fixture.ts';

describe('EHR pages', () => {
  const sandbox = smallSandbox();

  it('lists every patient with a button to open the chart', async () => {
    const html = await (await get(sandbox, '/ehr/')).text();
    for (const p of sandbox.patients()) expect(html).toContain(`data-testid="open-${p.id}"`);
    expect(html).toContain('Dolores Quintero');
  });

  it('opens a chart that EHR-launches the app in a sandboxed iframe with iss and an opaque launch handle', async () => {
    const html = await (await get(sandbox, '/ehr/chart?patient=phq9-positive-no-followup&profile=epic-like&errorRate=0.3&denyScopes=Observation')).text();
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

describe('startSandbox', () => {
  it('serves the sandbox over real HTTP on a random port and closes cleanly', async () => {
    const running = await startSandbox({ port: 0, serveApp: 'none', seed: 42, patientCount: 3, anchorDate: ANCHOR });
    try {
      expect(running.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.ehrUrl).toBe(`${running.origin}/ehr/`);
      const config = await (await fetch(`${running.fhirBase}/.well-known/smart-configuration`)).json();
      expect(config.token_endpoint).toBe(`${running.origin}/auth/token`);
      const token = running.sandbox.issueToken({ patient: 'screen-due', scope: 'patient/Encounter.rs' });
      const bundle = await (await fetch(`${running.fhirBase}/Encounter?patient=screen-due`, { headers: { Authorization: `Bearer ${token.access_token}` } })).json();
      expect(bundle.total).toBe(running.sandbox.countsFor('screen-due').Encounter);
      expect((await fetch(`${running.origin}/index.html`)).status).toBe(404);
    } finally {
      await running.close();
    }
  });
});
