/** Unilateral Mastectomy Right (VSAC 2.16.840.1.113883.3.464.1003.198.12.1134, expansion 20190315, as the measure package pins it): 9 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const UNILATERAL_MASTECTOMY_RIGHT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1134'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1134',
  name: 'Unilateral Mastectomy Right',
  version: '20190315',
  codes: [
    [SNOMED, '429400009', 'Mastectomy of right breast (procedure)'],
    [SNOMED, '451201000124106', 'Prophylactic mastectomy of right breast (procedure)'],
    [SNOMED, '726430006', 'Radical mastectomy of right breast (procedure)'],
    [SNOMED, '726434002', 'Subcutaneous mastectomy of right breast (procedure)'],
    [SNOMED, '726436000', 'Modified radical mastectomy of right breast (procedure)'],
    [SNOMED, '741010006', 'Simple mastectomy of right breast (procedure)'],
    [SNOMED, '741019007', 'Subcutaneous mastectomy of right breast with prosthetic implant (procedure)'],
    [SNOMED, '836435007', 'Simple mastectomy of right breast using robotic assistance (procedure)'],
    ['http://www.cms.gov/Medicare/Coding/ICD10', '0HTT0ZZ', 'Resection of Right Breast, Open Approach'],
  ],
};
