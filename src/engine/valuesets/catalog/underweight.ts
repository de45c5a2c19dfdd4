/** Underweight (VSAC 2.16.840.1.113883.3.526.3.1563, expansion 20220302): 4 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const UNDERWEIGHT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1563'),
  oid: '2.16.840.1.113883.3.526.3.1563',
  name: 'Underweight',
  version: '20220302',
  codes: [
    [ICD10CM, 'R63.6', 'Underweight'],
    [SNOMED, '248342006', 'Underweight (finding)'],
    [SNOMED, '427090001', 'Body mass index less than 16.5 (finding)'],
    [SNOMED, '717933005', 'Severe thinness in adulthood (finding)'],
  ],
};
