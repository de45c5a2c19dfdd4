/** Medications for Below Normal BMI (VSAC 2.16.840.1.113883.3.526.3.1562, expansion 20210220): 8 codes. Authored by src/cli/author-value-sets.ts. */
import { RXNORM } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const MEDICATIONS_FOR_BELOW_NORMAL_BMI: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1562'),
  oid: '2.16.840.1.113883.3.526.3.1562',
  name: 'Medications for Below Normal BMI',
  version: '20210220',
  codes: [
    [RXNORM, '1928948', 'dronabinol 5 MG/ML Oral Solution'],
    [RXNORM, '197634', 'dronabinol 10 MG Oral Capsule'],
    [RXNORM, '197635', 'dronabinol 2.5 MG Oral Capsule'],
    [RXNORM, '197636', 'dronabinol 5 MG Oral Capsule'],
    [RXNORM, '577154', 'megestrol acetate 125 MG/ML Oral Suspension'],
    [RXNORM, '860215', 'megestrol acetate 20 MG Oral Tablet'],
    [RXNORM, '860221', 'megestrol acetate 40 MG Oral Tablet'],
    [RXNORM, '860225', 'megestrol acetate 40 MG/ML Oral Suspension'],
  ],
};
