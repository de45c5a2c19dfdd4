/**
 * Says plainly which data could not be read and why (scope not granted, server error, page
 * failed), because results that depend on those data are "unknown" rather than "not met".
 */
import { type PatientRecord, completenessOf } from '../engine/index.ts';
import { FETCHED_TYPES } from '../fhir/fetched-types.ts';
import { STILL_LOADING } from '../fhir/record-state.ts';

/** One line per missing or partial type; nothing when everything was read. */
export function CompletenessWarning({ record }: { record: PatientRecord }) {
  const problems = FETCHED_TYPES.map((type) => ({ type, c: completenessOf(record, type) })).filter(
    ({ c }) => c.status !== 'complete' && c.reason !== STILL_LOADING,
  );
  if (problems.length === 0) {
    return null;
  }
  return (
    <section className="completeness-warning" role="status" data-testid="completeness-warning">
      <h2>Some of this patient’s data could not be read</h2>
      <p>Results that depend on these data are shown as unknown, not as gaps.</p>
      <ul>
        {problems.map(({ type, c }) => (
          <li key={type} data-testid={`completeness-${type}`} data-status={c.status}>
            <strong>{type}</strong> — {c.status === 'missing' ? 'not available' : 'incomplete'}
            {c.reason ? `: ${c.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
