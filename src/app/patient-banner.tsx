/**
 * Compact patient banner, shown only when the EHR asks for it (`need_patient_banner` true or
 * absent): inside an EHR frame the EHR's own banner already identifies the patient.
 */
import type { PatientSummary } from './patient-summary.ts';

/** Name, sex, age and date of birth on one line. */
export function PatientBanner({ summary }: { summary: PatientSummary }) {
  return (
    <div className="patient-banner" data-testid="patient-banner" aria-label="Patient">
      <strong>{summary.name}</strong>
      <span>{summary.sex}</span>
      {summary.age !== undefined ? <span>{summary.age} y</span> : null}
      {summary.birthDate ? <span>DOB {summary.birthDate}</span> : null}
    </div>
  );
}
