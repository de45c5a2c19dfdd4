/** History of bilateral mastectomy (VSAC 2.16.840.1.113883.3.464.1003.198.12.1068, expansion 20171219, as the measure package pins it): 4 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const HISTORY_OF_BILATERAL_MASTECTOMY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1068'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1068',
  name: 'History of bilateral mastectomy',
  version: '20171219',
  codes: [
    [ICD10CM, 'Z90.13', 'Acquired absence of bilateral breasts and nipples'],
    [SNOMED, '136071000119101', 'History of bilateral prophylactic mastectomy (situation)'],
    [SNOMED, '16087411000119102', 'History of excision of bilateral nipples (situation)'],
    [SNOMED, '428529004', 'History of bilateral mastectomy (situation)'],
  ],
};
