/**
 * HTML pages of the authorization server: the patient picker, the consent page and error pages.
 * Buttons carry stable ids / data-testid so browser tests can click them.
 */
import { escapeHtml, htmlResponse } from '../http-responses.ts';
import type { PatientSummary } from '../sandbox-context.ts';

/** Age in whole years on an ISO day. */
export function ageOn(birthDate: string, isoDay: string): number {
  const [by = 0, bm = 1, bd = 1] = birthDate.split('-').map(Number);
  const [ty = 0, tm = 1, td = 1] = isoDay.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** An error page shown instead of redirecting (unknown client, unregistered redirect URI…). */
export function authErrorPage(title: string, detail: string, status = 400): Response {
  return htmlResponse(
    title,
    `<h1 class="error">${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p>Go back to the app and launch it again. If this keeps happening, check the app's client registration (client_id and redirect URI).</p>`,
    status,
  );
}

/** The patient picker for standalone launches without patient context. */
export function patientPickerPage(
  requestId: string,
  patients: readonly PatientSummary[],
  anchorDate: string,
): Response {
  const rows = patients
    .map(
      (
        p,
      ) => `<tr><td><button type="submit" name="patient" value="${escapeHtml(p.id)}" data-testid="pick-${escapeHtml(p.id)}">${escapeHtml(p.name)}</button></td>
<td>${ageOn(p.birthDate, anchorDate)}</td><td>${escapeHtml(p.gender)}</td><td>${p.label ? `<span class="label">${escapeHtml(p.label)}</span>` : ''}</td></tr>`,
    )
    .join('\n');
  return htmlResponse(
    'Select a patient',
    `<h1>Select a patient</h1>
<p>The app asked for a patient context (launch/patient). Choose the patient to open.</p>
<form method="post" action="/auth/pick"><input type="hidden" name="request" value="${escapeHtml(requestId)}">
<table><thead><tr><th>Name</th><th>Age</th><th>Sex</th><th></th></tr></thead><tbody>${rows}</tbody></table></form>`,
  );
}

/** The consent page: requested scopes as checkboxes (all checked), Approve / Deny. */
export function consentPage(
  requestId: string,
  clientName: string,
  scopes: readonly string[],
  patient?: PatientSummary,
): Response {
  const items = scopes
    .map(
      (s, i) =>
        `<li><label><input type="checkbox" id="scope-${i}" name="scope" value="${escapeHtml(s)}" checked> <code>${escapeHtml(s)}</code></label></li>`,
    )
    .join('\n');
  return htmlResponse(
    'Authorize app',
    `<h1>Authorize ${escapeHtml(clientName)}</h1>
${patient ? `<p>Patient: <strong data-testid="consent-patient">${escapeHtml(patient.name)}</strong></p>` : ''}
<p>The app requests the following permissions. Uncheck any you do not want to grant.</p>
<form method="post" action="/auth/consent"><input type="hidden" name="request" value="${escapeHtml(requestId)}">
<fieldset><legend>Requested scopes</legend><ul>${items}</ul></fieldset>
<button type="submit" id="approve" name="action" value="approve">Approve</button>
<button type="submit" id="deny" name="action" value="deny">Deny</button></form>`,
  );
}
