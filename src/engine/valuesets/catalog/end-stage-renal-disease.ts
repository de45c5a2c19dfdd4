/** End Stage Renal Disease (VSAC 2.16.840.1.113883.3.526.3.353, expansion 20200307, as the measure package pins it): 5 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const END_STAGE_RENAL_DISEASE: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.526.3.353'),
  oid: '2.16.840.1.113883.3.526.3.353',
  name: 'End Stage Renal Disease',
  version: '20200307',
  codes: [
    [ICD10CM, 'N18.6', 'End stage renal disease'],
    [SNOMED, '236434000', 'End stage renal failure untreated by renal replacement therapy (disorder)'],
    [SNOMED, '236435004', 'End stage renal failure on dialysis (disorder)'],
    [SNOMED, '236436003', 'End stage renal failure with renal transplant (disorder)'],
    [SNOMED, '46177005', 'End-stage renal disease (disorder)'],
  ],
};
