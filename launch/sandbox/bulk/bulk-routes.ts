/**
 * Routes of FHIR Bulk Data Access under a FHIR base (after the bearer token was checked):
 * `$export`, `Patient/$export`, `Group/[id]/$export` (GET or POST), the status URL
 * `bulk-status/[job]` (GET, DELETE) and the files `bulk-files/[job]/[name]` (GET).
 * Undefined when the path is not a bulk route (or export is switched off), so the FHIR API goes on.
 */
import type { Grant } from '../auth/token-store.ts';
import { outcomeResponse } from '../http-responses.ts';
import type { SandboxContext } from '../sandbox-context.ts';
import { bulkState } from './bulk-state.ts';
import { exportFile } from './export-files.ts';
import { kickoff } from './export-kickoff.ts';
import { exportStatus } from './export-status.ts';
import type { ExportLevel } from './export-snapshot.ts';

/** The operation name in a path segment. */
const EXPORT = '$export';

function kickoffLevel(rest: readonly string[]): { level: ExportLevel; groupId?: string } | undefined {
  if (rest.length === 1 && rest[0] === EXPORT) {
    return { level: 'system' };
  }
  if (rest.length === 2 && rest[0] === 'Patient' && rest[1] === EXPORT) {
    return { level: 'patient' };
  }
  if (rest.length === 3 && rest[0] === 'Group' && rest[2] === EXPORT && rest[1]) {
    return { level: 'group', groupId: rest[1] };
  }
  return undefined;
}

/** Answers a bulk route, or undefined for any other path. `rest` = path segments after the FHIR base. */
export async function handleBulk(
  ctx: SandboxContext,
  request: Request,
  url: URL,
  rest: readonly string[],
  base: string,
  grant: Grant,
  headers: Record<string, string>,
): Promise<Response | undefined> {
  if (!bulkState(ctx).enabled) {
    return undefined;
  }
  const target = kickoffLevel(rest);
  if (target) {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return outcomeResponse(405, 'not-supported', `Start an export with GET or POST, not ${request.method}`, headers);
    }
    return kickoff(ctx, request, url, target.level, target.groupId, base, grant, headers);
  }
  if (rest[0] === 'bulk-status' && rest.length === 2) {
    return exportStatus(ctx, request, rest[1]!, grant, headers);
  }
  if (rest[0] === 'bulk-files' && rest.length === 3) {
    return exportFile(ctx, request, rest[1]!, rest[2]!, grant, headers);
  }
  return undefined;
}
