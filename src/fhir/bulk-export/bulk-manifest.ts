/**
 * The Bulk Data completion manifest (Bulk Data Access IG 2.0.0 export.html §"Response - Complete
 * Status"), read defensively: `transactionTime` (instant), `request`, `requiresAccessToken`,
 * `output[]` ({type, url, count?}) and `error[]` are required by the IG; `deleted[]` is optional.
 * Anything malformed is a {@link BulkExportError} naming the field, never a crash further on.
 */

/** One file of a manifest. */
export interface ManifestFile {
  type: string;
  /** Absolute http(s) URL. */
  url: string;
  /** Resources in the file, when the server says (`count` is optional in the IG). */
  count?: number;
}

/** A parsed completion manifest. */
export interface BulkManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: ManifestFile[];
  error: ManifestFile[];
  deleted: ManifestFile[];
}

/** A Bulk Data export that could not be started, followed or read; `status` is the HTTP status when there was one. */
export class BulkExportError extends Error {
  override name = 'BulkExportError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function fileList(value: unknown, field: string, base: string, required: boolean): ManifestFile[] {
  if (value === undefined && !required) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new BulkExportError(`manifest ${field} must be an array`);
  }
  return value.map((item: unknown, i) => {
    const o = item as { type?: unknown; url?: unknown; count?: unknown } | null;
    if (!o || typeof o !== 'object') {
      throw new BulkExportError(`manifest ${field}[${i}] is not an object`);
    }
    if (typeof o.type !== 'string' || !/^[A-Z][A-Za-z]+$/.test(o.type)) {
      throw new BulkExportError(`manifest ${field}[${i}].type is not a resource type`);
    }
    if (typeof o.url !== 'string') {
      throw new BulkExportError(`manifest ${field}[${i}].url is missing`);
    }
    let url: URL;
    try {
      url = new URL(o.url, base); // the IG says absolute; a relative one is resolved against the status URL
    } catch {
      throw new BulkExportError(`manifest ${field}[${i}].url '${o.url}' is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new BulkExportError(`manifest ${field}[${i}].url must be http(s)`);
    }
    const file: ManifestFile = { type: o.type, url: url.href };
    if (o.count !== undefined) {
      if (typeof o.count !== 'number' || !Number.isInteger(o.count) || o.count < 0) {
        throw new BulkExportError(`manifest ${field}[${i}].count must be a whole number`);
      }
      file.count = o.count;
    }
    return file;
  });
}

/** Parses a manifest body; `statusUrl` resolves relative file URLs. Throws BulkExportError. */
export function parseManifest(body: unknown, statusUrl: string): BulkManifest {
  const m = body as Record<string, unknown> | null;
  if (!m || typeof m !== 'object' || Array.isArray(m)) {
    throw new BulkExportError('the completion manifest is not a JSON object');
  }
  if (typeof m.transactionTime !== 'string' || Number.isNaN(Date.parse(m.transactionTime))) {
    throw new BulkExportError('manifest transactionTime is missing or not an instant');
  }
  if (typeof m.requiresAccessToken !== 'boolean') {
    throw new BulkExportError('manifest requiresAccessToken must be true or false');
  }
  return {
    transactionTime: m.transactionTime,
    request: typeof m.request === 'string' ? m.request : '',
    requiresAccessToken: m.requiresAccessToken,
    output: fileList(m.output, 'output', statusUrl, true),
    // `error` is required by the IG, but an absent one only means "no messages"
    error: fileList(m.error, 'error', statusUrl, false),
    deleted: fileList(m.deleted, 'deleted', statusUrl, false),
  };
}
