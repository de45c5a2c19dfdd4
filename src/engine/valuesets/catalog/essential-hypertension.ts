/** Essential Hypertension (VSAC 2.16.840.1.113883.3.464.1003.104.12.1011, expansion 20240106, as the measure package pins it): 17 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const ESSENTIAL_HYPERTENSION: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.104.12.1011'),
  oid: '2.16.840.1.113883.3.464.1003.104.12.1011',
  name: 'Essential Hypertension',
  version: '20240106',
  codes: [
    [ICD10CM, 'I10', 'Essential (primary) hypertension'],
    [SNOMED, '1201005', 'Benign essential hypertension (disorder)'],
    [SNOMED, '18416000', 'Essential hypertension complicating AND/OR reason for care during childbirth (disorder)'],
    [SNOMED, '19769006', 'High-renin essential hypertension (disorder)'],
    [
      SNOMED,
      '23717007',
      'Benign essential hypertension complicating AND/OR reason for care during pregnancy (disorder)',
    ],
    [
      SNOMED,
      '35303009',
      'Benign essential hypertension complicating AND/OR reason for care during puerperium (disorder)',
    ],
    [SNOMED, '371125006', 'Labile essential hypertension (disorder)'],
    [SNOMED, '40511000119107', 'Postpartum pre-existing essential hypertension (disorder)'],
    [SNOMED, '429457004', 'Systolic essential hypertension (disorder)'],
    [SNOMED, '46481004', 'Low-renin essential hypertension (disorder)'],
    [SNOMED, '59621000', 'Essential hypertension (disorder)'],
    [SNOMED, '63287004', 'Benign essential hypertension in obstetric context (disorder)'],
    [
      SNOMED,
      '71874008',
      'Benign essential hypertension complicating AND/OR reason for care during childbirth (disorder)',
    ],
    [SNOMED, '72022006', 'Essential hypertension in obstetric context (disorder)'],
    [SNOMED, '78808002', 'Essential hypertension complicating AND/OR reason for care during pregnancy (disorder)'],
    [SNOMED, '78975002', 'Malignant essential hypertension (disorder)'],
    [SNOMED, '9901000', 'Essential hypertension complicating AND/OR reason for care during puerperium (disorder)'],
  ],
};
