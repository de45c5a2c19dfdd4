/**
 * The sandbox "EHR": `/ehr/` lists the synthetic patients with launch options (quirk profile,
 * faults, denied scopes, banner); `/ehr/chart?patient=…&profile=…&errorRate=…` is a chart shell
 * that performs a real SMART EHR launch of the app in a sandboxed iframe (`iss` + opaque `launch`),
 * as Epic or Oracle Health do. Opening a chart checks the patient in: the launch carries today's
 * in-progress visit as its `encounter` context (todays-visit.ts). The launch handle hides everything
 * but itself from the app.
 */
import { ageOn } from '../auth/auth-pages.ts';
import { faultsFromParams } from '../auth/faults.ts';
import { QUIRK_PROFILES, type QuirkProfile } from '../auth/token-store.ts';
import { DEFAULT_USER_ID } from '../data/directory.ts';
import { escapeHtml, htmlResponse } from '../http-responses.ts';
import { fhirBaseFor, type SandboxContext } from '../sandbox-context.ts';
import { checkIn } from './todays-visit.ts';

/** The iframe sandbox attribute real EHRs use (athenahealth guide, smart-launcher-v2 PR #41). */
export const IFRAME_SANDBOX =
  'allow-forms allow-modals allow-pointer-lock allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-downloads';

/** Routes `/ehr/**`. */
export function handleEhr(ctx: SandboxContext, url: URL): Response {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/ehr' || path === '/ehr/index.html') {
    return patientListPage(ctx);
  }
  if (path === '/ehr/chart') {
    return chartPage(ctx, url.searchParams);
  }
  if (path === '/ehr/population') {
    return populationPage(ctx, url.searchParams);
  }
  return htmlResponse('Not found', '<h1>Not found</h1><p><a href="/ehr/">Back to the patient list</a></p>', 404);
}

function patientListPage(ctx: SandboxContext): Response {
  const rows = ctx.directory
    .map(
      (
        p,
      ) => `<tr><td><button type="submit" name="patient" value="${escapeHtml(p.id)}" data-testid="open-${escapeHtml(p.id)}">${escapeHtml(p.name)}</button></td>
<td>${ageOn(p.birthDate, ctx.anchorDate)}</td><td>${escapeHtml(p.gender)}</td><td><code>${escapeHtml(p.id)}</code></td><td>${p.label ? `<span class="label">${escapeHtml(p.label)}</span>` : ''}</td></tr>`,
    )
    .join('\n');
  const profiles = QUIRK_PROFILES.map(
    (p, i) => `<label><input type="radio" name="profile" value="${p}"${i === 0 ? ' checked' : ''}> ${p}</label>`,
  ).join('');
  return htmlResponse(
    'Sandbox EHR — patients',
    `<h1>Sandbox EHR — patient list</h1>
<p>Choose a patient to open their chart; CareGap Panel is launched inside it (SMART EHR launch). Data are synthetic, anchored on ${escapeHtml(ctx.anchorDate)}.
Standalone launch: <a href="/launch/standalone.html">/launch/standalone.html</a>.
Quality staff: <a href="/ehr/population" data-testid="open-population">Population view</a> (practitioner launch, no patient).</p>
<form method="get" action="/ehr/chart">
<fieldset><legend>Server profile</legend>${profiles}</fieldset>
<fieldset><legend>Faults</legend>
<label>Latency (ms) <input name="latencyMs" type="number" min="0" step="50" value="0"></label>
<label>500 share <input name="errorRate" type="number" min="0" max="1" step="0.05" value="0"></label>
<label>429 share <input name="rateLimitRate" type="number" min="0" max="1" step="0.05" value="0"></label>
<label>Always-failing type <input name="failType" placeholder="e.g. Procedure"></label>
<label>Token lifetime (s) <input name="tokenLifetimeSec" type="number" min="0" value=""></label>
<label>Deny scopes <input name="denyScopes" placeholder="e.g. Observation,Procedure"></label>
</fieldset>
<fieldset><legend>Display</legend><label><input type="checkbox" name="needBanner" value="1"> App shows its own patient banner</label>
<label><input type="checkbox" name="consent" value="1"> Show the consent page</label></fieldset>
<table><thead><tr><th>Name</th><th>Age</th><th>Sex</th><th>Id</th><th>Scenario</th></tr></thead><tbody>${rows}</tbody></table>
</form>`,
  );
}

function chartPage(ctx: SandboxContext, params: URLSearchParams): Response {
  const patientId = params.get('patient') ?? '';
  const patient = ctx.directory.find((p) => p.id === patientId);
  if (!patient) {
    return htmlResponse(
      'Unknown patient',
      `<h1 class="error">Unknown patient</h1><p><a href="/ehr/">Back to the patient list</a></p>`,
      404,
    );
  }
  const profile = (QUIRK_PROFILES.find((p) => p === params.get('profile')) ?? 'generic') as QuirkProfile;
  const faults = faultsFromParams(params);
  const encounter = checkIn(ctx, patient.id, DEFAULT_USER_ID);
  const handle = ctx.tokens.createLaunch({
    patient: patient.id,
    encounter,
    profile,
    faults,
    needPatientBanner: params.get('needBanner') === '1' || params.get('needBanner') === 'true',
    skipConsent: !(params.get('consent') === '1' || params.get('consent') === 'true'),
    user: DEFAULT_USER_ID,
  });
  const iss = fhirBaseFor(ctx.origin, profile);
  const src = `/launch/index.html?iss=${encodeURIComponent(iss)}&launch=${encodeURIComponent(handle)}`;
  const faultText = Object.keys(faults).length ? ` · faults: ${escapeHtml(JSON.stringify(faults))}` : '';
  // The EHR's own patient banner (the app does not repeat it): one or two short lines even at 400 px.
  const page = `<header style="background:#1f3a5f;color:#fff;padding:.35rem .75rem;display:flex;flex-wrap:wrap;gap:.1rem 1rem;align-items:baseline;font-size:14px">
<strong>Sandbox EHR</strong><strong style="white-space:nowrap" data-testid="chart-patient">${escapeHtml(patient.name)}</strong>
<span style="white-space:nowrap">${ageOn(patient.birthDate, ctx.anchorDate)} y · ${escapeHtml(patient.gender)} · DOB ${escapeHtml(patient.birthDate)}</span>
<span style="font-size:.8rem">profile: ${profile}${faultText}</span><a href="/ehr/" style="color:#fff;margin-left:auto">Patient list</a></header>
<iframe id="app-frame" title="CareGap Panel" src="${escapeHtml(src)}" sandbox="${IFRAME_SANDBOX}" style="border:0;width:100%;flex:1;min-height:0;background:#fff"></iframe>`;
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>Chart — ${escapeHtml(patient.name)}</title></head><body style="margin:0;font:15px/1.45 system-ui,sans-serif;display:flex;flex-direction:column;height:100vh">${page}</body></html>`,
    {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  );
}

/**
 * Practitioner launch without a patient (`/ehr/population`): the app opens on the attributed
 * population (`Group/attributed`) and asks for `user/` scopes (launch URL carries view=population).
 */
function populationPage(ctx: SandboxContext, params: URLSearchParams): Response {
  const profile = (QUIRK_PROFILES.find((p) => p === params.get('profile')) ?? 'generic') as QuirkProfile;
  const faults = faultsFromParams(params);
  const handle = ctx.tokens.createLaunch({
    profile,
    faults,
    needPatientBanner: false,
    skipConsent: !(params.get('consent') === '1' || params.get('consent') === 'true'),
    user: DEFAULT_USER_ID,
  });
  const iss = fhirBaseFor(ctx.origin, profile);
  const src = `/launch/index.html?iss=${encodeURIComponent(iss)}&launch=${encodeURIComponent(handle)}&view=population`;
  const page = `<header style="background:#1f3a5f;color:#fff;padding:.5rem 1rem;display:flex;gap:1.5rem;align-items:baseline">
<strong>Sandbox EHR</strong><span data-testid="chart-population">Population — attributed patients</span>
<span style="font-size:.8rem">profile: ${profile}</span><a href="/ehr/" style="color:#fff;margin-left:auto">Patient list</a></header>
<iframe id="app-frame" title="CareGap Panel" src="${escapeHtml(src)}" sandbox="${IFRAME_SANDBOX}" style="border:0;width:100%;height:calc(100vh - 3rem);background:#fff"></iframe>`;
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Population — CareGap Panel</title></head><body style="margin:0;font:15px/1.45 system-ui,sans-serif">${page}</body></html>`,
    {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  );
}
