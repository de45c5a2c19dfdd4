/**
 * The record details area, collapsed at the end of the page: who the patient is and how many
 * resources of each type were read, so the clinician (and the browser tests) can check the panel
 * works from the full record. Inside the EHR the EHR's own banner identifies the patient; this
 * does not repeat it on the first screen.
 */
import type { PatientRecord } from '../engine/index.ts';
import { FETCHED_TYPES } from '../fhir/fetched-types.ts';
import type { PatientSummary } from './patient-summary.ts';

/** Overview props. */
export interface RecordOverviewProps {
  summary: PatientSummary;
  record: PatientRecord;
  loadingTypes: readonly string[];
}

/** Name, age, sex and a count per resource type, in a disclosure. */
export function RecordOverview({ summary, record, loadingTypes }: RecordOverviewProps) {
  return (
    <details className="record-overview" data-testid="record-details">
      <summary>Record details: identity and what was read from the EHR</summary>
      <dl className="record-identity">
        <div>
          <dt>Name</dt>
          <dd data-testid="patient-name">{summary.name}</dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd data-testid="patient-age">{summary.age ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>Sex</dt>
          <dd data-testid="patient-sex">{summary.sex}</dd>
        </div>
      </dl>
      <table className="record-counts">
        <caption>Resources read from the EHR</caption>
        <tbody>
          {FETCHED_TYPES.map((type) => {
            const loading = loadingTypes.includes(type);
            const status = loading ? 'loading' : (record.completeness[type]?.status ?? 'missing');
            return (
              <tr key={type}>
                <th scope="row">{type}</th>
                <td data-testid={`count-${type}`} data-status={status}>
                  {loading ? '…' : (record.resources[type]?.length ?? 0)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
