/**
 * Who is behind: each attributed clinician's panel (Patient.generalPractitioner, else the
 * practitioner of most qualifying visits; "Unattributed" when neither) with its patients, open
 * gaps and each measure's rate against the target. The figures are the clinician strata of the
 * summary MeasureReports (same accumulator), so they add up to the measure table above.
 * "Show patients" filters the patient table to that panel.
 */
import { measureLabel } from './finding-labels.ts';
import { formatRate, type ClinicianSummary, type MeasureSummary } from './population-summary.ts';
import { standing, TARGETS } from './targets.ts';

/** Props of {@link ClinicianTable}. */
export interface ClinicianTableProps {
  clinicians: readonly ClinicianSummary[];
  measures: readonly MeasureSummary[];
  /** The clinician filter in force (a clinician key), if any. */
  selected?: string;
  onSelect(key: string | undefined): void;
}

/** The per-clinician table. */
export function ClinicianTable({ clinicians, measures, selected, onSelect }: ClinicianTableProps) {
  if (!clinicians.length) {
    return null;
  }
  return (
    <section className="pop-section" aria-labelledby="pop-clinicians-title">
      <h2 id="pop-clinicians-title">By clinician</h2>
      <p className="muted pop-note">
        Each attributed clinician’s panel (general practitioner, else the clinician of most qualifying visits): rate and
        met ÷ eligible per measure; ▼ marks a rate short of its target.
      </p>
      <div className="pop-hscroll">
        <table className="pop-summary-table pop-clinicians" data-testid="clinician-summary">
          <caption className="visually-hidden-text">Measure rates by attributed clinician</caption>
          <thead>
            <tr>
              <th scope="col">Clinician</th>
              <th scope="col">Patients</th>
              <th scope="col">Open gaps</th>
              {measures.map((m) => (
                <th scope="col" key={m.id} title={m.title}>
                  {measureLabel(m.measureId, m.title, m.groupId)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden-text">Filter</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {clinicians.map((c) => (
              <tr
                key={c.key}
                data-testid={`clinician-row-${c.key}`}
                aria-current={selected === c.key ? 'true' : undefined}
              >
                <th
                  scope="row"
                  title={c.clinician?.reference ?? 'No general practitioner and no qualifying visit names a clinician'}
                >
                  {c.label}
                </th>
                <td data-col="patients">{c.patients}</td>
                <td data-col="open-gaps">{c.openGaps}</td>
                {measures.map((m) => {
                  const r = c.rates[m.id];
                  if (!r || r.scored === 0) {
                    return (
                      <td key={m.id} data-measure={m.id} className="muted">
                        —
                      </td>
                    );
                  }
                  const s = standing(r.rate, TARGETS.byKey.get(m.id), m.inverse);
                  return (
                    <td key={m.id} data-measure={m.id} className={s && !s.meets ? 'tone-bad' : undefined}>
                      {s && !s.meets ? <span aria-label="short of target">▼ </span> : null}
                      {formatRate(r.rate)}{' '}
                      <span className="muted">
                        ({r.numerator}/{r.scored})
                      </span>
                    </td>
                  );
                })}
                <td>
                  {selected === c.key ? (
                    <button type="button" onClick={() => onSelect(undefined)} data-testid={`clinician-clear-${c.key}`}>
                      Show all patients
                    </button>
                  ) : (
                    <button type="button" onClick={() => onSelect(c.key)} data-testid={`clinician-show-${c.key}`}>
                      Show patients
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
