/** Unilateral Mastectomy, Unspecified Laterality (VSAC 2.16.840.1.113883.3.464.1003.198.12.1071, expansion 20240112, as the measure package pins it): 7 codes. Authored by src/cli/author-value-sets.ts. */
import { ICD10CM, SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const UNILATERAL_MASTECTOMY_UNSPECIFIED_LATERALITY: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.198.12.1071'),
  oid: '2.16.840.1.113883.3.464.1003.198.12.1071',
  name: 'Unilateral Mastectomy, Unspecified Laterality',
  version: '20240112',
  codes: [
    [ICD10CM, 'Z90.10', 'Acquired absence of unspecified breast and nipple'],
    [SNOMED, '22964006', 'Unilateral simple mastectomy (situation)'],
    [SNOMED, '248802009', 'Absence of breast (finding)'],
    [SNOMED, '72269009', 'Unilateral modified radical mastectomy (situation)'],
    [SNOMED, '73359007', 'Unilateral mastectomy (situation)'],
    [SNOMED, '8115005', 'Unilateral radical mastectomy (situation)'],
    [SNOMED, '88764002', 'Unilateral extended simple mastectomy (situation)'],
  ],
};
