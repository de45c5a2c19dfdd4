/**
 * Diagnosis groups used by the behavioral-health gaps (FUH/FUM/FUA) and the risk flags (SMI, SUD,
 * self-harm). NCQA's licensed value sets ("Mental Illness", "AOD Abuse and Dependence", …) are
 * not open, so these are the documented open approximations from ../shared/design/measures.md §5
 * and §6, as ICD-10-CM prefixes, with SNOMED equivalents where the EHR codes problems in SNOMED.
 * This is the ONE place an organisation swaps in its own lists.
 */
import { ICD10CM, SNOMED } from './code-systems.ts';
import { normalizeSystem } from './code-systems.ts';
import { icd10PoisoningIntent } from './icd10-intent.ts';

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
  snomed: [
    '35489007',
    '58214004',
    '13746004',
    '197480006',
    '370143000',
    '69322001',
    '191736004',
    '21897009',
    '47505003',
  ],
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
  source:
    'F10–F19 excluding F17 (nicotine), measures.md §6; SNOMED: substance abuse, alcoholism, opioid abuse, drug dependence.',
};

/**
 * Drug overdose: poisoning by drugs, medicaments and biological substances — ICD-10-CM T36–T50 —
 * of any intent (accidental, intentional self-harm, assault, undetermined), never an adverse effect
 * or underdosing ({@link isDrugOverdose}; measures.md §5.1, issue #12 §3). T36–T50 is the CDC /
 * CSTE drug-overdose surveillance definition (Vivolo-Kantor et al., Inj Prev 2021;27:i56,
 * PMC7948191: "using codes T36–T50 … excluding underdosing and adverse effects"), the open
 * counterpart of NCQA's licensed "Unintentional Drug Overdose" value set. T51–T65 are toxic effects
 * of substances chiefly nonmedicinal (alcohol, solvents, carbon monoxide …): not a drug overdose.
 * (The list used to hold only T40, T42 and T43, missing e.g. a T39.1X1A acetaminophen overdose.)
 */
export const DRUG_OVERDOSE: DiagnosisGroup = {
  id: 'overdose',
  label: 'Drug overdose',
  icd10Prefixes: range('T', 36, 50),
  snomed: ['55680006'],
  source:
    'CDC/CSTE drug overdose definition: ICD-10-CM T36–T50 poisonings of intent 1–4 (PMC7948191); SNOMED 55680006 drug overdose.',
};

/** Serious mental illness (recurrent or severe depression, not a single mild/moderate episode): codes/serious-mental-illness.ts. */
export { SERIOUS_MENTAL_ILLNESS } from './serious-mental-illness.ts';

/** ICD-10-CM code without the dot, upper case. */
export function icdKey(code: string): string {
  return code.replace('.', '').trim().toUpperCase();
}

/** Whether a coding falls in a diagnosis group. */
export function codingInGroup(group: DiagnosisGroup, coding: fhir4.Coding | undefined): boolean {
  if (!coding?.code || !coding.system) {
    return false;
  }
  const sys = normalizeSystem(coding.system);
  if (sys === ICD10CM) {
    const k = icdKey(coding.code);
    if (group.icd10Excluded?.some((p) => k.startsWith(p))) {
      return false;
    }
    return group.icd10Prefixes.some((p) => k.startsWith(p));
  }
  if (sys === SNOMED) {
    return group.snomed?.includes(coding.code.trim()) ?? false;
  }
  return false;
}

/** Whether any coding of a concept falls in a diagnosis group. */
export function conceptInGroup(group: DiagnosisGroup, concept: fhir4.CodeableConcept | undefined): boolean {
  return Array.isArray(concept?.coding) && concept!.coding!.some((c) => codingInGroup(group, c));
}

/**
 * Intentional self-harm: X71–X83, T14.91 (suicide attempt), SNOMED self-harm / suicide attempt, and
 * T36–T65 / T71 poisonings, toxic effects and asphyxiations whose intent character is 2 — the 5th
 * or 6th character depending on the code (T42.72XA, T43.222A, T58.02XA, T71.162A; measures.md §5.1).
 */
export function isIntentionalSelfHarm(coding: fhir4.Coding | undefined): boolean {
  return codingInGroup(INTENTIONAL_SELF_HARM, coding) || icd10PoisoningIntent(coding) === 'intentional-self-harm';
}

/**
 * Whether a diagnosis is a mental illness or intentional self-harm: the FUH index discharge and the
 * FUM index ED visit (HEDIS "Mental Illness" / "Intentional Self-Harm", measures.md §5).
 */
export function isMentalHealthDiagnosis(concept: fhir4.CodeableConcept | undefined): boolean {
  return (
    conceptInGroup(MENTAL_ILLNESS, concept) ||
    (Array.isArray(concept?.coding) && concept!.coding!.some((c) => isIntentionalSelfHarm(c)))
  );
}

const POISONING_INTENTS = new Set(['accidental', 'intentional-self-harm', 'assault', 'undetermined']);

/**
 * Drug overdose: a {@link DRUG_OVERDOSE} code that records a poisoning (accidental, intentional,
 * assault or undetermined intent); an adverse effect (5) or underdosing (6) is not an overdose,
 * nor is an ICD-10-CM code too short to carry an intent. SNOMED overdose codes count as they are.
 */
export function isDrugOverdose(coding: fhir4.Coding | undefined): boolean {
  if (!codingInGroup(DRUG_OVERDOSE, coding)) {
    return false;
  }
  if (normalizeSystem(coding!.system!) !== ICD10CM) {
    return true;
  }
  const intent = icd10PoisoningIntent(coding);
  return intent !== undefined && POISONING_INTENTS.has(intent);
}

/**
 * Whether an SUD coding says "in remission": ICD-10-CM F1x.11 (abuse), F1x.21 (dependence), F1x.91
 * (use), e.g. F10.21 alcohol dependence in remission. SNOMED-coded problems carry remission in
 * Condition.clinicalStatus `remission`, which the flags read separately [measures.md §6].
 */
export function isSubstanceUseInRemission(coding: fhir4.Coding | undefined): boolean {
  if (!coding?.code || !coding.system) {
    return false;
  }
  if (normalizeSystem(coding.system) !== ICD10CM || !codingInGroup(SUBSTANCE_USE_DISORDER, coding)) {
    return false;
  }
  const k = icdKey(coding.code);
  return k.length === 5 && k[4] === '1' && ['1', '2', '9'].includes(k[3] ?? '');
}

/** The MCC chronic-condition groups (SNOMED from official VSAC value sets): codes/chronic-condition-groups.ts. */
export {
  MCC_AMI,
  MCC_ATRIAL_FIBRILLATION,
  MCC_CKD,
  MCC_COPD_ASTHMA,
  MCC_DEMENTIA,
  MCC_DIABETES,
  MCC_HEART_FAILURE,
  MCC_STROKE_TIA,
  MCC_CHRONIC_CONDITION_GROUPS,
} from './chronic-condition-groups.ts';

/**
 * Conditions impairing mobility or neurological function (ACO REACH / LEAD high-needs criterion 1,
 * measures.md §4 — the CMS list itself was not read, so this is an approximation): cerebral palsy
 * G80, muscular dystrophy G71.0, cystic fibrosis E84, paralysis G81–G83, multiple sclerosis G35,
 * ALS G12.21, spinal cord injury S14.1 / S24.1 / S34.1 and its sequelae T91.3.
 */
export const MOBILITY_IMPAIRING: DiagnosisGroup = {
  id: 'mobility-impairing',
  label: 'mobility-impairing condition',
  icd10Prefixes: ['G80', 'G710', 'E84', 'G81', 'G82', 'G83', 'G35', 'G1221', 'S141', 'S241', 'S341', 'T913'],
  snomed: ['128188000', '73297009', '190905008', '60389000', '50582007', '24700007', '86044005'],
  source: 'Approximation of the REACH/LEAD high-needs mobility list (measures.md §4, [M/L]).',
};
