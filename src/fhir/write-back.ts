/**
 * Write-back to the EHR: what every created resource carries (subject, encounter, performer,
 * a client-generated identifier) and the one `submitWriteBatch` that POSTs a prepared batch with
 * conditional create, so a retried submit is never applied twice (FHIR R4 http.html#ccreate).
 * The builders for each instrument live beside this file (write-back-depression.ts, …-sdoh.ts,
 * …-follow-up.ts); they are pure and take their clock and ids from a {@link WriteContext}.
 */
import { FhirHttpError, toFhirHttpError } from './fhir-http-error.ts';

/**
 * System of the client-generated identifiers: RFC 3986 URIs whose value is a `urn:uuid:`. The
 * same pair is the `If-None-Exist` criterion, so the server can recognise a retry.
 */
export const WRITE_BACK_IDENTIFIER_SYSTEM = 'urn:ietf:rfc:3986';

/** The visit results are written against, as the confirmation names it. */
export interface VisitAttachment {
  /** `Encounter/<id>`. */
  reference: string;
  /** What the visit is ("Office or other outpatient visit …"), when the encounter says. */
  type?: string;
  /** The visit's calendar day (YYYY-MM-DD). */
  date?: string;
  /** Still open (in progress): it counts for the measures once the EHR closes it. */
  open: boolean;
}

/** Who, for whom, in which encounter and when a batch is written. */
export interface WriteContext {
  patientId: string;
  encounterId?: string;
  /** The encounter of `encounterId` as the app read it (for the confirmation). */
  visit?: VisitAttachment;
  /** `fhirUser` of the clinician (relative `Practitioner/1` or absolute URL); becomes performer / requester. */
  fhirUser?: string;
  /** The moment of the write, ISO dateTime with offset (one reading of the clock per batch). */
  now: string;
  /** Returns a fresh UUID (crypto.randomUUID in the app, a counter in tests). */
  newUuid(): string;
}

/** One resource ready to create, with the conditional-create criterion derived from its identifier. */
export interface PreparedCreate<T extends fhir4.Resource = fhir4.Resource> {
  resource: T;
  /** `identifier=urn:ietf:rfc:3986|urn:uuid:…` — the `If-None-Exist` header value. */
  ifNoneExist: string;
  /** What this resource records, for the confirmation step ("PHQ-9 total score: 14"). */
  summary: string;
}

/** What a batch's resources attach to: the visit (encounter) and the moment they are dated. */
export interface BatchAttachment {
  /** `Encounter/<id>` every resource references, when the launch named one. */
  encounter?: string;
  visit?: VisitAttachment;
  /** The dateTime the resources carry (effective / authored / performed). */
  recordedAt: string;
}

/** A batch prepared once when the clinician confirms; retries reuse it unchanged (same identifiers). */
export interface WriteBatch {
  label: string;
  creates: PreparedCreate[];
  attachedTo: BatchAttachment;
}

/** The attachment of a batch built in `ctx`. */
export function attachmentOf(ctx: WriteContext): BatchAttachment {
  return {
    ...(ctx.encounterId ? { encounter: `Encounter/${ctx.encounterId}` } : {}),
    ...(ctx.encounterId && ctx.visit?.reference === `Encounter/${ctx.encounterId}` ? { visit: ctx.visit } : {}),
    recordedAt: ctx.now,
  };
}

/** The slice of fhirclient's `Client.request` used to create (structural: src/fhir never imports fhirclient). */
export interface FhirCreateClient {
  request<T = unknown>(options: {
    url: string;
    method: 'POST';
    body: string;
    headers: Record<string, string>;
    signal?: AbortSignal;
  }): Promise<T>;
}

/** Outcome of one create in a batch. */
export interface CreateOutcome {
  summary: string;
  ok: boolean;
  /** `Type/id` when the server returned the created (or already existing) resource. */
  reference?: string;
  error?: FhirHttpError;
}

/** Result of a submit: every create's outcome; `ok` only when all succeeded. */
export interface SubmitResult {
  ok: boolean;
  outcomes: CreateOutcome[];
}

/** A new client-generated identifier (`urn:uuid:…`). */
export function newIdentifier(ctx: WriteContext): fhir4.Identifier {
  return { system: WRITE_BACK_IDENTIFIER_SYSTEM, value: `urn:uuid:${ctx.newUuid()}` };
}

/** The `If-None-Exist` search criterion that matches exactly this identifier. */
export function ifNoneExistFor(identifier: fhir4.Identifier): string {
  return `identifier=${identifier.system ?? ''}|${identifier.value ?? ''}`;
}

/** Wraps a resource that carries exactly one client identifier into a {@link PreparedCreate}. */
export function prepare<T extends fhir4.Resource & { identifier?: fhir4.Identifier[] }>(
  resource: T,
  summary: string,
): PreparedCreate<T> {
  const identifier = resource.identifier?.[0];
  if (!identifier) {
    throw new Error(`prepare: ${resource.resourceType} has no client identifier`);
  }
  return { resource, ifNoneExist: ifNoneExistFor(identifier), summary };
}

/** `Patient/<id>` reference of the subject. */
export function subjectOf(ctx: WriteContext): fhir4.Reference {
  return { reference: `Patient/${ctx.patientId}` };
}

/** `Encounter/<id>` reference when an encounter is in the launch context. */
export function encounterOf(ctx: WriteContext): { encounter?: fhir4.Reference } {
  return ctx.encounterId ? { encounter: { reference: `Encounter/${ctx.encounterId}` } } : {};
}

/** The clinician as a reference (fhirUser may be absolute; FHIR references may be absolute URLs). */
export function performerOf(ctx: WriteContext): fhir4.Reference | undefined {
  return ctx.fhirUser ? { reference: ctx.fhirUser } : undefined;
}

/**
 * POSTs each prepared create in order with `If-None-Exist`. A server that already holds a resource
 * with the identifier answers 200 with it instead of creating a second one, so re-submitting the
 * same batch after a timeout or a partial failure is safe. Stops at the first failure (later
 * creates are reported as not attempted) so the clinician sees one clear error and can retry.
 */
/** How long one create may take before the submit gives up (the clinician can retry safely). */
export const WRITE_TIMEOUT_MS = 20_000;

export async function submitWriteBatch(
  client: FhirCreateClient,
  batch: WriteBatch,
  nowMs: () => number = Date.now,
  timeoutMs: number = WRITE_TIMEOUT_MS,
): Promise<SubmitResult> {
  const outcomes: CreateOutcome[] = [];
  let failed = false;
  for (const create of batch.creates) {
    if (failed) {
      outcomes.push({ summary: create.summary, ok: false });
      continue;
    }
    try {
      const body = await client.request<fhir4.Resource | undefined>({
        url: create.resource.resourceType,
        method: 'POST',
        body: JSON.stringify(create.resource),
        headers: { 'Content-Type': 'application/fhir+json', 'If-None-Exist': create.ifNoneExist },
        // a hung EHR must not hang the form: give up, keep the answers, and let the clinician retry
        // (the server may have applied the create; the conditional create makes the retry safe)
        signal: AbortSignal.timeout(timeoutMs),
      });
      const id = body && typeof body === 'object' && typeof body.id === 'string' ? body.id : undefined;
      outcomes.push({
        summary: create.summary,
        ok: true,
        ...(id ? { reference: `${create.resource.resourceType}/${id}` } : {}),
      });
    } catch (error) {
      failed = true;
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const text = `the EHR did not answer within ${Math.round(timeoutMs / 1000)} s; your answers are kept and retrying is safe`;
      const httpError = timedOut
        ? new FhirHttpError(0, text, {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'timeout', diagnostics: text }],
          })
        : toFhirHttpError(error, nowMs());
      outcomes.push({ summary: create.summary, ok: false, error: httpError });
    }
  }
  return { ok: !failed, outcomes };
}

/** The first error of a submit as a sentence for the clinician (the server's OperationOutcome text when sent). */
export function submitErrorText(result: SubmitResult): string | undefined {
  const failed = result.outcomes.find((o) => o.error);
  return failed?.error ? `${failed.summary} could not be saved — ${failed.error.summary}` : undefined;
}
