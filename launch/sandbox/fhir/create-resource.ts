/**
 * `POST /{Type}` create (R4 §3.1.0.8 create) with basic validation and conditional create
 * (`If-None-Exist`, R4 §3.1.0.8.1): 0 matches → create, 1 → 200 with the existing resource,
 * more → 412. Validation failures are 400 OperationOutcomes naming the offending field.
 */
import { outcomeResponse, jsonResponse } from '../http-responses.ts';
import type { SandboxContext } from '../sandbox-context.ts';
import { patientOf, PATIENT_COMPARTMENT } from './resource-store.ts';
import { searchResources } from './search.ts';

/** Creates a resource for a token (restricted to `patient` when the token is patient-scoped). */
export async function createResource(
  ctx: SandboxContext,
  request: Request,
  type: string,
  base: string,
  patient: string | undefined,
  headers: Record<string, string>,
): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return outcomeResponse(400, 'structure', 'Request body is not valid JSON', headers);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return outcomeResponse(400, 'structure', 'Request body must be a FHIR resource object', headers);
  }
  const resource = body as fhir4.Resource;
  if (resource.resourceType !== type) {
    return outcomeResponse(
      400,
      'invalid',
      `resourceType '${String(resource.resourceType)}' does not match the endpoint ${type}`,
      headers,
      `${type}.resourceType`,
    );
  }
  const compartmentElement = PATIENT_COMPARTMENT[type];
  if (compartmentElement && compartmentElement !== 'id') {
    const owner = patientOf(resource);
    if (!owner) {
      return outcomeResponse(
        400,
        'required',
        `${type}.${compartmentElement} must reference the patient (Patient/<id>)`,
        headers,
        `${type}.${compartmentElement}`,
      );
    }
    if (patient !== undefined && owner !== patient) {
      return outcomeResponse(
        400,
        'invalid',
        `${type}.${compartmentElement} references Patient/${owner}, but this token is for Patient/${patient}`,
        headers,
        `${type}.${compartmentElement}`,
      );
    }
    if (!ctx.store.read('Patient', owner)) {
      return outcomeResponse(
        400,
        'invalid',
        `${type}.${compartmentElement} references unknown Patient/${owner}`,
        headers,
        `${type}.${compartmentElement}`,
      );
    }
  }
  const condition = request.headers.get('If-None-Exist');
  if (condition) {
    const matches = searchResources(ctx.store, type, new URLSearchParams(condition), patient);
    if (matches.length === 1) {
      return jsonResponse(matches[0], 200, { ...headers, Location: `${base}/${type}/${matches[0]!.id}` });
    }
    if (matches.length > 1) {
      return outcomeResponse(
        412,
        'duplicate',
        `If-None-Exist '${condition}' matched ${matches.length} resources`,
        headers,
      );
    }
  }
  const lastUpdated = new Date(ctx.now()).toISOString();
  const stored = {
    ...resource,
    id: `created-${ctx.created.length + 1}`,
    meta: { ...(resource.meta ?? {}), versionId: '1', lastUpdated },
  } as fhir4.Resource;
  ctx.store.put(stored);
  ctx.created.push(stored);
  return jsonResponse(stored, 201, {
    ...headers,
    Location: `${base}/${type}/${stored.id}/_history/1`,
    ETag: 'W/"1"',
    'Last-Modified': new Date(ctx.now()).toUTCString(),
  });
}
