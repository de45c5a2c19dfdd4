/** Unilateral Mastectomy Left (VSAC 2.16.840.1.113883.3.464.1003.198.12.1133, expansion 20190315, as the measure package pins it): 9 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const UNILATERAL_MASTECTOMY_LEFT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1133'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1133',
  name: 'Unilateral Mastectomy Left',
  version: '20190315',
  codes: [
    [SNOMED, '428571003', 'Mastectomy of left breast (procedure)'],
    [SNOMED, '451211000124109', 'Prophylactic mastectomy of left breast (procedure)'],
    [SNOMED, '726429001', 'Radical mastectomy of left breast (procedure)'],
    [SNOMED, '726435001', 'Subcutaneous mastectomy of left breast (procedure)'],
    [SNOMED, '726437009', 'Modified radical mastectomy of left breast (procedure)'],
    [SNOMED, '741009001', 'Simple mastectomy of left breast (procedure)'],
    [SNOMED, '741018004', 'Subcutaneous mastectomy of left breast with prosthetic implant (procedure)'],
    [SNOMED, '836437004', 'Simple mastectomy of left breast using robotic assistance (procedure)'],
    ['http://www.cms.gov/Medicare/Coding/ICD10', '0HTU0ZZ', 'Resection of Left Breast, Open Approach'],
  ],
};
