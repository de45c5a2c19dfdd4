/** Status Post Right Mastectomy (VSAC 2.16.840.1.113883.3.464.1003.198.12.1070, expansion 20171216, as the measure package pins it): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const STATUS_POST_RIGHT_MASTECTOMY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1070'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1070',
  name: 'Status Post Right Mastectomy',
  version: '20171216',
  codes: [
    [ICD10CM, 'Z90.11', 'Acquired absence of right breast and nipple'],
    [SNOMED, '137681000119108', 'History of prophylactic mastectomy of right breast (situation)'],
    [SNOMED, '429242008', 'History of right mastectomy (situation)'],
  ],
};
