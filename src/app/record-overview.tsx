/**
 * The record at a glance: who the patient is and how many resources of each type were read, so
 * the clinician (and the browser tests) can see the panel works from the full record.
 */
import type { PatientRecord } from '../engine/record.ts';
import { FETCHED_TYPES } from '../fhir/fetched-types.ts';
import type { PatientSummary } from './patient-summary.ts';

/** Overview props. */
export interface RecordOverviewProps {
  summary: PatientSummary;
  record: PatientRecord;
  loadingTypes: readonly string[];
}

/** Name, age, sex and a count per resource type. */
export function RecordOverview({ summary, record, loadingTypes }: RecordOverviewProps) {
  return (
    <section className="record-overview" aria-label="Record overview">
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
    </section>
  );
}
