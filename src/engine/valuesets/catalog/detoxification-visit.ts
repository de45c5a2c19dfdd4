/** Detoxification Visit (VSAC 2.16.840.1.113883.3.464.1003.101.12.1059, expansion 20170504): 11 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const DETOXIFICATION_VISIT: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.101.12.1059'),
  oid: '2.16.840.1.113883.3.464.1003.101.12.1059',
  name: 'Detoxification Visit',
  version: '20170504',
  codes: [
    [SNOMED, '182969009', 'Dependent drug detoxification (regime/therapy)'],
    [SNOMED, '20093000', 'Alcohol rehabilitation and detoxification (regime/therapy)'],
    [SNOMED, '23915005', 'Combined alcohol and drug rehabilitation and detoxification (regime/therapy)'],
    [SNOMED, '414054004', 'Drug dependence home detoxification (regime/therapy)'],
    [SNOMED, '414056002', 'Drug dependence self detoxification (regime/therapy)'],
    [SNOMED, '56876005', 'Drug rehabilitation and detoxification (regime/therapy)'],
    [SNOMED, '61480009', 'Drug detoxification (regime/therapy)'],
    [SNOMED, '64297001', 'Detoxication psychiatric therapy for alcoholism (regime/therapy)'],
    [SNOMED, '67516001', 'Detoxification therapy (regime/therapy)'],
    [SNOMED, '827094004', 'Alcohol detoxification (regime/therapy)'],
    [SNOMED, '87106005', 'Combined alcohol and drug detoxification (regime/therapy)'],
  ],
};
