/**
 * Issuer patterns of launch/clients.json and the issuer normalisation they are matched against.
 * The allow-list decides which FHIR servers may receive the app's authorization request and,
 * later, its token, so a look-alike issuer must never match (threat model, src/smart/README.md):
 *
 * - the issuer is parsed as a URL (WHATWG, as the browser will use it) and normalised: lowercase
 *   scheme and host, default port dropped, dot segments resolved, trailing slash ignored;
 * - an issuer with userinfo (`https://localhost:80@evil.example/…`), a query or a fragment never
 *   matches anything;
 * - `*` may stand only for (part of) one host label or for the port; host and port are anchored at
 *   both ends (`*.ehr-a.example` matches `fhir.ehr-a.example`, not `evil.example/.ehr-a.example`
 *   nor `a.b.ehr-a.example`);
 * - the path is a prefix on a path-segment boundary (`/fhir` matches `/fhir` and `/fhir/r4`, not
 *   `/fhirx`).
 */

/** A pattern compiled for matching. */
export type IssuerPattern =
  | { kind: 'any' }
  | {
      kind: 'url';
      scheme: 'http:' | 'https:';
      /** One entry per host label: the literal label or an anchored regex for a glob label. */
      labels: ReadonlyArray<string | RegExp>;
      /** Exact port ('' = the scheme's default) or '*' for any. */
      port: string;
      /** Normalised path without trailing slash ('' = the whole server). */
      path: string;
      glob: boolean;
      /** Length of the pattern text (longer = more specific). */
      length: number;
    };

/** Thrown for a pattern that cannot be used (a deployment mistake in clients.json). */
export class IssuerPatternError extends Error {
  override name = 'IssuerPatternError';
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `scheme://host[:port][/path]` with the host and port kept raw (they may hold `*`). */
const PATTERN_SHAPE = /^(https?):\/\/([^/?#@:\s]+)(?::(\d{1,5}|\*))?(\/[^?#\s]*)?$/i;

/** Path without trailing slashes ('' for the root). */
function trimPath(path: string): string {
  return path.replace(/\/+$/, '');
}

/** Compiles one `iss` pattern of clients.json; throws IssuerPatternError when it is unusable. */
export function compileIssuerPattern(pattern: string): IssuerPattern {
  const text = pattern.trim();
  if (text === '*') {
    return { kind: 'any' };
  }
  const m = PATTERN_SHAPE.exec(text);
  if (!m) {
    throw new IssuerPatternError(
      `"${pattern}" is not an http(s) URL pattern (userinfo, query and fragment are not allowed)`,
    );
  }
  const [, scheme = '', rawHost = '', rawPort, rawPath = ''] = m;
  if (rawPath.includes('*')) {
    throw new IssuerPatternError(`"${pattern}": '*' may only stand in a host label or for the port`);
  }
  const glob = rawHost.includes('*') || rawPort === '*';
  // Normalise the literal parts through the URL parser (glob labels replaced by a placeholder).
  const placeholder = rawHost
    .split('.')
    .map((l) => (l.includes('*') ? 'glob-label' : l))
    .join('.');
  let parsed: URL;
  try {
    parsed = new URL(
      `${scheme.toLowerCase()}://${placeholder}${rawPort && rawPort !== '*' ? `:${rawPort}` : ''}${rawPath}`,
    );
  } catch {
    throw new IssuerPatternError(`"${pattern}" is not a valid URL`);
  }
  const literalLabels = parsed.hostname.split('.');
  const rawLabels = rawHost.toLowerCase().split('.');
  if (literalLabels.length !== rawLabels.length) {
    throw new IssuerPatternError(`"${pattern}": unusual host`);
  }
  const labels = rawLabels.map((raw, i) => {
    if (!raw.includes('*')) {
      return literalLabels[i]!;
    }
    if (!/^[a-z0-9*-]+$/.test(raw)) {
      throw new IssuerPatternError(`"${pattern}": a glob label may hold only letters, digits, '-' and '*'`);
    }
    return new RegExp(`^${raw.replace(/\*/g, '[a-z0-9-]+')}$`);
  });
  return {
    kind: 'url',
    scheme: parsed.protocol as 'http:' | 'https:',
    labels,
    port: rawPort === '*' ? '*' : parsed.port,
    path: trimPath(parsed.pathname),
    glob,
    length: text.length,
  };
}

/** The issuer as the browser will use it, or undefined when it can never match a pattern. */
export function normaliseIssuer(iss: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(iss.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return undefined;
  }
  // userinfo smuggles a look-alike host in front of the real one; a FHIR base has no query or fragment
  if (url.username || url.password || url.search || url.hash || iss.includes('@')) {
    return undefined;
  }
  return url;
}

/** The scheme's default port when the URL has none. */
function portOf(url: URL): string {
  return url.port || DEFAULT_PORT[url.protocol] || '';
}

/**
 * How specifically a compiled pattern matches a normalised issuer: exact 3e6, glob/prefix 2e6 +
 * pattern length, `*` 1, no match 0.
 */
export function issuerMatchScore(pattern: IssuerPattern, iss: URL): number {
  if (pattern.kind === 'any') {
    return 1;
  }
  if (iss.protocol !== pattern.scheme) {
    return 0;
  }
  const labels = iss.hostname.split('.');
  if (labels.length !== pattern.labels.length) {
    return 0;
  }
  for (let i = 0; i < labels.length; i++) {
    const p = pattern.labels[i]!;
    if (typeof p === 'string' ? p !== labels[i] : !p.test(labels[i]!)) {
      return 0;
    }
  }
  if (pattern.port !== '*' && (pattern.port || DEFAULT_PORT[pattern.scheme]) !== portOf(iss)) {
    return 0;
  }
  const path = trimPath(iss.pathname);
  if (path === pattern.path) {
    return pattern.glob ? 2e6 + pattern.length : 3e6;
  }
  return path.startsWith(`${pattern.path}/`) ? 2e6 + pattern.length : 0;
}
