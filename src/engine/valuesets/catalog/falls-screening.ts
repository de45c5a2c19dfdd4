/** Falls Screening (VSAC 2.16.840.1.113883.3.464.1003.118.12.1028, expansion 20190315): 4 codes. Authored by src/cli/author-value-sets.ts. */
import { LOINC } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const FALLS_SCREENING: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.118.12.1028'),
  oid: '2.16.840.1.113883.3.464.1003.118.12.1028',
  name: 'Falls Screening',
  version: '20190315',
  codes: [
    [LOINC, '52552-7', 'Falls in the past year'],
    [LOINC, '57254-5', 'Standardized fall risk assessment was conducted during assessment period [CMS Assessment]'],
    [LOINC, '59454-9', 'History of falling; immediate or within 3 months [Morse Fall Scale]'],
    [LOINC, '73830-2', 'Fall risk assessment'],
  ],
};
