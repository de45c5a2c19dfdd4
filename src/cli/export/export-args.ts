/**
 * Command line of `caregap export` (a FHIR Bulk Data export with SMART Backend Services
 * authorization, written as a folder `caregap evaluate` reads).
 */
import { parseArgs } from 'node:util';
import { isInstant } from '../../fhir/bulk-export/instant.ts';

/** Usage text of `caregap export`. */
export const EXPORT_USAGE = `Usage: caregap export --fhir-base URL --client-id ID --private-key FILE --out DIR [options]

Pulls a FHIR Bulk Data export (Bulk Data Access IG 2.0) from an EHR, authorized as a SMART Backend
Service (client_credentials grant, private_key_jwt assertion signed RS384 or ES384), and writes one
ndjson file per resource type into DIR, ready for "caregap evaluate DIR".

Options:
  --fhir-base URL        FHIR server base (the token endpoint is found in
                         URL/.well-known/smart-configuration)
  --group ID             export Group/ID/$export (default: Patient/$export, every patient)
  --type T,...           resource types to export (repeatable; default: Patient, Practitioner and
                         the types the measures read, limited to those the server lists)
  --since INSTANT        only resources changed after INSTANT (FHIR instant with a time zone, e.g.
                         2026-06-01T00:00:00Z). When DIR holds an earlier export of the same
                         server and group, the changes are merged into it
  --client-id ID         client_id registered with the EHR for this backend service
  --private-key FILE     private key: a JWK or JWK Set (.json) with kid, or a PEM file with --key-id
  --key-id KID           kid of the key (required for PEM keys)
  --out DIR              output folder (created; must be empty or hold an earlier caregap export)
  --parallel N           files downloaded at once (default 2, at most 8)
  --max-poll-interval S  longest wait between status polls, in seconds (default 120), even when
                         the server's Retry-After asks for more
  --quiet                no progress on stderr
  -h, --help             show this help

Exit status: 0 exported; 1 the export failed or the server reported errors (named on stderr;
what was exported is kept); 2 usage error.`;

/** A usage error (exit status 2). */
export class ExportUsageError extends Error {}

/** Parsed `caregap export` options. */
export interface ExportOptions {
  fhirBase: string;
  groupId?: string;
  types?: string[];
  since?: string;
  clientId: string;
  privateKey: string;
  keyId?: string;
  out: string;
  parallel: number;
  maxPollIntervalMs: number;
  quiet: boolean;
}

/** Parses `export` arguments; throws ExportUsageError on anything invalid. */
export function parseExportArgs(args: readonly string[]): ExportOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      options: {
        'fhir-base': { type: 'string' },
        group: { type: 'string' },
        type: { type: 'string', multiple: true },
        since: { type: 'string' },
        'client-id': { type: 'string' },
        'private-key': { type: 'string' },
        'key-id': { type: 'string' },
        out: { type: 'string' },
        parallel: { type: 'string' },
        'max-poll-interval': { type: 'string' },
        quiet: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new ExportUsageError((e as Error).message);
  }
  const v = parsed.values;
  for (const required of ['fhir-base', 'client-id', 'private-key', 'out'] as const) {
    if (!v[required]) {
      throw new ExportUsageError(`--${required} is required`);
    }
  }
  let base: URL;
  try {
    base = new URL(v['fhir-base']!);
  } catch {
    throw new ExportUsageError(`--fhir-base "${v['fhir-base']}" is not a URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new ExportUsageError('--fhir-base must be an http(s) URL');
  }
  if (base.search || base.hash) {
    throw new ExportUsageError('--fhir-base must not have a query or fragment');
  }
  const types = v.type
    ?.flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  const badType = types?.find((t) => !/^[A-Z][A-Za-z]+$/.test(t));
  if (badType !== undefined) {
    throw new ExportUsageError(`--type "${badType}" is not a FHIR resource type name`);
  }
  if (v.since !== undefined && !isInstant(v.since)) {
    throw new ExportUsageError(
      `--since "${v.since}" is not a FHIR instant (YYYY-MM-DDThh:mm:ss[.sss] with Z or ±hh:mm)`,
    );
  }
  if (v.group !== undefined && !/^[A-Za-z0-9\-.]{1,64}$/.test(v.group)) {
    throw new ExportUsageError(`--group "${v.group}" is not a FHIR id`);
  }
  const parallel = Number(v.parallel ?? '2');
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 8) {
    throw new ExportUsageError(`--parallel must be a whole number from 1 to 8, got "${v.parallel}"`);
  }
  const maxPoll = Number(v['max-poll-interval'] ?? '120');
  if (!Number.isFinite(maxPoll) || maxPoll < 1 || maxPoll > 3600) {
    throw new ExportUsageError(`--max-poll-interval must be 1 to 3600 seconds, got "${v['max-poll-interval']}"`);
  }
  return {
    fhirBase: base.href.replace(/\/+$/, ''),
    ...(v.group !== undefined ? { groupId: v.group } : {}),
    ...(types?.length ? { types: [...new Set(types)] } : {}),
    ...(v.since !== undefined ? { since: v.since } : {}),
    clientId: v['client-id']!,
    privateKey: v['private-key']!,
    ...(v['key-id'] ? { keyId: v['key-id'] } : {}),
    out: v.out!,
    parallel,
    maxPollIntervalMs: maxPoll * 1000,
    quiet: v.quiet ?? false,
  };
}
