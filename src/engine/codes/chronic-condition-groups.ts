/**
 * The eight chronic-condition groups of the multiple-chronic-conditions flag (MIPS #484 / UAMCC:
 * AMI, AF, CKD, COPD/asthma, dementia, diabetes, heart failure, stroke/TIA — measures.md §6, [L]).
 * ICD-10-CM by category prefix; SNOMED CT from the official VSAC value set of each condition where
 * one exists (codes/chronic-condition-snomed/ and valuesets/catalog/, OIDs named below):
 *  - AMI: Initial Myocardial Infarction 2.16.840.1.113883.3.526.3.403 (+ 1755008 old MI, as I25.2);
 *  - AF: Atrial Fibrillation or Flutter 2.16.840.1.113883.3.117.1.7.1.202 (I48 is also both);
 *  - CKD: Chronic Kidney Disease, Stage 5 2.16.840.1.113883.3.526.3.1002, End Stage Renal Disease
 *    2.16.840.1.113883.3.526.3.353, the CKD members of Diabetes 2.16.840.1.113883.3.464.1003.103.12.1001
 *    ("Chronic kidney disease stage 3 due to type 2 diabetes" …), and the SNOMED CKD stage concepts
 *    1–5 / 3A / 3B — no VSAC value set of all CKD stages was found in the sources read;
 *  - COPD/asthma: Asthma 2.16.840.1.113883.3.526.3.362, the emphysema members of Advanced Illness
 *    2.16.840.1.113883.3.464.1003.110.12.1082, and the core COPD concepts (no COPD value set found);
 *  - dementia: Dementia and Mental Degenerations 2.16.840.1.113883.3.526.3.1005;
 *  - diabetes: Diabetes 2.16.840.1.113883.3.464.1003.103.12.1001;
 *  - heart failure: Heart Failure 2.16.840.1.113883.3.526.3.376;
 *  - stroke/TIA: Ischemic Stroke 2.16.840.1.113883.3.117.1.7.1.247, Hemorrhagic Stroke
 *    2.16.840.1.113883.3.117.1.7.1.212 and 266257000 transient ischemic attack (a member of
 *    Cerebrovascular Disease Stroke or TIA 2.16.840.1.113762.1.4.1047.44).
 */
import { SNOMED, normalizeSystem } from './code-systems.ts';
import type { DiagnosisGroup } from './diagnosis-groups.ts';
import {
  ASTHMA_SNOMED,
  ATRIAL_FIBRILLATION_SNOMED,
  DEMENTIA_SNOMED,
  HEART_FAILURE_SNOMED,
  HEMORRHAGIC_STROKE_SNOMED,
  ISCHEMIC_STROKE_SNOMED,
  MYOCARDIAL_INFARCTION_SNOMED,
} from './chronic-condition-snomed/index.ts';
import type { ValueSetDef } from '../valuesets/value-set.ts';
import { ADVANCED_ILLNESS } from '../valuesets/catalog/advanced-illness.ts';
import { CHRONIC_KIDNEY_DISEASE_STAGE_5 } from '../valuesets/catalog/chronic-kidney-disease-stage-5.ts';
import { DIABETES } from '../valuesets/catalog/diabetes.ts';
import { END_STAGE_RENAL_DISEASE } from '../valuesets/catalog/end-stage-renal-disease.ts';

const SOURCE =
  'MIPS #484 / UAMCC chronic-condition list (measures.md §6, [L]); SNOMED from VSAC (codes/chronic-condition-groups.ts).';

function snomedOf(vs: ValueSetDef, keep: (display: string) => boolean = () => true): string[] {
  return vs.codes
    .filter(([system, , display]) => normalizeSystem(system) === SNOMED && keep(display))
    .map(([, code]) => code);
}

const unique = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

/** SNOMED CT CKD stage concepts (stage 1, 2, 3, 3A, 3B, 4, 5; chronic kidney disease). */
export const CKD_STAGE_SNOMED: readonly string[] = [
  '431855005',
  '431856006',
  '433144002',
  '700378005',
  '700379002',
  '431857002',
  '433146000',
  '709044004',
];
/** SNOMED CT core COPD concepts: COPD, acute exacerbation of COPD, chronic obstructive bronchitis, pulmonary emphysema. */
export const COPD_SNOMED: readonly string[] = ['13645005', '195951007', '185086009', '87433001'];

/** MCC group: acute myocardial infarction (I21, I22, old MI I25.2). */
export const MCC_AMI: DiagnosisGroup = {
  id: 'ami',
  label: 'acute myocardial infarction',
  icd10Prefixes: ['I21', 'I22', 'I252'],
  snomed: unique(MYOCARDIAL_INFARCTION_SNOMED, ['1755008']),
  source: SOURCE,
};
/** MCC group: atrial fibrillation (I48). */
export const MCC_ATRIAL_FIBRILLATION: DiagnosisGroup = {
  id: 'af',
  label: 'atrial fibrillation',
  icd10Prefixes: ['I48'],
  snomed: ATRIAL_FIBRILLATION_SNOMED,
  source: SOURCE,
};
/** MCC group: chronic kidney disease (N18, every stage). */
export const MCC_CKD: DiagnosisGroup = {
  id: 'ckd',
  label: 'chronic kidney disease',
  icd10Prefixes: ['N18'],
  snomed: unique(
    CKD_STAGE_SNOMED,
    snomedOf(CHRONIC_KIDNEY_DISEASE_STAGE_5),
    snomedOf(END_STAGE_RENAL_DISEASE),
    snomedOf(DIABETES, (d) => /chronic kidney disease|end stage renal/i.test(d)),
  ),
  source: SOURCE,
};
/** MCC group: COPD and asthma (J41–J45). */
export const MCC_COPD_ASTHMA: DiagnosisGroup = {
  id: 'copd-asthma',
  label: 'COPD/asthma',
  icd10Prefixes: ['J41', 'J42', 'J43', 'J44', 'J45'],
  snomed: unique(
    COPD_SNOMED,
    ASTHMA_SNOMED,
    snomedOf(ADVANCED_ILLNESS, (d) => /emphysema|chronic obstructive/i.test(d)),
  ),
  source: SOURCE,
};
/** MCC group: dementia (F01–F03, G30, G31.0, G31.1, G31.83). */
export const MCC_DEMENTIA: DiagnosisGroup = {
  id: 'dementia',
  label: 'dementia',
  icd10Prefixes: ['F01', 'F02', 'F03', 'G30', 'G310', 'G311', 'G3183'],
  snomed: unique(DEMENTIA_SNOMED, ['26929004']),
  source: SOURCE,
};
/** MCC group: diabetes (E08–E13). */
export const MCC_DIABETES: DiagnosisGroup = {
  id: 'diabetes',
  label: 'diabetes',
  icd10Prefixes: ['E08', 'E09', 'E10', 'E11', 'E13'],
  snomed: snomedOf(DIABETES),
  source: SOURCE,
};
/** MCC group: heart failure (I50, hypertensive heart (and kidney) disease with HF). */
export const MCC_HEART_FAILURE: DiagnosisGroup = {
  id: 'heart-failure',
  label: 'heart failure',
  icd10Prefixes: ['I50', 'I110', 'I130', 'I132'],
  snomed: HEART_FAILURE_SNOMED,
  source: SOURCE,
};
/** MCC group: stroke / TIA (I60, I61, I63, G45 except G45.4 transient global amnesia). */
export const MCC_STROKE_TIA: DiagnosisGroup = {
  id: 'stroke-tia',
  label: 'stroke/TIA',
  icd10Prefixes: ['I60', 'I61', 'I63', 'G45'],
  icd10Excluded: ['G454'],
  snomed: unique(ISCHEMIC_STROKE_SNOMED, HEMORRHAGIC_STROKE_SNOMED, ['230690007', '266257000']),
  source: SOURCE,
};
/** The eight MCC chronic-condition groups, in the order the measure lists them. */
export const MCC_CHRONIC_CONDITION_GROUPS: readonly DiagnosisGroup[] = [
  MCC_AMI,
  MCC_ATRIAL_FIBRILLATION,
  MCC_CKD,
  MCC_COPD_ASTHMA,
  MCC_DEMENTIA,
  MCC_DIABETES,
  MCC_HEART_FAILURE,
  MCC_STROKE_TIA,
];
