/**
 * SMART EHR launch page (the app's registered launch URL): the EHR opens it with `iss` + `launch`;
 * it picks the client registration for `iss` from clients.json and starts authorization.
 * Spec: https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-ehr-launch
 */
import clients from './clients.json';
import { parseClientRegistry } from '../src/smart/client-registry.ts';
import { watchCspViolations } from '../src/smart/csp-violations.ts';
import { toLaunchError } from '../src/smart/launch-error.ts';
import { startLaunch } from '../src/smart/start-launch.ts';
import { renderLaunchError } from '../src/app/render-launch-error.ts';

watchCspViolations();
const status = document.getElementById('launch-status') ?? document.body;
const params = new URLSearchParams(window.location.search);

startLaunch({
  iss: params.get('iss'),
  launch: params.get('launch'),
  mode: 'ehr',
  // The sandbox EHR's "Population view" adds view=population: a practitioner launch, user scopes.
  view: params.get('view') === 'population' ? 'population' : 'patient',
  registry: parseClientRegistry(clients),
  defaultRedirectUri: new URL('../index.html', window.location.href).href,
}).catch((error: unknown) => renderLaunchError(status, toLaunchError(error)));
