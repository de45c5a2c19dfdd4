/**
 * Who a population row or an opened patient is, in one line: "b. 14 Mar 1961 · MRN 7781" (and the
 * attributed clinician when asked), the birth date written as the panel writes every date
 * (care-panel/display-date.ts). The CSV and the MeasureReport exports keep ISO dates (they are for
 * machines); everything a person reads goes through here or formatDay.
 */
import { clinicianLabel, type PatientIdentity } from '../../engine/index.ts';
import { formatDay } from '../care-panel/display-date.ts';

/** "MRN 7781" (a value that already says MRN is shown as is); undefined without one. */
export function mrnText(mrn: string | undefined): string | undefined {
  if (!mrn) {
    return undefined;
  }
  return /^mrn/i.test(mrn) ? mrn : `MRN ${mrn}`;
}

/** "b. 14 Mar 1961 · MRN 7781[ · Dr. Ana Rivera]"; empty when nothing is known. */
export function identityLine(id: PatientIdentity | undefined, options: { clinician?: boolean } = {}): string {
  return [
    id?.birthDate ? `b. ${formatDay(id.birthDate)}` : undefined,
    mrnText(id?.mrn),
    options.clinician && id?.clinician ? clinicianLabel(id.clinician) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}
