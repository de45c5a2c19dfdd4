/**
 * Diagnosis groups used by the behavioral-health gaps (FUH/FUM/FUA) and the risk flags (SMI, SUD,
 * self-harm). NCQA's licensed value sets ("Mental Illness", "AOD Abuse and Dependence", …) are
 * not open, so these are the documented open approximations from ../shared/design/measures.md §5
 * and §6, as ICD-10-CM prefixes, with SNOMED equivalents where the EHR codes problems in SNOMED.
 * This is the ONE place an organisation swaps in its own lists.
 */
import { ICD10CM, SNOMED } from './code-systems.ts';
import { normalizeSystem } from './code-systems.ts';

/** A diagnosis group: ICD-10-CM code prefixes (dot-less, upper case) minus excluded prefixes, plus SNOMED codes. */
export interface DiagnosisGroup {
  id: string;
  label: string;
  icd10Prefixes: readonly string[];
  icd10Excluded?: readonly string[];
  snomed?: readonly string[];
  /** Where the list comes from and how it approximates the licensed one. */
  source: string;
}

const range = (letter: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${letter}${String(from + i).padStart(2, '0')}`);

/** Mental illness (approximates NCQA "Mental Illness"): F20–F48, F50–F53, F59–F69, F80–F99 [measures.md §5]. */
export const MENTAL_ILLNESS: DiagnosisGroup = {
  id: 'mental-illness',
  label: 'Mental illness',
  icd10Prefixes: [...range('F', 20, 48), ...range('F', 50, 53), ...range('F', 59, 69), ...range('F', 80, 99)],
  icd10Excluded: ['F70', 'F71', 'F72', 'F73', 'F78', 'F79'],
  snomed: ['35489007', '58214004', '13746004', '197480006', '370143000', '69322001', '191736004', '21897009', '47505003'],
  source: 'Open approximation of NCQA Mental Illness (measures.md §5): F20–F48, F50–F53, F59–F69, F80–F99.',
};

/** Intentional self-harm: X71–X83, T14.91 [measures.md §5]; T36–T65 with intent "2" handled in {@link isIntentionalSelfHarm}. */
export const INTENTIONAL_SELF_HARM: DiagnosisGroup = {
  id: 'self-harm',
  label: 'Intentional self-harm',
  icd10Prefixes: [...range('X', 71, 83), 'T1491'],
  snomed: ['248062006', '82313006'],
  source: 'Open approximation of NCQA Intentional Self-Harm (measures.md §5).',
};

/** Substance use disorder: F10–F19 excluding F17 nicotine [measures.md §5, §6]. */
export const SUBSTANCE_USE_DISORDER: DiagnosisGroup = {
  id: 'sud',
  label: 'Substance use disorder',
  icd10Prefixes: range('F', 10, 19),
  icd10Excluded: ['F17'],
  snomed: ['66214007', '7200002', '5602001', '191816009', '26416006', '228388006', '724713003'],
  source: 'F10–F19 excluding F17 (nicotine), measures.md §6; SNOMED: substance abuse, alcoholism, opioid abuse, drug dependence.',
};

/** Unintentional drug overdose / poisoning: T40 (opioids, cocaine, cannabis…), T42–T43 with intent "1" or "4". */
export const DRUG_OVERDOSE: DiagnosisGroup = {
  id: 'overdose',
  label: 'Drug overdose',
  icd10Prefixes: ['T40', 'T42', 'T43'],
  snomed: ['55680006'],
  source: 'Open approximation of NCQA Unintentional Drug Overdose: T40, T42, T43 poisonings.',
};

/** Serious mental illness: schizophrenia spectrum F20–F29, bipolar F30–F31, severe MDD F32.2/F32.3/F33.2/F33.3 [measures.md §6]. */
export const SERIOUS_MENTAL_ILLNESS: DiagnosisGroup = {
  id: 'smi',
  label: 'Serious mental illness',
  icd10Prefixes: [...range('F', 20, 29), 'F30', 'F31', 'F322', 'F323', 'F332', 'F333'],
  snomed: ['58214004', '13746004', '68890003', '191736004', '36923009', '231504006'],
  source: 'Common SMI core (measures.md §6): F20–F29, F30–F31, F32.2, F32.3, F33.2, F33.3; SNOMED schizophrenia, bipolar, schizoaffective, severe MDD.',
};

/** ICD-10-CM code without the dot, upper case. */
export function icdKey(code: string): string {
  return code.replace('.', '').trim().toUpperCase();
}

/** Whether a coding falls in a diagnosis group. */
export function codingInGroup(group: DiagnosisGroup, coding: fhir4.Coding | undefined): boolean {
  if (!coding?.code || !coding.system) return false;
  const sys = normalizeSystem(coding.system);
  if (sys === ICD10CM) {
    const k = icdKey(coding.code);
    if (group.icd10Excluded?.some((p) => k.startsWith(p))) return false;
    return group.icd10Prefixes.some((p) => k.startsWith(p));
  }
  if (sys === SNOMED) return group.snomed?.includes(coding.code.trim()) ?? false;
  return false;
}

/** Whether any coding of a concept falls in a diagnosis group. */
export function conceptInGroup(group: DiagnosisGroup, concept: fhir4.CodeableConcept | undefined): boolean {
  return Array.isArray(concept?.coding) && concept!.coding!.some((c) => codingInGroup(group, c));
}

/** T36–T65 poisoning codes whose 6th character "2" marks intentional self-harm (e.g. T39.012A). */
export function isIntentionalSelfHarm(coding: fhir4.Coding | undefined): boolean {
  if (codingInGroup(INTENTIONAL_SELF_HARM, coding)) return true;
  if (!coding?.code || !coding.system || normalizeSystem(coding.system) !== ICD10CM) return false;
  const k = icdKey(coding.code);
  const cat = Number(k.slice(1, 3));
  return k.startsWith('T') && cat >= 36 && cat <= 65 && k.length >= 6 && k[5] === '2';
}
