/**
 * SNOMED CT members of the official VSAC value sets the multiple-chronic-conditions groups read
 * (codes/chronic-condition-groups.ts), one file per value set, authored from the VSAC expansions
 * published with the eCQM content (input/vocabulary/valueset/external/ of the repositories named in
 * each file). Only SNOMED codes are kept: ICD-10-CM is matched by category prefix in the groups.
 */
export { HEART_FAILURE_SNOMED } from './heart-failure.ts';
export { ASTHMA_SNOMED } from './asthma.ts';
export { DEMENTIA_SNOMED } from './dementia.ts';
export { MYOCARDIAL_INFARCTION_SNOMED } from './myocardial-infarction.ts';
export { ATRIAL_FIBRILLATION_SNOMED } from './atrial-fibrillation.ts';
export { ISCHEMIC_STROKE_SNOMED } from './ischemic-stroke.ts';
export { HEMORRHAGIC_STROKE_SNOMED } from './hemorrhagic-stroke.ts';
