/** CT Colonography (VSAC 2.16.840.1.113883.3.464.1003.108.12.1038, expansion 20190315, as the measure package pins it): 6 codes. Authored by src/cli/author-value-sets.ts. */
import { LOINC } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const CT_COLONOGRAPHY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.108.12.1038'),
  oid: '2.16.840.1.113883.3.464.1003.108.12.1038',
  name: 'CT Colonography',
  version: '20190315',
  codes: [
    [LOINC, '60515-4', 'CT Colon and Rectum W air contrast PR'],
    [LOINC, '72531-7', 'CT Colon and Rectum W contrast IV and W air contrast PR'],
    [LOINC, '79069-1', 'CT Colon and Rectum for screening WO contrast IV and W air contrast PR'],
    [LOINC, '79071-7', 'CT Colon and Rectum WO contrast IV and W air contrast PR'],
    [LOINC, '79101-2', 'CT Colon and Rectum for screening W air contrast PR'],
    [LOINC, '82688-3', 'CT Colon and Rectum WO and W contrast IV and W air contrast PR'],
  ],
};
