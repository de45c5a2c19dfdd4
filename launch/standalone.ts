/**
 * Standalone launch page: the user chooses a FHIR server (the local sandbox is prefilled) and the
 * app asks for `launch/patient`, so the authorization server shows its patient picker.
 * Spec: https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-standalone-launch
 */
import clients from './clients.json';
import { parseClientRegistry } from '../src/smart/client-registry.ts';
import { watchCspViolations } from '../src/smart/csp-violations.ts';
import { toLaunchError } from '../src/smart/launch-error.ts';
import { startLaunch } from '../src/smart/start-launch.ts';
import { renderLaunchError } from '../src/app/render-launch-error.ts';

watchCspViolations();
const registry = parseClientRegistry(clients);
const form = document.getElementById('standalone-form') as HTMLFormElement;
const input = document.getElementById('iss') as HTMLInputElement;
const status = document.getElementById('launch-status') ?? document.body;
const known = document.getElementById('known-servers');

const view = new URLSearchParams(window.location.search).get('view') === 'population' ? 'population' : 'patient';

// Prefill: ?iss=… when given, else the sandbox served from this origin.
input.value = new URLSearchParams(window.location.search).get('iss') ?? `${window.location.origin}/fhir`;
for (const c of registry.clients) {
  if (c.iss.includes('*')) {
    continue;
  }
  const option = document.createElement('option');
  option.value = c.iss;
  known?.append(option);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  status.textContent = 'Connecting…';
  startLaunch({
    iss: input.value,
    mode: 'standalone',
    view,
    registry,
    defaultRedirectUri: new URL('../index.html', window.location.href).href,
  }).catch((error: unknown) => renderLaunchError(status, toLaunchError(error)));
});
