/**
 * `npm start`: the sandbox EHR and the app (through Vite) on one port (PORT, default 8080).
 * Prints the URLs to open; Ctrl-C closes cleanly.
 */
import { bulkFaultsFromParams } from './bulk/bulk-faults.ts';
import { startSandbox } from './server.ts';

const port = Number(process.env.PORT ?? 8080);
// SANDBOX_AUTO_APPROVE=write[,offline_access]: EHR launches grant those without the consent page
// (default: the user is asked). SANDBOX_ALLOWED_HOSTS=a.example,b.example: extra Host names served.
const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const autoApprove = list(process.env.SANDBOX_AUTO_APPROVE).filter(
  (x): x is 'write' | 'offline_access' => x === 'write' || x === 'offline_access',
);
const running = await startSandbox({
  port,
  serveApp: 'vite',
  origin: `http://localhost:${port}`,
  autoApprove,
  allowedHosts: list(process.env.SANDBOX_ALLOWED_HOSTS),
  ...(process.env.SANDBOX_SEED ? { seed: Number(process.env.SANDBOX_SEED) } : {}),
  ...(process.env.SANDBOX_BULK_FAULTS
    ? { bulkFaults: bulkFaultsFromParams(new URLSearchParams(process.env.SANDBOX_BULK_FAULTS)) }
    : {}),
});
console.log(`CareGap Panel sandbox EHR: open ${running.ehrUrl}`);
console.log(`Standalone launch:          ${running.origin}/launch/standalone.html  (FHIR base ${running.fhirBase})`);
console.log(
  `Bulk Data:                  ${running.fhirBase}/Group/attributed/$export (backend client caregap-backend, dev key launch/sandbox/dev-keys/)`,
);
console.log(
  `Patients: ${running.sandbox.patients().length}; data anchored on ${running.sandbox.anchorDate}. Press Ctrl-C to stop.`,
);

let closing = false;
const shutdown = (): void => {
  if (closing) {
    return;
  }
  closing = true;
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
