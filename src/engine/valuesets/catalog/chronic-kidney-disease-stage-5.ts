/** Chronic Kidney Disease, Stage 5 (VSAC 2.16.840.1.113883.3.526.3.1002, expansion 20200307, as the measure package pins it): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const CHRONIC_KIDNEY_DISEASE_STAGE_5: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.1002'),
  oid: '2.16.840.1.113883.3.526.3.1002',
  name: 'Chronic Kidney Disease, Stage 5',
  version: '20200307',
  codes: [
    [ICD10CM, 'N18.5', 'Chronic kidney disease, stage 5'],
    [SNOMED, '433146000', 'Chronic kidney disease stage 5 (disorder)'],
  ],
};
