/**
 * The kick-off URL of a Bulk Data export (Bulk Data Access IG 2.0.0 export.html §"Endpoint"):
 * `[base]/Group/[id]/$export` or `[base]/Patient/$export`, with `_type` (comma-separated) and
 * `_since` (a FHIR instant; its `+hh:mm` offset must be percent-encoded or a server reads a space).
 */

/** What to export. */
export interface ExportScope {
  /** Group id for a group-level export; otherwise every patient (`Patient/$export`). */
  groupId?: string;
  types?: readonly string[];
  since?: string;
}

/** `[base]/Group/[id]/$export?…` or `[base]/Patient/$export?…`. */
export function exportKickoffUrl(fhirBase: string, scope: ExportScope): string {
  const base = fhirBase.replace(/\/+$/, '');
  const path = scope.groupId !== undefined ? `Group/${encodeURIComponent(scope.groupId)}/$export` : 'Patient/$export';
  const query: string[] = [];
  if (scope.types?.length) {
    query.push(`_type=${scope.types.map(encodeURIComponent).join(',')}`);
  }
  if (scope.since) {
    query.push(`_since=${encodeURIComponent(scope.since)}`);
  }
  return `${base}/${path}${query.length ? `?${query.join('&')}` : ''}`;
}
