/**
 * The data problems the engine found in this record (engine DataIssue: resource, field, what is
 * wrong). A bad resource is one line here — the rest of the panel still shows everything else —
 * and results that depended on an unreadable resource are already "unknown" with their reason.
 */
import type { DataIssue } from '../../engine/index.ts';

/** A collapsed list of the record's data problems; nothing when there are none. */
export function DataIssues({ issues }: { issues: readonly DataIssue[] }) {
  if (issues.length === 0) {
    return null;
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <section className="data-issues" data-testid="data-issues" aria-label="Data problems in this record">
      <details open={errors > 0}>
        <summary>
          {errors > 0 ? '⚠ ' : ''}
          {issues.length === 1 ? '1 data problem' : `${issues.length} data problems`} in this record
          {errors > 0
            ? ` (${errors === 1 ? '1 resource or element could not be read' : `${errors} resources or elements could not be read`})`
            : ''}
        </summary>
        <ul>
          {issues.map((i, n) => (
            <li key={n} data-testid="data-issue" data-severity={i.severity}>
              <strong>
                {i.resourceType}
                {i.id ? `/${i.id}` : ''}
              </strong>{' '}
              <code>{i.field}</code>: {i.message}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
