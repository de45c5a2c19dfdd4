/** Status Post Left Mastectomy (VSAC 2.16.840.1.113883.3.464.1003.198.12.1069, expansion 20171216, as the measure package pins it): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const STATUS_POST_LEFT_MASTECTOMY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1069'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1069',
  name: 'Status Post Left Mastectomy',
  version: '20171216',
  codes: [
    [ICD10CM, 'Z90.12', 'Acquired absence of left breast and nipple'],
    [SNOMED, '137671000119105', 'History of prophylactic mastectomy of left breast (situation)'],
    [SNOMED, '429009003', 'History of left mastectomy (situation)'],
  ],
};
