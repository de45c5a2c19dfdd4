/**
 * Reads a Bulk Data kick-off request (Bulk Data Access IG 2.0.0, export.html §"Bulk Data Kick-off
 * Request"): GET query parameters or a POSTed `Parameters` resource; `Prefer: respond-async`
 * (required here: a client that forgets it gets a clear 400, not a synchronous answer);
 * `_outputFormat` (ndjson in its three spellings), `_since` (a FHIR instant), `_type` (repeatable,
 * comma-separated) and, on POST, `patient`. Parameters the sandbox does not implement are an error
 * unless `Prefer: handling=lenient`, in which case they are ignored and reported in the manifest's
 * `error` file, as the IG describes.
 */

/** A kick-off problem: HTTP status, OperationOutcome issue code, diagnostics and the parameter at fault. */
export interface KickoffError {
  status: number;
  code: string;
  message: string;
  expression?: string;
}

/** The parsed kick-off parameters. */
export interface ExportParams {
  /** `_type` values (undefined = every type the client may read). */
  types?: string[];
  /** `_since` as ms since the epoch, and as sent. */
  since?: { ms: number; text: string };
  /** `patient` references (POST only) as patient ids. */
  patients?: string[];
  /** Unsupported parameters ignored under `Prefer: handling=lenient`. */
  ignored: string[];
}

/** `_outputFormat` values that mean ndjson (the IG: servers SHALL accept all three). */
export const NDJSON_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

/** A FHIR instant: date, time with seconds, optional fraction, and a zone (R4 datatypes §instant). */
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

/** Kick-off parameters this sandbox implements. */
const SUPPORTED = new Set(['_outputFormat', '_since', '_type', 'patient']);

/** Whether a string is a FHIR instant. */
export function isInstant(text: string): boolean {
  if (!INSTANT.test(text) || Number.isNaN(Date.parse(text))) {
    return false;
  }
  // Date.parse rolls 30 February over into March: check the calendar day itself
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/** The Prefer header's preferences (RFC 7240), lower-cased: `respond-async`, `handling=lenient`, … */
export function preferences(request: Request): Set<string> {
  return new Set(
    (request.headers.get('Prefer') ?? '')
      .split(/[,;]/)
      .map((p) =>
        p
          .trim()
          .toLowerCase()
          .replace(/\s*=\s*/, '='),
      )
      .filter(Boolean),
  );
}

/** Name/value pairs of a GET query or a POSTed Parameters resource. */
async function rawParameters(request: Request, url: URL): Promise<{ pairs: [string, string][] } | KickoffError> {
  if (request.method === 'GET') {
    return { pairs: [...url.searchParams] };
  }
  let body: unknown;
  try {
    const text = await request.text();
    body = text.trim() ? JSON.parse(text) : { resourceType: 'Parameters' };
  } catch {
    return {
      status: 400,
      code: 'structure',
      message: 'The kick-off body is not valid JSON (POST a FHIR Parameters resource)',
    };
  }
  const params = body as fhir4.Parameters;
  if (params?.resourceType !== 'Parameters') {
    return {
      status: 400,
      code: 'structure',
      message: 'POST a FHIR Parameters resource to start an export',
      expression: 'Parameters',
    };
  }
  const pairs: [string, string][] = [...url.searchParams];
  for (const p of params.parameter ?? []) {
    const value = p.valueString ?? p.valueInstant ?? p.valueCode ?? p.valueReference?.reference ?? p.valueUri;
    if (typeof p.name !== 'string' || typeof value !== 'string') {
      return {
        status: 400,
        code: 'value',
        message: `Parameter '${String(p.name)}' has no value of a supported type`,
        expression: `Parameters.parameter`,
      };
    }
    pairs.push([p.name, value]);
  }
  return { pairs };
}

/** Parses and checks a kick-off request; the error names the offending parameter or header. */
export async function parseKickoff(request: Request, url: URL): Promise<ExportParams | KickoffError> {
  const prefer = preferences(request);
  if (!prefer.has('respond-async')) {
    return {
      status: 400,
      code: 'required',
      message: "Bulk Data export is asynchronous: send the header 'Prefer: respond-async'",
      expression: 'Prefer',
    };
  }
  const accept = request.headers.get('Accept');
  if (accept && !/application\/fhir\+json|application\/json|\*\/\*/i.test(accept)) {
    return {
      status: 400,
      code: 'not-supported',
      message: `Accept '${accept}' is not supported for the kick-off response; use application/fhir+json`,
      expression: 'Accept',
    };
  }
  const lenient = prefer.has('handling=lenient');
  const raw = await rawParameters(request, url);
  if ('status' in raw) {
    return raw;
  }
  const out: ExportParams = { ignored: [] };
  for (const [name, value] of raw.pairs) {
    if (!SUPPORTED.has(name) || (name === 'patient' && request.method === 'GET')) {
      if (lenient) {
        if (!out.ignored.includes(name)) {
          out.ignored.push(name);
        }
        continue;
      }
      const why =
        name === 'patient'
          ? "'patient' is accepted in a POSTed Parameters resource only"
          : `The sandbox does not support the kick-off parameter '${name}'`;
      return {
        status: 400,
        code: 'not-supported',
        message: `${why} (send 'Prefer: handling=lenient' to have unsupported parameters ignored)`,
        expression: name,
      };
    }
    if (name === '_outputFormat' && !NDJSON_FORMATS.includes(value)) {
      return {
        status: 400,
        code: 'not-supported',
        message: `_outputFormat '${value}' is not supported; use application/fhir+ndjson`,
        expression: '_outputFormat',
      };
    }
    if (name === '_since') {
      if (out.since) {
        return { status: 400, code: 'value', message: '_since may be given once', expression: '_since' };
      }
      if (!isInstant(value)) {
        return {
          status: 400,
          code: 'value',
          message: `_since '${value}' is not a FHIR instant (e.g. 2026-01-01T00:00:00Z; a time zone is required)`,
          expression: '_since',
        };
      }
      out.since = { ms: Date.parse(value), text: value };
    }
    if (name === '_type') {
      const types = value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const bad = types.find((t) => !/^[A-Z][A-Za-z]+$/.test(t));
      if (bad !== undefined) {
        return {
          status: 400,
          code: 'value',
          message: `_type '${bad}' is not a resource type name`,
          expression: '_type',
        };
      }
      out.types = [...new Set([...(out.types ?? []), ...types])];
    }
    if (name === 'patient') {
      const m = /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(value);
      if (!m?.[1]) {
        return {
          status: 400,
          code: 'value',
          message: `patient '${value}' is not a Patient reference`,
          expression: 'patient',
        };
      }
      out.patients = [...new Set([...(out.patients ?? []), m[1]])];
    }
  }
  return out;
}
