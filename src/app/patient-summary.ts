/**
 * The patient's identity as shown in the banner and overview: display name, age today and
 * administrative sex, read defensively (FHIR allows every one of them to be absent).
 */
import { ageInYearsOn, epochDay } from '../engine/index.ts';

/** What the header and overview show about the patient. */
export interface PatientSummary {
  name: string;
  /** Whole years on `today`, undefined when birthDate is absent or unparsable. */
  age?: number;
  birthDate?: string;
  sex: string;
}

/** The official (else usual, else first) name as "Given Family", or text, or "Unnamed patient". */
export function displayName(patient: fhir4.Patient): string {
  const names = patient.name ?? [];
  const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
  if (!name) {
    return 'Unnamed patient';
  }
  const composed = [...(name.given ?? []), name.family].filter(Boolean).join(' ').trim();
  return composed || name.text?.trim() || 'Unnamed patient';
}

/** Administrative gender as a word (FHIR `Patient.gender`: male | female | other | unknown). */
export function sexLabel(gender: fhir4.Patient['gender']): string {
  switch (gender) {
    case 'male':
      return 'Male';
    case 'female':
      return 'Female';
    case 'other':
      return 'Other';
    default:
      return 'Unknown';
  }
}

/** Summarises the patient as of `todayIso` (YYYY-MM-DD, the caller's local date). */
export function summarisePatient(patient: fhir4.Patient, todayIso: string): PatientSummary {
  const age = ageInYearsOn(patient.birthDate, epochDay(todayIso));
  return {
    name: displayName(patient),
    ...(age !== undefined ? { age } : {}),
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    sex: sexLabel(patient.gender),
  };
}

/** Today's local date as YYYY-MM-DD (the app's one reading of the clock for ages). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
