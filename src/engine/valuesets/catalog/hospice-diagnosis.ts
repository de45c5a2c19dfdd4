/** Hospice Diagnosis (VSAC 2.16.840.1.113883.3.464.1003.1165, expansion 20220818, as the measure package pins it): 3 codes. Authored by src/cli/author-value-sets.ts. */
import { SNOMED } from '../../codes/code-systems.ts';
import { vsacUrl, type ValueSetDef } from '../value-set.ts';

export const HOSPICE_DIAGNOSIS: ValueSetDef = {
  url: vsacUrl('2.16.840.1.113883.3.464.1003.1165'),
  oid: '2.16.840.1.113883.3.464.1003.1165',
  name: 'Hospice Diagnosis',
  version: '20220818',
  codes: [
    [SNOMED, '170935008', 'Full care by hospice (finding)'],
    [SNOMED, '170936009', 'Shared care - hospice and general practitioner (finding)'],
    [SNOMED, '305911006', 'Seen in hospice (finding)'],
  ],
};
