/** sDNA FIT Test (VSAC 2.16.840.1.113883.3.464.1003.108.12.1039, expansion 20171219, as the measure package pins it): 2 codes. Authored by src/cli/author-value-sets.ts. */
import { LOINC } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const SDNA_FIT_TEST: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.108.12.1039'),
  oid: '2.16.840.1.113883.3.464.1003.108.12.1039',
  name: 'sDNA FIT Test',
  version: '20171219',
  codes: [
    [
      LOINC,
      '77353-1',
      'Noninvasive colorectal cancer DNA and occult blood screening [Interpretation] in Stool Narrative',
    ],
    [LOINC, '77354-9', 'Noninvasive colorectal cancer DNA and occult blood screening [Presence] in Stool'],
  ],
};
