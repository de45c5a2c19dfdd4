/**
 * Small builders for the sandbox's web-standard Responses: FHIR JSON, OperationOutcome errors,
 * HTML pages and redirects. Every FHIR error carries an OperationOutcome, as real servers do.
 */

/** FHIR JSON media type used on every FHIR response. */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A JSON (or FHIR JSON) response with extra headers. */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
  type = FHIR_JSON,
): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

/** An OperationOutcome with one issue. */
export function operationOutcome(
  severity: fhir4.OperationOutcomeIssue['severity'],
  code: string,
  diagnostics: string,
  expression?: string,
): fhir4.OperationOutcome {
  const issue: fhir4.OperationOutcomeIssue = { severity, code, diagnostics, details: { text: diagnostics } };
  if (expression) {
    issue.expression = [expression];
  }
  return { resourceType: 'OperationOutcome', issue: [issue] };
}

/** An error response whose body is an OperationOutcome (severity error). */
export function outcomeResponse(
  status: number,
  code: string,
  diagnostics: string,
  headers: Record<string, string> = {},
  expression?: string,
): Response {
  return jsonResponse(operationOutcome('error', code, diagnostics, expression), status, headers);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A complete HTML page with the sandbox's plain style. */
export function htmlResponse(
  title: string,
  body: string,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f4f6f8}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.3rem} table{border-collapse:collapse;width:100%;background:#fff}
td,th{border-bottom:1px solid #dde2e6;padding:.35rem .5rem;text-align:left}
button{font:inherit;padding:.35rem .8rem;cursor:pointer} .error{color:#a4161a}
fieldset{background:#fff;border:1px solid #dde2e6;margin:0 0 1rem} label{margin-right:1rem}
.label{font-size:.8rem;background:#e7eef6;border-radius:.3rem;padding:0 .3rem}
</style></head><body><main>${body}</main></body></html>`;
  return new Response(page, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** A 302 redirect. */
export function redirectResponse(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store', ...headers } });
}
