/**
 * `$export` kick-off (Bulk Data Access IG 2.0.0 export.html §"Bulk Data Kick-off Request"):
 * `[base]/Patient/$export`, `[base]/Group/[id]/$export` and `[base]/$export`. Checks the request
 * and the token (user/ or system/ read scopes covering every exported type: the IG's "Client
 * explicitly asks for data that it is not authorized to see … SHOULD respond with a failure"),
 * snapshots the matching resources at `transactionTime` and answers 202 with `Content-Location`.
 */
import { randomToken, type Grant } from '../auth/token-store.ts';
import { permits } from '../auth/scopes.ts';
import { jsonResponse, operationOutcome, outcomeResponse } from '../http-responses.ts';
import type { SandboxContext } from '../sandbox-context.ts';
import { bulkState, EXPORT_RETENTION_MS, MAX_JOBS, type ExportFile, type ExportJob } from './bulk-state.ts';
import { parseKickoff, preferences } from './export-request.ts';
import { exportableTypes, groupMemberIds, selectResources, type ExportLevel } from './export-snapshot.ts';

/** Whether a grant may read a type in bulk (user/ or system/ context, not denied by a fault). */
export function mayExport(grant: Grant, type: string): boolean {
  if (grant.deniedTypes.has(type)) {
    return false;
  }
  const context = permits(grant.scopes, type, 'r');
  return context === 'user' || context === 'system';
}

/** An informational OperationOutcome for the manifest's `error` file. */
function note(text: string): fhir4.OperationOutcome {
  return operationOutcome('information', 'informational', text);
}

/** Splits a type's resources into files of at most `perFile` resources. */
function filesOf(type: string, resources: fhir4.Resource[], perFile: number, counter: { n: number }): ExportFile[] {
  const files: ExportFile[] = [];
  for (let i = 0; i < resources.length; i += Math.min(perFile, resources.length)) {
    files.push({
      name: `${++counter.n}.${type}.ndjson`,
      type,
      resources: resources.slice(i, i + perFile),
      attempts: 0,
      truncated: false,
    });
  }
  return files;
}

/** Drops expired jobs and, beyond MAX_JOBS, the oldest. */
function evictJobs(jobs: Map<string, ExportJob>, now: number): void {
  for (const [id, job] of jobs) {
    if (job.expiresAt <= now) {
      jobs.delete(id);
    }
  }
  while (jobs.size >= MAX_JOBS) {
    jobs.delete(jobs.keys().next().value!);
  }
}

/** Handles one kick-off request. */
export async function kickoff(
  ctx: SandboxContext,
  request: Request,
  url: URL,
  level: ExportLevel,
  groupId: string | undefined,
  base: string,
  grant: Grant,
  headers: Record<string, string>,
): Promise<Response> {
  const state = bulkState(ctx);
  const now = ctx.now();
  const attempt = ++state.kickoffAttempts;
  if (attempt <= (state.faults.rateLimitKickoffs ?? 0)) {
    const wait = String(state.faults.retryAfterSec ?? 1);
    return outcomeResponse(
      429,
      'throttled',
      `Injected fault: the server is busy with other exports (rateLimitKickoffs); retry after ${wait} s`,
      { ...headers, 'Retry-After': wait },
    );
  }
  if (permits(grant.scopes, 'Patient', 'r') === 'patient' && !mayExport(grant, 'Patient')) {
    return outcomeResponse(
      403,
      'forbidden',
      'Bulk Data export needs user/ or system/ read scopes; this token is limited to one patient',
      headers,
    );
  }
  const params = await parseKickoff(request, url);
  if ('status' in params) {
    return outcomeResponse(params.status, params.code, params.message, headers, params.expression);
  }
  const lenient = preferences(request).has('handling=lenient');
  const notes: fhir4.OperationOutcome[] = params.ignored.map((p) =>
    note(`Kick-off parameter '${p}' is not supported by the sandbox and was ignored (Prefer: handling=lenient)`),
  );

  const exportable = exportableTypes(level);
  let types: string[];
  if (params.types) {
    types = [];
    for (const t of params.types) {
      if (!exportable.includes(t)) {
        if (lenient) {
          notes.push(note(`_type ${t} is not available in a ${level}-level export and was ignored`));
          continue;
        }
        return outcomeResponse(
          400,
          'not-supported',
          `_type ${t} is not available in a ${level}-level export; available: ${exportable.join(', ')}`,
          headers,
          '_type',
        );
      }
      if (!mayExport(grant, t)) {
        return outcomeResponse(
          403,
          'forbidden',
          `Insufficient scope to export ${t}: the token needs system/${t}.rs or user/${t}.rs (v1: .read)`,
          headers,
          '_type',
        );
      }
      types.push(t);
    }
  } else {
    types = exportable.filter((t) => mayExport(grant, t));
    const skipped = exportable.filter((t) => !mayExport(grant, t));
    if (skipped.length) {
      notes.push(note(`Not exported (outside the token's scopes): ${skipped.join(', ')}`));
    }
    if (!types.length) {
      return outcomeResponse(
        403,
        'forbidden',
        'The token permits no resource type in this export (needs system/ or user/ read scopes)',
        headers,
      );
    }
  }

  let patientIds: string[] | undefined;
  if (level === 'group') {
    const group = ctx.store.read('Group', groupId ?? '') as fhir4.Group | undefined;
    if (!group) {
      return outcomeResponse(404, 'not-found', `Group/${groupId ?? ''} not found`, headers);
    }
    patientIds = groupMemberIds(group);
  } else if (level === 'patient') {
    patientIds = ctx.store.all('Patient').map((p) => p.id!);
  }
  if (params.patients) {
    if (level === 'system') {
      return outcomeResponse(
        400,
        'not-supported',
        "'patient' does not apply to a system-level export",
        headers,
        'patient',
      );
    }
    const known = new Set(patientIds);
    const stranger = params.patients.find((id) => !known.has(id));
    if (stranger !== undefined) {
      return outcomeResponse(
        400,
        'value',
        level === 'group' ? `Patient/${stranger} is not a member of Group/${groupId}` : `Patient/${stranger} not found`,
        headers,
        'patient',
      );
    }
    patientIds = params.patients;
  }

  const selected = selectResources(ctx.store, {
    level,
    types,
    ...(patientIds ? { patientIds } : {}),
    ...(params.since ? { sinceMs: params.since.ms } : {}),
  });
  const counter = { n: 0 };
  const files = [...selected].flatMap(([type, resources]) => filesOf(type, resources, state.resourcesPerFile, counter));
  const id = randomToken(16);
  const job: ExportJob = {
    id,
    clientId: grant.clientId,
    user: grant.user,
    base,
    request: url.href,
    transactionTime: new Date(now).toISOString(),
    createdAt: now,
    readyAt: now + state.durationMs,
    expiresAt: now + state.durationMs + EXPORT_RETENTION_MS,
    patientCount: patientIds?.length ?? selected.get('Patient')?.length ?? 0,
    types,
    files,
    errors: notes.length
      ? [
          {
            name: 'error.OperationOutcome.ndjson',
            type: 'OperationOutcome',
            resources: notes,
            attempts: 0,
            truncated: false,
          },
        ]
      : [],
    polls: 0,
    pollNotBefore: 0,
  };
  evictJobs(state.jobs, now);
  state.jobs.set(id, job);
  state.activity.kickoffs++;
  state.activity.clients.push(grant.clientId);
  const accepted = operationOutcome(
    'information',
    'informational',
    'Export accepted; poll the Content-Location URL for its status',
  );
  return jsonResponse(accepted, 202, { ...headers, 'Content-Location': `${base}/bulk-status/${id}` });
}
