/**
 * Named codes used by the synthetic data generator. The sandbox does not import the engine, so it
 * keeps its own small dictionary; every code here is one a real US EHR would send (LOINC answer
 * lists from design/sdoh_screening_items.tsv and design/depression_instruments.tsv).
 */

/** Code system URIs (FHIR canonical forms). */
export const SYS = {
  LOINC: 'http://loinc.org',
  SNOMED: 'http://snomed.info/sct',
  ICD10CM: 'http://hl7.org/fhir/sid/icd-10-cm',
  CPT: 'http://www.ama-assn.org/go/cpt',
  RXNORM: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ACT_CODE: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  OBS_CATEGORY: 'http://terminology.hl7.org/CodeSystem/observation-category',
  COND_CATEGORY: 'http://terminology.hl7.org/CodeSystem/condition-category',
  COND_CLINICAL: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  COND_VERIFICATION: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  US_CORE_CATEGORY: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category',
  DIAGNOSIS_ROLE: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
  UCUM: 'http://unitsofmeasure.org',
  MED_REQUEST_CATEGORY: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
  MRN: 'urn:oid:2.16.840.1.113883.19.5.99999.1',
  NPI: 'http://hl7.org/fhir/sid/us-npi',
  LOCAL_UNKNOWN: 'urn:example:local-lab-codes',
  HCPCS: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  ADMIT_SOURCE: 'http://terminology.hl7.org/CodeSystem/admit-source',
} as const;

/** A code with its system and display. */
export interface Code {
  system: string;
  code: string;
  display: string;
}

const loinc = (code: string, display: string): Code => ({ system: SYS.LOINC, code, display });
const snomed = (code: string, display: string): Code => ({ system: SYS.SNOMED, code, display });
const icd = (code: string, display: string): Code => ({ system: SYS.ICD10CM, code, display });
const cpt = (code: string, display: string): Code => ({ system: SYS.CPT, code, display });
const rx = (code: string, display: string): Code => ({ system: SYS.RXNORM, code, display });
const hcpcs = (code: string, display: string): Code => ({ system: SYS.HCPCS, code, display });

/**
 * US Core sex extensions. `us-core-birthsex` (valueCode F / M, US Core ≤ 6) is what most EHRs
 * still send; `us-core-sex` (SNOMED valueCode, US Core 7 / QI-Core `Patient.sex`) is what the CMS125
 * FHIR measure reads. Generated patients carry both, consistent with `gender`.
 */
export const SEX_EXTENSION = {
  BIRTH_SEX_URL: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex',
  SEX_URL: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex',
  BIRTH_SEX: { female: 'F', male: 'M' },
  SEX: { female: '248152002', male: '248153007' },
} as const;

/** Observation categories (US Core). */
export const OBS_CAT = {
  SURVEY: { system: SYS.OBS_CATEGORY, code: 'survey', display: 'Survey' },
  SOCIAL_HISTORY: { system: SYS.OBS_CATEGORY, code: 'social-history', display: 'Social History' },
  VITAL_SIGNS: { system: SYS.OBS_CATEGORY, code: 'vital-signs', display: 'Vital Signs' },
  LABORATORY: { system: SYS.OBS_CATEGORY, code: 'laboratory', display: 'Laboratory' },
  SDOH: { system: SYS.US_CORE_CATEGORY, code: 'sdoh', display: 'SDOH' },
  IMAGING: { system: SYS.OBS_CATEGORY, code: 'imaging', display: 'Imaging' },
} as const satisfies Record<string, Code>;

/** Condition categories. */
export const COND_CAT = {
  PROBLEM_LIST: { system: SYS.COND_CATEGORY, code: 'problem-list-item', display: 'Problem List Item' },
  ENCOUNTER_DX: { system: SYS.COND_CATEGORY, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' },
} as const satisfies Record<string, Code>;

/** Screening instruments (LOINC). */
export const INSTRUMENT = {
  PHQ2_TOTAL: loinc('55758-7', 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]'),
  PHQ9_TOTAL: loinc('44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'),
  PHQ9_ITEM9: loinc('44260-8', 'Thoughts that you would be better off dead, or of hurting yourself in some way'),
  GAD7_TOTAL: loinc('70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]'),
  ADULT_DEPRESSION_SCREEN: loinc('73832-8', 'Adult depression screening assessment'),
  ADOLESCENT_DEPRESSION_SCREEN: loinc('73831-0', 'Adolescent depression screening assessment'),
} as const;

/** PHQ-9 item 9 answers (LOINC answer list LL358-3), index = item score 0..3. */
export const PHQ9_ITEM9_ANSWERS: readonly Code[] = [
  loinc('LA6568-5', 'Not at all'),
  loinc('LA6569-3', 'Several days'),
  loinc('LA6570-1', 'More than half the days'),
  loinc('LA6571-9', 'Nearly every day'),
];

/** CMS2 coded screening results. */
export const SCREEN_RESULT = {
  POSITIVE: snomed('428181000124104', 'Depression screening positive (finding)'),
  NEGATIVE: snomed('428171000124102', 'Depression screening negative (finding)'),
} as const;

/** One SDOH question with its positive and negative answers. */
export interface SdohItem {
  instrument: 'AHC-HRSN' | 'PRAPARE' | 'HVS';
  domain: string;
  question: Code;
  positive: Code;
  negative: Code;
}

const YES = loinc('LA33-6', 'Yes');
const NO = loinc('LA32-8', 'No');

/** AHC HRSN / Hunger Vital Sign / PRAPARE items (design/sdoh_screening_items.tsv). */
export const SDOH_ITEMS: readonly SdohItem[] = [
  {
    instrument: 'AHC-HRSN',
    domain: 'housing_instability',
    question: loinc('71802-3', 'Housing status'),
    positive: loinc('LA31994-9', 'I have a place to live today, but I am worried about losing it in the future'),
    negative: loinc('LA31993-1', 'I have a steady place to live'),
  },
  {
    instrument: 'HVS',
    domain: 'food_insecurity',
    question: loinc(
      '88122-7',
      'Within the past 12 months we worried whether our food would run out before we got money to buy more',
    ),
    positive: loinc('LA6729-3', 'Sometimes true'),
    negative: loinc('LA28398-8', 'Never true'),
  },
  {
    instrument: 'HVS',
    domain: 'food_insecurity',
    question: loinc(
      '88123-5',
      "Within the past 12 months the food we bought just didn't last and we didn't have money to get more",
    ),
    positive: loinc('LA28397-0', 'Often true'),
    negative: loinc('LA28398-8', 'Never true'),
  },
  {
    instrument: 'AHC-HRSN',
    domain: 'transportation',
    question: loinc(
      '93030-5',
      'Has lack of transportation kept you from medical appointments, meetings, work, or from getting things needed for daily living',
    ),
    positive: YES,
    negative: NO,
  },
  {
    instrument: 'AHC-HRSN',
    domain: 'utilities',
    question: loinc(
      '96779-4',
      'Has the electric, gas, oil, or water company threatened to shut off services in your home in past 12 months',
    ),
    positive: YES,
    negative: NO,
  },
  {
    instrument: 'PRAPARE',
    domain: 'housing_instability',
    question: loinc('93033-9', 'Are you worried about losing your housing'),
    positive: YES,
    negative: NO,
  },
  {
    instrument: 'PRAPARE',
    domain: 'interpersonal_safety',
    question: loinc('93026-3', 'Do you feel physically and emotionally safe where you currently live'),
    positive: NO,
    negative: YES,
  },
];

/** HVS derived risk (88124-3). */
export const HVS_RISK = {
  QUESTION: loinc('88124-3', 'Food insecurity risk [HVS]'),
  AT_RISK: loinc('LA19952-3', 'At risk'),
  NO_RISK: loinc('LA19983-8', 'No risk'),
} as const;

/** Vital signs and labs. */
export const VITALS = {
  BP_PANEL: loinc('85354-9', 'Blood pressure panel with all children optional'),
  SYSTOLIC: loinc('8480-6', 'Systolic blood pressure'),
  DIASTOLIC: loinc('8462-4', 'Diastolic blood pressure'),
  HBA1C: loinc('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'),
  BMI: loinc('39156-5', 'Body mass index (BMI) [Ratio]'),
} as const;

/** Diagnoses, each with its ICD-10-CM code and the SNOMED concept many EHRs send alongside. */
export interface Diagnosis {
  key: string;
  icd: Code;
  snomed: Code;
  mental: boolean;
}

const dx = (key: string, i: Code, s: Code, mental = false): Diagnosis => ({ key, icd: i, snomed: s, mental });

/** The diagnoses the panel draws from. */
export const DX = {
  MDD_SINGLE: dx(
    'mdd',
    icd('F32.1', 'Major depressive disorder, single episode, moderate'),
    snomed('370143000', 'Major depressive disorder (disorder)'),
    true,
  ),
  MDD_RECURRENT: dx(
    'mdd-recurrent',
    icd('F33.1', 'Major depressive disorder, recurrent, moderate'),
    snomed('66344007', 'Recurrent major depression (disorder)'),
    true,
  ),
  ANXIETY: dx(
    'gad',
    icd('F41.1', 'Generalized anxiety disorder'),
    snomed('21897009', 'Generalized anxiety disorder (disorder)'),
    true,
  ),
  SCHIZOPHRENIA: dx(
    'schizophrenia',
    icd('F20.9', 'Schizophrenia, unspecified'),
    snomed('58214004', 'Schizophrenia (disorder)'),
    true,
  ),
  SCHIZOAFFECTIVE: dx(
    'schizoaffective',
    icd('F25.0', 'Schizoaffective disorder, bipolar type'),
    snomed('68890003', 'Schizoaffective disorder (disorder)'),
    true,
  ),
  BIPOLAR: dx(
    'bipolar',
    icd('F31.81', 'Bipolar II disorder'),
    snomed('83225003', 'Bipolar II disorder (disorder)'),
    true,
  ),
  ALCOHOL_USE: dx(
    'alcohol',
    icd('F10.20', 'Alcohol dependence, uncomplicated'),
    snomed('66590003', 'Alcohol dependence (disorder)'),
    true,
  ),
  OPIOID_USE: dx(
    'opioid',
    icd('F11.20', 'Opioid dependence, uncomplicated'),
    snomed('75544000', 'Opioid dependence (disorder)'),
    true,
  ),
  HYPERTENSION: dx(
    'htn',
    icd('I10', 'Essential (primary) hypertension'),
    snomed('59621000', 'Essential hypertension (disorder)'),
  ),
  DIABETES: dx(
    't2dm',
    icd('E11.9', 'Type 2 diabetes mellitus without complications'),
    snomed('44054006', 'Diabetes mellitus type 2 (disorder)'),
  ),
  HYPERLIPIDEMIA: dx(
    'hld',
    icd('E78.5', 'Hyperlipidemia, unspecified'),
    snomed('55822004', 'Hyperlipidemia (disorder)'),
  ),
  ASTHMA: dx('asthma', icd('J45.909', 'Unspecified asthma, uncomplicated'), snomed('195967001', 'Asthma (disorder)')),
  COPD: dx(
    'copd',
    icd('J44.9', 'Chronic obstructive pulmonary disease, unspecified'),
    snomed('13645005', 'Chronic obstructive lung disease (disorder)'),
  ),
  OBESITY: dx('obesity', icd('E66.9', 'Obesity, unspecified'), snomed('414916001', 'Obesity (disorder)')),
  CKD3: dx(
    'ckd3',
    icd('N18.30', 'Chronic kidney disease, stage 3 unspecified'),
    snomed('433144002', 'Chronic kidney disease stage 3 (disorder)'),
  ),
  MULTIPLE_SCLEROSIS: dx('ms', icd('G35', 'Multiple sclerosis'), snomed('24700007', 'Multiple sclerosis (disorder)')),
  CEREBRAL_PALSY: dx(
    'cp',
    icd('G80.9', 'Cerebral palsy, unspecified'),
    snomed('128188000', 'Cerebral palsy (disorder)'),
  ),
  PARAPLEGIA: dx('paraplegia', icd('G82.20', 'Paraplegia, unspecified'), snomed('60389000', 'Paraplegia (disorder)')),
} as const satisfies Record<string, Diagnosis>;

/** Diagnoses that impair mobility (the high-needs mobility criterion). */
export const MOBILITY_DX: readonly Diagnosis[] = [DX.MULTIPLE_SCLEROSIS, DX.CEREBRAL_PALSY, DX.PARAPLEGIA];

/** Encounter types. */
export const VISIT = {
  OFFICE_NEW: [
    cpt('99202', 'Office or other outpatient visit for the evaluation and management of a new patient, 15 minutes'),
    cpt('99203', 'Office or other outpatient visit, new patient, 30 minutes'),
    cpt('99204', 'Office or other outpatient visit, new patient, 45 minutes'),
  ],
  OFFICE_ESTABLISHED: [
    cpt('99212', 'Office or other outpatient visit, established patient, 10 minutes'),
    cpt('99213', 'Office or other outpatient visit, established patient, 20 minutes'),
    cpt('99214', 'Office or other outpatient visit, established patient, 30 minutes'),
    cpt('99215', 'Office or other outpatient visit, established patient, 40 minutes'),
  ],
  PSYCH_EVAL: cpt('90791', 'Psychiatric diagnostic evaluation'),
  PSYCHOTHERAPY: cpt('90834', 'Psychotherapy, 45 minutes with patient'),
  ED: cpt('99284', 'Emergency department visit, moderate medical decision making'),
  INPATIENT: snomed('32485007', 'Hospital admission (procedure)'),
  INPATIENT_EMERGENCY: snomed('183452005', 'Emergency hospital admission (procedure)'),
} as const;

/** Encounter classes (v3 ActCode). */
export const ENC_CLASS = {
  AMB: { system: SYS.ACT_CODE, code: 'AMB', display: 'ambulatory' },
  EMER: { system: SYS.ACT_CODE, code: 'EMER', display: 'emergency' },
  IMP: { system: SYS.ACT_CODE, code: 'IMP', display: 'inpatient encounter' },
} as const satisfies Record<string, Code>;

/** Encounter.hospitalization.admitSource for a stay admitted through the emergency department. */
export const ADMIT_FROM_ED: Code = {
  system: SYS.ADMIT_SOURCE,
  code: 'emd',
  display: 'From accident/emergency department',
};

/** Frailty equipment orders (HCPCS; the REACH/LEAD high-needs frailty criterion). */
export const DEVICE = {
  HOSPITAL_BED: hcpcs(
    'E0260',
    'Hospital bed, semi-electric (head and foot adjustment), with any type side rails, with mattress',
  ),
  PATIENT_LIFT: hcpcs('E0630', 'Patient lift, hydraulic or mechanical, includes any seat, sling, strap(s) or pad(s)'),
} as const;

/** Cancer screening results and procedures (codes from the CMS130 / CMS125 value sets). */
export const SCREENING = {
  /** Colonoscopy value set: CPT and SNOMED sent together, as many EHRs do. */
  COLONOSCOPY_CPT: cpt(
    '45378',
    'Colonoscopy, flexible; diagnostic, including collection of specimen(s) by brushing or washing, when performed (separate procedure)',
  ),
  COLONOSCOPY_SNOMED: snomed('73761001', 'Colonoscopy (procedure)'),
  /** Fecal Occult Blood Test (FOBT) value set: a FIT. */
  FIT: loinc('29771-3', 'Hemoglobin.gastrointestinal.lower [Presence] in Stool by Immunoassay'),
  /** sDNA FIT Test value set. */
  SDNA_FIT: loinc('77354-9', 'Noninvasive colorectal cancer DNA and occult blood screening [Presence] in Stool'),
  /** Mammography value set. */
  MAMMOGRAM: loinc('24606-6', 'MG Breast Screening'),
  NEGATIVE: snomed('260385009', 'Negative (qualifier value)'),
} as const;

/** Follow-up interventions for a positive depression screen. */
export const FOLLOW_UP = {
  REFERRAL_PSYCHIATRY: snomed('183524004', 'Referral to psychiatry service (procedure)'),
  REFERRAL_COUNSELING: snomed('306226009', 'Referral to mental health counseling service (procedure)'),
  REFERRAL_PSYCHOGERIATRIC: snomed('306204008', 'Referral to psychogeriatric day hospital (procedure)'),
  PSYCHOTHERAPY: snomed('75516001', 'Psychotherapy (regime/therapy)'),
  CBT: snomed('228557008', 'Cognitive and behavioral therapy (regime/therapy)'),
  CARE_MANAGEMENT: snomed('768835002', 'Depression care management (procedure)'),
  SOCIAL_WORK_REFERRAL: snomed('464131000124100', 'Referral to food pantry program (procedure)'),
} as const;

/** Medications (RxNorm SCDs) with their dose form unit. */
export interface Medication {
  code: Code;
  doseUnit: string;
  class:
    | 'antidepressant'
    | 'antipsychotic'
    | 'mood-stabilizer'
    | 'diabetes'
    | 'antihypertensive'
    | 'statin'
    | 'moud'
    | 'other';
}

const med = (code: string, display: string, cls: Medication['class'], doseUnit = 'tablet'): Medication => ({
  code: rx(code, display),
  doseUnit,
  class: cls,
});

/** The formulary the panel draws from. */
export const MEDS = {
  FLUOXETINE: med('310385', 'fluoxetine 20 MG Oral Capsule', 'antidepressant', 'capsule'),
  SERTRALINE: med('312940', 'sertraline 25 MG Oral Tablet', 'antidepressant'),
  ESCITALOPRAM: med('351249', 'escitalopram 5 MG Oral Tablet', 'antidepressant'),
  OLANZAPINE: med('314154', 'olanzapine 10 MG Oral Tablet', 'antipsychotic'),
  RISPERIDONE: med('312830', 'risperidone 2 MG Oral Tablet', 'antipsychotic'),
  LITHIUM: med('197889', 'lithium carbonate 300 MG Oral Capsule', 'mood-stabilizer', 'capsule'),
  METFORMIN: med('861007', 'metformin hydrochloride 500 MG Oral Tablet', 'diabetes'),
  LISINOPRIL: med('314076', 'lisinopril 10 MG Oral Tablet', 'antihypertensive'),
  ATORVASTATIN: med('617312', 'atorvastatin 40 MG Oral Tablet', 'statin'),
  BUPRENORPHINE_NALOXONE: med('1010600', 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film', 'moud', 'film'),
} as const satisfies Record<string, Medication>;

/**
 * Common primary-care medications added to older, multimorbid patients' lists (polypharmacy).
 * None is an antidepressant, dementia or substance-use medication, so they never satisfy or
 * exclude a measure by accident.
 */
export const EXTRA_MEDS: readonly Medication[] = [
  med('197361', 'amlodipine 5 MG Oral Tablet', 'antihypertensive'),
  med('310798', 'hydrochlorothiazide 25 MG Oral Tablet', 'antihypertensive'),
  med('866924', 'metoprolol tartrate 25 MG Oral Tablet', 'antihypertensive'),
  med('310429', 'furosemide 20 MG Oral Tablet', 'other'),
  med('243670', 'aspirin 81 MG Oral Tablet', 'other'),
  med('966222', 'levothyroxine sodium 0.075 MG Oral Tablet', 'other'),
  med('314231', 'simvastatin 10 MG Oral Tablet', 'statin'),
  med('313782', 'acetaminophen 325 MG Oral Tablet', 'other'),
  med('745679', '200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', 'other', 'puff'),
  med('895994', '120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler', 'other', 'puff'),
  med('310965', 'ibuprofen 200 MG Oral Tablet', 'other'),
];
